import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { CommandIds } from '../../src/extension/commandIds';
import { UNTRUSTED_SUITE } from '../launch/protocol';
import { api, closeAll, CNN_A, CNN_B, hoverText, open, rangeOf, until, workspaceUri } from './helpers';
import { screenshot } from './screenshot';

// Runs only in the launcher's second pass, which opens the workspace in Restricted Mode.
describe(UNTRUSTED_SUITE, () => {
  after(closeAll);

  it('runs in Restricted Mode, with highlights and navigation still working', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this pass opens the workspace untrusted');
    const a = await api();
    const editor = await open(CNN_A);
    const snap = await until('highlights in an untrusted workspace', () => a.decorations.snapshot(editor.document.uri)?.PERSON);
    assert.ok(snap.some((r) => r.isEqual(rangeOf(editor.document, 'Donald Trump'))));
  });

  it('shows an existing annotation with its note, and says it is read-only instead of offering edit links', async () => {
    const a = await api();
    const editor = await open(CNN_B);
    const doc = editor.document;
    const range = rangeOf(doc, 'Vladimir Putin');
    const start = [...doc.getText().slice(0, doc.offsetAt(range.start))].length;
    const yaml = [
      'version: 1',
      'annotations:',
      '  - id: kept-1',
      '    target: { exact: "Vladimir Putin", start: ' + start + ', end: ' + (start + 14) + ' }',
      '    note: Written before the workspace was opened untrusted',
      '    tags: [context]',
      '    author: someone',
      '    created: 2026-01-01T00:00:00Z',
      '    modified: 2026-01-01T00:00:00Z',
      '',
    ].join('\n');
    // Written as another program would: the extension itself may not write here.
    fs.writeFileSync(workspaceUri(`${CNN_B}.annotations.yaml`).fsPath, yaml);
    await until('the annotation loaded', () => a.annotations.anchored(doc.uri).length > 0 || undefined, 15_000);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, range.start.translate(0, 2));
    // The Markdown source, with its escapes removed: what a person reads.
    const text = hoverText(hovers).replace(/\\(.)/g, '$1');
    assert.match(text, /Written before the workspace was opened untrusted/);
    assert.match(text, /read-only in an untrusted workspace/);
    assert.doesNotMatch(text, /command:sourceAnnotator\.(edit|retag|delete)Annotation/, 'no edit links');
  });

  it('keeps annotations read-only and says so', async () => {
    const a = await api();
    const editor = await open(CNN_A);
    const range = rangeOf(editor.document, 'Vladimir Putin');
    editor.selection = new vscode.Selection(range.start, range.end);
    const created = await vscode.commands.executeCommand<Annotation | undefined>(CommandIds.annotateSelection, { note: 'x', tags: ['t'] });
    assert.strictEqual(created, undefined, 'annotating is refused');
    assert.match(a.annotations.readOnlyReason(editor.document.uri) ?? '', /untrusted workspace/);
    const sidecar = workspaceUri(`${CNN_A}.annotations.yaml`);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(sidecar)), 'no sidecar was written');
    // The status bar says so before anyone tries.
    await until('the status bar shows the lock', () => a.statusBar.text.includes('$(lock)'));
    assert.match(a.statusBar.tooltip, /read-only in an untrusted workspace/);
    await screenshot('untrusted');
  });

  it('renaming a source does not move its sidecar (that would be a write)', async () => {
    const a = await api();
    const from = workspaceUri('untrusted-rename.txt');
    const to = workspaceUri('untrusted-renamed.txt');
    fs.writeFileSync(from.fsPath, 'A source about the Kremlin.\n');
    const yaml = 'version: 1\nannotations: []\n';
    fs.writeFileSync(workspaceUri('untrusted-rename.txt.annotations.yaml').fsPath, yaml);
    await a.index.reindex();
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await new Promise((r) => setTimeout(r, 1500));
    assert.strictEqual(fs.readFileSync(workspaceUri('untrusted-rename.txt.annotations.yaml').fsPath, 'utf8'), yaml, 'the sidecar stays');
    assert.ok(!fs.existsSync(workspaceUri('untrusted-renamed.txt.annotations.yaml').fsPath), 'nothing written at the new name');
    fs.rmSync(to.fsPath, { force: true });
    fs.rmSync(workspaceUri('untrusted-rename.txt.annotations.yaml').fsPath, { force: true });
  });
});
