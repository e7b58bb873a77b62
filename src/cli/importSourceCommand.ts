import * as path from 'path';
import { UserError } from '../core/fileSystem';
import { UsageError, type CliIo } from './io';

/**
 * `import-source`, loaded only when it runs (fetching and writing; the importers themselves,
 * Readability, linkedom, pdf.js through unpdf and mammoth, run on the worker
 * dist/sourceImportWorker.js, so no other command pays for parsing them at start-up).
 * `npm run bundle` builds ./importSource.ts as dist/importSource.js beside dist/cli.js; under the
 * compiled tests the module sits beside this one.
 */
export const IMPORT_SOURCE_USAGE = 'source-annotator import-source FILE... [--out DIR] [--url URL]... [--time-limit SECONDS]';

type ImportSourceModule = typeof import('./importSource');

export function runImportSource(argv: readonly string[], io: CliIo): Promise<number> {
  // A computed path, so that the bundler leaves the module out of dist/cli.js.
  const file = path.join(__dirname, 'importSource.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as ImportSourceModule;
  // The bundle has its own copies of the error classes: give main() the ones it knows.
  return mod.runImportSource(argv, io).catch((err: unknown) => {
    if (err instanceof Error && err.name === 'UsageError') throw new UsageError(err.message);
    if (err instanceof Error && err.name === 'UserError') throw new UserError(err.message, (err as UserError).exitCode === 2 ? 2 : 1);
    throw err;
  });
}
