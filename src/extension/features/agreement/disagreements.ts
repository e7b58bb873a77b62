import * as vscode from 'vscode';
import { computeAgreement, type Place, type PlaceCoder } from '../../../core/agreement';
import { OffsetMap } from '../../../core/text/offsets';
import { CommandIds, DISAGREEMENTS_VIEW_ID } from '../../commandIds';
import type { AnnotationService } from '../../services/annotationService';
import type { SourceIndex } from '../../services/sourceIndex';
import { liveSources } from './liveSources';

interface SourceNode {
  readonly kind: 'source';
  readonly path: string;
  readonly uri: vscode.Uri;
  readonly places: readonly PlaceNode[];
}

export interface PlaceNode {
  readonly kind: 'place';
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly place: Place;
}

interface CoderNode {
  readonly kind: 'coder';
  readonly parent: PlaceNode;
  readonly coder: string;
  /** Undefined for a coder who covered the source but has nothing at this place. */
  readonly entry: PlaceCoder | undefined;
}

type Node = SourceNode | PlaceNode | CoderNode;

/**
 * The Disagreements view (in the Source Annotator container) and "Walk Through Disagreements":
 * the places where coders disagree (core/agreement/places.ts), each coder's span, tags and note
 * side by side, and the three ways to settle a place, each recording an adjudicated annotation
 * (an annotation like any other, with `adjudicated: {from, by, at}`): accept one coder's
 * annotation, merge them (union of tags, notes joined, span union), or record one written by
 * the adjudicator. Settled places leave the view. What gets written is always derived from the
 * annotations of the place, never from command arguments alone: commands look the place up again.
 */
export class Disagreements implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private roots: SourceNode[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
  ) {
    this.view = vscode.window.createTreeView(DISAGREEMENTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      annotations.onDidChange(() => this.refreshSoon()),
      index.onDidChange(() => this.refreshSoon()),
      vscode.commands.registerCommand(CommandIds.walkDisagreements, () => this.walk()),
      vscode.commands.registerCommand(CommandIds.refreshDisagreements, () => this.refresh()),
      vscode.commands.registerCommand(CommandIds.revealDisagreement, (n?: Node) => this.reveal(n)),
      vscode.commands.registerCommand(CommandIds.acceptCoderAnnotation, (n?: Node) => this.acceptFromTree(n)),
      vscode.commands.registerCommand(CommandIds.mergeDisagreement, (n?: Node) => this.onPlace(n, (p) => this.merge(p))),
      vscode.commands.registerCommand(CommandIds.adjudicateDisagreement, (n?: Node) => this.onPlace(n, (p) => this.record(p))),
      { dispose: () => this.timer !== undefined && clearTimeout(this.timer) },
    );
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  private refreshSoon(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, 250);
  }

  /** The open places, source by source (computed on demand, cached until annotations change). */
  openPlaces(): SourceNode[] {
    if (this.roots) return this.roots;
    const { sources, uris } = liveSources(this.index, this.annotations);
    const texts = new Map(sources.map((s) => [s.path, s.text]));
    const report = computeAgreement(sources);
    this.roots = report.perSource
      .map((s) => {
        const uri = uris.get(s.path)!;
        const text = texts.get(s.path) ?? '';
        return { kind: 'source' as const, path: s.path, uri, places: s.places.filter((p) => p.resolvedBy === undefined).map((place) => ({ kind: 'place' as const, uri, text, place })) };
      })
      .filter((s) => s.places.length > 0);
    this.view.description = this.roots.length === 0 ? undefined : `${this.roots.reduce((n, s) => n + s.places.length, 0)} open`;
    this.view.message = sources.length === 0 ? undefined : this.roots.length === 0 ? 'No open disagreements between coders.' : undefined;
    return this.roots;
  }

  getChildren(n?: Node): Node[] {
    if (!n) return this.openPlaces();
    if (n.kind === 'source') return [...n.places];
    if (n.kind === 'place') {
      return [
        ...n.place.coders.map((c) => ({ kind: 'coder' as const, parent: n, coder: c.coder, entry: c })),
        ...n.place.missing.map((c) => ({ kind: 'coder' as const, parent: n, coder: c, entry: undefined })),
      ];
    }
    return [];
  }

  getTreeItem(n: Node): vscode.TreeItem {
    if (n.kind === 'source') {
      const item = new vscode.TreeItem(n.path, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${n.places.length} disagreement${n.places.length === 1 ? '' : 's'}`;
      item.resourceUri = n.uri;
      item.contextValue = 'disagreementSource';
      return item;
    }
    if (n.kind === 'place') {
      const p = n.place;
      const item = new vscode.TreeItem(`line ${p.line}: ${kindsText(p)}`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = clip(slice(n.text, p.start, p.end), 60);
      item.tooltip = `${n.place.path}, line ${p.line}: ${kindsText(p)}. Accept one coder's annotation, merge them, or record an adjudicated annotation (right-click, or Walk Through Disagreements).`;
      item.iconPath = new vscode.ThemeIcon('git-compare');
      item.contextValue = 'disagreement';
      item.command = { command: CommandIds.revealDisagreement, title: 'Show', arguments: [n] };
      return item;
    }
    const item = new vscode.TreeItem(n.coder, vscode.TreeItemCollapsibleState.None);
    if (n.entry) {
      item.description = n.entry.annotations.map((a) => `"${clip(a.exact, 40)}" [${a.tags.join(', ')}]${a.note ? ` — ${clip(a.note, 60)}` : ''}`).join(' · ');
      item.tooltip = n.entry.annotations.map((a) => `${n.coder}: ${a.start}–${a.end} "${a.exact}"\ntags: ${a.tags.join(', ') || '(none)'}\nnote: ${a.note || '(none)'}`).join('\n\n');
      item.iconPath = new vscode.ThemeIcon('account');
      item.contextValue = 'disagreementCoder';
    } else {
      item.description = 'nothing here';
      item.tooltip = `${n.coder} annotated this source but not this place.`;
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.contextValue = 'disagreementCoder.missing';
    }
    item.command = { command: CommandIds.revealDisagreement, title: 'Show', arguments: [n] };
    return item;
  }

  getParent(n: Node): Node | undefined {
    if (n.kind === 'coder') return n.parent;
    if (n.kind === 'place') return this.openPlaces().find((s) => s.places.includes(n));
    return undefined;
  }

  /** Open the source with the place (or a coder's span there) selected. */
  private async reveal(n?: Node): Promise<void> {
    if (!n || n.kind === 'source') return;
    const place = n.kind === 'place' ? n : n.parent;
    const a = n.kind === 'coder' ? n.entry?.annotations[0] : undefined;
    await this.show(place, a ? { start: a.start, end: a.end } : { start: place.place.start, end: place.place.end });
  }

  private async show(p: PlaceNode, span: { start: number; end: number }): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(p.uri);
    const map = new OffsetMap(doc.getText());
    const range = new vscode.Range(doc.positionAt(map.toUtf16(span.start)), doc.positionAt(map.toUtf16(span.end)));
    await vscode.window.showTextDocument(doc, { selection: range, preview: false, preserveFocus: false });
  }

  /** The place as it is now (commands get nodes that may be stale, or anything at all). */
  private current(n: Node | undefined): PlaceNode | undefined {
    const target = n?.kind === 'place' ? n : n?.kind === 'coder' ? n.parent : undefined;
    if (!target || typeof target.place?.path !== 'string' || !Array.isArray(target.place.ids)) return undefined;
    this.roots = undefined;
    const ids = new Set(target.place.ids);
    for (const s of this.openPlaces()) {
      if (s.path !== target.place.path) continue;
      const found = s.places.find((p) => p.place.ids.some((id) => ids.has(id)));
      if (found) return found;
    }
    return undefined;
  }

  private async onPlace(n: Node | undefined, f: (p: PlaceNode) => Promise<unknown>): Promise<void> {
    const p = this.current(n);
    if (!p) {
      void vscode.window.showInformationMessage('Source Annotator: that disagreement is settled or gone.');
      return;
    }
    await guard(() => f(p));
  }

  private async acceptFromTree(n?: Node): Promise<void> {
    if (n?.kind !== 'coder' || typeof n.coder !== 'string') return;
    const coder = n.coder;
    await this.onPlace(n, (p) => this.accept(p, coder));
  }

  /** Accept one coder's annotation(s) at a place: each becomes an adjudicated annotation. */
  async accept(p: PlaceNode, coder: string): Promise<void> {
    const entry = p.place.coders.find((c) => c.coder === coder);
    if (!entry) throw new Error(`${coder} has no annotation at this place`);
    for (const a of entry.annotations) await this.annotations.adjudicate(p.uri, { start: a.start, end: a.end }, a.note, a.tags, p.place.ids);
    this.refresh();
  }

  /** Merge the coders' annotations: span union, union of tags, the notes joined. */
  async merge(p: PlaceNode): Promise<void> {
    const { tags, note } = merged(p.place);
    await this.annotations.adjudicate(p.uri, { start: p.place.start, end: p.place.end }, note, tags, p.place.ids);
    this.refresh();
  }

  /** Record an adjudicated annotation: tags and note asked for (the merge proposed), on the selection in the source or the span union. */
  async record(p: PlaceNode): Promise<boolean> {
    const proposal = merged(p.place);
    const tagText = await vscode.window.showInputBox({ title: 'Adjudicated annotation: tags', prompt: 'Tags, separated by commas', value: proposal.tags.join(', '), ignoreFocusOut: true });
    if (tagText === undefined) return false;
    const note = await vscode.window.showInputBox({ title: 'Adjudicated annotation: note', prompt: 'The note (Markdown); empty for none', value: proposal.note.replace(/\n+/g, ' '), ignoreFocusOut: true });
    if (note === undefined) return false;
    let span = { start: p.place.start, end: p.place.end };
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.uri.toString() === p.uri.toString() && !editor.selection.isEmpty) {
      const map = new OffsetMap(editor.document.getText());
      span = { start: map.toCodePoint(editor.document.offsetAt(editor.selection.start)), end: map.toCodePoint(editor.document.offsetAt(editor.selection.end)) };
    }
    const tags = tagText.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
    await this.annotations.adjudicate(p.uri, span, note, tags, p.place.ids);
    this.refresh();
    return true;
  }

  /** Go to each open place in turn, with the coders side by side in a quick pick and the actions. */
  async walk(): Promise<void> {
    await this.annotations.settled();
    this.roots = undefined;
    const queue = this.openPlaces().flatMap((s) => s.places);
    if (queue.length === 0) {
      void vscode.window.showInformationMessage('Source Annotator: no open disagreements between coders.');
      return;
    }
    for (let i = 0; i < queue.length; i++) {
      const p = this.current(queue[i]);
      if (!p) continue;
      await this.show(p, { start: p.place.start, end: p.place.end });
      type Pick = vscode.QuickPickItem & { readonly run?: () => Promise<unknown> };
      const m = merged(p.place);
      const items: Pick[] = [
        { label: 'Coders', kind: vscode.QuickPickItemKind.Separator },
        ...p.place.coders.map((c) => ({
          label: `$(check) Accept ${c.coder}`,
          description: c.annotations.map((a) => `"${clip(a.exact, 50)}" [${a.tags.join(', ')}]`).join(' · '),
          detail: c.annotations.map((a) => a.note).filter((x) => x).join(' · ') || '(no note)',
          run: () => this.accept(p, c.coder),
        })),
        ...p.place.missing.map((c) => ({ label: `$(circle-slash) ${c}`, description: 'nothing here', detail: `${c} annotated this source but not this place` })),
        { label: 'Settle', kind: vscode.QuickPickItemKind.Separator },
        { label: '$(merge) Merge', description: `"${clip(slice(p.text, p.place.start, p.place.end), 50)}" [${m.tags.join(', ')}]`, detail: 'span union, union of tags, notes joined', run: () => this.merge(p) },
        { label: '$(edit) Record an adjudicated annotation…', detail: 'your own tags and note, on the selection or the span union', run: () => this.record(p) },
        { label: '$(debug-step-over) Skip', detail: 'leave this one open and go to the next' },
      ];
      const picked = await vscode.window.showQuickPick(items, {
        title: `Disagreement ${i + 1} of ${queue.length}: ${p.place.path}, line ${p.place.line} (${kindsText(p.place)})`,
        placeHolder: 'Accept one coder, merge, record an adjudicated annotation, or skip (Escape stops)',
        ignoreFocusOut: true,
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (picked === undefined) return;
      if (picked.run) await guard(picked.run);
    }
    this.refresh();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function merged(p: Place): { tags: string[]; note: string } {
  const tags: string[] = [];
  const notes: string[] = [];
  for (const c of p.coders) {
    for (const a of c.annotations) {
      for (const t of a.tags) if (!tags.includes(t)) tags.push(t);
      if (a.note.trim() !== '' && !notes.includes(a.note)) notes.push(a.note);
    }
  }
  return { tags, note: notes.join('\n\n') };
}

function kindsText(p: Place): string {
  return p.kinds.map((k) => (k === 'missing' ? `${p.missing.join(', ')} missing` : k === 'span' ? 'spans differ' : 'tags differ')).join(', ');
}

function slice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

async function guard(f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (err) {
    void vscode.window.showErrorMessage(`Source Annotator: ${err instanceof Error ? err.message : String(err)}`);
  }
}
