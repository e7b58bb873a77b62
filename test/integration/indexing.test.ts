import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { api, until, workspaceUri } from './helpers';

/** Indexing a workspace too large to index unnoticed: progress, and what the views show after. */
describe('indexing: a larger workspace', () => {
  const dir = (): string => workspaceUri('bulk-indexing').fsPath;

  after(async () => {
    fs.rmSync(dir(), { recursive: true, force: true });
    await (await api()).index.reindex();
  });

  it('shows progress while indexing, then lists every source in the tree with its counts', async () => {
    const a = await api();
    fs.mkdirSync(dir(), { recursive: true });
    for (let i = 0; i < 60; i++) {
      const text = `Report ${i}\n\nGerman Chancellor Angela Merkel met officials in Berlin on day ${i}.\n\n"We will keep talking about trade number ${i}," Merkel told reporters.\n`;
      fs.writeFileSync(path.join(dir(), `doc-${String(i).padStart(2, '0')}.txt`), text);
    }
    await a.index.reindex();
    const total = a.index.size;
    assert.ok(total >= 60, `${total} sources`);
    assert.deepStrictEqual(a.index.lastProgress, { done: total, total }, 'the progress notification was reported up to the last source');

    const roots = await a.tree.getChildren();
    assert.strictEqual(roots.length, total);
    const bulk = roots.filter((r) => r.kind === 'source' && r.uri.includes('/bulk-indexing/'));
    assert.strictEqual(bulk.length, 60);
    const item = await a.tree.getTreeItem(bulk[7]);
    assert.match(String(item.description), /^[1-9]\d* entities · 1 quotes · 0 notes$/);

    // What spans sources comes from the worker: Merkel is one entity across all of them.
    const merkel = await until('the workspace entity', () => a.index.entity('Angela Merkel'));
    const keys = new Set(merkel.mentions.map((m) => m.key));
    assert.ok(keys.size >= 60, `${keys.size} sources mention her`);
    const quotes = await a.index.quotesBy('Angela Merkel', 1000);
    assert.ok(quotes.filter((q) => q.key.includes('/bulk-indexing/')).length === 60, `${quotes.length} quotes by her`);
  });
});
