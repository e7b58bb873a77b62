import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { analyzeDocument, canonicalizeAcrossDocuments, clusterQuotes, type DocumentAnalysis } from '../core/analysis';
import { OffsetMap } from '../core/text/offsets';
import { isExportText } from '../core/export/marker';
import { neutralizeControls } from '../core/text/terminal';
import { readSourceFile } from '../core/workspace/readSource';
import { UserError } from '../core/fileSystem';
import { collectSources } from '../core/workspace/sources';
import { lastFlag, parseArgs } from './args';
import { UsageError, type CliIo } from './io';
import { HelperThreads, WORKER_FLAG, runAnalyzeWorker, type SharedQueue } from './analyzeWorkers';

export const ANALYZE_USAGE = 'source-annotator analyze [--json] [--jobs N] PATH...';

/**
 * Below this much text (UTF-16 units) the CLI analyses in its own thread only when `--jobs` is given:
 * a helper needs about as long as analysing 150 KB to load the bundle and the engine's tables.
 */
const PARALLEL_MIN_CHARS = 300_000;
/**
 * Without `--jobs`, helpers start only from this much text. A helper runs the engine cold in its
 * own V8 (a fresh thread analyses about a third as fast as a warm one for its first megabytes),
 * and its results are copied back to the main thread; on this 2-core machine 1, 2 and 4 MB (180,
 * 360 and 720 files) all finished sooner with one thread (`npm run bench -- cli`, README "Speed").
 */
const AUTO_PARALLEL_MIN_CHARS = 8_000_000;

/** The `analyze --json` contract (documented in README.md). Offsets in code points. */
export interface AnalyzeJson {
  documents: Array<{
    path: string;
    entities: Array<{ start: number; end: number; text: string; type: string; entity: string }>;
    quotes: Array<{ start: number; end: number; text: string; kind: 'speech' | 'term'; speaker: string | null }>;
  }>;
  quoteClusters: Array<{ id: string; mentions: Array<{ path: string; start: number; end: number }> }>;
}

export async function runAnalyze(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { json: false, jobs: true, [WORKER_FLAG]: false });
  if (args.flags.has(WORKER_FLAG) && !isMainThread) return runAnalyzeWorker();
  if (args.flags.has(WORKER_FLAG)) throw new UsageError('--worker is internal');
  if (args.positional.length === 0) throw new UsageError(`analyze needs at least one PATH\nusage: ${ANALYZE_USAGE}`);
  const jobsFlag = lastFlag(args, 'jobs');
  const jobs = jobsFlag === undefined ? HelperThreads.defaultSize() : Number(jobsFlag);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs needs a whole number from 1 to 64, got '${jobsFlag}'`);
  const abs = args.positional.map((p) => toPosix(path.resolve(io.cwd, p)));
  const files = await collectSources(io.fs, abs, (file, why) => io.stderr(`warning: ${displayPath(io.cwd, file)}: ${why} (not analysed)\n`));

  // Helper threads restart the CLI entry script (dist/cli.js, which loads dist/cliAnalyze.js); only
  // possible when running as the real CLI. The main thread starts analysing at once; helpers join
  // when they have loaded the engine, and are started only for the sizes above.
  const entry = process.argv[1] ?? '';
  type Doc = { path: string; text: string; analysis: DocumentAnalysis | undefined; map: OffsetMap };
  const read: Doc[] = [];
  let chars = 0;
  for (const file of files) {
    const display = displayPath(io.cwd, file);
    const text = await readSourceFile(io.fs, file, display);
    if (text === undefined) throw new UserError(`${display}: no such file`);
    // A report we exported, found in a folder, is no source.
    if (isExportText(text) && !abs.includes(file)) continue;
    read.push({ path: display, text, analysis: undefined, map: new OffsetMap(text) });
    chars += text.length;
  }
  let next = 0;
  let helped = 0;
  const givenBack: number[] = [];
  const queue: SharedQueue = {
    take: () => (next < read.length ? { id: next, text: read[next++].text } : undefined),
    done: (id, analysis) => {
      read[id].analysis = analysis;
      helped++;
    },
    giveBack: (id) => givenBack.push(id),
  };
  const minChars = jobsFlag === undefined ? AUTO_PARALLEL_MIN_CHARS : PARALLEL_MIN_CHARS;
  const helpers = jobs > 1 && read.length > 1 && chars >= minChars && /cli\.js$/.test(entry) ? new HelperThreads(entry, jobs - 1, queue) : null;
  try {
    for (let job = queue.take(); job; job = queue.take()) {
      read[job.id].analysis = analyzeDocument(job.text);
      // let the helpers' messages in between documents
      if (helpers) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    if (helpers) await helpers.finish();
  }
  for (const id of givenBack) read[id].analysis = analyzeDocument(read[id].text);
  // a diagnostic for the tests and the bench: how the documents were shared
  if (process.env.SOURCE_ANNOTATOR_THREAD_STATS === '1') io.stderr(`threads: ${helpers ? jobs - 1 : 0} helper(s) started; ${helped} of ${read.length} documents analysed by helpers\n`);
  let docs = read.map((d) => ({ ...d, analysis: d.analysis ?? analyzeDocument(d.text) }));
  // workspace level: a surname in one document takes the full name another gives
  docs = canonicalizeAcrossDocuments(docs);
  const clusters = clusterQuotes(docs);
  const mapOf = new Map(docs.map((d) => [d.path, d.map]));
  const docJson = (d: (typeof docs)[number]): AnalyzeJson['documents'][number] => ({
    path: d.path,
    entities: d.analysis.entities
      .filter((e) => e.kind === 'name')
      .map((e) => ({ start: d.map.toCodePoint(e.start), end: d.map.toCodePoint(e.end), text: e.text, type: e.type, entity: e.entity })),
    quotes: d.analysis.quotes.map((q) => ({ start: d.map.toCodePoint(q.start), end: d.map.toCodePoint(q.end), text: q.text, kind: q.kind ?? 'speech', speaker: q.speaker })),
  });
  const clustersJson: AnalyzeJson['quoteClusters'] = clusters.map((c) => ({
    id: c.id,
    mentions: c.mentions.map((m) => {
      const map = mapOf.get(m.path);
      return map ? { path: m.path, start: map.toCodePoint(m.start), end: map.toCodePoint(m.end) } : { path: m.path, start: m.start, end: m.end };
    }),
  }));

  if (args.flags.has('json')) {
    // streamed document by document: the same bytes as JSON.stringify of the whole AnalyzeJson, without holding it
    io.stdout('{"documents":[');
    const batch: string[] = [];
    for (let i = 0; i < docs.length; i++) {
      batch.push((i > 0 ? ',' : '') + JSON.stringify(docJson(docs[i])));
      if (batch.length >= 256) io.stdout(batch.splice(0).join(''));
    }
    if (batch.length > 0) io.stdout(batch.join(''));
    io.stdout('],"quoteClusters":' + JSON.stringify(clustersJson) + '}\n');
  } else {
    io.stdout(neutralizeControls(formatSummary({ documents: docs.map(docJson), quoteClusters: clustersJson })));
  }
  return 0;
}

function formatSummary(out: AnalyzeJson): string {
  const lines: string[] = [];
  for (const d of out.documents) {
    lines.push(`${d.path}: ${d.entities.length} entity mentions, ${d.quotes.length} quotes`);
    const byEntity = new Map<string, { type: string; count: number }>();
    for (const e of d.entities) {
      const cur = byEntity.get(e.entity) ?? { type: e.type, count: 0 };
      cur.count++;
      byEntity.set(e.entity, cur);
    }
    const top = [...byEntity.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, 8);
    if (top.length > 0) lines.push(`  entities: ${top.map(([name, v]) => `${name} (${v.type}, ${v.count})`).join(', ')}`);
    for (const q of d.quotes) {
      const words = q.text.length > 70 ? q.text.slice(0, 67) + '...' : q.text;
      lines.push(`  "${words}" - ${q.kind === 'term' ? 'quoted term' : (q.speaker ?? 'unattributed')}`);
    }
  }
  const shared = out.quoteClusters.filter((c) => new Set(c.mentions.map((m) => m.path)).size > 1).length;
  lines.push(`${out.documents.length} documents, ${out.quoteClusters.length} quote clusters (${shared} across sources)`);
  return lines.join('\n') + '\n';
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
