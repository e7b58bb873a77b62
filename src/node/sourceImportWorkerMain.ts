import type { MessagePort } from 'worker_threads';
import { UserError } from '../core/fileSystem';
import { importSource } from '../core/sourceImport';
import { SourceImportError } from '../core/sourceImport/types';
import type { ImportReply, ImportRequest } from './sourceImportClient';

/** The worker side of SourceImportClient: answer each request on `port` with the core importer's result or its error. */
export function serveSourceImports(port: MessagePort): void {
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
