import * as assert from 'assert';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/annotations/model';
import { blockText, mergeBlockPieces, mergeByBlocks, splitBlocks } from '../../../src/core/merge/blocks';
import { mergeSidecarTexts } from '../../../src/core/merge/sidecarMerge';
import { readSidecarFast } from '../../../src/core/store/sidecar';
import { ann, annotationsOf, sidecarText } from './fixtures';
import { apply, history, op } from './histories';

/**
 * The block path (src/core/merge/blocks.ts) against the full path (the same merge with the block
 * path switched off): on generated histories it gives the same text and report, or declines. On
 * files bent out of the store's layout (comments, blank lines, flow style, anchors, CRLF,
 * quoting) it declines or gives the same annotations.
 */
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

function sides(h: History): [Annotation[], Annotation[], Annotation[]] {
  const seen = new Set<string>();
  const base = h.base.filter((b) => !seen.has(b.id) && seen.add(b.id)).map((b) => ann(b.id, b.start));
  return [base, apply(base, h.ours, '2026-02-01T00:00:00.000Z'), apply(base, h.theirs, '2026-03-01T00:00:00.000Z')];
}

function full(tb: string, to: string, tt: string): { text: string; report: unknown } {
  const r = mergeSidecarTexts(tb, to, tt, 'source.txt', { blocks: false });
  assert.ok(r.ok, JSON.stringify(r));
  return r;
}

/**
 * Ways a hand or another tool may bend a file; `decline`: the block path must not take it. A
 * `carried` bend (a comment, flow style) may be taken: in base or theirs when none of it reaches
 * the result (base is only compared and read, and theirs' entries come in only through the
 * entry-layout reader, which refuses them); in ours when the bent entry is kept as ours' bytes,
 * bend and all (an entry the merge reads or rewrites goes through the same reader).
 */
const BENDS: ReadonlyArray<{ name: string; decline: boolean; carried?: RegExp; keptInOurs?: boolean; bend: (text: string) => string }> = [
  { name: 'a comment above an entry', decline: true, bend: (t) => t.replace(/^( {2}- id: )/m, '  # checked\n$1') },
  { name: 'a trailing comment', decline: true, carried: /# who/, keptInOurs: true, bend: (t) => t.replace(/^( {4}author: .*)$/m, '$1 # who') },
  { name: 'a blank line between entries', decline: true, bend: (t) => t.replace(/\n( {2}- id: )(?![\s\S]*\n {2}- id: [\s\S]*\n {2}- id: )/, '\n\n$1') },
  { name: 'CRLF', decline: true, bend: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'a flow-style target', decline: true, carried: /target: \{/, bend: (t) => t.replace(/^ {4}target:\n {6}exact: (.*)\n(?: {6}prefix: .*\n)?(?: {6}suffix: .*\n)? {6}start: (\d+)\n {6}end: (\d+)\n/m, '    target: { exact: $1, start: $2, end: $3 }\n') },
  { name: 'an anchor and alias', decline: true, bend: (t) => t.replace(/^( {4}author: )(.*)$/m, '$1&who $2').replace(/^( {4}author: )(?!&)(.*)$/m, '$1*who') },
  { name: 'a key after the list', decline: true, bend: (t) => `${t}extra: 1\n` },
  { name: 'a single-quoted note', decline: false, bend: (t) => t.replace(/^( {4}note: )note of (\S+)$/m, "$1'note of $2'") },
  { name: 'keys in another order', decline: false, bend: (t) => t.replace(/^( {4}author: .*)\n( {4}created: .*)$/m, '$2\n$1') },
];

describe('merge/blocks: the block path is the full path, or declines', () => {
  it('gives the same text and report as the full path on generated histories', () => {
    let taken = 0;
    let runs = 0;
    let spliced = 0;
    fc.assert(
      fc.property(history, (h) => {
        const [base, ours, theirs] = sides(h);
        const [tb, to, tt] = [sidecarText(base), sidecarText(ours), sidecarText(theirs)];
        const f = full(tb, to, tt);
        const b = mergeByBlocks(tb, to, tt);
        runs++;
        if (b === undefined) return;
        taken++;
        // Where the fast reader takes all three files the full path is the text splice, and the
        // texts are the same; where it doubts one (a plain scalar starting with a dot, say), the
        // full path edits yaml Documents, which keep a changed scalar's old style: same data.
        if ([tb, to, tt].every((t) => readSidecarFast(t) !== undefined)) {
          spliced++;
          assert.strictEqual(b.text, f.text);
        } else {
          assert.deepStrictEqual(annotationsOf(b.text), annotationsOf(f.text));
        }
        assert.deepStrictEqual(b.report, f.report);
        // And the default merge is the block path's result.
        const d = mergeSidecarTexts(tb, to, tt);
        assert.ok(d.ok && d.text === b.text);
      }),
      { numRuns: 300, seed: 20261201 },
    );
    // Empty lists (annotations: []) and empty sides are the full path's; most histories are not.
    assert.ok(taken > runs / 2, `the block path took ${taken} of ${runs} merges`);
    assert.ok(spliced > taken / 2, `compared with the text splice ${spliced} times of ${taken}`);
  });

  it('gives the same annotations as the full path when a side already records conflicts (a merge after a merge)', () => {
    let withConflicts = 0;
    fc.assert(
      fc.property(history, fc.array(op, { minLength: 1, maxLength: 6 }), (h, more) => {
        const [base, ours, theirs] = sides(h);
        const [tb, to, tt] = [sidecarText(base), sidecarText(ours), sidecarText(theirs)];
        const first = full(tb, to, tt).text;
        if (!first.includes('conflicts:')) return;
        // Theirs goes on editing after the first merge; ours is the merge with its conflicts.
        const later = sidecarText(apply(theirs, more, '2026-04-01T00:00:00.000Z'));
        const b = mergeByBlocks(tt, first, later);
        if (b === undefined) return;
        withConflicts++;
        const f = mergeSidecarTexts(tt, first, later, 'source.txt', { documents: true });
        assert.ok(f.ok);
        assert.deepStrictEqual(annotationsOf(b.text), annotationsOf(f.text));
        assert.deepStrictEqual(b.report, f.report);
      }),
      { numRuns: 400, seed: 20261203 },
    );
    assert.ok(withConflicts > 20, `the block path took ${withConflicts} merges of files with conflicts`);
  });

  for (const { name, decline, carried, keptInOurs, bend } of BENDS) {
    const title = carried
      ? `keeps ${name} out of the result from base or theirs, and from ours only as the bytes of an entry ours keeps (else declines)`
      : `${decline ? 'declines' : 'gives the same annotations as the full path'} with ${name} on any side`;
    it(title, () => {
      let bent = 0;
      let taken = 0;
      let takenInOurs = 0;
      fc.assert(
        fc.property(history, fc.integer({ min: 0, max: 2 }), (h, which) => {
          const [base, ours, theirs] = sides(h);
          const texts = [sidecarText(base), sidecarText(ours), sidecarText(theirs)];
          const before = texts[which];
          texts[which] = bend(before);
          if (texts[which] === before) return;
          bent++;
          const [tb, to, tt] = texts;
          const b = mergeByBlocks(tb, to, tt);
          if (decline && !carried) {
            assert.strictEqual(b, undefined, `took a file with ${name}:\n${texts[which]}`);
            return;
          }
          if (b === undefined) return;
          taken++;
          if (carried && which !== 1) assert.doesNotMatch(b.text, carried);
          if (carried && which === 1) {
            // The bent entry: the last one opened before the bend. Kept, it is kept with it.
            const at = texts[1].search(carried);
            const id = /- id: (\S+)\n(?![\s\S]*- id: )/.exec(texts[1].slice(0, at))![1];
            const kept = annotationsOf(b.text).some((a) => a.id === id);
            assert.strictEqual(carried.test(b.text), kept, `${name} in ours' entry ${id}, ${kept ? 'kept' : 'not in the result'}:\n${b.text}`);
            takenInOurs++;
          }
          const f = full(tb, to, tt);
          assert.deepStrictEqual(annotationsOf(b.text), annotationsOf(f.text));
          assert.deepStrictEqual(b.report, f.report);
        }),
        { numRuns: 120, seed: 20261202 },
      );
      assert.ok(bent > 20, `the bend applied to ${bent} files only`);
      if (carried) assert.ok(taken > 5, `the block path took ${taken} files with ${name} in base or theirs`);
      if (keptInOurs) assert.ok(takenInOurs > 5, `the block path kept ${name} in ours ${takenInOurs} times only`);
    });
  }

  it('stays linear, writes no empty list, and declines hidden aliases (review findings)', () => {
    const entry = (id: string, start: number, note = 'hi', target = ''): string =>
      `  - id: ${id}\n    target:\n      exact: foo\n${target}      prefix: ""\n      suffix: ""\n      start: ${start}\n      end: ${start + 3}\n    note: ${note}\n    tags: []\n    author: me\n    created: 2024-01-01T00:00:00Z\n    modified: 2024-01-01T00:00:00Z\n`;
    const head = 'version: 1\nannotations:\n';
    // An unread entry with many blank-looking lines and no start line the layout knows: found
    // (or not) in linear time; before, each such line doubled a failing match (40 lines: hours).
    const odd = entry('evil', 0, 'hi', '       \n'.repeat(40)).replace('start: 0', 'start:  0');
    const r = mergeByBlocks(head + entry('a', 0) + odd, head + entry('a', 0) + odd, head + entry('a', 0, 'changed') + odd);
    assert.strictEqual(r, undefined);
    // Both sides delete one entry each: no entry is left, which the Document path writes as [].
    const both = mergeSidecarTexts(head + entry('a', 0) + entry('b', 5), head + entry('b', 5), head + entry('a', 0));
    assert.ok(both.ok);
    assert.deepStrictEqual(annotationsOf(both.text), []);
    assert.strictEqual(mergeByBlocks(head + entry('a', 0) + entry('b', 5), head + entry('b', 5), head + entry('a', 0)), undefined);
    // Apostrophes in plain values do not hide an anchor and an alias from the layout check.
    const tagged = (t: string): string => entry('c', 9).replace('tags: []', `tags: [ ${t} ]`);
    const withAlias = head + entry('a', 0) + tagged("p'p, &x evil, p'") + tagged("q'q, *x, q'").replace('id: c', 'id: d').replace('start: 9', 'start: 12');
    assert.strictEqual(splitBlocks(withAlias), undefined);
  });

  it('review findings: theirs re-quoted with the same data is no change; a result with ours\' bytes is ours unchanged', () => {
    const base = sidecarText([ann('a', 4), ann('b', 20)]);
    const requoted = base.replace('note: note of a', "note: 'note of a'");
    assert.notStrictEqual(requoted, base);
    const r = mergeSidecarTexts(base, base, requoted);
    assert.ok(r.ok);
    assert.strictEqual(r.report.merged, 0);
    assert.strictEqual(r.text, base);
    // A merge after a merge: ours already records theirs' deletion; the result is ours' bytes.
    const marked = sidecarText([{ ...ann('a', 4), conflicts: [{ deletedBy: 'theirs' as const }] }, ann('b', 20)]);
    const pieces = mergeBlockPieces(base, marked, sidecarText([ann('b', 20)]));
    assert.ok(pieces);
    assert.strictEqual(pieces.pieces, undefined);
  });

  it('review findings on ours cut with boundary checks: a comment ours shares with base, a comment above an entry, a flow target over lines', () => {
    const [a, b, c] = [ann('a', 4), ann('b', 20), ann('c', 40)];
    const plain = sidecarText([a]);
    const expectFull = (tb: string, to: string, tt: string, kept: RegExp | undefined): void => {
      assert.strictEqual(mergeByBlocks(tb, to, tt), undefined, 'the block path declines');
      const f = mergeSidecarTexts(tb, to, tt);
      assert.ok(f.ok);
      if (kept) assert.match(f.text, kept);
    };
    // Base and ours with a comment, theirs the same data without it (or with a change of its
    // own): theirs' bytes would drop the comment, so ours is read, and declines.
    const commented = plain.replace(/^( {4}author: .*)$/m, '$1 # who');
    expectFull(commented, commented, plain, /# who/);
    expectFull(commented, commented, sidecarText([{ ...a, note: 'theirs' }]), /# who/);
    // A comment line right before an entry is that entry's: deleting or inserting before it
    // would drop or move it.
    const above = sidecarText([a, b]).replace(/\n( {2}- id: b\n)/, '\n    # about b\n$1');
    assert.match(above, /# about b\n {2}- id: b/);
    expectFull(above, above, sidecarText([b]), /# about b\n {2}- id: b/);
    expectFull(sidecarText([a, b]), above, sidecarText([a, c, b].map((x) => (x === c ? { ...c, target: { ...c.target, start: 10, end: 13 } } : x))), /# about b\n {2}- id: b/);
    // A flow target over several lines, whose quoted value holds a `start:` line: no start is
    // taken from it (yaml reads 20, the line says 99), so inserts are not misplaced.
    const three = sidecarText([a, b, c]);
    const flow = three.replace(/(- id: b\n {4}target:\n)(?: {6}.*\n)+?( {4}note:)/, '$1      { exact: "x\n      start: 99\n      y", prefix: "", suffix: "", start: 20, end: 23 }\n$2');
    assert.match(flow, /start: 99/);
    expectFull(three, flow, sidecarText([a, b, { ...c, note: 'theirs' }]), undefined);
  });

  it('cuts the store layout into one block per entry, bytes whole', () => {
    const text = sidecarText([ann('a-1', 0, { note: 'two\nlines\n\nand a paragraph' }), ann('a-2', 13)]);
    const s = splitBlocks(text);
    assert.ok(s);
    assert.deepStrictEqual(s.ids, ['a-1', 'a-2']);
    assert.deepStrictEqual([...s.index], [['a-1', 0], ['a-2', 1]]);
    assert.strictEqual(s.header + s.ids.map((_id, k) => blockText(s, k)).join(''), text);
    assert.match(blockText(s, 0), /^ {2}- id: a-1\n[\s\S]*\n\n {6}and a paragraph\n/);
    assert.match(blockText(s, 1), /^ {2}- id: a-2\n/);
    // A target across a paragraph break: yaml writes its prefix double-quoted over lines, blank ones included.
    const across = ann('a-3', 40, { target: { exact: 'Critics', prefix: 'was final.\n\nThen, one more paragraph of the text ', suffix: ' said it', start: 40, end: 47 } });
    const three = sidecarText([ann('a-1', 0), across]);
    assert.match(three, /prefix: "was final\.\n\n\n {8}Then/);
    assert.deepStrictEqual(splitBlocks(three)?.ids, ['a-1', 'a-3']);
    const theirs = sidecarText([ann('a-1', 0), { ...across, note: 'theirs' }]);
    const merged = mergeByBlocks(three, three, theirs);
    assert.ok(merged);
    assert.strictEqual(merged.text, theirs);
    // A `|+` note's trailing blank line could belong to the scalar or sit between entries.
    assert.strictEqual(splitBlocks(sidecarText([ann('a-1', 0, { note: 'kept\n\n' }), ann('a-2', 13)])), undefined);
  });
});
