import * as assert from 'assert';
import type { Annotation } from '../../../src/core/annotations/model';
import { insertAnnotation, parseSidecar, readSidecarFast, renderSidecar, updateAnnotation } from '../../../src/core/store/sidecar';

const FILE = `# kept comment
version: 1
annotations:
  - id: a-1
    target: { exact: taxes, prefix: "", suffix: "", start: 4, end: 9 }
    note: "alice's"   # a comment on an untouched entry
    tags: [claim]
    author: alice
    created: 2026-11-30T10:00:00.000Z
    modified: 2026-11-30T10:00:00.000Z
  - id: a-2
    target: { exact: taxes will, prefix: "", suffix: "", start: 4, end: 14 }
    note: ""
    tags: [claim]
    author: bob
    created: 2026-11-30T10:00:00.000Z
    modified: 2026-11-30T10:00:00.000Z
`;

describe('sidecar: the adjudicated field', () => {
  const adjudicated: Annotation = {
    id: 'a-3',
    target: { exact: 'taxes', prefix: '', suffix: '', start: 4, end: 9 },
    note: 'settled',
    tags: ['claim'],
    author: 'judge',
    created: '2026-11-30T12:00:00.000Z',
    modified: '2026-11-30T12:00:00.000Z',
    adjudicated: { from: ['a-1', 'a-2'], by: 'judge', at: '2026-11-30T12:00:00.000Z' },
  };

  it('is written after the other fields, keeps every other entry byte for byte, and reads back the same with both readers', () => {
    const parsed = parseSidecar(FILE);
    assert.ok(parsed.ok);
    const doc = parsed.sidecar.doc.clone();
    insertAnnotation(doc, adjudicated);
    const { text, parsed: back } = renderSidecar({ text: FILE, doc: parsed.sidecar.doc }, doc, false);
    assert.ok(text.startsWith(FILE.split('  - id: a-2')[0]), 'the comment and the untouched entry keep their bytes');
    assert.ok(text.includes(FILE.slice(FILE.indexOf('  - id: a-2'))), 'and so does the other one');
    assert.match(text, /adjudicated:\n {6}from: \[ a-1, a-2 \]\n {6}by: judge\n {6}at: 2026-11-30T12:00:00.000Z\n/);
    assert.ok(back.ok);
    const full = back.sidecar.annotations.find((a) => a.id === 'a-3');
    assert.deepStrictEqual(full, adjudicated);
    assert.deepStrictEqual(readSidecarFast(text)?.annotations.find((a) => a.id === 'a-3'), adjudicated);
    assert.strictEqual(back.sidecar.annotations.find((a) => a.id === 'a-1')?.adjudicated, undefined);

    // an update that does not touch it leaves it; removing it removes the key
    const doc2 = back.sidecar.doc.clone();
    updateAnnotation(doc2, { ...adjudicated, note: 'settled again' });
    const r2 = renderSidecar({ text, doc: back.sidecar.doc }, doc2, false);
    assert.ok(r2.parsed.ok);
    assert.deepStrictEqual(r2.parsed.sidecar.annotations.find((a) => a.id === 'a-3')?.adjudicated, adjudicated.adjudicated);
    const { adjudicated: _gone, ...plain } = adjudicated;
    const doc3 = back.sidecar.doc.clone();
    updateAnnotation(doc3, plain);
    const r3 = renderSidecar({ text, doc: back.sidecar.doc }, doc3, false);
    assert.ok(!r3.text.includes('adjudicated:'));
  });

  it('refuses a malformed record with line and column, and the fast reader declines it', () => {
    const bad = (block: string): string => `${FILE}  - id: a-3
    target: { exact: taxes, prefix: "", suffix: "", start: 4, end: 9 }
    author: judge
    created: 2026-11-30T12:00:00.000Z
    modified: 2026-11-30T12:00:00.000Z
${block}`;
    const cases: Array<[string, RegExp]> = [
      ['    adjudicated: yes\n', /`adjudicated` must be a mapping/],
      ['    adjudicated:\n      from: []\n      by: judge\n      at: 2026-11-30T12:00:00.000Z\n', /`adjudicated.from` must be a non-empty list/],
      ['    adjudicated:\n      from: [ "bad id!" ]\n      by: judge\n      at: 2026-11-30T12:00:00.000Z\n', /each id in `adjudicated.from`/],
      ['    adjudicated:\n      from: [ a-1 ]\n      at: yesterday\n', /missing required key 'by'|`adjudicated.at` must be an ISO 8601/],
      ['    adjudicated:\n      from: [ a-1 ]\n      by: judge\n      at: 2026-11-30T12:00:00.000Z\n      extra: 1\n', /unknown key 'extra'/],
    ];
    for (const [block, message] of cases) {
      const text = bad(block);
      const r = parseSidecar(text);
      assert.ok(!r.ok, block);
      assert.ok(r.issues.some((i) => message.test(i.message) && i.line > 18), `${block}: ${JSON.stringify(r.issues)}`);
      assert.strictEqual(readSidecarFast(text), undefined, block);
    }
  });
});
