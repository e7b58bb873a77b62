/**
 * Where a source came from: the small YAML file beside it, `<source>.provenance.yaml`
 * (e.g. `article.txt` → `article.txt.provenance.yaml`). Written by Import Source for every
 * imported file and optionally by hand for any source. Dates are ISO 8601 strings as written in
 * the file (a date `2017-01-28` or a date-time with offset). Every field is optional but `version`.
 *
 * This module holds only the shape and the path rule, shared by the importers
 * (core/sourceImport) and by the reader, validator, views and exports (core/provenance).
 */
export interface ProvenanceOriginal {
  /** The imported file's base name (never a path), or the URL's last segment. */
  readonly file?: string;
  /** SHA-256 of the imported bytes, lowercase hex. */
  readonly sha256?: string;
  /** Media type of the imported bytes, e.g. text/html, application/pdf. */
  readonly mediaType?: string;
}

export interface Provenance {
  readonly version: 1;
  readonly title?: string;
  /** Outlet or site name, e.g. "CNN". */
  readonly outlet?: string;
  readonly authors?: readonly string[];
  /** Publication date or date-time (ISO 8601). */
  readonly published?: string;
  /** The page's address, when there is one. */
  readonly url?: string;
  /** When the text was fetched or imported (ISO 8601 date-time). */
  readonly retrieved?: string;
  readonly original?: ProvenanceOriginal;
  /** e.g. "source-annotator 0.1.0 html (@mozilla/readability 0.6.0)". */
  readonly importer?: string;
}

export const PROVENANCE_SUFFIX = '.provenance.yaml';

export function provenancePathFor(sourcePath: string): string {
  return sourcePath + PROVENANCE_SUFFIX;
}

export function isProvenancePath(p: string): boolean {
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base.endsWith(PROVENANCE_SUFFIX) && base.length > PROVENANCE_SUFFIX.length;
}
