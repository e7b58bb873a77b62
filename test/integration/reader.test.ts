import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { CommandIds, LEGEND_VIEW_ID } from '../../src/extension/commandIds';
import { api, closeAll, CNN_A, CNN_B, hoverText, open, rangeOf, until, workspaceUri } from './helpers';
import { canDriveBrowser, screenshot, typeKeys } from './screenshot';

const HOSTILE_NOTE = [
  'Looks harmless.',
  '',
  '[a]( command:sourceAnnotator.deleteAnnotation?%5B%5D)',
  '',
  '[b][r]',
  '',
  '<command:sourceAnnotator.deleteAnnotation>',
  '',
  '[c](<command:sourceAnnotator.deleteAnnotation>)',
  '',
  '[d](COMMAND:sourceAnnotator.editAnnotation?%5B%7B%22note%22%3A%22pwned%22%7D%5D)',
  '',
  '$(edit) Edit',
  '',
  '![](https://tracker.invalid/track.png)',
  '',
  '<img src="https://tracker.invalid/img.png">',
  '',
  '[r]: command:sourceAnnotator.deleteAnnotation',
].join('\n');

describe('editor: reading, and hovers a stranger cannot abuse', () => {
  after(closeAll);

  it('a hostile note renders no working command link and loads nothing remote; our own links stay in a separate trusted part', async () => {
    const a = await api();
    const editor = await open(CNN_A);
    const r = rangeOf(editor.document, 'Donald Trump');
    editor.selection = new vscode.Selection(r.start, r.end);
    const made = await vscode.commands.executeCommand<Annotation | undefined>(CommandIds.annotateSelection, { note: HOSTILE_NOTE, tags: ['to-verify', 'a`b'] });
    assert.ok(made);
    try {
      const pos = editor.document.positionAt(editor.document.offsetAt(r.start) + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      const parts = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
      const withNote = parts.filter((p) => p.value.includes('Looks harmless'));
      assert.strictEqual(withNote.length, 1);
      assert.ok(!withNote[0].isTrusted, 'the note is in an untrusted MarkdownString');
      assert.ok(!withNote[0].supportHtml);
      const trusted = parts.filter((p) => p.isTrusted);
      assert.ok(trusted.length >= 1, 'our links are in a trusted part');
      for (const t of trusted) assert.ok(!t.value.includes('tracker.invalid') && !t.value.includes('Looks harmless'), 'nothing of the note in the trusted part');
      assert.match(hoverText(hovers), /`to-verify`/, 'a tag renders without backslashes');
      assert.doesNotMatch(hoverText(hovers), /to\\-verify/);
      if (canDriveBrowser()) {
        editor.selection = new vscode.Selection(pos, pos);
        await showHoverUntil(editor, pos, 'Looks harmless');
        const [links, images] = await typeKeys({ read: '.monaco-hover a' }, { read: '.monaco-hover img' });
        await screenshot('hostile-note-hover');
        const commandLinks = links.filter((l) => (l.href ?? '').toLowerCase().startsWith('command:'));
        const annotationLinks = [CommandIds.deleteAnnotation, CommandIds.editAnnotation, CommandIds.retagAnnotation].map((c) => `command:${c}`);
        const ours = [...annotationLinks, `command:${CommandIds.correctMention}`, `command:${CommandIds.correctSpeaker}`, `command:${CommandIds.notAQuote}`];
        for (const l of commandLinks) assert.ok(ours.includes(l.href!.split('?')[0]), `a command link not ours: ${JSON.stringify(l)}`);
        assert.deepStrictEqual(commandLinks.map((l) => l.href!.split('?')[0]).filter((h) => annotationLinks.includes(h)).sort(), [...annotationLinks].sort(), JSON.stringify(links));
        for (const l of commandLinks.filter((x) => annotationLinks.includes(x.href!.split('?')[0]))) assert.ok(decodeURIComponent(l.href!).includes(made.id), 'our links name the annotation, nothing else');
        for (const l of commandLinks) assert.ok(!/delete|pwned/.test(l.text.toLowerCase()) || l.text.trim() === 'Delete', `no link drawn by the note: ${l.text}`);
        assert.deepStrictEqual(images.filter((i) => /tracker\.invalid/.test(i.href ?? '')), []);
        const [imgs] = await typeKeys({ read: '.monaco-hover img[src*="tracker.invalid"]' });
        assert.strictEqual(imgs.length, 0, 'no remote image');
        await typeKeys({ press: 'Escape' });
      }
      assert.strictEqual(a.annotations.find(editor.document.uri, made.id)?.annotation.note, HOSTILE_NOTE, 'nothing was rewritten');
    } finally {
      await a.annotations.delete(editor.document.uri, made.id).catch(() => undefined);
    }
  });

  it('a quote hover links the other sources, and a link opens the mention there', async function () {
    await api();
    const editor = await open(CNN_A);
    const quote = rangeOf(editor.document, 'great relationship with all countries');
    const pos = quote.start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    const text = decodeURIComponent(hoverText(hovers));
    assert.match(text, new RegExp(`\\]\\(<[^>]*${CNN_B.replace('.', '\\.')}#L\\d+,\\d+-L\\d+,\\d+>`), text);
    if (!canDriveBrowser()) this.skip();
    await showHoverUntil(editor, pos, 'Also quoted in');
    const [seen] = await typeKeys({ read: '.monaco-hover a' });
    const link = seen.find((l) => (l.href ?? '').includes(CNN_B));
    assert.ok(link, JSON.stringify(seen));
    await typeKeys({ click: `.monaco-hover a:has-text(${JSON.stringify(link.text.trim())})` });
    const other = await until('the other source opened at the mention', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(CNN_B) && !e.selection.isEmpty ? e : undefined;
    });
    assert.match(other.document.getText(other.selection), /great relationship/i);
  });

  it('an export saved among the sources is never analysed as one', async () => {
    const a = await api();
    const target = workspaceUri('annotations-report.md');
    const sources = a.index.sources().length;
    await vscode.commands.executeCommand(CommandIds.exportAnnotations, { format: 'md', target: target.toString() });
    await until('the report written', async () => {
      try {
        await vscode.workspace.fs.stat(target);
        return true;
      } catch {
        return undefined;
      }
    });
    await a.index.reindex();
    assert.strictEqual(a.index.get(target), undefined, 'not indexed');
    assert.strictEqual(a.index.isSource(target), false);
    assert.strictEqual(a.index.sources().length, sources);
    await vscode.workspace.fs.delete(target);
  });

  it('reads well: word wrap on for plain-text sources, one CodeLens per line of a one-line article, headlines in the Sources view, a Legend, singular counts', async () => {
    const a = await api();
    const editor = await open(CNN_B);
    assert.strictEqual(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'on');
    const lenses = await until('lenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return l.length > 0 ? l : undefined;
    });
    const lines = lenses.map((l) => l.range.start.line);
    assert.strictEqual(new Set(lines).size, lines.length, 'at most one lens per line');
    assert.ok(lenses.some((l) => /\d+ quotes here are quoted in 1 other source/.test(l.command?.title ?? '')), lenses.map((l) => l.command?.title).join(' | '));
    await screenshot('one-line-article');
    a.tree.refreshNow();
    const roots = await a.tree.getChildren();
    const items = await Promise.all(roots.map((n) => a.tree.getTreeItem(n)));
    const cnn = items.find((i) => (i.resourceUri ?? (i as { uri?: vscode.Uri }).uri)?.path.endsWith(CNN_A));
    assert.ok(cnn, 'the CNN source is listed');
    // The seeds have provenance files without a title (their texts have no headline): the first
    // line, without its dateline ("date 2017-01-28 (CNN)"), stands for the title, and outlet,
    // date and file name follow it.
    const label = typeof cnn.label === 'string' ? cnn.label : cnn.label?.label;
    assert.match(String(label), /^US President Donald Trump will speak/, `the opening words as the label: ${String(label)}`);
    assert.match(String(cnn.description), /^CNN · published 2017-01-28 · 000_424defb743cef938\.txt/, `outlet, date and file name beside it: ${String(cnn.description)}`);
    await vscode.commands.executeCommand(`${LEGEND_VIEW_ID}.focus`);
    await screenshot('legend');
    const tip = a.statusBar.tooltip;
    assert.doesNotMatch(tip, /\b1 annotations\b|\b1 quotes\b|\b1 entities\b/);
  });

  it('offers file nesting for the workspace without forcing it', async () => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('explorer.fileNesting');
    const before = config().inspect<Record<string, string>>('patterns')?.workspaceValue;
    assert.ok(!before || !Object.values(before).some((v) => v.includes('annotations.yaml')), 'not set before the user asks');
    assert.strictEqual(await vscode.commands.executeCommand(CommandIds.nestSidecars), true);
    const after = config().inspect<Record<string, string>>('patterns')?.workspaceValue ?? {};
    assert.strictEqual(after['*.txt'], '${capture}.txt.annotations.yaml, ${capture}.txt.provenance.yaml', 'the sidecar and the provenance file nest under their source');
    assert.strictEqual(config().get('enabled'), true);
    await config().update('patterns', before, vscode.ConfigurationTarget.Workspace);
    await config().update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('contributes a getting-started walkthrough that opens', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'source-annotator.source-annotator#sourceAnnotator.gettingStarted', false);
    if (canDriveBrowser()) {
      await typeKeys({ waitFor: '.gettingStartedContainer:has-text("Annotate news sources")' });
      await screenshot('walkthrough', 800);
    }
  });
});

describe('editor: a source that leads out of the workspace', () => {
  it('a symbolic link to a file outside the workspace is not read, and Problems says why', async () => {
    const a = await api();
    const outside = path.join(os.tmpdir(), `sa-outside-${process.pid}.txt`);
    fs.writeFileSync(outside, 'SECRET text outside the workspace, said Vladimir Putin.\n');
    const link = workspaceUri('linked-secret.txt');
    fs.symlinkSync(outside, link.fsPath);
    try {
      await a.index.reindex();
      const entry = await until('the link indexed as refused', () => a.index.get(link));
      assert.match(entry.error ?? '', /outside the workspace/);
      assert.ok(!entry.text.includes('SECRET'), 'its text was not read');
      const d = await until('a problem on the link', () => vscode.languages.getDiagnostics(link).find((x) => /outside the workspace/.test(x.message)));
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      fs.rmSync(link.fsPath, { force: true });
      fs.rmSync(outside, { force: true });
      await a.index.reindex();
    }
  });
});

/**
 * Shows the hover at `pos` and waits until the workbench draws it with `text`. On a loaded machine
 * the first hover of a window can come after the launcher's 10 s wait, or be dismissed by a
 * focus change: ask again, up to three times (each time the editor has the focus).
 */
async function showHoverUntil(editor: vscode.TextEditor, pos: vscode.Position, text: string): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    await vscode.window.showTextDocument(editor.document, { selection: new vscode.Selection(pos, pos), preserveFocus: false });
    await vscode.commands.executeCommand('editor.action.showHover');
    try {
      await typeKeys({ waitFor: `.monaco-hover:has-text(${JSON.stringify(text)})` });
      return;
    } catch (err) {
      last = err;
    }
  }
  throw last;
}
