import { mergeCurationTexts } from './curationMerge';
import { splitConflictMarkers } from './markers';
import { mergeSidecarTexts } from './sidecarMerge';

/**
 * Rebuild a sidecar or curation file that a line-based merge left with conflict markers: split
 * it into its sides and merge them by id with the driver's rules. With a diff3 base the merge is
 * three-way; without one it is two-way (an empty base): every annotation of either side is kept
 * (one side's deletion comes back rather than being guessed), and fields that differ are
 * recorded as conflicts. Nothing of either side is lost.
 */
export type RepairResult =
  | { readonly ok: true; readonly text: string; readonly conflicts: number; readonly hunks: number; readonly threeWay: boolean }
  | { readonly ok: false; readonly line: number; readonly message: string };

export function repairConflictMarkers(text: string, kind: 'sidecar' | 'curation', sourceName?: string): RepairResult {
  const split = splitConflictMarkers(text);
  if ('error' in split) return { ok: false, line: split.line, message: split.error };
  const base = split.base ?? '';
  if (kind === 'curation') {
    const r = mergeCurationTexts(base, split.ours, split.theirs);
    if (!r.ok) return { ok: false, line: r.issues[0]?.line ?? 1, message: `${r.side === 'result' ? 'the merged file' : `the ${r.side} side`} is not valid: ${r.issues[0]?.message ?? 'unknown problem'}` };
    return { ok: true, text: r.text, conflicts: r.conflicts, hunks: split.hunks, threeWay: split.base !== undefined };
  }
  const r = mergeSidecarTexts(base, split.ours, split.theirs, sourceName);
  if (!r.ok) return { ok: false, line: r.issues[0]?.line ?? 1, message: `the ${r.side} side is not a valid sidecar: ${r.issues[0]?.message ?? 'unknown problem'}` };
  return { ok: true, text: r.text, conflicts: r.report.conflicted.length, hunks: split.hunks, threeWay: split.base !== undefined };
}
