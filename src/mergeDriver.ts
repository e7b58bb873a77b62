import { guardedIo, runGuarded } from './cli/guard';
import { runMergeDriver } from './cli/merge';
import { NodeFileSystem } from './node/nodeFileSystem';

// The git merge driver alone (dist/mergeDriver.js %O %A %B %P), the command git-setup registers:
// a bundle of the merge code only, which starts in a fraction of the whole CLI's time. The same
// driver is `source-annotator merge-driver %O %A %B %P`.
void runGuarded(
  'merge-driver',
  runMergeDriver,
  process.argv.slice(2),
  guardedIo({
    fs: new NodeFileSystem(),
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTerminal: process.stdout.isTTY === true,
  }),
).then((code) => {
  process.exitCode = code;
});
