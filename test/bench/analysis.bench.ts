import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { Analyzer, QuoteClusterIndex } from '../../src/core/analysis';
import { findQuotes } from '../../src/core/analysis/quotes';
import { makeDoc, quotePool, Rng } from './corpus';

/**
 * `npm run bench -- analysis`: throughput of the analysis engine on a generated news corpus,
 * the ratio against compromise on the same texts in the same run, a 1 MB document, 10,000
 * documents (~35 MB) through the CLI (both cores, peak memory), and re-clustering after one
 * document changes. Nothing is asserted; the figures are printed.
 */
function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

function mb(n: number): string {
  return (n / 1e6).toFixed(1);
}

async function timeCli(dir: string, cli: string): Promise<{ ms: number; peakMb: number; bytes: number; code: number | null; cpuS: number }> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, 'analyze', '--json', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let bytes = 0;
  child.stdout.on('data', (b: Buffer) => {
    bytes += b.length;
  });
  let peakKb = 0;
  let cpuTicks = 0;
  const poll = setInterval(() => {
    try {
      const st = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+)/.exec(st);
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
      const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks = Math.max(cpuTicks, Number(f[11]) + Number(f[12]));
    } catch {
      // the process has ended
    }
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearInterval(poll);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, peakMb: peakKb / 1024, bytes, code, cpuS: cpuTicks / 100 };
}

export async function bench(): Promise<void> {
  const rng = new Rng(20261121);
  const pool = quotePool(rng, 3000);
  const analyzer = new Analyzer();

  // 1. throughput, one core
  const docs: string[] = [];
  let total = 0;
  while (total < 8e6) {
    const d = makeDoc(rng, pool, 3500);
    docs.push(d);
    total += d.length;
  }
  for (let i = 0; i < 50; i++) analyzer.analyze(docs[i]); // warm-up
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores: wall-clock figures suffer when the machine is shared; CPU-time figures less so`);
  let c0 = process.cpuUsage();
  let t0 = performance.now();
  let mentions = 0;
  let quotes = 0;
  for (const d of docs) {
    const a = analyzer.analyze(d);
    mentions += a.entities.length;
    quotes += a.quotes.length;
  }
  const engineMs = performance.now() - t0;
  const engineCpu = cpuMs(c0);
  const engineMbs = total / 1e6 / (engineMs / 1000);
  console.log(`engine, one core: ${mb(total)} MB in ${docs.length} docs, ${engineMs.toFixed(0)} ms = ${engineMbs.toFixed(2)} MB/s wall, ${(total / 1e6 / (engineCpu / 1000)).toFixed(2)} MB/s of CPU time (${mentions} mentions, ${quotes} quotes)`);

  // 2. compromise on the same kind of text (a subset: it is slow)
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nlp = require('compromise') as (t: string) => { people(): { out(f: string): unknown }; places(): { out(f: string): unknown }; organizations(): { out(f: string): unknown } };
    const subset = docs.slice(0, 60);
    const subsetBytes = subset.reduce((n, d) => n + d.length, 0);
    nlp(subset[0]).people().out('array');
    c0 = process.cpuUsage();
    t0 = performance.now();
    for (const d of subset) {
      const doc = nlp(d);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
    const cMs = performance.now() - t0;
    const cCpu = cpuMs(c0);
    const cMbs = subsetBytes / 1e6 / (cMs / 1000);
    c0 = process.cpuUsage();
    t0 = performance.now();
    for (let r = 0; r < 5; r++) for (const d of subset) analyzer.analyze(d);
    const eMs = (performance.now() - t0) / 5;
    const eCpu = cpuMs(c0) / 5;
    const eMbs = subsetBytes / 1e6 / (eMs / 1000);
    console.log(`compromise on the same ${subset.length} docs (${(subsetBytes / 1e3).toFixed(0)} KB): ${cMbs.toFixed(3)} MB/s wall; engine ${eMbs.toFixed(2)} MB/s wall; ratio ${(eMbs / cMbs).toFixed(1)}x wall, ${(cCpu / eCpu).toFixed(1)}x CPU time`);
  } catch (err) {
    console.log(`compromise not available (${err instanceof Error ? err.message : String(err)}): npm install --save-dev compromise`);
  }

  // 3. a 1 MB document
  const big = makeDoc(new Rng(7), pool, 1_000_000);
  c0 = process.cpuUsage();
  t0 = performance.now();
  const ba = analyzer.analyze(big);
  console.log(`1 MB document: ${(performance.now() - t0).toFixed(0)} ms wall, ${cpuMs(c0).toFixed(0)} ms CPU (${ba.entities.length} mentions, ${ba.quotes.length} quotes)`);

  // 4. re-clustering after one change, over the quotes of 10,000 documents
  const corpus: string[] = [];
  let corpusBytes = 0;
  const crng = new Rng(99);
  for (let i = 0; i < 10_000; i++) {
    const d = makeDoc(crng, pool, 3500);
    corpus.push(d);
    corpusBytes += d.length;
  }
  const index = new QuoteClusterIndex();
  t0 = performance.now();
  const quotesOf = (t: string): Array<{ start: number; end: number; text: string }> => findQuotes(t).map((q) => ({ start: q.start, end: q.end, text: t.slice(q.start, q.end) }));
  let nq = 0;
  for (let i = 0; i < corpus.length; i++) {
    const qs = quotesOf(corpus[i]);
    nq += qs.length;
    index.setDocument(`doc${i}.txt`, qs);
  }
  const first = index.clusters();
  console.log(`cluster index over 10,000 docs: ${nq} quotes, ${first.length} clusters, built in ${(performance.now() - t0).toFixed(0)} ms`);
  const times: number[] = [];
  for (let r = 0; r < 20; r++) {
    const i = Math.floor(crng.next() * corpus.length);
    const changed = corpus[i] + `\n\n"${pool[r]}," Novak said.\n`;
    const ts = performance.now();
    index.setDocument(`doc${i}.txt`, quotesOf(changed));
    index.clusters();
    times.push(performance.now() - ts);
  }
  times.sort((a, b) => a - b);
  console.log(`re-clustering after one document changes: median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms (update + all clusters)`);

  // 4b. one quote shared by 20,000 documents, each with a different word changed: bounded work per insert
  {
    const words = pool[0].split(' ');
    const variant = (i: number): string => {
      const w = words.slice();
      w[i % w.length] = `changed${i}`;
      return w.join(' ');
    };
    const shared = new QuoteClusterIndex();
    const ins: number[] = [];
    t0 = performance.now();
    for (let i = 0; i < 20_000; i++) {
      const t = variant(i);
      const ts = performance.now();
      shared.setDocument(`doc${i}.txt`, [{ start: 0, end: t.length, text: t }]);
      ins.push(performance.now() - ts);
    }
    const built = performance.now() - t0;
    {
      const cs = shared.clusters();
      const biggest = cs.reduce((n, c) => Math.max(n, c.mentions.length), 0);
      const change: number[] = [];
      for (let r = 0; r < 20; r++) {
        const t = variant(20_000 + r);
        const ts = performance.now();
        shared.setDocument(`doc${Math.floor(crng.next() * 20_000)}.txt`, [{ start: 0, end: t.length, text: t }]);
        shared.clusters();
        change.push(performance.now() - ts);
      }
      const ts = performance.now();
      shared.clusters();
      const unchanged = performance.now() - ts;
      ins.sort((a, b) => a - b);
      change.sort((a, b) => a - b);
      console.log(`one quote in 20,000 docs, a word changed in each: ${cs.length} cluster(s), biggest ${biggest}; inserts ${built.toFixed(0)} ms in all, median ${ins[10_000].toFixed(2)} ms, p99 ${ins[19_800].toFixed(2)} ms, max ${ins[19_999].toFixed(1)} ms; one document changed + clusters(): median ${change[10].toFixed(1)} ms, max ${change[19].toFixed(1)} ms; clusters() with nothing changed ${unchanged.toFixed(2)} ms`);
    }
  }

  // 5. 10,000 documents through the CLI (analysis + clusters, worker threads)
  const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log(`CLI bundle not found at ${cli}: run npm run build first`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-'));
  try {
    for (let i = 0; i < corpus.length; i++) fs.writeFileSync(path.join(dir, `doc${String(i).padStart(5, '0')}.txt`), corpus[i]);
    const r = await timeCli(dir, cli);
    console.log(`CLI analyze --json over 10,000 docs (${mb(corpusBytes)} MB): ${(r.ms / 1000).toFixed(1)} s end to end, peak RSS ${r.peakMb.toFixed(0)} MB, ${r.cpuS.toFixed(1)} s CPU over all threads, ${mb(r.bytes)} MB of JSON, exit ${r.code}; ${os.availableParallelism?.() ?? os.cpus().length} cores`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
