import { Worker } from 'worker_threads';
import { UserError } from '../core/fileSystem';
import { withTimeLimit } from '../core/sourceImport/timeLimit';
import { SourceImportError, type ImportedSource, type ImportInput, type ImportProblem } from '../core/sourceImport/types';

/** The import worker's heap: far above what the bounded importers need, and a stop for a file that would take more. */
const WORKER_HEAP_MB = 1536;

export interface ImportRequest {
  readonly id: number;
  readonly input: ImportInput;
}

export type ImportReply =
  | { readonly id: number; readonly result: ImportedSource }
  | { readonly id: number; readonly error: { readonly message: string; readonly user: boolean; readonly problem?: ImportProblem } };

/**
 * Runs the core importer on a worker thread (dist/sourceImportWorker.js, for the editor and the
 * CLI: see sourceImportWorkerMain.ts), started on the first import and ended on dispose.
 * `cancel()` ends the worker at once (a long PDF stops mid-page), and so does an import that
 * reaches its time limit; the next import starts a new worker. A worker that dies on a file (out
 * of its memory limit, a crash) fails that file alone, with a SourceImportError: the next input
 * gets a new worker.
 */
export class SourceImportClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { name: string; resolve: (r: ImportedSource) => void; reject: (e: Error) => void }>();

  /** `workerData` is given to each worker started (the CLI's bundle uses it to know it is one). */
  constructor(
    private readonly workerPath: string,
    private readonly workerData?: unknown,
  ) {}

  /** Import on the worker; with `timeLimitSeconds`, a worker still busy at the limit is ended and the import fails with a SourceImportError 'too-slow'. */
  import(input: ImportInput, timeLimitSeconds?: number): Promise<ImportedSource> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const work = new Promise<ImportedSource>((resolve, reject) => {
      this.pending.set(id, { name: input.name, resolve, reject });
      worker.postMessage({ id, input } satisfies ImportRequest);
    });
    if (timeLimitSeconds === undefined) return work;
    // Stopping the worker rejects `work` too: that late rejection is already settled by the limit's.
    work.catch(() => undefined);
    return withTimeLimit(work, timeLimitSeconds, input.name, () => this.stop(new UserError('stopped at the time limit of another import')));
  }

  /** Stop what runs now: pending imports are rejected with "cancelled". */
  cancel(): void {
    this.stop(new UserError('cancelled'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: this.workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    worker.on('message', (reply: ImportReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('result' in reply) p.resolve(reply.result);
      else if (reply.error.problem) p.reject(new SourceImportError(reply.error.message, reply.error.problem));
      else p.reject(reply.error.user ? new UserError(reply.error.message) : new Error(reply.error.message));
    });
    worker.on('error', (err) => {
      if (this.worker === worker) this.fail(err.message);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fail('the importer stopped');
    });
    this.worker = worker;
    return worker;
  }

  /** The worker died under the imports it was running: each fails as a file the importer could not read. */
  private fail(why: string): void {
    this.stop((name) => new SourceImportError(`${name}: the importer failed on this file (${why}); nothing was written`, 'corrupt'));
  }

  /** End the worker; each pending import is rejected with `err` (or the error made for its file). */
  private stop(err: Error | ((name: string) => Error)): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(typeof err === 'function' ? err(p.name) : err);
    this.pending.clear();
    if (worker) void worker.terminate();
  }

  dispose(): void {
    this.stop(new Error('disposed'));
  }
}
