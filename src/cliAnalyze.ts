import { mainAnalyze } from './cli/analyzeMain';
import { NodeFileSystem } from './node/nodeFileSystem';

/**
 * `analyze` alone (dist/cliAnalyze.js), with the process's io: see src/cli.ts. Scripts run it on
 * many files, where start-up counts: this bundle holds the engine and the file reading only.
 */
export function run(argv: readonly string[], cliPath: string): Promise<number> {
  return mainAnalyze(argv.slice(1), {
    fs: new NodeFileSystem(),
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTerminal: process.stdout.isTTY === true,
    cliPath,
  });
}
