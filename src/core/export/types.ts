import type { DocumentAnalysis, QuoteCluster } from '../analysis/types';
import type { SourceProvenance } from '../provenance/workspace';

export type ExportFormat = 'md' | 'csv' | 'w3c' | 'qdpx' | 'qdc';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'csv', 'w3c', 'qdpx', 'qdc'];

/** Optional results of the analysis engine (UTF-16 offsets, as in src/core/analysis/types). */
export interface ExportAnalysis {
  /** Per source path (the same relative paths as AnnotatedSource.path). */
  readonly byPath: ReadonlyMap<string, DocumentAnalysis>;
  readonly clusters: readonly QuoteCluster[];
  /** Texts of analysed documents that are not among the exported sources (to convert their offsets to code points). */
  readonly texts?: ReadonlyMap<string, string>;
}

/** How REFI-QDA positions count: Unicode code points (the standard) or UTF-16 code units (QualCoder's coding view). */
export type PositionUnit = 'codepoints' | 'utf16';

/** What W3C selectors are counted in: the file's text as stored, or its text with line endings normalised to LF (as a browser shows a .txt). */
export type LineEndings = 'file' | 'lf';

export interface ExportOptions {
  /** Detected entities and quotes: summarised in Markdown; exported as codes in REFI-QDA when includeAnalysis. */
  readonly analysis?: ExportAnalysis;
  /** REFI-QDA: also export the analysis as codes (the "export entities and quotes" setting). */
  readonly includeAnalysis?: boolean;
  /** REFI-QDA: the unit of startPosition/endPosition (default 'codepoints', as REFI-QDA 1.5 says). */
  readonly positions?: PositionUnit;
  /** REFI-QDA: leave out sources without annotations (default: every source given, the corpus). */
  readonly annotatedOnly?: boolean;
  /** W3C: selectors against the file's text (default) or its LF-normalised text. */
  readonly lineEndings?: LineEndings;
  /** CSV: start with a UTF-8 BOM, for Excel. */
  readonly bom?: boolean;
  /** W3C: an AnnotationCollection (default) or a plain array of Annotations. */
  readonly w3cForm?: 'collection' | 'array';
  /** W3C: the IRI that source paths are resolved against (default DEFAULT_SOURCE_BASE). */
  readonly sourceBase?: string;
  /** Markdown: what links to sources start with: the way from the report's folder to the workspace root ('' when the report is saved there, '../' one folder below). */
  readonly linkBase?: string;
  /**
   * Where each source came from (its `<source>.provenance.yaml` and file time), by the same
   * relative paths as AnnotatedSource.path: REFI-QDA TextSource description and variables, the
   * W3C target's `source` (the page's URL, with the file as its TimeState's `cached` copy), CSV
   * and Markdown columns, and the order in which the Markdown report says a shared quote first
   * appeared.
   */
  readonly provenance?: ReadonlyMap<string, SourceProvenance>;
  /** Title of the Markdown report, name of the REFI-QDA project, label of the W3C collection. */
  readonly title?: string;
  /** Called with (done, total) as sources are processed, for progress reporting. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  readonly data: Uint8Array;
  /** Without the dot: "md", "csv", "jsonld", "qdpx", "qdc". */
  readonly extension: string;
  readonly mime: string;
}
