import type { Adjudication, Annotation, AnnotationConflict, AnnotationTarget, ConflictField } from '../annotations/model';
import { ID_PATTERN } from '../annotations/ids';

/**
 * One sidecar entry in the store's own layout, written and read without a YAML library.
 *
 * `writeEntry` gives the exact bytes yaml 2 writes for an annotation's entry (sidecar.ts's
 * `annotationNode` with `lineWidth: 0`), or undefined when a value is outside what it knows:
 * control characters, tabs, lone surrogates, line separators, a line break anywhere but in a note
 * block or a double-quoted scalar, a note ending in white space. test/unit/store/entryLayout
 * .property.test.ts checks it byte for byte against yaml on generated annotations.
 *
 * `readEntry` reads an entry block back, and keeps the result only when `writeEntry` gives the
 * block's bytes again. So it never returns what yaml would read differently: an entry it returns
 * is, byte for byte, what yaml writes for that annotation, and yaml reads its own output back as
 * the annotation (the sidecar round-trip tests). Anything else, hand-edited or odd, is undefined,
 * and the caller reads the file with a YAML parser.
 *
 * The merge driver uses both on its fast path (merge/blocks.ts), where a cold process cannot
 * afford to load and warm up two YAML libraries for a few hundred entries.
 */

/** yaml 2's core schema: a plain scalar matching one of these reads as null, a boolean or a number, so yaml quotes such strings. */
const CORE_NOT_STRING =
  /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** yaml's test for strings that cannot be written plain (indicators, `: `, ` #`, edges). */
const PLAIN_DOUBT = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Characters this module leaves to yaml: controls (tab included), C1, line and paragraph separators, BOM, lone surrogates. */
// eslint-disable-next-line no-control-regex
const UNKNOWN = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\u{D800}-\u{DFFF}]/u;
/** Any reason not to write a string plain, as one test (the common case: a plain string needs no other). */
const NOT_PLAIN = new RegExp(`${UNKNOWN.source}|\\n|^\\s|\\s$|${PLAIN_DOUBT.source}|${CORE_NOT_STRING.source}`, 'u');
/** A tag yaml may write plain (sidecar.ts's tagsNode). */
const TAG_PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N}_ ./+-]*$/u;
const FIELDS: ReadonlySet<string> = new Set<ConflictField>(['target', 'note', 'author', 'created', 'original']);
const DATE = /^\d{4}-\d{2}-\d{2}T/;
/** yaml writes a double-quoted scalar over several lines from this JSON length on (its default doubleQuotedMinMultiLineLength). */
const MIN_MULTILINE = 40;

/** A string as yaml quotes it when it cannot be plain (its quotedString; no line break). */
function quoted(v: string): string {
  return v.includes('"') && !v.includes("'") ? `'${v}'` : JSON.stringify(v);
}

/** A string yaml writes with its default (plain) style, in a block or a flow collection; no line break. */
function plainStyle(v: string, inFlow: boolean): string {
  return (inFlow && /[[\]{},]/.test(v)) || PLAIN_DOUBT.test(v) || CORE_NOT_STRING.test(v) ? quoted(v) : v;
}

/**
 * yaml's double-quoted scalar (its doubleQuotedString) for a value without control characters:
 * JSON, where a space before a `\n` escape is written `\ `, and from 40 characters on each run of
 * `\n` escapes (not the last character) becomes real line breaks, continued at `indent`.
 */
function doubleQuoted(v: string, indent: string): string {
  const json = JSON.stringify(v);
  let str = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    let ch = json[i];
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    if (json[i + 1] !== 'n' || json[i + 2] === '"' || json.length < MIN_MULTILINE) {
      i += 1;
      continue;
    }
    str += json.slice(start, i) + '\n\n';
    while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
      str += '\n';
      i += 2;
    }
    str += indent;
    if (json[i + 2] === ' ') str += '\\';
    i += 1;
    start = i + 1;
  }
  return start ? str + json.slice(start) : json;
}

/**
 * A value written by sidecar.ts's scalarFor (white space at an edge or a line break: double
 * quotes); `block`: a note, whose lines go into a `|-` literal. `indent` is the value's own
 * indentation (its key's plus two).
 */
function safeScalar(v: string, indent: string, block: boolean): string | undefined {
  if (!NOT_PLAIN.test(v)) return v;
  if (UNKNOWN.test(v)) return undefined;
  if (v.includes('\n')) {
    if (block) {
      // A literal block; other notes with line breaks (leading or trailing blanks, a space
      // before a break) are yaml's.
      if (/^[ \n]/.test(v) || / \n/.test(v) || /[\n ]$/.test(v)) return undefined;
      return `|-\n${indent}${v.replace(/\n+/g, `$&${indent}`)}`;
    }
    return doubleQuoted(v, indent);
  }
  return /^\s|\s$/.test(v) ? JSON.stringify(v) : plainStyle(v, false);
}

/** A value set as a plain JS string (ids, dates, conflict fields): yaml's default style; no line break allowed. */
function plainScalar(v: string): string | undefined {
  if (!NOT_PLAIN.test(v)) return v;
  return UNKNOWN.test(v) || v.includes('\n') ? undefined : plainStyle(v, false);
}

function tagsFlow(tags: readonly string[]): string | undefined {
  if (tags.length === 0) return '[]';
  const items: string[] = [];
  for (const t of tags) {
    if (!NOT_PLAIN.test(t) && TAG_PLAIN.test(t)) {
      items.push(t);
      continue;
    }
    if (UNKNOWN.test(t) || t.includes('\n')) return undefined;
    items.push(!TAG_PLAIN.test(t) || /\s$/.test(t) ? JSON.stringify(t) : plainStyle(t, true));
  }
  return `[ ${items.join(', ')} ]`;
}

function targetLines(t: AnnotationTarget, ind: string): string | undefined {
  const inner = `${ind}  `;
  const exact = safeScalar(t.exact, inner, false);
  const prefix = safeScalar(t.prefix, inner, false);
  const suffix = safeScalar(t.suffix, inner, false);
  if (exact === undefined || prefix === undefined || suffix === undefined || !Number.isSafeInteger(t.start) || !Number.isSafeInteger(t.end) || t.start < 0 || t.end < 0 || Object.is(t.start, -0) || Object.is(t.end, -0)) return undefined;
  return `${ind}exact: ${exact}\n${ind}prefix: ${prefix}\n${ind}suffix: ${suffix}\n${ind}start: ${t.start}\n${ind}end: ${t.end}\n`;
}

function conflictLines(c: AnnotationConflict, ind: string): string | undefined {
  if ('deletedBy' in c) return c.deletedBy === 'ours' || c.deletedBy === 'theirs' ? `${ind}- { deletedBy: ${c.deletedBy} }\n` : undefined;
  const field = plainScalar(c.field);
  if (field === undefined) return undefined;
  let out = `${ind}- field: ${field}\n`;
  const k = `${ind}  `;
  for (const side of ['ours', 'theirs'] as const) {
    const v = c[side];
    if (typeof v === 'string') {
      const s = safeScalar(v, `${k}  `, false);
      if (s === undefined) return undefined;
      out += `${k}${side}: ${s}\n`;
    } else {
      const t = targetLines(v, `${k}  `);
      if (t === undefined) return undefined;
      out += `${k}${side}:\n${t}`;
    }
  }
  return out;
}

function adjudicatedLines(a: Adjudication, ind: string): string | undefined {
  const from: string[] = [];
  for (const id of a.from) {
    if (UNKNOWN.test(id) || id.includes('\n')) return undefined;
    from.push(plainStyle(id, true));
  }
  const by = safeScalar(a.by, `${ind}  `, false);
  const at = plainScalar(a.at);
  if (by === undefined || at === undefined) return undefined;
  return `${ind}from: ${from.length === 0 ? '[]' : `[ ${from.join(', ')} ]`}\n${ind}by: ${by}\n${ind}at: ${at}\n`;
}

/** The entry yaml writes for `a` in a list indented by `indent` (LF line breaks), or undefined (see above). */
export function writeEntry(a: Annotation, indent: string): string | undefined {
  const k = `${indent}  `;
  const v = `${k}  `;
  const id = plainScalar(a.id);
  const target = targetLines(a.target, v);
  const note = safeScalar(a.note, v, true);
  const tags = tagsFlow(a.tags);
  const author = safeScalar(a.author, v, false);
  const created = plainScalar(a.created);
  const modified = plainScalar(a.modified);
  if (id === undefined || target === undefined || note === undefined || tags === undefined || author === undefined || created === undefined || modified === undefined) return undefined;
  let out = `${indent}- id: ${id}\n${k}target:\n${target}${k}note: ${note}\n${k}tags: ${tags}\n${k}author: ${author}\n${k}created: ${created}\n${k}modified: ${modified}\n`;
  if (a.original !== undefined) {
    const o = safeScalar(a.original, v, false);
    if (o === undefined) return undefined;
    out += `${k}original: ${o}\n`;
  }
  if (a.conflicts !== undefined && a.conflicts.length > 0) {
    out += `${k}conflicts:\n`;
    for (const c of a.conflicts) {
      const lines = conflictLines(c, v);
      if (lines === undefined) return undefined;
      out += lines;
    }
  }
  if (a.adjudicated !== undefined) {
    const lines = adjudicatedLines(a.adjudicated, v);
    if (lines === undefined) return undefined;
    out += `${k}adjudicated:\n${lines}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading. Loose on purpose: whatever it reads is checked by writing it again.

class Lines {
  private i = 0;
  constructor(private readonly lines: readonly string[]) {}
  get done(): boolean {
    return this.i >= this.lines.length;
  }
  peek(): string | undefined {
    return this.lines[this.i];
  }
  next(): string | undefined {
    return this.lines[this.i++];
  }
}

/** A double-quoted scalar's escapes (the JSON ones and `\ `); undefined for anything else. */
function unescape(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[++i];
    if (e === 'n') out += '\n';
    else if (e === '"' || e === '\\' || e === '/' || e === ' ') out += e;
    else if (e === 't') out += '\t';
    else if (e === 'r') out += '\r';
    else if (e === 'b') out += '\b';
    else if (e === 'f') out += '\f';
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
      i += 4;
    } else return undefined;
  }
  return out;
}

/** Where a double-quoted scalar that opens at `from` closes on this line (escape-aware), or -1. */
function closingQuote(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

/**
 * The value after `key: ` on `first`, reading continuation lines from `lines` (a `|-` literal
 * indented by `indent`, or a double-quoted scalar over several lines). Undefined when unsure.
 */
function readScalar(first: string, lines: Lines, indent: string): string | undefined {
  if (first === '|-') {
    const body: string[] = [];
    for (let l = lines.peek(); l !== undefined && (l === '' || l.startsWith(indent)); l = lines.peek()) {
      body.push(l.slice(indent.length));
      lines.next();
    }
    return body.length === 0 || body[body.length - 1] === '' ? undefined : body.join('\n');
  }
  if (first.startsWith('"')) {
    const end = closingQuote(first, 1);
    if (end === first.length - 1) return unescape(first.slice(1, -1));
    if (end >= 0) return undefined;
    // Folded over lines: one break is a space, n + 1 breaks are n line feeds; continuation lines lose their indentation.
    let raw = first.slice(1);
    let breaks = 0;
    for (;;) {
      const l = lines.next();
      if (l === undefined) return undefined;
      if (l === '') {
        breaks++;
        continue;
      }
      const text = l.replace(/^ +/, '');
      raw += breaks === 0 ? ' ' : '\n'.repeat(breaks);
      breaks = 0;
      const close = closingQuote(text, 0);
      if (close >= 0) {
        if (close !== text.length - 1) return undefined;
        const head = unescape(raw.replace(/\n/g, '\\n'));
        const tail = unescape(text.slice(0, -1));
        return head === undefined || tail === undefined ? undefined : head + tail;
      }
      raw += text;
    }
  }
  if (first.startsWith("'")) {
    if (first.length < 2 || !first.endsWith("'")) return undefined;
    const inner = first.slice(1, -1);
    return inner.replace(/''/g, '').includes("'") ? undefined : inner.replace(/''/g, "'");
  }
  return first;
}

/** `key: value` at exactly `indent`, with its (possibly multi-line) scalar value. */
function keyScalar(lines: Lines, indent: string, key: string): string | undefined {
  const l = lines.peek();
  const head = `${indent}${key}: `;
  if (l === undefined || !l.startsWith(head)) return undefined;
  lines.next();
  return readScalar(l.slice(head.length), lines, `${indent}  `);
}

function keyNumber(lines: Lines, indent: string, key: string): number | undefined {
  const l = lines.next();
  const m = l === undefined ? null : /^(0|[1-9]\d{0,14})$/.exec(l.slice(indent.length + key.length + 2));
  return m && l!.startsWith(`${indent}${key}: `) ? Number(m[1]) : undefined;
}

function readTarget(lines: Lines, indent: string): AnnotationTarget | undefined {
  const exact = keyScalar(lines, indent, 'exact');
  const prefix = keyScalar(lines, indent, 'prefix');
  const suffix = keyScalar(lines, indent, 'suffix');
  const start = keyNumber(lines, indent, 'start');
  const end = keyNumber(lines, indent, 'end');
  if (exact === undefined || exact === '' || prefix === undefined || suffix === undefined || start === undefined || end === undefined || end < start) return undefined;
  return { exact, prefix, suffix, start, end };
}

/** A flow sequence `[ a, "b", 'c' ]` of single-line scalars. */
function readFlow(text: string): string[] | undefined {
  if (text === '[]') return [];
  if (!text.startsWith('[ ') || !text.endsWith(' ]')) return undefined;
  const body = text.slice(2, -2);
  const out: string[] = [];
  let at = 0;
  while (at <= body.length) {
    let end: number;
    if (body[at] === '"') end = closingQuote(body, at + 1) + 1;
    else if (body[at] === "'") {
      end = at + 1;
      while (end < body.length && !(body[end] === "'" && body[end + 1] !== "'")) end += body[end] === "'" ? 2 : 1;
      end++;
    } else {
      end = body.indexOf(', ', at);
      if (end < 0) end = body.length;
    }
    if (end <= at || end > body.length) return undefined;
    const v = readScalar(body.slice(at, end), new Lines([]), '');
    if (v === undefined) return undefined;
    out.push(v);
    if (end === body.length) return out;
    if (body.slice(end, end + 2) !== ', ') return undefined;
    at = end + 2;
  }
  return undefined;
}

function readConflicts(lines: Lines, indent: string): AnnotationConflict[] | undefined {
  const out: AnnotationConflict[] = [];
  const k = `${indent}  `;
  for (let l = lines.peek(); l !== undefined && l.startsWith(`${indent}- `); l = lines.peek()) {
    lines.next();
    const deleted = /^- \{ deletedBy: (ours|theirs) \}$/.exec(l.slice(indent.length));
    if (deleted) {
      out.push({ deletedBy: deleted[1] as 'ours' | 'theirs' });
      continue;
    }
    const field = l.slice(indent.length + '- field: '.length);
    if (!l.startsWith(`${indent}- field: `) || !FIELDS.has(field)) return undefined;
    const sides: Array<string | AnnotationTarget> = [];
    for (const side of ['ours', 'theirs']) {
      if (lines.peek() === `${k}${side}:`) {
        lines.next();
        const t = readTarget(lines, `${k}  `);
        if (t === undefined) return undefined;
        sides.push(t);
      } else {
        const s = keyScalar(lines, k, side);
        if (s === undefined) return undefined;
        sides.push(s);
      }
    }
    out.push({ field: field as ConflictField, ours: sides[0], theirs: sides[1] });
  }
  return out.length > 0 ? out : undefined;
}

function readAdjudicated(lines: Lines, indent: string): Adjudication | undefined {
  const l = lines.next();
  const from = l !== undefined && l.startsWith(`${indent}from: `) ? readFlow(l.slice(indent.length + 6)) : undefined;
  const by = keyScalar(lines, indent, 'by');
  const at = keyScalar(lines, indent, 'at');
  if (from === undefined || from.length === 0 || !from.every((f) => ID_PATTERN.test(f)) || by === undefined || at === undefined || !DATE.test(at)) return undefined;
  return { from, by, at };
}

/**
 * The common entry as one regular expression (a cold process runs one native match far faster
 * than a loop over lines): single-line scalars, a note on one line or in a `|-` block, nothing
 * after `modified`. Groups: id, exact, prefix, suffix, start, end, note (one line), note (block
 * lines), tags (inside the brackets), author, created, modified.
 */
function commonEntry(indent: string): RegExp {
  const k = `${indent}  `;
  const v = `${k}  `;
  const n = '(0|[1-9]\\d{0,14})';
  return new RegExp(
    `^${indent}- id: ([^\\n"'|]+)\\n${k}target:\\n${v}exact: ([^\\n]+)\\n${v}prefix: ([^\\n]+)\\n${v}suffix: ([^\\n]+)\\n${v}start: ${n}\\n${v}end: ${n}\\n` +
      `${k}note: (?:\\|-\\n((?:${v}[^\\n]*\\n|\\n)+)|([^\\n]+)\\n)${k}tags: \\[([^\\n]*)\\]\\n${k}author: ([^\\n]+)\\n${k}created: ([^\\n"']+)\\n${k}modified: ([^\\n"']+)\\n$`,
  );
}
const COMMON_ENTRY = commonEntry('  ');

/** A single-line scalar: plain, single-quoted, or double-quoted with JSON's escapes; undefined otherwise. */
function oneLine(raw: string): string | undefined {
  const c = raw.charCodeAt(0);
  if (c === 0x22 /* " */) {
    try {
      const v: unknown = JSON.parse(raw);
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  }
  if (c === 0x27 /* ' */) return raw.length >= 2 && raw.endsWith("'") && !raw.slice(1, -1).replace(/''/g, '').includes("'") ? raw.slice(1, -1).replace(/''/g, "'") : undefined;
  return raw;
}

/**
 * What readEntry learns about the values that recur from entry to entry (tag lists, authors,
 * dates), for the entries of one merge: each distinct text is read and checked once. A cold
 * process interprets every check it makes, and a file of 2,000 entries has a few dozen of them.
 */
export class EntryReadMemo {
  /** A tag list's text (inside the brackets) → its tags, when written back the same; undefined when not. */
  readonly tags = new Map<string, readonly string[] | undefined>();
  /** A one-line scalar's text (author) → its value, when written back the same; undefined when not. */
  readonly scalars = new Map<string, string | undefined>();
  /** A date's text → whether it is one, written plain. */
  readonly dates = new Map<string, boolean>();
}

function memoized<V>(map: Map<string, V> | undefined, key: string, compute: () => V): V {
  if (map === undefined) return compute();
  if (map.has(key)) return map.get(key) as V;
  const v = compute();
  map.set(key, v);
  return v;
}

/** The common entry (commonEntry) read with one match, when it is exactly what writeEntry writes for it; else undefined. */
function readCommon(block: string, indent: string, memo: EntryReadMemo | undefined): Annotation | undefined {
  const m = (indent === '  ' ? COMMON_ENTRY : commonEntry(indent)).exec(block);
  if (!m) return undefined;
  const v = `${indent}    `;
  const exact = oneLine(m[2]);
  const prefix = oneLine(m[3]);
  const suffix = oneLine(m[4]);
  const start = Number(m[5]);
  const end = Number(m[6]);
  const note = m[7] !== undefined ? blockLines(m[7], `${indent}    `) : oneLine(m[8]);
  const tags = memoized(memo?.tags, m[9], () => {
    const list = m[9] === '' ? [] : readFlow(`[${m[9]}]`);
    return list !== undefined && !list.some((t) => t === '') && tagsFlow(list) === (m[9] === '' ? '[]' : `[${m[9]}]`) ? list : undefined;
  });
  const author = memoized(memo?.scalars, m[10], () => {
    const a = oneLine(m[10]);
    return a !== undefined && safeScalar(a, v, false) === m[10] ? a : undefined;
  });
  const id = m[1];
  const created = m[11];
  const modified = m[12];
  const date = (d: string): boolean => memoized(memo?.dates, d, () => DATE.test(d) && plainScalar(d) === d);
  if (exact === undefined || exact === '' || prefix === undefined || suffix === undefined || end < start || note === undefined || tags === undefined || author === undefined) return undefined;
  if (!ID_PATTERN.test(id) || !date(created) || !date(modified)) return undefined;
  // The match fixed the keys, their order, indentation and numbers; the entry is what writeEntry
  // writes when each value's text is the one it writes for that value (tags, author and dates
  // were checked above).
  const written =
    plainScalar(id) === id &&
    safeScalar(exact, `${v}  `, false) === m[2] &&
    safeScalar(prefix, `${v}  `, false) === m[3] &&
    safeScalar(suffix, `${v}  `, false) === m[4] &&
    safeScalar(note, v, true) === (m[7] !== undefined ? `|-\n${m[7].slice(0, -1)}` : m[8]);
  return written ? { id, target: { exact, prefix, suffix, start, end }, note, tags: [...tags], author, created, modified } : undefined;
}

/** A `|-` literal's lines (each indented by `indent`, or empty), without the last line break. */
function blockLines(lines: string, indent: string): string | undefined {
  if (lines.endsWith('\n\n')) return undefined;
  return lines
    .slice(0, -1)
    .split('\n')
    .map((l) => l.slice(indent.length))
    .join('\n');
}

/**
 * The annotation of one entry block (from its `- id:` line to the next entry, LF line breaks) in
 * a list indented by `indent`, when the block is exactly what `writeEntry` writes for it and the
 * annotation is valid as readSidecarFast checks it; else undefined.
 */
export function readEntry(block: string, indent: string, memo?: EntryReadMemo): Annotation | undefined {
  if (!block.endsWith('\n') || block.includes('\r')) return undefined;
  const common = readCommon(block, indent, memo);
  if (common !== undefined) return common;
  const lines = new Lines(block.slice(0, -1).split('\n'));
  const k = `${indent}  `;
  const v = `${k}  `;
  const first = lines.next()!;
  if (!first.startsWith(`${indent}- id: `)) return undefined;
  const id = readScalar(first.slice(indent.length + 6), lines, v);
  if (id === undefined || !ID_PATTERN.test(id) || lines.next() !== `${k}target:`) return undefined;
  const target = readTarget(lines, v);
  const note = keyScalar(lines, k, 'note');
  const tagsLine = lines.next();
  const tags = tagsLine !== undefined && tagsLine.startsWith(`${k}tags: `) ? readFlow(tagsLine.slice(k.length + 6)) : undefined;
  const author = keyScalar(lines, k, 'author');
  const created = keyScalar(lines, k, 'created');
  const modified = keyScalar(lines, k, 'modified');
  if (target === undefined || note === undefined || tags === undefined || tags.some((t) => t === '') || author === undefined || created === undefined || modified === undefined || !DATE.test(created) || !DATE.test(modified)) return undefined;
  let original: string | undefined;
  let conflicts: AnnotationConflict[] | undefined;
  let adjudicated: Adjudication | undefined;
  if (lines.peek()?.startsWith(`${k}original: `)) {
    original = keyScalar(lines, k, 'original');
    if (original === undefined || original === '') return undefined;
  }
  if (lines.peek() === `${k}conflicts:`) {
    lines.next();
    conflicts = readConflicts(lines, v);
    if (conflicts === undefined) return undefined;
  }
  if (lines.peek() === `${k}adjudicated:`) {
    lines.next();
    adjudicated = readAdjudicated(lines, v);
    if (adjudicated === undefined) return undefined;
  }
  if (!lines.done) return undefined;
  const a: Annotation = {
    id,
    target,
    note,
    tags,
    author,
    created,
    modified,
    ...(original !== undefined ? { original } : {}),
    ...(conflicts !== undefined ? { conflicts } : {}),
    ...(adjudicated !== undefined ? { adjudicated } : {}),
  };
  return writeEntry(a, indent) === block ? a : undefined;
}
