import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type * as vscode from 'vscode';
import { Analyzer } from '../../core/analysis/analyzer';
import type { DocumentAnalysis } from '../../core/analysis/types';
import type { CurationRules } from '../../core/curation/rules';
import type { AnalysisRequest } from '../analysisWorker';

type Reply = { id: number; analysis: DocumentAnalysis } | { id: number; error: string };

/**
 * Runs document analysis in a worker thread (dist/analysisWorker.js), so the extension host
 * stays responsive while a large source is re-analyzed or a big workspace is indexed. Falls back
 * to analyzing in-process when no worker can be started (the log says so).
 */
export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void }>();
  private local: Analyzer | undefined;

  constructor(
    private readonly workerScript: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  analyze(text: string, rules: CurationRules): Promise<DocumentAnalysis> {
    const worker = this.ensureWorker();
    if (!worker) {
      this.local ??= new Analyzer();
      try {
        return Promise.resolve(this.local.analyze(text, rules));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    const id = this.nextId++;
    return new Promise<DocumentAnalysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const req: AnalysisRequest = { id, text, rules };
      worker.postMessage(req);
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.local || !fs.existsSync(this.workerScript)) {
      if (!this.local) this.log.warn(`no analysis worker at ${path.basename(this.workerScript)}: analyzing on the extension host`);
      this.local ??= new Analyzer();
      return undefined;
    }
    try {
      const w = new Worker(this.workerScript);
      w.on('message', (reply: Reply) => {
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        if ('error' in reply) p.reject(new Error(reply.error));
        else p.resolve(reply.analysis);
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
      this.local = new Analyzer();
      return undefined;
    }
  }

  /** The worker died: reject what is pending and analyze in-process from now on. */
  private fail(err: Error): void {
    this.log.error(`analysis worker: ${err.message}; analyzing on the extension host from now on`);
    this.worker = undefined;
    this.local ??= new Analyzer();
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('disposed'));
    this.pending.clear();
    if (w) void w.terminate();
  }
}
