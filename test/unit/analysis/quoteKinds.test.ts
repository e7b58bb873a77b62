import * as assert from 'assert';
import { analyzeDocument, clusterQuotes, type Quote } from '../../../src/core/analysis';

function quotes(text: string): Quote[] {
  return [...analyzeDocument(text).quotes];
}

function kinds(text: string): Array<[string, string | undefined]> {
  return quotes(text).map((q) => [q.text, q.kind]);
}

describe('analysis/quote kinds (speech or term)', () => {
  it('marks words someone said as speech, with or without a cue', () => {
    const text = 'Maria Lopez spoke in Denver. "We will build it this year," Lopez said. "Nobody can stop that now."';
    assert.deepStrictEqual(kinds(text), [
      ['We will build it this year,', 'speech'],
      ['Nobody can stop that now.', 'speech'],
    ]);
    assert.strictEqual(quotes(text)[1].speaker, 'Maria Lopez');
  });

  it('marks scare quotes, titles of works and nicknames as terms, with no speaker', () => {
    const text = 'The "reform" plan passed on Tuesday. Senator Paul Grant appeared on "Meet the Voters" and in a film titled "Ten Days in March." Fans know him as the "Iron Senator," and the so-called "budget hawks" cheered.';
    const q = quotes(text);
    assert.deepStrictEqual(
      q.map((x) => [x.text, x.kind]),
      [
        ['reform', 'term'],
        ['Meet the Voters', 'term'],
        ['Ten Days in March.', 'term'],
        ['Iron Senator,', 'term'],
        ['budget hawks', 'term'],
      ],
    );
    for (const x of q) {
      assert.strictEqual(x.speaker, null);
      assert.strictEqual(x.cue, null);
    }
  });

  it('keeps a short quote with a cue as speech ("…," she said; they chanted "…")', () => {
    assert.deepStrictEqual(kinds('"Never," she said. The crowd chanted "lock the gates" for an hour.'), [
      ['Never,', 'speech'],
      ['lock the gates', 'speech'],
    ]);
  });

  it('marks markup attribute values and bare numbers as terms', () => {
    assert.deepStrictEqual(kinds('<tweet id="672138489358585856">Hello</tweet> and a "99.9" score.'), [
      ['672138489358585856', 'term'],
      ['99.9', 'term'],
    ]);
  });

  it('does not let a term pass a speaker on, nor inherit one', () => {
    const text = '"The vote is lost," Anna Berg said. Critics call it "the Berg doctrine." "We move on," she added.';
    const q = quotes(text);
    assert.strictEqual(q[1].kind, 'term');
    assert.strictEqual(q[1].speaker, null);
    assert.strictEqual(q[2].speaker, 'Anna Berg');
  });

  it('leaves terms out of quote clusters', () => {
    const a = 'He backed the "New Deal" once. "Prices will fall next year, not this one," Tom Ruiz said.';
    const b = 'Ruiz, who backed the "New Deal", repeated it: "Prices will fall next year, not this one," Tom Ruiz said.';
    const docs = [a, b].map((text, i) => ({ path: `d${i}.txt`, text, analysis: analyzeDocument(text) }));
    assert.ok(docs.every((d) => d.analysis.quotes.some((q) => q.kind === 'term')));
    const clusters = clusterQuotes(docs);
    assert.strictEqual(clusters.length, 1);
    assert.strictEqual(clusters[0].mentions.length, 2);
  });
});
