import type { AnnotatedSource, Annotation } from '../annotations/model';
import type { DocumentAnalysis } from '../analysis/types';
import { OffsetMap } from '../text/offsets';
import type { ExportAnalysis, ExportOptions } from './types';
import { count } from '../text/plural';

/** Rows shown per summary table before "… and N more". */
const TABLE_LIMIT = 200;

/**
 * A Markdown report meant to be read on GitHub: per source, each annotation with its quoted
 * text, note, tags, author and dates; then a summary of tags, entities and quotes, including
 * the quotes shared across sources. Quoted source text is escaped so that it shows literally;
 * notes are the user's own Markdown and are kept as written. Positions are code points.
 */
export function exportMarkdown(sources: readonly AnnotatedSource[], options: ExportOptions = {}): string {
  const total = sources.reduce((n, s) => n + s.annotations.length, 0);
  const tagStats = collectTags(sources);
  const out: string[] = [];
  out.push(`# ${inline(options.title ?? 'Source Annotator report')}`, '');
  out.push(`${count(sources.length, 'source')} · ${count(total, 'annotation')} · ${count(tagStats.size, 'tag')}`, '');

  out.push('## Annotations', '');
  if (sources.length === 0) out.push('_No sources._', '');
  sources.forEach((source, i) => {
    out.push(`### ${inline(source.path)}`, '');
    if (source.annotations.length === 0) {
      out.push('_No annotations._', '');
    } else {
      const sorted = [...source.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
      sorted.forEach((a, n) => annotationSection(a, n + 1, out));
    }
    options.onProgress?.(i + 1, sources.length);
  });

  out.push('## Summary', '');
  out.push('### Tags', '');
  if (tagStats.size === 0) {
    out.push('_No tags._', '');
  } else {
    const rows = [...tagStats.entries()].sort((a, b) => b[1].count - a[1].count || compare(a[0], b[0]));
    table(['Tag', 'Annotations', 'Sources'], rows.map(([tag, st]) => [inline(tag), String(st.count), String(st.sources.size)]), out, ['---', '---:', '---:']);
  }
  analysisSummary(options.analysis, sources, out);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function annotationSection(a: Annotation, n: number, out: string[]): void {
  out.push(`#### ${n}. Code points ${a.target.start}–${a.target.end}`, '');
  out.push(...blockquote(a.target.exact), '');
  if (a.note.trim() !== '') out.push(a.note.replace(/\r\n?/g, '\n').trim(), '');
  const meta: string[] = [];
  if (a.tags.length > 0) meta.push(`- **Tags:** ${a.tags.map(codeSpan).join(', ')}`);
  if (a.author !== '') meta.push(`- **Author:** ${inline(a.author)}`);
  if (a.created !== '') meta.push(`- **Created:** ${humanDate(a.created)}`);
  if (a.modified !== '' && humanDate(a.modified) !== humanDate(a.created)) meta.push(`- **Modified:** ${humanDate(a.modified)}`);
  if (meta.length > 0) out.push(...meta, '');
}

function analysisSummary(analysis: ExportAnalysis | undefined, sources: readonly AnnotatedSource[], out: string[]): void {
  if (!analysis) {
    out.push('### Entities and quotes', '', '_The sources were not analysed for this report._', '');
    return;
  }
  const maps = new Map<string, OffsetMap>();
  for (const [p, text] of analysis.texts ?? []) maps.set(p, new OffsetMap(text));
  for (const s of sources) maps.set(s.path, new OffsetMap(s.text));
  const docs = [...analysis.byPath.entries()].sort((a, b) => compare(a[0], b[0]));

  out.push('### Entities', '');
  const entities = new Map<string, { type: string; mentions: number; sources: Set<string> }>();
  for (const [path, doc] of docs) {
    for (const e of doc.entities) {
      const key = `${e.type}\n${e.entity}`;
      const cur = entities.get(key) ?? { type: e.type, mentions: 0, sources: new Set<string>() };
      cur.mentions++;
      cur.sources.add(path);
      entities.set(key, cur);
    }
  }
  if (entities.size === 0) {
    out.push('_No entities detected._', '');
  } else {
    const rows = [...entities.entries()].sort((a, b) => b[1].mentions - a[1].mentions || compare(a[0], b[0]));
    table(
      ['Entity', 'Type', 'Mentions', 'Sources'],
      rows.map(([key, e]) => [inline(key.slice(key.indexOf('\n') + 1)), e.type, String(e.mentions), String(e.sources.size)]),
      out,
      ['---', '---', '---:', '---:'],
    );
  }

  out.push('### Quotes', '');
  const quotes: string[][] = [];
  for (const [path, doc] of docs) quotes.push(...quoteRows(path, doc, maps.get(path)));
  if (quotes.length === 0) out.push('_No quotes detected._', '');
  else table(['Speaker', 'Quote', 'Source', 'Code points'], quotes, out);

  out.push('### Quotes shared across sources', '');
  const shared = analysis.clusters.filter((c) => new Set(c.mentions.map((m) => m.path)).size > 1);
  if (shared.length === 0) {
    out.push('_No quote appears in more than one source._', '');
    return;
  }
  const quoteAt = (path: string, start: number, end: number): { text: string; speaker: string | null } | undefined => {
    const q = analysis.byPath.get(path)?.quotes.find((x) => x.start === start && x.end === end);
    return q ? { text: q.text, speaker: q.speaker } : undefined;
  };
  shared.forEach((c, i) => {
    const first = c.mentions.map((m) => quoteAt(m.path, m.start, m.end)).find((q) => q !== undefined);
    out.push(`#### Shared quote ${i + 1}`, '');
    if (first) out.push(...blockquote(first.text), '');
    for (const m of c.mentions) {
      const map = maps.get(m.path);
      const span = map ? `${map.toCodePoint(m.start)}–${map.toCodePoint(m.end)}` : `${m.start}–${m.end} (UTF-16)`;
      const speaker = quoteAt(m.path, m.start, m.end)?.speaker;
      out.push(`- ${inline(m.path)}, code points ${span}${speaker ? `, ${inline(speaker)}` : ''}`);
    }
    out.push('');
  });
}

function quoteRows(path: string, doc: DocumentAnalysis, map: OffsetMap | undefined): string[][] {
  return doc.quotes.map((q) => {
    const span = map ? `${map.toCodePoint(q.start)}–${map.toCodePoint(q.end)}` : '';
    return [q.speaker ? inline(q.speaker) : q.kind === 'term' ? '_quoted term_' : '_unattributed_', inline(q.text), inline(path), span];
  });
}

function collectTags(sources: readonly AnnotatedSource[]): Map<string, { count: number; sources: Set<string> }> {
  const tags = new Map<string, { count: number; sources: Set<string> }>();
  for (const s of sources) {
    for (const a of s.annotations) {
      for (const t of a.tags) {
        const cur = tags.get(t) ?? { count: 0, sources: new Set<string>() };
        cur.count++;
        cur.sources.add(s.path);
        tags.set(t, cur);
      }
    }
  }
  return tags;
}

function table(header: string[], rows: string[][], out: string[], align?: string[]): void {
  out.push(`| ${header.join(' | ')} |`, `| ${(align ?? header.map(() => '---')).join(' | ')} |`);
  for (const r of rows.slice(0, TABLE_LIMIT)) out.push(`| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  out.push('');
  if (rows.length > TABLE_LIMIT) out.push(`_… and ${rows.length - TABLE_LIMIT} more._`, '');
}

/** Source text as a literal blockquote, line breaks kept. */
function blockquote(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => {
    if (line.trim() === '') return '>';
    const hardBreak = i < lines.length - 1 && lines[i + 1].trim() !== '' ? '\\' : '';
    return `> ${escapeLine(line)}${hardBreak}`;
  });
}

/** Escape one line of literal text so that Markdown shows it as written. */
function escapeLine(line: string): string {
  let s = line.replace(/[\\`*_{}[\]<>#|~!]/g, '\\$&').replace(/&/g, '&amp;');
  s = s.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return s.replace(/^ +/, (sp) => '&nbsp;'.repeat(sp.length));
}

/** Literal text on a single line (headings, table cells, metadata). */
function inline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/** A tag as a code span; a tag holding backticks gets a longer fence (CommonMark 6.1). */
function codeSpan(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return '` `';
  const runs = t.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** `2026-11-20 09:15 UTC` for an ISO date-time; anything else shown literally. */
function humanDate(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return inline(iso);
  return new Date(t).toISOString().replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2 UTC');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
