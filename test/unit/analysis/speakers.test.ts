import * as assert from 'assert';
import { analyzeDocument, type Quote } from '../../../src/core/analysis';

function quotes(text: string): Quote[] {
  return [...analyzeDocument(text).quotes];
}

describe('analysis/speakers', () => {
  it('attributes "X said" and "said X" after the quote, with the cue verb', () => {
    const q = quotes('Angela Merkel met Boris Johnson. "We will talk," Merkel said. "Agreed," said Johnson.');
    assert.strictEqual(q[0].speaker, 'Angela Merkel');
    assert.strictEqual(q[0].cue, 'said');
    assert.strictEqual(q[1].speaker, 'Boris Johnson');
  });

  it('attributes "X told reporters" and "according to X"', () => {
    const q = quotes('Kremlin spokesman Dmitry Peskov spoke. "Let us wait," Peskov told reporters. The deal is "dead", according to Reuters.');
    assert.strictEqual(q[0].speaker, 'Dmitry Peskov');
    assert.strictEqual(q[0].cue, 'told');
    assert.strictEqual(q[1].speaker, 'Reuters');
    assert.strictEqual(q[1].cue, 'according to');
  });

  it('attributes "X said:" before the quote', () => {
    const q = quotes('Prime Minister Theresa May addressed Parliament. May said: "Brexit means Brexit."');
    assert.strictEqual(q[0].speaker, 'Theresa May');
  });

  it('resolves "he said" to the nearest fitting person before, and "she" by gender', () => {
    const text = 'Chancellor Angela Merkel met President François Hollande in Berlin. Hollande was outspoken. "There are challenges," he said. Merkel declined to comment. "Based on these values, we cooperate," she said.';
    const q = quotes(text);
    assert.strictEqual(q[0].speaker, 'François Hollande');
    assert.strictEqual(q[1].speaker, 'Angela Merkel');
  });

  it('lets an unattributed quote inherit from the attributed quote just before', () => {
    const q = quotes('"We\'re looking to have a great relationship," Donald Trump said. "If we can, I\'m all for that."');
    assert.strictEqual(q[1].speaker, 'Donald Trump');
    assert.strictEqual(q[1].cue, null);
  });

  it('leaves a truly unattributed quote with a null speaker', () => {
    const q = quotes('The sign read "closed for renovation" all summer.');
    assert.strictEqual(q.length, 1);
    assert.strictEqual(q[0].speaker, null);
  });

  it('uses a description when no entity speaks ("a senior official said")', () => {
    const q = quotes('"The plan is not to lift sanctions," a senior administration official said.');
    assert.strictEqual(q[0].speaker, 'a senior administration official');
  });
});
