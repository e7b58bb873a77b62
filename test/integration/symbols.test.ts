import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension/main';
import { api, closeAll, CNN_A, CNN_B, OTHER, open, rangeOf, until, workspaceUri } from './helpers';
import { screenshot } from './screenshot';
import { visibleEntities, visibleQuotes } from './viewHelpers';

describe('symbols: Outline, Ctrl+T and the status bar', () => {
  let a: SourceAnnotatorApi;
  const added: Array<{ uri: vscode.Uri; id: string }> = [];

  before(async () => {
    a = await api();
  });

  after(async () => {
    for (const x of added) await a.annotations.delete(x.uri, x.id).catch(() => undefined);
    await closeAll();
  });

  it('the Outline of a source lists its quotes (speaker + first words) and annotations, in order', async () => {
    const editor = await open(CNN_A);
    const doc = editor.document;
    const r = rangeOf(doc, 'Vice-President Mike Pence');
    const note = await a.annotations.add(doc.uri, doc.offsetAt(r.start), doc.offsetAt(r.end), 'Pence joins the call\nsecond line', ['symbols-test']);
    added.push({ uri: doc.uri, id: note.id });

    let last: vscode.DocumentSymbol[] | undefined;
    const symbols = await until('document symbols with the annotation', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      last = s;
      return s?.some((x) => x.name === 'Pence joins the call') ? s : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}: got ${JSON.stringify(last?.map((x) => x.name))}`);
    });
    const quotes = symbols.filter((s) => s.kind === vscode.SymbolKind.String);
    assert.strictEqual(quotes.length, visibleQuotes(a, doc.uri));
    const shared = quotes.find((s) => s.name.startsWith('Donald Trump: “We\'re looking to have a great'));
    assert.ok(shared, symbols.map((s) => s.name).join('\n'));
    assert.match(shared.detail, /said · 2 sources/);
    assert.ok(shared.selectionRange.isEqual(rangeOf(doc, "We're looking to have a great relationship with all countries,")), JSON.stringify(shared.selectionRange));
    assert.ok(quotes.some((s) => s.name.startsWith('Angela Merkel: “')));
    const ann = symbols.find((s) => s.name === 'Pence joins the call')!;
    assert.strictEqual(ann.detail, '#symbols-test');
    assert.ok(ann.range.isEqual(r));
    const starts = symbols.map((s) => doc.offsetAt(s.selectionRange.start));
    assert.deepStrictEqual(starts, [...starts].sort((x, y) => x - y), 'in document order');

    await vscode.commands.executeCommand('outline.focus');
    await screenshot('outline', 1000);
  });

  it('Ctrl+T finds entities by name, one symbol per source at a mention', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Putin');
    const putin = found.filter((s) => s.name === 'Vladimir Putin');
    assert.deepStrictEqual(
      putin.map((s) => s.location.uri.toString()).sort(),
      [CNN_A, CNN_B, OTHER].map((n) => workspaceUri(n).toString()).sort(),
    );
    for (const s of putin) {
      const doc = await vscode.workspace.openTextDocument(s.location.uri);
      assert.match(doc.getText(s.location.range), /^(Vladimir )?Putin$/);
      assert.match(s.containerName, /^person · /);
    }
  });

  it('Ctrl+T finds entities by alias too', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Britain');
    const uk = found.find((s) => s.name === 'Britain (United Kingdom)');
    assert.ok(uk, found.map((s) => s.name).join(', '));
    const doc = await vscode.workspace.openTextDocument(uk.location.uri);
    assert.strictEqual(doc.getText(uk.location.range), 'Britain');
  });

  it('the status bar shows the counts of the active source, and hides for other files', async () => {
    await open(CNN_A);
    const entry = a.index.get(workspaceUri(CNN_A))!;
    const entities = visibleEntities(a, entry.uri);
    const notes = a.annotations.state(entry.uri)?.annotations.length ?? 0;
    const quotes = visibleQuotes(a, entry.uri);
    const text = await until('the status bar of seed 000', async () => {
      await a.statusBar.update();
      return a.statusBar.visible && a.statusBar.text.startsWith(`$(person) ${entities} `) ? a.statusBar.text : undefined;
    });
    assert.strictEqual(text, `$(person) ${entities} $(quote) ${quotes} $(note) ${notes}`);
    assert.match(a.statusBar.tooltip, new RegExp(`${quotes} quotes, \\d+ also quoted in other sources`));
    await screenshot('status-bar', 600);

    const other = await vscode.workspace.openTextDocument({ content: 'not a source', language: 'json' });
    await vscode.window.showTextDocument(other);
    await until('the status bar hidden for a non-source', () => !a.statusBar.visible);
  });
});
