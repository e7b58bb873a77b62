import { Document, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, type Node } from 'yaml';
import { ENTITY_TYPES, type EntityType } from '../analysis/types';
import { UserError, type FileSystem } from '../fileSystem';
import { normalizePath } from '../store/paths';
import { RealPathGuard } from '../store/realPaths';
import { aliasIssues, parseBoundedYaml } from '../store/yamlSafety';
import { MENTION_CONTEXT, NO_CURATION, quoteKey, type CurationRules, type MentionRule } from './rules';

/**
 * The workspace curation file: `source-annotator.curation.yaml` at the workspace root. It records
 * the user's corrections to the analysis engine, which applies them to every source:
 *
 *   version: 1
 *   types:                 # "this is a PERSON": every mention with exactly this text
 *     - { text: Vladimir Putin, type: PERSON }
 *   merges:                # merge an entity (canonical name or surface text) into another
 *     - { from: Vlad Putin, into: Vladimir Putin }
 *   notEntities:           # surface texts that are not entities
 *     - Replay More Videos
 *   renames:               # rename a canonical name
 *     - { from: Donald J. Trump, to: Donald Trump }
 *   speakers:              # who said a quote (every quote with this text)
 *     - { quote: "We will not comment further", speaker: Dmitry Peskov }
 *   notQuotes:             # quoted text that is nobody's words (scare quotes, titles)
 *     - fake news
 *   mentions:              # one mention, by its text and the words around it
 *     - { text: May, prefix: "the President in ", suffix: ", when" }            # no entity
 *     - { text: Trump, prefix: "Donald ", suffix: " Jr.", entity: Donald Trump Jr. }
 *
 * Every list is optional. The same safety rules as sidecars apply: errors carry line:col, a
 * malformed file is never overwritten, aliases are refused, the size is capped, and a write
 * re-reads the file first (applying the change to what is on disk now).
 */
export const CURATION_FILE_NAME = 'source-annotator.curation.yaml';
export const MAX_CURATION_BYTES = 4 * 1024 * 1024;

export interface CurationIssue {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export type CurationParse = { readonly ok: true; readonly rules: CurationRules; readonly doc: Document } | { readonly ok: false; readonly issues: readonly CurationIssue[] };

const KEYS = ['version', 'types', 'merges', 'notEntities', 'renames', 'speakers', 'notQuotes', 'mentions', 'conflicts'];
/** The lists a recorded merge conflict (`conflicts`, written by src/core/merge) may name. */
const CONFLICT_LISTS = KEYS.slice(1, -1);
const MENTION_KEYS = ['text', 'prefix', 'suffix', 'entity'];

export function parseCuration(text: string): CurationParse {
  if (text.startsWith('\u0000')) return { ok: false, issues: [{ line: 1, col: 1, message: `the file is ${text.slice(1)}` }] };
  if (text.length > MAX_CURATION_BYTES) return { ok: false, issues: [{ line: 1, col: 1, message: `the file is too large (the limit is ${MAX_CURATION_BYTES} bytes)` }] };
  const parsed = parseBoundedYaml(text);
  if ('issues' in parsed) return { ok: false, issues: parsed.issues };
  const { doc, lineCounter: lc } = parsed;
  const at = (n: unknown): { line: number; col: number } => lc.linePos((n as Node | undefined)?.range?.[0] ?? 0);
  const issues: CurationIssue[] = [];
  const add = (n: unknown, message: string): void => {
    if (issues.length < 50) issues.push({ ...at(n), message });
  };
  const aliases = aliasIssues(doc, lc, 'the curation file');
  if (aliases.length > 0) return { ok: false, issues: aliases };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { ok: true, rules: NO_CURATION, doc };
  if (!isMap(root)) return { ok: false, issues: [{ ...at(root), message: `the curation file must be a mapping (${KEYS.join(', ')})` }] };
  for (const p of root.items) {
    const k = isScalar(p.key) ? p.key.value : undefined;
    if (typeof k !== 'string' || !KEYS.includes(k)) add(p.key, `unknown key '${String(k)}' (allowed: ${KEYS.join(', ')})`);
  }
  const version: unknown = root.get('version', true);
  if (version !== undefined && !(isScalar(version) && version.value === 1)) add(version, 'unknown curation file version (this Source Annotator reads version 1)');

  const str = (n: unknown, what: string): string | undefined => {
    if (isScalar(n) && typeof n.value === 'string' && n.value.trim() !== '') return n.value.trim();
    add(n, `${what} must be a non-empty string (quote it)`);
    return undefined;
  };
  const list = (key: string): unknown[] => {
    const n: unknown = root.get(key, true);
    if (n === undefined || (isScalar(n) && n.value === null)) return [];
    if (!isSeq(n)) {
      add(n, `\`${key}\` must be a list`);
      return [];
    }
    return n.items;
  };
  const pairs = (key: string, a: string, b: string): Array<{ a: string; b: string; node: unknown }> => {
    const out: Array<{ a: string; b: string; node: unknown }> = [];
    for (const item of list(key)) {
      if (!isMap(item)) {
        add(item, `each entry of \`${key}\` must be a mapping with \`${a}\` and \`${b}\``);
        continue;
      }
      for (const p of item.items) {
        const k = isScalar(p.key) ? p.key.value : undefined;
        if (k !== a && k !== b) add(p.key, `unknown key '${String(k)}' in \`${key}\` (allowed: ${a}, ${b})`);
      }
      const va = str(item.get(a, true) ?? item, `\`${key}[].${a}\``);
      const vb = str(item.get(b, true) ?? item, `\`${key}[].${b}\``);
      if (va !== undefined && vb !== undefined) out.push({ a: va, b: vb, node: item });
    }
    return out;
  };

  const types: Array<{ text: string; type: EntityType }> = [];
  const seenTypes = new Map<string, EntityType>();
  for (const t of pairs('types', 'text', 'type')) {
    if (!(ENTITY_TYPES as readonly string[]).includes(t.b)) {
      add((t.node as YAMLMap).get('type', true), `type must be one of ${ENTITY_TYPES.join(', ')}`);
      continue;
    }
    const prev = seenTypes.get(t.a);
    if (prev !== undefined && prev !== t.b) add(t.node, `'${t.a}' is given two types (${prev} and ${t.b})`);
    seenTypes.set(t.a, t.b as EntityType);
    if (prev === undefined) types.push({ text: t.a, type: t.b as EntityType });
  }
  const merges: Array<{ from: string; into: string }> = [];
  const mergeFrom = new Map<string, string>();
  for (const m of pairs('merges', 'from', 'into')) {
    if (m.a === m.b) add(m.node, `'${m.a}' is merged into itself`);
    else if (mergeFrom.has(m.a) && mergeFrom.get(m.a) !== m.b) add(m.node, `'${m.a}' is merged into two entities ('${mergeFrom.get(m.a)}' and '${m.b}')`);
    else if (!mergeFrom.has(m.a)) {
      mergeFrom.set(m.a, m.b);
      merges.push({ from: m.a, into: m.b });
    }
  }
  for (const m of merges) {
    // A cycle (a into b, b into a) has no canonical entity.
    const seen = new Set<string>([m.from]);
    for (let cur = mergeFrom.get(m.from); cur !== undefined; cur = mergeFrom.get(cur)) {
      if (seen.has(cur)) {
        add(root.get('merges', true), `merges form a cycle through '${m.from}'`);
        break;
      }
      seen.add(cur);
    }
  }
  const notEntities: string[] = [];
  for (const n of list('notEntities')) {
    const s = str(n, 'each entry of `notEntities`');
    if (s !== undefined && !notEntities.includes(s)) notEntities.push(s);
  }
  const renames: Array<{ from: string; to: string }> = [];
  for (const r of pairs('renames', 'from', 'to')) {
    if (renames.some((x) => x.from === r.a && x.to !== r.b)) add(r.node, `'${r.a}' is renamed twice`);
    else if (!renames.some((x) => x.from === r.a)) renames.push({ from: r.a, to: r.b });
  }
  const speakers: Array<{ quote: string; speaker: string }> = [];
  for (const p of pairs('speakers', 'quote', 'speaker')) {
    const quote = quoteKey(p.a);
    if (speakers.some((x) => x.quote === quote && x.speaker !== p.b)) add(p.node, `the quote '${quote}' is given two speakers`);
    else if (!speakers.some((x) => x.quote === quote)) speakers.push({ quote, speaker: p.b });
  }
  const notQuotes: string[] = [];
  for (const n of list('notQuotes')) {
    const q = str(n, 'each entry of `notQuotes`');
    if (q !== undefined && !notQuotes.includes(quoteKey(q))) notQuotes.push(quoteKey(q));
  }
  const mentions: MentionRule[] = [];
  for (const item of list('mentions')) {
    if (!isMap(item)) {
      add(item, 'each entry of `mentions` must be a mapping with `text`, `prefix`, `suffix` and optionally `entity`');
      continue;
    }
    for (const p of item.items) {
      const k = isScalar(p.key) ? p.key.value : undefined;
      if (typeof k !== 'string' || !MENTION_KEYS.includes(k)) add(p.key, `unknown key '${String(k)}' in \`mentions\` (allowed: ${MENTION_KEYS.join(', ')})`);
    }
    const text = str(item.get('text', true) ?? item, '`mentions[].text`');
    const context = (key: string): string | undefined => {
      const n: unknown = item.get(key, true);
      if (n === undefined || (isScalar(n) && n.value === null)) return '';
      if (isScalar(n) && typeof n.value === 'string' && n.value.length <= 4 * MENTION_CONTEXT) return n.value;
      add(n, `\`mentions[].${key}\` must be a string of at most ${4 * MENTION_CONTEXT} characters`);
      return undefined;
    };
    const prefix = context('prefix');
    const suffix = context('suffix');
    const entityNode: unknown = item.get('entity', true);
    const entity = entityNode === undefined || (isScalar(entityNode) && entityNode.value === null) ? undefined : str(entityNode, '`mentions[].entity`');
    if (text === undefined || prefix === undefined || suffix === undefined || (entityNode !== undefined && entity === undefined && !(isScalar(entityNode) && entityNode.value === null))) continue;
    const same = mentions.find((m) => m.text === text && m.prefix === prefix && m.suffix === suffix);
    if (same && same.entity !== entity) add(item, `the mention '${text}' (after '${prefix}') is corrected twice`);
    else if (!same) mentions.push({ text, prefix, suffix, ...(entity !== undefined ? { entity } : {}) });
  }
  // Merge conflicts recorded by the git merge driver: `{list, ours, theirs}` or `{list, deletedBy, ours|theirs}`.
  for (const item of list('conflicts')) {
    if (!isMap(item)) {
      add(item, 'each entry of `conflicts` must be a mapping with `list` and `ours`/`theirs`');
      continue;
    }
    for (const p of item.items) {
      const k = isScalar(p.key) ? p.key.value : undefined;
      if (k !== 'list' && k !== 'ours' && k !== 'theirs' && k !== 'deletedBy') add(p.key, `unknown key '${String(k)}' in \`conflicts\` (allowed: list, ours, theirs, deletedBy)`);
    }
    const l: unknown = item.get('list');
    if (typeof l !== 'string' || !CONFLICT_LISTS.includes(l)) add(item, `\`conflicts[].list\` must be one of ${CONFLICT_LISTS.join(', ')}`);
    const d: unknown = item.get('deletedBy');
    if (d !== undefined && d !== 'ours' && d !== 'theirs') add(item.get('deletedBy', true), '`conflicts[].deletedBy` must be ours or theirs');
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((x, y) => x.line - y.line || x.col - y.col) };
  // The lists added later are left out when empty, so readers of the first four see no change.
  const extra = { ...(speakers.length > 0 ? { speakers } : {}), ...(notQuotes.length > 0 ? { notQuotes } : {}), ...(mentions.length > 0 ? { mentions } : {}) };
  return { ok: true, rules: { types, merges, notEntities, renames, ...extra }, doc };
}

/** One change to the curation file. */
export type CurationChange =
  | { readonly kind: 'type'; readonly text: string; readonly type: EntityType }
  | { readonly kind: 'merge'; readonly from: string; readonly into: string }
  | { readonly kind: 'notEntity'; readonly text: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string }
  | { readonly kind: 'speaker'; readonly quote: string; readonly speaker: string }
  | { readonly kind: 'notQuote'; readonly quote: string }
  | { readonly kind: 'mention'; readonly text: string; readonly prefix: string; readonly suffix: string; readonly entity?: string };

/**
 * The workspace's curation file. load() reads it (a missing file means no curation); the add
 * methods record a correction (idempotent: the same rule twice is written once; a new type,
 * merge target or rename target for the same text replaces the old one) and return the rules.
 */
export class CurationFile {
  readonly path: string;
  private diskText: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly guard: RealPathGuard;

  constructor(
    private readonly fs: FileSystem,
    root: string,
  ) {
    const r = normalizePath(root);
    this.path = (r.endsWith('/') ? r : r + '/') + CURATION_FILE_NAME;
    this.guard = new RealPathGuard(fs, r);
  }

  /** The rules, or the file's problems (then the analysis should use NO_CURATION and say why). */
  async load(): Promise<{ rules: CurationRules; issues: readonly CurationIssue[] }> {
    const text = await this.read();
    this.diskText = text;
    if (text === undefined) return { rules: NO_CURATION, issues: [] };
    const r = parseCuration(text);
    return r.ok ? { rules: r.rules, issues: [] } : { rules: NO_CURATION, issues: r.issues };
  }

  addType(text: string, type: EntityType): Promise<CurationRules> {
    return this.apply({ kind: 'type', text, type });
  }

  addMerge(from: string, into: string): Promise<CurationRules> {
    return this.apply({ kind: 'merge', from, into });
  }

  addNotEntity(text: string): Promise<CurationRules> {
    return this.apply({ kind: 'notEntity', text });
  }

  addRename(from: string, to: string): Promise<CurationRules> {
    return this.apply({ kind: 'rename', from, to });
  }

  /** Record one change (serialized with the others). Refuses (UserError) when the file is malformed. */
  apply(change: CurationChange): Promise<CurationRules> {
    const run = this.queue.then(async () => {
      // Other processes writing the file wait for the lock (when the file system has one).
      const release = this.fs.lock && !(await this.guard.check(this.path)) ? await this.fs.lock(this.path) : undefined;
      try {
        return await this.applyNow(change);
      } finally {
        await release?.();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(change: CurationChange): Promise<CurationRules> {
    const values = change.kind === 'mention' ? [change.text, ...(change.entity !== undefined ? [change.entity] : [])] : Object.values(change).slice(1);
    if (values.some((v) => typeof v !== 'string' || v.trim() === '')) throw new UserError('a curation rule needs non-empty text');
    if (change.kind === 'mention' && (typeof change.prefix !== 'string' || typeof change.suffix !== 'string')) throw new UserError('a mention correction needs the text around the mention');
    if (change.kind === 'merge' && change.from.trim() === change.into.trim()) throw new UserError(`'${change.from.trim()}' cannot be merged into itself`);
    if (change.kind === 'type' && !ENTITY_TYPES.includes(change.type)) throw new UserError(`unknown entity type ${String(change.type)}`);
    const text = await this.read();
    let doc: Document;
    if (text === undefined) {
      doc = new Document({ version: 1 });
      doc.commentBefore = ' Source Annotator: corrections to entity detection, applied to every source in this workspace.';
    } else {
      const r = parseCuration(text);
      if (!r.ok) {
        const i = r.issues[0];
        throw new UserError(`${CURATION_FILE_NAME}:${i.line}:${i.col}: ${i.message}\nthe curation file is not changed until it is fixed`);
      }
      doc = r.doc;
      if (!isMap(doc.contents)) doc.contents = doc.createNode({ version: 1 });
    }
    const root = doc.contents as unknown as YAMLMap;
    const seq = (key: string): YAMLSeq => {
      const n: unknown = root.get(key, true);
      if (isSeq(n)) return n;
      const s = new YAMLSeq();
      root.set(key, s);
      return s;
    };
    const flowPair = (obj: Record<string, string>): YAMLMap => {
      const m = doc.createNode(obj) as YAMLMap;
      m.flow = true;
      return m;
    };
    const upsert = (key: string, a: string, b: string, va: string, vb: string): void => {
      const s = seq(key);
      const hit = s.items.find((it) => isMap(it) && it.get(a) === va) as YAMLMap | undefined;
      if (hit) {
        if (hit.get(b) !== vb) hit.set(b, vb);
      } else {
        s.items.push(flowPair({ [a]: va, [b]: vb }));
      }
    };
    switch (change.kind) {
      case 'type':
        upsert('types', 'text', 'type', change.text.trim(), change.type);
        break;
      case 'merge':
        upsert('merges', 'from', 'into', change.from.trim(), change.into.trim());
        break;
      case 'rename':
        upsert('renames', 'from', 'to', change.from.trim(), change.to.trim());
        break;
      case 'notEntity': {
        const s = seq('notEntities');
        if (!s.items.some((it) => isScalar(it) && it.value === change.text.trim())) s.items.push(doc.createNode(change.text.trim()));
        break;
      }
      case 'speaker':
        upsert('speakers', 'quote', 'speaker', quoteKey(change.quote), change.speaker.trim());
        break;
      case 'notQuote': {
        const s = seq('notQuotes');
        const q = quoteKey(change.quote);
        if (!s.items.some((it) => isScalar(it) && it.value === q)) s.items.push(doc.createNode(q));
        break;
      }
      case 'mention': {
        const s = seq('mentions');
        const hit = s.items.find((it) => isMap(it) && it.get('text') === change.text && (it.get('prefix') ?? '') === change.prefix && (it.get('suffix') ?? '') === change.suffix) as YAMLMap | undefined;
        const fields: Record<string, string> = { text: change.text, prefix: change.prefix, suffix: change.suffix, ...(change.entity !== undefined ? { entity: change.entity.trim() } : {}) };
        if (hit) s.items[s.items.indexOf(hit)] = flowPair(fields);
        else s.items.push(flowPair(fields));
        break;
      }
    }
    const out = doc.toString({ lineWidth: 0, minContentWidth: 0 });
    const check = parseCuration(out);
    if (!check.ok) {
      const i = check.issues[0];
      throw new UserError(`${CURATION_FILE_NAME}:${i.line}:${i.col}: ${i.message} (the change was not written)`);
    }
    if (out !== text) {
      const again = await this.read();
      if (again !== text) throw new UserError(`${CURATION_FILE_NAME} changed on disk while it was being updated; nothing was written, try again`);
      await this.fs.writeFile(this.path, new TextEncoder().encode(out));
    }
    this.diskText = out;
    return check.rules;
  }

  /** The file's text as on disk (undefined when there is none or it cannot be read safely). */
  async text(): Promise<string | undefined> {
    const t = await this.read();
    return t === undefined || t.startsWith('\u0000') ? undefined : t;
  }

  /**
   * Replace the whole file with `edit(current text)` (the merge quick fixes: rebuild from both
   * sides, keep one side of a conflict). The result must be a valid curation file and the file
   * must not have changed on disk meanwhile; otherwise nothing is written.
   */
  rewrite(edit: (text: string) => string): Promise<CurationRules> {
    const run = this.queue.then(async () => {
      const text = await this.text();
      if (text === undefined) throw new UserError(`${CURATION_FILE_NAME} cannot be read`);
      const out = edit(text);
      const check = parseCuration(out);
      if (!check.ok) throw new UserError(`${CURATION_FILE_NAME}:${check.issues[0].line}:${check.issues[0].col}: ${check.issues[0].message} (nothing was written)`);
      if ((await this.read()) !== text) throw new UserError(`${CURATION_FILE_NAME} changed on disk while it was being updated; nothing was written, try again`);
      await this.fs.writeFile(this.path, new TextEncoder().encode(out));
      this.diskText = out;
      return check.rules;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** True when the file changed on disk since this instance last read or wrote it. */
  async changedOnDisk(): Promise<boolean> {
    return (await this.read()) !== this.diskText;
  }

  /** The file's text, undefined when there is none, or `\u0000` and why it cannot be read (parseCuration reports it). */
  private async read(): Promise<string | undefined> {
    const outside = await this.guard.check(this.path);
    if (outside) return `\u0000${outside}`;
    const st = await this.fs.stat(this.path);
    if (!st) return undefined;
    if (st.type !== 'file') return `\u0000not a regular file (${st.type === 'directory' ? 'a folder' : 'a pipe, socket or device'})`;
    if (st.size > MAX_CURATION_BYTES) return `\u0000too large (${st.size} bytes; the limit is ${MAX_CURATION_BYTES})`;
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(this.path);
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return undefined;
      return `\u0000unreadable: ${err instanceof Error ? err.message : String(err)}`;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
    } catch {
      return '\u0000not valid UTF-8';
    }
  }
}
