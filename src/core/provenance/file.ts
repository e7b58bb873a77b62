import { Document, isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FileSystem } from '../fileSystem';
import { parseBoundedYaml, type YamlIssue } from '../store/yamlSafety';
import type { Provenance, ProvenanceOriginal } from './model';
import { FILE_NAME_PATTERN, ISO_DATE_PATTERN, MAX_AUTHORS, MAX_TEXT, MAX_URL, MEDIA_TYPE_PATTERN, SHA256_PATTERN, URL_PATTERN } from './schema';

/**
 * Reading and writing `<source>.provenance.yaml` (model.ts has the shape, schema.ts its JSON
 * Schema). The file may come from a stranger: it is size-capped, parsed within the bounds of
 * store/yamlSafety (YAML 1.2 core schema, so `2017-01-28` stays a string), aliases are refused,
 * and every bad field gets a `line:col` message. A file with any issue yields no provenance (the
 * views then show the file name, as for a source without one); nothing rewrites it.
 */
export const MAX_PROVENANCE_BYTES = 64 * 1024;

export type ProvenanceIssue = YamlIssue;

export type ProvenanceParse = { readonly ok: true; readonly provenance: Provenance } | { readonly ok: false; readonly issues: readonly ProvenanceIssue[] };

const KEYS = ['version', 'title', 'outlet', 'authors', 'published', 'url', 'retrieved', 'original', 'importer'] as const;
const ORIGINAL_KEYS = ['file', 'sha256', 'mediaType'] as const;
const ISO_DATE = new RegExp(ISO_DATE_PATTERN);
const URL_RE = new RegExp(URL_PATTERN);
const SHA256 = new RegExp(SHA256_PATTERN);
const MEDIA_TYPE = new RegExp(MEDIA_TYPE_PATTERN);
const FILE_NAME = new RegExp(FILE_NAME_PATTERN, 'u');

export function parseProvenance(text: string): ProvenanceParse {
  if (text.length > MAX_PROVENANCE_BYTES) return fail(1, 1, `the file is too large (the limit is ${MAX_PROVENANCE_BYTES} bytes)`);
  const parsed = parseBoundedYaml(text.replace(/^\uFEFF/, ''));
  if ('issues' in parsed) return { ok: false, issues: parsed.issues };
  const { doc, lineCounter: lc } = parsed;
  const at = (n: unknown): { line: number; col: number } => lc.linePos((n as Node | undefined)?.range?.[0] ?? 0);
  const issues: ProvenanceIssue[] = [];
  const add = (n: unknown, message: string): void => {
    if (issues.length < 50) issues.push({ ...at(n), message });
  };
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) add(n, 'YAML aliases are not allowed in a provenance file');
    else if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) stack.push(...n.items);
  }
  if (issues.length > 0) return { ok: false, issues };
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, issues: [{ ...at(root), message: `a provenance file is a mapping with \`version: 1\` and any of ${KEYS.slice(1).join(', ')}` }] };
  for (const p of root.items) {
    const k = isScalar(p.key) ? p.key.value : undefined;
    if (typeof k !== 'string' || !(KEYS as readonly string[]).includes(k)) add(p.key, `unknown key '${String(k)}' (allowed: ${KEYS.join(', ')})`);
  }
  const version: unknown = root.get('version', true);
  if (version === undefined) add(root, '`version: 1` is missing');
  else if (!(isScalar(version) && version.value === 1)) add(version, 'unknown provenance file version (this Source Annotator reads version 1)');

  const str = (n: unknown, what: string, max = MAX_TEXT): string | undefined => {
    if (!isScalar(n) || typeof n.value !== 'string') {
      add(n, `${what} must be a string (quote it)`);
      return undefined;
    }
    const v = n.value.trim();
    if (v === '') add(n, `${what} must not be empty`);
    else if ([...n.value].length > max) add(n, `${what} is longer than ${max} characters`);
    else return v;
    return undefined;
  };
  const pattern = (n: unknown, what: string, re: RegExp, hint: string, max = 255): string | undefined => {
    if (!isScalar(n) || typeof n.value !== 'string') {
      add(n, `${what} must be a string (${hint})`);
      return undefined;
    }
    if (n.value.length > max || !re.test(n.value)) {
      add(n, `${what} must be ${hint}; got '${preview(n.value)}'`);
      return undefined;
    }
    return n.value;
  };
  const date = (n: unknown, what: string): string | undefined => {
    const v = pattern(n, what, ISO_DATE, 'an ISO 8601 date (2017-01-28) or date-time with offset (2017-01-28T14:05:00Z)');
    if (v !== undefined && !realDate(v)) {
      add(n, `${what} is not a calendar date: '${preview(v)}'`);
      return undefined;
    }
    return v;
  };
  const field = (key: string): unknown => {
    const n: unknown = root.get(key, true);
    return n === undefined ? undefined : n;
  };

  const out: { -readonly [K in keyof Provenance]: Provenance[K] } = { version: 1 };
  const title = field('title');
  if (title !== undefined) out.title = str(title, '`title`');
  const outlet = field('outlet');
  if (outlet !== undefined) out.outlet = str(outlet, '`outlet`');
  const authors = field('authors');
  if (authors !== undefined) {
    if (!isSeq(authors)) add(authors, '`authors` must be a list of names');
    else if (authors.items.length > MAX_AUTHORS) add(authors, `\`authors\` lists more than ${MAX_AUTHORS} names`);
    else out.authors = authors.items.map((a) => str(a, 'each of `authors`')).filter((a): a is string => a !== undefined);
  }
  const published = field('published');
  if (published !== undefined) out.published = date(published, '`published`');
  const url = field('url');
  if (url !== undefined) out.url = pattern(url, '`url`', URL_RE, 'an absolute http or https URL without spaces', MAX_URL);
  const retrieved = field('retrieved');
  if (retrieved !== undefined) out.retrieved = date(retrieved, '`retrieved`');
  const importer = field('importer');
  if (importer !== undefined) out.importer = str(importer, '`importer`');
  const original = field('original');
  if (original !== undefined) {
    if (!isMap(original)) add(original, '`original` must be a mapping (file, sha256, mediaType)');
    else {
      for (const p of original.items) {
        const k = isScalar(p.key) ? p.key.value : undefined;
        if (typeof k !== 'string' || !(ORIGINAL_KEYS as readonly string[]).includes(k)) add(p.key, `unknown key '${String(k)}' in \`original\` (allowed: ${ORIGINAL_KEYS.join(', ')})`);
      }
      const o: { -readonly [K in keyof ProvenanceOriginal]: ProvenanceOriginal[K] } = {};
      const file: unknown = original.get('file', true);
      if (file !== undefined) o.file = pattern(file, '`original.file`', FILE_NAME, 'a file name without folders');
      const sha: unknown = original.get('sha256', true);
      if (sha !== undefined) o.sha256 = pattern(sha, '`original.sha256`', SHA256, '64 lowercase hexadecimal digits');
      const mt: unknown = original.get('mediaType', true);
      if (mt !== undefined) o.mediaType = pattern(mt, '`original.mediaType`', MEDIA_TYPE, 'a media type such as text/html');
      out.original = o;
    }
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line || a.col - b.col) };
  return { ok: true, provenance: out };
}

/**
 * The file's text for a provenance: keys in the documented order, absent fields left out, each
 * value quoted when YAML would read it as something else. parseProvenance(serializeProvenance(p))
 * gives p back (a unit test checks it).
 */
export function serializeProvenance(p: Provenance): string {
  const doc = new Document({}, { version: '1.2' });
  doc.set('version', 1);
  for (const k of KEYS) {
    if (k === 'version' || k === 'original') continue;
    const v = p[k];
    if (v === undefined) continue;
    doc.set(k, typeof v === 'string' || typeof v === 'number' ? v : [...v]);
  }
  if (p.original && Object.values(p.original).some((v) => v !== undefined)) {
    const o: Record<string, string> = {};
    for (const k of ORIGINAL_KEYS) if (p.original[k] !== undefined) o[k] = p.original[k];
    doc.set('original', o);
  }
  return '# Where this source came from (Source Annotator provenance, version 1)\n' + doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

export type ProvenanceRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly provenance: Provenance }
  | { readonly kind: 'invalid'; readonly issues: readonly ProvenanceIssue[] };

/**
 * Read a provenance file: none when nothing is there, invalid (with line:col issues) when it is
 * not a regular file, too large, not UTF-8 or malformed. Never throws for the file's content.
 */
export async function readProvenanceFile(fs: FileSystem, path: string): Promise<ProvenanceRead> {
  const st = await fs.stat(path).catch(() => undefined);
  if (!st) return { kind: 'none' };
  if (st.type !== 'file') return { kind: 'invalid', issues: [{ line: 1, col: 1, message: 'not a regular file' }] };
  if (st.size > MAX_PROVENANCE_BYTES) return { kind: 'invalid', issues: [{ line: 1, col: 1, message: `the file is too large (${st.size} bytes; the limit is ${MAX_PROVENANCE_BYTES})` }] };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    return { kind: 'invalid', issues: [{ line: 1, col: 1, message: `cannot read it: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  return interpretProvenanceBytes(bytes);
}

/** parseProvenance of a file's bytes (UTF-8, a BOM allowed). */
export function interpretProvenanceBytes(bytes: Uint8Array): ProvenanceRead {
  if (bytes.length > MAX_PROVENANCE_BYTES) return { kind: 'invalid', issues: [{ line: 1, col: 1, message: `the file is too large (the limit is ${MAX_PROVENANCE_BYTES} bytes)` }] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'invalid', issues: [{ line: 1, col: 1, message: 'the file is not UTF-8 text' }] };
  }
  if (text.includes('\u0000')) return { kind: 'invalid', issues: [{ line: 1, col: 1, message: 'the file is binary, not YAML' }] };
  const r = parseProvenance(text);
  return r.ok ? { kind: 'ok', provenance: r.provenance } : { kind: 'invalid', issues: r.issues };
}

/** Whether an ISO date (as ISO_DATE_PATTERN allows) names a real day: no 30 February. */
export function realDate(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days && Number.isFinite(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
}

function preview(s: string): string {
  // eslint-disable-next-line no-control-regex
  const one = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return one.length > 60 ? one.slice(0, 59) + '…' : one;
}

function fail(line: number, col: number, message: string): ProvenanceParse {
  return { ok: false, issues: [{ line, col, message }] };
}
