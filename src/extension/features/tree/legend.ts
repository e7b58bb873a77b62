import * as vscode from 'vscode';
import { coderLabel } from '../../../core/coders/coders';
import { CommandIds, LEGEND_VIEW_ID } from '../../commandIds';
import type { CoderService } from '../../services/coders';

export interface LegendEntry {
  readonly label: string;
  readonly description: string;
  readonly icon: string;
  /** A contributed theme colour: the legend shows the colour the highlights really use. */
  readonly color?: string;
  /** The coder this entry stands for (coder entries only). */
  readonly coder?: string;
}

const ENTRIES: readonly LegendEntry[] = [
  { label: 'Person', description: 'tinted blue', icon: 'circle-filled', color: 'sourceAnnotator.entity.person.foreground' },
  { label: 'Organisation', description: 'tinted purple', icon: 'circle-filled', color: 'sourceAnnotator.entity.org.foreground' },
  { label: 'Place', description: 'tinted green', icon: 'circle-filled', color: 'sourceAnnotator.entity.loc.foreground' },
  { label: 'Group or nationality', description: 'tinted yellow', icon: 'circle-filled', color: 'sourceAnnotator.entity.norp.foreground' },
  { label: 'Direct quote', description: 'dotted underline and an orange tint', icon: 'quote', color: 'sourceAnnotator.quote.foreground' },
  { label: 'Your annotation', description: 'a yellow box (one coder shown)', icon: 'note', color: 'sourceAnnotator.annotation.foreground' },
  { label: 'Wording changed', description: 'annotation whose text changed (Problems: info)', icon: 'diff-modified', color: 'list.warningForeground' },
  { label: 'Orphaned annotation', description: 'its text is gone (Problems: warning)', icon: 'warning', color: 'list.warningForeground' },
];

/**
 * The Legend view under the Sources view: what each highlight colour means, drawn in the theme
 * colours the highlights use (so a theme or workbench.colorCustomizations shows here too). When
 * the workspace has several coders, each coder follows with the colour of their annotations
 * (or "hidden" when Show Coders hides them); clicking one opens Show Coders.
 */
export class LegendView implements vscode.TreeDataProvider<LegendEntry>, vscode.Disposable {
  private readonly view: vscode.TreeView<LegendEntry>;
  private readonly changed = new vscode.EventEmitter<undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly coders: CoderService) {
    this.view = vscode.window.createTreeView(LEGEND_VIEW_ID, { treeDataProvider: this });
    this.disposables.push(this.view, this.changed, coders.onDidChange(() => this.changed.fire(undefined)));
  }

  getChildren(element?: LegendEntry): LegendEntry[] {
    return element ? [] : [...ENTRIES, ...this.coderEntries()];
  }

  /** One entry per coder of the workspace when there are several. */
  coderEntries(): LegendEntry[] {
    const all = [...this.coders.counts().keys()];
    if (all.length < 2) return [];
    const perCoder = this.coders.perCoder;
    return all.map((c) => {
      const colour = this.coders.colourOf(c);
      const shown = this.coders.current.showsCoder(c);
      const description = !shown ? 'coder · hidden (Show Coders…)' : perCoder ? `coder · a ${colour.name} box` : 'coder · the only one shown: a yellow box';
      return { label: coderLabel(c), description, icon: shown ? 'circle-filled' : 'circle-outline', color: shown && perCoder ? colour.foreground : undefined, coder: c };
    });
  }

  getTreeItem(e: LegendEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.None);
    item.description = e.description;
    item.iconPath = new vscode.ThemeIcon(e.icon, e.color ? new vscode.ThemeColor(e.color) : undefined);
    if (e.coder !== undefined) {
      item.tooltip = `${e.label}: ${e.description}. Choose whose annotations are shown with Source Annotator: Show Coders…`;
      item.command = { command: CommandIds.showCoders, title: 'Show Coders…' };
    } else {
      item.tooltip = `${e.label}: ${e.description}. Toggle the layers with Source Annotator: Toggle Entity/Quote/Annotation Highlights.`;
    }
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
