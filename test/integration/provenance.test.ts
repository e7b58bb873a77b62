import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension/main';
import { CommandIds } from '../../src/extension/commandIds';
import type { TreeNode } from '../../src/extension/features/tree/nodes';
import { api, closeAll, CNN_A, CNN_B, hoverText, open, OTHER, rangeOf, until, workspaceUri } from './helpers';
import { screenshot } from './screenshot';

/** Two more sources with the seeds' Trump quote: an earlier one and a later one with a word changed. */
const EARLY = 'zz-early-wire.txt';
const ALTERED = 'zz-altered-daily.txt';
const FIXTURES: Record<string, string> = {
  [EARLY]: 'Washington, Jan 27. "We\'re looking to have a great relationship with all countries," Trump said on Friday.\n',
  [`${EARLY}.provenance.yaml`]: 'version: 1\ntitle: "Trump on his first foreign calls"\noutlet: Wire Service\npublished: 2017-01-27\n',
  [ALTERED]: 'In a later account, "We\'re looking to have a strong relationship with all countries," Trump said.\n',
  [`${ALTERED}.provenance.yaml`]: 'version: 1\ntitle: "Trump\'s calls, a day later"\noutlet: Altered Daily\npublished: 2017-01-29T08:00:00Z\nurl: https://altered.example/calls\n',
};

async function label(a: SourceAnnotatorApi, n: TreeNode): Promise<{ label: string; description: string; tooltip: string }> {
  const item = await a.tree.getTreeItem(n);
  const l = item.label;
  const tip = item.tooltip;
  return {
    label: typeof l === 'string' ? l : (l?.label ?? ''),
    description: typeof item.description === 'string' ? item.description : '',
    tooltip: typeof tip === 'string' ? tip : (tip?.value ?? ''),
  };
}

async function rootOf(a: SourceAnnotatorApi, name: string): Promise<TreeNode> {
  const n = (await a.tree.getChildren()).find((k) => k.kind === 'source' && k.uri === workspaceUri(name).toString());
  assert.ok(n, `${name} is in the tree`);
  return n;
}

describe('provenance: titles, outlets, dates and where a quote first appeared', () => {
  let a: SourceAnnotatorApi;

  before(async () => {
    a = await api();
  });

  after(async () => {
    await a.tree.setFilter('');
    await vscode.workspace.getConfiguration('sourceAnnotator').update('sources.sortBy', undefined, vscode.ConfigurationTarget.Workspace);
    for (const name of Object.keys(FIXTURES)) fs.rmSync(workspaceUri(name).fsPath, { force: true });
    await until('the fixtures gone from the index', () => !a.index.get(workspaceUri(EARLY)) && !a.index.get(workspaceUri(ALTERED)), 20_000);
    await closeAll();
  });

  it('provenance: the Sources view shows the outlet and date of the seeds, and the file name after them', async () => {
    a.tree.refreshNow();
    const cnn = await label(a, await rootOf(a, CNN_A));
    assert.match(cnn.description, new RegExp(`^CNN · published 2017-01-28 · ${CNN_A.replace('.', '\\.')} · \\d+ entities`));
    assert.notStrictEqual(cnn.label, CNN_A, 'the file name is no longer the label');
    assert.match(cnn.tooltip, /Outlet: CNN/);
    const other = await label(a, await rootOf(a, OTHER));
    assert.match(other.description, /^Breitbart · published 2017-01-28 · /);
  });

  it('provenance: a source with a title shows it; Sort by Date puts the earliest first and says by what', async () => {
    for (const [name, text] of Object.entries(FIXTURES)) fs.writeFileSync(workspaceUri(name).fsPath, text);
    await until('the fixtures indexed', () => a.index.get(workspaceUri(EARLY)) && a.index.get(workspaceUri(ALTERED)), 20_000);
    await until('the title shown', async () => (await label(a, await rootOf(a, EARLY))).label === 'Trump on his first foreign calls', 20_000);
    const early = await label(a, await rootOf(a, EARLY));
    assert.match(early.description, new RegExp(`^Wire Service · published 2017-01-27 · ${EARLY.replace(/[.-]/g, '\\$&')} · `));
    assert.match(early.tooltip, /File: zz\\-early\\-wire\\.txt/);

    // By path, the fixtures come last; by date, the Wire story of 27 January comes first.
    assert.strictEqual((await a.tree.getChildren())[0].kind === 'source' && (await a.tree.getChildren())[0].source, workspaceUri(CNN_A).toString());
    await vscode.commands.executeCommand(CommandIds.sortSourcesByDate);
    await until('sorted by date', async () => {
      const roots = await a.tree.getChildren();
      return roots.length > 0 && roots[0].source === workspaceUri(EARLY).toString();
    });
    const order = (await a.tree.getChildren()).map((n) => n.source.split('/').pop());
    assert.ok(order.indexOf(ALTERED) > order.indexOf(OTHER) && order.indexOf(OTHER) > order.indexOf(CNN_A), `the 28 January seeds in path order, then the 29 January story: ${order.join(', ')}`);
    await until('the view says it is sorted by date', () => a.tree.treeView.description === 'by date');
    await vscode.commands.executeCommand(CommandIds.sortSourcesByPath);
    await until('sorted by path', async () => (await a.tree.getChildren())[0]?.source === workspaceUri(CNN_A).toString());
  });

  it('provenance: the quote hover shows where the quote first appeared and the later mention that changed a word', async () => {
    await until('the fixtures indexed', () => a.index.get(workspaceUri(ALTERED)), 20_000);
    const editor = await open(CNN_A);
    const doc = editor.document;
    const inQuote = rangeOf(doc, 'great relationship with all countries').start.translate(0, 3);
    const text = await until(
      'the hover with the altered mention',
      async () => {
        const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inQuote));
        return t.includes('Altered Daily') ? t : undefined;
      },
      20_000,
    );
    const plain = text.replace(/\\(.)/g, '$1');
    assert.match(plain, /\*\*Words changed\*\* after it first appeared/);
    assert.match(plain, /\*\*First appeared\*\* in \[zz-early-wire\.txt\]\([^)]*\) · Wire Service · “Trump on his first foreign calls” · published 2017-01-27/);
    assert.match(plain, /Ordered by publication date\./);
    assert.match(plain, /Here: \*identical\*|Here: \*punctuation or marks differ\*/, 'the hovered CNN mention against the earliest');
    assert.match(plain, /\[001_61c640aecea7aba7\.txt\][^\n]*CNN · published 2017-01-28: \*punctuation or marks differ\*/);
    assert.match(plain, /\[zz-altered-daily\.txt\][^\n]*Altered Daily[^\n]*published 2017-01-29T08:00:00Z: \*\*words changed\*\*: [^\n]*~~great~~ \*\*strong\*\*/);
    // The order of appearance: the earliest, then CNN (28 January), then the altered one.
    assert.ok(plain.indexOf(CNN_B) < plain.indexOf(ALTERED));
    editor.selection = new vscode.Selection(inQuote, inQuote);
    editor.revealRange(new vscode.Range(inQuote, inQuote), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('provenance-hover', 1200);
  });

  it('provenance: the quotes section marks the altered quote and lists its mentions in order of appearance', async () => {
    await until('the fixtures indexed', () => a.index.get(workspaceUri(ALTERED)), 20_000);
    a.tree.refreshNow();
    const src = await rootOf(a, CNN_A);
    const groups = await a.tree.getChildren(src);
    const quotes = groups.find((g) => g.kind === 'group' && g.group === 'quotes')!;
    const speakers = await a.tree.getChildren(quotes);
    let found: TreeNode | undefined;
    for (const s of speakers) {
      for (const q of await a.tree.getChildren(s)) {
        if ((await label(a, q)).label.includes('great relationship with all')) found = q;
      }
    }
    assert.ok(found, 'the quote is listed');
    const item = await label(a, found);
    assert.match(item.description, /first: Wire Service “Trump on his first foreign calls” · words changed/);
    const mentions = await a.tree.getChildren(found);
    const rows = await Promise.all(mentions.map((m) => label(a, m)));
    assert.deepStrictEqual(
      rows.map((r) => r.label),
      [EARLY, CNN_A, CNN_B, ALTERED],
    );
    assert.match(rows[0].description, /^earliest · Wire Service · published 2017-01-27/);
    assert.match(rows[3].description, /^words changed · Altered Daily/);
  });

  it('provenance: Show Altered Quotes lists only the altered quotes of the whole workspace', async () => {
    await until('the fixtures indexed', () => a.index.get(workspaceUri(ALTERED)), 20_000);
    const n = await vscode.commands.executeCommand<number>(CommandIds.showAlteredQuotes);
    assert.strictEqual(n, 1, 'one altered quote');
    const roots = await a.tree.getChildren();
    assert.deepStrictEqual(roots.map((r) => r.source.split('/').pop()).sort(), [CNN_A, CNN_B, ALTERED, EARLY].sort());
    for (const r of roots) {
      const groups = await a.tree.getChildren(r);
      assert.deepStrictEqual(groups.map((g) => g.kind === 'group' && g.group), ['quotes'], 'only the quotes group');
      const speakers = await a.tree.getChildren(groups[0]);
      const quotes = (await Promise.all(speakers.map((s) => a.tree.getChildren(s)))).flat();
      assert.strictEqual(quotes.length, 1, `${r.source}: only the altered quote`);
    }
    assert.strictEqual(a.tree.treeView.description, 'altered quotes');
    assert.match(a.tree.treeView.message ?? '', /1 quote in 4 sources/);
    await screenshot('provenance-altered-filter', 800);
    await vscode.commands.executeCommand(CommandIds.clearTreeFilter);
    assert.ok((await a.tree.getChildren()).length >= 5);
  });
});
