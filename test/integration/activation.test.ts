import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/extension/commandIds';
import { screenshot } from './screenshot';

const EXTENSION_ID = 'source-annotator.source-annotator';

function seedUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of seeds/) is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

describe('activation', () => {
  it('runs in a real VS Code with the seeds as the workspace', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1);
    assert.ok(path.basename(folders[0].uri.path).startsWith('sa-workspace-'), folders[0].uri.path);
  });

  it('activates the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    const api = (await ext.activate()) as { ready?: boolean } | undefined;
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(api?.ready, true);
  });

  it('registers every contributed command', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(CommandIds)) assert.ok(all.has(id), `command ${id} is registered`);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands.map((c) => c.command);
    for (const id of contributed) assert.ok(all.has(id), `contributed command ${id} is registered`);
  });

  it('opens a seed and analyzes it through a command', async () => {
    const doc = await vscode.workspace.openTextDocument(seedUri('000_424defb743cef938.txt'));
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().includes('Vladimir Putin'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
    const result = await vscode.commands.executeCommand<{ entities: unknown[]; quotes: unknown[] } | undefined>(CommandIds.analyzeActive);
    assert.ok(result && Array.isArray(result.entities) && Array.isArray(result.quotes));
    assert.ok(editor.visibleRanges.length > 0);
    await screenshot('seed-open');
  });
});
