import { zipSync } from 'fflate';
import type { AnnotatedSource } from '../annotations/model';
import type { DocumentAnalysis, QuoteCluster, QuoteKind } from '../analysis/types';
import { UserError } from '../fileSystem';
import { stableGuid } from './ids';
import { LfText } from './lfText';
import { paletteColour } from './palette';
import type { ExportOptions } from './types';
import type { Provenance } from '../provenance/model';
import { xmlAttr, xmlText, xsDateTime } from './xml';

/**
 * REFI-QDA (QDA-XML 1.0, the "mrt2019" schemas) project (.qdpx) and codebook (.qdc).
 *
 * - Each source is written as UTF-8 text with LF line endings (CRLF and lone CR become LF) to
 *   `sources/<guid>.txt`, referenced as `plainTextPath="internal://<guid>.txt"`. Every position
 *   is a code point counted in that LF text, end exclusive, as REFI-QDA 1.5 says; with
 *   `positions: 'utf16'`, UTF-16 units in the same text (QualCoder's coding view counts those).
 * - Every source given is written, annotated or not (a QDA project holds the corpus), unless
 *   `annotatedOnly`.
 * - One Code per tag (isCodable="true"); codable codes get colours from a fixed palette in the
 *   order they are written (palette.ts); one PlainTextSelection per annotation
 *   holding the note as its Description and a Coding/CodeRef per tag; one User per author.
 * - GUIDs are stable (see ids.ts): the same data exports to the same GUIDs.
 * - A source with a provenance file (`options.provenance`) gets a Description (title, outlet,
 *   authors, date, URL, where it was imported from) and VariableValues of the project Variables
 *   Title, Outlet, Authors, URL, Retrieved (Text) and Published (Date: the publisher's day),
 *   declared once for the project, only those some source uses.
 * - With `includeAnalysis` and `analysis`, detected entities and quotes are exported too, under
 *   the non-codable codes "Entities" (by type, then one code per entity), "Quotes" (one code per
 *   speaker) and "Shared quotes" (one code per quote found in more than one source).
 */

export const QDA_PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const QDA_CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const ORIGIN = 'Source Annotator';
/** Fixed zip entry time, so the same data always zips to the same bytes. */
const ZIP_MTIME = new Date(Date.UTC(2000, 0, 1));

interface CodeNode {
  readonly guid: string;
  readonly name: string;
  readonly isCodable: boolean;
  readonly description?: string;
  readonly children: CodeNode[];
}

interface Selection {
  readonly guid: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly description: string;
  readonly user?: string;
  readonly created?: string;
  readonly modified?: string;
  readonly codings: ReadonlyArray<{ guid: string; code: string }>;
}

export interface RefiQdaProject {
  /** The project.qde document. */
  readonly xml: string;
  /** The sources, as written into the zip. */
  readonly sources: ReadonlyArray<{ readonly path: string; readonly guid: string; readonly zipPath: string; readonly text: string }>;
}

/** Build the project document and the LF texts (exportQdpx zips them). */
export function buildRefiQdaProject(sources: readonly AnnotatedSource[], options: ExportOptions = {}): RefiQdaProject {
  const codes = new CodeBook();
  const users = new Map<string, string>();
  const userGuid = (author: string): string | undefined => {
    if (author === '') return undefined;
    let g = users.get(author);
    if (g === undefined) {
      g = stableGuid('user', author);
      users.set(author, g);
    }
    return g;
  };
  const dates = new Map<string, string | undefined>();
  const dateTime = (iso: string): string | undefined => {
    if (!dates.has(iso)) dates.set(iso, xsDateTime(iso));
    return dates.get(iso);
  };
  const usedGuids = new Set<string>();
  const uniqueGuid = (kind: string, key: string, fallbackKey: string): string => {
    let g = stableGuid(kind, key);
    if (usedGuids.has(g)) g = stableGuid(kind, fallbackKey);
    for (let n = 2; usedGuids.has(g); n++) g = stableGuid(kind, `${fallbackKey}\n${n}`);
    usedGuids.add(g);
    return g;
  };
  const analysis = options.includeAnalysis ? options.analysis : undefined;
  const sharedClusters = sharedQuoteClusters(analysis?.clusters ?? []);
  const unit = options.positions ?? 'codepoints';
  const included = options.annotatedOnly ? sources.filter((s) => s.annotations.length > 0) : sources;

  const written: Array<{ path: string; guid: string; zipPath: string; text: string }> = [];
  const usedVariables = new Set<VariableName>();
  const sourceXml: string[] = [];
  included.forEach((source, index) => {
    const lf = new LfText(source.text);
    const guid = uniqueGuid('source', source.path, `${source.path}\n${index}`);
    const selections: Selection[] = [];
    for (const a of source.annotations) {
      const start = lf.fromCodePoint(a.target.start, unit);
      const end = Math.max(start, lf.fromCodePoint(a.target.end, unit));
      const user = userGuid(a.author);
      const created = dateTime(a.created);
      selections.push({
        guid: uniqueGuid('selection', a.id, `${source.path}\n${a.id}`),
        name: selectionName(a.target.exact),
        start,
        end,
        description: a.note.replace(/\r\n?/g, '\n'),
        user,
        created,
        modified: dateTime(a.modified),
        codings: a.tags.map((tag) => ({ guid: uniqueGuid('coding', `${a.id}\n${tag}`, `${source.path}\n${a.id}\n${tag}`), code: codes.tag(tag) })),
      });
    }
    const doc = analysis?.byPath.get(source.path);
    if (doc) selections.push(...analysisSelections(source.path, doc, (u) => lf.fromUtf16(u, unit), codes, sharedClusters, uniqueGuid));
    selections.sort((x, y) => x.start - y.start || x.end - y.end);

    const zipPath = `sources/${guid}.txt`;
    written.push({ path: source.path, guid, zipPath, text: lf.text });
    const prov = options.provenance?.get(source.path)?.provenance;
    const values = prov ? variableValues(prov) : [];
    for (const v of values) usedVariables.add(v.variable);
    const description = prov ? provenanceDescription(prov) : '';
    sourceXml.push(`    <TextSource guid="${guid}" name="${xmlAttr(source.path)}" plainTextPath="internal://${guid}.txt">\n`);
    if (description !== '') sourceXml.push(`      <Description>${xmlText(description)}</Description>\n`);
    for (const s of selections) sourceXml.push(selectionXml(s));
    for (const v of values) sourceXml.push(`      <VariableValue>\n        <VariableRef targetGUID="${VARIABLES[v.variable].guid}"/>\n        <${v.element}>${xmlText(v.value)}</${v.element}>\n      </VariableValue>\n`);
    sourceXml.push('    </TextSource>\n');
    options.onProgress?.(index + 1, included.length);
  });

  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  out.push(`<Project xmlns="${QDA_PROJECT_NS}" name="${xmlAttr(options.title ?? 'Source Annotator export')}" origin="${ORIGIN}">\n`);
  if (users.size > 0) {
    out.push('  <Users>\n');
    for (const [name, guid] of [...users.entries()].sort(byKey)) out.push(`    <User guid="${guid}" name="${xmlAttr(name)}"/>\n`);
    out.push('  </Users>\n');
  }
  const roots = codes.roots();
  if (roots.length > 0) {
    const colours = assignColours(roots);
    out.push('  <CodeBook>\n    <Codes>\n');
    for (const c of roots) codeXml(c, '      ', colours, out);
    out.push('    </Codes>\n  </CodeBook>\n');
  }
  if (usedVariables.size > 0) {
    out.push('  <Variables>\n');
    for (const name of VARIABLE_ORDER) {
      if (!usedVariables.has(name)) continue;
      const v = VARIABLES[name];
      out.push(`    <Variable guid="${v.guid}" name="${name}" typeOfVariable="${v.type}">\n      <Description>${xmlText(v.description)}</Description>\n    </Variable>\n`);
    }
    out.push('  </Variables>\n');
  }
  if (sourceXml.length > 0) out.push('  <Sources>\n', ...sourceXml, '  </Sources>\n');
  out.push('</Project>\n');
  return { xml: out.join(''), sources: written };
}

/** The .qdpx: a zip of `project.qde` and `sources/<guid>.txt` (UTF-8, LF). Same data, same bytes. */
export function exportQdpx(sources: readonly AnnotatedSource[], options: ExportOptions = {}): Uint8Array {
  const project = buildRefiQdaProject(sources, options);
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = { 'project.qde': enc.encode(project.xml) };
  for (const s of project.sources) files[s.zipPath] = enc.encode(s.text);
  return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}

/**
 * The REFI-QDA codebook (.qdc) of the tags (and, with includeAnalysis, the analysis codes).
 * The schema needs at least one code: with none, a UserError says so.
 */
export function exportQdc(sources: readonly AnnotatedSource[], options: ExportOptions = {}): string {
  const codes = new CodeBook();
  const tags = new Set<string>();
  for (const s of sources) for (const a of s.annotations) for (const t of a.tags) tags.add(t);
  for (const t of [...tags].sort(compare)) codes.tag(t);
  const analysis = options.includeAnalysis ? options.analysis : undefined;
  if (analysis) {
    const shared = sharedQuoteClusters(analysis.clusters);
    const paths = [...analysis.byPath.keys()].sort(compare);
    for (const p of paths) {
      const doc = analysis.byPath.get(p)!;
      for (const e of doc.entities) if (e.kind !== 'role') codes.entity(e.type, e.entity);
      for (const q of doc.quotes) codes.speaker(q.speaker, q.kind);
    }
    for (const [id, name] of shared.names) codes.cluster(id, name);
  }
  const roots = codes.roots();
  if (roots.length === 0) throw new UserError('there are no tags to put in a codebook: tag some annotations first');
  const colours = assignColours(roots);
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n', `<CodeBook xmlns="${QDA_CODEBOOK_NS}" origin="${ORIGIN}">\n`, '  <Codes>\n'];
  for (const c of roots) codeXml(c, '    ', colours, out);
  out.push('  </Codes>\n</CodeBook>\n');
  options.onProgress?.(sources.length, sources.length);
  return out.join('');
}

/** The code tree. Tags first (sorted when written), then the analysis groups. */
class CodeBook {
  private readonly tags = new Map<string, CodeNode>();
  private readonly groups = new Map<string, CodeNode>();
  private readonly leaves = new Map<string, CodeNode>();

  tag(name: string): string {
    let c = this.tags.get(name);
    if (!c) {
      c = { guid: stableGuid('code', name), name, isCodable: true, children: [] };
      this.tags.set(name, c);
    }
    return c.guid;
  }

  entity(type: string, entity: string): string {
    const typeGroup = this.child(this.group('entities', 'Entities', 'Named entities detected by Source Annotator'), `entities/${type}`, type, false);
    return this.child(typeGroup, `entity:${type}:${entity}`, entity, true).guid;
  }

  speaker(speaker: string | null, kind?: QuoteKind): string {
    const group = this.group('quotes', 'Quotes', 'Direct quotes detected by Source Annotator, by speaker');
    // quoted terms (scare quotes, titles, nicknames) are nobody's words: one code of their own
    if (kind === 'term') return this.child(group, 'terms', 'Quoted terms', true).guid;
    return this.child(group, `speaker:${speaker ?? ''}`, speaker ?? 'Unattributed', true).guid;
  }

  cluster(id: string, name: string): string {
    const group = this.group('shared-quotes', 'Shared quotes', 'Quotes that appear in more than one source');
    return this.child(group, `cluster:${id}`, name, true).guid;
  }

  roots(): CodeNode[] {
    const tags = [...this.tags.values()].sort((a, b) => compare(a.name, b.name));
    const groups = ['entities', 'quotes', 'shared-quotes'].map((k) => this.groups.get(k)).filter((g): g is CodeNode => g !== undefined);
    return [...tags, ...groups];
  }

  private group(key: string, name: string, description: string): CodeNode {
    let g = this.groups.get(key);
    if (!g) {
      g = { guid: stableGuid('code-group', key), name, isCodable: false, description, children: [] };
      this.groups.set(key, g);
    }
    return g;
  }

  private child(parent: CodeNode, key: string, name: string, isCodable: boolean): CodeNode {
    let c = this.leaves.get(key);
    if (!c) {
      c = { guid: stableGuid('code-group', key), name, isCodable, children: [] };
      this.leaves.set(key, c);
      parent.children.push(c);
    }
    return c;
  }
}

interface SharedClusters {
  /** Cluster id to code name. */
  readonly names: ReadonlyMap<string, string>;
  /** `path\nstart\nend` (UTF-16) of each mention to its cluster id. */
  readonly byMention: ReadonlyMap<string, string>;
}

/** Clusters whose mentions span more than one source. */
function sharedQuoteClusters(clusters: readonly QuoteCluster[]): SharedClusters {
  const names = new Map<string, string>();
  const byMention = new Map<string, string>();
  for (const c of clusters) {
    if (new Set(c.mentions.map((m) => m.path)).size < 2) continue;
    names.set(c.id, `Shared quote ${names.size + 1} (${c.id})`);
    for (const m of c.mentions) byMention.set(`${m.path}\n${m.start}\n${m.end}`, c.id);
  }
  return { names, byMention };
}

function analysisSelections(
  path: string,
  doc: DocumentAnalysis,
  position: (utf16: number) => number,
  codes: CodeBook,
  shared: SharedClusters,
  uniqueGuid: (kind: string, key: string, fallbackKey: string) => string,
): Selection[] {
  const out: Selection[] = [];
  for (const e of doc.entities) {
    if (e.kind === 'role') continue; // role phrases ("his successor") are never entities
    const key = `${path}\n${e.start}\n${e.end}\n${e.type}\n${e.entity}`;
    out.push({
      guid: uniqueGuid('entity-mention', key, key + '\n'),
      name: selectionName(e.text),
      start: position(e.start),
      end: position(e.end),
      description: '',
      codings: [{ guid: uniqueGuid('entity-coding', key, key + '\n'), code: codes.entity(e.type, e.entity) }],
    });
  }
  for (const q of doc.quotes) {
    const key = `${path}\n${q.start}\n${q.end}`;
    const codings = [{ guid: uniqueGuid('quote-coding', key, key + '\n'), code: codes.speaker(q.speaker, q.kind) }];
    const cluster = shared.byMention.get(key);
    if (cluster !== undefined) codings.push({ guid: stableGuid('cluster-coding', key), code: codes.cluster(cluster, shared.names.get(cluster)!) });
    out.push({
      guid: uniqueGuid('quote', key, key + '\n'),
      name: selectionName(q.text),
      start: position(q.start),
      end: position(q.end),
      description: q.speaker ? `Quote by ${q.speaker}${q.cue ? ` (${q.cue})` : ''}` : 'Unattributed quote',
      codings,
    });
  }
  return out;
}

function selectionXml(s: Selection): string {
  let attrs = `guid="${s.guid}" name="${xmlAttr(s.name)}" startPosition="${s.start}" endPosition="${s.end}"`;
  if (s.user) attrs += ` creatingUser="${s.user}"`;
  if (s.created) attrs += ` creationDateTime="${s.created}"`;
  if (s.user) attrs += ` modifyingUser="${s.user}"`;
  if (s.modified) attrs += ` modifiedDateTime="${s.modified}"`;
  if (s.description === '' && s.codings.length === 0) return `      <PlainTextSelection ${attrs}/>\n`;
  let xml = `      <PlainTextSelection ${attrs}>\n`;
  if (s.description !== '') xml += `        <Description>${xmlText(s.description)}</Description>\n`;
  for (const c of s.codings) {
    let cattrs = `guid="${c.guid}"`;
    if (s.user) cattrs += ` creatingUser="${s.user}"`;
    if (s.created) cattrs += ` creationDateTime="${s.created}"`;
    xml += `        <Coding ${cattrs}>\n          <CodeRef targetGUID="${c.code}"/>\n        </Coding>\n`;
  }
  return xml + '      </PlainTextSelection>\n';
}

/** Palette colours for the codable codes, in the order they are written (depth first). */
function assignColours(roots: readonly CodeNode[]): Map<string, string> {
  const colours = new Map<string, string>();
  const visit = (c: CodeNode): void => {
    if (c.isCodable && !colours.has(c.guid)) colours.set(c.guid, paletteColour(colours.size));
    c.children.forEach(visit);
  };
  roots.forEach(visit);
  return colours;
}

function codeXml(c: CodeNode, indent: string, colours: ReadonlyMap<string, string>, out: string[]): void {
  let attrs = `guid="${c.guid}" name="${xmlAttr(c.name)}" isCodable="${c.isCodable ? 'true' : 'false'}"`;
  const colour = colours.get(c.guid);
  if (colour) attrs += ` color="${colour}"`;
  if (!c.description && c.children.length === 0) {
    out.push(`${indent}<Code ${attrs}/>\n`);
    return;
  }
  out.push(`${indent}<Code ${attrs}>\n`);
  if (c.description) out.push(`${indent}  <Description>${xmlText(c.description)}</Description>\n`);
  for (const child of c.children) codeXml(child, indent + '  ', colours, out);
  out.push(`${indent}</Code>\n`);
}

type VariableName = 'Title' | 'Outlet' | 'Authors' | 'Published' | 'URL' | 'Retrieved';
const VARIABLE_ORDER: readonly VariableName[] = ['Title', 'Outlet', 'Authors', 'Published', 'URL', 'Retrieved'];
/** The project variables of provenance: stable GUIDs, one type each. */
const VARIABLES: Readonly<Record<VariableName, { guid: string; type: 'Text' | 'Date'; description: string }>> = {
  Title: { guid: stableGuid('variable', 'Title'), type: 'Text', description: "The article's title (provenance file)" },
  Outlet: { guid: stableGuid('variable', 'Outlet'), type: 'Text', description: 'Outlet or site (provenance file)' },
  Authors: { guid: stableGuid('variable', 'Authors'), type: 'Text', description: 'Authors, separated by semicolons (provenance file)' },
  Published: { guid: stableGuid('variable', 'Published'), type: 'Date', description: "Publication date, the publisher's day (provenance file)" },
  URL: { guid: stableGuid('variable', 'URL'), type: 'Text', description: 'Address of the page the text came from (provenance file)' },
  Retrieved: { guid: stableGuid('variable', 'Retrieved'), type: 'Text', description: 'When the text was fetched or imported, ISO 8601 (provenance file)' },
};

function variableValues(p: Provenance): Array<{ variable: VariableName; element: 'TextValue' | 'DateValue'; value: string }> {
  const out: Array<{ variable: VariableName; element: 'TextValue' | 'DateValue'; value: string }> = [];
  if (p.title) out.push({ variable: 'Title', element: 'TextValue', value: p.title });
  if (p.outlet) out.push({ variable: 'Outlet', element: 'TextValue', value: p.outlet });
  if (p.authors?.length) out.push({ variable: 'Authors', element: 'TextValue', value: p.authors.join('; ') });
  if (p.published) out.push({ variable: 'Published', element: 'DateValue', value: p.published.slice(0, 10) });
  if (p.url) out.push({ variable: 'URL', element: 'TextValue', value: p.url });
  if (p.retrieved) out.push({ variable: 'Retrieved', element: 'TextValue', value: p.retrieved });
  return out;
}

/** The TextSource description: one line per field present. */
function provenanceDescription(p: Provenance): string {
  const lines: string[] = [];
  if (p.title) lines.push(p.title);
  const by = [p.outlet, p.authors?.length ? `by ${p.authors.join(', ')}` : undefined].filter((x): x is string => !!x).join(', ');
  if (by) lines.push(by);
  if (p.published) lines.push(`Published ${p.published}`);
  if (p.url) lines.push(p.url);
  if (p.retrieved) lines.push(`Retrieved ${p.retrieved}`);
  if (p.original?.file) lines.push(`Imported from ${p.original.file}${p.original.sha256 ? ` (SHA-256 ${p.original.sha256})` : ''}`);
  return lines.join('\n');
}

/** A selection's name: its text on one line, at most 80 characters. */
function selectionName(text: string): string {
  const one = text.slice(0, 400).replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > 80 ? chars.slice(0, 79).join('') + '…' : one;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKey(a: [string, string], b: [string, string]): number {
  return compare(a[0], b[0]);
}
