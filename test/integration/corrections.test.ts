import * as assert from 'assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/extension/commandIds';
import { api, closeAll, hoverText, rangeOf, until, workspaceUri } from './helpers';

const NAME = 'corrections-source.txt';
const TEXT =
  'Theresa May met the President in May, when the talks began. "The talks went well," the spokesman said. ' +
  'Critics called it a "charm offensive" on Tuesday.\n';

describe('editor: corrections from the editor (speaker, not a quote, one mention)', () => {
  const uri = workspaceUri(NAME);
  const curation = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'source-annotator.curation.yaml');
  let saved: Uint8Array | undefined;

  before(async () => {
    const a = await api();
    saved = await vscode.workspace.fs.readFile(curation()).then(
      (b) => b,
      () => undefined,
    );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
    await a.index.reindex();
  });

  after(async () => {
    const a = await api();
    await closeAll();
    if (saved) await vscode.workspace.fs.writeFile(curation(), saved);
    else await vscode.workspace.fs.delete(curation()).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await a.curation.reload();
  });

  it('offers the corrections in the hover, and applies each one from the place the editor passes', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const quote = rangeOf(doc, 'The talks went well');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, quote.start.translate(0, 2));
    assert.match(hoverText(hovers), /command:sourceAnnotator\.correctSpeaker\?/);
    assert.match(hoverText(hovers), /command:sourceAnnotator\.notAQuote\?/);

    const at = (r: vscode.Range): { uri: string; offset: number } => ({ uri: uri.toString(), offset: doc.offsetAt(r.start) + 1 });
    assert.strictEqual(await vscode.commands.executeCommand(CommandIds.correctSpeaker, at(quote), 'Dmitry Peskov'), true);
    await until('the speaker applied', () => a.index.get(uri)?.analysis.quotes.find((q) => q.text.startsWith('The talks went well'))?.speaker === 'Dmitry Peskov' || undefined);

    const scare = rangeOf(doc, 'charm offensive');
    assert.ok(a.index.get(uri)!.analysis.quotes.some((q) => q.text === 'charm offensive'));
    assert.strictEqual(await vscode.commands.executeCommand(CommandIds.notAQuote, at(scare)), true);
    await until('no longer a quote', () => (a.index.get(uri)!.analysis.quotes.some((q) => q.text === 'charm offensive') ? undefined : true));

    const may = rangeOf(doc, 'May', 1);
    if (a.index.get(uri)!.analysis.entities.some((e) => e.start === doc.offsetAt(may.start))) {
      assert.strictEqual(await vscode.commands.executeCommand(CommandIds.correctMention, at(may), null), true);
      await until('that mention is no entity', () => (a.index.get(uri)!.analysis.entities.some((e) => e.start === doc.offsetAt(may.start)) ? undefined : true));
      assert.ok(a.index.get(uri)!.analysis.entities.some((e) => e.text === 'Theresa May'), 'the other May stays');
    }
    const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(curation()));
    assert.match(yaml, /speakers:/);
    assert.match(yaml, /notQuotes:/);
    // They survive re-analysis.
    await a.index.reindex();
    assert.strictEqual(a.index.get(uri)?.analysis.quotes.find((q) => q.text.startsWith('The talks went well'))?.speaker, 'Dmitry Peskov');
  });
});
