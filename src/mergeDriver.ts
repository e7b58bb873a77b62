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
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const full = require('./mergeDriverFull.js') as typeof import('./mergeDriverFull');
    return full.runFullMergeDriver(argv, io);
  })
  .then((code) => {
    process.exitCode = code;
  });
