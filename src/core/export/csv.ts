import type { AnnotatedSource } from '../annotations/model';
import type { ExportOptions } from './types';

/** The CSV columns, in order. start and end are Unicode code points, end exclusive. */
export const CSV_COLUMNS = ['source', 'start', 'end', 'exact', 'note', 'tags', 'author', 'created', 'modified'] as const;

/** Tags are joined with this inside their one cell. */
export const CSV_TAG_SEPARATOR = '; ';

/**
 * One row per annotation, RFC 4180: every record ends with CRLF; a cell holding a quote, comma,
 * CR or LF is quoted, with quotes doubled. Text cells that a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab or CR) get a leading apostrophe (OWASP "CSV injection").
 * Returns the text; encode it as UTF-8 (exportWorkspace adds the BOM when asked).
 */
export function exportCsv(sources: readonly AnnotatedSource[], options: ExportOptions = {}): string {
  const out: string[] = [CSV_COLUMNS.join(',') + '\r\n'];
  sources.forEach((source, i) => {
    for (const a of source.annotations) {
      out.push(
        [
          text(source.path),
          String(a.target.start),
          String(a.target.end),
          text(a.target.exact),
          text(a.note),
          text(a.tags.join(CSV_TAG_SEPARATOR)),
          text(a.author),
          text(a.created),
          text(a.modified),
        ].join(',') + '\r\n',
      );
    }
    options.onProgress?.(i + 1, sources.length);
  });
  return out.join('');
}

/** Neutralise a formula, then quote if needed. */
function text(value: string): string {
  return quote(neutralise(value));
}

export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
