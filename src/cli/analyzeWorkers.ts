import * as os from 'os';
import { Worker, isMainThread, parentPort } from 'worker_threads';
import { Analyzer, type DocumentAnalysis } from '../core/analysis';

/**
 * Helper threads for `analyze` over many files. The main thread never waits for them: it starts
 * analysing at once and takes documents from the same queue; a helper (the CLI entry script
 * started again in a worker as `analyze --worker`) joins when it has loaded the bundle and the
 * engine's tables, and asks for one document at a time. Work is shared by whoever is free, so a
 * helper that starts late costs the main thread nothing, and one that is never needed is stopped.
 */
export const WORKER_FLAG = 'worker';

interface Job {
  readonly id: number;
  readonly text: string;
}

/** `ready` first (nothing else), then one reply per job. */
interface Reply {
  readonly ready?: true;
  readonly id?: number;
  readonly analysis?: DocumentAnalysis;
  readonly error?: string;
}

/** Runs inside a worker: analyse documents until the parent closes the port. */
export function runAnalyzeWorker(): Promise<number> {
  if (isMainThread || !parentPort) return Promise.resolve(2);
  const port = parentPort;
  const analyzer = new Analyzer();
  port.postMessage({ ready: true } satisfies Reply);
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

/** Where helpers take their documents and leave their results. */
export interface SharedQueue {
  /** The next document's index and text, or undefined when every document is taken. */
  take(): { id: number; text: string } | undefined;
  done(id: number, analysis: DocumentAnalysis): void;
  /** A helper could not analyse this document: the main thread does it (and reports its error). */
  giveBack(id: number): void;
}

/** Helper threads that share a queue with the main thread. */
export class HelperThreads {
  private readonly workers: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private closing = false;
  private settled: () => void = () => undefined;
  private readonly allIdle: Promise<void>;

  constructor(entryScript: string, size: number, private readonly queue: SharedQueue) {
    this.allIdle = new Promise((resolve) => (this.settled = resolve));
    for (let i = 0; i < size; i++) {
      const w = new Worker(entryScript, { argv: ['analyze', `--${WORKER_FLAG}`], stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: 512 } });
      w.on('message', (r: Reply) => {
        const id = this.busy.get(w);
        this.busy.delete(w);
        if (id !== undefined && r.id === id) {
          if (r.analysis) this.queue.done(id, r.analysis);
          else this.queue.giveBack(id);
        }
        this.feed(w);
      });
      const lost = (): void => {
        const id = this.busy.get(w);
        this.busy.delete(w);
        if (id !== undefined) this.queue.giveBack(id);
        this.checkIdle();
      };
      w.on('exit', lost);
      w.on('error', lost);
      this.workers.push(w);
    }
  }

  /** Number of threads worth using on this machine, the main thread included (at least 1). */
  static defaultSize(): number {
    const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return Math.max(1, Math.min(4, n));
  }

  private feed(w: Worker): void {
    const job = this.closing ? undefined : this.queue.take();
    if (job) {
      this.busy.set(w, job.id);
      w.postMessage(job satisfies Job);
    } else this.checkIdle();
  }

  private checkIdle(): void {
    if (this.closing && this.busy.size === 0) this.settled();
  }

  /** Waits for the documents the helpers hold, then stops them (helpers still loading are stopped at once). */
  async finish(): Promise<void> {
    this.closing = true;
    this.checkIdle();
    await this.allIdle;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
