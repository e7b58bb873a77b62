import * as assert from 'assert';
import { analyzeDocument } from '../../../src/core/analysis';

/** `"ab cd" x ` repeated on one line, as in the report (many real articles are one line). */
function oneLine(bytes: number): string {
  return '"ab cd" x '.repeat(Math.ceil(bytes / 10));
}

describe('security: analysis of one-line texts', function () {
  // A 4 MB line took 31.6 s when each quote searched for the next newline to the end of the
  // text (quadratic); the speed per MB is in `npm run bench -- hostile`.
  this.timeout(20_000);

  it('analyses a one-line text of 4 MB of quotes, and finds every quote', () => {
    const text = oneLine(4_000_000);
    const a = analyzeDocument(text);
    assert.strictEqual(a.quotes.length, text.length / 10);
    assert.ok(a.quotes.every((q) => text.slice(q.start, q.end) === 'ab cd'));
  });

  it('attributes a quote on a one-line text as on the same text with line breaks', () => {
    const body = 'Intro text. "We will win this," Jane Smith said on Monday. Then more text. "It is over," said John Doe. ';
    const one = analyzeDocument(body.repeat(3));
    const lines = analyzeDocument(body.repeat(3).replace(/\. (?=Then)/g, '.\n'));
    assert.deepStrictEqual(
      one.quotes.map((q) => q.speaker),
      ['Jane Smith', 'John Doe', 'Jane Smith', 'John Doe', 'Jane Smith', 'John Doe'],
    );
    assert.deepStrictEqual(
      one.quotes.map((q) => q.speaker),
      lines.quotes.map((q) => q.speaker),
    );
  });
});
