import * as path from 'path';
import { mergeSidecarFast } from '../core/merge/fastFile';
import { decodeSidecar } from '../core/store/sidecarFile';
import type { CliIo } from './io';

/**
 * `merge-driver %O %A %B %P` without loading a YAML library (core/merge/fastFile.ts): the whole
 * merge for three sidecars in the store's layout, else undefined and nothing written, and the
 * caller runs `runMergeDriver` (merge.ts), which handles every other case and every error. The
 * messages and exit codes are that command's.
 */
export async function runMergeDriverFast(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  if (argv.length < 3 || argv.length > 4 || argv.some((a) => a.startsWith('-'))) return undefined;
  const [basePath, oursPath, theirsPath] = argv.slice(0, 3).map((p) => path.resolve(io.cwd, p).split(path.sep).join('/'));
  const name = argv[3] ?? argv[1];
  const texts: string[] = [];
  for (const p of [basePath, oursPath, theirsPath]) {
    const st = await io.fs.stat(p);
    if (!st || st.type !== 'file') return undefined;
    const d = decodeSidecar(await io.fs.readFile(p));
    if ('issue' in d) return undefined;
    texts.push(d.text);
  }
  const r = mergeSidecarFast(name, texts[0], texts[1], texts[2]);
  if (!r) return undefined;
  if (r.text !== texts[1]) await io.fs.writeFile(oursPath, new TextEncoder().encode(r.text));
  io.stderr(`source-annotator merge-driver: ${name}: ${r.summary}\n`);
  return r.conflicts > 0 ? 1 : 0;
}
