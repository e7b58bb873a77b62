import type { AnnotatedSource } from '../annotations/model';
import { OffsetMap } from '../text/offsets';
import type { ExportAnalysis, ExportOptions } from './types';

const BASE_COLUMNS = ['source', 'start', 'end', 'exact', 'note', 'tags', 'author', 'created', 'modified'] as const;

/** The source's provenance (its `<source>.provenance.yaml`), last on every row: empty without one. */
export const CSV_PROVENANCE_COLUMNS = ['title', 'outlet', 'published', 'url'] as const;

/** The CSV columns, in order. start and end are Unicode code points, end exclusive. */
export const CSV_COLUMNS = [...BASE_COLUMNS, ...CSV_PROVENANCE_COLUMNS] as const;

/**
 * The columns with the analysis (`includeAnalysis`): `kind` first (annotation, entity or quote),
 * then the columns above, then the entity's canonical name and type and the quote's speaker,
 * then the provenance columns.
 */
export const CSV_ANALYSIS_COLUMNS = ['kind', ...BASE_COLUMNS, 'entity', 'type', 'speaker', ...CSV_PROVENANCE_COLUMNS] as const;

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
  const analysis = options.includeAnalysis ? options.analysis : undefined;
  const out: string[] = [record(analysis ? [...CSV_ANALYSIS_COLUMNS] : [...CSV_COLUMNS])];
  sources.forEach((source, i) => {
    const p = options.provenance?.get(source.path)?.provenance;
    const prov = [text(p?.title ?? ''), text(p?.outlet ?? ''), text(p?.published ?? ''), text(p?.url ?? '')];
    for (const a of source.annotations) {
      const row = [
        text(source.path),
        String(a.target.start),
        String(a.target.end),
        text(a.target.exact),
        text(a.note),
        text(a.tags.join(CSV_TAG_SEPARATOR)),
        text(a.author),
        text(a.created),
        text(a.modified),
      ];
      out.push(record(analysis ? ['annotation', ...row, '', '', '', ...prov] : [...row, ...prov]));
    }
    if (analysis) out.push(...analysisRows(source.path, source.text, analysis, prov));
    options.onProgress?.(i + 1, sources.length);
  });
  return out.join('');
}

/** Detected entities (role phrases left out) and quotes of one source, positions in code points. */
function analysisRows(path: string, sourceText: string, analysis: ExportAnalysis, prov: readonly string[]): string[] {
  const doc = analysis.byPath.get(path);
  if (!doc) return [];
  const map = new OffsetMap(sourceText);
  const cells = (start16: number, end16: number, exact: string): string[] => [text(path), String(map.toCodePoint(start16)), String(map.toCodePoint(end16)), text(exact), '', '', '', '', ''];
  const rows: Array<{ start: number; row: string[] }> = [];
  for (const e of doc.entities) if (e.kind !== 'role') rows.push({ start: e.start, row: ['entity', ...cells(e.start, e.end, e.text), text(e.entity), e.type, ''] });
  for (const q of doc.quotes) rows.push({ start: q.start, row: ['quote', ...cells(q.start, q.end, q.text), '', '', text(q.speaker ?? '')] });
  return rows.sort((a, b) => a.start - b.start).map((r) => record([...r.row, ...prov]));
}

/** One CSV record: every field quoted, CRLF at the end. */
export function record(fields: readonly string[]): string {
  return fields.map(quote).join(',') + '\r\n';
}

/** A text cell: neutralised (see neutralise). Numbers are written as they are. */
const text = (value: string): string => neutralise(value);

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
