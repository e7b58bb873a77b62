import type { AnnotatedSource } from '../annotations/model';
import type { ExportOptions } from './types';

/** The CSV columns, in order. start and end are Unicode code points, end exclusive. */
export const CSV_COLUMNS = ['source', 'start', 'end', 'exact', 'note', 'tags', 'author', 'created', 'modified'] as const;

/** Tags are joined with this inside their one cell. */
export const CSV_TAG_SEPARATOR = '; ';

/**
 * One row per annotation, RFC 4180: every record ends with CRLF and every field is quoted
 * (quotes doubled), so a spreadsheet that also splits on `;` or tab (LibreOffice's Text Import
 * ticks comma, semicolon and tab by default) keeps each row's columns. Text cells that a
 * spreadsheet would read as a formula get a leading apostrophe (see neutralise).
 * Returns the text; encode it as UTF-8 (exportWorkspace adds the BOM when asked).
 */
export function exportCsv(sources: readonly AnnotatedSource[], options: ExportOptions = {}): string {
  const out: string[] = [record([...CSV_COLUMNS])];
  sources.forEach((source, i) => {
    for (const a of source.annotations) {
      out.push(
        record([
          text(source.path),
          String(a.target.start),
          String(a.target.end),
          text(a.target.exact),
          text(a.note),
          text(a.tags.join(CSV_TAG_SEPARATOR)),
          text(a.author),
          text(a.created),
          text(a.modified),
        ]),
      );
    }
    options.onProgress?.(i + 1, sources.length);
  });
  return out.join('');
}

/** One CSV record: every field quoted, CRLF at the end. */
export function record(fields: readonly string[]): string {
  return fields.map(quote).join(',') + '\r\n';
}

/** A text cell: neutralised (see neutralise). Numbers are written as they are. */
export function text(value: string): string {
  return neutralise(value);
}

/**
 * Characters a spreadsheet may skip before a formula: spaces and other white space (NBSP,
 * ideographic space, tab, LF, CR, …), zero-width and BOM characters.
 */
const SKIPPED = '\\s\\u00A0\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u3000\\uFEFF';
/** What starts a formula or a command: = + - @, their full-width and small forms, the minus sign, tab and CR. */
const TRIGGER = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B\\u2212\\t\\r';
const FORMULA = new RegExp(`^[${SKIPPED}]*[${TRIGGER}]`);

/**
 * Prefix an apostrophe when a cell could be read as a formula (OWASP "CSV injection"): it starts
 * with = + - @ (or their full-width forms ＝＋－＠, the minus sign −, a tab or a CR), also after
 * leading spaces, non-breaking spaces, line breaks or tabs, which spreadsheets may skip.
 */
export function neutralise(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
