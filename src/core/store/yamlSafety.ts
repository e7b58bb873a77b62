import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

/**
 * Bounds on hand-editable YAML (sidecars and the curation file), checked before and while yaml
 * parses it, so that a small hostile file cannot freeze the editor or the CLI:
 *
 * - a cheap linear pre-scan refuses flow collections nested deeper than MAX_FLOW_DEPTH (yaml
 *   recurses per level; thousands of `[` make it crawl or blow the stack), more than
 *   MAX_TOP_LEVEL_ENTRIES lines that start a top-level entry (both files have at most five
 *   keys), and more than MAX_YAML_ENTRIES entries in all (keys, list items, flow items: yaml's
 *   time grows with their number, and a valid 8 MB sidecar has about 300,000);
 * - duplicate keys are found here in linear time: yaml's own `uniqueKeys` check compares every
 *   key with every earlier key of its map, which took 23 s for 40,000 keys and never finished
 *   for 300,000.
 *
 * Quoted scalars and comments are skipped by the scan; it never allocates much.
 */
export const MAX_FLOW_DEPTH = 64;
export const MAX_TOP_LEVEL_ENTRIES = 1000;
export const MAX_YAML_ENTRIES = 500_000;

export interface YamlIssue {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export function checkYamlBounds(text: string): YamlIssue | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let topLevel = 0;
  let entries = 0;
  const tooMany = (i: number): YamlIssue => ({ line, col: i - lineStart + 1, message: `too many YAML entries (more than ${MAX_YAML_ENTRIES}); the file is refused` });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
      continue;
    }
    const prev = i === 0 ? 0x0a : text.charCodeAt(i - 1);
    if (i === lineStart && depth === 0 && c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x23 && c !== 0x2d && c !== 0x5d && c !== 0x7d) {
      if (++topLevel > MAX_TOP_LEVEL_ENTRIES) return { line, col: 1, message: `too many top-level entries (more than ${MAX_TOP_LEVEL_ENTRIES}); the file is refused` };
    }
    const boundary = prev === 0x0a || prev === 0x20 || prev === 0x09 || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a;
    if (c === 0x23 /* # */ && (prev === 0x0a || prev === 0x20 || prev === 0x09 || i === 0)) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? text.length : eol) - 1;
    } else if (c === 0x22 /* " */ && boundary) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      for (let k = i; k < j && k < text.length; k++) {
        if (text.charCodeAt(k) === 0x0a) {
          line++;
          lineStart = k + 1;
        }
      }
      i = j;
    } else if (c === 0x27 /* ' */ && boundary) {
      const j = text.indexOf("'", i + 1);
      const end = j < 0 ? text.length : j;
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 0x0a) {
          line++;
          lineStart = k + 1;
        }
      }
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return { line, col: i - lineStart + 1, message: `YAML nested more than ${MAX_FLOW_DEPTH} levels deep` };
      if (++entries > MAX_YAML_ENTRIES) return tooMany(i);
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    } else if (c === 0x2c /* , */ && depth > 0) {
      if (++entries > MAX_YAML_ENTRIES) return tooMany(i);
    } else if (c === 0x3a /* : */ || c === 0x2d /* - */ || c === 0x3f /* ? */) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x0a;
      const spaced = next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09;
      if ((c === 0x3a || boundary) && spaced && ++entries > MAX_YAML_ENTRIES) return tooMany(i);
    }
  }
  return undefined;
}

/** YAML 1.2, core schema, strict: the settings of both hand-editable files. */
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, version: '1.2', schema: 'core' } as const;

/**
 * Parse a hand-editable YAML file within the bounds above: the pre-scan's issue, yaml's errors
 * (line:col) plus duplicate keys, or the Document. Never throws.
 */
export function parseBoundedYaml(text: string): { readonly doc: Document; readonly lineCounter: LineCounter } | { readonly issues: readonly YamlIssue[] } {
  const bound = checkYamlBounds(text);
  if (bound) return { issues: [bound] };
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  } catch (err) {
    return { issues: [{ line: 1, col: 1, message: `cannot parse YAML: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  const errors: YamlIssue[] = doc.errors.map((e) => ({ ...lineCounter.linePos(e.pos[0]), message: firstLine(e.message) }));
  for (const key of duplicateKeys(doc.contents)) errors.push({ ...lineCounter.linePos(key.range?.[0] ?? 0), message: 'Map keys must be unique' });
  if (errors.length > 0) return { issues: errors.sort((a, b) => a.line - b.line || a.col - b.col).slice(0, 50) };
  return { doc, lineCounter };
}

/**
 * The aliases (`*name`) in a parsed document, as issues: hand-editable files refuse them (an
 * alias can make a small file expand into a huge one). At most 50, in one pass over the tree.
 */
export function aliasIssues(doc: Document, lineCounter: LineCounter, fileName: string): YamlIssue[] {
  const out: YamlIssue[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && out.length < 50) {
    const n = stack.pop();
    if (isAlias(n)) out.push({ ...lineCounter.linePos(n.range?.[0] ?? 0), message: `YAML aliases are not allowed in ${fileName}` });
    else if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) stack.push(...n.items);
  }
  return out;
}

/**
 * The keys that repeat an earlier key of the same map, in one pass over the tree with a hash set
 * per map (linear). Scalar keys are equal when their values are (`1` and `"1"` differ, as in
 * yaml); a collection key equals only itself. At most 50 are returned.
 */
export function duplicateKeys(root: unknown): Node[] {
  const out: Node[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < 50) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Set<unknown>();
      for (const p of n.items) {
        const k: unknown = isScalar(p.key) ? p.key.value : p.key;
        if (seen.has(k)) out.push(p.key as Node);
        else seen.add(k);
        stack.push(p.key, p.value);
      }
    } else if (isSeq(n)) {
      for (const it of n.items) stack.push(it);
    }
  }
  return out;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
