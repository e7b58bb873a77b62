import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { CommandIds } from '../../src/extension/commandIds';
import { UNTRUSTED_SUITE } from '../launch/protocol';
import { api, CNN_A, closeAll, open, rangeOf, until, workspaceUri } from './helpers';
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
    await screenshot('untrusted');
  });
});
