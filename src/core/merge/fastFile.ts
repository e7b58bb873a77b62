import { SIDECAR_SUFFIX } from '../store/sidecarFile';
import { mergeBlockPieces } from './blocks';
import { summarizeMerge } from './plan';

/**
 * The merge driver's first try, which loads no YAML library: a sidecar whose three versions are
 * in the store's own layout, every entry that differs in the entry layout the store writes
 * (store/entryLayout.ts), merged block by block (blocks.ts). The result is the one `mergeFile`
 * gives for the same texts (blocks.property.test.ts), as the pieces of the merged text (undefined:
 * ours as it is; a BOM ours had is not among them). Undefined for anything else (the curation
 * file, a missing or blank version, any doubt about the layout): the caller then runs
 * `mergeFile`, with the YAML libraries.
 */
export function mergeSidecarFast(path: string, base: string, ours: string, theirs: string): { readonly pieces: readonly string[] | undefined; readonly conflicts: number; readonly summary: string } | undefined {
  if (!path.replace(/\\/g, '/').endsWith(SIDECAR_SUFFIX)) return undefined;
  const [tb, to, tt] = [base, ours, theirs].map((t) => t.replace(/^\ufeff/, ''));
  if ([tb, to, tt].some((t) => t.trim() === '')) return undefined;
  const r = mergeBlockPieces(tb, to, tt);
  if (!r) return undefined;
  return { pieces: r.pieces, conflicts: r.report.conflicted.length, summary: summarizeMerge(r.report) };
}
