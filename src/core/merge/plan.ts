import type { Annotation, AnnotationConflict } from '../annotations/model';
import { mergeAnnotation, sameStored, unionConflicts } from './annotations';

/** The plan of a sidecar merge by id (the rules are in sidecarMerge.ts), shared by its renderings. */
export interface MergeReport {
  /** Annotations with a conflict recorded by this merge. */
  readonly conflicted: readonly string[];
  readonly added: number;
  readonly deleted: number;
  readonly merged: number;
}

/** What the merge does to ours: entries to rewrite, to remove, to insert, and the hash. */
export interface MergePlan {
  readonly updates: ReadonlyMap<string, Annotation>;
  readonly removals: ReadonlySet<string>;
  readonly inserts: readonly Annotation[];
  readonly sourceHash: string | undefined;
  readonly report: MergeReport;
}

export function planMerge(base: readonly Annotation[], ours: readonly Annotation[], theirs: readonly Annotation[], hashes: readonly [string | undefined, string | undefined, string | undefined]): MergePlan {
  const B = new Map(base.map((a) => [a.id, a]));
  const O = new Map(ours.map((a) => [a.id, a]));
  const T = new Map(theirs.map((a) => [a.id, a]));
  const updates = new Map<string, Annotation>();
  const removals = new Set<string>();
  const inserts: Annotation[] = [];
  const conflicted: string[] = [];
  let deleted = 0;
  const mark = (a: Annotation, c: AnnotationConflict): Annotation => ({ ...a, conflicts: unionConflicts(a.conflicts ?? [], [c]) });
  for (const [id, o] of O) {
    const b = B.get(id);
    const t = T.get(id);
    if (t !== undefined) {
      if (sameStored(o, t)) continue;
      const m = mergeAnnotation(b, o, t);
      if (m.fresh.length > 0) conflicted.push(id);
      if (!sameStored(m.annotation, o)) updates.set(id, m.annotation);
    } else if (b !== undefined) {
      // Deleted on theirs.
      if (sameStored(o, b)) {
        removals.add(id);
        deleted++;
      } else {
        updates.set(id, mark(o, { deletedBy: 'theirs' }));
        conflicted.push(id);
      }
    }
  }
  for (const [id, t] of T) {
    if (O.has(id)) continue;
    const b = B.get(id);
    if (b === undefined) {
      inserts.push(t);
    } else if (!sameStored(t, b)) {
      // Deleted on ours, changed on theirs: kept as theirs changed it.
      inserts.push(mark(t, { deletedBy: 'ours' }));
      conflicted.push(id);
    } else {
      deleted++;
    }
  }
  const [hb, ho, ht] = hashes;
  const sourceHash = ho === ht ? ho : ho === hb ? ht : ho;
  const merged = [...updates.keys()].filter((id) => T.has(id)).length;
  return { updates, removals, inserts, sourceHash, report: { conflicted, added: inserts.filter((a) => !B.has(a.id)).length, deleted, merged } };
}


/** What the driver prints of a sidecar merge. */
export function summarizeMerge(report: MergeReport): string {
  const { conflicted, added, deleted, merged } = report;
  const parts = [`${added} added from theirs`, `${merged} merged`, `${deleted} deleted`];
  if (conflicted.length > 0) parts.push(`${conflicted.length} annotation(s) with recorded conflicts (${conflicted.slice(0, 5).join(', ')}${conflicted.length > 5 ? ', ...' : ''})`);
  return parts.join(', ');
}
