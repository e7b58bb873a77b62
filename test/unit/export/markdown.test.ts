import * as assert from 'assert';
import { exportMarkdown, exportWorkspace } from '../../../src/core/export';
import { sampleAnalysis, sampleSources } from './fixtures';

describe('export/markdown', () => {
  it('lists each source with its annotations: quote, note, tags, author and dates', () => {
    const md = exportMarkdown(sampleSources());
    assert.ok(md.startsWith('# Source Annotator report\n\n3 sources · 6 annotations · 5 tags\n'));
    assert.ok(md.includes('\n### news/a.txt\n'));
    assert.ok(md.includes('\n### dir with space/b é.md\n'));
    assert.ok(md.includes('\n### empty.txt\n\n_No annotations._\n'));
    assert.ok(md.includes('\n#### 1. Code points 36–53\n\n> we will cut taxes\n\nCheck **this** claim.\nSecond line'), md.slice(0, 600));
    assert.ok(md.includes('- **Tags:** `claim`, `economy`\n- **Author:** Ada Reporter\n- **Created:** 2026-11-20 09:15 UTC\n- **Modified:** 2026-11-20 10:00 UTC'));
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
    assert.ok(md.includes('### Entities\n\n| Entity | Type | Mentions | Sources |\n| --- | --- | ---: | ---: |\n| The Minister | PERSON | 1 | 1 |'));
    assert.ok(md.includes('| The Minister | we will cut taxes | news/a.txt | 36–53 |'), 'quote positions in code points');
    assert.ok(md.includes('| _unattributed_ | we will cut taxes | dir with space/b é.md |'));
    const shared = md.slice(md.indexOf('### Quotes shared across sources'));
    assert.ok(shared.includes('#### Shared quote 1\n\n> we will cut taxes\n\n- news/a.txt, code points 36–53, The Minister\n- dir with space/b é.md, code points'), shared);
    assert.ok(!shared.includes('Shared quote 2'), 'a cluster within one source is not shared');
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
