import type { CurationRules } from '../curation/rules';
import type { DocumentAnalysis, QuoteCluster } from './types';
import { Analyzer } from './analyzer';
import { QuoteClusterIndex } from './clusters';

export * from './types';
export { Analyzer } from './analyzer';
export { Gazetteer } from './gazetteer';
export { QuoteClusterIndex, normalizeQuote, wordDiff } from './clusters';
export { WorkspaceAnalysis, canonicalizeAcrossDocuments } from './workspace';
export { applyCuration } from './curation';

/** Analyse one document (entities, roles, quotes with speakers). UTF-16 offsets. */
export function analyzeDocument(text: string, rules?: CurationRules): DocumentAnalysis {
  return DEFAULT_ANALYZER.analyze(text, rules);
}

/** Quote clusters across documents: one cluster per quotation, every quote in exactly one cluster. */
export function clusterQuotes(docs: ReadonlyArray<{ path: string; text: string; analysis: DocumentAnalysis }>): QuoteCluster[] {
  const index = new QuoteClusterIndex();
  for (const d of docs) index.setDocument(d.path, d.analysis.quotes);
  // a stable order for output: by first mention
  return index.clusters().sort((a, b) => {
    const x = a.mentions[0];
    const y = b.mentions[0];
    return x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start;
  });
}

/** The engine holds only immutable tables (built once, about a millisecond). */
const DEFAULT_ANALYZER = new Analyzer();
