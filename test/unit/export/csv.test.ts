import * as assert from 'assert';
import { parse, type Options } from 'csv-parse/sync';
import { CSV_COLUMNS, exportCsv, exportWorkspace } from '../../../src/core/export';
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
    assert.strictEqual(text.split('\r\n')[0], CSV_COLUMNS.join(','), 'the header is the first CRLF record');
    const rows = parseCsv(text);
    assert.deepStrictEqual(rows[0], [...CSV_COLUMNS]);
    const all = sources.flatMap((s) => s.annotations.map((a) => ({ s, a })));
    assert.strictEqual(rows.length, 1 + all.length);
    all.forEach(({ s, a }, i) => {
      const r = rows[i + 1];
      assert.strictEqual(r[0], s.path);
      assert.strictEqual(Number(r[1]), a.target.start);
      assert.strictEqual(Number(r[2]), a.target.end);
      const unneutralised = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
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

  it('writes UTF-8, with a BOM only when asked', () => {
    const sources = sampleSources();
    const plain = exportWorkspace('csv', sources);
    const bom = exportWorkspace('csv', sources, { bom: true });
    assert.deepStrictEqual([...plain.data.slice(0, 3)], [...new TextEncoder().encode('sou')]);
    assert.deepStrictEqual([...bom.data.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.strictEqual(bom.data.length, plain.data.length + 3);
    assert.strictEqual(plain.extension, 'csv');
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bom.data);
    assert.deepStrictEqual(parseCsv(decoded), parseCsv(exportCsv(sources)));
    assert.ok(decoded.includes('😀') || decoded.includes('👍🏽'));
  });

  it('writes only the header for a workspace without annotations', () => {
    assert.strictEqual(exportCsv([{ path: 'x.txt', text: 'x', annotations: [] }]), CSV_COLUMNS.join(',') + '\r\n');
  });
});
