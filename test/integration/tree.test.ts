import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension/main';
import { CommandIds } from '../../src/extension/commandIds';
import type { SourcesTree } from '../../src/extension/features/tree/sourcesTree';
import type { TreeNode } from '../../src/extension/features/tree/nodes';
import { api, closeAll, CNN_A, CNN_B, open, rangeOf, until, workspaceUri } from './helpers';
import { screenshot } from './screenshot';
import { visibleQuotes } from './viewHelpers';

function label(tree: SourcesTree, n: TreeNode): string {
  const l = tree.getTreeItem(n).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

function desc(tree: SourcesTree, n: TreeNode): string {
  const d = tree.getTreeItem(n).description;
  return typeof d === 'string' ? d : '';
}

/** The child of `n` whose label is `text` (or matches it). */
function child(tree: SourcesTree, n: TreeNode | undefined, text: string | RegExp): TreeNode {
  const kids = tree.getChildren(n);
  const found = kids.find((k) => (typeof text === 'string' ? label(tree, k) === text : text.test(label(tree, k))));
  assert.ok(found, `"${String(text)}" among [${kids.map((k) => label(tree, k)).join(' | ')}]`);
  return found;
}

function sourceNode(tree: SourcesTree, name: string): TreeNode {
  const n = tree.getChildren().find((k) => k.kind === 'source' && k.uri === workspaceUri(name).toString());
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

  it('lists every source with entities by type, quotes by speaker and annotations by tag, with counts', () => {
    const tree = a.tree;
    tree.refreshNow();
    const roots = tree.getChildren();
    assert.deepStrictEqual(
      roots.map((r) => r.kind === 'source' && r.uri),
      a.index.sources().map((s) => s.key),
    );
    assert.ok(roots.length >= 3);
    const src = sourceNode(tree, CNN_A);
    assert.strictEqual(tree.getTreeItem(src).contextValue, 'source');
    assert.match(desc(tree, src), new RegExp(`^\\d+ entities · ${visibleQuotes(a, workspaceUri(CNN_A))} quotes · \\d+ notes$`));
    assert.deepStrictEqual(tree.getChildren(src).map((g) => label(tree, g)), ['Entities', 'Quotes', 'Annotations']);

    const entry = a.index.get(workspaceUri(CNN_A))!;
    const trumpMentions = entry.analysis.entities.filter((m) => m.entity === 'Donald Trump');
    const people = child(tree, child(tree, src, 'Entities'), 'People');
    const trump = child(tree, people, 'Donald Trump');
    assert.strictEqual(tree.getTreeItem(trump).contextValue, 'entity.PERSON');
    assert.strictEqual(desc(tree, trump), `${trumpMentions.length} mentions`);
    assert.strictEqual(tree.getChildren(people)[0], trump, 'the most mentioned person comes first');
    const mentions = tree.getChildren(trump);
    assert.strictEqual(mentions.length, trumpMentions.length);
    assert.deepStrictEqual(tree.getTreeItem(mentions[0]).command?.arguments, [{ uri: entry.key, start: trumpMentions[0].start, end: trumpMentions[0].end }]);
    assert.ok(tree.getChildren(child(tree, src, 'Entities')).some((t) => label(tree, t) === 'Places'));

    // A quote the two CNN versions share: "N sources", and its mentions across sources.
    const speaker = child(tree, child(tree, src, 'Quotes'), 'Donald Trump');
    const quote = child(tree, speaker, /^“We're looking to have a great relationship/);
    assert.strictEqual(desc(tree, quote), '2 sources');
    assert.strictEqual(tree.getTreeItem(quote).contextValue, 'quote.shared');
    const across = tree.getChildren(quote);
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

    const group = await until('the annotations in the tree', () => {
      const g = child(tree, sourceNode(tree, CNN_B), 'Annotations');
      return tree.getChildren(g).length >= 3 ? g : undefined;
    });
    const tags = tree.getChildren(group).map((t) => label(tree, t));
    assert.ok(tags.includes('tree-test') && tags.includes('people'), tags.join(', '));
    assert.strictEqual(tags[tags.length - 1], '(untagged)');
    const note = child(tree, child(tree, group, 'tree-test'), /^Japanese prime minister/);
    assert.strictEqual(tree.getTreeItem(note).contextValue, 'annotation');
    assert.deepStrictEqual({ uri: (note as { uri: string }).uri, id: (note as { id: string }).id }, { uri: uri.toString(), id: tagged.id }, 'the element is an AnnotationRef for the edit/delete commands');
    assert.strictEqual(label(tree, child(tree, child(tree, group, '(untagged)'), 'no tags here')), 'no tags here');
  });

  it('clicking a mention reveals its range', async () => {
    const tree = a.tree;
    await open(CNN_B);
    const src = sourceNode(tree, CNN_A);
    const trump = child(tree, child(tree, child(tree, src, 'Entities'), 'People'), 'Vladimir Putin');
    const first = tree.getChildren(trump)[0];
    const cmd = tree.getTreeItem(first).command!;
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
    let roots = tree.getChildren();
    assert.deepStrictEqual(roots.map((r) => r.kind === 'source' && r.uri), [workspaceUri(CNN_B).toString()]);
    assert.deepStrictEqual(tree.getChildren(roots[0]).map((g) => label(tree, g)), ['Annotations']);
    assert.match(tree.treeView.message ?? '', /tree-test/);
    assert.match(tree.treeView.description ?? '', /filter/);

    await vscode.commands.executeCommand(CommandIds.filterTree, 'putin');
    roots = tree.getChildren();
    const src = roots.find((r) => r.kind === 'source' && r.uri === workspaceUri(CNN_A).toString())!;
    assert.ok(src);
    assert.strictEqual(tree.getTreeItem(src).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'filtered results start expanded');
    const people = tree.getChildren(child(tree, tree.getChildren(src)[0], 'People'));
    assert.deepStrictEqual(people.map((p) => label(tree, p)), ['Vladimir Putin']);
    // Quotes match by text or speaker: none of seed 000's speakers is Putin, but a quote may mention him.
    for (const g of tree.getChildren(src)) {
      if (label(tree, g) !== 'Quotes') continue;
      for (const sp of tree.getChildren(g)) for (const q of tree.getChildren(sp)) assert.match(JSON.stringify(tree.getTreeItem(q).tooltip), /putin/i);
    }

    await vscode.commands.executeCommand(CommandIds.clearTreeFilter);
    assert.strictEqual(tree.filterQuery, '');
    assert.strictEqual(tree.treeView.message, undefined);
    assert.strictEqual(tree.getChildren().length, a.index.sources().length);
  });

  it('curates entities from the tree: not an entity, set type, rename, merge (the curation file, applied everywhere)', async () => {
    const tree = a.tree;
    const curationFile = workspaceUri('source-annotator.curation.yaml');
    const entitiesOf = (name: string): Set<string> => new Set(a.index.get(workspaceUri(name))!.analysis.entities.map((m) => m.entity));
    const people = (): TreeNode => child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'People');
    const places = (): TreeNode => child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Places');
    try {
      // Not an entity: the engine's "Kremlin" goes from the tree and the analysis of every source.
      tree.refreshNow();
      const orgs = child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Organisations');
      const kremlin = child(tree, orgs, 'Kremlin');
      assert.ok(await vscode.commands.executeCommand(CommandIds.notAnEntity, kremlin));
      await until('Kremlin gone from the analysis', () => a.index.sources().every((s) => !s.analysis.entities.some((m) => m.entity === 'Kremlin')));
      tree.refreshNow();
      const orgNames = tree.getChildren(child(tree, sourceNode(tree, CNN_A), 'Entities')).some((t) => label(tree, t) === 'Organisations')
        ? tree.getChildren(child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Organisations')).map((e) => label(tree, e))
        : [];
      assert.ok(!orgNames.includes('Kremlin'), orgNames.join(', '));
      const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(curationFile));
      assert.match(yaml, /notEntities:\s*\n\s*- Kremlin/);

      // Rename the canonical name.
      assert.ok(await vscode.commands.executeCommand(CommandIds.renameEntity, child(tree, people(), 'Angela Merkel'), 'Chancellor Angela Merkel'));
      await until('the rename applied', () => entitiesOf(CNN_A).has('Chancellor Angela Merkel') && !entitiesOf(CNN_A).has('Angela Merkel'));
      tree.refreshNow();
      child(tree, people(), 'Chancellor Angela Merkel');

      // Merge "Moscow" into "Russia": Russia gets Moscow's mentions.
      const russia = desc(tree, child(tree, places(), 'Russia'));
      const moscow = desc(tree, child(tree, places(), 'Moscow'));
      const n = (d: string): number => Number(/^(\d+)/.exec(d)![1]);
      assert.ok(await vscode.commands.executeCommand(CommandIds.mergeEntity, child(tree, places(), 'Moscow'), 'Russia'));
      await until('the merge applied', () => !entitiesOf(CNN_A).has('Moscow'));
      tree.refreshNow();
      assert.strictEqual(n(desc(tree, child(tree, places(), 'Russia'))), n(russia) + n(moscow));

      // Set the type of the merged entity: every mention of it, Moscow's included, follows.
      assert.ok(await vscode.commands.executeCommand(CommandIds.setEntityType, child(tree, places(), 'Russia'), 'ORG'));
      const russiaMentions = (): Array<{ text: string; type: string }> => a.index.get(workspaceUri(CNN_A))!.analysis.entities.filter((m) => m.entity === 'Russia');
      await until('the type applied', () => {
        const ms = russiaMentions();
        return ms.length >= n(russia) + n(moscow) && ms.every((m) => m.type === 'ORG');
      }).catch((err: Error) => {
        throw new Error(`${err.message}: ${JSON.stringify(russiaMentions())}; rules ${JSON.stringify(a.index.curationRules)}`);
      });
      tree.refreshNow();
      child(tree, child(tree, child(tree, sourceNode(tree, CNN_A), 'Entities'), 'Organisations'), 'Russia');
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
    const src = sourceNode(tree, CNN_A);
    const entities = child(tree, src, 'Entities');
    const people = child(tree, entities, 'People');
    const quotes = child(tree, src, 'Quotes');
    const trumpQuotes = child(tree, quotes, 'Donald Trump');
    const shared = child(tree, trumpQuotes, /^“We're looking to have a great relationship/);
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
