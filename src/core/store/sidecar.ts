import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { Document, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Adjudication, Annotation, AnnotationConflict, AnnotationTarget, ConflictField } from '../annotations/model';
import { ID_PATTERN } from '../annotations/ids';
import { utf16Encoding } from '../text/decode';
import { validateSidecarNode } from './validate';
import { checkYamlBounds, parseBoundedYaml } from './yamlSafety';

/**
 * The sidecar file: `<source file name>.annotations.yaml` next to the source.
 *
 *   # comments anywhere are kept
 *   version: 1
 *   sourceHash: fnv1a32:0c1d2e3f        # the source text when last anchored
 *   annotations:                        # ordered by position
 *     - id: a-3f9c2e1b7d
 *       target: { exact, prefix, suffix, start, end }   # code points, end exclusive
 *       note: "Markdown"
 *       tags: [claim, to-verify]
 *       author: Jane Doe
 *       created: 2026-11-21T11:00:00.000Z
 *       modified: 2026-11-21T11:00:00.000Z
 *
 * Parsing keeps the yaml Document so that writes change only the nodes that changed: comments
 * and the formatting of untouched entries survive a round trip.
 */
export { SIDECAR_SUFFIX } from './sidecarName';
export const SIDECAR_VERSION = 1;
/** Sidecars above this size are refused (reported, never parsed, never written): about 25,000 annotations. */
export const MAX_SIDECAR_BYTES = 8 * 1024 * 1024;

/** A problem in a sidecar, 1-based line and column. */
export interface SidecarIssue {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export interface ParsedSidecar {
  readonly doc: Document;
  readonly sourceHash: string | undefined;
  readonly annotations: readonly Annotation[];
  /** Where each annotation's entry starts, by id (1-based). */
  readonly positions: ReadonlyMap<string, { line: number; col: number }>;
  /** The file used CRLF line endings; writes keep them. */
  readonly crlf: boolean;
}

export type ParseResult = { readonly ok: true; readonly sidecar: ParsedSidecar } | { readonly ok: false; readonly issues: readonly SidecarIssue[] };

const STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** Decode a sidecar's bytes (UTF-8, optional BOM), or say why not. */
export function decodeSidecar(bytes: Uint8Array): { text: string } | { issue: SidecarIssue } {
  if (bytes.length > MAX_SIDECAR_BYTES) {
    return { issue: { line: 1, col: 1, message: `the file is too large (${bytes.length} bytes; the limit is ${MAX_SIDECAR_BYTES})` } };
  }
  if (utf16Encoding(bytes)) return { issue: { line: 1, col: 1, message: 'the file is UTF-16 text; save it as UTF-8 (sidecars are read and written as UTF-8)' } };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return { issue: { line: 1, col: 1, message: 'the file is binary (it contains NUL bytes)' } };
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { issue: { line: 1, col: 1, message: 'the file is not valid UTF-8' } };
  }
}

/** Parse and validate a sidecar's text. Never throws. */
export function parseSidecar(text: string): ParseResult {
  if (text.length > MAX_SIDECAR_BYTES) {
    return { ok: false, issues: [{ line: 1, col: 1, message: `the file is too large (the limit is ${MAX_SIDECAR_BYTES} bytes)` }] };
  }
  const parsed = parseBoundedYaml(text);
  if ('issues' in parsed) return { ok: false, issues: parsed.issues };
  const { doc, lineCounter } = parsed;
  const pos = (offset: number | undefined): { line: number; col: number } => lineCounter.linePos(offset ?? 0);
  const issues = validateSidecarNode(doc.contents, (node) => pos(node?.range?.[0]));
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line || a.col - b.col) };

  const root = doc.contents as YAMLMap;
  const hashNode = root.get('sourceHash', true);
  const seq = root.get('annotations', true) as YAMLSeq | undefined;
  const annotations: Annotation[] = [];
  const positions = new Map<string, { line: number; col: number }>();
  const duplicates: SidecarIssue[] = [];
  for (const item of seq?.items ?? []) {
    const a = annotationFromNode(item as YAMLMap);
    const at = pos((item as Node).range?.[0]);
    if (positions.has(a.id)) {
      const idNode = (item as YAMLMap).get('id', true) as Node | undefined;
      const idPos = pos(idNode?.range?.[0]);
      const first = positions.get(a.id)!;
      duplicates.push({ line: idPos.line, col: idPos.col, message: `duplicate annotation id '${a.id}' (first used on line ${first.line})` });
      continue;
    }
    positions.set(a.id, at);
    annotations.push(a);
  }
  if (duplicates.length > 0) return { ok: false, issues: duplicates };
  return {
    ok: true,
    sidecar: {
      doc,
      sourceHash: isScalar(hashNode) ? String(hashNode.value) : undefined,
      annotations,
      positions,
      crlf: text.includes('\r\n'),
    },
  };
}

function str(map: YAMLMap, key: string, fallback = ''): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : fallback;
}

function annotationFromNode(map: YAMLMap): Annotation {
  const t = map.get('target', true) as unknown as YAMLMap;
  const tagsNode = map.get('tags', true);
  const tags = isSeq(tagsNode) ? tagsNode.items.map((n) => String(isScalar(n) ? n.value : '')) : [];
  const target: AnnotationTarget = {
    exact: str(t, 'exact'),
    prefix: str(t, 'prefix'),
    suffix: str(t, 'suffix'),
    start: Number(t.get('start')),
    end: Number(t.get('end')),
  };
  return {
    id: str(map, 'id'),
    target,
    note: str(map, 'note'),
    tags,
    author: str(map, 'author'),
    created: str(map, 'created'),
    modified: str(map, 'modified'),
    ...(typeof map.get('original') === 'string' ? { original: str(map, 'original') } : {}),
    ...conflictsFromNode(map.get('conflicts', true)),
    ...adjudicationFromNode(map.get('adjudicated', true)),
  };
}

function targetFromNode(t: YAMLMap): AnnotationTarget {
  return { exact: str(t, 'exact'), prefix: str(t, 'prefix'), suffix: str(t, 'suffix'), start: Number(t.get('start')), end: Number(t.get('end')) };
}

/** A validated `conflicts` list (validate.ts checked its shape). */
function conflictsFromNode(node: unknown): { conflicts?: AnnotationConflict[] } {
  if (!isSeq(node) || node.items.length === 0) return {};
  const out: AnnotationConflict[] = [];
  for (const c of node.items) {
    if (!isMap(c)) continue;
    const deletedBy = c.get('deletedBy');
    if (deletedBy === 'ours' || deletedBy === 'theirs') {
      out.push({ deletedBy });
      continue;
    }
    const field = c.get('field') as ConflictField;
    const value = (side: string): string | AnnotationTarget => {
      const v: unknown = c.get(side, true);
      return isMap(v) ? targetFromNode(v) : isScalar(v) ? String(v.value) : '';
    };
    out.push({ field, ours: value('ours'), theirs: value('theirs') });
  }
  return { conflicts: out };
}

function conflictsNode(doc: Document, conflicts: readonly AnnotationConflict[]): YAMLSeq {
  const seq = new YAMLSeq();
  for (const c of conflicts) {
    const m = new YAMLMap();
    if ('deletedBy' in c) {
      m.set('deletedBy', c.deletedBy);
      m.flow = true;
    } else {
      m.set('field', c.field);
      for (const side of ['ours', 'theirs'] as const) {
        const v = c[side];
        m.set(side, typeof v === 'string' ? scalarFor(doc, v, false) : targetNode(doc, v));
      }
    }
    seq.items.push(m);
  }
  return seq;
}

/** Replace an annotation's recorded conflicts (none: the key goes). Returns false when there is no entry. */
export function setConflicts(doc: Document, id: string, conflicts: readonly AnnotationConflict[]): boolean {
  const f = findItem(doc, id);
  if (!f) return false;
  if (conflicts.length === 0) {
    if (f.map.has('conflicts')) f.map.delete('conflicts');
  } else {
    f.map.set('conflicts', conflictsNode(doc, conflicts));
  }
  return true;
}

function adjudicationFromNode(node: unknown): { adjudicated?: Adjudication } {
  if (!isMap(node)) return {};
  const from = node.get('from', true);
  return {
    adjudicated: {
      from: isSeq(from) ? from.items.map((n) => String(isScalar(n) ? n.value : '')) : [],
      by: str(node, 'by'),
      at: str(node, 'at'),
    },
  };
}

function adjudicatedNode(doc: Document, a: Adjudication): YAMLMap {
  const m = new YAMLMap();
  const from = new YAMLSeq();
  for (const id of a.from) from.items.push(doc.createNode(id));
  from.flow = true;
  m.set('from', from);
  m.set('by', scalarFor(doc, a.by, false));
  m.set('at', a.at);
  return m;
}

/** A new, empty sidecar document. */
export function newSidecarDocument(sourceName: string): Document {
  const doc = new Document({ version: SIDECAR_VERSION, annotations: [] });
  doc.commentBefore = ` Source Annotator annotations for ${sourceName.replace(/[\r\n]/g, ' ')}. Offsets are Unicode code points.`;
  return doc;
}

/**
 * yaml chooses a style per scalar; in flow collections its plain and single-quoted output of
 * strings with line breaks or control characters does not always read back the same, so those
 * are written double-quoted (escaped) unless they go into a block literal.
 */
function safeStyle(node: Scalar, value: string): void {
  if (hasControl(value) || value.includes('\n') || /^\s|\s$/.test(value)) node.type = Scalar.QUOTE_DOUBLE;
}

function scalarFor(doc: Document, value: string, multilineBlock: boolean): Scalar {
  const node = doc.createNode(value) as Scalar;
  safeStyle(node, value);
  if (multilineBlock && value.includes('\n') && !hasControl(value) && !/^[ \n]/.test(value) && !/[ ]\n/.test(value)) {
    node.type = Scalar.BLOCK_LITERAL;
  }
  return node;
}

/** Characters a block scalar cannot carry verbatim (control characters other than \n, odd line breaks). */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true;
  }
  return false;
}

function targetNode(doc: Document, t: AnnotationTarget): YAMLMap {
  const m = new YAMLMap();
  m.set('exact', scalarFor(doc, t.exact, false));
  m.set('prefix', scalarFor(doc, t.prefix, false));
  m.set('suffix', scalarFor(doc, t.suffix, false));
  m.set('start', t.start);
  m.set('end', t.end);
  return m;
}

function tagsNode(doc: Document, tags: readonly string[]): YAMLSeq {
  const seq = new YAMLSeq();
  for (const t of tags) {
    const n = doc.createNode(t) as Scalar;
    if (!/^[\p{L}\p{N}_][\p{L}\p{N}_ ./+-]*$/u.test(t) || /\s$/.test(t)) n.type = Scalar.QUOTE_DOUBLE;
    seq.items.push(n);
  }
  seq.flow = true;
  return seq;
}

function annotationNode(doc: Document, a: Annotation): YAMLMap {
  const m = new YAMLMap();
  m.set('id', a.id);
  m.set('target', targetNode(doc, a.target));
  m.set('note', scalarFor(doc, a.note, true));
  m.set('tags', tagsNode(doc, a.tags));
  m.set('author', scalarFor(doc, a.author, false));
  m.set('created', a.created);
  m.set('modified', a.modified);
  if (a.original !== undefined) m.set('original', scalarFor(doc, a.original, false));
  if (a.conflicts !== undefined && a.conflicts.length > 0) m.set('conflicts', conflictsNode(doc, a.conflicts));
  if (a.adjudicated !== undefined) m.set('adjudicated', adjudicatedNode(doc, a.adjudicated));
  return m;
}

function annotationsSeq(doc: Document): YAMLSeq {
  const root = doc.contents as YAMLMap;
  const seq: unknown = root.get('annotations', true);
  if (isSeq(seq)) return seq;
  const fresh = new YAMLSeq();
  root.set('annotations', fresh);
  return fresh;
}

function findItem(doc: Document, id: string): { seq: YAMLSeq; index: number; map: YAMLMap } | undefined {
  const seq = annotationsSeq(doc);
  for (let i = 0; i < seq.items.length; i++) {
    const it = seq.items[i];
    if (isMap(it) && it.get('id') === id) return { seq, index: i, map: it };
  }
  return undefined;
}

function startOf(item: unknown): number {
  if (!isMap(item)) return Number.MAX_SAFE_INTEGER;
  const t = item.get('target', true);
  const s = isMap(t) ? Number(t.get('start')) : NaN;
  return Number.isFinite(s) ? s : Number.MAX_SAFE_INTEGER;
}

/** Insert an annotation's entry where its start belongs (after entries with the same start). */
export function insertAnnotation(doc: Document, a: Annotation): void {
  if (!ID_PATTERN.test(a.id)) throw new Error(`invalid annotation id '${a.id}'`);
  const seq = annotationsSeq(doc);
  let i = seq.items.length;
  while (i > 0 && startOf(seq.items[i - 1]) > a.target.start) i--;
  seq.items.splice(i, 0, annotationNode(doc, a));
}

/** Remove an annotation's entry. Returns false when there is none. */
export function removeAnnotation(doc: Document, id: string): boolean {
  const f = findItem(doc, id);
  if (!f) return false;
  f.seq.items.splice(f.index, 1);
  return true;
}

/**
 * Write an annotation's fields into its existing entry, touching only the fields that differ,
 * so the rest of the entry keeps its formatting. Returns false when there is no entry.
 */
export function updateAnnotation(doc: Document, a: Annotation): boolean {
  const f = findItem(doc, a.id);
  if (!f) return false;
  const m = f.map;
  const setStr = (map: YAMLMap, key: string, value: string, block: boolean): void => {
    const cur = map.get(key, true);
    if (isScalar(cur) && cur.value === value) return;
    if (!isScalar(cur) && value === '' && cur === undefined && (key === 'prefix' || key === 'suffix')) return;
    if (isScalar(cur) && typeof cur.value === 'string' && (cur.type !== Scalar.BLOCK_LITERAL || value.includes('\n'))) {
      cur.value = value;
      if (cur.type === Scalar.BLOCK_LITERAL || cur.type === Scalar.BLOCK_FOLDED) {
        if (hasControl(value) || !block) cur.type = Scalar.QUOTE_DOUBLE;
      } else {
        safeStyle(cur, value);
      }
      return;
    }
    map.set(key, scalarFor(doc, value, block));
  };
  const setNum = (map: YAMLMap, key: string, value: number): void => {
    const cur = map.get(key, true);
    if (isScalar(cur) && cur.value === value) return;
    if (isScalar(cur)) cur.value = value;
    else map.set(key, value);
  };
  const t: unknown = m.get('target', true);
  const tm = isMap(t) ? t : targetNode(doc, a.target);
  if (tm !== t) m.set('target', tm);
  setStr(tm, 'exact', a.target.exact, false);
  setStr(tm, 'prefix', a.target.prefix, false);
  setStr(tm, 'suffix', a.target.suffix, false);
  setNum(tm, 'start', a.target.start);
  setNum(tm, 'end', a.target.end);
  setStr(m, 'note', a.note, true);
  const curTags = m.get('tags', true);
  const same = isSeq(curTags) && curTags.items.length === a.tags.length && curTags.items.every((n, i) => isScalar(n) && n.value === a.tags[i]);
  if (!same && !(curTags === undefined && a.tags.length === 0)) {
    const flow = !isSeq(curTags) || curTags.flow === true;
    const seq = tagsNode(doc, a.tags);
    seq.flow = flow;
    m.set('tags', seq);
  }
  setStr(m, 'author', a.author, false);
  setStr(m, 'created', a.created, false);
  setStr(m, 'modified', a.modified, false);
  if (a.original !== undefined) setStr(m, 'original', a.original, false);
  else if (m.has('original')) m.delete('original');
  const curAdj = m.get('adjudicated', true);
  const oldAdj = isMap(curAdj) ? adjudicationFromNode(curAdj).adjudicated : undefined;
  if (a.adjudicated === undefined) {
    if (m.has('adjudicated')) m.delete('adjudicated');
  } else if (JSON.stringify(oldAdj) !== JSON.stringify({ from: [...a.adjudicated.from], by: a.adjudicated.by, at: a.adjudicated.at })) {
    m.set('adjudicated', adjudicatedNode(doc, a.adjudicated));
  }
  return true;
}

/** Set the file's sourceHash (added after `version` when missing). */
export function setSourceHash(doc: Document, hash: string): void {
  const root = doc.contents as YAMLMap;
  const cur = root.get('sourceHash', true);
  if (isScalar(cur)) {
    if (cur.value !== hash) cur.value = hash;
    return;
  }
  const pair = doc.createPair('sourceHash', hash);
  const vi = root.items.findIndex((p) => isScalar(p.key) && p.key.value === 'version');
  root.items.splice(vi < 0 ? 0 : vi + 1, 0, pair as (typeof root.items)[number]);
}

/** Re-order entries by start (stable), as the format asks. Returns true when anything moved. */
export function sortAnnotations(doc: Document): boolean {
  const seq = annotationsSeq(doc);
  const before = seq.items.slice();
  const sorted = before.map((it, i) => ({ it, i, s: startOf(it) })).sort((a, b) => a.s - b.s || a.i - b.i);
  if (sorted.every((x, i) => x.i === i)) return false;
  seq.items = sorted.map((x) => x.it);
  return true;
}

/** Serialize, keeping CRLF line endings when the file had them. */
export function stringifySidecar(doc: Document, crlf: boolean): string {
  const text = doc.toString(STRING_OPTIONS);
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}

/**
 * Serialize `doc` (the edited copy of `original.doc`) while keeping every byte of `original.text`
 * that belongs to entries whose data did not change: their formatting, comments and blank lines
 * stay exactly as the user left them. Changed and new entries are written by yaml; entries
 * keep the order of `doc`. Falls back to plain `stringifySidecar` whenever the file's layout is
 * not the usual block list, and whenever the spliced text would not parse back to `doc`'s data.
 */
export function renderSidecar(original: { readonly text: string; readonly doc: Document } | undefined, doc: Document, crlf: boolean): { text: string; parsed: ParseResult } {
  if (original) {
    try {
      const spliced = splice(original.text, original.doc, doc, crlf);
      if (spliced !== undefined) {
        const back = parseSidecar(spliced);
        if (back.ok && JSON.stringify(back.sidecar.doc.toJS()) === JSON.stringify(doc.toJS())) return { text: spliced, parsed: back };
      }
    } catch {
      // Any surprise in the layout: the Document API's output is always right.
    }
  }
  const text = stringifySidecar(doc, crlf);
  return { text, parsed: parseSidecar(text) };
}

function splice(text: string, before: Document, after: Document, crlf: boolean): string | undefined {
  const nl = crlf ? '\r\n' : '\n';
  const root0 = before.contents;
  const root1 = after.contents;
  if (!isMap(root0) || !isMap(root1) || root0.flow) return undefined;
  const seq0: unknown = root0.get('annotations', true);
  const seq1: unknown = root1.get('annotations', true);
  if (!isSeq(seq0) || !isSeq(seq1) || seq0.flow || seq0.items.length === 0 || !seq0.range) return undefined;
  // Top-level keys other than the list and the hash must be unchanged.
  const rest = (m: YAMLMap): string => JSON.stringify(m.items.filter((p) => isScalar(p.key) && p.key.value !== 'annotations' && p.key.value !== 'sourceHash').map((p) => [String((p.key as Scalar).value), (p.value as Node | null)?.toJSON?.() as unknown]));
  if (rest(root0) !== rest(root1)) return undefined;

  const lineStart = (i: number): number => text.lastIndexOf('\n', i - 1) + 1;
  const isFiller = (from: number, to: number): boolean => /^[ \t]*(#.*)?\r?$/.test(text.slice(from, to));
  // Where each original entry's text begins: its "- " line, plus the comment and blank lines above it.
  const starts: number[] = [];
  let floor = 0;
  for (const item of seq0.items) {
    const r = (item as Node).range;
    if (!r) return undefined;
    let s = lineStart(r[0]);
    const dash = text.slice(s, r[0]);
    if (!/^[ \t]*-[ \t]+$/.test(dash)) return undefined;
    while (s > floor) {
      const prev = lineStart(s - 1);
      if (prev < floor || !isFiller(prev, s - 1)) break;
      s = prev;
    }
    starts.push(s);
    floor = r[2];
  }
  const seqEnd = seq0.range[2];
  const indent = /^[ \t]*/.exec(text.slice(lineStart((seq0.items[0] as Node).range![0])))![0];
  const slices = new Map<string, string>();
  seq0.items.forEach((item, k) => {
    let s = text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : seqEnd);
    if (!s.endsWith('\n')) s += nl;
    const id = isMap(item) ? item.get('id') : undefined;
    if (typeof id === 'string') slices.set(id, s);
  });
  const json0 = new Map<string, string>();
  for (const item of seq0.items) if (isMap(item) && typeof item.get('id') === 'string') json0.set(item.get('id') as string, JSON.stringify(item.toJSON()));

  let header = text.slice(0, starts[0]);
  const trailer = text.slice(seqEnd);
  const hash0: unknown = root0.get('sourceHash', true);
  const hash1 = root1.get('sourceHash');
  if (typeof hash1 === 'string' && !(isScalar(hash0) && hash0.value === hash1)) {
    if (!/^fnv1a32:[0-9a-f]{8}$/.test(hash1)) return undefined;
    if (isScalar(hash0) && hash0.range && hash0.range[1] <= starts[0]) {
      header = header.slice(0, hash0.range[0]) + hash1 + header.slice(hash0.range[1]);
    } else if (hash0 === undefined) {
      const v: unknown = root0.get('version', true);
      if (!isScalar(v) || !v.range || v.range[2] > starts[0]) return undefined;
      const eol = header.indexOf('\n', v.range[1]);
      if (eol < 0) return undefined;
      header = header.slice(0, eol + 1) + `sourceHash: ${hash1}${nl}` + header.slice(eol + 1);
    } else {
      return undefined;
    }
  } else if (hash1 === undefined && hash0 !== undefined) {
    return undefined;
  }

  let body = '';
  for (const item of seq1.items) {
    const id = isMap(item) ? item.get('id') : undefined;
    const kept = typeof id === 'string' ? slices.get(id) : undefined;
    if (kept !== undefined && json0.get(id as string) === JSON.stringify((item as YAMLMap).toJSON())) {
      body += kept;
      slices.delete(id as string); // an id is used once
      continue;
    }
    const one = new Document();
    const s = new YAMLSeq();
    s.items.push(item);
    one.contents = s;
    const out = one.toString(STRING_OPTIONS);
    body += out
      .split('\n')
      .map((line) => (line === '' ? line : indent + line))
      .join('\n')
      .replace(/\n$/, '')
      .replace(/\n/g, nl) + nl;
  }
  return header + body + trailer;
}

/**
 * The fast read path for workspace-wide loads: js-yaml (about ten times faster than yaml's
 * Document parser) and a plain-object check of the same schema. It returns undefined for
 * anything but a plainly valid file (aliases, tags, errors of any kind): the caller then uses
 * parseSidecar, which gives the precise line:col issues. Writes always parse with yaml again.
 */
/**
 * The plain data of a sidecar-like YAML text read with js-yaml, when the fast path may read it
 * (the same doubts, bounds and alias checks as readSidecarFast), else undefined. No schema check:
 * callers compare the data with what they expect (the merge driver verifies its output so).
 */
export function loadPlainFast(text: string): unknown {
  if (text.length > MAX_SIDECAR_BYTES || fastPathDoubts(text) || checkYamlBounds(text) || /(^|[\s[{,:-])[&*!]\S/m.test(text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|#.*$/gm, ''))) return undefined;
  try {
    return loadYaml(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
}

export function readSidecarFast(text: string): { readonly sourceHash: string | undefined; readonly annotations: Annotation[]; readonly crlf: boolean } | undefined {
  const data = loadPlainFast(text);
  if (!isPlainObject(data)) return undefined;
  const top = data;
  if (!Object.keys(top).every((k) => k === 'version' || k === 'sourceHash' || k === 'annotations')) return undefined;
  if (top.version !== SIDECAR_VERSION || !Array.isArray(top.annotations)) return undefined;
  if (top.sourceHash !== undefined && !(typeof top.sourceHash === 'string' && FAST_HASH.test(top.sourceHash))) return undefined;
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const item of top.annotations as unknown[]) {
    if (!isPlainObject(item) || !Object.keys(item).every((k) => FAST_ANNOTATION_KEYS.has(k))) return undefined;
    const { id, target, note, tags, author, created, modified, original, adjudicated } = item;
    if (typeof id !== 'string' || !ID_PATTERN.test(id) || ids.has(id)) return undefined;
    ids.add(id);
    if (typeof author !== 'string' || typeof created !== 'string' || typeof modified !== 'string' || !FAST_DATE.test(created) || !FAST_DATE.test(modified)) return undefined;
    if (note !== undefined && typeof note !== 'string') return undefined;
    if (original !== undefined && !(typeof original === 'string' && original.length > 0)) return undefined;
    if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string' && t.length > 0))) return undefined;
    if (adjudicated !== undefined && !fastAdjudication(adjudicated)) return undefined;
    if (!isPlainObject(target) || !Object.keys(target).every((k) => FAST_TARGET_KEYS.has(k))) return undefined;
    const { exact, prefix, suffix, start, end } = target;
    if (typeof exact !== 'string' || exact.length === 0) return undefined;
    if ((prefix !== undefined && typeof prefix !== 'string') || (suffix !== undefined && typeof suffix !== 'string')) return undefined;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number)) return undefined;
    annotations.push({
      id,
      target: { exact, prefix: (prefix) ?? '', suffix: (suffix) ?? '', start: start as number, end: end as number },
      note: (note) ?? '',
      tags: (tags as string[] | undefined) ?? [],
      author,
      created,
      modified,
      ...(original !== undefined ? { original } : {}),
      ...(adjudicated !== undefined ? { adjudicated: { from: [...(adjudicated).from], by: (adjudicated).by, at: (adjudicated).at } } : {}),
    });
  }
  return { sourceHash: top.sourceHash, annotations, crlf: text.includes('\r\n') };
}

/**
 * Anything on which js-yaml and yaml are known to, or could, read a file differently: the fast
 * path then declines and the full parser decides. A CR that does not end a CRLF line, a tab, a
 * quoted scalar over several lines (js-yaml accepts continuation lines indented less than the
 * key), a directive or document marker, a multi-line flow collection, numbers in notations
 * other than plain decimal. One linear scan; test/unit/security/fastPath.property.test.ts is the
 * differential fuzz test of the two readers.
 */
function fastPathDoubts(text: string): boolean {
  if (/\r(?!\n)|\t|^(?:%|---|\.\.\.)/m.test(text)) return true;
  if (/^\s*[\w-]+:\s+(?:[-+]?0[xo]|[-+]?\.|[-+]?\d[\d_]*(?:\.\d*)?[eE]|[-+]?\.?(?:inf|nan)\b|\+|0\d)/im.test(text) || /[{,]\s*(?:start|end|version):\s+(?![1-9]\d*\s*[,}]|0\s*[,}])/.test(text)) return true;
  let flow = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (flow > 0) return true;
      continue;
    }
    const prev = i === 0 ? 0x0a : text.charCodeAt(i - 1);
    if (c === 0x23 /* # */ && (prev === 0x20 || prev === 0x0a)) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? text.length : eol) - 1;
    } else if ((c === 0x22 || c === 0x27) && (prev === 0x20 || prev === 0x0a || prev === 0x5b || prev === 0x7b || prev === 0x2c)) {
      // a quoted scalar: it must close on this line
      for (i++; ; i++) {
        if (i >= text.length || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d) return true;
        const d = text.charCodeAt(i);
        if (c === 0x22 && d === 0x5c) {
          const e = text.charCodeAt(++i);
          if (e === 0x0a || e === 0x0d || Number.isNaN(e)) return true;
        }
        else if (d === c) {
          if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
          else break;
        }
      }
    } else if (c === 0x5b || c === 0x7b) {
      flow++;
    } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
      flow--;
    }
  }
  return false;
}

const FAST_HASH = /^fnv1a32:[0-9a-f]{8}$/;
const FAST_DATE = /^\d{4}-\d{2}-\d{2}T/;
const FAST_ANNOTATION_KEYS = new Set(['id', 'target', 'note', 'tags', 'author', 'created', 'modified', 'original', 'adjudicated']);

function fastAdjudication(v: unknown): v is Adjudication {
  if (!isPlainObject(v) || !Object.keys(v).every((k) => k === 'from' || k === 'by' || k === 'at')) return false;
  const { from, by, at } = v;
  return Array.isArray(from) && from.length > 0 && from.every((f) => typeof f === 'string' && ID_PATTERN.test(f)) && typeof by === 'string' && typeof at === 'string' && FAST_DATE.test(at);
}
const FAST_TARGET_KEYS = new Set(['exact', 'prefix', 'suffix', 'start', 'end']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
