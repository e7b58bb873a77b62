import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CommandIds } from '../../src/extension/commandIds';
import { ImportDropController, type ImportOutcome } from '../../src/extension/features/importSourceCommands';
import { BREITBART_PARAGRAPHS, CNN_PARAGRAPHS, STATEMENT_PARAGRAPHS, breitbartPage, cnnPage, makeDocx, makePdf } from '../unit/sourceImport/fixtures';
import { api, closeAll, until, workspaceUri } from './helpers';
import { canDriveBrowser, quickInputFocused, screenshot, typeKeys } from './screenshot';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const exists = async (uri: vscode.Uri): Promise<boolean> => vscode.workspace.fs.stat(uri).then(() => true, () => false);

/**
 * The files to import wait in a dot-folder (not sources); the new sources go to `imported/`, a
 * normal folder, so the index picks them up. Both are removed afterwards.
 */
describe('import source: Import Source… and Import Source from URL…', () => {
  const inbox = (name: string): vscode.Uri => workspaceUri(`.import-inbox/${name}`);
  const target = workspaceUri('imported');

  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(inbox('cnn.html'), enc(cnnPage()));
    await vscode.workspace.fs.writeFile(inbox('statement.pdf'), await makePdf(STATEMENT_PARAGRAPHS, { title: 'Council statement', pages: 2 }));
    await vscode.workspace.fs.writeFile(inbox('memo.docx'), await makeDocx(BREITBART_PARAGRAPHS, { title: 'Ferry memo' }));
    await vscode.workspace.fs.writeFile(inbox('broken.pdf'), enc('%PDF-1.4 not really'));
    await vscode.workspace.fs.createDirectory(target);
  });

  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri('.import-inbox'), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(target, { recursive: true }).then(undefined, () => undefined);
    await closeAll();
    // The next suites count the workspace's sources and quotes: wait until these are gone.
    const a = await api();
    await until('the imported sources gone from the index', () => (a.index.sources().some((e) => e.relPath.startsWith('imported/')) ? undefined : true));
  });

  it('imports a saved page, a PDF and a .docx given as URIs, writes each provenance file, opens the first source, and the index takes it as a source', async () => {
    const a = await api();
    const r = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandIds.importSource, {
      files: [inbox('cnn.html').toString(), inbox('statement.pdf').toString(), inbox('memo.docx').toString()],
      folder: target.toString(),
    });
    assert.ok(r, `the import ran: ${a.importSource.lastError}`);
    assert.deepStrictEqual(r.failed, []);
    assert.deepStrictEqual(
      r.imported.map((i) => i.source.slice(i.source.lastIndexOf('/') + 1)),
      ['harbor-city-mayor-to-meet-neighbouring-towns.txt', 'council-statement.txt', 'ferry-memo.txt'],
    );
    const page = vscode.Uri.parse(r.imported[0].source);
    assert.ok((await read(page)).startsWith(CNN_PARAGRAPHS.join('\n\n')));
    assert.strictEqual(await read(vscode.Uri.parse(r.imported[1].source)), STATEMENT_PARAGRAPHS.join('\n\n') + '\n');
    const prov = parse(await read(vscode.Uri.parse(r.imported[0].provenance))) as Record<string, unknown>;
    assert.strictEqual(prov.outlet, 'CNN');
    assert.strictEqual(prov.published, '2017-01-28T10:02:47Z');
    assert.strictEqual((prov.original as Record<string, unknown>).file, 'cnn.html');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), page.toString(), 'the first new source is open');
    await until('the new source indexed', () => a.index.get(page));

    // Again: nothing is overwritten, the second copy gets a free name.
    const again = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandIds.importSource, { files: [inbox('cnn.html').toString()], folder: target.toString(), open: false });
    assert.match(again?.imported[0].source ?? '', /harbor-city-mayor-to-meet-neighbouring-towns-2\.txt$/);
  });

  it('a broken file is reported and writes nothing', async () => {
    const before = (await vscode.workspace.fs.readDirectory(target)).length;
    const r = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandIds.importSource, { files: [inbox('broken.pdf').toString()], folder: target.toString() });
    assert.ok(r, `the import ran: ${(await api()).importSource.lastError}`);
    assert.strictEqual(r.imported.length, 0);
    assert.match(r?.failed[0]?.message ?? '', /broken\.pdf: not a readable PDF/);
    assert.strictEqual((await vscode.workspace.fs.readDirectory(target)).length, before);
  });

  it('an import still running at sourceAnnotator.import.timeLimitSeconds is stopped, says so, and writes nothing', async () => {
    const config = vscode.workspace.getConfiguration('sourceAnnotator');
    const before = (await vscode.workspace.fs.readDirectory(target)).length;
    // A thousandth of a second (below the manifest's minimum of 1, which only the Settings editor enforces): no PDF is read that fast.
    await config.update('import.timeLimitSeconds', 0.001, vscode.ConfigurationTarget.Workspace);
    try {
      const r = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandIds.importSource, { files: [inbox('statement.pdf').toString()], folder: target.toString(), open: false });
      assert.ok(r, `the import ran: ${(await api()).importSource.lastError}`);
      assert.strictEqual(r.imported.length, 0);
      assert.match(r.failed[0]?.message ?? '', /^statement\.pdf: the import was stopped after 0\.001 s, its time limit .*nothing was written$/);
      assert.strictEqual((await vscode.workspace.fs.readDirectory(target)).length, before);
    } finally {
      await config.update('import.timeLimitSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // The limit back to its default, the next import runs on a new worker.
    const ok = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandIds.importSource, { files: [inbox('statement.pdf').toString()], folder: target.toString(), open: false });
    assert.deepStrictEqual(ok?.failed, []);
    assert.strictEqual(ok?.imported.length, 1);
  });

  it('files dropped on the Sources view (text/uri-list) are imported; other files are ignored', async () => {
    const a = await api();
    await vscode.workspace.fs.writeFile(inbox('dropped.html'), enc(cnnPage({ canonical: 'https://edition.cnn.com/dropped' }).replace(/Harbor City mayor to meet neighbouring towns/g, 'Dropped page')));
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(`${inbox('dropped.html').toString()}\r\n${inbox('notes.odt').toString()}\r\n`));
    const source = workspaceUri('dropped-page.txt');
    try {
      await new ImportDropController().handleDrop(undefined, data, new vscode.CancellationTokenSource().token);
      assert.ok(await exists(source), `dropped-page.txt written: ${a.importSource.lastError}`);
      assert.ok((await read(source)).startsWith(CNN_PARAGRAPHS[0]));
      assert.ok(await exists(workspaceUri('dropped-page.txt.provenance.yaml')));
    } finally {
      await vscode.workspace.fs.delete(source).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(workspaceUri('dropped-page.txt.provenance.yaml')).then(undefined, () => undefined);
      await closeAll();
    }
  });

  it('Import Source from URL: the address typed into the input box is fetched from a 127.0.0.1 server and saved beside the source', async function () {
    if (!canDriveBrowser()) this.skip();
    const page = breitbartPage({ canonical: 'https://www.breitbart.com/x' });
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/story') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/story`;
      const pending = vscode.commands.executeCommand<ImportOutcome | undefined>(CommandIds.importSourceFromUrl, { folder: target.toString() });
      await typeKeys(quickInputFocused('Import Source from URL'), { type: url });
      await screenshot('import-url', 300);
      await typeKeys({ press: 'Enter' });
      const r = await pending;
      assert.ok(r, 'the import ran');
      assert.deepStrictEqual(r.failed, []);
      assert.deepStrictEqual(hits, ['/story'], 'fetched once');
      const source = vscode.Uri.parse(r.imported[0].source);
      assert.match(source.path, /governor-ferry-line-will-open-before-summer\.txt$/);
      assert.ok((await read(source)).startsWith(BREITBART_PARAGRAPHS[0]));
      assert.ok(r.imported[0].savedPage && (await exists(vscode.Uri.parse(r.imported[0].savedPage))), 'the page is kept beside the source');
      assert.strictEqual(await read(vscode.Uri.parse(r.imported[0].savedPage)), page);
      const prov = parse(await read(vscode.Uri.parse(r.imported[0].provenance))) as Record<string, unknown>;
      assert.strictEqual(prov.url, 'https://www.breitbart.com/x');
      assert.strictEqual(prov.outlet, 'Breitbart');
      // What the user sees next: the new source open, and its row in the Sources view named by its
      // title, with the outlet and the date beside it.
      const a = await api();
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), source.toString(), 'the new source is open');
      const row = await until('the new source in the Sources view', async () => {
        a.tree.refreshNow();
        const node = await a.tree.sourceNode(source);
        if (!node) return undefined;
        const item = await a.tree.getTreeItem(node);
        return /Breitbart/.test(String(item.description)) ? { node, item } : undefined;
      });
      assert.match(String(typeof row.item.label === 'string' ? row.item.label : row.item.label?.label), /^Governor: Ferry Line Will Open Before Summer$/);
      assert.match(String(row.item.description), /^Breitbart · published \d{4}-\d{2}-\d{2} · governor-ferry-line-will-open-before-summer\.txt · /, 'outlet and day, no time');
      await vscode.commands.executeCommand('sourceAnnotator.sources.focus');
      await a.tree.treeView.reveal(row.node, { select: true, focus: true });
      // Wide enough for the descriptions (outlet and date), then back as it was.
      // (VS Code resizes the focused part: a narrower editor makes the side bar wider.)
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      for (let i = 0; i < 8; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      try {
        await screenshot('import-result', 800);
      } finally {
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        for (let i = 0; i < 8; i++) await vscode.commands.executeCommand('workbench.action.increaseViewWidth');
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
