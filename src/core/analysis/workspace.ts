import type { CurationRules } from '../curation/rules';
import type { DocumentAnalysis, EntityMention, QuoteCluster } from './types';
import { Analyzer } from './analyzer';
import { QuoteClusterIndex } from './clusters';
import { nameKey } from './aliases';

/**
 * Cross-document canonical names: a person named only by surname in one document
 * ("Trump") takes the full name another document gives ("Donald Trump") when exactly one
 * full name in the workspace ends with those words.
 */
export class CanonicalNames {
  /** last name word -> full canonical name -> number of documents using it, and its words */
  private readonly fulls = new Map<string, Map<string, FullName>>();
  /** resolve's answers since the names last changed: documents share most of their names */
  private readonly resolved = new Map<string, string>();

  add(a: DocumentAnalysis): void {
    this.addPersons(personCanonicals(a));
  }

  remove(a: DocumentAnalysis): void {
    this.removePersons(personCanonicals(a));
  }

  /** Add one document's full person names (see personCanonicals). */
  addPersons(names: Iterable<string>): void {
    for (const name of names) this.bump(name, 1);
  }

  removePersons(names: Iterable<string>): void {
    for (const name of names) this.bump(name, -1);
  }

  private bump(name: string, by: number): void {
    const words = nameKey(name);
    if (words.length < 2) return;
    this.resolved.clear();
    const last = words[words.length - 1];
    let m = this.fulls.get(last);
    if (!m) {
      m = new Map();
      this.fulls.set(last, m);
    }
    const n = (m.get(name)?.count ?? 0) + by;
    if (n <= 0) m.delete(name);
    else m.set(name, { count: n, words, key: words.join(' ') });
    if (m.size === 0) this.fulls.delete(last);
  }

  /** The workspace's full name for a document-level canonical name, or the name itself. */
  resolve(name: string): string {
    let r = this.resolved.get(name);
    if (r === undefined) {
      r = this.resolveNow(name);
      if (this.resolved.size >= MAX_RESOLVED) this.resolved.clear();
      this.resolved.set(name, r);
    }
    return r;
  }

  private resolveNow(name: string): string {
    const words = nameKey(name);
    if (words.length === 0) return name;
    const m = this.fulls.get(words[words.length - 1]);
    if (!m) return name;
    let found: string | null = null;
    let distinct = 0;
    const seenKeys = new Set<string>();
    for (const [full, { words: fw, key }] of m) {
      if (fw.length < words.length) continue;
      let ok = true;
      for (let k = 1; k <= words.length; k++) if (fw[fw.length - k] !== words[words.length - k]) ok = false;
      if (!ok) continue;
      if (!seenKeys.has(key)) {
        seenKeys.add(key);
        distinct++;
      }
      if (found === null || full.length > found.length) found = full;
    }
    return distinct === 1 && found !== null ? found : name;
  }

  /** Rewrite one document's person canonicals (and speakers) to workspace names. */
  apply(a: DocumentAnalysis): DocumentAnalysis {
    const persons = new Set<string>();
    for (const e of a.entities) if (e.type === 'PERSON') persons.add(e.entity);
    const map = new Map<string, string>();
    for (const p of persons) {
      const r = this.resolve(p);
      if (r !== p) map.set(p, r);
    }
    if (map.size === 0) return a;
    const entities: EntityMention[] = a.entities.map((e) => (e.type === 'PERSON' && map.has(e.entity) ? { ...e, entity: map.get(e.entity)! } : e));
    const quotes = a.quotes.map((q) => (q.speaker !== null && map.has(q.speaker) ? { ...q, speaker: map.get(q.speaker)! } : q));
    return { entities, quotes };
  }
}

/** resolve's memory is dropped past this many names (a caller may ask for any string). */
const MAX_RESOLVED = 100_000;

interface FullName {
  readonly count: number;
  /** nameKey of the name, and those words joined by spaces */
  readonly words: readonly string[];
  readonly key: string;
}

/** A document's person names (kind 'name'): what workspace-level canonical names are built from. */
export function personCanonicals(a: DocumentAnalysis): Set<string> {
  const out = new Set<string>();
  for (const e of a.entities) if (e.type === 'PERSON' && e.kind === 'name') out.add(e.entity);
  return out;
}

/** One-shot workspace pass over already-analysed documents (the CLI uses it). */
export function canonicalizeAcrossDocuments<T extends { analysis: DocumentAnalysis }>(docs: readonly T[]): T[] {
  const names = new CanonicalNames();
  for (const d of docs) names.add(d.analysis);
  return docs.map((d) => ({ ...d, analysis: names.apply(d.analysis) }));
}

/**
 * The workspace as the editor keeps it: per-document analyses, workspace-level canonical
 * names and quote clusters, all updated incrementally when one document changes.
 */
export class WorkspaceAnalysis {
  private readonly docs = new Map<string, DocumentAnalysis>();
  private readonly names = new CanonicalNames();
  private readonly index = new QuoteClusterIndex();

  constructor(private readonly analyzer: Analyzer = new Analyzer()) {}

  /** Analyse (or re-analyse) one document; returns its workspace-canonical analysis. */
  setDocument(path: string, text: string, rules?: CurationRules): DocumentAnalysis {
    return this.setAnalysis(path, this.analyzer.analyze(text, rules));
  }

  /** Store an analysis computed elsewhere (a worker). */
  setAnalysis(path: string, analysis: DocumentAnalysis): DocumentAnalysis {
    const old = this.docs.get(path);
    if (old) this.names.remove(old);
    this.docs.set(path, analysis);
    this.names.add(analysis);
    this.index.setDocument(path, analysis.quotes);
    return this.names.apply(analysis);
  }

  removeDocument(path: string): void {
    const old = this.docs.get(path);
    if (!old) return;
    this.names.remove(old);
    this.docs.delete(path);
    this.index.removeDocument(path);
  }

  /** The document's analysis with workspace-level canonical names, or undefined. */
  analysis(path: string): DocumentAnalysis | undefined {
    const a = this.docs.get(path);
    return a ? this.names.apply(a) : undefined;
  }

  /** The workspace-level name for a document-level person name. */
  resolveName(name: string): string {
    return this.names.resolve(name);
  }

  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  clusters(): QuoteCluster[] {
    return this.index.clusters();
  }

  clusterAt(path: string, start: number): QuoteCluster | undefined {
    return this.index.clusterAt(path, start);
  }
}
