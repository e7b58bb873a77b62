import { NodeFileSystem } from './node/nodeFileSystem';
import type { CliIo } from './cli/io';

// The CLI entry (package.json "bin"): a thin adapter from process and Node's fs to src/cli/main.
// `analyze` loads only its own modules (the bundle initialises a module when it is first imported).
function start(argv: readonly string[]): Promise<number> {
  const io: CliIo = {
    fs: new NodeFileSystem(),
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTerminal: process.stdout.isTTY === true,
    cliPath: __filename,
  };
  /* eslint-disable @typescript-eslint/no-require-imports -- a require the bundler keeps lazy */
  if (argv[0] === 'analyze') return (require('./cli/analyzeMain') as typeof import('./cli/analyzeMain')).mainAnalyze(argv.slice(1), io);
  return (require('./cli/main') as typeof import('./cli/main')).main(argv, io);
  /* eslint-enable @typescript-eslint/no-require-imports */
}

void start(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
