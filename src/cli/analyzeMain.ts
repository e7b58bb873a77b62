import { runAnalyze } from './analyze';
import { guardedIo, runGuarded } from './guard';
import { type CliIo } from './io';

/**
 * `main` for `analyze` alone: what `main` does for that command (the same guarded io, errors and
 * exit codes), without loading the other commands (the YAML store, exports, imports). The CLI
 * entry takes this path for `analyze`, which is run on many files from scripts, where start-up counts.
 */
export function mainAnalyze(argv: readonly string[], rawIo: CliIo): Promise<number> {
  return runGuarded('analyze', runAnalyze, argv, guardedIo(rawIo));
}
