import { writeSync } from 'fs';
import { runMergeDriverFast } from './cli/mergeFast';
import { neutralizeControls } from './core/text/terminal';
import { MergeDriverFiles } from './node/mergeDriverFiles';

// The git merge driver alone (dist/mergeDriver.js %O %A %B %P), the command git-setup registers:
// a bundle of the merge code only, which starts in a fraction of the whole CLI's time. The same
// driver is `source-annotator merge-driver %O %A %B %P`.
//
// Its first try loads no YAML library and no Node module beyond fs, path and buffer
// (cli/mergeFast.ts, node/mergeDriverFiles.ts): a sidecar in the store's own layout is merged by
// this bundle alone. Anything else (or an error on the way) goes to the driver with the YAML
// libraries, a separate bundle beside this one (mergeDriverFull.js), loaded only then, as is
// everything it needs.
const argv = process.argv.slice(2);
const fast = tryFast();
// Done: nothing is pending (every call was synchronous), and a process that exits here skips
// tearing its heap down.
if (fast !== undefined) process.exit(fast);
else runFullDriver();

function tryFast(): number | undefined {
  try {
    return runMergeDriverFast(argv, process.cwd(), new MergeDriverFiles(), writeStderr);
  } catch {
    return undefined;
  }
}

/** To fd 2 directly: process.stderr would load Node's streams for one line. */
function writeStderr(text: string): void {
  const bytes = Buffer.from(neutralizeControls(text));
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(2, bytes, at);
  } catch {
    process.stderr.write(bytes);
  }
}

function runFullDriver(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  // git-setup registers this bundle with `--no-opt` (core/merge/setup.ts, DRIVER_NODE_OPTIONS),
  // right for the first try; parsing with the YAML libraries runs long enough to gain from V8's
  // optimising compiler, so it is turned back on (measured: 4.1 s against 6.2 s of CPU for three
  // sidecars of 2,000 annotations with a comment in an entry).
  try {
    (require('v8') as typeof import('v8')).setFlagsFromString('--opt');
  } catch {
    // Only speed depends on it.
  }
  const path = require('path') as typeof import('path');
  const { guardedIo } = require('./cli/guard') as typeof import('./cli/guard');
  const { NodeFileSystem } = require('./node/nodeFileSystem') as typeof import('./node/nodeFileSystem');
  const io = guardedIo({
    fs: new NodeFileSystem(),
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTerminal: process.stdout.isTTY === true,
  });
  let full: typeof import('./mergeDriverFull') | undefined;
  try {
    full = require('./mergeDriverFull.js') as typeof import('./mergeDriverFull');
  } catch {
    full = undefined;
  }
  if (full === undefined) {
    // An incomplete install: say so, and leave both sides visible as git's line merge would.
    io.stderr(`source-annotator merge-driver: ${path.join(__dirname, 'mergeDriverFull.js')} is missing beside this driver: run source-annotator git-setup again from a complete build; merging this file line by line instead\n`);
    if (argv.length >= 3) (require('child_process') as typeof import('child_process')).spawnSync('git', ['merge-file', '--diff3', '-q', argv[1], argv[0], argv[2]], { stdio: 'ignore' });
    process.exitCode = 1;
    return;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  void full.runFullMergeDriver(argv, io).then((code) => {
    process.exitCode = code;
  });
}
