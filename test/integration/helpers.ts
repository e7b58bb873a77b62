import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension/main';

export const EXTENSION_ID = 'source-annotator.source-annotator';
export const CNN_A = '000_424defb743cef938.txt';
export const CNN_B = '001_61c640aecea7aba7.txt';
export const OTHER = '002_a6f8cf2398086dd3.txt';

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of seeds/) is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The activated extension's services, once the first indexing pass is done. */
export async function api(): Promise<SourceAnnotatorApi> {
  const ext = vscode.extensions.getExtension<SourceAnnotatorApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  const a = await ext.activate();
  await a.index.whenIndexed();
  await a.annotations.settled();
  return a;
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Poll until `probe` returns a value that is not undefined/false, or fail after `ms`. */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The range of the n-th (0-based) occurrence of `text` in the document. */
export function rangeOf(doc: vscode.TextDocument, text: string, nth = 0): vscode.Range {
  const body = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = body.indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" occurs ${nth + 1} times in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The Markdown source of hovers, joined: what the tests match against. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
