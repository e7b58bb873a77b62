import { SourceImportError } from './types';

/** Wall-clock limit of one import, in seconds, unless the caller gives another (`--time-limit`, `sourceAnnotator.import.timeLimitSeconds`). */
export const DEFAULT_IMPORT_TIME_LIMIT_SECONDS = 60;

/** Largest limit accepted: one hour. */
export const MAX_IMPORT_TIME_LIMIT_SECONDS = 3600;

/** Why a time limit is not usable (a positive number of seconds, at most an hour), or undefined when it is. */
export function timeLimitProblem(seconds: number): string | undefined {
  if (!Number.isFinite(seconds) || seconds <= 0) return `the time limit must be a positive number of seconds (got ${String(seconds)})`;
  if (seconds > MAX_IMPORT_TIME_LIMIT_SECONDS) return `the time limit is at most ${MAX_IMPORT_TIME_LIMIT_SECONDS} seconds (got ${seconds})`;
  return undefined;
}

/** The error of an import stopped at its limit: it names the file and the limit; nothing was written. */
export function timeLimitError(name: string, seconds: number): SourceImportError {
  return new SourceImportError(
    `${name}: the import was stopped after ${seconds} s, its time limit (reading it takes too long; raise the limit with --time-limit SECONDS in the CLI, sourceAnnotator.import.timeLimitSeconds in the editor); nothing was written`,
    'too-slow',
  );
}

/**
 * `work`, or a timeLimitError after `seconds` of wall-clock time, whichever comes first. At the
 * limit `stop` is called: it must end the work for real (terminate the worker thread it runs on),
 * since a parser busy on the same thread would never let the timer fire. The timer never keeps
 * the process alive.
 */
export function withTimeLimit<T>(work: Promise<T>, seconds: number, name: string, stop: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(timeLimitError(name, seconds));
      stop();
    }, seconds * 1000);
    (timer as { unref?: () => void }).unref?.();
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
