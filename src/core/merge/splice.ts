import type { Annotation, AnnotationConflict, AnnotationTarget } from '../annotations/model';
import { readEntry, writeEntry } from '../store/entryLayout';
import { sameStored } from './annotations';
import { insertAnnotation, loadPlainFast, newSidecarDocument, stringifySidecar } from '../store/sidecar';
import { orderEntries } from './order';
import type { MergePlan } from './plan';

/**
 * The merge driver's fast rendering, for sidecars in the plain layout the store writes: ours'
 * text is cut into one slice per entry (a `- ` line at the list's indent up to the next), kept
 * byte for byte where the entry did not change, and changed or added entries are written by
 * yaml (one Document for all of them). The result is read back with the fast reader and must
 * give exactly the planned data; otherwise (any unusual layout) the caller takes the Document
 * path. This keeps a 2,000-annotation merge far below what four yaml Document parses cost.
 */
export function spliceMerged(oursText: string, ours: readonly Annotation[], plan: MergePlan, crlf: boolean): string | undefined {
  const nl = crlf ? '\r\n' : '\n';
  const cut = cutEntries(oursText, ours.length);
  if (!cut) return undefined;
  // A comment inside an entry that changes or goes would go with it: the Document path keeps
  // what yaml can of it instead.
  if (ours.some((a, k) => (plan.removals.has(a.id) || plan.updates.has(a.id)) && hasComment(cut.slices[k]))) return undefined;
  const sorted = orderEntries(ours, plan, (_a, k) => cut.slices[k]);
  const rendered = renderEntries(sorted.filter((x) => x.slice === undefined).map((x) => x.a), cut.indent, nl);
  if (!rendered) return undefined;
  let header = cut.header;
  const hashNow = /^sourceHash:[ \t]*(fnv1a32:[0-9a-f]{8})[ \t]*\r?$/m.exec(header);
  if (plan.sourceHash !== undefined && plan.sourceHash !== hashNow?.[1]) {
    if (!hashNow) return undefined;
    header = header.slice(0, hashNow.index) + `sourceHash: ${plan.sourceHash}` + header.slice(hashNow.index + hashNow[0].replace(/\r$/, '').length);
  }
  let body = '';
  for (const x of sorted) body += x.slice ?? rendered.get(x.a.id)!;
  const text = header + body + cut.trailer;
  return verify(text, sorted.map((x) => x.a), plan.sourceHash) ? text : undefined;
}

/** A `#` that may start a comment (outside quoted scalars; block scalar lines count too, to be safe). */
function hasComment(slice: string): boolean {
  return slice.includes('#') && slice.split('\n').some((l) => /(?:^|\s)#/.test(l.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'/g, '""')));
}

/**
 * Rendered entries (LF, list at `indent`) read back as exactly these annotations: by the entry
 * layout reader where it takes them, the others by the fast reader.
 */
export function verifyEntries(list: readonly Annotation[], rendered: ReadonlyMap<string, string>, indent: string): boolean {
  const rest = list.filter((a) => {
    const back = readEntry(rendered.get(a.id) ?? '', indent);
    return back === undefined || !sameStored(back, a) || JSON.stringify(normal(plain(back))) !== JSON.stringify(normal(plain(a)));
  });
  if (rest.length === 0) return true;
  return verify(`version: 1\nannotations:\n${rest.map((a) => rendered.get(a.id) ?? '').join('')}`, rest, undefined);
}

/** Ours' text as header, one slice per entry (in file order) and trailer; undefined for any other layout. */
function cutEntries(text: string, count: number): { header: string; slices: string[]; trailer: string; indent: string } | undefined {
  if (count === 0) return undefined;
  const key = /^annotations:[ \t]*(#.*)?\r?\n/m.exec(text);
  if (!key) return undefined;
  const listStart = key.index + key[0].length;
  const first = /^([ \t]*)- /m.exec(text.slice(listStart));
  if (!first || /\t/.test(first[1])) return undefined;
  const indent = first[1];
  const starts: number[] = [];
  let end = text.length;
  let at = listStart;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    const next = eol < 0 ? text.length : eol + 1;
    const line = text.slice(at, next);
    if (line.startsWith(indent + '- ')) starts.push(at);
    else if (/^[^\s#]/.test(line) && !line.startsWith(indent + '  ')) {
      // The next top-level key ends the list.
      end = at;
      break;
    }
    at = next;
  }
  if (starts.length !== count || starts[0] !== listStart + first.index) return undefined;
  // Comment and blank lines right above an entry belong to it (as in renderSidecar).
  for (let k = 1; k < starts.length; k++) {
    let s = starts[k];
    while (s > starts[k - 1]) {
      const prev = text.lastIndexOf('\n', s - 2) + 1;
      const line = text.slice(prev, s);
      const lead = /^[ \t]*/.exec(line)![0].length;
      if (!(/^[ \t]*\r?\n$/.test(line) || (/^[ \t]*#/.test(line) && lead <= indent.length + 2)) || prev <= starts[k - 1]) break;
      s = prev;
    }
    starts[k] = s;
  }
  const slices = starts.map((s, k) => {
    const slice = text.slice(s, k + 1 < starts.length ? starts[k + 1] : end);
    return slice.endsWith('\n') ? slice : undefined;
  });
  if (slices.some((s) => s === undefined)) return undefined;
  return { header: text.slice(0, starts[0]), slices: slices as string[], trailer: text.slice(end), indent };
}

/**
 * Changed and added entries as yaml writes them, indented like ours' list, by id: in the store's
 * entry layout without yaml where store/entryLayout.ts knows every value, by yaml otherwise.
 */
export function renderEntries(list: readonly Annotation[], indent: string, nl: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const rest: Annotation[] = [];
  for (const a of list) {
    const own = indent.includes('\t') ? undefined : writeEntry(a, indent);
    if (own === undefined) rest.push(a);
    else out.set(a.id, nl === '\n' ? own : own.replace(/\n/g, nl));
  }
  if (rest.length === 0) return out;
  const doc = newSidecarDocument('x');
  doc.commentBefore = null;
  for (const a of rest) insertAnnotation(doc, a);
  const text = stringifySidecar(doc, false);
  const cut = cutEntries(text, rest.length);
  if (!cut) return undefined;
  const own = /^( *)/.exec(cut.indent)![1].length;
  // insertAnnotation keeps equal starts in insertion order; match slices to ids by their id line.
  for (const slice of cut.slices) {
    const id = /^[ \t]*- id: (\S+)/.exec(slice)?.[1]?.replace(/^["']|["']$/g, '');
    if (id === undefined || !rest.some((a) => a.id === id)) return undefined;
    const lines = slice.split('\n');
    out.set(
      id,
      lines
        .map((l) => (l === '' ? l : indent + l.slice(own)))
        .join('\n')
        .replace(/\n/g, nl),
    );
  }
  return out.size === list.length ? out : undefined;
}

/** The text reads back (fast reader) as exactly the planned version, hash and entries. */
function verify(text: string, expected: readonly Annotation[], hash: string | undefined): boolean {
  const data = loadPlainFast(text) as { version?: unknown; sourceHash?: unknown; annotations?: unknown } | undefined;
  if (!data || typeof data !== 'object' || data.version !== 1 || data.sourceHash !== hash) return false;
  if (!Object.keys(data).every((k) => k === 'version' || k === 'sourceHash' || k === 'annotations')) return false;
  if (!Array.isArray(data.annotations) || data.annotations.length !== expected.length) return false;
  return JSON.stringify(data.annotations.map((x) => normal(x))) === JSON.stringify(expected.map((x) => normal(plain(x))));
}

function plainTarget(t: AnnotationTarget): Record<string, unknown> {
  return { exact: t.exact, prefix: t.prefix, suffix: t.suffix, start: t.start, end: t.end };
}

function plain(a: Annotation): Record<string, unknown> {
  const c = (x: AnnotationConflict): Record<string, unknown> =>
    'deletedBy' in x ? { deletedBy: x.deletedBy } : { field: x.field, ours: typeof x.ours === 'string' ? x.ours : plainTarget(x.ours), theirs: typeof x.theirs === 'string' ? x.theirs : plainTarget(x.theirs) };
  return {
    id: a.id,
    target: plainTarget(a.target),
    note: a.note,
    tags: a.tags,
    author: a.author,
    created: a.created,
    modified: a.modified,
    ...(a.original !== undefined ? { original: a.original } : {}),
    ...(a.conflicts && a.conflicts.length > 0 ? { conflicts: a.conflicts.map(c) } : {}),
  };
}

/** Key order and the optional empty fields (prefix, suffix, note, tags) do not count. */
function normal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => normal(x));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => !((k === 'prefix' || k === 'suffix' || k === 'note') && o[k] === '') && !(k === 'tags' && Array.isArray(o[k]) && (o[k] as unknown[]).length === 0))
    .sort();
  return Object.fromEntries(keys.map((k) => [k, normal(o[k])]));
}
