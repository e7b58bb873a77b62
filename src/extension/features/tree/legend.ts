import * as vscode from 'vscode';
import { LEGEND_VIEW_ID } from '../../commandIds';

interface LegendEntry {
  readonly label: string;
  readonly description: string;
  readonly icon: string;
  /** A contributed theme colour: the legend shows the colour the highlights really use. */
  readonly color?: string;
}

const ENTRIES: readonly LegendEntry[] = [
  { label: 'Person', description: 'tinted blue', icon: 'circle-filled', color: 'sourceAnnotator.entity.person.foreground' },
  { label: 'Organisation', description: 'tinted purple', icon: 'circle-filled', color: 'sourceAnnotator.entity.org.foreground' },
  { label: 'Place', description: 'tinted green', icon: 'circle-filled', color: 'sourceAnnotator.entity.loc.foreground' },
  { label: 'Group or nationality', description: 'tinted yellow', icon: 'circle-filled', color: 'sourceAnnotator.entity.norp.foreground' },
  { label: 'Direct quote', description: 'dotted underline and an orange tint', icon: 'quote', color: 'sourceAnnotator.quote.foreground' },
  { label: 'Your annotation', description: 'a yellow box', icon: 'note', color: 'sourceAnnotator.annotation.foreground' },
  { label: 'Wording changed', description: 'annotation whose text changed (Problems: info)', icon: 'diff-modified', color: 'list.warningForeground' },
  { label: 'Orphaned annotation', description: 'its text is gone (Problems: warning)', icon: 'warning', color: 'list.warningForeground' },
];

/**
 * The Legend view under the Sources view: what each highlight colour means, drawn in the theme
 * colours the highlights use (so a theme or workbench.colorCustomizations shows here too).
 */
export class LegendView implements vscode.TreeDataProvider<LegendEntry>, vscode.Disposable {
  private readonly view: vscode.TreeView<LegendEntry>;

  constructor() {
    this.view = vscode.window.createTreeView(LEGEND_VIEW_ID, { treeDataProvider: this });
  }

  getChildren(element?: LegendEntry): LegendEntry[] {
    return element ? [] : [...ENTRIES];
  }

  getTreeItem(e: LegendEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.None);
    item.description = e.description;
    item.iconPath = new vscode.ThemeIcon(e.icon, e.color ? new vscode.ThemeColor(e.color) : undefined);
    item.tooltip = `${e.label}: ${e.description}. Toggle the layers with Source Annotator: Toggle Entity/Quote/Annotation Highlights.`;
    return item;
  }

  dispose(): void {
    this.view.dispose();
  }
}
