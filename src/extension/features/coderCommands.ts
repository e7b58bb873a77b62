import * as vscode from 'vscode';
import { coderLabel, compareCoders } from '../../core/coders/coders';
import { count } from '../../core/text/plural';
import { CommandIds } from '../commandIds';
import type { CoderService } from '../services/coders';
import { writeSetting } from '../settings';

/** The quick pick's title (the integration tests wait for it). */
export const SHOW_CODERS_TITLE = 'Show Coders';

/**
 * Source Annotator: Show Coders… (a multi-select quick pick of the workspace's coders, with their
 * counts and colours, that writes sourceAnnotator.coders.shown), and the Sources view's
 * Group Annotations by Coder / by Tag buttons (sourceAnnotator.tree.groupAnnotationsBy).
 */
export class CoderCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly coders: CoderService) {
    this.disposables.push(
      // From the view's title bar the workbench passes its own context object: only a list of names is taken as the choice.
      vscode.commands.registerCommand(CommandIds.showCoders, (names?: unknown) => this.showCoders(isNameList(names) ? names : undefined)),
      vscode.commands.registerCommand(CommandIds.groupAnnotationsByCoder, () => writeSetting('tree.groupAnnotationsBy', 'coder')),
      vscode.commands.registerCommand(CommandIds.groupAnnotationsByTag, () => writeSetting('tree.groupAnnotationsBy', 'tag')),
    );
  }

  /**
   * Choose whose annotations the editor shows. Everyone checked (or no one) writes an empty
   * list: everyone, coders who join later included.
   * @returns the list written, or undefined when cancelled
   */
  async showCoders(names?: readonly string[]): Promise<string[] | undefined> {
    const counts = this.coders.counts();
    const filter = this.coders.current;
    let chosen: string[];
    if (names) {
      chosen = names.map((n) => n.trim());
    } else {
      // Coders the setting names but the workspace no longer has stay listed, so they can be unchecked.
      const all = [...new Set([...counts.keys(), ...filter.shown])].sort(compareCoders);
      if (all.length === 0) {
        void vscode.window.showInformationMessage('Source Annotator: no annotations in this workspace yet, so no coders to choose from.');
        return undefined;
      }
      type CoderItem = vscode.QuickPickItem & { coder: string };
      const items: CoderItem[] = all.map((c) => {
        const colour = this.coders.colourOf(c);
        return {
          label: coderLabel(c),
          description: `${count(counts.get(c) ?? 0, 'annotation')}${all.length > 1 ? ` · ${colour.name}` : ''}`,
          iconPath: new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(colour.foreground)),
          picked: filter.showsCoder(c),
          coder: c,
        };
      });
      const picked = await vscode.window.showQuickPick(items, {
        title: SHOW_CODERS_TITLE,
        canPickMany: true,
        placeHolder: 'Whose annotations to show in the editor (type to find a coder, Space checks; all or none: everyone)',
        matchOnDescription: false,
      });
      if (!picked) return undefined;
      chosen = picked.map((p) => p.coder);
      if (chosen.length === all.length) chosen = [];
    }
    const list = [...new Set(chosen)].sort(compareCoders);
    await writeSetting('coders.shown', list);
    return list;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function isNameList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
