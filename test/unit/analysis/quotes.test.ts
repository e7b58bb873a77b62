import * as assert from 'assert';
import { analyzeDocument } from '../../../src/core/analysis';
import { findQuotes } from '../../../src/core/analysis/quotes';

function quoteTexts(text: string): string[] {
  return findQuotes(text).map((q) => text.slice(q.start, q.end));
}

describe('analysis/quotes', () => {
  it('finds straight and curly quotes, without the marks', () => {
    assert.deepStrictEqual(quoteTexts('He said "hello there" and “goodbye now” twice.'), ['hello there', 'goodbye now']);
  });

  it('handles the broken style where ” both opens and closes (seed 001)', () => {
    const text = 'But he said it was ”too early” to act. ”We’re looking to have a great relationship,” Trump said. ”If we can, I’m all for that.”';
    assert.deepStrictEqual(quoteTexts(text), ['too early', 'We’re looking to have a great relationship,', 'If we can, I’m all for that.']);
  });

  it('keeps ‘…’ inside “…” as part of one quote', () => {
    assert.deepStrictEqual(quoteTexts('“They called it ‘a disgrace’ yesterday,” she said.'), ['They called it ‘a disgrace’ yesterday,']);
  });

  it('joins a quote that runs over paragraphs, each reopening and only the last closing', () => {
    const text = '“First paragraph of the speech.\n\n“Second paragraph of it.\n\n“And the end,” he said.\n\nAfter.';
    const qs = findQuotes(text);
    assert.strictEqual(qs.length, 1);
    assert.ok(text.slice(qs[0].start, qs[0].end).startsWith('First paragraph'));
    assert.ok(text.slice(qs[0].start, qs[0].end).endsWith('And the end,'));
  });

  it('never lets an unbalanced mark swallow the rest of the document', () => {
    const text = 'He said "this never closes.\n\nA new paragraph with "a real quote" inside.\n\nAnd more text.';
    assert.deepStrictEqual(quoteTexts(text), ['a real quote']);
    const flat = 'Opening " only ' + 'word '.repeat(50_000) + 'end.';
    for (const q of findQuotes(flat)) assert.ok(q.end - q.start <= 20_000);
  });

  it('finds short partial quotes inside a sentence', () => {
    const a = analyzeDocument('But Trump said it was "too early" to discuss sanctions.');
    assert.strictEqual(a.quotes.length, 1);
    assert.strictEqual(a.quotes[0].text, 'too early');
  });

  it('stays linear on hostile input (many marks, long runs)', () => {
    const hostile = '"“”'.repeat(100_000) + '‘’'.repeat(50_000) + '"a'.repeat(100_000);
    const qs = findQuotes(hostile);
    for (const q of qs) assert.ok(q.start < q.end && q.end <= hostile.length);
  });
});
