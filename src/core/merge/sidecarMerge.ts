import type { Document } from 'yaml';
import type { Annotation, AnnotationConflict } from '../annotations/model';
import {
  insertAnnotation,
  newSidecarDocument,
  parseSidecar,
  readSidecarFast,
  removeAnnotation,
  renderSidecar,
  setConflicts,
  setSourceHash,
  sortAnnotations,
  updateAnnotation,
  type SidecarIssue,
} from '../store/sidecar';
import { mergeAnnotation, sameStored, unionConflicts } from './annotations';
import { spliceMerged } from './splice';

/**
 * The three-way merge of one sidecar (`*.annotations.yaml`) by annotation id, as the git merge
 * driver and the conflict-marker repair use it. The result is ours' file edited: comments,
 * blank lines and the bytes of every entry the merge did not change stay as they were, changed
 * and added entries are written by yaml.
 *
 * - added on either side: kept (added on both with the same id: merged field by field, without base);
 * - changed on one side: that change; changed on both: merged field by field (annotations.ts);
 * - deleted on one side and unchanged on the other: deleted; deleted on one side and changed on
 *   the other: kept as changed, with a `{deletedBy: side}` conflict;
 * - sourceHash: the side that changed it (ours when both did).
 *
 * Two renderings of the same plan: plain files (what the store writes) are read with the fast
 * reader and spliced as text (splice.ts, verified by reading the result back); anything else
 * (hand-made layouts, conflicts already recorded) is edited through yaml's Document API.
 */
export interface MergeReport {
  /** Annotations with a conflict recorded by this merge. */
  readonly conflicted: readonly string[];
  readonly added: number;
  readonly deleted: number;
  readonly merged: number;
}

export type SidecarMergeResult =
  | { readonly ok: true; readonly text: string; readonly report: MergeReport }
  | { readonly ok: false; readonly side: 'base' | 'ours' | 'theirs'; readonly issues: readonly SidecarIssue[] };

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

const blank = (text: string): boolean => text.replace(/^\ufeff/, '').trim() === '';

/** `documents`: always take the Document path (tests compare the two renderings). */
export function mergeSidecarTexts(baseText: string, oursText: string, theirsText: string, sourceName = 'the source', options: { readonly documents?: boolean } = {}): SidecarMergeResult {
  const [tb, to, tt] = [baseText, oursText, theirsText].map((t) => t.replace(/^\ufeff/, ''));
  // Plain files: the fast reader and a verified text splice.
  const fast = [tb, to, tt].map((t) => (blank(t) ? { sourceHash: undefined, annotations: [], crlf: false } : readSidecarFast(t)));
  if (!options.documents && fast.every((f) => f !== undefined) && !blank(to)) {
    const [fb, fo, ft] = fast;
    const plan = planMerge(fb.annotations, fo.annotations, ft.annotations, [fb.sourceHash, fo.sourceHash, ft.sourceHash]);
    const text = spliceMerged(to, fo.annotations, plan, fo.crlf);
    if (text !== undefined) return { ok: true, text: text === to ? oursText : text, report: plan.report };
  }
  return mergeWithDocuments(tb, to, tt, oursText, sourceName);
}

/** The general path: yaml Documents, ours' Document edited and rendered by renderSidecar. */
function mergeWithDocuments(tb: string, to: string, tt: string, oursText: string, sourceName: string): SidecarMergeResult {
  const parsed = { base: tb, ours: to, theirs: tt } as const;
  const docs: Record<string, ReturnType<typeof parseSidecar> | undefined> = {};
  for (const side of ['base', 'ours', 'theirs'] as const) {
    if (blank(parsed[side])) continue;
    const r = parseSidecar(parsed[side]);
    if (!r.ok) return { ok: false, side, issues: r.issues };
    docs[side] = r;
  }
  const get = (side: string): Extract<ReturnType<typeof parseSidecar>, { ok: true }>['sidecar'] | undefined => {
    const r = docs[side];
    return r && r.ok ? r.sidecar : undefined;
  };
  const [b, o, t] = [get('base'), get('ours'), get('theirs')];
  const plan = planMerge(b?.annotations ?? [], o?.annotations ?? [], t?.annotations ?? [], [b?.sourceHash, o?.sourceHash, t?.sourceHash]);
  const doc: Document = o ? o.doc.clone() : newSidecarDocument(sourceName);
  for (const [id, a] of plan.updates) {
    const before = o?.annotations.find((x) => x.id === id);
    updateAnnotation(doc, a);
    if (JSON.stringify(a.conflicts ?? []) !== JSON.stringify(before?.conflicts ?? [])) setConflicts(doc, id, a.conflicts ?? []);
  }
  for (const id of plan.removals) removeAnnotation(doc, id);
  for (const a of plan.inserts) insertAnnotation(doc, a);
  if (plan.sourceHash !== undefined && plan.sourceHash !== o?.sourceHash) setSourceHash(doc, plan.sourceHash);
  sortAnnotations(doc);
  const original = o ? { text: to, doc: o.doc } : undefined;
  const { text, parsed: check } = renderSidecar(original, doc, o?.crlf ?? t?.crlf ?? false);
  if (!check.ok) throw new Error(`the merged sidecar does not validate (${check.issues[0].line}:${check.issues[0].col}: ${check.issues[0].message})`);
  return { ok: true, text: o && text === to ? oursText : text, report: plan.report };
}
