import * as assert from 'assert';
import { WorkspaceAnalysis, analyzeDocument, canonicalizeAcrossDocuments } from '../../../src/core/analysis';
import type { CurationRules } from '../../../src/core/curation/rules';

describe('analysis/workspace and curation', () => {
  it('gives a surname-only person the full name another document uses', () => {
    const docs = [
      { path: 'a.txt', analysis: analyzeDocument('Obama imposed sanctions. "It is regrettable," Obama said.') },
      { path: 'b.txt', analysis: analyzeDocument('President Barack Obama spoke in Chicago.') },
    ];
    const [a] = canonicalizeAcrossDocuments(docs);
    const obama = a.analysis.entities.filter((e) => e.text === 'Obama');
    assert.ok(obama.length >= 2);
    for (const e of obama) assert.strictEqual(e.entity, 'Barack Obama');
    assert.strictEqual(a.analysis.quotes[0].speaker, 'Barack Obama');
  });

  it('keeps the workspace names up to date as documents change', () => {
    const ws = new WorkspaceAnalysis();
    ws.setDocument('a.txt', 'On Monday, Obama spoke.');
    assert.strictEqual(ws.analysis('a.txt')!.entities.find((e) => e.text === 'Obama')?.entity, 'Obama');
    ws.setDocument('b.txt', 'Barack Obama arrived.');
    assert.strictEqual(ws.analysis('a.txt')!.entities.find((e) => e.text === 'Obama')?.entity, 'Barack Obama');
    // a second full name with the same surname makes it ambiguous: the answer remembered before is dropped
    ws.setDocument('c.txt', 'Michelle Obama arrived.');
    assert.strictEqual(ws.analysis('a.txt')!.entities.find((e) => e.text === 'Obama')?.entity, 'Obama');
    ws.removeDocument('c.txt');
    assert.strictEqual(ws.analysis('a.txt')!.entities.find((e) => e.text === 'Obama')?.entity, 'Barack Obama');
    ws.removeDocument('b.txt');
    assert.strictEqual(ws.analysis('a.txt')!.entities.find((e) => e.text === 'Obama')?.entity, 'Obama');
    assert.deepStrictEqual(ws.paths(), ['a.txt']);
  });

  it('applies curation rules: not-an-entity, forced type (adding missed mentions), merge and rename', () => {
    const text = 'Replay More Videos. Angela Merkel met Macron in Paris. "Good," Merkel said. Zorblax was there.';
    const rules: CurationRules = {
      notEntities: ['Paris'],
      types: [{ text: 'Zorblax', type: 'ORG' }, { text: 'Macron', type: 'PERSON' }],
      merges: [{ from: 'Macron', into: 'Emmanuel Macron' }],
      renames: [{ from: 'Angela Merkel', to: 'Dr. Angela Merkel' }],
    };
    const a = analyzeDocument(text, rules);
    assert.ok(!a.entities.some((e) => e.text === 'Paris'));
    const z = a.entities.find((e) => e.text === 'Zorblax');
    assert.strictEqual(z?.type, 'ORG');
    assert.strictEqual(text.slice(z.start, z.end), 'Zorblax');
    assert.strictEqual(a.entities.find((e) => e.text === 'Macron')?.entity, 'Emmanuel Macron');
    assert.strictEqual(a.entities.find((e) => e.text === 'Merkel')?.entity, 'Dr. Angela Merkel');
    assert.strictEqual(a.quotes[0].speaker, 'Dr. Angela Merkel');
  });
});
