import * as assert from 'assert';
import { Analyzer } from '../../../src/core/analysis';

describe('analysis/robustness', () => {
  it('analyses a generated 50 MB text, with unbalanced marks and long capitalised runs, and returns sane spans', function () {
    this.timeout(600_000);
    const para = [
      'President Maria Novak told reporters in Berlin that "the plan would cut costs," and Novak said: “We will see.',
      'ALL CAPS HEADLINE WITH NO END ' + 'Capital '.repeat(40),
      'an opening mark " that never closes and more words without punctuation ' + 'word '.repeat(30),
      'Ünïcödé Straße in München 😀 and 東京 were “mentioned” too.',
    ].join('\n\n');
    const parts: string[] = [];
    let size = 0;
    while (size < 50 * 1024 * 1024) {
      parts.push(para);
      size += para.length + 2;
    }
    const text = parts.join('\n\n');
    parts.length = 0;
    const a = new Analyzer().analyze(text);
    assert.ok(a.entities.length > 0 && a.quotes.length > 0);
    // spot-check spans (checking all of them would double the test's memory)
    const step = Math.max(1, Math.floor(a.entities.length / 1000));
    for (let i = 0; i < a.entities.length; i += step) {
      const e = a.entities[i];
      assert.ok(e.start >= 0 && e.end <= text.length && e.start < e.end);
      assert.strictEqual(text.slice(e.start, e.end), e.text);
    }
    for (let i = 0; i < a.quotes.length; i += Math.max(1, Math.floor(a.quotes.length / 1000))) {
      const q = a.quotes[i];
      assert.ok(q.end - q.start < 25_000, 'no quote swallows the document');
    }
  });

  it('returns empty results for whitespace and punctuation only', () => {
    const an = new Analyzer();
    for (const t of ['', ' ', '\n\n\r\n', '...!!!???', '""""', '“”„«»']) {
      const a = an.analyze(t);
      assert.deepStrictEqual(a.entities, []);
      assert.deepStrictEqual(a.quotes, []);
    }
  });
});
