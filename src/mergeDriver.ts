import { spawnSync } from 'child_process';
import * as path from 'path';
import { guardedIo } from './cli/guard';
import { runMergeDriverFast } from './cli/mergeFast';
import { NodeFileSystem } from './node/nodeFileSystem';

// The git merge driver alone (dist/mergeDriver.js %O %A %B %P), the command git-setup registers:
// a bundle of the merge code only, which starts in a fraction of the whole CLI's time. The same
// driver is `source-annotator merge-driver %O %A %B %P`.
//
// Its first try loads no YAML library (cli/mergeFast.ts): a sidecar in the store's own layout is
// merged by this bundle alone. Anything else (or an error on the way) goes to the driver with the
// YAML libraries, a separate bundle beside this one (mergeDriverFull.js), loaded only then.
const io = guardedIo({
  fs: new NodeFileSystem(),
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdoutIsTerminal: process.stdout.isTTY === true,
});
const argv = process.argv.slice(2);
void runMergeDriverFast(argv, io)
  .catch(() => undefined)
  .then((code) => {
    if (code !== undefined) return code;
    let full: typeof import('./mergeDriverFull');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      full = require('./mergeDriverFull.js') as typeof import('./mergeDriverFull');
    } catch {
      // An incomplete install: say so, and leave both sides visible as git's line merge would.
      io.stderr(`source-annotator merge-driver: ${path.join(__dirname, 'mergeDriverFull.js')} is missing beside this driver: run source-annotator git-setup again from a complete build; merging this file line by line instead\n`);
      if (argv.length >= 3) spawnSync('git', ['merge-file', '--diff3', '-q', argv[1], argv[0], argv[2]], { stdio: 'ignore' });
      return 1;
    }
    return full.runFullMergeDriver(argv, io);
  })
  .then((code) => {
    process.exitCode = code;
  });
