import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { insertAnnotation, newSidecarDocument, parseSidecar, stringifySidecar } from '../../src/core/store/sidecar';
import { api, closeAll, until, workspaceUri } from './helpers';

const NAME = 'merge-conflicted.txt';
const TEXT = 'The minister said the budget was final. Critics said it was not.\n';

function annotation(exact: string, note: string, tags: string[]): Annotation {
  const start = TEXT.indexOf(exact);
  const end = start + exact.length;
  return {
    id: `a-${exact.replace(/\W/g, '').toLowerCase().padEnd(10, '0').slice(0, 10)}`,
    target: { exact, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32), start, end },
    note,
    tags,
    author: 'Coder A',
    created: '2026-11-30T10:00:00.000Z',
    modified: '2026-11-30T10:00:00.000Z',
  };
}

function sidecar(list: Annotation[]): string {
  const doc = newSidecarDocument(NAME);
  for (const a of list) insertAnnotation(doc, a);
  return stringifySidecar(doc, false);
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function diagnostics(uri: vscode.Uri, re: RegExp): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'source-annotator' && re.test(d.message));
}

async function quickFix(uri: vscode.Uri, d: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  // Code actions are asked of a document model: the sidecar is opened first.
  await vscode.workspace.openTextDocument(uri);
  return until(`a quick fix ${String(title)}`, async () => {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    return actions.find((a) => title.test(a.title));
  });
}

describe('editor: git merge conflicts in a sidecar', () => {
  const uri = workspaceUri(NAME);
  const sidecarUri = workspaceUri(`${NAME}.annotations.yaml`);

  before(async () => {
    const ours = sidecar([annotation('minister', 'alice: who speaks', ['person'])]);
    const theirs = sidecar([annotation('minister', 'bob: the finance minister', ['person', 'official']), annotation('Critics', 'counter claim', ['person'])]);
    // What `git merge` leaves without the driver: both versions between markers.
    const marked = `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> bob\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
    await vscode.workspace.fs.writeFile(sidecarUri, new TextEncoder().encode(marked));
    await (await api()).index.reindex();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  });

  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(sidecarUri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('Problems shows the conflict markers; the quick fix rebuilds the sidecar from both sides, then one side of the recorded conflict is kept', async () => {
    const a = await api();
    const markers = await until('the conflict-markers error', () => diagnostics(sidecarUri, /Unmerged git conflict markers/)[0], 20_000);
    assert.strictEqual(markers.severity, vscode.DiagnosticSeverity.Error);
    const rebuild = await quickFix(sidecarUri, markers, /Rebuild the sidecar from both sides/);
    assert.ok(rebuild.command);
    await vscode.commands.executeCommand(rebuild.command.command, ...((rebuild.command.arguments ?? []) as unknown[]));
    const rebuilt = await until('the sidecar rebuilt', async () => {
      const t = await readText(sidecarUri);
      return t.includes('<<<<<<<') ? undefined : t;
    });
    const parsed = parseSidecar(rebuilt);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.annotations.map((x) => x.target.exact), ['minister', 'Critics']);
    const minister = parsed.sidecar.annotations[0];
    assert.deepStrictEqual(minister.tags, ['person', 'official']);
    assert.deepStrictEqual(minister.conflicts, [{ field: 'note', ours: 'alice: who speaks', theirs: 'bob: the finance minister' }]);
    // The recorded conflict is a warning with one action per side.
    const conflict = await until('the recorded conflict', () => diagnostics(sidecarUri, /Merge conflict in annotation/)[0], 20_000);
    assert.strictEqual(conflict.severity, vscode.DiagnosticSeverity.Warning);
    await quickFix(sidecarUri, conflict, /^Keep our note: "alice: who speaks"$/);
    const theirs = await quickFix(sidecarUri, conflict, /^Keep their note: "bob: the finance minister"$/);
    assert.ok(theirs.command);
    await vscode.commands.executeCommand(theirs.command.command, ...((theirs.command.arguments ?? []) as unknown[]));
    const resolved = await until('the conflict resolved on disk', async () => {
      const r = parseSidecar(await readText(sidecarUri));
      return r.ok && r.sidecar.annotations[0].conflicts === undefined ? r.sidecar.annotations : undefined;
    });
    assert.strictEqual(resolved[0].note, 'bob: the finance minister');
    assert.strictEqual(resolved.length, 2);
    await until('no merge problems left', () => (diagnostics(sidecarUri, /conflict/i).length === 0 ? true : undefined));
    assert.strictEqual(a.annotations.anchored(uri).length, 2);
  });
});

describe('editor: git merge conflicts in the curation file', () => {
  const curation = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'source-annotator.curation.yaml');
  let saved: Uint8Array | undefined;

  before(async () => {
    saved = await vscode.workspace.fs.readFile(curation()).then(
      (b) => b,
      () => undefined,
    );
    const ours = 'version: 1\ntypes:\n  - { text: Acme Mining, type: ORG }\nnotEntities:\n  - Read More\n';
    const theirs = 'version: 1\ntypes:\n  - { text: Acme Mining, type: LOC }\nnotQuotes:\n  - fake news\n';
    await vscode.workspace.fs.writeFile(curation(), new TextEncoder().encode(`<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> bob\n`));
    await (await api()).curation.reload();
  });

  after(async () => {
    await closeAll();
    if (saved) await vscode.workspace.fs.writeFile(curation(), saved);
    else await vscode.workspace.fs.delete(curation()).then(undefined, () => undefined);
    await (await api()).curation.reload();
  });

  it('Problems shows the markers and the recorded conflicts of the curation file, with the same quick fixes as sidecars', async () => {
    const uri = curation();
    const markers = await until('the conflict-markers error', () => diagnostics(uri, /conflict markers in the curation file/)[0], 20_000);
    assert.strictEqual(markers.severity, vscode.DiagnosticSeverity.Error);
    const rebuild = await quickFix(uri, markers, /Rebuild the curation file from both sides/);
    assert.ok(rebuild.command);
    await vscode.commands.executeCommand(rebuild.command.command, ...((rebuild.command.arguments ?? []) as unknown[]));
    const rebuilt = await until('the curation file rebuilt', async () => {
      const t = await readText(uri);
      return t.includes('<<<<<<<') ? undefined : t;
    });
    // Both sides' additions are in; the type both sides set differently is recorded.
    assert.match(rebuilt, /Read More/);
    assert.match(rebuilt, /fake news/);
    assert.match(rebuilt, /^conflicts:/m);
    const conflict = await until('the recorded conflict', () => diagnostics(uri, /Merge conflict in `types`/)[0], 20_000);
    assert.strictEqual(conflict.severity, vscode.DiagnosticSeverity.Warning);
    await quickFix(uri, conflict, /^Keep our types entry: .*ORG/);
    const theirs = await quickFix(uri, conflict, /^Keep their types entry: .*LOC/);
    assert.ok(theirs.command);
    await vscode.commands.executeCommand(theirs.command.command, ...((theirs.command.arguments ?? []) as unknown[]));
    const resolved = await until('the conflict resolved on disk', async () => {
      const t = await readText(uri);
      return /conflicts:/.test(t) ? undefined : t;
    });
    assert.match(resolved, /text: Acme Mining, type: LOC/);
    assert.doesNotMatch(resolved, /type: ORG/);
    await until('no merge problems left', () => (diagnostics(uri, /conflict/i).length === 0 ? true : undefined));
  });
});
