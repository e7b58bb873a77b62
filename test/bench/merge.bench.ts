import { spawnSync } from 'child_process';
import { rng } from './corpus';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { Annotation } from '../../src/core/annotations/model';
import { mergeByBlocks } from '../../src/core/merge/blocks';
import { DRIVER_NODE_OPTIONS } from '../../src/core/merge/setup';
import { mergeSidecarTexts } from '../../src/core/merge/sidecarMerge';
import { insertAnnotation, newSidecarDocument, stringifySidecar } from '../../src/core/store/sidecar';

/**
 * `npm run bench -- merge`: the git merge driver on one sidecar of 2,000 annotations changed on
 * both sides (target < 200 ms as a whole process: `node dist/mergeDriver.js O A B P`, what
 * git-setup registers). Each side edits 300 notes or tags (100 of them the same annotations, 30
 * the same note), deletes 50 and adds 100. Alternated in the same run on the same three files:
 * the same merge through the whole CLI (`dist/cli.js merge-driver`), the baselines Node starting
 * and exiting (`node -e 0`), the CLI's start-up alone (`--help`) and git's own line merge
 * (`git merge-file`), and in process the merge (block path) and the full path it falls back to,
 * so the figures are read against each other on a loaded machine. Medians of ROUNDS runs;
 * nothing is asserted.
 */
const ROUNDS = 15;
const N = 2000;


function annotation(i: number, rand: (n: number) => number): Annotation {
  const start = i * 40;
  return {
    id: `a-${i.toString(16).padStart(10, '0')}`,
    target: { exact: `quoted words ${i}`, prefix: `the text before number ${i} `, suffix: ` and the text after it, ${i}`, start, end: start + 14 },
    note: rand(3) === 0 ? `A note on annotation ${i}\nwith a second line` : `Note ${i}: ${'checked against the agency wire '.slice(0, 10 + rand(20))}`,
    tags: ['claim', 'person', 'to verify', 'quote'].filter(() => rand(2) === 0),
    author: `Coder ${'ABCDE'[rand(5)]}`,
    created: '2026-11-01T10:00:00.000Z',
    modified: '2026-11-01T10:00:00.000Z',
  };
}

function text(list: readonly Annotation[]): string {
  const doc = newSidecarDocument('wire.txt');
  for (const a of list) insertAnnotation(doc, a);
  return stringifySidecar(doc, false);
}

function side(base: readonly Annotation[], seed: number, who: string, offset: number): Annotation[] {
  const rand = rng(seed);
  const out = base.map((a) => ({ ...a }));
  for (let k = 0; k < 300; k++) {
    // The first 100 edits of both sides fall on the same annotations.
    const i = k < 100 ? k * 7 : 700 + offset + k * 3;
    const a = out[i];
    out[i] = k % 2 === 0 || k < 30 ? { ...a, note: `${who} rewrote note ${i}`, modified: `2026-11-0${2 + (seed % 5)}T10:00:00.000Z` } : { ...a, tags: [...a.tags.filter((t) => t !== 'quote'), `${who}-tag`] };
  }
  const deleted = new Set(Array.from({ length: 50 }, (_, k) => out[1500 + offset * 2 + k * 4].id));
  const kept = out.filter((a) => !deleted.has(a.id));
  for (let k = 0; k < 100; k++) kept.push(annotation(N + offset * 1000 + k, rand));
  return kept;
}

/** Wall-clock time of one process; `anyStatus` for git merge-file, whose status is its number of conflicts. */
function run(args: readonly string[], anyStatus = false): number {
  const t0 = performance.now();
  const r = spawnSync(args[0], args.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status === null || (!anyStatus && r.status !== 0 && r.status !== 1)) throw new Error(`${args.join(' ')}: exit ${r.status}: ${String(r.stderr)}`);
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function bench(): Promise<void> {
  const dist = path.resolve(__dirname, '..', '..', '..', 'dist');
  const cli = path.join(dist, 'cli.js');
  const driverJs = path.join(dist, 'mergeDriver.js');
  if (!fs.existsSync(cli) || !fs.existsSync(driverJs)) {
    console.log(`bundles not found in ${dist}: run npm run build first`);
    return Promise.resolve();
  }
  const rand = rng(7);
  const base = Array.from({ length: N }, (_, i) => annotation(i, rand));
  const [tb, to, tt] = [text(base), text(side(base, 11, 'ours', 0)), text(side(base, 13, 'theirs', 1))];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-merge-bench-'));
  try {
    const O = path.join(dir, 'base.yaml');
    const A = path.join(dir, 'ours.yaml');
    const B = path.join(dir, 'theirs.yaml');
    fs.writeFileSync(O, tb);
    fs.writeFileSync(B, tt);
    const inProcess = mergeSidecarTexts(tb, to, tt);
    const fullPath = mergeSidecarTexts(tb, to, tt, 'wire.txt', { blocks: false });
    if (!inProcess.ok || !fullPath.ok) throw new Error('the bench sidecars do not merge');
    if (mergeByBlocks(tb, to, tt) === undefined) throw new Error('the block path declined the bench sidecars');
    if (inProcess.text !== fullPath.text) throw new Error('the block path and the full path differ on the bench sidecars');
    const r = inProcess.report;
    console.log(`sidecar: ${N} annotations, ${(to.length / 1024).toFixed(0)} KB; merge: ${r.added} added from theirs, ${r.merged} merged, ${r.deleted} deleted, ${r.conflicted.length} with conflicts`);
    const times: Record<'driver' | 'driverNoOptions' | 'viaCli' | 'node' | 'startup' | 'gitLine' | 'core' | 'full', number[]> = { driver: [], driverNoOptions: [], viaCli: [], node: [], startup: [], gitLine: [], core: [], full: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // The command git-setup registers (driverCommand): Node with the driver's options.
      fs.writeFileSync(A, to);
      times.driver.push(run([process.execPath, ...DRIVER_NODE_OPTIONS, driverJs, O, A, B, 'wire.txt.annotations.yaml']));
      if (fs.readFileSync(A, 'utf8') !== inProcess.text) throw new Error('the driver wrote another result');
      fs.writeFileSync(A, to);
      times.driverNoOptions.push(run([process.execPath, driverJs, O, A, B, 'wire.txt.annotations.yaml']));
      if (fs.readFileSync(A, 'utf8') !== inProcess.text) throw new Error('the driver wrote another result');
      times.node.push(run([process.execPath, '-e', '0']));
      fs.writeFileSync(A, to);
      times.viaCli.push(run([process.execPath, cli, 'merge-driver', O, A, B, 'wire.txt.annotations.yaml']));
      times.startup.push(run([process.execPath, cli, '--help']));
      fs.writeFileSync(A, to);
      times.gitLine.push(run(['git', 'merge-file', '-q', A, O, B], true));
      let t0 = performance.now();
      mergeSidecarTexts(tb, to, tt);
      times.core.push(performance.now() - t0);
      t0 = performance.now();
      mergeSidecarTexts(tb, to, tt, 'wire.txt', { blocks: false });
      times.full.push(performance.now() - t0);
    }
    const ms = (k: keyof typeof times): string => `${median(times[k]).toFixed(0)} ms`;
    console.log(`merge-driver as a whole process, as git-setup registers it (node ${DRIVER_NODE_OPTIONS.join(' ')} dist/mergeDriver.js): median ${ms('driver')} (target < 200 ms)`);
    console.log(`  the same without Node's options (node dist/mergeDriver.js): median ${ms('driverNoOptions')}`);
    console.log(`  the same through the whole CLI (node dist/cli.js merge-driver): median ${ms('viaCli')}`);
    console.log(`  baseline, Node starting and exiting (node -e 0): median ${ms('node')}; the CLI starting and exiting (--help): median ${ms('startup')}`);
    console.log(`  in process: the merge (block path) median ${ms('core')}; the full path it falls back to (fast reader + splice) median ${ms('full')}`);
    console.log(`  baseline, git merge-file (line merge, leaves conflict markers): median ${ms('gitLine')}`);
    console.log(`  load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} cores)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return Promise.resolve();
}
