import type { DocumentAnalysis, QuoteCluster } from '../../../src/core/analysis/types';
import type { AnnotatedSource, Annotation } from '../../../src/core/annotations/model';
import { OffsetMap } from '../../../src/core/text/offsets';

/** Build an annotation on the first occurrence of `exact` (after `from`), with code-point positions. */
export function annotate(
  text: string,
  exact: string,
  fields: Partial<Omit<Annotation, 'target'>> & { id: string },
  from = 0,
): Annotation {
  const at = text.indexOf(exact, from);
  if (at < 0) throw new Error(`fixture: ${exact} not in text`);
  const map = new OffsetMap(text);
  const start = map.toCodePoint(at);
  const end = map.toCodePoint(at + exact.length);
  return {
    id: fields.id,
    target: {
      exact,
      prefix: text.slice(Math.max(0, at - 16), at),
      suffix: text.slice(at + exact.length, at + exact.length + 16),
      start,
      end,
    },
    note: fields.note ?? '',
    tags: fields.tags ?? [],
    author: fields.author ?? 'Ada Reporter',
    created: fields.created ?? '2026-11-20T09:15:00.000Z',
    modified: fields.modified ?? '2026-11-20T10:00:00.000Z',
  };
}

/** Two sources: one with CRLF line endings and emoji before the annotations, one with LF and hostile content. */
export function sampleSources(): AnnotatedSource[] {
  const a = 'Headline 😀 news\r\nThe minister said "we will cut taxes" today.\r\n👍🏽 Crowd cheered, "=SUM(A1)" and more.\r\n';
  const b = 'Plain LF text.\nShe said: "a, b; \'c\'" with <xml> & stuff.\n𝔘nicode 𝔗ext "we will cut taxes"\n';
  return [
    {
      path: 'news/a.txt',
      text: a,
      annotations: [
        annotate(a, 'we will cut taxes', {
          id: 'a-0000000001',
          note: 'Check **this** claim.\r\nSecond line, with "quotes", commas; and =formula',
          tags: ['claim', 'economy'],
        }),
        annotate(a, '👍🏽 Crowd cheered', { id: 'a-0000000002', note: '', tags: ['color'], author: 'Bo Checker' }),
        annotate(a, 'today.\r\n👍🏽', { id: 'a-0000000003', note: '-1 point', tags: [], author: '@handle' }),
        annotate(a, '=SUM(A1)', { id: 'a-0000000004', note: '+cmd', tags: ['=danger', 'claim'] }),
      ],
    },
    {
      path: 'dir with space/b é.md',
      text: b,
      annotations: [
        annotate(b, 'a, b; \'c\'', { id: 'a-0000000005', note: 'Note with <tag> & "amp"\nand a | pipe', tags: ['claim', 'tag with "quote" & <angle>'] }),
        annotate(b, '𝔗ext "we will cut taxes"', { id: 'a-0000000006', note: '', tags: [], author: '' }),
      ],
    },
    { path: 'empty.txt', text: 'Nothing here.\n', annotations: [] },
  ];
}

/** A synthetic workspace of `n` annotations spread over sources of ~100 annotations each. */
export function syntheticSources(n: number, perSource = 100): AnnotatedSource[] {
  const sources: AnnotatedSource[] = [];
  for (let s = 0; s * perSource < n; s++) {
    const parts: string[] = [];
    for (let i = 0; i < perSource; i++) parts.push(`Paragraph ${i} 😀 of source ${s}: "quote number ${i}" said someone, with "commas, and quotes".\r\n`);
    const text = parts.join('');
    const annotations: Annotation[] = [];
    const count = Math.min(perSource, n - s * perSource);
    let from = 0;
    for (let i = 0; i < count; i++) {
      const exact = `quote number ${i}`;
      const a = annotate(text, exact, {
        id: `a-${s.toString(16).padStart(4, '0')}${i.toString(16).padStart(6, '0')}`,
        note: i % 3 === 0 ? `Note ${i} with "quotes", commas\nand a second line` : '',
        tags: i % 2 === 0 ? ['claim', `topic-${i % 7}`] : [`topic-${i % 7}`],
        author: `author-${i % 5}`,
      }, from);
      from = text.indexOf(exact, from) + exact.length;
      annotations.push(a);
    }
    sources.push({ path: `sources/s${s}.txt`, text, annotations });
  }
  return sources;
}

/**
 * An analysis of sampleSources(): a role mention and a quote in the first source, the same quote
 * unattributed in the second, and the cluster linking the two (UTF-16 offsets, as the engine's).
 */
export function sampleAnalysis(sources: readonly AnnotatedSource[]): {
  byPath: Map<string, DocumentAnalysis>;
  clusters: QuoteCluster[];
  at: (t: string, s: string) => { start: number; end: number };
} {
  const a = sources[0].text;
  const b = sources[1].text;
  const at = (t: string, s: string): { start: number; end: number } => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
  const docA: DocumentAnalysis = {
    entities: [{ ...at(a, 'minister'), text: 'minister', type: 'PERSON', entity: 'The Minister', kind: 'role' }],
    quotes: [{ ...at(a, 'we will cut taxes'), text: 'we will cut taxes', speaker: 'The Minister', cue: 'said' }],
  };
  const docB: DocumentAnalysis = { entities: [], quotes: [{ ...at(b, 'we will cut taxes'), text: 'we will cut taxes', speaker: null, cue: null }] };
  return {
    byPath: new Map([[sources[0].path, docA], [sources[1].path, docB]]),
    clusters: [{ id: 'q1', mentions: [{ path: sources[0].path, ...at(a, 'we will cut taxes') }, { path: sources[1].path, ...at(b, 'we will cut taxes') }] }],
    at,
  };
}
