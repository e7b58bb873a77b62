import * as path from 'path';
import { mergeSidecarFast } from '../core/merge/fastFile';

/** The files the driver's first try reads and writes (node/mergeDriverFiles.ts); `read` gives undefined for anything it does not take. */
export interface MergeFastFiles {
  read(path: string): string | undefined;
  write(path: string, pieces: readonly string[]): void;
}

/**
 * `merge-driver %O %A %B %P` without loading a YAML library (core/merge/fastFile.ts): the whole
 * merge for three sidecars in the store's layout, else undefined and nothing written, and the
 * caller runs `runMergeDriver` (merge.ts), which handles every other case and every error. The
 * messages and exit codes are that command's.
 */
export function runMergeDriverFast(argv: readonly string[], cwd: string, files: MergeFastFiles, stderr: (text: string) => void): number | undefined {
  if (argv.length < 3 || argv.length > 4 || argv.some((a) => a.startsWith('-'))) return undefined;
  const [basePath, oursPath, theirsPath] = argv.slice(0, 3).map((p) => path.resolve(cwd, p));
  const name = argv[3] ?? argv[1];
  const texts: string[] = [];
  for (const p of [basePath, oursPath, theirsPath]) {
    const text = files.read(p);
    if (text === undefined) return undefined;
    texts.push(text);
  }
  const r = mergeSidecarFast(name, texts[0], texts[1], texts[2]);
  if (!r) return undefined;
  if (r.pieces !== undefined) files.write(oursPath, r.pieces);
  stderr(`source-annotator merge-driver: ${name}: ${r.summary}\n`);
  return r.conflicts > 0 ? 1 : 0;
}
