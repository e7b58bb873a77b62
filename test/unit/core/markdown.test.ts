import * as assert from 'assert';
import { codeSpan, escapeMarkdown, inertMarkdown } from '../../../src/core/text/markdown';

describe('text/markdown: user content in rendered Markdown', () => {
  it('escapes every ASCII punctuation mark, so text forms no link, emphasis or autolink', () => {
    const s = '[x](command:a) <command:b> *em* `c` ![i](https://h/t.png) a_b';
    const e = escapeMarkdown(s);
    assert.ok(!/(^|[^\\])[[\]()<>*`!_]/.test(e), e);
    assert.strictEqual(e.replace(/\\(.)/g, '$1'), s, 'unescaped, it reads as written');
    assert.strictEqual(escapeMarkdown('a\nb\r\nc'), 'a b c');
  });

  it('puts text in a code span that shows it literally, backticks included', () => {
    assert.strictEqual(codeSpan('to-verify'), '`to-verify`');
    assert.strictEqual(codeSpan('a`b'), '``a`b``');
    assert.strictEqual(codeSpan('`x'), '`` `x ``');
    assert.strictEqual(codeSpan('a``b`'), '``` a``b` ```');
  });

  it('keeps a note as written but breaks every image form and shows raw HTML as text', () => {
    for (const img of ['![](https://h/t.png)', '![a][r]\n\n[r]: https://h/t.png', '![r]\n\n[r]: https://h/t.png', '! [x](https://h/t.png)']) {
      const out = inertMarkdown(img);
      assert.ok(!/!\s*\[/.test(out.replace(/\u200b/g, 'ZWSP')), out);
    }
    assert.strictEqual(inertMarkdown('<img src="https://h/t.png">'), '&lt;img src="https://h/t.png">');
    assert.strictEqual(inertMarkdown('**bold** and [a link](https://example.org)'), '**bold** and [a link](https://example.org)');
  });
});
