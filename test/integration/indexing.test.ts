import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAll, hoverText, until, workspaceUri } from './helpers';

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
    assert.match(String(item.description), /^(?:.+ · )?[1-9]\d* entit(y|ies) · 1 quote · 0 notes$/);

    // What spans sources comes from the worker: Merkel is one entity across all of them.
    const merkel = await until('the workspace entity', () => a.index.entity('Angela Merkel'));
    const keys = new Set(merkel.mentions.map((m) => m.key));
    assert.ok(keys.size >= 60, `${keys.size} sources mention her`);
    const quotes = await a.index.quotesBy('Angela Merkel', 1000);
    assert.ok(quotes.filter((q) => q.key.includes('/bulk-indexing/')).length === 60, `${quotes.length} quotes by her`);
  });
});

/** A source glob beyond the defaults: indexed, watched on disk, and served by every provider whatever its language. */
describe('indexing: a source glob of the user\'s own', () => {
  const file = (): vscode.Uri => workspaceUri('clips/statement.log');
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceAnnotator');

  after(async () => {
    await closeAll();
    await config().update('sources.include', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(path.dirname(file().fsPath), { recursive: true, force: true });
  });

  it('indexes **/*.log when the setting says so, hovers it in its own language, and follows it on disk', async () => {
    const a = await api();
    fs.mkdirSync(path.dirname(file().fsPath), { recursive: true });
    fs.writeFileSync(file().fsPath, 'German Chancellor Angela Merkel spoke in Berlin.\n');
    assert.strictEqual(a.index.isSource(file()), false, 'not a source with the default globs');
    await config().update('sources.include', ['**/*.txt', '**/*.md', '**/*.log'], vscode.ConfigurationTarget.Workspace);
    const entry = await until('the .log source indexed', () => a.index.get(file()));
    assert.ok(entry.analysis.entities.some((m) => m.entity === 'Angela Merkel'));

    const doc = await vscode.workspace.openTextDocument(file());
    await vscode.window.showTextDocument(doc);
    assert.notStrictEqual(doc.languageId, 'plaintext', `a language of its own (${doc.languageId})`);
    const at = doc.positionAt(doc.getText().indexOf('Merkel') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /Angela Merkel/);

    // Changed on disk by another program, with no editor open on it: the watcher for the new glob picks it up.
    await closeAll();
    fs.writeFileSync(file().fsPath, 'French President Emmanuel Macron spoke in Paris.\n');
    await until('the change on disk followed', () => a.index.get(file())?.analysis.entities.some((m) => m.entity === 'Emmanuel Macron'), 20_000);
  });
});

/**
 * A folder moved in or deleted by another program (a file manager, `git checkout`, `rm -r`) is
 * reported by VS Code as the folder alone, which the include globs do not match.
 */
describe('indexing: folders moved in and deleted on disk', () => {
  const staging = (): string => workspaceUri('.staging-folder').fsPath;
  const movedIn = (): vscode.Uri => workspaceUri('moved-in');

  after(() => {
    fs.rmSync(staging(), { recursive: true, force: true });
    fs.rmSync(movedIn().fsPath, { recursive: true, force: true });
  });

  it('indexes the sources of a folder moved into the workspace, and drops them when the folder is deleted', async () => {
    const a = await api();
    fs.mkdirSync(path.join(staging(), 'inner'), { recursive: true });
    fs.writeFileSync(path.join(staging(), 'one.txt'), 'German Chancellor Angela Merkel spoke in Berlin.\n');
    fs.writeFileSync(path.join(staging(), 'inner', 'two.txt'), 'French President Emmanuel Macron spoke in Paris.\n');
    const one = vscode.Uri.joinPath(movedIn(), 'one.txt');
    const two = vscode.Uri.joinPath(movedIn(), 'inner', 'two.txt');
    // A dot-folder is excluded; renamed, its files become sources without any event of their own.
    fs.renameSync(staging(), movedIn().fsPath);
    await until('both sources of the moved folder indexed', () => (a.index.get(one) && a.index.get(two) ? true : undefined), 20_000);
    fs.rmSync(movedIn().fsPath, { recursive: true, force: true });
    await until('both sources gone with their folder', () => (a.index.get(one) || a.index.get(two) ? undefined : true), 20_000);
    const roots = await until('the Sources view without them', async () => {
      a.tree.refreshNow();
      const r = await a.tree.getChildren();
      return r.some((n) => n.kind === 'source' && n.uri.includes('/moved-in/')) ? undefined : r;
    });
    assert.ok(roots.length > 0, 'the other sources are still listed');
  });

  it('drops the sources of a deleted folder whose own path the include globs match ("corpus/**")', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('sourceAnnotator');
    const dir = workspaceUri('corpus/2024');
    const file = vscode.Uri.joinPath(dir, 'story.txt');
    await config.update('sources.include', ['**/*.txt', '**/*.md', 'corpus/**'], vscode.ConfigurationTarget.Workspace);
    try {
      fs.mkdirSync(dir.fsPath, { recursive: true });
      fs.writeFileSync(file.fsPath, 'German Chancellor Angela Merkel spoke in Berlin.\n');
      await until('the corpus source indexed', () => a.index.get(file), 20_000);
      // Deleted through VS Code's file system, whose watcher then reports the folder alone.
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await until('the corpus source gone with its folder', () => (a.index.get(file) ? undefined : true), 20_000);
    } finally {
      await config.update('sources.include', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(workspaceUri('corpus').fsPath, { recursive: true, force: true });
    }
  });
});
