import * as assert from 'assert';
import * as vscode from 'vscode';
import { unzipSync } from 'fflate';
import type { SourceAnnotatorApi } from '../../src/extension/main';
import { CommandIds } from '../../src/extension/commandIds';
import type { ExportOutcome } from '../../src/extension/features/exportCommands';
import { api, closeAll, CNN_A, CNN_B, workspaceUri } from './helpers';

/** Exports go to a dot-folder, which the default source globs exclude (a .md export would otherwise become a source). */
const out = (name: string): vscode.Uri => workspaceUri(`.exports/${name}`);

async function bytes(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

describe('export: Export Annotations… and Export This Source…', () => {
  let a: SourceAnnotatorApi;
  const added: Array<{ uri: vscode.Uri; id: string }> = [];
  const NOTE = 'Export test: "quoted", with a comma';

  before(async () => {
    a = await api();
    for (const [name, exact, tags] of [
      [CNN_A, 'Angela Merkel', ['export-test', 'people']],
      [CNN_B, 'Shinzo Abe', ['export-test']],
    ] as const) {
      const uri = workspaceUri(name);
      const text = a.index.get(uri)!.text;
      const at = text.indexOf(exact);
      const ann = await a.annotations.add(uri, at, at + exact.length, NOTE, [...tags]);
      added.push({ uri, id: ann.id });
    }
  });

  after(async () => {
    for (const x of added) await a.annotations.delete(x.uri, x.id).catch(() => undefined);
    await vscode.workspace.fs.delete(workspaceUri('.exports'), { recursive: true }).then(undefined, () => undefined);
    await closeAll();
  });

  it('exports CSV with the header and one row per annotation', async () => {
    const r = await vscode.commands.executeCommand<ExportOutcome | undefined>(CommandIds.exportAnnotations, { format: 'csv', target: out('all.csv').toString() });
    assert.ok(r, 'the export ran');
    const text = new TextDecoder().decode(await bytes(out('all.csv')));
    assert.ok(text.startsWith('"source","start","end","exact","note","tags","author","created","modified"'), text.slice(0, 120));
    assert.ok(text.includes(`"${CNN_A}",`) && text.includes(`"${CNN_B}",`));
    assert.ok(text.includes('"Export test: ""quoted"", with a comma"'), 'RFC 4180 quoting');
    assert.ok(r.annotations >= 2);
    assert.strictEqual(r.bytes, (await bytes(out('all.csv'))).length);
  });

  it('exports CSV with a BOM for Excel', async () => {
    await vscode.commands.executeCommand(CommandIds.exportAnnotations, { format: 'csv-bom', target: out('excel.csv').toString() });
    const b = await bytes(out('excel.csv'));
    assert.deepStrictEqual([...b.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('exports W3C Web Annotation JSON-LD', async () => {
    await vscode.commands.executeCommand(CommandIds.exportAnnotations, { format: 'w3c', target: out('all.jsonld').toString() });
    const json = JSON.parse(new TextDecoder().decode(await bytes(out('all.jsonld')))) as { '@context': string; type: string; first: { items: Array<{ id: string; body: Array<{ value: string; purpose: string }> }> } };
    assert.strictEqual(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.strictEqual(json.type, 'AnnotationCollection');
    const mine = json.first.items.filter((i) => i.body.some((b) => b.purpose === 'commenting' && b.value === NOTE));
    assert.strictEqual(mine.length, 2);
    assert.ok(added.every((x) => json.first.items.some((i) => i.id.includes(x.id))));
  });

  it('exports a REFI-QDA project (a zip) and codebook', async () => {
    await vscode.commands.executeCommand(CommandIds.exportAnnotations, { format: 'qdpx', target: out('all.qdpx').toString() });
    const zip = await bytes(out('all.qdpx'));
    assert.strictEqual(String.fromCharCode(zip[0], zip[1]), 'PK');
    const files = Object.keys(unzipSync(zip)).filter((f) => f.startsWith('sources/'));
    assert.strictEqual(files.length, a.index.sources().filter((e) => e.error === undefined).length, 'every source, annotated or not');
    // The positions setting (here through the command's arguments) reaches the export.
    await vscode.commands.executeCommand(CommandIds.exportAnnotations, { format: 'qdpx', target: out('utf16.qdpx').toString(), positions: 'utf16' });
    assert.strictEqual(String.fromCharCode(...(await bytes(out('utf16.qdpx'))).slice(0, 2)), 'PK');
    await vscode.commands.executeCommand(CommandIds.exportAnnotations, { format: 'qdc', target: out('tags.qdc').toString() });
    const qdc = new TextDecoder().decode(await bytes(out('tags.qdc')));
    assert.match(qdc, /^<\?xml/);
    assert.match(qdc, /name="export-test"/);
  });

  it('exports a Markdown report with the notes and a summary of entities and quotes', async () => {
    await vscode.commands.executeCommand(CommandIds.exportAnnotations, { format: 'md', target: out('report.md').toString() });
    const md = new TextDecoder().decode(await bytes(out('report.md')));
    assert.ok(md.includes('Export test'), md.slice(0, 400));
    assert.match(md, /Angela Merkel/);
    assert.match(md, /export-test/);
    assert.ok(!md.includes('No quote appears in more than one source'), 'the two CNN versions share quotes: the summary covers the workspace');
    assert.match(md, /#### 1\. \[Line \d+\]\(<[^>]+#L\d+>\)/, 'headings give the line with a relative link');
  });

  it('exports one source from the tree context menu', async () => {
    const node = (await a.tree.getChildren()).find((n) => n.kind === 'source' && n.uri === workspaceUri(CNN_A).toString());
    assert.ok(node);
    const r = await vscode.commands.executeCommand<ExportOutcome | undefined>(CommandIds.exportSource, node, { format: 'csv', target: out('one.csv').toString() });
    assert.ok(r);
    assert.strictEqual(r.sources, 1);
    const rows = new TextDecoder().decode(await bytes(out('one.csv'))).trim().split(/\r?\n/).slice(1);
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((row) => row.startsWith(`"${CNN_A}",`)), rows.join('\n'));
  });
});
