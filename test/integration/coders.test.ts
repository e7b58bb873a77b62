import * as assert from 'assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/extension/commandIds';
import type { SourceAnnotatorApi } from '../../src/extension/main';
import type { TreeNode } from '../../src/extension/features/tree/nodes';
import { api, closeAll, CNN_B, hoverText, open, rangeOf, until, workspaceUri } from './helpers';
import { canDriveBrowser, quickInputFocused, screenshot, typeKeys } from './screenshot';

/** The settings these tests change, put back afterwards. */
async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('sourceAnnotator').update(key, value, vscode.ConfigurationTarget.Global);
}

function shownSetting(): string[] {
  return vscode.workspace.getConfiguration('sourceAnnotator').get<string[]>('coders.shown', []);
}

describe('coders: show, colour and group annotations by coder', () => {
  let a: SourceAnnotatorApi;
  let amal: { uri: vscode.Uri; id: string; range: vscode.Range };
  let bob: { uri: vscode.Uri; id: string; range: vscode.Range };

  /** Two coders annotate CNN_B: the author setting names the coder, as on two colleagues' machines. */
  before(async () => {
    a = await api();
    const editor = await open(CNN_B);
    const doc = editor.document;
    const add = async (author: string, words: string): Promise<{ uri: vscode.Uri; id: string; range: vscode.Range }> => {
      await setting('author', author);
      const range = rangeOf(doc, words);
      const made = await a.annotations.add(doc.uri, doc.offsetAt(range.start), doc.offsetAt(range.end), `${author}'s note`, [`by-${author.toLowerCase()}`]);
      assert.strictEqual(made.author, author);
      return { uri: doc.uri, id: made.id, range };
    };
    amal = await add('Amal', 'Shinzo Abe');
    bob = await add('Bob', 'White House');
    await setting('author', undefined);
    await until('both coders counted', () => (a.coders.counts().has('Amal') && a.coders.counts().has('Bob') ? true : undefined));
  });

  after(async () => {
    for (const x of [amal, bob]) if (x) await a.annotations.delete(x.uri, x.id).catch(() => undefined);
    await setting('author', undefined);
    await setting('coders.shown', undefined);
    await setting('tree.groupAnnotationsBy', undefined);
    await closeAll();
  });

  it('colours each coder\'s annotations in the coder\'s colour when several coders are shown, and the hover names the coder', async () => {
    await vscode.commands.executeCommand(CommandIds.showCoders, ['Amal', 'Bob']);
    assert.deepStrictEqual(shownSetting(), ['Amal', 'Bob']);
    const editor = await open(CNN_B);
    const amalColour = a.coders.colourOf('Amal');
    const bobColour = a.coders.colourOf('Bob');
    assert.notStrictEqual(amalColour.slot, bobColour.slot, 'two coders, two colours');
    const snap = await until('per-coder highlights', () => {
      const s = a.decorations.snapshot(editor.document.uri);
      return s?.[`coder${amalColour.slot + 1}`]?.length && s[`coder${bobColour.slot + 1}`]?.length ? s : undefined;
    });
    assert.deepStrictEqual(snap[`coder${amalColour.slot + 1}`]!.map((r) => r.isEqual(amal.range)), [true], 'Amal\'s annotation in her colour, and nothing else');
    assert.deepStrictEqual(snap[`coder${bobColour.slot + 1}`]!.map((r) => r.isEqual(bob.range)), [true]);
    assert.ok(!snap.ANNOTATION?.length, 'no annotation in the single-coder yellow');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, amal.range.start.translate(0, 1)));
    assert.match(hover, new RegExp(`\\*\\*Annotation\\*\\* by \\*\\*Amal\\*\\* \\(${amalColour.name}\\)`));
    // The Legend lists the coders with their colours.
    const legend = a.legend.coderEntries();
    const amalEntry = legend.find((e) => e.coder === 'Amal');
    assert.ok(amalEntry, legend.map((e) => e.label).join(', '));
    assert.strictEqual(amalEntry.color, amalColour.foreground);
    assert.match(amalEntry.description, new RegExp(amalColour.name));
    // The picture: the two coders' colours alone (entity and quote highlights off for it).
    editor.selection = new vscode.Selection(amal.range.start, amal.range.start);
    editor.revealRange(amal.range, vscode.TextEditorRevealType.InCenter);
    await setting('layers.entities', false);
    await setting('layers.quotes', false);
    try {
      await screenshot('coders-colours');
    } finally {
      await setting('layers.entities', undefined);
      await setting('layers.quotes', undefined);
    }
  });

  it('Show Coders, driven by typed keys, hides a coder everywhere in the editor and shows them again', async function () {
    if (!canDriveBrowser()) this.skip();
    await vscode.commands.executeCommand(CommandIds.showCoders, ['Amal', 'Bob']);
    const editor = await open(CNN_B);
    const uri = editor.document.uri;
    // Uncheck Bob: type to find him, Down to his row, Space unchecks, Enter applies.
    const hide = vscode.commands.executeCommand<string[] | undefined>(CommandIds.showCoders);
    await typeKeys(quickInputFocused('Show Coders'), { type: 'Bob' }, { press: 'ArrowDown' }, { press: 'Space' });
    await screenshot('coders-quick-pick', 300);
    await typeKeys({ press: 'Enter' });
    assert.deepStrictEqual(await hide, ['Amal']);
    assert.deepStrictEqual(shownSetting(), ['Amal']);
    // One coder shown: the usual annotation colour, Amal's only.
    const snap = await until('only Amal highlighted', () => {
      const s = a.decorations.snapshot(uri);
      return s?.ANNOTATION?.length === 1 && Object.keys(s).every((k) => !k.startsWith('coder')) ? s : undefined;
    });
    assert.ok(snap.ANNOTATION![0].isEqual(amal.range));
    const overBob = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, bob.range.start.translate(0, 1)));
    assert.doesNotMatch(overBob, /Annotation/, 'a hidden coder\'s annotation has no hover');
    // The Outline follows once the provider is registered again (VS Code caches a document's
    // symbols by its version and providers; the filter change re-registers ours, 100 ms later).
    const symbols = await until('the Outline lists Amal\'s annotation only', async () => {
      const syms = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return syms.some((s) => s.name.startsWith("Amal's note")) && !syms.some((s) => s.name.startsWith("Bob's note")) ? syms : undefined;
    });
    assert.ok(symbols.length > 0);
    // The status bar and the Sources view say a filter is on; the view lists Amal's annotation only.
    await a.statusBar.update();
    assert.match(a.statusBar.text, /\$\(filter\)/);
    assert.match(a.statusBar.tooltip, /Showing the annotations of Amal only/);
    a.tree.refreshNow();
    await until('the view describes the coder filter', () => (a.tree.treeView.description === 'coders: Amal' ? true : undefined));
    const src = (await a.tree.getChildren()).find((n) => n.kind === 'source' && n.uri === uri.toString())!;
    const group = (await a.tree.getChildren(src)).find((n) => n.kind === 'group' && n.group === 'annotations')!;
    const tags = await a.tree.getChildren(group);
    assert.ok(tags.some((t) => t.kind === 'tag' && t.tag === 'by-amal') && !tags.some((t) => t.kind === 'tag' && t.tag === 'by-bob'));
    // Delete without arguments acts on a shown annotation only: with the cursor in Bob's, nothing is deleted.
    editor.selection = new vscode.Selection(bob.range.start.translate(0, 1), bob.range.start.translate(0, 1));
    assert.strictEqual(await vscode.commands.executeCommand(CommandIds.deleteAnnotation), undefined);
    assert.ok(a.annotations.find(uri, bob.id), 'Bob\'s annotation is still there');

    // Check Bob again by keys.
    const show = vscode.commands.executeCommand<string[] | undefined>(CommandIds.showCoders);
    await typeKeys(quickInputFocused('Show Coders'), { type: 'Bob' }, { press: 'ArrowDown' }, { press: 'Space' }, { press: 'Enter' });
    const both = await show;
    // Everyone checked writes [] (everyone); here that is Amal and Bob, or more when other tests left coders.
    assert.ok(both && (both.length === 0 ? a.coders.counts().size === 2 : both.join() === 'Amal,Bob'), JSON.stringify(both));
    await until('both coders highlighted again', () => {
      const s = a.decorations.snapshot(uri);
      return s?.[`coder${a.coders.colourOf('Bob').slot + 1}`]?.length ? true : undefined;
    });
  });

  it('groups the annotations of a source by coder in the Sources view, in the coders\' colours', async () => {
    await vscode.commands.executeCommand(CommandIds.showCoders, ['Amal', 'Bob']);
    await vscode.commands.executeCommand(CommandIds.groupAnnotationsByCoder);
    assert.strictEqual(vscode.workspace.getConfiguration('sourceAnnotator').get('tree.groupAnnotationsBy'), 'coder');
    const uri = workspaceUri(CNN_B).toString();
    const coderNodes = await until('coder groups', async () => {
      a.tree.refreshNow();
      const src = (await a.tree.getChildren()).find((n) => n.kind === 'source' && n.uri === uri)!;
      const group = (await a.tree.getChildren(src)).find((n) => n.kind === 'group' && n.group === 'annotations')!;
      const kids = await a.tree.getChildren(group);
      return kids.length > 0 && kids.every((k) => k.kind === 'coder') ? kids : undefined;
    });
    assert.deepStrictEqual(coderNodes.map((n) => n.kind === 'coder' && n.coder), ['Amal', 'Bob']);
    const amalItem = await a.tree.getTreeItem(coderNodes[0]);
    assert.strictEqual(amalItem.label, 'Amal');
    assert.strictEqual(amalItem.description, '1');
    assert.strictEqual(amalItem.contextValue, 'coder');
    assert.strictEqual(((amalItem.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, a.coders.colourOf('Amal').foreground);
    const notes: TreeNode[] = await a.tree.getChildren(coderNodes[1]);
    assert.deepStrictEqual(notes.map((n) => n.kind === 'annotation' && n.id), [bob.id]);
    await vscode.commands.executeCommand('sourceAnnotator.sources.focus');
    for (const n of coderNodes) await a.tree.treeView.reveal(n, { expand: true, select: false });
    await screenshot('coders-tree');
    await vscode.commands.executeCommand(CommandIds.groupAnnotationsByTag);
    await until('grouped by tag again', async () => {
      a.tree.refreshNow();
      const src = (await a.tree.getChildren()).find((n) => n.kind === 'source' && n.uri === uri)!;
      const group = (await a.tree.getChildren(src)).find((n) => n.kind === 'group' && n.group === 'annotations')!;
      const kids = await a.tree.getChildren(group);
      return kids.length > 0 && kids.every((k) => k.kind === 'tag') ? true : undefined;
    });
  });
});
