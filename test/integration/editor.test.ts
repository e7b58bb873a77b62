import * as assert from 'assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/extension/commandIds';
import { api, closeAll, CNN_A, CNN_B, hoverText, open, rangeOf, until } from './helpers';
import { screenshot } from './screenshot';

describe('editor: highlights, hovers, quote mentions', () => {
  after(closeAll);

  it('decorates entities by type and quotes at the expected ranges', async () => {
    const a = await api();
    const editor = await open(CNN_A);
    const doc = editor.document;
    const snap = await until('decorations of seed 000', () => {
      const s = a.decorations.snapshot(doc.uri);
      return s?.PERSON && s.QUOTE ? s : undefined;
    });
    const trump = rangeOf(doc, 'Donald Trump');
    assert.ok(snap.PERSON!.some((r) => r.isEqual(trump)), 'the first "Donald Trump" is a PERSON highlight');
    const putin = rangeOf(doc, 'Vladimir Putin');
    assert.ok(snap.PERSON!.some((r) => r.isEqual(putin)), '"Vladimir Putin" is a PERSON highlight');
    const russia = rangeOf(doc, 'Russia', 0);
    assert.ok(snap.LOC?.some((r) => r.isEqual(russia)), '"Russia" of "Russia\'s" is a LOC highlight');
    const quote = rangeOf(doc, 'see what happens');
    assert.ok(snap.QUOTE!.some((r) => r.contains(quote)), 'the quote "We\'ll see what happens" is highlighted');
    assert.ok(!snap.QUOTE!.some((r) => r.contains(rangeOf(doc, 'Trump said of the call'))), 'the attribution is not part of the quote');
    await screenshot('highlights');
  });

  it('toggles a layer by command and setting', async () => {
    const a = await api();
    const editor = await open(CNN_A);
    await vscode.commands.executeCommand(CommandIds.toggleEntities);
    try {
      await until('entity highlights off', () => {
        const s = a.decorations.snapshot(editor.document.uri);
        return s && !s.PERSON && s.QUOTE ? true : undefined;
      });
      assert.strictEqual(vscode.workspace.getConfiguration('sourceAnnotator').get('layers.entities'), false);
    } finally {
      await vscode.commands.executeCommand(CommandIds.toggleEntities);
    }
    await until('entity highlights back on', () => a.decorations.snapshot(editor.document.uri)?.PERSON);
  });

  it('toggles a layer set in the workspace settings there, so the toggle is never shadowed', async () => {
    const a = await api();
    const editor = await open(CNN_A);
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceAnnotator');
    await config().update('layers.quotes', true, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand(CommandIds.toggleQuotes);
      assert.strictEqual(config().inspect('layers.quotes')?.workspaceValue, false, 'written where the value came from');
      assert.strictEqual(config().inspect('layers.quotes')?.globalValue, undefined, 'the user settings are left alone');
      await until('quote highlights off', () => {
        const s = a.decorations.snapshot(editor.document.uri);
        return s && !s.QUOTE && s.PERSON ? true : undefined;
      });
      await vscode.commands.executeCommand(CommandIds.toggleQuotes);
      assert.strictEqual(config().get('layers.quotes'), true);
    } finally {
      await config().update('layers.quotes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('quote highlights back on', () => a.decorations.snapshot(editor.document.uri)?.QUOTE);
  });

  it('shows hovers and CodeLenses only for what is highlighted: layers, entity types and minimum quote length apply', async () => {
    const a = await api();
    const editor = await open(CNN_A);
    const doc = editor.document;
    const inQuote = rangeOf(doc, 'great relationship with all countries').start.translate(0, 3);
    const onTrump = rangeOf(doc, 'Trump said of the call').start.translate(0, 1);
    const hover = async (p: vscode.Position): Promise<string> =>
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, p));
    const lenses = async (): Promise<number> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)).length;
    assert.match(await hover(inQuote), /speaker/);
    assert.match(await hover(onTrump), /Person/);
    assert.ok((await lenses()) > 0, 'the shared quotes have lenses');
    const config = vscode.workspace.getConfiguration('sourceAnnotator');
    await config.update('quotes.minLength', 500, vscode.ConfigurationTarget.Workspace);
    await config.update('entityTypes', ['ORG', 'LOC', 'NORP'], vscode.ConfigurationTarget.Workspace);
    try {
      await until('settings applied', () => {
        const s = a.decorations.snapshot(doc.uri);
        return s && !s.QUOTE && !s.PERSON && s.LOC ? true : undefined;
      });
      assert.doesNotMatch(await hover(inQuote), /speaker/, 'no quote hover for a quote shorter than the minimum');
      assert.doesNotMatch(await hover(onTrump), /Person/, 'no hover for a hidden entity type');
      assert.strictEqual(await lenses(), 0, 'no lens on quotes that are not highlighted');
    } finally {
      await config.update('quotes.minLength', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('entityTypes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('highlights back', () => a.decorations.snapshot(doc.uri)?.QUOTE);
    assert.match(await hover(inQuote), /speaker/);
  });

  it('hovers an entity with its type, canonical name, aliases and counts', async () => {
    await api();
    const editor = await open(CNN_A);
    const doc = editor.document;
    // A bare "Trump" later in the text belongs to Donald Trump.
    const bare = rangeOf(doc, 'Trump said of the call');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, bare.start.translate(0, 1));
    const text = hoverText(hovers);
    assert.match(text, /Donald Trump/);
    assert.match(text, /Person/);
    assert.match(text, /mentions? in this source/);
    assert.match(text, /Quotes/, 'a person hover lists their quotes');
  });

  it('hovers a quote with its speaker, cue and the other sources quoting it', async () => {
    await api();
    const editor = await open(CNN_A);
    const doc = editor.document;
    const inQuote = rangeOf(doc, 'great relationship with all countries').start.translate(0, 3);
    editor.selection = new vscode.Selection(inQuote, inQuote);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inQuote);
    const text = hoverText(hovers);
    assert.match(text, /speaker \*\*Donald Trump\*\*/);
    assert.match(text, /cue \*said\*/);
    assert.match(text, new RegExp(CNN_B.replace(/[.]/g, '\\.').replace(/_/g, '\\\\?_')));
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('quote-hover', 1200);
  });

  it('Next and Previous Quote Mention jump between the two CNN versions', async () => {
    await api();
    const editor = await open(CNN_A);
    const start = rangeOf(editor.document, 'great relationship with all countries').start;
    editor.selection = new vscode.Selection(start, start);
    await vscode.commands.executeCommand(CommandIds.nextQuoteMention);
    const there = await until('the other CNN version active', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(CNN_B) ? e : undefined;
    });
    assert.ok(there.document.getText(there.selection).includes('great relationship with all countries'), there.document.getText(there.selection));
    await vscode.commands.executeCommand(CommandIds.previousQuoteMention);
    const back = await until('back in the first version', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(CNN_A) ? e : undefined;
    });
    assert.ok(back.document.getText(back.selection).includes('great relationship with all countries'));
  });

  it('Find All References on a quote lists its mentions across sources', async () => {
    await api();
    const editor = await open(CNN_A);
    const pos = rangeOf(editor.document, 'I think she made one very catastrophic mistake').start.translate(0, 4);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, pos);
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()));
    assert.ok(files.has(CNN_A) && files.has(CNN_B), `references in both CNN versions: ${[...files].join(', ')}`);
  });

  it('Find All References on an entity lists its mentions', async () => {
    await api();
    const editor = await open(CNN_A);
    const pos = rangeOf(editor.document, 'Vladimir Putin').start.translate(0, 2);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, pos);
    assert.ok(refs.length >= 3, `Putin is mentioned several times (${refs.length})`);
    for (const r of refs.filter((x) => x.uri.path.endsWith(CNN_A))) {
      const t = editor.document.getText(r.range);
      assert.ok(/Putin/.test(t) || /President/.test(t), `a mention of Putin: "${t}"`);
    }
  });

  it('shows a CodeLens "quoted in N other sources" above shared quotes', async () => {
    await api();
    const editor = await open(CNN_A);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^quoted in 1 other source$/.test(t)), titles.join(' | '));
  });
});
