import * as assert from 'assert';
import fc from 'fast-check';
import type { Annotation, AnnotationConflict, AnnotationTarget } from '../../../src/core/annotations/model';
import { readEntry, writeEntry, EntryReadMemo } from '../../../src/core/store/entryLayout';
import { insertAnnotation, newSidecarDocument, parseSidecar, stringifySidecar } from '../../../src/core/store/sidecar';

/**
 * src/core/store/entryLayout.ts against yaml itself: `writeEntry` gives yaml's bytes or
 * declines, `readEntry` gives yaml's reading or declines, on generated annotations with hostile
 * strings and on entries bent by hand.
 */

/** Strings that stress yaml's choice of style: indicators, quotes, colons, hashes, numbers, blanks, line breaks, emoji, controls. */
const PIECES = [
  'a', 'Word', ' ', '  ', '\n', '\n\n', ':', ': ', ' #', '#', '-', '- ', '?', '[', ']', '{', '}', ',', '"', "'", '\\', '\\n', '|', '>', '&', '*', '!', '%', '@', '`',
  '1', '0', '-1', '1.5', '.5', '1e3', '0x1F', '0o7', '.inf', '.nan', 'null', 'Null', '~', 'true', 'FALSE', '---', '...',
  'é', '🚀', '\u00a0', '\t', '\u0007', '\u0085', '\u2028', '\ufeff', '\ud800', 'x'.repeat(45),
];
const nasty = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((xs) => xs.join(''));
/** Around the length (40 characters of JSON) from which yaml breaks a double-quoted scalar over lines. */
const nearFold = fc.tuple(fc.integer({ min: 30, max: 40 }), fc.nat(3), fc.constantFrom('\n', '\n\n', ' \n', '\n ')).map(([n, k, br]) => 'x'.repeat(n - k) + br + 'y'.repeat(k));
const text = fc.oneof(nasty, nearFold, fc.string({ maxLength: 60 }), fc.constantFrom('', 'plain words', 'a note: with colon', "it's", 'say "hi"', 'both \' and "'));
const nonEmpty = text.filter((s) => s !== '');
const date = fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-11-30T20:18:00+01:00', '2026-01-01T00:00:00.000Z ', '2026-01-01T00:00:00.000Z: x');
const id = fc.oneof(fc.constantFrom('a-1', 'a-3f9c2e1b7d', '123', '1e5', 'null', 'x:y', 'a.b_c-d', '0x1F', 'true'), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,12}$/));
const target: fc.Arbitrary<AnnotationTarget> = fc.record({ exact: nonEmpty, prefix: text, suffix: text, start: fc.nat({ max: 100000 }), len: fc.nat({ max: 50 }) }).map(({ len, ...t }) => ({ ...t, end: t.start + len }));
const conflict: fc.Arbitrary<AnnotationConflict> = fc.oneof(
  fc.record({ deletedBy: fc.constantFrom('ours' as const, 'theirs' as const) }),
  fc.record({ field: fc.constantFrom('note' as const, 'author' as const, 'created' as const, 'original' as const), ours: text, theirs: text }),
  fc.record({ field: fc.constant('target' as const), ours: target, theirs: target }),
);
const annotation: fc.Arbitrary<Annotation> = fc
  .record({
    id,
    target,
    note: text,
    tags: fc.array(fc.oneof(nonEmpty, fc.constantFrom('claim', 'to verify', '1', 'null', 'a/b', 'x,y', 'ü', 'tag ')), { maxLength: 4 }),
    author: text,
    created: date,
    modified: date,
    original: fc.option(nonEmpty, { nil: undefined }),
    conflicts: fc.option(fc.array(conflict, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    adjudicated: fc.option(fc.record({ from: fc.array(id, { minLength: 1, maxLength: 3 }), by: text, at: date }), { nil: undefined }),
  })
  .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as unknown as Annotation);

/** The entry as yaml writes it in a sidecar (list indent two spaces). */
function yamlEntry(a: Annotation): string {
  const doc = newSidecarDocument('s.txt');
  doc.commentBefore = null;
  insertAnnotation(doc, a);
  const t = stringifySidecar(doc, false);
  const head = 'version: 1\nannotations:\n';
  assert.ok(t.startsWith(head), t);
  return t.slice(head.length);
}

/** What yaml reads from an entry block, or undefined when it is not a valid sidecar entry. */
function yamlRead(block: string): Annotation | undefined {
  const r = parseSidecar(`version: 1\nannotations:\n${block}`);
  return r.ok && r.sidecar.annotations.length === 1 ? r.sidecar.annotations[0] : undefined;
}

/** Bends a hand (or another program) may give an entry. */
const BENDS: ReadonlyArray<(t: string) => string> = [
  (t) => t.replace(/^( +note: )(.*)$/m, "$1'$2'"),
  (t) => t.replace(/^( +note: )(.*)$/m, '$1"$2"'),
  (t) => t.replace(/^( +author: )"(.*)"$/m, '$1$2'),
  (t) => t.replace(/^( +author: .*)$/m, '$1 # who'),
  (t) => t.replace(/ {6}/g, '     '),
  (t) => t.replace(/\n$/, '\n\n'),
  (t) => t.replace(/: /, ':  '),
  (t) => t.replace(/\[ /, '['),
  (t) => t.replace(/\|-/, '|'),
  (t) => t.replace(/\|-/, '|+'),
  (t) => t.replace(/\n( +)(\S)/, '\n$1 $2'),
  (t) => t.replace(/"/, "'"),
  (t) => t.replace(/\\n/, '\\x0a'),
  (t) => t.replace(/\\ /, ' '),
  (t) => t.replace(/start: (\d+)/, 'start: 0$1'),
  (t) => t.replace(/start: (\d+)/, 'start: "$1"'),
  (t) => t.replace(/^( +)created: (.*)$/m, '$1created: $2\n$1created: $2'),
  (t) => t.replace(/\n[^\n]*\n$/, '\n'),
];

describe('store/entryLayout: the sidecar entry without a YAML library', () => {
  it('writes what yaml writes, byte for byte, or declines; and mostly does not decline', () => {
    let written = 0;
    let runs = 0;
    fc.assert(
      fc.property(annotation, (a) => {
        runs++;
        const mine = writeEntry(a, '  ');
        if (mine === undefined) return;
        written++;
        assert.strictEqual(mine, yamlEntry(a));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    assert.ok(written > runs / 5, `wrote ${written} of ${runs}`);
  });

  it('reads back what it wrote, as yaml reads it', () => {
    fc.assert(
      fc.property(annotation, fc.constantFrom('', '  ', '    '), (a, indent) => {
        const mine = writeEntry(a, indent);
        if (mine === undefined) return;
        const back = readEntry(mine, indent);
        assert.ok(back, `declined its own entry:\n${mine}`);
        assert.deepStrictEqual(back, yamlRead(indent === '  ' ? mine : writeEntry(a, '  ')!));
      }),
      { numRuns: 2000, seed: 20261131 },
    );
  });

  it('reads the same with a memo shared by many entries, whose values recur (as one merge shares it)', () => {
    // The common shape (no original, conflicts or adjudication), values from small pools with
    // tricky members, so that tag lists, authors and dates recur across entries, bent or not.
    const pool = fc.constantFrom('claim', 'to verify', 'true', '1', 'null', 'a: b', 'x ', ' x', '"q"', "it's", '#x', 'é🚀', 'Coder A', 'Coder B');
    const common: fc.Arbitrary<Annotation> = fc.record({
      id: fc.constantFrom('a-1', 'a-2', 'a-3f9c2e1b7d'),
      target: fc.record({ exact: fc.constantFrom('words', 'say "hi"', '1'), prefix: pool, suffix: pool, start: fc.constantFrom(0, 5), end: fc.constantFrom(5, 9) }),
      note: fc.oneof(pool, fc.constant('two\nlines')),
      tags: fc.array(pool, { maxLength: 3 }),
      author: pool,
      created: date,
      modified: date,
    });
    const memo = new EntryReadMemo();
    let read = 0;
    fc.assert(
      fc.property(common, fc.option(fc.nat(BENDS.length - 1), { nil: undefined }), (a, k) => {
        const block = yamlEntry(a);
        const b = k === undefined ? block : BENDS[k](block);
        const alone = readEntry(b, '  ');
        assert.deepStrictEqual(readEntry(b, '  ', memo), alone, b);
        if (alone !== undefined) read++;
      }),
      { numRuns: 3000, seed: 20261201 },
    );
    assert.ok(read > 1000, `read ${read}`);
    assert.ok(memo.tags.size > 20 && memo.scalars.size > 5 && memo.dates.size >= 2, `the memo kept ${memo.tags.size} tag lists, ${memo.scalars.size} authors, ${memo.dates.size} dates`);
  });

  it('reads a bent entry as yaml does, or declines', () => {
    let bent = 0;
    let taken = 0;
    fc.assert(
      fc.property(annotation, fc.nat(BENDS.length - 1), (a, k) => {
        const block = yamlEntry(a);
        const b = BENDS[k](block);
        if (b === block) return;
        bent++;
        const mine = readEntry(b, '  ');
        if (mine === undefined) return;
        taken++;
        assert.deepStrictEqual(mine, yamlRead(b), `read differently:\n${b}`);
      }),
      { numRuns: 3000, seed: 20261132 },
    );
    assert.ok(bent > 1000, `bent ${bent}`);
    // Bends that leave the bytes yaml writes (a rewrite of the same value) are the only ones taken.
    assert.ok(taken < bent / 10, `took ${taken} of ${bent}`);
  });

  it('writes the store layout: a note block, a multi-line double-quoted prefix, quoted and flow tags, conflicts', () => {
    const a: Annotation = {
      id: 'a-1',
      target: { exact: 'he said "no"', prefix: 'end of the first paragraph.\n\nSecond paragraph starts ', suffix: ' \n tail', start: 5, end: 17 },
      note: 'line one\n\nline three',
      tags: ['1', 'null', 'to verify', 'x,y'],
      author: "O'Brien",
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-02T00:00:00.000Z',
      conflicts: [{ field: 'note', ours: 'a', theirs: '' }, { deletedBy: 'ours' }],
    };
    const mine = writeEntry(a, '  ');
    assert.strictEqual(
      mine,
      [
        '  - id: a-1',
        '    target:',
        '      exact: he said "no"',
        '      prefix: "end of the first paragraph.',
        '',
        '',
        '        Second paragraph starts "',
        '      suffix: "\\ \\n tail"',
        '      start: 5',
        '      end: 17',
        '    note: |-',
        '      line one',
        '',
        '      line three',
        '    tags: [ "1", "null", to verify, "x,y" ]',
        "    author: O'Brien",
        '    created: 2026-01-01T00:00:00.000Z',
        '    modified: 2026-01-02T00:00:00.000Z',
        '    conflicts:',
        '      - field: note',
        '        ours: a',
        '        theirs: ""',
        '      - { deletedBy: ours }',
        '',
      ].join('\n'),
    );
    assert.strictEqual(mine, yamlEntry(a));
    assert.deepStrictEqual(readEntry(mine, '  '), a);
    // Left to yaml: a tab, a note ending in a line break, a control character.
    assert.strictEqual(writeEntry({ ...a, note: 'a\tb' }, '  '), undefined);
    assert.strictEqual(writeEntry({ ...a, note: 'a\n' }, '  '), undefined);
    assert.strictEqual(writeEntry({ ...a, author: 'x\u0007' }, '  '), undefined);
  });
});
