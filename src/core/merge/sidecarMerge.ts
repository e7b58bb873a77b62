import type { Document } from 'yaml';
import type { Annotation } from '../annotations/model';
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
import { mergeByBlocks, type YamlFallback } from './blocks';
import { planMerge, type MergeReport } from './plan';
import { renderEntries, spliceMerged, verifyEntries } from './splice';

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
 * Three renderings of the same plan (plan.ts), the first that is sure of itself wins: three files
 * in the store's own layout are merged block by block, reading only what differs (blocks.ts);
 * other plain files are read with the fast reader and spliced as text (splice.ts, verified by
 * reading the result back); anything else (hand-made layouts, conflicts already recorded) is
 * edited through yaml's Document API.
 */
export type SidecarMergeResult =
  | { readonly ok: true; readonly text: string; readonly report: MergeReport }
  | { readonly ok: false; readonly side: 'base' | 'ours' | 'theirs'; readonly issues: readonly SidecarIssue[] };

export { planMerge, type MergePlan, type MergeReport } from './plan';

const blank = (text: string): boolean => text.replace(/^\ufeff/, '').trim() === '';

/** The block path's YAML libraries: js-yaml to read (the fast reader, which validates), yaml to write. */
const YAML: YamlFallback = {
  read: (blocks) => {
    const r = readSidecarFast(`version: 1\nannotations:\n${blocks.join('')}`);
    return r && r.annotations.length === blocks.length ? r.annotations : undefined;
  },
  write: (list, indent) => {
    const r = renderEntries(list, indent, '\n');
    return r && verifyEntries(list, r, indent) ? r : undefined;
  },
};

/**
 * `documents`: always take the Document path; `blocks: false`: skip the block path (tests
 * compare the renderings).
 */
export function mergeSidecarTexts(baseText: string, oursText: string, theirsText: string, sourceName = 'the source', options: { readonly documents?: boolean; readonly blocks?: boolean } = {}): SidecarMergeResult {
  const [tb, to, tt] = [baseText, oursText, theirsText].map((t) => t.replace(/^\ufeff/, ''));
  // Three files in the store's layout: only the entries that differ are read (blocks.ts).
  if (!options.documents && options.blocks !== false) {
    const r = mergeByBlocks(tb, to, tt, YAML);
    if (r) return { ok: true, text: r.text === to ? oursText : r.text, report: r.report };
  }
  // Plain files: the fast reader and a verified text splice.
  const fast = [tb, to, tt].map((t) => (blank(t) ? { sourceHash: undefined, annotations: [], crlf: false } : readSidecarFast(t)));
  if (!options.documents && fast.every((f) => f !== undefined) && !blank(to)) {
    const [fb, fo, ft] = fast;
    const plan = planMerge(fb.annotations, fo.annotations, ft.annotations, [fb.sourceHash, fo.sourceHash, ft.sourceHash]);
    const text = spliceMerged(to, fo.annotations, plan, fo.crlf);
    if (text !== undefined) return { ok: true, text: text === to ? oursText : text, report: plan.report };
  }
  return mergeWithDocuments(tb, to, tt, oursText, sourceName, options.documents ? undefined : { base: fast[0], theirs: fast[2] });
}

type FastRead = ReturnType<typeof readSidecarFast>;

/**
 * The general path: yaml Documents, ours' Document edited and rendered by renderSidecar. Only
 * ours needs a Document; base and theirs are only read, so the fast reader's data is taken for
 * them when it read them (a yaml parse of a large file takes seconds in a cold process).
 */
function mergeWithDocuments(tb: string, to: string, tt: string, oursText: string, sourceName: string, fastReads?: { readonly base: FastRead; readonly theirs: FastRead }): SidecarMergeResult {
  const parsed = { base: tb, ours: to, theirs: tt } as const;
  type Read = { readonly annotations: readonly Annotation[]; readonly sourceHash: string | undefined; readonly crlf: boolean };
  const reads: { base?: Read; ours?: Extract<ReturnType<typeof parseSidecar>, { ok: true }>['sidecar']; theirs?: Read } = {};
  for (const side of ['base', 'ours', 'theirs'] as const) {
    if (blank(parsed[side])) continue;
    const fast = side !== 'ours' ? fastReads?.[side] : undefined;
    if (fast !== undefined && side !== 'ours') {
      reads[side] = fast;
      continue;
    }
    const r = parseSidecar(parsed[side]);
    if (!r.ok) return { ok: false, side, issues: r.issues };
    if (side === 'ours') reads.ours = r.sidecar;
    else reads[side] = r.sidecar;
  }
  const [b, o, t] = [reads.base, reads.ours, reads.theirs];
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
