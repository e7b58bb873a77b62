import * as assert from 'assert';
import fc from 'fast-check';
import type { AnnotatedSource, Annotation } from '../../../src/core/annotations/model';
import { buildRefiQdaProject, exportW3cJson, stableGuid } from '../../../src/core/export';
import { importW3cJson } from '../../../src/core/import';
import { OffsetMap, sliceCodePoints } from '../../../src/core/text/offsets';

/** Texts mixing ASCII, CRLF, lone CR, emoji (astral, with modifiers) and BMP punctuation. */
const piece = fc.constantFrom('a', 'b', ' ', '\r\n', '\n', '\r', '😀', '👍🏽', '𝔘', 'é', '“', '"', ',', '<', '&');
const textArb = fc.array(piece, { minLength: 1, maxLength: 60 }).map((xs) => xs.join(''));

const sourceArb = fc
  .tuple(textArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string(), fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }), fc.string()), { maxLength: 6 }))
  .map(([text, specs]): AnnotatedSource => {
    const map = new OffsetMap(text);
    const cps = map.codePointLength;
    const annotations: Annotation[] = [];
    specs.forEach(([x, y, note, tags, author], i) => {
      const start = x % cps;
      const end = start + 1 + (y % (cps - start));
      annotations.push({
        id: `a-${i.toString(16).padStart(10, '0')}`,
        target: { exact: sliceCodePoints(text, map, start, end), prefix: sliceCodePoints(text, map, start - 5, start), suffix: sliceCodePoints(text, map, end, end + 5), start, end },
        note,
        tags: [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))],
        author,
        created: '2026-11-20T09:15:00.000Z',
        modified: '2026-11-21T09:15:00.000Z',
      });
    });
    return { path: 'doc.txt', text, annotations };
  });

describe('export round trips (property)', () => {
  it('W3C: export then import gives back the same annotations, for any text and annotation', () => {
    fc.assert(
      fc.property(sourceArb, (source) => {
        const back = importW3cJson(exportW3cJson([source]));
        const got = back.sources.flatMap((s) => s.annotations);
        const want = [...source.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
        assert.deepStrictEqual(got, want.map((a) => ({ ...a, tags: [...a.tags] })));
      }),
      { numRuns: 200, seed: 20261121 },
    );
  });

  it('REFI-QDA: positions in the LF text select the annotated text with line endings normalised', () => {
    fc.assert(
      fc.property(sourceArb, (source) => {
        const p = buildRefiQdaProject([source]);
        const lf = p.sources[0].text;
        assert.ok(!lf.includes('\r'));
        const map = new OffsetMap(lf);
        for (const a of source.annotations) {
          const m = new RegExp(`guid="${stableGuid('selection', a.id)}" name="[^"]*" startPosition="(\\d+)" endPosition="(\\d+)"`).exec(p.xml);
          assert.ok(m, a.id);
          const got = sliceCodePoints(lf, map, Number(m[1]), Number(m[2]));
          assert.strictEqual(got, lfExpected(source.text, a), JSON.stringify({ text: source.text, a: a.target }));
        }
      }),
      { numRuns: 200, seed: 20261121 },
    );
  });
});

/**
 * The annotated text as the LF file shows it: CRLF and lone CR become LF, and a span that ends
 * between the CR and the LF of a pair loses that CR (the CR no longer exists).
 */
function lfExpected(text: string, a: Annotation): string {
  let exact = a.target.exact;
  const endsInsidePair = exact.endsWith('\r') && text[new OffsetMap(text).toUtf16(a.target.end)] === '\n';
  if (endsInsidePair) exact = exact.slice(0, -1);
  return exact.replace(/\r\n?/g, '\n');
}
