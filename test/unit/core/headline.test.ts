import * as assert from 'assert';
import { openingLine } from '../../../src/core/text/headline';

describe('the opening line of a source without a title (openingLine)', () => {
  it('drops the dateline agencies put first, so the label starts with the story', () => {
    assert.strictEqual(openingLine(' date 2017-01-28 (CNN) US President Donald Trump will speak Saturday.\n\nMore.'), 'US President Donald Trump will speak Saturday.');
    assert.strictEqual(openingLine(' (CNN) US President Donald Trump may be having his biggest day'), 'US President Donald Trump may be having his biggest day');
    assert.strictEqual(openingLine('WASHINGTON (Reuters) - The Senate voted on Friday.'), 'The Senate voted on Friday.');
    assert.strictEqual(openingLine('LONDON, Jan 5 (AP) — Fog closed the airport.'), 'Fog closed the airport.');
    assert.strictEqual(openingLine('(CNN) -- Rain fell.'), 'Rain fell.');
  });

  it('keeps lines without a dateline, headings without their marks, and a dateline alone', () => {
    assert.strictEqual(openingLine('President Donald Trump has scheduled five calls (CNN) today'), 'President Donald Trump has scheduled five calls (CNN) today');
    assert.strictEqual(openingLine('\n\n## Harbor City votes\nBody'), 'Harbor City votes');
    assert.strictEqual(openingLine('(CNN)\nBody'), '(CNN)');
    assert.strictEqual(openingLine('NATO (the alliance) met.'), 'NATO (the alliance) met.');
    assert.strictEqual(openingLine(''), '');
  });

  it('reads at most 400 characters of a long first line', () => {
    const line = 'A'.repeat(200_000) + ' (';
    assert.strictEqual(openingLine(line).length, 400);
  });
});
