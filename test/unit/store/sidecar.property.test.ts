import * as assert from 'assert';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/annotations/model';
import { insertAnnotation, newSidecarDocument, parseSidecar, readSidecarFast, renderSidecar, stringifySidecar, updateAnnotation } from '../../../src/core/store/sidecar';

/** Any string a user or a source may hold: YAML indicators, keywords, control characters, astral. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'yes', 'null', '~', '1e3', '0x10', '- a', '# x', '|', '>', '"', "'", ': ', 'a:b', '\t', ' lead', 'trail ', 'a\n', '\na', 'a\n\n b  \n', 'x\r\ny', '\u2028', '\ufeff', '😀', '%TAG', '---', '...', '&a', '*a', '!tag', '@', '`'),
  fc.array(fc.constantFrom('a', ' ', '\n', '\r\n', '#', ':', '-', '"', "'", '\\', '\t', '😀', 'é', '{', '}', '[', ']', ','), { maxLength: 30 }).map((cs) => cs.join('')),
);

const annotation = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/),
  exact: tricky.filter((s) => s.length > 0),
  prefix: tricky,
  suffix: tricky,
  start: fc.nat({ max: 1_000_000 }),
  len: fc.nat({ max: 1000 }),
  note: tricky,
  tags: fc.array(tricky.filter((s) => s.length > 0), { maxLength: 4 }),
  author: tricky,
});

function toAnnotation(r: { id: string; exact: string; prefix: string; suffix: string; start: number; len: number; note: string; tags: string[]; author: string }): Annotation {
  return {
    id: r.id,
    target: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.start + r.len },
    note: r.note,
    tags: r.tags,
    author: r.author,
    created: '2026-11-21T10:00:00.000Z',
    modified: '2026-11-21T10:00:00.000Z',
  };
}

describe('store/sidecar (property-based)', () => {
  it('any annotation survives write, parse and a second write unchanged', () => {
    fc.assert(
      fc.property(fc.uniqueArray(annotation, { selector: (r) => r.id, minLength: 1, maxLength: 4 }), fc.boolean(), (records, crlf) => {
        const doc = newSidecarDocument('a.txt');
        const anns = records.map(toAnnotation);
        for (const a of anns) insertAnnotation(doc, a);
        const text = stringifySidecar(doc, crlf);
        const r = parseSidecar(text);
        assert.ok(r.ok, `${JSON.stringify(text)}\n${r.ok ? '' : JSON.stringify(r.issues)}`);
        // The fast reader (js-yaml) either declines or reads exactly the same data.
        const fast = readSidecarFast(text);
        if (fast) assert.deepStrictEqual(fast.annotations, r.sidecar.annotations, JSON.stringify(text));
        const byId = new Map(r.sidecar.annotations.map((a) => [a.id, a]));
        for (const a of anns) assert.deepStrictEqual(byId.get(a.id), a, JSON.stringify(text));
        // Update one entry: the others come back byte for byte and the data is right.
        const changed = { ...anns[0], note: anns[anns.length - 1].note + '!', tags: ['t'] };
        const edited = r.sidecar.doc.clone();
        updateAnnotation(edited, changed);
        const out = renderSidecar({ text, doc: r.sidecar.doc }, edited, crlf);
        assert.ok(out.parsed.ok);
        const again = new Map(out.parsed.sidecar.annotations.map((a) => [a.id, a]));
        assert.deepStrictEqual(again.get(changed.id), changed);
        for (const a of anns.slice(1)) assert.deepStrictEqual(again.get(a.id), a);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
