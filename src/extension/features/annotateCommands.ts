import * as vscode from 'vscode';
import { guarded } from './commandGuard';
import { TagChecks } from './tagChecks';
import type { Annotation } from '../../core/annotations/model';
import { CommandIds, ContextKeys } from '../commandIds';
import type { AnnotationService } from '../services/annotationService';
import type { CoderService } from '../services/coders';

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
  /** The tags pick's own arrow and Space keys (contributed keybindings), and its highlighted row. */
  private tagKeys: { readonly move: (by: number) => void; readonly toggle: () => void; readonly active: () => string | undefined } | undefined;
  /** The note input while it is open, with the lines entered before the one in the box. */
  private noteInput: { readonly box: vscode.InputBox; readonly lines: string[]; readonly render: () => void } | undefined;

  /** The tags quick pick while it is open: its title and the tags it lists (what a person sees). */
  get openTagPick(): { readonly title: string | undefined; readonly tags: readonly string[]; readonly checked: readonly string[]; readonly active: string | undefined } | undefined {
    const qp = this.tagPick;
    return qp ? { title: qp.title, tags: qp.items.map((i) => i.tag), checked: qp.selectedItems.map((i) => i.tag), active: this.tagKeys?.active() } : undefined;
  }

  /** The passage being annotated, marked like a selection while the prompts are open. */
  private readonly pending = vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor('editor.selectionBackground'), borderRadius: '2px' });

  constructor(
    private readonly annotations: AnnotationService,
    private readonly coders: CoderService,
  ) {
    this.disposables.push(
      this.pending,
      vscode.commands.registerCommand(CommandIds.annotateSelection, (args?: AnnotateArgs) => this.guard(() => this.annotateSelection(args))),
      vscode.commands.registerCommand(CommandIds.editAnnotation, (ref?: AnnotationRef, note?: string) => this.guard(() => this.edit(ref, note))),
      vscode.commands.registerCommand(CommandIds.retagAnnotation, (ref?: AnnotationRef, tags?: string[]) => this.guard(() => this.retag(ref, tags))),
      vscode.commands.registerCommand(CommandIds.deleteAnnotation, (ref?: AnnotationRef) => this.guard(() => this.delete(ref))),
      vscode.commands.registerCommand(CommandIds.reattachAnnotation, (ref?: AnnotationRef) => this.guard(() => this.reattach(ref))),
      vscode.commands.registerCommand(CommandIds.acceptChangedText, (ref?: AnnotationRef) => this.guard(() => this.acceptChange(ref))),
      vscode.commands.registerCommand(CommandIds.noteNewLine, () => this.noteNewLine()),
      vscode.commands.registerCommand(CommandIds.tagPickDown, () => this.tagKeys?.move(1)),
      vscode.commands.registerCommand(CommandIds.tagPickUp, () => this.tagKeys?.move(-1)),
      vscode.commands.registerCommand(CommandIds.tagPickToggle, () => this.tagKeys?.toggle()),
    );
  }

  private guard<T>(f: () => Promise<T>): Promise<T | undefined> {
    return guarded(f);
  }


  private async annotateSelection(argsIn?: AnnotateArgs | vscode.Uri): Promise<Annotation | undefined> {
    // The editor's context menu passes the document's URI; only our own callers pass AnnotateArgs.
    const args = argsIn instanceof vscode.Uri || typeof argsIn !== 'object' ? undefined : argsIn;
    if (args?.uri && typeof args.start === 'number' && typeof args.end === 'number') {
      // From a tree item: show its range selected, then annotate it.
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      const range = new vscode.Range(doc.positionAt(args.start), doc.positionAt(args.end));
      await vscode.window.showTextDocument(doc, { selection: range, preview: false });
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Source Annotator: open a source and select the text to annotate first.');
      return undefined;
    }
    if (editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Source Annotator: nothing is selected. Select the words to annotate, then run Annotate Selection again (Ctrl+Alt+A).');
      return undefined;
    }
    const reason = this.annotations.readOnlyReason(editor.document.uri);
    if (reason) {
      void vscode.window.showWarningMessage(reason);
      return undefined;
    }
    const doc = editor.document;
    const sel = editor.selection;
    const start = doc.offsetAt(sel.start);
    const end = doc.offsetAt(sel.end);
    // Collapse the selection at once (the passage stays marked while the prompts are open), so
    // that no key typed when they close, however fast, can replace the annotated text.
    editor.selection = new vscode.Selection(sel.end, sel.end);
    editor.setDecorations(this.pending, [new vscode.Range(sel.start, sel.end)]);
    try {
      const note = args?.note ?? (await this.promptNote('Annotate Selection (1/2): note', ''));
      if (note === undefined) return undefined;
      const tags = args?.tags ?? (await this.pickTags([], 'Annotate Selection (2/2): tags'));
      if (tags === undefined) return undefined;
      return await this.annotations.add(doc.uri, start, end, note, tags);
    } finally {
      editor.setDecorations(this.pending, []);
    }
  }

  /**
   * The note prompt: an input box where Enter finishes and Shift+Enter starts a new line (the
   * lines so far show above the box). Resolves to the note, or undefined when cancelled.
   */
  private promptNote(title: string, initial: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      const box = vscode.window.createInputBox();
      const all = initial.split('\n');
      const lines = all.slice(0, -1);
      box.title = title;
      box.value = all[all.length - 1];
      box.placeholder = 'Your note, in Markdown (empty for none). Shift+Enter: new line · Enter: done';
      const back: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('arrow-up'), tooltip: 'Edit the previous line' };
      const render = (): void => {
        const shownLines = lines.length > 6 ? ['…', ...lines.slice(-6)] : lines;
        box.prompt = lines.length > 0 ? `${shownLines.map((l) => `${l || '(empty line)'}`).join('  ⏎  ')}  ⏎` : 'Shift+Enter starts a new line; Enter saves the note.';
        box.buttons = lines.length > 0 ? [back] : [];
      };
      render();
      let done = false;
      this.noteInput = { box, lines, render };
      void vscode.commands.executeCommand('setContext', ContextKeys.noteInputOpen, true);
      box.onDidTriggerButton(() => {
        if (lines.length === 0) return;
        const prev = lines.pop()!;
        box.value = box.value ? `${prev} ${box.value}` : prev;
        render();
      });
      box.onDidAccept(() => {
        done = true;
        const note = [...lines, box.value].join('\n').replace(/\s+$/, '');
        resolve(note);
        box.hide();
      });
      box.onDidHide(() => {
        if (!done) resolve(undefined);
        if (this.noteInput?.box === box) {
          this.noteInput = undefined;
          void vscode.commands.executeCommand('setContext', ContextKeys.noteInputOpen, false);
        }
        box.dispose();
      });
      box.show();
    });
  }

  /** Shift+Enter in the note prompt: the text in the box becomes a line, and the box is cleared for the next. */
  private noteNewLine(): void {
    const n = this.noteInput;
    if (!n) return;
    n.lines.push(n.box.value);
    n.box.value = '';
    n.render();
  }

  /** The note prompt while it is open: its lines so far and the text in the box (tests). */
  get openNote(): { readonly lines: readonly string[]; readonly value: string } | undefined {
    const n = this.noteInput;
    return n ? { lines: [...n.lines], value: n.box.value } : undefined;
  }

  private async acceptChange(ref: AnnotationRef | undefined): Promise<Annotation | undefined> {
    const target = this.resolve(ref);
    if (!target) return undefined;
    if (target.annotation.original === undefined) {
      void vscode.window.showInformationMessage('Source Annotator: the wording of this annotation has not changed.');
      return undefined;
    }
    return this.annotations.acceptChange(target.uri, target.annotation.id);
  }

  private async edit(ref: AnnotationRef | undefined, note: string | undefined): Promise<Annotation | undefined> {
    const target = this.resolve(ref);
    if (!target) return undefined;
    const next = (typeof note === 'string' ? note : undefined) ?? (await this.promptNote('Edit Annotation Note', target.annotation.note));
    if (next === undefined) return undefined;
    return (await this.annotations.update(target.uri, target.annotation.id, { note: next })).after;
  }

  private async retag(ref: AnnotationRef | undefined, tags: string[] | undefined): Promise<Annotation | undefined> {
    const target = this.resolve(ref);
    if (!target) return undefined;
    // From the tree's context menu the second argument is the selection (tree elements), not tags.
    const given = Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? tags : undefined;
    const next = given ?? (await this.pickTags(target.annotation.tags, 'Edit Annotation Tags'));
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
      // The annotation under the cursor is one the editor shows: a hidden coder's is never edited or deleted unseen.
      const here = this.coders.at(editor.document.uri, editor.document.offsetAt(editor.selection.active));
      if (here) return { uri: editor.document.uri, annotation: here.annotation };
    }
    void vscode.window.showInformationMessage('Source Annotator: place the cursor in an annotation first.');
    return undefined;
  }

  /**
   * A multi-select quick pick of the workspace's tags that also takes new ones, several in a row
   * by keyboard: Enter on typed text adds it (commas split it into several tags) and keeps the
   * pick open; Up/Down highlight a row while the keyboard stays in the box, Space or Enter check
   * it; Enter on an empty box, or OK, finishes.
   *
   * VS Code names quick pick items by their index in `items`, and the workbench echoes every
   * list it receives back as a selection event that can arrive after the next list was set. So
   * the list only ever grows at its end: a known tag keeps its index for the life of the pick,
   * and the "new tag" item, when there is one, is always last. A late echo then still names the
   * right tags, and a tag checked before typing is never lost. Nor can a late echo undo a check the
   * pick made itself (TagChecks).
   */
  private pickTags(current: readonly string[], title: string): Promise<string[] | undefined> {
    return new Promise((resolve) => {
      type TagItem = vscode.QuickPickItem & { tag: string };
      const qp = vscode.window.createQuickPick<TagItem>();
      this.tagPick = qp;
      qp.title = title;
      qp.canSelectMany = true;
      qp.placeholder = 'Type a tag and press Enter (commas for several); Enter on an empty box saves';
      const base: TagItem[] = [...new Set([...this.annotations.allTags(), ...current])]
        .sort((a, b) => a.localeCompare(b))
        .map((t) => ({ label: t, tag: t }));
      const known = (tag: string): boolean => base.some((i) => i.tag === tag);
      const checks = new TagChecks(current);
      let adder: TagItem | undefined;
      let done = false;
      const render = (): void => {
        qp.items = adder ? [...base, adder] : [...base];
        qp.selectedItems = qp.items.filter((i) => checks.has(i.tag));
      };
      render();
      // The highlighted row, moved by our own Up/Down keys so that the keyboard focus stays in
      // the box (VS Code's own Down moves it into the list, where typed letters are lost).
      let active: TagItem | undefined;
      const setActive = (item: TagItem | undefined): void => {
        active = item;
        qp.activeItems = item ? [item] : [];
        void vscode.commands.executeCommand('setContext', ContextKeys.tagRowActive, item !== undefined);
      };
      const visible = (): TagItem[] => {
        const v = qp.value.trim().toLowerCase();
        return qp.items.filter((i) => i.alwaysShow || !v || i.label.toLowerCase().includes(v));
      };
      this.tagKeys = {
        move: (by) => {
          const rows = visible();
          if (rows.length === 0) return;
          const at = active ? rows.findIndex((r) => r.tag === active!.tag) : -1;
          setActive(rows[Math.max(0, Math.min(rows.length - 1, at < 0 ? (by > 0 ? 0 : rows.length - 1) : at + by))]);
        },
        toggle: () => {
          if (!active) return;
          checks.set(active.tag, !checks.has(active.tag));
          qp.selectedItems = qp.items.filter((i) => checks.has(i.tag));
          setActive(qp.items.find((i) => i.tag === active!.tag));
        },
        active: () => active?.tag,
      };
      void vscode.commands.executeCommand('setContext', ContextKeys.tagPickOpen, true);
      qp.onDidChangeSelection((sel) => {
        checks.fromWorkbench(
          qp.items.map((i) => i.tag),
          new Set(sel.map((i) => i.tag)),
        );
      });
      qp.onDidChangeValue((value) => {
        setActive(undefined);
        const v = value.trim();
        const want = v && !v.includes(',') && !known(v) ? v : undefined;
        if (want === adder?.tag) return;
        adder = want ? { label: `$(add) ${want}`, description: 'new tag: Enter adds it', tag: want, alwaysShow: true } : undefined;
        render();
      });
      qp.onDidAccept(() => {
        const typed = qp.value.trim();
        if (!typed && !active) {
          done = true;
          resolve(checks.list());
          qp.hide();
          return;
        }
        if (active && active !== adder) {
          // The user moved to a row: check it (a new tag joins the list for good).
          if (!known(active.tag)) base.push({ label: active.tag, tag: active.tag });
          checks.set(active.tag, true);
        } else {
          for (const part of typed.split(',')) {
            const tag = part.trim();
            if (!tag) continue;
            if (!known(tag)) base.push({ label: tag, tag });
            checks.set(tag, true);
          }
        }
        adder = undefined;
        setActive(undefined);
        qp.value = '';
        render();
      });
      qp.onDidHide(() => {
        if (!done) resolve(undefined);
        if (this.tagPick === qp) {
          this.tagPick = undefined;
          this.tagKeys = undefined;
          void vscode.commands.executeCommand('setContext', ContextKeys.tagPickOpen, false);
          void vscode.commands.executeCommand('setContext', ContextKeys.tagRowActive, false);
        }
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
