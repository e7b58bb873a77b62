import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../../core/analysis/types';
import type { CurationRules } from '../../core/curation/rules';
import { WorkspaceModel } from '../../core/workspace/model';
import { dispatch, type ModelMethod as Method, type ModelOp, type ModelReply, type ModelRequest } from './modelProtocol';

/**
 * The extension host's handle on the workspace model, which runs in a worker thread
 * (dist/analysisWorker.js): analysis, and everything computed across sources, happen there,
 * so the extension host stays responsive while a large source is re-analyzed or a big
 * workspace is indexed. When no worker can be started, or the worker dies, the model runs
 * in-process instead (the log says so) and onDidReset asks the owner to send its sources again.
 */
export class AnalysisClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private local: WorkspaceModel | undefined;
  private readonly reset = new vscode.EventEmitter<void>();
  /** The model lost its state (the worker died): every source must be set again. */
  readonly onDidReset = this.reset.event;

  constructor(
    private readonly workerScript: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Analyse a text without keeping it. */
  analyze(text: string, rules: CurationRules): Promise<DocumentAnalysis> {
    return this.call('analyze', text, rules);
  }

  call<K extends ModelOp>(op: K, ...args: Method<K>['args']): Promise<Method<K>['result']> {
    const worker = this.ensureWorker();
    if (!worker) {
      try {
        return Promise.resolve(dispatch(this.local!, op, args));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    const id = this.nextId++;
    return new Promise<Method<K>['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve, reject });
      const req: ModelRequest = { id, op, args };
      worker.postMessage(req);
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.local) return undefined;
    if (!fs.existsSync(this.workerScript)) {
      this.log.warn(`no analysis worker at ${path.basename(this.workerScript)}: analyzing on the extension host`);
      this.local = new WorkspaceModel();
      return undefined;
    }
    try {
      const w = new Worker(this.workerScript);
      w.on('message', (reply: ModelReply) => {
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        if ('error' in reply) p.reject(new Error(reply.error));
        else p.resolve(reply.result);
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (this.worker === w && code !== 0) this.fail(new Error(`analysis worker exited with code ${code}`));
      });
      w.unref();
      this.worker = w;
      return w;
    } catch (err) {
      this.log.warn(`analysis worker failed to start (${err instanceof Error ? err.message : String(err)}): analyzing on the extension host`);
      this.local = new WorkspaceModel();
      return undefined;
    }
  }

  /** The worker died: reject what is pending, run the model in-process from now on, and ask for the sources again. */
  private fail(err: Error): void {
    if (!this.worker) return;
    this.log.error(`analysis worker: ${err.message}; analyzing on the extension host from now on`);
    this.worker = undefined;
    this.local ??= new WorkspaceModel();
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.reset.fire();
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('disposed'));
    this.pending.clear();
    this.reset.dispose();
    if (w) void w.terminate();
  }
}
