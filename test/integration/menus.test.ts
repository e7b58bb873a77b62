import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { CommandIds } from '../../src/extension/commandIds';
import type { TreeNode } from '../../src/extension/features/tree/nodes';
import { api, closeAll, CNN_A, open, rangeOf, until, workspaceUri } from './helpers';
import { canDriveBrowser, screenshot, typeKeys } from './screenshot';

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

function manifest(): { menus: Record<string, MenuEntry[]>; titles: Map<string, string> } {
  const ext = vscode.extensions.getExtension('source-annotator.source-annotator')!;
  const pkg = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, MenuEntry[]>; commands: Array<{ command: string; title: string }> };
  };
  return { menus: pkg.contributes.menus, titles: new Map(pkg.contributes.commands.map((c) => [c.command, c.title])) };
}

/** Errors the workbench shows (a command that threw shows one). */
async function errorToasts(): Promise<string[]> {
  await vscode.commands.executeCommand('notifications.showList');
  const [items] = await typeKeys({ read: '.notifications-center .notification-list-item' });
  await vscode.commands.executeCommand('notifications.hideList');
  return items.map((t) => t.text).filter((t) => /TypeError|is not a function|Cannot read|undefined/i.test(t));
}

async function escapeAnyPrompt(): Promise<void> {
  const [open] = await typeKeys({ read: '.quick-input-widget .quick-input-box input' });
  if (open.length > 0) await typeKeys({ press: 'Escape' });
}

/** Run a command with the workbench's arguments; a prompt it opens is closed with Escape. */
async function runAsWorkbench(command: string, args: unknown[]): Promise<{ ok: true; v: unknown } | { ok: false; e: unknown }> {
  let settled = false;
  const outcome = vscode.commands.executeCommand(command, ...args).then(
    (v) => {
      settled = true;
      return { ok: true as const, v };
    },
    (e: unknown) => {
      settled = true;
      return { ok: false as const, e };
    },
  );
  for (let i = 0; i < 20 && !settled; i++) {
    await new Promise((res) => setTimeout(res, 250));
    if (!settled && canDriveBrowser()) await escapeAnyPrompt();
  }
  return outcome;
}

describe('menus: every title-bar and context-menu command, called as the workbench calls it', () => {
  after(closeAll);

  it('clicks every title-bar button of the Sources view in the real workbench (Filter takes a typed query; Clear Filter shows only when filtered; Show Coders opens its pick; group by coder and back)', async function () {
    if (!canDriveBrowser()) this.skip();
    const a = await api();
    const { menus, titles } = manifest();
    await vscode.workspace.getConfiguration('workbench.view').update('alwaysShowHeaderActions', true, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('sourceAnnotator.sources.focus');
      const button = (command: string): string => `.pane:has(.pane-header h3:has-text("Sources")) .pane-header .action-label[aria-label^=${JSON.stringify(titles.get(command))}]`;
      const [before] = await typeKeys({ waitFor: button(CommandIds.filterTree) }, { read: button(CommandIds.clearTreeFilter) });
      assert.strictEqual(before.length, 0, 'no Clear Filter button without a filter');
      for (const entry of menus['view/title']) {
        if (entry.command === CommandIds.clearTreeFilter) continue;
        if (!(entry.when ?? '').includes('view == sourceAnnotator.sources')) continue; // other views' buttons (agreement.test)
        // Entries outside the navigation group sit in the view's "…" menu, not in the title bar.
        if (!(entry.group ?? '').startsWith('navigation')) continue;
        if (entry.command === CommandIds.filterTree) {
          await typeKeys({ click: button(entry.command) }, { waitFor: '.quick-input-widget:has-text("Filter Sources") input:focus' }, { type: 'Putin' }, { press: 'Enter' });
          await until('the filter set from the title bar', () => (a.tree.filterQuery === 'Putin' ? true : undefined));
          await screenshot('tree-filtered');
          await typeKeys({ waitFor: button(CommandIds.clearTreeFilter) }, { click: button(CommandIds.clearTreeFilter) });
          await until('the filter cleared', () => (a.tree.filterQuery === '' ? true : undefined));
        } else if (entry.command === CommandIds.showCoders) {
          // The workbench passes its own context object: the command opens the pick rather than taking it as a choice.
          // An annotation, so that there is a coder to list (without any the command says so instead).
          const uri = workspaceUri(CNN_A);
          const text = a.index.get(uri)!.text;
          const made = await a.annotations.add(uri, text.indexOf('Putin'), text.indexOf('Putin') + 5, 'coder menu test', []);
          try {
            const before = vscode.workspace.getConfiguration('sourceAnnotator').get<string[]>('coders.shown');
            await typeKeys({ click: button(entry.command) }, { waitFor: '.quick-input-widget:has-text("Show Coders")' }, { press: 'Escape' });
            assert.deepStrictEqual(vscode.workspace.getConfiguration('sourceAnnotator').get<string[]>('coders.shown'), before, 'Escape changes nothing');
          } finally {
            await a.annotations.delete(uri, made.id);
          }
        } else if (entry.command === CommandIds.groupAnnotationsByCoder || entry.command === CommandIds.groupAnnotationsByTag) {
          // One of the two shows at a time: By Coder while grouped by tag, then By Tag.
          const want = entry.command === CommandIds.groupAnnotationsByCoder ? 'coder' : 'tag';
          await typeKeys({ waitFor: button(entry.command) }, { click: button(entry.command) });
          await until(`grouped by ${want}`, () => (vscode.workspace.getConfiguration('sourceAnnotator').get('tree.groupAnnotationsBy') === want ? true : undefined));
          const other = want === 'coder' ? CommandIds.groupAnnotationsByTag : CommandIds.groupAnnotationsByCoder;
          await typeKeys({ waitFor: button(other) });
        } else {
          await typeKeys({ click: button(entry.command) });
          await new Promise((r) => setTimeout(r, 500));
          await escapeAnyPrompt();
        }
      }
      assert.deepStrictEqual(await errorToasts(), []);
    } finally {
      await vscode.workspace.getConfiguration('workbench.view').update('alwaysShowHeaderActions', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('sourceAnnotator').update('tree.groupAnnotationsBy', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('runs every context-menu command of the Sources view with the tree element (and selection) the workbench passes', async function () {
    const a = await api();
    const { menus } = manifest();
    // An annotation to run the annotation commands on.
    const editor = await open(CNN_A);
    const r = rangeOf(editor.document, 'Putin');
    editor.selection = new vscode.Selection(r.start, r.end);
    const made = await vscode.commands.executeCommand<Annotation | undefined>(CommandIds.annotateSelection, { note: 'menu test', tags: ['menu'] });
    assert.ok(made);
    // The curation commands write the curation file: put it back as it was afterwards.
    const curationUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'source-annotator.curation.yaml');
    const curationBefore = await vscode.workspace.fs.readFile(curationUri).then(
      (b) => b,
      () => undefined,
    );
    try {
      a.tree.refreshNow();
      const nodes: TreeNode[] = [];
      const walk = async (node: TreeNode | undefined, depth: number): Promise<void> => {
        for (const c of (await a.tree.getChildren(node)) ?? []) {
          nodes.push(c);
          if (depth < 4 && (c.kind !== 'source' || c.uri.endsWith(CNN_A))) await walk(c, depth + 1);
        }
      };
      await walk(undefined, 0);
      const ran: string[] = [];
      for (const entry of menus['view/item/context']) {
        const m = /viewItem (==|=~) (\S+)/.exec(entry.when ?? '');
        assert.ok(m, `${entry.command} has a viewItem condition`);
        const test = m[1] === '==' ? (v: string): boolean => v === m[2] : (v: string): boolean => new RegExp(m[2].slice(1, -1).replace(/\\\\/g, '\\')).test(v);
        let target: TreeNode | undefined;
        for (const n of nodes) {
          const item = await a.tree.getTreeItem(n);
          if (item.contextValue && test(item.contextValue) && (n.kind !== 'annotation' || n.id === made.id || entry.command === CommandIds.acceptChangedText)) {
            target = n;
            break;
          }
        }
        if (!target) continue; // e.g. no annotation with changed wording here (tested in orphans.test)
        const o = await runAsWorkbench(entry.command, [target, [target]]);
        assert.ok(o.ok, `${entry.command}: ${o.ok ? '' : String(o.e)}`);
        if (entry.command === CommandIds.deleteAnnotation && o.v) await a.annotations.restore(editor.document.uri, o.v as Annotation);
        ran.push(entry.command);
      }
      for (const c of [CommandIds.exportSource, CommandIds.editAnnotation, CommandIds.retagAnnotation, CommandIds.deleteAnnotation, CommandIds.annotateSelection, CommandIds.setEntityType]) {
        assert.ok(ran.includes(c), `${c} was run (ran: ${ran.join(', ')})`);
      }
      if (canDriveBrowser()) assert.deepStrictEqual(await errorToasts(), []);
      // The editor's context menu passes the document's URI.
      editor.selection = new vscode.Selection(r.start, r.start);
      for (const entry of menus['editor/context']) {
        const o = await runAsWorkbench(entry.command, [editor.document.uri]);
        assert.ok(o.ok, `${entry.command}: ${o.ok ? '' : String(o.e)}`);
      }
    } finally {
      await a.annotations.delete(editor.document.uri, made.id).catch(() => undefined);
      if (curationBefore) await vscode.workspace.fs.writeFile(curationUri, curationBefore);
      else await vscode.workspace.fs.delete(curationUri).then(undefined, () => undefined);
      await a.curation.reload();
      await a.index.whenIndexed();
    }
  });
});
