import type { AnnotatedSource } from '../annotations/model';
import { exportCsv } from './csv';
import { exportMarkdown } from './markdown';
import { exportQdc, exportQdpx } from './refiQda';
import type { ExportFormat, ExportOptions, ExportResult } from './types';
import { exportW3cJson } from './w3c';
import { EXPORT_MARKER } from './marker';

export * from './types';
export { exportCsv, CSV_COLUMNS, CSV_TAG_SEPARATOR } from './csv';
export { exportMarkdown } from './markdown';
export { exportW3c, exportW3cJson, toW3cAnnotation, analysisAnnotations, sourceIri, annotationIri, SelectorText, W3C_CONTEXT, W3C_CONTEXT_LENGTH, DEFAULT_SOURCE_BASE, ANNOTATION_ID_PREFIX, ANALYSIS_ID_PREFIX } from './w3c';
export type { W3cAnnotation, W3cCollection, W3cTextualBody, W3cSelector } from './w3c';
export { buildRefiQdaProject, exportQdpx, exportQdc, QDA_PROJECT_NS, QDA_CODEBOOK_NS } from './refiQda';
export type { RefiQdaProject } from './refiQda';
export { stableGuid } from './ids';
export { CODE_PALETTE, paletteColour } from './palette';
export { LfText } from './lfText';
export { EXPORT_MARKER, isExportText } from './marker';

/** What the quick pick shows for each format. */
export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  md: 'Markdown report (.md)',
  csv: 'CSV spreadsheet (.csv)',
  w3c: 'W3C Web Annotation JSON-LD (.jsonld)',
  qdpx: 'REFI-QDA project for NVivo, MAXQDA, ATLAS.ti (.qdpx)',
  qdc: 'REFI-QDA codebook of the tags (.qdc)',
};

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Export in one format, as bytes ready to save: what "Export Annotations…" and the CLI call.
 * Text formats are UTF-8 (CSV with a BOM when `options.bom`). Throws UserError when the data
 * cannot be exported in that format (a codebook without tags).
 */
export function exportWorkspace(format: ExportFormat, sources: readonly AnnotatedSource[], options: ExportOptions = {}): ExportResult {
  const enc = new TextEncoder();
  switch (format) {
    case 'md':
      // The marker line keeps a report saved among the sources from being analysed as one.
      return { data: enc.encode(`${EXPORT_MARKER}\n${exportMarkdown(sources, options)}`), extension: 'md', mime: 'text/markdown; charset=utf-8' };
    case 'csv': {
      const body = enc.encode(exportCsv(sources, options));
      if (!options.bom) return { data: body, extension: 'csv', mime: 'text/csv; charset=utf-8; header=present' };
      const data = new Uint8Array(UTF8_BOM.length + body.length);
      data.set(UTF8_BOM, 0);
      data.set(body, UTF8_BOM.length);
      return { data, extension: 'csv', mime: 'text/csv; charset=utf-8; header=present' };
    }
    case 'w3c':
      return { data: enc.encode(exportW3cJson(sources, options)), extension: 'jsonld', mime: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' };
    case 'qdpx':
      return { data: exportQdpx(sources, options), extension: 'qdpx', mime: 'application/zip' };
    case 'qdc':
      return { data: enc.encode(exportQdc(sources, options)), extension: 'qdc', mime: 'application/xml' };
  }
}

export function isExportFormat(s: string): s is ExportFormat {
  return s === 'md' || s === 'csv' || s === 'w3c' || s === 'qdpx' || s === 'qdc';
}
