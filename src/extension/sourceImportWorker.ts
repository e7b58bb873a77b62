import { parentPort } from 'worker_threads';
import { UserError } from '../core/fileSystem';
import { importSource, SourceImportError } from '../core/sourceImport';
import type { ImportReply, ImportRequest } from './services/sourceImportClient';

/**
 * The Import Source worker (bundled apart as dist/sourceImportWorker.js, about 4.4 MB, most of
 * it pdf.js): Readability, pdf.js and mammoth run here, off the extension host's thread, so a
 * long page or PDF never pauses typing, and the libraries are loaded only when something is
 * imported. It also gives pdf.js a plain Node global scope (the extension host replaces
 * `navigator` with a getter that pdf.js cannot polyfill).
 */
const port = parentPort;
if (port) {
  port.on('message', (req: ImportRequest) => {
    void importSource(req.input).then(
      (result) => port.postMessage({ id: req.id, result } satisfies ImportReply),
      (err: unknown) =>
        port.postMessage({
          id: req.id,
          error: { message: err instanceof Error ? err.message : String(err), user: err instanceof UserError, problem: err instanceof SourceImportError ? err.problem : undefined },
        } satisfies ImportReply),
    );
  });
}
