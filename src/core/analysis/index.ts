import type { CurationRules } from '../curation/rules';
import type { DocumentAnalysis, QuoteCluster } from './types';

export * from './types';

/**
 * PLACEHOLDER until the analysis engine issue lands: returns no entities and no quotes.
 * The foundation issue allows empty arrays here; the CLI contract around it is real.
 */
export function analyzeDocument(_text: string, _rules?: CurationRules): DocumentAnalysis {
  return { entities: [], quotes: [] };
}

/** PLACEHOLDER: quote clusters across documents. */
export function clusterQuotes(_docs: ReadonlyArray<{ path: string; text: string; analysis: DocumentAnalysis }>): QuoteCluster[] {
  return [];
}
