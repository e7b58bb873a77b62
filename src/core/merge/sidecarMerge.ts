import type { Document } from 'yaml';
import type { Annotation, AnnotationConflict } from '../annotations/model';
import {
  insertAnnotation,
  newSidecarDocument,
  parseSidecar,
  removeAnnotation,
  renderSidecar,
  setConflicts,
  setSourceHash,
  sortAnnotations,
  updateAnnotation,
  type ParsedSidecar,
  type SidecarIssue,
} from '../store/sidecar';
import { mergeAnnotation, sameStored, unionConflicts } from './annotations';

/**
 * The three-way merge of one sidecar (`*.annotations.yaml`) by annotation id, as the git merge
 * driver and the conflict-marker repair use it. The result is ours' file edited: comments,
 * blank lines and the bytes of every entry the merge did not change stay as they were
 * (renderSidecar), changed and added entries are written by yaml's Document API.
 *
 * - added on either side: kept (added on both with the same id: merged field by field, without base);
 * - changed on one side: that change; changed on both: merged field by field (annotations.ts);
 * - deleted on one side and unchanged on the other: deleted; deleted on one side and changed on
 *   the other: kept as changed, with a `{deletedBy: side}` conflict;
 * - sourceHash: the side that changed it (ours when both did).
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

type Side = { readonly parsed: ParsedSidecar | undefined; readonly text: string };

function read(text: string, side: 'base' | 'ours' | 'theirs'): Side | { side: typeof side; issues: readonly SidecarIssue[] } {
  if (text.replace(/^\ufeff/, '').trim() === '') return { parsed: undefined, text };
  const r = parseSidecar(text.replace(/^\ufeff/, ''));
  return r.ok ? { parsed: r.sidecar, text: text.replace(/^\ufeff/, '') } : { side, issues: r.issues };
}

export function mergeSidecarTexts(baseText: string, oursText: string, theirsText: string, sourceName = 'the source'): SidecarMergeResult {
  const base = read(baseText, 'base');
  if ('issues' in base) return { ok: false, ...base };
  const ours = read(oursText, 'ours');
  if ('issues' in ours) return { ok: false, ...ours };
  const theirs = read(theirsText, 'theirs');
  if ('issues' in theirs) return { ok: false, ...theirs };

  const B = byId(base.parsed);
  const O = byId(ours.parsed);
  const T = byId(theirs.parsed);
  const doc: Document = ours.parsed ? ours.parsed.doc.clone() : newSidecarDocument(sourceName);
  const conflicted: string[] = [];
  let added = 0;
  let deleted = 0;
  let merged = 0;
  const mark = (a: Annotation, c: AnnotationConflict): Annotation => ({ ...a, conflicts: unionConflicts(a.conflicts ?? [], [c]) });

  for (const [id, o] of O) {
    const b = B.get(id);
    const t = T.get(id);
    if (t !== undefined) {
      if (sameStored(o, t)) continue;
      const m = mergeAnnotation(b, o, t);
      if (m.fresh.length > 0) conflicted.push(id);
      if (!sameStored(m.annotation, o)) {
        updateAnnotation(doc, m.annotation);
        if (JSON.stringify(m.annotation.conflicts ?? []) !== JSON.stringify(o.conflicts ?? [])) setConflicts(doc, id, m.annotation.conflicts ?? []);
        merged++;
      }
    } else if (b !== undefined) {
      // Deleted on theirs.
      if (sameStored(o, b)) {
        removeAnnotation(doc, id);
        deleted++;
      } else {
        const kept = mark(o, { deletedBy: 'theirs' });
        setConflicts(doc, id, kept.conflicts ?? []);
        conflicted.push(id);
      }
    }
  }
  for (const [id, t] of T) {
    if (O.has(id)) continue;
    const b = B.get(id);
    if (b === undefined) {
      insertAnnotation(doc, t);
      added++;
    } else if (!sameStored(t, b)) {
      // Deleted on ours, changed on theirs: kept as theirs changed it.
      insertAnnotation(doc, mark(t, { deletedBy: 'ours' }));
      conflicted.push(id);
    } else {
      deleted++;
    }
  }
  const hb = base.parsed?.sourceHash;
  const ho = ours.parsed?.sourceHash;
  const ht = theirs.parsed?.sourceHash;
  const hash = ho === ht ? ho : ho === hb ? ht : ho;
  if (hash !== undefined && hash !== ho) setSourceHash(doc, hash);
  sortAnnotations(doc);
  const original = ours.parsed ? { text: ours.text, doc: ours.parsed.doc } : undefined;
  const crlf = ours.parsed?.crlf ?? theirs.parsed?.crlf ?? false;
  const { text, parsed } = renderSidecar(original, doc, crlf);
  if (!parsed.ok) throw new Error(`the merged sidecar does not validate (${parsed.issues[0].line}:${parsed.issues[0].col}: ${parsed.issues[0].message})`);
  return { ok: true, text: ours.parsed && text === ours.text ? ours.text : text, report: { conflicted, added, deleted, merged } };
}

function byId(p: ParsedSidecar | undefined): Map<string, Annotation> {
  return new Map((p?.annotations ?? []).map((a) => [a.id, a]));
}
