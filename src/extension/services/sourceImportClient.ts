import { Worker } from 'worker_threads';
import type * as vscode from 'vscode';
import { UserError } from '../../core/fileSystem';
import { SourceImportError, type ImportedSource, type ImportInput, type ImportProblem } from '../../core/sourceImport/types';

export interface ImportRequest {
  readonly id: number;
  readonly input: ImportInput;
}

export type ImportReply =
  | { readonly id: number; readonly result: ImportedSource }
  | { readonly id: number; readonly error: { readonly message: string; readonly user: boolean; readonly problem?: ImportProblem } };

/**
 * Runs the core importer on a worker thread (dist/sourceImportWorker.js), started on the first
 * import and ended on dispose. `cancel()` ends the worker at once (a long PDF stops mid-page);
 * the next import starts a new one.
 */
export class SourceImportClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ImportedSource) => void; reject: (e: Error) => void }>();

  constructor(private readonly workerPath: string) {}

  import(input: ImportInput): Promise<ImportedSource> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ImportedSource>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, input } satisfies ImportRequest);
    });
  }

  /** Stop what runs now: pending imports are rejected with "cancelled". */
  cancel(): void {
    this.stop(new UserError('cancelled'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (reply: ImportReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('result' in reply) p.resolve(reply.result);
      else if (reply.error.problem) p.reject(new SourceImportError(reply.error.message, reply.error.problem));
      else p.reject(reply.error.user ? new UserError(reply.error.message) : new Error(reply.error.message));
    });
    worker.on('error', (err) => this.stop(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.stop(new Error('the import worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private stop(err: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    if (worker) void worker.terminate();
  }

  dispose(): void {
    this.stop(new Error('disposed'));
  }
}
