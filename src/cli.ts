import { main } from './cli/main';
import { NodeFileSystem } from './node/nodeFileSystem';

// The CLI entry (package.json "bin"): a thin adapter from process and Node's fs to src/cli/main.
void main(process.argv.slice(2), {
  fs: new NodeFileSystem(),
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdoutIsTerminal: process.stdout.isTTY === true,
  cliPath: __filename,
}).then((code) => {
  process.exitCode = code;
});
