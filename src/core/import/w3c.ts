import type { Adjudication, Annotation, AnnotationTarget } from '../annotations/model';
import { ANALYSIS_ID_PREFIX, ANNOTATION_ID_PREFIX, DEFAULT_SOURCE_BASE } from '../export/w3c';
import { CONTEXT_LENGTH } from '../anchoring/anchor';
import { stableGuid } from '../export/ids';
import { UserError } from '../fileSystem';
import { OffsetMap, sliceCodePoints } from '../text/offsets';

/**
 * Import of W3C Web Annotation JSON(-LD): the inverse of core/export/w3c, and tolerant of what
 * other tools write (Hypothesis, Recogito): a single Annotation, an array, an AnnotationPage or an
 * AnnotationCollection with embedded pages; bodies as objects, arrays or bodyValue; creator as
 * IRI, name or object. Positions are code points, as in the model.
 */

/** Largest W3C file accepted, in characters. */
export const MAX_W3C_IMPORT_CHARS = 128 * 1024 * 1024;

/** The sidecar id pattern (src/core/store/schema.ts). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}T/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export interface W3cImportOptions {
  /** IRIs that source paths are relative to; the first that prefixes a source wins. Default [DEFAULT_SOURCE_BASE]. */
  readonly sourceBases?: readonly string[];
  /** The text of a workspace source (by relative path), used when a target lacks a position or quote selector. */
  readonly textOf?: (path: string) => string | undefined;
  /** ISO date-time used for a missing created/modified. */
  readonly now?: string;
  /**
   * The workspace sources whose provenance file gives a URL, by that URL (see urlKey): a target
   * whose `source` is a web page and whose `state` names no workspace copy is mapped to the one
   * source with that URL. See sourcesByUrl (provenanceUrls.ts).
   */
  readonly sourcesByUrl?: ReadonlyMap<string, readonly string[]>;
}

export interface ImportedSource {
  readonly path: string;
  readonly annotations: Annotation[];
}

export interface W3cImportResult {
  /** Sorted by path; annotations by position. */
  readonly sources: ImportedSource[];
  /** Things that were dropped or guessed, one sentence each. */
  readonly warnings: string[];
}

/** Parse a W3C JSON text. Throws UserError on malformed input, naming the item at fault. */
export function importW3cJson(json: string, options: W3cImportOptions = {}): W3cImportResult {
  return importW3c(parseW3cJson(json), options);
}

/** JSON.parse with a size limit, a BOM dropped and a UserError for malformed JSON. */
export function parseW3cJson(json: string): unknown {
  if (json.length > MAX_W3C_IMPORT_CHARS) throw new UserError(`the file is too large to import (${json.length} characters; the limit is ${MAX_W3C_IMPORT_CHARS})`);
  let value: unknown;
  try {
    value = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (err) {
    throw new UserError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return value;
}

/**
 * The workspace-relative paths of the sources the annotations target, sorted, without
 * duplicates, so that a caller can read those sources (for `textOf`) before importing.
 * Items it cannot make sense of are skipped here; importW3c reports them.
 */
export function w3cSourcePaths(value: unknown, options: Pick<W3cImportOptions, 'sourceBases' | 'sourcesByUrl'> = {}): string[] {
  const bases = options.sourceBases ?? [DEFAULT_SOURCE_BASE];
  const out = new Set<string>();
  for (const t of targetsOf(value)) {
    try {
      out.add(targetPath(t, bases, options.sourcesByUrl));
    } catch {
      // reported by importW3c
    }
  }
  return [...out].sort();
}

/**
 * The page URLs the annotations target without naming a workspace copy (no `state.cached` and
 * a `source` outside the workspace), sorted: a caller reads the provenance files (sourcesByUrl)
 * only when there are some.
 */
export function w3cSourceUrls(value: unknown, options: Pick<W3cImportOptions, 'sourceBases'> = {}): string[] {
  const bases = options.sourceBases ?? [DEFAULT_SOURCE_BASE];
  const out = new Set<string>();
  for (const t of targetsOf(value)) {
    try {
      if (cachedPath(t, bases) !== undefined || typeof t.source !== 'string') continue;
      if (workspacePath(t.source, bases) === undefined) out.add(t.source);
    } catch {
      // reported by importW3c
    }
  }
  return [...out].sort();
}

/** The target objects of every item it can make sense of (importW3c reports the others). */
function targetsOf(value: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const item of collectItems(value)) {
    if (!isObject(item)) continue;
    const targets: readonly unknown[] = Array.isArray(item.target) ? (item.target as unknown[]) : [item.target];
    for (const t of targets) if (isObject(t)) out.push(t);
  }
  return out;
}

/** Import already-parsed JSON. */
export function importW3c(value: unknown, options: W3cImportOptions = {}): W3cImportResult {
  const items = collectItems(value);
  const warnings: string[] = [];
  const bases = options.sourceBases ?? [DEFAULT_SOURCE_BASE];
  const now = options.now ?? new Date().toISOString();
  const byPath = new Map<string, Annotation[]>();
  const seen = new Set<string>();
  let skipped = 0;
  items.forEach((item, index) => {
    const where = `annotation ${index + 1}${isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : ''}`;
    if (isObject(item) && typeof item.id === 'string' && item.id.startsWith(ANALYSIS_ID_PREFIX)) {
      skipped++;
      return;
    }
    const { path, annotation } = readAnnotation(item, index, where, bases, now, options, warnings);
    // Ids are unique per sidecar (the store's rule), so per source.
    const key = `${path}\n${annotation.id}`;
    if (seen.has(key)) throw new UserError(`${where}: the id ${annotation.id} appears more than once for ${path}`);
    seen.add(key);
    const list = byPath.get(path) ?? [];
    list.push(annotation);
    byPath.set(path, list);
  });
  if (skipped > 0) warnings.push(`${skipped} detected entities and quotes (export --analysis) were not imported: they are not annotations of yours`);
  const sources = [...byPath.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([path, annotations]) => ({ path, annotations: annotations.sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end) }));
  return { sources, warnings };
}

function collectItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) throw new UserError('expected a W3C Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection');
  if (hasType(value, 'Annotation')) return [value];
  if (hasType(value, 'AnnotationPage')) return pageItems(value, 'the AnnotationPage');
  if (hasType(value, 'AnnotationCollection')) {
    const out: unknown[] = [];
    let page: unknown = value.first;
    if (page === undefined) return out;
    for (let n = 1; page !== undefined; n++) {
      if (typeof page === 'string') throw new UserError(`page ${n} of the collection is a reference (${page}); only embedded pages can be imported`);
      if (!isObject(page)) throw new UserError(`page ${n} of the collection is not an object`);
      if (n > 100000) throw new UserError('the collection has too many pages');
      out.push(...pageItems(page, `page ${n} of the collection`));
      page = page.next;
    }
    return out;
  }
  throw new UserError('expected a W3C Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection (no recognised "type")');
}

function pageItems(page: Record<string, unknown>, where: string): unknown[] {
  if (page.items === undefined) return [];
  if (!Array.isArray(page.items)) throw new UserError(`${where}: "items" is not an array`);
  return page.items;
}

function readAnnotation(
  item: unknown,
  index: number,
  where: string,
  bases: readonly string[],
  now: string,
  options: W3cImportOptions,
  warnings: string[],
): { path: string; annotation: Annotation } {
  if (!isObject(item)) throw new UserError(`${where}: not an object`);
  if (!hasType(item, 'Annotation')) throw new UserError(`${where}: its "type" is not Annotation`);
  const id = readId(item.id, index);

  const target = firstTarget(item.target, where);
  const path = targetPath(target, bases, options.sourcesByUrl, where);
  const { quote, position } = readSelectors(target.selector, where);
  const annotationTarget = resolveTarget(quote, position, path, options.textOf, where, warnings);

  const { note, tags } = readBodies(item, where, warnings);
  const created = readDate(item.created, now, where, 'created', warnings);
  const modified = readDate(item.modified, created, where, 'modified', warnings);
  const adjudicated = readAdjudicated(item['sa:adjudicated'], where, warnings);
  return { path, annotation: { id, target: annotationTarget, note, tags, author: readCreator(item.creator), created, modified, ...(adjudicated ? { adjudicated } : {}) } };
}

/** `sa:adjudicated` (see SA_CONTEXT in the export): what an adjudicated annotation was decided from. */
function readAdjudicated(value: unknown, where: string, warnings: string[]): Adjudication | undefined {
  if (value === undefined) return undefined;
  const from = isObject(value) ? value['sa:from'] : undefined;
  const by = isObject(value) ? value['sa:by'] : undefined;
  const at = isObject(value) ? value['sa:at'] : undefined;
  if (!Array.isArray(from) || from.length === 0 || !from.every((f) => typeof f === 'string') || typeof by !== 'string' || typeof at !== 'string' || !DATE_PATTERN.test(at) || !Number.isFinite(Date.parse(at))) {
    warnings.push(`${where}: "sa:adjudicated" needs "sa:from" (annotation ids), "sa:by" and "sa:at" (an ISO 8601 date-time); the record was not imported`);
    return undefined;
  }
  return { from: from.map((f: string, k) => readId(f, k)), by, at };
}

function readId(id: unknown, index: number): string {
  if (typeof id === 'string' && id.startsWith(ANNOTATION_ID_PREFIX)) {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(id.slice(ANNOTATION_ID_PREFIX.length));
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined && ID_PATTERN.test(decoded)) return decoded;
  }
  // A foreign or missing id: a stable id derived from it (or from the position in the file).
  const key = typeof id === 'string' && id !== '' ? id : `#${index}`;
  return 'a-' + stableGuid('import', key).replace(/-/g, '').slice(0, 12);
}

function firstTarget(target: unknown, where: string): Record<string, unknown> {
  const list: readonly unknown[] = Array.isArray(target) ? (target as unknown[]) : [target];
  if (list.length === 0 || target === undefined) throw new UserError(`${where}: no "target"`);
  const withSelector = list.find((t) => isObject(t) && t.selector !== undefined);
  const first = withSelector ?? list[0];
  if (typeof first === 'string') throw new UserError(`${where}: the target ${first} has no selector, so there is no text span to annotate`);
  if (!isObject(first)) throw new UserError(`${where}: the target is not an object`);
  return first;
}

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

function readSelectors(selector: unknown, where: string): { quote?: Quote; position?: { start: number; end: number } } {
  const list = Array.isArray(selector) ? selector : selector === undefined ? [] : [selector];
  let quote: Quote | undefined;
  let position: { start: number; end: number } | undefined;
  for (const s of list) {
    if (!isObject(s)) continue;
    if (hasType(s, 'TextQuoteSelector') && quote === undefined) {
      if (typeof s.exact !== 'string') throw new UserError(`${where}: the TextQuoteSelector has no "exact" string`);
      quote = { exact: s.exact, prefix: typeof s.prefix === 'string' ? s.prefix : '', suffix: typeof s.suffix === 'string' ? s.suffix : '' };
    } else if (hasType(s, 'TextPositionSelector') && position === undefined) {
      const { start, end } = s;
      if (!isIndex(start) || !isIndex(end) || end < start) {
        throw new UserError(`${where}: the TextPositionSelector needs integers 0 <= start <= end (got start ${String(start)}, end ${String(end)})`);
      }
      position = { start, end };
    }
  }
  return { quote, position };
}

function resolveTarget(
  quote: Quote | undefined,
  position: { start: number; end: number } | undefined,
  path: string,
  textOf: ((path: string) => string | undefined) | undefined,
  where: string,
  warnings: string[],
): AnnotationTarget {
  const text = textOf?.(path);
  if (quote && position) {
    if (quote.exact === '') throw new UserError(`${where}: the quoted text ("exact") is empty`);
    if (text !== undefined) {
      // The export cuts prefix and suffix to 32 UTF-16 units; where the quote is in the text, its
      // context comes from the text again, 32 code points as the store keeps.
      const map = new OffsetMap(text);
      if (sliceCodePoints(text, map, position.start, position.end) === quote.exact) return { exact: quote.exact, ...context(text, map, position.start, position.end), start: position.start, end: position.end };
      // The position counts in another text (an annotation made on the live page, found here
      // through its URL): the quote and its context decide where it is in this one.
      const at = locate(text, quote);
      if (at >= 0) {
        const start = map.toCodePoint(at);
        const end = map.toCodePoint(at + quote.exact.length);
        warnings.push(`${where}: the quote is not at position ${position.start}-${position.end} of ${path}; it was located by its text and context at ${start}-${end}`);
        return { exact: quote.exact, ...context(text, map, start, end), start, end };
      }
    }
    return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
  }
  if (text === undefined) {
    throw new UserError(`${where}: the target needs both a TextQuoteSelector and a TextPositionSelector (or the source ${path} must be present to locate it)`);
  }
  const map = new OffsetMap(text);
  if (position) {
    const exact = sliceCodePoints(text, map, position.start, position.end);
    if (exact === '') throw new UserError(`${where}: the position ${position.start}-${position.end} selects no text in ${path}`);
    warnings.push(`${where}: no TextQuoteSelector; the quote was taken from ${path}`);
    return { exact, ...context(text, map, position.start, position.end), start: position.start, end: position.end };
  }
  if (!quote || quote.exact === '') throw new UserError(`${where}: the target has neither a TextQuoteSelector nor a TextPositionSelector`);
  const at = locate(text, quote);
  if (at < 0) throw new UserError(`${where}: the quoted text was not found in ${path}`);
  const start = map.toCodePoint(at);
  const end = map.toCodePoint(at + quote.exact.length);
  warnings.push(`${where}: no TextPositionSelector; the quote was located in ${path}`);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start, end };
}

/** The occurrence of the quote whose surroundings best match its prefix and suffix (UTF-16 offset), or -1. */
function locate(text: string, q: Quote): number {
  let best = -1;
  let bestScore = -1;
  for (let i = text.indexOf(q.exact), n = 0; i >= 0 && n < 10000; i = text.indexOf(q.exact, i + 1), n++) {
    const before = text.slice(Math.max(0, i - q.prefix.length), i);
    const after = text.slice(i + q.exact.length, i + q.exact.length + q.suffix.length);
    const score = commonSuffix(before, q.prefix) + commonPrefix(after, q.suffix);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** CONTEXT_LENGTH (32) code points of context on each side, as the store keeps. */
function context(text: string, map: OffsetMap, start: number, end: number): { prefix: string; suffix: string } {
  return { prefix: sliceCodePoints(text, map, Math.max(0, start - CONTEXT_LENGTH), start), suffix: sliceCodePoints(text, map, end, end + CONTEXT_LENGTH) };
}

function readBodies(item: Record<string, unknown>, where: string, warnings: string[]): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (item.body !== undefined && item.bodyValue !== undefined) throw new UserError(`${where}: has both "body" and "bodyValue"`);
  if (typeof item.bodyValue === 'string') notes.push(item.bodyValue);
  const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
  for (const b of bodies) {
    if (typeof b === 'string') {
      warnings.push(`${where}: the body ${b} is a link, not text; it was not imported`);
      continue;
    }
    if (!isObject(b) || typeof b.value !== 'string') {
      warnings.push(`${where}: a body without a text value was not imported`);
      continue;
    }
    const purposes = Array.isArray(b.purpose) ? b.purpose : [b.purpose];
    if (purposes.includes('tagging')) {
      const tag = b.value.trim();
      if (tag === '') warnings.push(`${where}: an empty tag was dropped`);
      else if (tags.includes(tag)) warnings.push(`${where}: the tag ${JSON.stringify(tag)} appears twice; it was kept once`);
      else {
        if (tag !== b.value) warnings.push(`${where}: the tag ${JSON.stringify(b.value)} was imported as ${JSON.stringify(tag)} (spaces around it removed)`);
        tags.push(tag);
      }
    } else {
      notes.push(b.value);
    }
  }
  return { note: notes.join('\n\n'), tags };
}

function readCreator(creator: unknown): string {
  const c: unknown = Array.isArray(creator) ? (creator as unknown[])[0] : creator;
  if (typeof c === 'string') return c;
  if (isObject(c)) {
    for (const k of ['name', 'nickname', 'id'] as const) if (typeof c[k] === 'string') return c[k];
  }
  return '';
}

function readDate(value: unknown, fallback: string, where: string, field: string, warnings: string[]): string {
  if (typeof value === 'string' && DATE_PATTERN.test(value) && Number.isFinite(Date.parse(value))) return value;
  if (value !== undefined) warnings.push(`${where}: "${field}" is not an ISO 8601 date-time; ${fallback} was used`);
  return fallback;
}

/**
 * The workspace file a target's selectors count in, or a UserError. In this order: its
 * `state`'s `cached` copy when that is in the workspace (what the export writes when `source` is
 * the page's URL), its `source` when that is in the workspace, else the one source whose
 * provenance file gives `source` as its URL. A `cached` or `source` that looks like a workspace
 * path but leaves it (`..`, absolute) is refused, never skipped. Only the spelling is checked
 * here: the caller checks the real path (symbolic links) before reading or writing.
 */
function targetPath(target: Record<string, unknown>, bases: readonly string[], byUrl: ReadonlyMap<string, readonly string[]> | undefined, where = 'annotation'): string {
  const cached = cachedPath(target, bases, where);
  if (cached !== undefined) return cached;
  if (typeof target.source !== 'string') throw new UserError(`${where}: the target has no "source" IRI`);
  const direct = workspacePath(target.source, bases, where);
  if (direct !== undefined) return direct;
  const found = byUrl?.get(urlKey(target.source)) ?? [];
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new UserError(
      `${where}: the source ${target.source} is the URL of ${found.length} sources (${found.join(', ')}), and no "state" with a "cached" copy says which; nothing was imported`,
    );
  }
  throw new UserError(
    `${where}: the source ${target.source} is not in this workspace (expected an IRI starting with ${bases.join(' or ')}, a "state" whose "cached" copy is one, or a URL that a source's provenance file gives)`,
  );
}

/** The workspace path of a target's `state.cached` (TimeState, alone or in a list), if one is in the workspace. */
function cachedPath(target: Record<string, unknown>, bases: readonly string[], where = 'annotation'): string | undefined {
  const states: readonly unknown[] = Array.isArray(target.state) ? (target.state as unknown[]) : [target.state];
  for (const st of states) {
    if (!isObject(st) || st.cached === undefined) continue;
    const list: readonly unknown[] = Array.isArray(st.cached) ? (st.cached as unknown[]) : [st.cached];
    for (const c of list) {
      if (typeof c !== 'string') continue;
      const p = workspacePath(c, bases, where, 'cached copy');
      if (p !== undefined) return p;
      // A local file outside the workspace is refused; a copy elsewhere on the web (an archive) is not ours to read.
      if (/^file:/i.test(c)) throw new UserError(`${where}: the cached copy ${c} is not a path inside the workspace`);
    }
  }
  return undefined;
}

/** A page URL as looked up in sourcesByUrl: parsed and serialised (so `HTTPS://Example.org` is `https://example.org/`), else as written. */
export function urlKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** The workspace-relative path of a source IRI, or a UserError. Never escapes the root. */
export function sourcePath(iri: string, bases: readonly string[], where = 'annotation'): string {
  const p = workspacePath(iri, bases, where);
  if (p === undefined) throw new UserError(`${where}: the source ${iri} is not in this workspace (expected an IRI starting with ${bases.join(' or ')})`);
  return p;
}

/**
 * The workspace-relative path of an IRI under one of the bases (or a relative path), undefined
 * for an IRI elsewhere (another scheme or host), a UserError for one that would leave the root.
 */
function workspacePath(iri: string, bases: readonly string[], where = 'annotation', what = 'source'): string | undefined {
  let rest: string | undefined;
  for (const b of bases) {
    if (iri.startsWith(b)) {
      rest = iri.slice(b.length);
      break;
    }
  }
  if (rest === undefined) {
    if (SCHEME.test(iri)) return undefined;
    rest = iri;
  }
  rest = rest.replace(/[?#].*$/, '');
  let segments: string[];
  try {
    segments = rest.split('/').map(decodeURIComponent);
  } catch {
    throw new UserError(`${where}: the ${what} ${iri} is not a valid IRI`);
  }
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
    throw new UserError(`${where}: the ${what} ${iri} is not a path inside the workspace`);
  }
  // An encoded slash (`..%2F..%2Fetc`) must not climb out either (`x%2F..%2Fa.txt` stays inside: the caller normalises it).
  let depth = 0;
  for (const part of segments.join('/').split('/')) {
    depth += part === '..' ? -1 : part === '' || part === '.' ? 0 : 1;
    if (depth < 0) throw new UserError(`${where}: the ${what} ${iri} is not a path inside the workspace`);
  }
  return segments.join('/');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(v: Record<string, unknown>, type: string): boolean {
  return v.type === type || (Array.isArray(v.type) && v.type.includes(type));
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
