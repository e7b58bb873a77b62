import * as assert from 'assert';
import { parse, type Options } from 'csv-parse/sync';
import type { AnnotatedSource } from '../../../src/core/annotations/model';
import { CSV_COLUMNS, exportCsv, exportWorkspace } from '../../../src/core/export';
import { neutralise } from '../../../src/core/export/csv';
import { annotate } from './fixtures';
import { OffsetMap, sliceCodePoints } from '../../../src/core/text/offsets';
import { sampleSources } from './fixtures';

function parseCsv(text: string): string[][] {
  const options: Options = { bom: true, relax_column_count: false };
  return parse(text, options);
}

describe('export/csv', () => {
  it('parses back with csv-parse: one row per annotation, RFC 4180 quoting, CRLF records', () => {
    const sources = sampleSources();
    const text = exportCsv(sources);
    assert.ok(text.endsWith('\r\n'));
    assert.strictEqual(text.split('\r\n')[0], CSV_COLUMNS.map((c) => `"${c}"`).join(','), 'the header is the first CRLF record');
    const rows = parseCsv(text);
    assert.deepStrictEqual(rows[0], [...CSV_COLUMNS]);
    const all = sources.flatMap((s) => s.annotations.map((a) => ({ s, a })));
    assert.strictEqual(rows.length, 1 + all.length);
    all.forEach(({ s, a }, i) => {
      const r = rows[i + 1];
      assert.strictEqual(r[0], s.path);
      assert.strictEqual(Number(r[1]), a.target.start);
      assert.strictEqual(Number(r[2]), a.target.end);
      const unneutralised = (v: string): string => (v.startsWith("'") && neutralise(v.slice(1)) !== v.slice(1) ? v.slice(1) : v);
      assert.strictEqual(unneutralised(r[3]), a.target.exact);
      assert.strictEqual(unneutralised(r[4]), a.note);
      assert.strictEqual(unneutralised(r[5]), a.tags.join('; '));
      assert.strictEqual(unneutralised(r[6]), a.author);
      assert.strictEqual(r[7], a.created);
      assert.strictEqual(r[8], a.modified);
    });
  });

  it('counts code points: start/end slice the exact text even after emoji and CRLF', () => {
    const sources = sampleSources();
    const rows = parseCsv(exportCsv(sources)).slice(1);
    for (const r of rows) {
      const src = sources.find((s) => s.path === r[0])!;
      const exact = sliceCodePoints(src.text, new OffsetMap(src.text), Number(r[1]), Number(r[2]));
      assert.strictEqual(r[3].replace(/^'(?=[=+\-@])/, ''), exact);
    }
    // The first annotation sits after one emoji: code points and UTF-16 differ by one.
    const first = sources[0].annotations[0];
    assert.strictEqual(sources[0].text.indexOf(first.target.exact), first.target.start + 1);
  });

  it('neutralises cells starting with =, +, -, @ so spreadsheets do not run formulas', () => {
    const rows = parseCsv(exportCsv(sampleSources())).slice(1);
    const byExact = new Map(rows.map((r) => [r[3], r]));
    const formula = byExact.get("'=SUM(A1)")!;
    assert.ok(formula, 'the =SUM cell is prefixed with an apostrophe');
    assert.strictEqual(formula[4], "'+cmd");
    assert.strictEqual(formula[5], "'=danger; claim");
    const minus = rows.find((r) => r[4].includes('point'))!;
    assert.strictEqual(minus[4], "'-1 point");
    assert.strictEqual(minus[6], "'@handle");
    for (const r of rows) for (const cell of r) assert.ok(!/^[=+\-@]/.test(cell), `cell ${cell} starts with a formula character`);
  });

  it('neutralises formulas after leading spaces, NBSP, line feeds, tabs, and in full-width forms', () => {
    const hostile = [' =1+1', '\u00A0=HYPERLINK("x")', '\n=cmd', '\t+1', '\r-1', '  @SUM(A1)', '＝1+1', '＋1', '－1', '＠x', '\u3000=1', '\u200B=1', '\uFEFF=1', '−1'];
    for (const h of hostile) assert.strictEqual(neutralise(h), `'${h}`, JSON.stringify(h));
    for (const ok of ['plain', 'a=b', '1+1', 'x @y', '', ' ', 'e-mail']) assert.strictEqual(neutralise(ok), ok, JSON.stringify(ok));
    const text = 'x'.repeat(40) + ' target ' + 'y'.repeat(40);
    const rows = parseCsv(exportCsv([{ path: 'h.txt', text, annotations: hostile.map((h, i) => annotate(text, 'target', { id: `a-${i}`, note: h, tags: [h.trim() === '' ? 'x' : h], author: h })) }])).slice(1);
    for (const r of rows) for (const i of [4, 5, 6]) assert.ok(r[i].startsWith("'"), `cell ${JSON.stringify(r[i])} is neutralised`);
  });

  it('quotes every field, so comma-, semicolon- and tab-separated readers keep every row at its column count', () => {
    const src = 'Tags; notes, and\ttabs "quoted" here.\n';
    const tricky: AnnotatedSource = {
      path: 'dir; with, separators\t.txt',
      text: src,
      annotations: [
        annotate(src, 'Tags; notes', { id: 'a-1', note: 'a; b, c\td\n- list; item', tags: ['person', 'vérifier', 'a,b'], author: 'Ann; Bo' }),
        annotate(src, 'and\ttabs', { id: 'a-2', note: '"q"; x', tags: [] }),
      ],
    };
    const text = exportCsv([...sampleSources(), tricky]);
    // Every field is quoted: each record is "…","…",… (a field holds no bare quote).
    assert.match(text, /^(?:"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*\r\n)+$/);
    const expected = parseCsv(text);
    for (const delimiter of [[','], [',', ';'], [',', '\t'], [',', ';', '\t']]) {
      const rows: string[][] = parse(text, { bom: true, delimiter, relax_column_count: true });
      assert.strictEqual(rows.length, expected.length);
      for (const r of rows) assert.strictEqual(r.length, CSV_COLUMNS.length, `${JSON.stringify(delimiter)}: ${JSON.stringify(r)}`);
      assert.deepStrictEqual(rows, expected, JSON.stringify(delimiter));
    }
    const last = expected[expected.length - 1];
    assert.strictEqual(last[0], tricky.path);
    assert.strictEqual(expected[expected.length - 2][5], 'person; vérifier; a,b');
  });

  it('writes UTF-8, with a BOM only when asked', () => {
    const sources = sampleSources();
    const plain = exportWorkspace('csv', sources);
    const bom = exportWorkspace('csv', sources, { bom: true });
    assert.deepStrictEqual([...plain.data.slice(0, 3)], [...new TextEncoder().encode('"so')]);
    assert.deepStrictEqual([...bom.data.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.strictEqual(bom.data.length, plain.data.length + 3);
    assert.strictEqual(plain.extension, 'csv');
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bom.data);
    assert.deepStrictEqual(parseCsv(decoded), parseCsv(exportCsv(sources)));
    assert.ok(decoded.includes('😀') || decoded.includes('👍🏽'));
  });

  it('writes only the header for a workspace without annotations', () => {
    assert.strictEqual(exportCsv([{ path: 'x.txt', text: 'x', annotations: [] }]), CSV_COLUMNS.map((c) => `"${c}"`).join(',') + '\r\n');
  });
});
