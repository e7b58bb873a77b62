import * as assert from 'assert';
import type { QuoteCluster } from '../../../src/core/analysis/types';
import { datingOf, type SourceDating } from '../../../src/core/provenance/dating';
import { classifyWording, describeBases, quoteOrigin } from '../../../src/core/provenance/origins';

function cluster(mentions: Array<[string, string]>): QuoteCluster {
  return { id: 'q1', mentions: mentions.map(([p, text], i) => ({ path: p, start: i * 10, end: i * 10 + text.length, text })) };
}

function dates(map: Record<string, SourceDating>): (p: string) => SourceDating {
  return (p) => map[p] ?? datingOf(undefined);
}

const pub = (published: string): SourceDating => datingOf({ version: 1, published });

describe('provenance: where a quote first appeared', () => {
  it('classifies wordings against the earliest', () => {
    const first = 'We’re looking to have a great relationship with all countries.';
    assert.strictEqual(classifyWording(first, 'We’re looking to have a great  relationship\nwith all countries.').wording, 'identical');
    assert.strictEqual(classifyWording(first, "we're looking to have a great relationship with all countries").wording, 'punctuation');
    assert.strictEqual(classifyWording('Café au lait, s’il vous plaît', "cafe au lait s'il vous plait").wording, 'punctuation');
    assert.strictEqual(classifyWording(first, 'a great relationship with all countries').wording, 'cut');
    const dropped = classifyWording(first, 'looking to have a relationship with all countries');
    assert.strictEqual(dropped.wording, 'changed', 'not contiguous: a word dropped inside');
    assert.deepStrictEqual(dropped.diff?.filter((d) => d.op !== 'same'), [{ op: 'missing', words: 'We’re' }, { op: 'missing', words: 'great' }]);
    const changed = classifyWording(first, 'We’re looking to have a terrible relationship with all countries.');
    assert.deepStrictEqual(changed.diff?.filter((d) => d.op !== 'same'), [{ op: 'missing', words: 'great' }, { op: 'added', words: 'terrible' }]);
    assert.strictEqual(classifyWording('too early', 'much too early').wording, 'changed', 'longer than the earliest: words added');
  });

  it('orders mentions by publication date, whatever the path order, and marks a cluster whose words changed', () => {
    const c = cluster([
      ['a.txt', 'the relationship is in need of repair'],
      ['b.txt', 'the relationship is in need of urgent repair'],
      ['c.txt', 'The relationship is in need of repair!'],
      ['d.txt', 'in need of repair'],
    ]);
    const o = quoteOrigin(c, dates({ 'a.txt': pub('2017-01-29'), 'b.txt': pub('2017-01-30'), 'c.txt': pub('2017-01-27'), 'd.txt': pub('2017-01-28') }));
    assert.deepStrictEqual(o.mentions.map((m) => [m.path, m.wording]), [
      ['c.txt', 'earliest'],
      ['d.txt', 'cut'],
      ['a.txt', 'punctuation'],
      ['b.txt', 'changed'],
    ]);
    assert.ok(o.altered);
    assert.strictEqual(o.tie, false);
    assert.deepStrictEqual(o.bases, ['published']);
    assert.deepStrictEqual(o.mentions[3].diff?.filter((d) => d.op !== 'same'), [{ op: 'added', words: 'urgent' }]);
    assert.strictEqual(o.sources, 4);
  });

  it('falls back to retrieval time, then file time, and says which; undated sources come last', () => {
    const c = cluster([
      ['a.txt', 'we will see what happens'],
      ['b.txt', 'we will see what happens'],
      ['c.txt', 'we will see what happens'],
      ['d.txt', 'we will see what happens'],
    ]);
    const o = quoteOrigin(
      c,
      dates({
        'a.txt': datingOf(undefined, Date.UTC(2017, 0, 26)),
        'b.txt': datingOf({ version: 1, retrieved: '2017-01-25T12:00:00Z' }),
        'c.txt': pub('2017-01-27'),
      }),
    );
    assert.deepStrictEqual(o.mentions.map((m) => [m.path, m.dating.basis]), [
      ['b.txt', 'retrieved'],
      ['a.txt', 'file'],
      ['c.txt', 'published'],
      ['d.txt', 'unknown'],
    ]);
    assert.deepStrictEqual(o.bases, ['published', 'retrieved', 'file', 'unknown']);
    assert.strictEqual(describeBases(o.bases), 'publication date, then retrieval time, then file time (undated sources last)');
    assert.ok(!o.altered);
  });

  it('says when the earliest source ties with another (same day), keeping path order between them', () => {
    const c = cluster([
      ['z.txt', 'too early to discuss'],
      ['a.txt', 'too early to discuss it'],
      ['a.txt', 'too early'],
    ]);
    const o = quoteOrigin(c, dates({ 'a.txt': pub('2017-01-28'), 'z.txt': pub('2017-01-28T08:00:00Z') }));
    assert.ok(o.tie);
    assert.deepStrictEqual(o.mentions.map((m) => [m.path, m.start, m.wording]), [
      ['a.txt', 10, 'earliest'],
      ['a.txt', 20, 'cut'],
      ['z.txt', 0, 'cut'],
    ]);
    const later = quoteOrigin(c, dates({ 'a.txt': pub('2017-01-28'), 'z.txt': pub('2017-01-27') }));
    assert.strictEqual(later.tie, false);
    assert.strictEqual(later.mentions[0].path, 'z.txt');
    assert.deepStrictEqual(later.mentions.map((m) => m.wording), ['earliest', 'changed', 'cut']);
  });

  it('reads the words of mentions that do not carry them', () => {
    const c: QuoteCluster = { id: 'q2', mentions: [{ path: 'a', start: 0, end: 5 }, { path: 'b', start: 0, end: 5 }] };
    const texts: Record<string, string> = { a: 'hello world again', b: 'hello there world' };
    const o = quoteOrigin(c, dates({ a: pub('2017-01-01'), b: pub('2017-01-02') }), (p) => texts[p]);
    assert.strictEqual(o.mentions[1].wording, 'changed');
  });
});
