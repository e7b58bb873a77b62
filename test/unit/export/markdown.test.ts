import * as assert from 'assert';
import { exportMarkdown, exportWorkspace } from '../../../src/core/export';
import MarkdownIt from 'markdown-it';
import { annotate, sampleAnalysis, sampleSources } from './fixtures';

/** GitHub-like rendering: CommonMark with raw HTML allowed (GitHub then sanitises; we must not rely on that). */
function render(md: string): string {
  return new MarkdownIt({ html: true, linkify: true }).render(md);
}

describe('export/markdown', () => {
  it('lists each source with its annotations: quote, note, tags, author and dates', () => {
    const md = exportMarkdown(sampleSources());
    assert.ok(md.startsWith('# Source Annotator report\n\n3 sources · 6 annotations · 5 tags\n'));
    assert.ok(md.includes('\n### news/a.txt\n'));
    assert.ok(md.includes('\n### dir with space/b é.md\n'));
    assert.ok(md.includes('\n### 1 source without annotations\n\n- empty.txt\n'));
    assert.ok(md.includes('\n#### 1. [Line 2](<news/a.txt#L2>)\n\n> we will cut taxes\n'), md.slice(0, 600));
    assert.ok(md.includes('- **Tags:** `claim`, `economy`\n- **Author:** Ada Reporter\n- **Created:** 2026-11-20 09:15 UTC\n- **Modified:** 2026-11-20 10:00 UTC\n- **Position:** code points 36–53\n\n**Note:**\n\nCheck **this** claim.  \nSecond line'));
    assert.ok(!md.includes('\r'), 'LF only');
    // Annotations are listed by position within a source.
    const order = ['we will cut taxes', 'today.', '👍🏽 Crowd cheered', '=SUM(A1)'].map((t) => md.indexOf(`> ${t.replace('=', '\\=')}`));
    assert.deepStrictEqual([...order].sort((a, b) => a - b), order);
    assert.ok(order.every((i) => i > 0), String(order));
  });

  it('shows source text literally: Markdown, HTML and multi-line quotes are escaped', () => {
    const md = exportMarkdown(sampleSources());
    assert.ok(md.includes('> today.\\\n> 👍🏽'), 'a line break inside a quote is a hard break in the same blockquote');
    assert.ok(md.includes('> \\=SUM(A1)'));
    const src = { path: 'x.md', text: '', annotations: [] };
    const hostile = exportMarkdown([
      { ...src, text: 'a', annotations: [{ id: 'a-1', target: { exact: '# not a heading *bold* <script>alert(1)</script> [link](http://x) | pipe &copy;', prefix: '', suffix: '', start: 0, end: 1 }, note: '', tags: ['a`b'], author: '<b>x</b>', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' }] },
    ]);
    assert.ok(hostile.includes('> \\# not a heading \\*bold\\* \\<script\\>alert(1)\\</script\\> \\[link\\](http://x) \\| pipe &amp;copy;'), hostile);
    assert.ok(hostile.includes('- **Tags:** ``a`b``'));
    assert.ok(hostile.includes('- **Author:** \\<b\\>x\\</b\\>'));
  });

  it('summarises tags, and entities and quotes when the analysis is given, with quotes shared across sources', () => {
    const sources = sampleSources();
    const noAnalysis = exportMarkdown(sources);
    assert.ok(noAnalysis.includes('## Summary\n\n### Tags\n\n| Tag | Annotations | Sources |\n| --- | ---: | ---: |\n| claim | 3 | 2 |'), noAnalysis.slice(noAnalysis.indexOf('## Summary')));
    assert.ok(noAnalysis.includes('_The sources were not analysed for this report._'));
    const sample = sampleAnalysis(sources);
    const a = sources[0].text;
    const md = exportMarkdown(sources, {
      analysis: {
        byPath: sample.byPath,
        clusters: [...sample.clusters, { id: 'q2', mentions: [{ path: sources[0].path, ...sample.at(a, 'we will cut taxes') }] }],
      },
    });
    assert.ok(md.includes('| The Minister | we will cut taxes | news/a.txt | 36–53 |'), 'quote positions in code points');
    assert.ok(md.includes('| _unattributed_ | we will cut taxes | dir with space/b é.md |'));
    const shared = md.slice(md.indexOf('### Quotes shared across sources'));
    assert.ok(shared.includes('#### Shared quote 1\n\n> we will cut taxes\n\n- news/a.txt, code points 36–53, The Minister\n- dir with space/b é.md, code points'), shared);
    assert.ok(!shared.includes('Shared quote 2'), 'a cluster within one source is not shared');
  });

  describe('rendered by markdown-it (CommonMark)', () => {
    const text = 'Line one.\r\nLine two has "the claim" here.\r\nLine three.\r\n';
    const note = (n: string, id = 'a-1'): string => exportMarkdown([{ path: 'dir é/src 1.txt', text, annotations: [annotate(text, 'the claim', { id, note: n, tags: ['t'] })] }]);

    it('a note ending in a list stays apart from the metadata list, and its line breaks are kept', () => {
      const html = render(note('First line\nsecond line\n\n- item one\n- item two'));
      assert.match(html, /<p>First line<br>\s*second line<\/p>/);
      assert.match(html, /<ul>\s*<li>item one<\/li>\s*<li>item two<\/li>\s*<\/ul>/, 'the note list holds its two items only');
      assert.match(html, /<li><strong>Tags:<\/strong> <code>t<\/code><\/li>/);
      const lists = html.match(/<ul>[\s\S]*?<\/ul>/g) ?? [];
      assert.strictEqual(lists.length, 2);
      assert.ok(!lists[1].includes('Tags:') && lists[0].includes('Tags:'), 'metadata list first, the note list separate');
    });

    it('raw HTML in a note is neutralised: a comment hides nothing, no script, no remote image', () => {
      const hostile = '<!-- hide the rest\n<script>alert(1)</script> <img src="https://evil.example/t.png">\n![pixel](https://evil.example/p.png) ![ref][r]\n\n[r]: https://evil.example/r.png\n```\nunclosed fence';
      const md = exportMarkdown([
        { path: 'a.txt', text, annotations: [annotate(text, 'the claim', { id: 'a-1', note: hostile }), annotate(text, 'Line three', { id: 'a-2', note: 'after', tags: ['later'] })] },
      ]);
      const html = render(md);
      assert.ok(!/<script|<img|<!--/i.test(html), html);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'shown as text');
      assert.ok(html.includes('<a href="https://evil.example/p.png">pixel</a>'), 'an image becomes a link');
      assert.match(html, /<h4>2\. <a href="a.txt#L3">Line 3<\/a><\/h4>/, 'the next annotation is still a heading');
      assert.match(html, /<h2>Summary<\/h2>/, 'the summary is still there');
      const code = render(note('Write `<b>` or `` ![x](y) `` to show them'));
      assert.ok(code.includes('<code>&lt;b&gt;</code>') && code.includes('<code>![x](y)</code>'), 'code spans are left as written');
    });

    it('headings give the line and a relative link; the offsets stay in the text', () => {
      const md = note('x');
      const html = render(md);
      assert.match(html, /<h4>1\. <a href="dir%20%C3%A9\/src%201.txt#L2">Line 2<\/a><\/h4>/);
      assert.match(html, /<li><strong>Position:<\/strong> code points 25–34<\/li>/);
      const multi = render(exportMarkdown([{ path: 'b.txt', text, annotations: [annotate(text, 'here.\r\nLine three', { id: 'a-9' })] }]));
      assert.match(multi, /<a href="b.txt#L2-L3">Lines 2–3<\/a>/);
    });
  });

  it('summaries cover every source given, and role phrases are never listed as entities', () => {
    const sources = sampleSources();
    const { byPath, clusters } = sampleAnalysis(sources);
    const md = exportMarkdown(sources, { analysis: { byPath, clusters } });
    assert.ok(!md.includes('| The Minister | PERSON |'), 'a role mention ("minister") is no entity');
    assert.ok(md.includes('### Entities\n\n_No entities detected._'));
    // The shared quote is found although the second source holds no annotation of its own.
    const unannotated = [sources[0], { ...sources[1], annotations: [] }];
    const shared = render(exportMarkdown(unannotated, { analysis: { byPath, clusters } }));
    assert.match(shared, /<h4>Shared quote 1<\/h4>/);
    assert.ok(!shared.includes('No quote appears in more than one source'));
  });

  it('is UTF-8 bytes with the md extension through exportWorkspace', () => {
    const r = exportWorkspace('md', sampleSources());
    assert.strictEqual(r.extension, 'md');
    assert.match(r.mime, /^text\/markdown/);
    assert.ok(new TextDecoder('utf-8', { fatal: true }).decode(r.data).includes('👍🏽 Crowd cheered'));
  });
});

describe('export/exportWorkspace', () => {
  it('reports progress per source for every format and names the file type', () => {
    const expected: Record<string, string> = { md: 'md', csv: 'csv', w3c: 'jsonld', qdpx: 'qdpx', qdc: 'qdc' };
    for (const format of ['md', 'csv', 'w3c', 'qdpx', 'qdc'] as const) {
      const calls: Array<[number, number]> = [];
      const r = exportWorkspace(format, sampleSources(), { onProgress: (done, total) => calls.push([done, total]) });
      assert.strictEqual(r.extension, expected[format]);
      assert.ok(r.data.length > 0);
      assert.ok(calls.length >= 1, format);
      assert.deepStrictEqual(calls[calls.length - 1], [3, 3], format);
    }
  });
});
