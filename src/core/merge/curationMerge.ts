import { Document, YAMLMap, YAMLSeq, isMap, isSeq, type Node } from 'yaml';
import { parseCuration, type CurationIssue } from '../curation/file';
import { parseBoundedYaml } from '../store/yamlSafety';
import { findConflictMarker } from './markers';

/**
 * The three-way merge of the workspace curation file (`source-annotator.curation.yaml`). Its
 * entries have no ids; each list has a natural key instead:
 *
 *   types: text · merges: from · renames: from · speakers: quote · mentions: text+prefix+suffix
 *   notEntities, notQuotes: the value itself (sets)
 *
 * Per key the same rules as sidecars apply: added on either side kept; changed on one side
 * takes the change; changed differently on both keeps ours in the list and records both in the
 * top-level `conflicts` list (`{list, ours, theirs}`); deleted on one side and changed on the
 * other keeps the change and records `{list, deletedBy, ...}`. The result is ours' Document
 * edited, so comments and the layout of untouched entries stay.
 */
export const CURATION_LISTS = ['types', 'merges', 'notEntities', 'renames', 'speakers', 'notQuotes', 'mentions'] as const;
export type CurationList = (typeof CURATION_LISTS)[number];

const KEY_FIELDS: Readonly<Record<CurationList, readonly string[] | undefined>> = {
  types: ['text'],
  merges: ['from'],
  renames: ['from'],
  speakers: ['quote'],
  mentions: ['text', 'prefix', 'suffix'],
  notEntities: undefined,
  notQuotes: undefined,
};

export type CurationMergeResult =
  | { readonly ok: true; readonly text: string; readonly conflicts: number }
  | { readonly ok: false; readonly side: 'base' | 'ours' | 'theirs' | 'result'; readonly issues: readonly CurationIssue[] };

type Entries = Map<string, { json: string; value: unknown; node: unknown }>;

function entriesOf(doc: Document | undefined, list: CurationList): Entries {
  const out: Entries = new Map();
  const root = doc?.contents;
  if (!isMap(root)) return out;
  const seq: unknown = root.get(list, true);
  if (!isSeq(seq)) return out;
  const fields = KEY_FIELDS[list];
  for (const item of seq.items) {
    const value: unknown = (item as Node).toJSON();
    const key = fields === undefined ? JSON.stringify(value) : JSON.stringify(fields.map((f) => (isMap(item) ? (item.get(f) ?? '') : '')));
    if (!out.has(key)) out.set(key, { json: JSON.stringify(normalize(value)), value, node: item });
  }
  return out;
}

/** Entries compare by their data, whatever their key order or null/absent context. */
function normalize(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).filter((k) => o[k] !== null && o[k] !== '').sort().map((k) => [k, o[k]]));
}

function parse(text: string, side: 'base' | 'ours' | 'theirs'): { doc: Document | undefined } | { side: typeof side; issues: readonly CurationIssue[] } {
  const t = text.replace(/^\ufeff/, '');
  if (t.trim() === '') return { doc: undefined };
  const r = parseCuration(t);
  return r.ok ? { doc: r.doc } : { side, issues: r.issues };
}

export function mergeCurationTexts(baseText: string, oursText: string, theirsText: string): CurationMergeResult {
  const base = parse(baseText, 'base');
  if ('issues' in base) return { ok: false, ...base };
  const ours = parse(oursText, 'ours');
  if ('issues' in ours) return { ok: false, ...ours };
  const theirs = parse(theirsText, 'theirs');
  if ('issues' in theirs) return { ok: false, ...theirs };

  const doc = ours.doc && isMap(ours.doc.contents) ? ours.doc.clone() : new Document({ version: 1 });
  const root = doc.contents as unknown as YAMLMap;
  const fresh: unknown[] = [];
  const seqOf = (list: string): YAMLSeq => {
    const n: unknown = root.get(list, true);
    if (isSeq(n)) return n;
    const s = new YAMLSeq();
    root.set(list, s);
    return s;
  };
  const copy = (node: unknown): Node => {
    const n = doc.createNode((node as Node).toJSON()) as Node;
    if (isMap(n) && isMap(node)) n.flow = node.flow === true;
    return n;
  };
  for (const list of CURATION_LISTS) {
    const B = entriesOf(base.doc, list);
    const O = entriesOf(ours.doc, list);
    const T = entriesOf(theirs.doc, list);
    for (const [key, o] of O) {
      const b = B.get(key);
      const t = T.get(key);
      if (t !== undefined) {
        if (t.json === o.json || (b !== undefined && t.json === b.json)) continue;
        const seq = seqOf(list);
        if (b !== undefined && o.json === b.json) {
          const i = seq.items.findIndex((it) => JSON.stringify(normalize((it as Node).toJSON())) === o.json);
          if (i >= 0) seq.items[i] = copy(t.node);
        } else {
          fresh.push({ list, ours: o.value, theirs: t.value });
        }
      } else if (b !== undefined) {
        const seq = seqOf(list);
        if (o.json === b.json) {
          const i = seq.items.findIndex((it) => JSON.stringify(normalize((it as Node).toJSON())) === o.json);
          if (i >= 0) seq.items.splice(i, 1);
        } else {
          fresh.push({ list, deletedBy: 'theirs', ours: o.value });
        }
      }
    }
    for (const [key, t] of T) {
      if (O.has(key)) continue;
      const b = B.get(key);
      if (b === undefined) seqOf(list).items.push(copy(t.node));
      else if (b.json !== t.json) {
        seqOf(list).items.push(copy(t.node));
        fresh.push({ list, deletedBy: 'ours', theirs: t.value });
      }
    }
  }
  // Conflicts recorded before (on either side) are kept once, then this merge's.
  const recorded = (d: Document | undefined): unknown[] => {
    const n = isMap(d?.contents) ? (d.contents).get('conflicts', true) : undefined;
    return isSeq(n) ? n.items.map((i) => (i as Node).toJSON() as unknown) : [];
  };
  const all: unknown[] = [];
  const seen = new Set<string>();
  for (const c of [...recorded(ours.doc), ...recorded(theirs.doc), ...fresh]) {
    const k = JSON.stringify(c);
    if (!seen.has(k)) {
      seen.add(k);
      all.push(c);
    }
  }
  if (all.length > 0) {
    const seq = doc.createNode(all) as YAMLSeq;
    for (const it of seq.items) if (isMap(it)) for (const p of it.items) if (isMap(p.value)) p.value.flow = true;
    root.set('conflicts', seq);
  } else if (root.has('conflicts')) {
    root.delete('conflicts');
  }
  // Lists emptied by deletions stay as empty lists only when they were there.
  for (const list of CURATION_LISTS) {
    const n: unknown = root.get(list, true);
    if (isSeq(n) && n.items.length === 0 && !(isMap(ours.doc?.contents) && (ours.doc.contents).has(list))) root.delete(list);
  }
  const out = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  const text = ours.doc && out === oursText.replace(/^\ufeff/, '') ? oursText : out;
  const check = parseCuration(text.replace(/^\ufeff/, ''));
  // Rules of the two sides can contradict each other without sharing a key (a merge cycle
  // through two entries): then there is no valid merged file, and the caller says so.
  if (!check.ok) return { ok: false, side: 'result', issues: check.issues };
  return { ok: true, text, conflicts: fresh.length };
}

/** The merge conflicts recorded in a curation file's `conflicts` list, with their lines (for check and Problems). */
export function curationConflicts(text: string): Array<{ readonly line: number; readonly col: number; readonly message: string }> {
  const r = parseBoundedYaml(text.replace(/^\ufeff/, ''));
  if ('issues' in r || !isMap(r.doc.contents)) return [];
  const seq: unknown = (r.doc.contents).get('conflicts', true);
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => {
    const at = r.lineCounter.linePos((item as Node).range?.[0] ?? 0);
    const v = (item as Node).toJSON() as { list?: unknown; ours?: unknown; theirs?: unknown; deletedBy?: unknown };
    const show = (x: unknown): string => JSON.stringify(x);
    const message =
      v.deletedBy !== undefined
        ? `merge conflict in \`${String(v.list)}\`: ${show(v.ours ?? v.theirs)} was deleted on ${v.deletedBy === 'ours' ? 'our' : 'their'} side and changed on the other; it is kept: keep it or delete it, then remove this record`
        : `merge conflict in \`${String(v.list)}\`: ${show(v.ours)} on our side, ${show(v.theirs)} on theirs (ours is in effect); keep one, then remove this record`;
    return { ...at, message };
  });
}

/** A merge problem of the curation file, for Problems and its quick fixes. */
export type CurationMergeProblem =
  | { readonly kind: 'conflict-markers'; readonly line: number; readonly col: number; readonly message: string }
  | {
      readonly kind: 'conflict';
      readonly index: number;
      /** The record itself (its JSON), so that a quick fix acts on this record even after others were resolved. */
      readonly record: string;
      readonly line: number;
      readonly col: number;
      readonly message: string;
      readonly labels: { readonly ours: string; readonly theirs: string };
    };

/** Conflict markers (then nothing else is read), or the recorded conflicts with the labels of their two actions. */
export function curationMergeProblems(text: string): CurationMergeProblem[] {
  const marker = findConflictMarker(text);
  if (marker !== undefined) {
    return [{ kind: 'conflict-markers', line: marker, col: 1, message: 'git left conflict markers in the curation file (a merge without the source-annotator driver); its corrections are not applied until it is rebuilt from both sides' }];
  }
  const records = recordedConflicts(text);
  return curationConflicts(text).map((c, index) => {
    const r = records[index];
    const show = (v: unknown): string => {
      const t = JSON.stringify(v) ?? '';
      return t.length > 60 ? t.slice(0, 57) + '...' : t;
    };
    const labels =
      r?.deletedBy === 'ours' || r?.deletedBy === 'theirs'
        ? { ours: r.deletedBy === 'ours' ? 'Delete the entry (as our side did)' : 'Keep the entry (as our side did)', theirs: r.deletedBy === 'theirs' ? 'Delete the entry (as their side did)' : 'Keep the entry (as their side did)' }
        : { ours: `Keep our ${String(r?.list)} entry: ${show(r?.ours)}`, theirs: `Keep their ${String(r?.list)} entry: ${show(r?.theirs)}` };
    return { kind: 'conflict' as const, index, record: JSON.stringify(r ?? null), line: c.line, col: c.col, message: c.message, labels };
  });
}

function recordedConflicts(text: string): Array<{ list?: unknown; ours?: unknown; theirs?: unknown; deletedBy?: unknown } | undefined> {
  const r = parseBoundedYaml(text.replace(/^\ufeff/, ''));
  if ('issues' in r || !isMap(r.doc.contents)) return [];
  const seq: unknown = r.doc.contents.get('conflicts', true);
  return isSeq(seq) ? seq.items.map((i) => (i as Node).toJSON() as { list?: unknown; ours?: unknown; theirs?: unknown; deletedBy?: unknown }) : [];
}

/**
 * Keep one side of the curation file's recorded conflict `index` and remove the record: for a
 * change on both sides, `ours` keeps the entry in effect and `theirs` puts theirs in its place;
 * for a deletion on one side, the side that deleted deletes the entry, the other keeps it.
 * Returns the new text (valid, checked) or why not.
 */
export function resolveCurationConflict(text: string, index: number, side: 'ours' | 'theirs', record?: string): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string } {
  const parsed = parseCuration(text.replace(/^\ufeff/, ''));
  if (!parsed.ok) return { ok: false, message: `the curation file is not valid (${parsed.issues[0].line}:${parsed.issues[0].col}: ${parsed.issues[0].message})` };
  const doc = parsed.doc;
  const root = doc.contents;
  const records: unknown = isMap(root) ? root.get('conflicts', true) : undefined;
  if (!isMap(root) || !isSeq(records) || !Number.isSafeInteger(index)) return { ok: false, message: 'that conflict is no longer recorded in the curation file' };
  // The record the caller saw: at its index, else wherever it is now (another was resolved first).
  const json = (i: number): string => JSON.stringify((records.items[i] as Node).toJSON() ?? null);
  if (record !== undefined && !(index >= 0 && index < records.items.length && json(index) === record)) index = records.items.findIndex((_, i) => json(i) === record);
  if (index < 0 || index >= records.items.length) return { ok: false, message: 'that conflict is no longer recorded in the curation file' };
  const chosen = (records.items[index] as Node).toJSON() as { list?: unknown; ours?: unknown; theirs?: unknown; deletedBy?: unknown };
  const list = chosen.list;
  if (typeof list !== 'string' || !(CURATION_LISTS as readonly string[]).includes(list)) return { ok: false, message: 'the conflict record names no known list' };
  const seq: unknown = root.get(list, true);
  const kept = JSON.stringify(normalize(chosen.deletedBy === 'ours' ? chosen.theirs : chosen.ours));
  const at = isSeq(seq) ? seq.items.findIndex((it) => JSON.stringify(normalize((it as Node).toJSON())) === kept) : -1;
  if (chosen.deletedBy === 'ours' || chosen.deletedBy === 'theirs') {
    if (side === chosen.deletedBy && at >= 0 && isSeq(seq)) seq.items.splice(at, 1);
  } else if (side === 'theirs') {
    if (at < 0 || !isSeq(seq)) return { ok: false, message: `our ${list} entry is no longer in the file; edit it by hand` };
    const n = doc.createNode(chosen.theirs) as Node;
    const old = seq.items[at];
    if (isMap(n) && isMap(old)) n.flow = old.flow === true;
    seq.items[at] = n;
  }
  records.items.splice(index, 1);
  if (records.items.length === 0) root.delete('conflicts');
  const out = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  const check = parseCuration(out);
  if (!check.ok) return { ok: false, message: `keeping that side gives an invalid file (${check.issues[0].message}); edit it by hand` };
  return { ok: true, text: out };
}
