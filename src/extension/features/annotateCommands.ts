import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/model';
import { CommandIds } from '../commandIds';
import type { AnnotationService } from '../services/annotationService';

/** How commands name an annotation: from hovers, the tree, diagnostics, or tests. */
export interface AnnotationRef {
  readonly uri: string;
  readonly id: string;
}

/** Arguments tests (and scripts) may pass to skip the prompts. */
export interface AnnotateArgs {
  readonly note?: string;
  readonly tags?: readonly string[];
  /** A range to annotate instead of the editor's selection (tree items pass these; UTF-16). */
  readonly uri?: string;
  readonly start?: number;
  readonly end?: number;
}

/**
 * Annotate Selection, edit the note, retag, delete (undoable from the notification), and
 * re-attach an orphan. Prompts: an input box for the note and a quick pick of tags that lists
 * the workspace's tags and accepts new ones.
 */
export class AnnotateCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private tagPick: vscode.QuickPick<vscode.QuickPickItem & { tag: string }> | undefined;

  /** The tags quick pick while it is open: its title and the tags it lists (what a person sees). */
  get openTagPick(): { readonly title: string | undefined; readonly tags: readonly string[]; readonly active: string | undefined } | undefined {
    const qp = this.tagPick;
    return qp ? { title: qp.title, tags: qp.items.map((i) => i.tag), active: qp.activeItems[0]?.tag } : undefined;
  }

  constructor(private readonly annotations: AnnotationService) {
    this.disposables.push(
      vscode.commands.registerCommand(CommandIds.annotateSelection, (args?: AnnotateArgs) => this.guard(() => this.annotateSelection(args))),
      vscode.commands.registerCommand(CommandIds.editAnnotation, (ref?: AnnotationRef, note?: string) => this.guard(() => this.edit(ref, note))),
      vscode.commands.registerCommand(CommandIds.retagAnnotation, (ref?: AnnotationRef, tags?: string[]) => this.guard(() => this.retag(ref, tags))),
      vscode.commands.registerCommand(CommandIds.deleteAnnotation, (ref?: AnnotationRef) => this.guard(() => this.delete(ref))),
      vscode.commands.registerCommand(CommandIds.reattachAnnotation, (ref?: AnnotationRef) => this.guard(() => this.reattach(ref))),
    );
  }

  private async guard<T>(f: () => Promise<T>): Promise<T | undefined> {
    try {
      return await f();
    } catch (err) {
      void vscode.window.showErrorMessage(`Source Annotator: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  private async annotateSelection(args?: AnnotateArgs): Promise<Annotation | undefined> {
    if (args?.uri && typeof args.start === 'number' && typeof args.end === 'number') {
      // From a tree item: show its range selected, then annotate it.
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      const range = new vscode.Range(doc.positionAt(args.start), doc.positionAt(args.end));
      await vscode.window.showTextDocument(doc, { selection: range, preview: false });
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Source Annotator: select the text to annotate first.');
      return undefined;
    }
    const reason = this.annotations.readOnlyReason(editor.document.uri);
    if (reason) {
      void vscode.window.showWarningMessage(reason);
      return undefined;
    }
    const note = args?.note ?? (await vscode.window.showInputBox({ title: 'Annotate Selection (1/2): note', prompt: 'Your note, in Markdown. Leave empty for none.', placeHolder: 'e.g. Check against the Kremlin readout' }));
    if (note === undefined) return undefined;
    const tags = args?.tags ?? (await this.pickTags([], 'Annotate Selection (2/2): tags'));
    if (tags === undefined) return undefined;
    const doc = editor.document;
    const sel = editor.selection;
    return this.annotations.add(doc.uri, doc.offsetAt(sel.start), doc.offsetAt(sel.end), note, tags);
  }

  private async edit(ref: AnnotationRef | undefined, note: string | undefined): Promise<Annotation | undefined> {
    const target = this.resolve(ref);
    if (!target) return undefined;
    const next =
      note ?? (await vscode.window.showInputBox({ title: 'Edit Annotation Note', value: target.annotation.note, prompt: 'Markdown' }));
    if (next === undefined) return undefined;
    return (await this.annotations.update(target.uri, target.annotation.id, { note: next })).after;
  }

  private async retag(ref: AnnotationRef | undefined, tags: string[] | undefined): Promise<Annotation | undefined> {
    const target = this.resolve(ref);
    if (!target) return undefined;
    const next = tags ?? (await this.pickTags(target.annotation.tags, 'Edit Annotation Tags'));
    if (next === undefined) return undefined;
    return (await this.annotations.update(target.uri, target.annotation.id, { tags: next })).after;
  }

  private async delete(ref: AnnotationRef | undefined): Promise<Annotation | undefined> {
    const target = this.resolve(ref);
    if (!target) return undefined;
    const removed = await this.annotations.delete(target.uri, target.annotation.id);
    // Undoable: the notification offers to put it back, with the same id.
    void vscode.window.showInformationMessage(`Annotation deleted${removed.note ? `: “${truncate(removed.note, 40)}”` : ''}.`, 'Undo').then(async (choice) => {
      if (choice === 'Undo') await this.guard(() => this.annotations.restore(target.uri, removed));
    });
    return removed;
  }

  private async reattach(ref: AnnotationRef | undefined): Promise<Annotation | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Source Annotator: select the text to attach the annotation to first.');
      return undefined;
    }
    const uri = editor.document.uri;
    let id = ref?.id;
    if (!id) {
      const orphans = this.annotations.state(uri)?.annotations.filter((a) => a.status === 'orphan') ?? [];
      if (orphans.length === 0) {
        void vscode.window.showInformationMessage('Source Annotator: this source has no orphaned annotations.');
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        orphans.map((o) => ({ label: truncate(o.annotation.target.exact, 60), description: o.annotation.tags.join(', '), detail: o.annotation.note, id: o.annotation.id })),
        { title: 'Re-attach which annotation to the selection?' },
      );
      if (!pick) return undefined;
      id = pick.id;
    }
    const doc = editor.document;
    return this.annotations.reattach(uri, id, doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end));
  }

  /** The annotation named by `ref`, or the one under the cursor. */
  private resolve(ref: AnnotationRef | undefined): { uri: vscode.Uri; annotation: Annotation } | undefined {
    if (ref?.uri && ref.id) {
      const uri = vscode.Uri.parse(ref.uri);
      const found = this.annotations.find(uri, ref.id);
      if (!found) throw new Error(`annotation ${ref.id} not found`);
      return { uri, annotation: found.annotation };
    }
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const here = this.annotations.at(editor.document.uri, editor.document.offsetAt(editor.selection.active));
      if (here) return { uri: editor.document.uri, annotation: here.annotation };
    }
    void vscode.window.showInformationMessage('Source Annotator: place the cursor in an annotation first.');
    return undefined;
  }

  /**
   * A multi-select quick pick of the workspace's tags that also accepts new ones.
   *
   * VS Code names quick pick items by their index in `items`, and the workbench echoes every
   * list it receives back as a selection event that can arrive after the next list was set. So
   * the list only ever grows at its end: a known tag keeps its index for the life of the pick,
   * and the "new tag" item, when there is one, is always last. A late echo then still names the
   * right tags, and a tag checked before typing is never lost.
   */
  private pickTags(current: readonly string[], title: string): Promise<string[] | undefined> {
    return new Promise((resolve) => {
      type TagItem = vscode.QuickPickItem & { tag: string };
      const qp = vscode.window.createQuickPick<TagItem>();
      this.tagPick = qp;
      qp.title = title;
      qp.canSelectMany = true;
      qp.placeholder = 'Pick tags, or type a new one and press Enter';
      const base: TagItem[] = [...new Set([...this.annotations.allTags(), ...current])]
        .sort((a, b) => a.localeCompare(b))
        .map((t) => ({ label: t, tag: t }));
      const known = (tag: string): boolean => base.some((i) => i.tag === tag);
      const checked = new Set(current);
      let adder: TagItem | undefined;
      let done = false;
      const render = (): void => {
        qp.items = adder ? [...base, adder] : [...base];
        qp.selectedItems = qp.items.filter((i) => checked.has(i.tag));
      };
      render();
      qp.onDidChangeSelection((sel) => {
        for (const i of qp.items) {
          if (sel.includes(i)) checked.add(i.tag);
          else checked.delete(i.tag);
        }
      });
      qp.onDidChangeValue((value) => {
        const v = value.trim();
        // A new tag the user checked joins the list, at its end, so it stays visible.
        const promote = adder !== undefined && checked.has(adder.tag) && !known(adder.tag);
        if (promote && adder) base.push({ label: adder.tag, tag: adder.tag });
        const want = v && !known(v) ? v : undefined;
        if (!promote && want === adder?.tag) return;
        adder = want ? { label: `$(add) ${want}`, description: 'new tag', tag: want, alwaysShow: true } : undefined;
        render();
      });
      qp.onDidAccept(() => {
        done = true;
        // Enter takes the highlighted row when the user moved to one (a known tag, or the new
        // tag); otherwise the typed text becomes a tag, unless it only filtered for a tag that
        // was then checked.
        const typed = qp.value.trim();
        const active = qp.activeItems[0];
        if (typed && active) checked.add(active.tag);
        const tags = [...checked];
        if (typed && !active && !tags.some((t) => t.toLowerCase().includes(typed.toLowerCase()))) tags.push(typed);
        resolve([...new Set(tags)]);
        qp.hide();
      });
      qp.onDidHide(() => {
        if (!done) resolve(undefined);
        if (this.tagPick === qp) this.tagPick = undefined;
        qp.dispose();
      });
      qp.show();
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
