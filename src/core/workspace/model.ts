import { Analyzer } from '../analysis/analyzer';
import type { DocumentAnalysis, EntityMention, EntityType, Quote, QuoteCluster } from '../analysis/types';
import { ENTITY_TYPES } from '../analysis/types';
import { personCanonicals, WorkspaceAnalysis } from '../analysis/workspace';
import type { CurationRules } from '../curation/rules';

/**
 * The workspace model behind the editor: every source's analysis, workspace-level canonical
 * names, quote clusters and entity summaries. It is pure, and the editor runs it in a worker
 * thread: it holds hundreds of thousands of small objects for a large workspace, and their
 * garbage collection must not pause the extension host. Everything it answers is plain data
 * (structured-clone safe), so the same class serves in-process and behind a message port.
 */

/** What the editor keeps of a source on its own thread: small, and no object graph. */
export interface SourceDigest {
  /**
   * The document-level analysis as UTF-8 JSON. Bytes live outside the JavaScript heap: a worker
   * transfers them without a copy, and the garbage collector neither scans nor moves them.
   */
  readonly json: Uint8Array;
  /** Full person names the document uses (the input of workspace-level canonical names). */
  readonly persons: readonly string[];
  readonly stats: SourceStats;
}

/** Counts for the tree and status bar, without parsing the analysis. */
export interface SourceStats {
  /** Distinct document-level entities and their name mentions, by type. */
  readonly entities: Readonly<Record<EntityType, { readonly entities: number; readonly mentions: number }>>;
  /** Word count of each quote, for the minimum-quote-length setting. */
  readonly quoteWords: readonly number[];
}

export interface EntitySummary {
  /** The workspace-level canonical name. */
  readonly entity: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly mentions: ReadonlyArray<{ readonly key: string; readonly mention: EntityMention }>;
}

export interface EntityInfo {
  readonly entity: string;
  readonly type: EntityType;
  /** Up to MAX_ALIASES aliases. */
  readonly aliases: readonly string[];
  /** Mentions in the workspace, the sources they are in, and those in the source asked about. */
  readonly mentions: number;
  readonly sources: number;
  readonly inSource: number;
}

/** Aliases an EntityInfo lists, at most. */
export const MAX_ALIASES = 50;

export interface EntityListItem {
  readonly entity: string;
  readonly type: EntityType;
  /** The first few aliases. */
  readonly aliases: readonly string[];
  readonly mentions: number;
}

/** An entity in one source, for Ctrl+T. */
export interface EntityHit {
  /** The canonical name, or "alias (canonical name)" when only an alias matched. */
  readonly name: string;
  readonly entity: string;
  readonly type: EntityType;
  readonly key: string;
  /** The first (matching) mention in the source. */
  readonly start: number;
  readonly end: number;
  /** Mentions in this source. */
  readonly mentions: number;
}

export interface SpeakerQuote {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export class WorkspaceModel {
  private readonly workspace = new WorkspaceAnalysis();
  private readonly docs = new Map<string, DocumentAnalysis>();
  /** Entity mentions by document-level entity name, then by source: kept incrementally. */
  private readonly mentionsByName = new Map<string, { type: EntityType; byKey: Map<string, EntityMention[]> }>();
  private summaries: Map<string, EntitySummary> | undefined;
  private readonly encoder = new TextEncoder();

  constructor(private readonly analyzer: Analyzer = new Analyzer()) {}

  get size(): number {
    return this.docs.size;
  }

  analyze(text: string, rules?: CurationRules): DocumentAnalysis {
    return this.analyzer.analyze(text, rules);
  }

  /** Analyse (or re-analyse) a source and keep it; returns what the editor keeps of it. */
  set(key: string, text: string, rules?: CurationRules): SourceDigest {
    return this.setAnalysis(key, this.analyzer.analyze(text, rules));
  }

  /** Keep an analysis (an empty one for a source that could not be read). */
  setAnalysis(key: string, analysis: DocumentAnalysis): SourceDigest {
    this.unindex(key);
    this.docs.set(key, analysis);
    this.workspace.setAnalysis(key, analysis);
    for (const m of analysis.entities) {
      let byName = this.mentionsByName.get(m.entity);
      if (!byName) {
        byName = { type: m.type, byKey: new Map() };
        this.mentionsByName.set(m.entity, byName);
      }
      let list = byName.byKey.get(key);
      if (!list) {
        list = [];
        byName.byKey.set(key, list);
      }
      list.push(m);
    }
    this.summaries = undefined;
    return { json: this.encoder.encode(JSON.stringify(analysis)), persons: [...personCanonicals(analysis)], stats: statsOf(analysis) };
  }

  remove(key: string): void {
    this.unindex(key);
    this.docs.delete(key);
    this.workspace.removeDocument(key);
    this.summaries = undefined;
  }

  keys(): string[] {
    return [...this.docs.keys()];
  }

  private unindex(key: string): void {
    const old = this.docs.get(key);
    if (!old) return;
    for (const m of old.entities) {
      const byName = this.mentionsByName.get(m.entity);
      if (!byName) continue;
      byName.byKey.delete(key);
      if (byName.byKey.size === 0) this.mentionsByName.delete(m.entity);
    }
  }

  /** The source's analysis with workspace-level canonical names. */
  analysis(key: string): DocumentAnalysis | undefined {
    return this.workspace.analysis(key);
  }

  /** Number of quote clusters with mentions in more than one place. */
  clusterCount(): number {
    return this.workspace.clusters().filter((c) => c.mentions.length > 1).length;
  }

  /** The clusters of more than one mention that a quote of this source belongs to, by the quote's start. */
  clustersOf(key: string): Array<[number, QuoteCluster]> {
    const a = this.docs.get(key);
    if (!a) return [];
    const out: Array<[number, QuoteCluster]> = [];
    for (const q of a.quotes) {
      const c = this.workspace.clusterAt(key, q.start);
      if (c && c.mentions.length > 1) out.push([q.start, c]);
    }
    return out;
  }

  /** One entity of the workspace, by its workspace-level canonical name. */
  entity(name: string): EntitySummary | undefined {
    return this.allSummaries().get(name);
  }

  /** An entity's name, type, aliases and counts, without its mentions (hovers, tooltips). */
  entityInfo(name: string, key?: string): EntityInfo | undefined {
    const s = this.allSummaries().get(name);
    if (!s) return undefined;
    const keys = new Set<string>();
    let inSource = 0;
    for (const m of s.mentions) {
      keys.add(m.key);
      if (m.key === key) inSource++;
    }
    return { entity: s.entity, type: s.type, aliases: s.aliases.slice(0, MAX_ALIASES), mentions: s.mentions.length, sources: keys.size, inSource };
  }

  entityCount(): number {
    return this.allSummaries().size;
  }

  /** Every entity of the workspace, without its mentions (for pickers). */
  entityList(): EntityListItem[] {
    return [...this.allSummaries().values()].map((s) => ({ entity: s.entity, type: s.type, aliases: s.aliases.slice(0, 8), mentions: s.mentions.length }));
  }

  /**
   * Ctrl+T: for each entity whose canonical name (or failing that, a surface form used in a
   * source) matches the query, one hit per source it is mentioned in, most mentioned first.
   */
  searchEntities(query: string, types: readonly EntityType[], limit: number): EntityHit[] {
    const needle = fold(query.trim());
    const wanted = new Set(types);
    const hits: EntityHit[] = [];
    for (const s of this.allSummaries().values()) {
      if (!wanted.has(s.type)) continue;
      const byKey = new Map<string, EntityMention[]>();
      for (const { key, mention } of s.mentions) {
        if (mention.kind !== 'name' && mention.entity === mention.text) continue;
        const list = byKey.get(key);
        if (list) list.push(mention);
        else byKey.set(key, [mention]);
      }
      const nameMatches = needle === '' || fuzzy(needle, fold(s.entity));
      for (const [key, mentions] of byKey) {
        let at = mentions[0];
        let name = s.entity;
        if (!nameMatches) {
          // Not the canonical name: an alias (a surface form used in this source) may match.
          const alias = mentions.find((m) => m.text !== s.entity && fuzzy(needle, fold(m.text)));
          if (!alias) continue;
          name = `${alias.text} (${s.entity})`;
          at = alias;
        }
        hits.push({ name, entity: s.entity, type: s.type, key, start: at.start, end: at.end, mentions: mentions.length });
      }
    }
    hits.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return hits.slice(0, limit);
  }

  /** Quotes attributed to a speaker (a workspace-level canonical name) across the workspace. */
  quotesBy(speaker: string, limit: number): SpeakerQuote[] {
    const out: SpeakerQuote[] = [];
    // Speakers are document-level names: resolve each distinct one once, rather than renaming
    // every document's analysis.
    const resolved = new Map<string, string>();
    const resolve = (name: string): string => {
      let r = resolved.get(name);
      if (r === undefined) {
        r = this.workspace.resolveName(name);
        resolved.set(name, r);
      }
      return r;
    };
    for (const key of [...this.docs.keys()].sort()) {
      for (const q of this.docs.get(key)!.quotes) {
        if (q.speaker === null || resolve(q.speaker) !== speaker) continue;
        out.push({ key, start: q.start, end: q.end, text: q.text });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  private allSummaries(): Map<string, EntitySummary> {
    this.summaries ??= this.summarize();
    return this.summaries;
  }

  /** Entities across the workspace from the incrementally kept mentions: only distinct names are resolved. */
  private summarize(): Map<string, EntitySummary> {
    const out = new Map<string, { entity: string; type: EntityType; aliases: Set<string>; mentions: Array<{ key: string; mention: EntityMention }> }>();
    for (const [name, { type, byKey }] of this.mentionsByName) {
      const entity = type === 'PERSON' ? this.workspace.resolveName(name) : name;
      let s = out.get(entity);
      if (!s) {
        s = { entity, type, aliases: new Set(), mentions: [] };
        out.set(entity, s);
      }
      for (const [key, list] of byKey) {
        for (const m of list) {
          if (m.kind === 'name' || m.text !== m.entity) s.aliases.add(m.text);
          s.mentions.push({ key, mention: m });
        }
      }
    }
    const result = new Map<string, EntitySummary>();
    for (const [k, s] of out) result.set(k, { entity: s.entity, type: s.type, aliases: [...s.aliases], mentions: s.mentions });
    return result;
  }
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query's characters appear in order in the name (as Ctrl+T matches), after a word start for the first one. */
function fuzzy(needle: string, hay: string): boolean {
  if (hay.includes(needle)) return true;
  const compact = needle.replace(/\s+/g, '');
  let i = 0;
  for (let j = 0; j < hay.length && i < compact.length; j++) if (hay[j] === compact[i]) i++;
  return i === compact.length && (hay.startsWith(compact[0]) || hay.includes(' ' + compact[0]));
}

export function statsOf(a: DocumentAnalysis): SourceStats {
  const entities = {} as Record<EntityType, { entities: number; mentions: number }>;
  const seen = {} as Record<EntityType, Set<string>>;
  for (const t of ENTITY_TYPES) {
    entities[t] = { entities: 0, mentions: 0 };
    seen[t] = new Set();
  }
  for (const m of a.entities) {
    // what the tree shows: names, and roles resolved to a named entity
    if (m.kind !== 'name' && m.entity === m.text) continue;
    const e = entities[m.type];
    if (!e) continue;
    e.mentions++;
    seen[m.type].add(m.entity);
  }
  for (const t of ENTITY_TYPES) entities[t].entities = seen[t].size;
  return { entities, quoteWords: a.quotes.map((q: Quote) => wordCount(q.text)) };
}

export function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}
