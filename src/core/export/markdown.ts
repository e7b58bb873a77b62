import type { AnnotatedSource, Annotation } from '../annotations/model';
import type { DocumentAnalysis } from '../analysis/types';
import { OffsetMap } from '../text/offsets';
import { lowerBound } from '../text/binarySearch';
import type { ExportAnalysis, ExportOptions } from './types';
import { count } from '../text/plural';
import { noteMarkdown } from './markdownNote';
import type { WordDiff } from '../analysis/types';
import { datingOf, describeDating } from '../provenance/dating';
import { describeBases, quoteOrigin, TIE_NOTE, WORDING_LABELS } from '../provenance/origins';
import type { SourceProvenance } from '../provenance/workspace';

/** Rows shown per summary table before "… and N more". */
const TABLE_LIMIT = 200;

/**
 * A Markdown report meant to be read on GitHub: per annotated source, each annotation under a
 * heading that gives its line with a relative link (`path#L12`), its quoted text, its tags,
 * author, dates and position in code points, then its note; the sources without annotations
 * in one list; then a summary of tags, entities and quotes over every source given, including
 * the quotes shared across sources. Quoted source text is escaped so that it shows literally;
 * notes are the user's own Markdown, rendered as written but without raw HTML or remote images
 * (markdownNote.ts).
 */
export function exportMarkdown(sources: readonly AnnotatedSource[], options: ExportOptions = {}): string {
  const total = sources.reduce((n, s) => n + s.annotations.length, 0);
  const tagStats = collectTags(sources);
  const out: string[] = [];
  out.push(`# ${inline(options.title ?? 'Source Annotator report')}`, '');
  out.push(`${count(sources.length, 'source')} · ${count(total, 'annotation')} · ${count(tagStats.size, 'tag')}`, '');

  out.push('## Annotations', '');
  if (sources.length === 0) out.push('_No sources._', '');
  const unannotated: string[] = [];
  sources.forEach((source, i) => {
    if (source.annotations.length === 0) {
      unannotated.push(source.path);
    } else {
      out.push(`### ${inline(source.path)}`, '');
      const lines = new LineIndex(source.text);
      const link = linkPath(options.linkBase ?? '', source.path);
      const sorted = [...source.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
      sorted.forEach((a, n) => annotationSection(link, lines, a, n + 1, out));
    }
    options.onProgress?.(i + 1, sources.length);
  });
  if (unannotated.length > 0) {
    out.push(`### ${count(unannotated.length, 'source')} without annotations`, '');
    for (const p of unannotated.slice(0, TABLE_LIMIT)) out.push(`- ${inline(p)}`);
    out.push('');
    if (unannotated.length > TABLE_LIMIT) out.push(`_… and ${unannotated.length - TABLE_LIMIT} more._`, '');
  }

  out.push('## Summary', '');
  out.push('### Tags', '');
  if (tagStats.size === 0) {
    out.push('_No tags._', '');
  } else {
    const rows = [...tagStats.entries()].sort((a, b) => b[1].count - a[1].count || compare(a[0], b[0]));
    table(['Tag', 'Annotations', 'Sources'], rows.map(([tag, st]) => [inline(tag), String(st.count), String(st.sources.size)]), out, ['---', '---:', '---:']);
  }
  sourcesTable(sources, options.provenance, out);
  analysisSummary(options.analysis, sources, out, options.provenance);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function annotationSection(link: string, lines: LineIndex, a: Annotation, n: number, out: string[]): void {
  const first = lines.lineOf(a.target.start);
  const last = Math.max(first, lines.lineOf(Math.max(a.target.start, a.target.end - 1)));
  const label = last > first ? `Lines ${first}–${last}` : `Line ${first}`;
  const anchor = last > first ? `#L${first}-L${last}` : `#L${first}`;
  out.push(`#### ${n}. [${label}](<${link}${anchor}>)`, '');
  out.push(...blockquote(a.target.exact), '');
  const meta: string[] = [];
  if (a.tags.length > 0) meta.push(`- **Tags:** ${a.tags.map(codeSpan).join(', ')}`);
  if (a.author !== '') meta.push(`- **Author:** ${inline(a.author)}`);
  if (a.created !== '') meta.push(`- **Created:** ${humanDate(a.created)}`);
  if (a.modified !== '' && humanDate(a.modified) !== humanDate(a.created)) meta.push(`- **Modified:** ${humanDate(a.modified)}`);
  meta.push(`- **Position:** code points ${a.target.start}–${a.target.end}`);
  out.push(...meta, '');
  // The note last, as its own blocks after a "Note:" paragraph, so that a list at its end cannot
  // merge with the metadata list (markdownNote.ts closes a code fence it leaves open).
  const note = noteMarkdown(a.note);
  if (note !== '') out.push('**Note:**', '', note, '');
}

/** A relative link to a workspace path from the report: `base` (e.g. '../') then each segment percent-encoded. */
function linkPath(base: string, path: string): string {
  const segments = (base.replace(/\/+$/, '') === '' ? [] : base.replace(/\/+$/, '').split('/')).concat(path.split('/'));
  return segments.map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
}

/** 1-based line numbers of code-point offsets, counting LF, CRLF and lone CR as one line break. */
class LineIndex {
  private readonly starts: number[] = [];

  constructor(text: string) {
    const map = new OffsetMap(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(map.toCodePoint(i + 1));
    }
  }

  lineOf(codePoint: number): number {
    // Lines start after each break; the number of breaks at or before the offset, plus one.
    return lowerBound(this.starts, codePoint + 1) + 1;
  }
}

/** Where each source came from (title, outlet, published, URL), when some source has a provenance file. */
function sourcesTable(sources: readonly AnnotatedSource[], provenance: ReadonlyMap<string, SourceProvenance> | undefined, out: string[]): void {
  if (!provenance || ![...provenance.values()].some((p) => p.provenance)) return;
  out.push('### Sources', '');
  const rows = sources.map((s) => {
    const p = provenance.get(s.path)?.provenance;
    return [inline(s.path), inline(p?.title ?? ''), inline(p?.outlet ?? ''), inline(p?.published ?? ''), p?.url ? `<${p.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ''];
  });
  table(['Source', 'Title', 'Outlet', 'Published', 'URL'], rows, out);
}

function analysisSummary(analysis: ExportAnalysis | undefined, sources: readonly AnnotatedSource[], out: string[], provenance?: ReadonlyMap<string, SourceProvenance>): void {
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
      if (e.kind === 'role') continue; // "his successor" describes a person; it is no name (README)
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
  // Earliest source first (publication date, else retrieval time, else file time: provenance),
  // each later mention's wording against the earliest's.
  const dating = (p: string) => provenance?.get(p)?.dating ?? datingOf(undefined);
  const textOf = (p: string, s: number, e: number): string | undefined => quoteAt(p, s, e)?.text;
  shared.forEach((c, i) => {
    if (!provenance) {
      // Without provenance (an older caller), the mentions as the clusters list them.
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
      return;
    }
    const origin = quoteOrigin(c, dating, textOf);
    const first = origin.mentions[0];
    out.push(`#### Shared quote ${i + 1}${origin.altered ? ' (words changed)' : ''}`, '');
    if (first.text) out.push(...blockquote(first.text), '');
    const outlet = (p: string): string => {
      const prov = provenance?.get(p)?.provenance;
      return prov?.outlet ? `${inline(prov.outlet)}, ` : '';
    };
    out.push(
      `First appeared in ${inline(first.path)} (${outlet(first.path)}${inline(describeDating(first.dating))})${origin.tie ? `, ${TIE_NOTE}` : ''}; ordered by ${inline(describeBases(origin.bases))}.`,
      '',
    );
    for (const m of origin.mentions) {
      const map = maps.get(m.path);
      const span = map ? `${map.toCodePoint(m.start)}–${map.toCodePoint(m.end)}` : `${m.start}–${m.end} (UTF-16)`;
      const speaker = quoteAt(m.path, m.start, m.end)?.speaker;
      const wording = m.wording === 'earliest' ? 'earliest' : m.wording === 'changed' ? `**${WORDING_LABELS.changed}**: ${diffLine(m.diff ?? [])}` : WORDING_LABELS[m.wording];
      const when = m.dating.basis === 'unknown' ? '' : ` (${outlet(m.path)}${inline(describeDating(m.dating))})`;
      out.push(`- ${inline(m.path)}, code points ${span}${speaker ? `, ${inline(speaker)}` : ''}${when}: ${wording}`);
    }
    out.push('');
  });
}

/** A word diff in the report: added words in bold, dropped ones struck through, every word escaped. */
function diffLine(diff: readonly WordDiff[]): string {
  return diff.map((d) => (d.op === 'same' ? inline(d.words) : d.op === 'added' ? `**${inline(d.words)}**` : `~~${inline(d.words)}~~`)).join(' ');
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
