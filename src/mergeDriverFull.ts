import { runGuarded } from './cli/guard';
import type { CliIo } from './cli/io';
import { runMergeDriver } from './cli/merge';

/**
 * The merge driver with the YAML libraries (dist/mergeDriverFull.js), which dist/mergeDriver.js
 * loads only when its first try (cli/mergeFast.ts) declines: the curation file, a hand-edited
 * layout, a missing version, any error to report.
 */
export function runFullMergeDriver(argv: readonly string[], io: CliIo): Promise<number> {
  return runGuarded('merge-driver', runMergeDriver, argv, io);
}
