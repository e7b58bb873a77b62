import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { makeDoc, quotePool, Rng } from './corpus';

/**
 * `npm run bench -- cli`: `source-annotator analyze --json` as a whole process (start-up, reading,
 * analysis, clusters, JSON) on about 1 MB of generated news in 180 files, against compromise as a
 * whole process on the same files (people, places, organisations), run alternately; the median of
 * the ratios of wall-clock times. In the same rounds, the floor: Node starting and exiting, and the
 * CLI on one file. Also the CLI with one thread against a forced helper thread on the same files,
 * to show what a helper adds at this size. Nothing is asserted.
 */
const ROUNDS = 5;
const FILES = 180;

/** The compromise side: a Node process that reads every file and extracts people, places and organisations. */
const COMPROMISE_SCRIPT = `
const fs = require('fs'), path = require('path');
const nlp = require(process.argv[2]);
const dir = process.argv[3];
let n = 0;
for (const f of fs.readdirSync(dir).sort()) {
  const doc = nlp(fs.readFileSync(path.join(dir, f), 'utf8'));
  n += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
}
process.stdout.write(String(n));
`;

/** Wall-clock time of one whole process (the children's CPU is not visible here; the load average is printed). */
function run(args: readonly string[]): { ms: number; ok: boolean } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - t0, ok: r.status === 0 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function bench(): Promise<void> {
  runCliBench();
  return Promise.resolve();
}

function runCliBench(): void {
  const root = path.resolve(__dirname, '..', '..', '..');
  const cli = path.join(root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log(`CLI bundle not found at ${cli}: run npm run build first`);
    return;
  }
  let compromise: string;
  try {
    compromise = require.resolve('compromise', { paths: [root] });
  } catch {
    console.log('compromise not available: npm install --save-dev compromise');
    return;
  }
  const rng = new Rng(20261130);
  const pool = quotePool(rng, 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-cli-'));
  const script = path.join(dir, '..', `${path.basename(dir)}-compromise.js`);
  try {
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const d = makeDoc(rng, pool, 5600);
      bytes += Buffer.byteLength(d);
      fs.writeFileSync(path.join(dir, `news${String(i).padStart(3, '0')}.txt`), d);
    }
    fs.writeFileSync(script, COMPROMISE_SCRIPT);
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores; ${FILES} files, ${(bytes / 1e6).toFixed(2)} MB`);
    const ours: number[] = [];
    const theirs: number[] = [];
    const ratios: number[] = [];
    const bare: number[] = [];
    const tiny: number[] = [];
    const first = path.join(dir, 'news000.txt');
    for (let r = 0; r < ROUNDS; r++) {
      // the floor, in the same rounds: Node starting and exiting, and the CLI on one file (5.6 KB)
      bare.push(run(['-e', '0']).ms);
      tiny.push(run([cli, 'analyze', '--json', first]).ms);
      const a = run([cli, 'analyze', '--json', dir]);
      const b = run([script, compromise, dir]);
      if (!a.ok || !b.ok) {
        console.log(`a run failed (cli ${a.ok}, compromise ${b.ok})`);
        return;
      }
      ours.push(a.ms);
      theirs.push(b.ms);
      ratios.push(b.ms / a.ms);
    }
    console.log(`analyze --json, whole process: median ${median(ours).toFixed(0)} ms; compromise, whole process: median ${median(theirs).toFixed(0)} ms; median ratio ${median(ratios).toFixed(1)}x (${ROUNDS} alternating rounds)`);
    console.log(`in the same rounds: node -e 0 median ${median(bare).toFixed(0)} ms; analyze --json of one file median ${median(tiny).toFixed(0)} ms; load average now ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const one: number[] = [];
    const two: number[] = [];
    for (let r = 0; r < 3; r++) {
      one.push(run([cli, 'analyze', '--json', '--jobs', '1', dir]).ms);
      two.push(run([cli, 'analyze', '--json', '--jobs', '2', dir]).ms);
    }
    console.log(`same files, --jobs 1: median ${median(one).toFixed(0)} ms; --jobs 2 (a helper thread sharing the main thread's queue; without --jobs helpers start only from 8 M characters): median ${median(two).toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(script, { force: true });
  }
}
