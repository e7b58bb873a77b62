import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { CommandIds } from '../../src/extension/commandIds';
import { api, closeAll, CNN_A, hoverText, open, OTHER, rangeOf, until, workspaceUri } from './helpers';
import { canDriveBrowser, quickInputFocused, screenshot, typeKeys } from './screenshot';

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

describe('editor: annotating', () => {
  after(closeAll);
  const sidecar = (): vscode.Uri => workspaceUri(`${OTHER}.annotations.yaml`);

  it('Annotate Selection writes the sidecar and highlights the annotation', async () => {
    const a = await api();
    const editor = await open(OTHER);
    const doc = editor.document;
    const words = doc.getText().split(/\s+/).slice(3, 7).join(' ');
    const range = rangeOf(doc, words);
    editor.selection = new vscode.Selection(range.start, range.end);
    const created = await vscode.commands.executeCommand<Annotation | undefined>(CommandIds.annotateSelection, { note: 'Check **this** claim', tags: ['claim', 'to-verify'] });
    assert.ok(created, 'an annotation was created');
    assert.match(created.id, /\S/);
    const yaml = await until('the sidecar on disk', async () => {
      const t = await readText(sidecar());
      return t?.includes(created.id) ? t : undefined;
    });
    assert.match(yaml, /^version: 1$/m);
    assert.ok(yaml.includes(`exact: ${words}`) || yaml.includes(`exact: "${words}"`), yaml);
    assert.match(yaml, /to-verify/);
    const snap = await until('annotation highlight', () => a.decorations.snapshot(doc.uri)?.ANNOTATION);
    assert.ok(snap.some((r) => r.isEqual(range)));
    await screenshot('annotation');
  });

  it('hovers an annotation with its note, tags, author, date and edit/delete links', async () => {
    const a = await api();
    const editor = await open(OTHER);
    const live = a.annotations.anchored(editor.document.uri);
    assert.strictEqual(live.length, 1);
    const pos = editor.document.positionAt(live[0].start + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    const text = hoverText(hovers);
    assert.match(text, /Check \*\*this\*\* claim/);
    assert.match(text, /`claim`/);
    assert.match(text, /command:sourceAnnotator\.editAnnotation\?/);
    assert.match(text, /command:sourceAnnotator\.deleteAnnotation\?/);
    assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it('edits the note and retags through commands', async () => {
    const a = await api();
    const editor = await open(OTHER);
    const [live] = a.annotations.anchored(editor.document.uri);
    const ref = { uri: editor.document.uri.toString(), id: live.annotation.id };
    await vscode.commands.executeCommand(CommandIds.editAnnotation, ref, 'Updated note');
    await vscode.commands.executeCommand(CommandIds.retagAnnotation, ref, ['verified']);
    const yaml = await until('updated sidecar', async () => {
      const t = await readText(sidecar());
      return t?.includes('Updated note') && t.includes('verified') ? t : undefined;
    });
    assert.doesNotMatch(yaml, /to-verify/);
  });

  it('Annotate Selection takes a note of several lines and several tags in a row by keyboard, and the next key typed never replaces the passage', async function () {
    if (!canDriveBrowser()) this.skip();
    const a = await api();
    const editor = await open(OTHER);
    const doc = editor.document;
    const words = doc.getText().split(/\s+/).slice(10, 13).join(' ');
    const range = rangeOf(doc, words);
    const textBefore = doc.getText();
    // A tag of the workspace that sorts first: the first row of the list, unchecked.
    const other = workspaceUri(CNN_A);
    const otherText = (await vscode.workspace.openTextDocument(other)).getText();
    const known = await a.annotations.add(other, otherText.indexOf('Putin'), otherText.indexOf('Putin') + 5, '', ['aaa-known']);
    editor.selection = new vscode.Selection(range.start, range.end);
    // No arguments: the command prompts, and the launcher types into the browser.
    const pending = vscode.commands.executeCommand<Annotation | undefined>(CommandIds.annotateSelection);
    await typeKeys(quickInputFocused('Annotate Selection (1/2): note'), { type: 'First line' }, { press: 'Shift+Enter' });
    await until('the first line taken', () => a.annotate.openNote?.lines.length === 1);
    await typeKeys({ type: 'second line' }, { press: 'Enter' });
    const pick = await until('the tags quick pick', () => a.annotate.openTagPick);
    assert.match(pick.title ?? '', /tags/);
    for (const t of a.annotations.allTags()) assert.ok(pick.tags.includes(t), `the workspace's tag ${t} is offered: ${pick.tags.join(', ')}`);
    const tags = quickInputFocused('Annotate Selection (2/2): tags');
    // Two tags in a row: Enter adds the typed tag and keeps the pick open.
    await typeKeys(tags, { type: 'to-verify' }, { press: 'Enter' });
    await until('to-verify checked', () => a.annotate.openTagPick?.checked.includes('to-verify'));
    await typeKeys(tags, { type: 'election-interference' });
    await screenshot('tags-quick-pick', 300);
    await typeKeys({ press: 'Enter' });
    await until('election-interference checked', () => a.annotate.openTagPick?.checked.includes('election-interference'));
    // Commas split tags.
    await typeKeys(tags, { type: 'sanctions, russia' }, { press: 'Enter' });
    await until('sanctions and russia checked', () => (a.annotate.openTagPick?.checked.includes('russia') && a.annotate.openTagPick.checked.includes('sanctions')) || undefined);
    // Down and Space check a listed tag; the next tag typed is not lost.
    await typeKeys({ press: 'ArrowDown' });
    assert.strictEqual(await until('the first row highlighted', () => a.annotate.openTagPick?.active), 'aaa-known');
    await typeKeys({ press: 'Space' });
    await until('a row checked with Space', () => a.annotate.openTagPick?.checked.includes('aaa-known'));
    await typeKeys(tags, { type: 'after-space' }, { press: 'Enter' });
    await until('after-space checked', () => a.annotate.openTagPick?.checked.includes('after-space'));
    const beforeFinish = a.annotate.openTagPick!.checked;
    // Enter on the empty box finishes.
    await typeKeys({ press: 'Enter' });
    const created = await pending;
    assert.ok(created, 'an annotation was created');
    try {
      assert.strictEqual(created.note, 'First line\nsecond line');
      assert.deepStrictEqual([...created.tags].sort(), [...beforeFinish].sort());
      for (const t of ['to-verify', 'election-interference', 'sanctions', 'russia', 'aaa-known', 'after-space']) assert.ok(created.tags.includes(t), `${t} in ${created.tags.join(', ')}`);
      assert.strictEqual(created.tags.length, 6, `five typed tags and the one checked with Space: ${created.tags.join(', ')}`);
      assert.strictEqual(a.annotate.openTagPick, undefined, 'the quick pick is closed');
      assert.strictEqual(doc.getText(), textBefore, 'the passage is intact');
      const active = vscode.window.activeTextEditor;
      assert.ok(active && active.document === doc && active.selection.isEmpty, 'the selection is collapsed');
      // A key typed now goes after the passage; the annotation keeps its text.
      await typeKeys({ press: 'KeyZ' });
      await until('the typed key in the document', () => (doc.getText() !== textBefore ? true : undefined));
      const live = a.annotations.anchored(doc.uri).find((x) => x.annotation.id === created.id);
      assert.ok(live, 'still anchored');
      assert.strictEqual(doc.getText().slice(live.start, live.end), words);
      await vscode.commands.executeCommand('undo');
      await until('the key undone', () => (doc.getText() === textBefore ? true : undefined));

      // Retag without arguments: the current tags are checked; typing an existing tag's name adds
      // it and keeps the tags checked before (VS Code's late selection echoes must not drop them).
      await a.annotations.update(doc.uri, created.id, { tags: ['typed-tag'] });
      const retag = vscode.commands.executeCommand<Annotation | undefined>(CommandIds.retagAnnotation, { uri: doc.uri.toString(), id: created.id });
      await until('the retag quick pick', () => a.annotate.openTagPick);
      await typeKeys(quickInputFocused('Edit Annotation Tags'), { type: 'verified' }, { press: 'Enter' });
      await until('verified checked', () => a.annotate.openTagPick?.checked.includes('verified'));
      await typeKeys({ press: 'Enter' });
      const retagged = await retag;
      assert.ok(retagged);
      assert.deepStrictEqual([...retagged.tags].sort(), ['typed-tag', 'verified']);
      // A prefix, then Down to a row: Enter checks the highlighted row, not the prefix as a new tag.
      await a.annotations.update(doc.uri, created.id, { tags: [] });
      const byRow = vscode.commands.executeCommand<Annotation | undefined>(CommandIds.retagAnnotation, { uri: doc.uri.toString(), id: created.id });
      await until('the retag quick pick for a row', () => a.annotate.openTagPick);
      await typeKeys(quickInputFocused('Edit Annotation Tags'), { type: 'russ' });
      await until('the prefix filtered', () => a.annotate.openTagPick?.tags.includes('russ'));
      await typeKeys({ press: 'ArrowDown' });
      const row = await until('a highlighted row', () => a.annotate.openTagPick?.active, 20_000);
      assert.ok(row === 'russia' || row === 'russ', `the row is one the prefix shows: ${row}`);
      await typeKeys({ press: 'Enter' });
      await until('the row checked', () => a.annotate.openTagPick?.checked.includes(row));
      await typeKeys({ press: 'Enter' });
      const taken = await byRow;
      assert.ok(taken);
      assert.deepStrictEqual(taken.tags, [row]);

      // Escape cancels: nothing is created.
      editor.selection = new vscode.Selection(range.start, range.end);
      const cancelled = vscode.commands.executeCommand<Annotation | undefined>(CommandIds.annotateSelection);
      await typeKeys(quickInputFocused('Annotate Selection (1/2): note'), { press: 'Escape' });
      assert.strictEqual(await cancelled, undefined);
    } finally {
      // Leave the sources as the next tests expect them, whatever happened here.
      await a.annotations.delete(doc.uri, created.id).catch(() => undefined);
      await a.annotations.delete(other, known.id).catch(() => undefined);
    }
  });

  it('Annotate Selection with nothing selected says why', async () => {
    const editor = await open(OTHER);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.strictEqual(await vscode.commands.executeCommand(CommandIds.annotateSelection), undefined);
    if (canDriveBrowser()) {
      await vscode.commands.executeCommand('notifications.showList');
      await typeKeys({ waitFor: '.notifications-center:has-text("nothing is selected")' });
      await vscode.commands.executeCommand('notifications.hideList');
    }
  });

  it('moves annotations with edits in the editor and writes positions on save', async () => {
    const a = await api();
    const editor = await open(OTHER);
    const [before] = a.annotations.anchored(editor.document.uri);
    const exact = editor.document.getText().slice(before.start, before.end);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'INSERTED LINE\n'));
    const [after] = await until('moved annotation', () => {
      const l = a.annotations.anchored(editor.document.uri);
      return l.length === 1 && l[0].start === before.start + 14 ? l : undefined;
    });
    assert.strictEqual(editor.document.getText().slice(after.start, after.end), exact);
    await editor.document.save();
    await until('positions written on save', async () => {
      const t = await readText(sidecar());
      return t?.includes(`start: ${after.annotation.target.start}`) ? true : undefined;
    });
    // Put the text back (and save) for the tests that follow.
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0)));
    await editor.document.save();
  });

  it('re-anchors after an edit outside the editor, and reports an orphan in Problems with a quick fix', async () => {
    const a = await api();
    await closeAll();
    const uri = workspaceUri(OTHER);
    const [live] = a.annotations.anchored(uri);
    const original = (await readText(uri))!;
    const exact = original.slice(live.start, live.end);
    // An outside edit that removes the annotated words: the annotation becomes an orphan.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original.replace(exact, 'something else entirely')));
    const diag = await until('an orphan diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri).find((x) => x.source === 'source-annotator' && /Orphaned annotation/.test(x.message));
      return d;
    }, 15_000);
    assert.match(diag.message, new RegExp(live.annotation.id));
    const yaml = await readText(sidecar());
    assert.ok(yaml?.includes(live.annotation.id), 'the orphan stays in the sidecar');

    const editor = await open(OTHER);
    const target = rangeOf(editor.document, 'something else');
    editor.selection = new vscode.Selection(target.start, target.end);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-orphan');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((x) => /Re-attach annotation/.test(x.title) && x.command);
    assert.ok(fix?.command, actions.map((x) => x.title).join(' | '));
    await vscode.commands.executeCommand(fix.command.command, ...((fix.command.arguments ?? []) as unknown[]));
    await until('orphan re-attached', () => {
      const l = a.annotations.anchored(uri);
      return l.length === 1 && editor.document.getText().slice(l[0].start, l[0].end) === 'something else' ? true : undefined;
    });
    await until('diagnostic cleared', () => (vscode.languages.getDiagnostics(uri).some((x) => /Orphaned/.test(x.message)) ? undefined : true));
  });

  it('deletes an annotation, and Undo in the notification restores it with the same id', async () => {
    const a = await api();
    const editor = await open(OTHER);
    const [live] = a.annotations.anchored(editor.document.uri);
    const removed = await vscode.commands.executeCommand<Annotation>(CommandIds.deleteAnnotation, { uri: editor.document.uri.toString(), id: live.annotation.id });
    assert.strictEqual(removed.id, live.annotation.id);
    await until('sidecar without it', async () => ((await readText(sidecar()))?.includes(live.annotation.id) ? undefined : true));
    if (canDriveBrowser()) {
      // As a person would: the notification's Undo button, in the notification list.
      await vscode.commands.executeCommand('notifications.showList');
      await typeKeys({ click: '.notifications-center .monaco-button:has-text("Undo")' });
      await vscode.commands.executeCommand('notifications.hideList');
    } else {
      await a.annotations.restore(editor.document.uri, removed);
    }
    await until('restored', async () => ((await readText(sidecar()))?.includes(live.annotation.id) ? true : undefined));
    const back = await until('restored in the editor', () => a.annotations.find(editor.document.uri, live.annotation.id));
    assert.deepStrictEqual(back?.annotation.note, live.annotation.note);
  });

  it('reports a malformed sidecar in Problems at its line and column, and never overwrites it', async () => {
    const a = await api();
    const src = workspaceUri('broken.txt');
    const bad = workspaceUri('broken.txt.annotations.yaml');
    const badYaml = 'version: 1\nannotations:\n  - id: a-1\n    target: [unclosed\n';
    await vscode.workspace.fs.writeFile(src, new TextEncoder().encode('Some source text here.\n'));
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode(badYaml));
    await a.index.reindex();
    await a.annotations.settled();
    const diag = await until('malformed diagnostic', () => vscode.languages.getDiagnostics(bad).find((d) => d.severity === vscode.DiagnosticSeverity.Error), 15_000);
    assert.ok(diag.range.start.line >= 2, `points into the file: line ${diag.range.start.line + 1}`);
    const editor = await open('broken.txt');
    editor.selection = new vscode.Selection(0, 0, 0, 4);
    const r = await vscode.commands.executeCommand(CommandIds.annotateSelection, { note: 'x', tags: [] });
    assert.strictEqual(r, undefined, 'annotating is refused while the sidecar is malformed');
    assert.strictEqual(await readText(bad), badYaml, 'the malformed sidecar is untouched');
    assert.match(a.annotations.readOnlyReason(src) ?? '', /malformed/);
  });
});

describe('editor: sidecars follow their sources', () => {
  after(closeAll);

  it('moves the sidecar when a source is renamed in VS Code, and keeps it (reported) when the source is deleted', async () => {
    const a = await api();
    const from = workspaceUri('renamed-source.txt');
    const to = workspaceUri('moved/renamed-source-2.txt');
    await vscode.workspace.fs.writeFile(from, new TextEncoder().encode('A source about the Kremlin and its readout.\n'));
    await a.index.reindex();
    const editor = await open('renamed-source.txt');
    const range = rangeOf(editor.document, 'Kremlin');
    editor.selection = new vscode.Selection(range.start, range.end);
    const created = await vscode.commands.executeCommand<Annotation | undefined>(CommandIds.annotateSelection, { note: 'follows its source', tags: [] });
    assert.ok(created);
    await closeAll();

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to, { overwrite: false });
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was applied');
    const moved = await until('the sidecar next to the renamed source', async () => {
      const t = await readText(workspaceUri('moved/renamed-source-2.txt.annotations.yaml'));
      return t?.includes(created.id) ? t : undefined;
    });
    assert.match(moved, /follows its source/);
    assert.strictEqual(await readText(workspaceUri('renamed-source.txt.annotations.yaml')), undefined, 'nothing left at the old place');

    const del = new vscode.WorkspaceEdit();
    del.deleteFile(to);
    assert.ok(await vscode.workspace.applyEdit(del), 'the delete was applied');
    const sidecar = workspaceUri('moved/renamed-source-2.txt.annotations.yaml');
    await until('a problem saying the source was deleted', () =>
      vscode.languages.getDiagnostics(sidecar).find((d) => /was deleted/.test(d.message)),
    );
    assert.ok((await readText(sidecar))?.includes(created.id), 'the annotations are kept');
  });
});
