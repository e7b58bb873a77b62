import { mainAnalyze } from './cli/analyzeMain';
import { processIo } from './node/processIo';

/**
 * `analyze` alone (dist/cliAnalyze.js), with the process's io: see src/cli.ts. Scripts run it on
 * many files, where start-up counts: this bundle holds the engine and the file reading only.
 */
export function run(argv: readonly string[], cliPath: string): Promise<number> {
  return mainAnalyze(argv.slice(1), processIo(cliPath));
}
