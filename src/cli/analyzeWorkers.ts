import * as os from 'os';
import { Worker, isMainThread, parentPort } from 'worker_threads';
import { Analyzer, type DocumentAnalysis } from '../core/analysis';

/**
 * Worker threads for `analyze` over many files: the CLI entry script is started again in a
 * worker as `analyze --worker`, which answers { id, text } messages with { id, analysis }.
 * The main thread keeps reading files, clustering and printing.
 */
export const WORKER_FLAG = 'worker';

interface Job {
  readonly id: number;
  readonly text: string;
}

interface Reply {
  readonly id: number;
  readonly analysis?: DocumentAnalysis;
  readonly error?: string;
}

/** Runs inside a worker: analyse documents until the parent closes the port. */
export function runAnalyzeWorker(): Promise<number> {
  if (isMainThread || !parentPort) return Promise.resolve(2);
  const port = parentPort;
  const analyzer = new Analyzer();
  return new Promise((resolve) => {
    port.on('message', (job: Job | null) => {
      if (job === null) {
        port.close();
        resolve(0);
        return;
      }
      let reply: Reply;
      try {
        reply = { id: job.id, analysis: analyzer.analyze(job.text) };
      } catch (err) {
        reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
      }
      port.postMessage(reply);
    });
  });
}

/** A pool of analysis workers started from the CLI entry script. */
export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void }>();
  private readonly load: number[] = [];
  private readonly exited: boolean[] = [];
  private nextId = 0;

  constructor(entryScript: string, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(entryScript, { argv: ['analyze', `--${WORKER_FLAG}`], stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: 512 } });
      const idx = i;
      w.on('message', (r: Reply) => {
        this.load[idx]--;
        const p = this.pending.get(r.id);
        if (!p) return;
        this.pending.delete(r.id);
        if (r.analysis) p.resolve(r.analysis);
        else p.reject(new Error(r.error ?? 'worker failed'));
      });
      w.on('exit', () => {
        this.exited[idx] = true;
        const err = new Error('an analysis worker stopped');
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(w);
      this.load.push(0);
      this.exited.push(false);
    }
  }

  /** Number of workers worth starting on this machine (at least 1). */
  static defaultSize(): number {
    const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return Math.max(1, Math.min(4, n));
  }

  analyze(text: string): Promise<DocumentAnalysis> {
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i] < this.load[best]) best = i;
    const id = this.nextId++;
    this.load[best]++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[best].postMessage({ id, text } satisfies Job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w, i) =>
          new Promise<void>((resolve) => {
            if (this.exited[i]) {
              resolve();
              return;
            }
            w.once('exit', () => resolve());
            w.postMessage(null);
          }),
      ),
    );
  }
}
