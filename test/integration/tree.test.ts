import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension/main';
import { CommandIds } from '../../src/extension/commandIds';
import type { SourcesTree } from '../../src/extension/features/tree/sourcesTree';
import type { TreeNode } from '../../src/extension/features/tree/nodes';
import { api, closeAll, CNN_A, CNN_B, open, rangeOf, until, workspaceUri } from './helpers';
import { screenshot } from './screenshot';
import { visibleQuotes } from './viewHelpers';

type NodeLike = TreeNode | undefined | Promise<TreeNode>;

async function label(tree: SourcesTree, n: NodeLike): Promise<string> {
  const l = (await tree.getTreeItem((await n)!)).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

async function labels(tree: SourcesTree, ns: readonly TreeNode[]): Promise<string[]> {
  return Promise.all(ns.map((n) => label(tree, n)));
}

async function desc(tree: SourcesTree, n: NodeLike): Promise<string> {
  const d = (await tree.getTreeItem((await n)!)).description;
  return typeof d === 'string' ? d : '';
}

async function kids(tree: SourcesTree, n?: NodeLike): Promise<TreeNode[]> {
  return tree.getChildren(await n);
}

/** The child of `n` whose label is `text` (or matches it). */
async function child(tree: SourcesTree, n: NodeLike, text: string | RegExp): Promise<TreeNode> {
  const all = await kids(tree, n);
  const names = await labels(tree, all);
  const i = names.findIndex((l) => (typeof text === 'string' ? l === text : text.test(l)));
  assert.ok(i >= 0, `"${String(text)}" among [${names.join(' | ')}]`);
  return all[i];
}

async function sourceNode(tree: SourcesTree, name: string): Promise<TreeNode> {
  const n = (await tree.getChildren()).find((k) => k.kind === 'source' && k.uri === workspaceUri(name).toString());
  assert.ok(n, `source ${name} is in the tree`);
  return n;
}

describe('tree: the Sources view', () => {
  let a: SourceAnnotatorApi;
  const added: Array<{ uri: vscode.Uri; id: string }> = [];

  before(async () => {
    a = await api();
  });

  after(async () => {
    for (const x of added) await a.annotations.delete(x.uri, x.id).catch(() => undefined);
    await a.tree.setFilter('');
    await closeAll();
  });

  it('lists every source with entities by type, quotes by speaker and annotations by tag, with counts', async () => {
    const tree = a.tree;
    tree.refreshNow();
    const roots = await tree.getChildren();
    assert.deepStrictEqual(
      roots.map((r) => r.kind === 'source' && r.uri),
      a.index.sources().map((s) => s.key),
    );
    assert.ok(roots.length >= 3);
    const src = await sourceNode(tree, CNN_A);
    assert.strictEqual((await tree.getTreeItem(src)).contextValue, 'source');
    assert.match(await desc(tree, src), new RegExp(`^(?:.+ · )?\\d+ entities · ${visibleQuotes(a, workspaceUri(CNN_A))} quotes? · \\d+ notes?$`));
    assert.deepStrictEqual(await labels(tree, await kids(tree, src)), ['Entities', 'Quotes', 'Annotations']);

    const entry = a.index.get(workspaceUri(CNN_A))!;
    const trumpMentions = entry.analysis.entities.filter((m) => m.entity === 'Donald Trump');
    const people = await child(tree, child(tree, src, 'Entities'), 'People');
    const trump = await child(tree, people, 'Donald Trump');
    assert.strictEqual((await tree.getTreeItem(trump)).contextValue, 'entity.PERSON');
    assert.strictEqual(await desc(tree, trump), `${trumpMentions.length} mentions`);
    assert.strictEqual((await kids(tree, people))[0], trump, 'the most mentioned person comes first');
    const mentions = await kids(tree, trump);
    assert.strictEqual(mentions.length, trumpMentions.length);
    assert.deepStrictEqual((await tree.getTreeItem(mentions[0])).command?.arguments, [{ uri: entry.key, start: trumpMentions[0].start, end: trumpMentions[0].end }]);
    assert.ok((await labels(tree, await kids(tree, child(tree, src, 'Entities')))).includes('Places'));

    // A quote the two CNN versions share: "N sources", and its mentions across sources.
    const speaker = await child(tree, child(tree, src, 'Quotes'), 'Donald Trump');
    const quote = await child(tree, speaker, /^“We're looking to have a great relationship/);
    // both CNN versions are dated 2017-01-28 (their provenance files): a tie, said so
    assert.strictEqual(await desc(tree, quote), '2 sources · first here (tie)');
    assert.strictEqual((await tree.getTreeItem(quote)).contextValue, 'quote.shared');
    const across = await kids(tree, quote);
    assert.ok(across.some((m) => m.kind === 'mention' && m.uri === workspaceUri(CNN_B).toString()), 'the other CNN version is listed');
    assert.ok(across.some((m) => m.kind === 'mention' && m.uri === entry.key));
    assert.strictEqual(tree.getParent(across[0]), quote);
  });

  it('shows annotations by tag, untagged ones under "(untagged)", and refreshes live', async () => {
    const tree = a.tree;
    const uri = workspaceUri(CNN_B);
    const text = a.index.get(uri)!.text;
    const at = text.indexOf('Shinzo Abe');
    assert.ok(at > 0);
    const tagged = await a.annotations.add(uri, at, at + 'Shinzo Abe'.length, 'Japanese prime minister: check the call date', ['tree-test', 'people']);
    added.push({ uri, id: tagged.id });
    const at2 = text.indexOf('White House');
    const untagged = await a.annotations.add(uri, at2, at2 + 'White House'.length, 'no tags here', []);
    added.push({ uri, id: untagged.id });

    const group = await until('the annotations in the tree', async () => {
      const g = await child(tree, sourceNode(tree, CNN_B), 'Annotations');
      return (await kids(tree, g)).length >= 3 ? g : undefined;
    });
    const tags = await labels(tree, await kids(tree, group));
    assert.ok(tags.includes('tree-test') && tags.includes('people'), tags.join(', '));
    assert.strictEqual(tags[tags.length - 1], '(untagged)');
    const note = await child(tree, child(tree, group, 'tree-test'), /^Japanese prime minister/);
    assert.strictEqual((await tree.getTreeItem(note)).contextValue, 'annotation');
    assert.deepStrictEqual({ uri: (note as { uri: string }).uri, id: (note as { id: string }).id }, { uri: uri.toString(), id: tagged.id }, 'the element is an AnnotationRef for the edit/delete commands');
    // The context menu passes the element itself to the command.
    await vscode.commands.executeCommand(CommandIds.editAnnotation, note, 'Japanese prime minister: call date checked');
    assert.strictEqual(a.annotations.find(uri, tagged.id)?.annotation.note, 'Japanese prime minister: call date checked');
    await vscode.commands.executeCommand(CommandIds.retagAnnotation, note, ['tree-test', 'people', 'checked']);
    assert.deepStrictEqual(a.annotations.find(uri, tagged.id)?.annotation.tags, ['tree-test', 'people', 'checked']);
    assert.strictEqual(await label(tree, child(tree, child(tree, group, '(untagged)'), 'no tags here')), 'no tags here');
  });

  it('clicking a mention reveals its range', async () => {
    const tree = a.tree;
    await open(CNN_B);
    const src = sourceNode(tree, CNN_A);
    const putin = child(tree, child(tree, child(tree, src, 'Entities'), 'People'), 'Vladimir Putin');
    const first = (await kids(tree, putin))[0];
    const cmd = (await tree.getTreeItem(first)).command!;
    assert.strictEqual(cmd.command, CommandIds.revealRange);
    await vscode.commands.executeCommand(cmd.command, ...((cmd.arguments ?? []) as unknown[]));
    const editor = await until('the source revealed', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === workspaceUri(CNN_A).toString() ? e : undefined;
    });
    assert.ok(editor.selection.isEqual(rangeOf(editor.document, 'Vladimir Putin')), `selection ${JSON.stringify(editor.selection)}`);
  });

  it('filters by entity, quote, speaker, note or tag, and says so', async () => {
    const tree = a.tree;
    await vscode.commands.executeCommand(CommandIds.filterTree, 'tree-test');
    assert.strictEqual(tree.filterQuery, 'tree-test');
    let roots = await tree.getChildren();
    assert.deepStrictEqual(roots.map((r) => r.kind === 'source' && r.uri), [workspaceUri(CNN_B).toString()]);
    assert.deepStrictEqual(await labels(tree, await kids(tree, roots[0])), ['Annotations']);
    await until('the filter message', () => /tree-test/.test(tree.treeView.message ?? ''));
    assert.match(tree.treeView.description ?? '', /filter/);

    await vscode.commands.executeCommand(CommandIds.filterTree, 'putin');
    roots = await tree.getChildren();
    const src = roots.find((r) => r.kind === 'source' && r.uri === workspaceUri(CNN_A).toString())!;
    assert.ok(src);
    assert.strictEqual((await tree.getTreeItem(src)).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'filtered results start expanded');
    const people = await kids(tree, child(tree, (await kids(tree, src))[0], 'People'));
    assert.deepStrictEqual(await labels(tree, people), ['Vladimir Putin']);
    // Quotes match by text or speaker: none of seed 000's speakers is Putin, but a quote may mention him.
    for (const g of await kids(tree, src)) {
      if ((await label(tree, g)) !== 'Quotes') continue;
      for (const sp of await kids(tree, g)) for (const q of await kids(tree, sp)) assert.match(JSON.stringify((await tree.getTreeItem(q)).tooltip), /putin/i);
    }

    await vscode.commands.executeCommand(CommandIds.clearTreeFilter);
    assert.strictEqual(tree.filterQuery, '');
    assert.strictEqual(tree.treeView.message, undefined);
    assert.strictEqual((await tree.getChildren()).length, a.index.sources().length);
  });

  it('curates entities from the tree: not an entity, set type, rename, merge (the curation file, applied everywhere)', async () => {
    const tree = a.tree;
    const curationFile = workspaceUri('source-annotator.curation.yaml');
    const entitiesOf = (name: string): Set<string> => new Set(a.index.get(workspaceUri(name))!.analysis.entities.map((m) => m.entity));
    const people = (): Promise<TreeNode> => child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'People');
    const places = (): Promise<TreeNode> => child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Places');
    try {
      // Not an entity: the engine's "Kremlin" goes from the tree and the analysis of every source.
      tree.refreshNow();
      const orgs = child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Organisations');
      const kremlin = await child(tree, orgs, 'Kremlin');
      assert.ok(await vscode.commands.executeCommand(CommandIds.notAnEntity, kremlin));
      await until('Kremlin gone from the analysis', () => a.index.sources().every((s) => !s.analysis.entities.some((m) => m.entity === 'Kremlin')));
      tree.refreshNow();
      const orgNames = (await labels(tree, await kids(tree, child(tree, sourceNode(tree, CNN_A), 'Entities')))).includes('Organisations')
        ? await labels(tree, await kids(tree, child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Organisations')))
        : [];
      assert.ok(!orgNames.includes('Kremlin'), orgNames.join(', '));
      const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(curationFile));
      assert.match(yaml, /notEntities:\s*\n\s*- Kremlin/);

      // Rename the canonical name.
      assert.ok(await vscode.commands.executeCommand(CommandIds.renameEntity, await child(tree, people(), 'Angela Merkel'), 'Chancellor Angela Merkel'));
      await until('the rename applied', () => entitiesOf(CNN_A).has('Chancellor Angela Merkel') && !entitiesOf(CNN_A).has('Angela Merkel'));
      tree.refreshNow();
      await child(tree, people(), 'Chancellor Angela Merkel');

      // Merge "Moscow" into "Russia": Russia gets Moscow's mentions.
      const russia = await desc(tree, child(tree, places(), 'Russia'));
      const moscow = await desc(tree, child(tree, places(), 'Moscow'));
      const n = (d: string): number => Number(/^(\d+)/.exec(d)![1]);
      assert.ok(await vscode.commands.executeCommand(CommandIds.mergeEntity, await child(tree, places(), 'Moscow'), 'Russia'));
      await until('the merge applied', () => !entitiesOf(CNN_A).has('Moscow'));
      tree.refreshNow();
      assert.strictEqual(n(await desc(tree, child(tree, places(), 'Russia'))), n(russia) + n(moscow));

      // Set the type of the merged entity: every mention of it, Moscow's included, follows.
      assert.ok(await vscode.commands.executeCommand(CommandIds.setEntityType, await child(tree, places(), 'Russia'), 'ORG'));
      const russiaMentions = (): Array<{ text: string; type: string }> => a.index.get(workspaceUri(CNN_A))!.analysis.entities.filter((m) => m.entity === 'Russia');
      await until('the type applied', () => {
        const ms = russiaMentions();
        return ms.length >= n(russia) + n(moscow) && ms.every((m) => m.type === 'ORG');
      }).catch((err: Error) => {
        throw new Error(`${err.message}: ${JSON.stringify(russiaMentions())}; rules ${JSON.stringify(a.index.curationRules)}`);
      });
      tree.refreshNow();
      await child(tree, child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Organisations'), 'Russia');
      const final = new TextDecoder().decode(await vscode.workspace.fs.readFile(curationFile));
      assert.match(final, /renames:/);
      assert.match(final, /merges:/);
      assert.match(final, /types:/);
    } finally {
      // Deleting the file (a watched change) takes every correction back.
      await vscode.workspace.fs.delete(curationFile).then(undefined, () => undefined);
      await until('the corrections undone', () => entitiesOf(CNN_A).has('Kremlin') && entitiesOf(CNN_A).has('Moscow'), 15_000);
      await a.curation.whenLoaded();
      tree.refreshNow();
    }
  });

  it('shows the tree view expanded (screenshot)', async () => {
    const tree = a.tree;
    await open(CNN_A);
    await vscode.commands.executeCommand('sourceAnnotator.sources.focus');
    await until('the tree view visible', () => tree.treeView.visible);
    const src = await sourceNode(tree, CNN_A);
    const entities = await child(tree, src, 'Entities');
    const people = await child(tree, entities, 'People');
    const quotes = await child(tree, src, 'Quotes');
    const trumpQuotes = await child(tree, quotes, 'Donald Trump');
    const shared = await child(tree, trumpQuotes, /^“We're looking to have a great relationship/);
    // The view may be re-rendering after a refresh (the previous test's corrections): retry.
    const reveal = async (n: TreeNode, options: { expand?: boolean; select?: boolean; focus?: boolean }): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        try {
          await tree.treeView.reveal(n, options);
          return;
        } catch (err) {
          if (attempt >= 10) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    await reveal(src, { expand: true });
    await reveal(entities, { expand: true });
    await reveal(people, { expand: true });
    await reveal(quotes, { expand: true });
    await reveal(trumpQuotes, { expand: true });
    await reveal(shared, { expand: true, select: true, focus: true });
    await reveal(src, { select: false, focus: false });
    await screenshot('tree-view', 1000);
  });
});
