import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/model';
import { UserError } from '../../core/fileSystem';
import { AnnotationStore, type AnchoredAnnotation, type SourceAnnotations, type StoreProblem } from '../../core/store/store';
import { applyEditsToText, type TextEdit } from '../../core/anchoring/edits';
import { OffsetMap } from '../../core/text/offsets';
import type { SourceIndex } from './sourceIndex';
import { VsCodeFileSystem } from './vscodeFileSystem';

/** Time a pass over every source may hold the extension host before it yields, in milliseconds. */
const SLICE_MS = 8;
/** Loads of one source in a row while its text keeps changing under them, before the last is kept anyway. */
const MAX_LOAD_ATTEMPTS = 5;

/** An editor change event, kept for the load under way. */
interface QueuedEdit {
  readonly edits: readonly TextEdit[];
  /** The document's text and version after the change. */
  readonly text: string;
  readonly version: number;
  /** It replaced the whole text (a revert, or the file reloaded after an outside edit). */
  readonly whole: boolean;
}

/** An anchored annotation with its UTF-16 span in the current text. */
export interface LiveAnnotation {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
}

/**
 * The VS Code side of the annotation store: one core AnnotationStore per workspace folder over
 * vscode.workspace.fs. It loads a source's sidecar when the index has the source, moves spans
 * with the editor's change events, writes re-anchored positions when the source is saved, and
 * reloads when a sidecar changes on disk. Annotations are read-only in untrusted workspaces and
 * in read-only file systems.
 */
export class AnnotationService implements vscode.Disposable {
  private readonly stores = new Map<string, AnnotationStore>();
  private readonly states = new Map<string, SourceAnnotations>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private readonly loading = new Map<string, Promise<void>>();
  /** The source text each state was anchored in (or moved to by editor edits). */
  private readonly texts = new Map<string, string>();
  /**
   * The open document's version when its state was anchored in its text (none when the text came
   * from the disk): an editor change event applies to the state only when it follows that version.
   */
  private readonly versions = new Map<string, number>();
  /** Editor changes that came while a source's sidecar was being loaded, for that load to follow. */
  private readonly queued = new Map<string, QueuedEdit[]>();
  /** Problems that are not about a loaded source (deleted sources, refused moves). */
  private readonly extraProblems = new Map<string, StoreProblem>();

  readonly onDidChange = this.changed.event;
  /** Extension-host time of the last edits followed in annotated sources (listeners included), for the measured run. */
  readonly editTimings: number[] = [];

  constructor(
    private readonly index: SourceIndex,
    private readonly author: () => string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    const sidecarChanged = (u: vscode.Uri): void => {
      const source = u.with({ path: u.path.slice(0, -'.annotations.yaml'.length) });
      if (this.index.get(source)) void this.reload(source);
    };
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange(sidecarChanged),
      watcher.onDidCreate(sidecarChanged),
      watcher.onDidDelete(sidecarChanged),
      index.onDidChange((uris) => this.onIndexChanged(uris)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      // a document opened again starts its versions anew
      vscode.workspace.onDidCloseTextDocument((d) => this.versions.delete(d.uri.toString())),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
      vscode.workspace.onDidRenameFiles((e) => void this.onRename(e)),
      vscode.workspace.onDidDeleteFiles((e) => void this.onDelete(e)),
    );
  }

  /** Why annotations cannot be changed here, or undefined when they can. */
  readOnlyReason(uri?: vscode.Uri): string | undefined {
    if (!vscode.workspace.isTrusted) return 'Annotations are read-only in an untrusted workspace. Trust the workspace to annotate.';
    if (uri && vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return 'Annotations are read-only: this file system cannot be written.';
    const st = uri ? this.states.get(uri.toString()) : undefined;
    if (st?.readOnly) return `The sidecar ${vscode.workspace.asRelativePath(st.sidecarPath)} is malformed: fix it first (see the Problems panel). Its annotations stay read-only until then.`;
    return undefined;
  }

  /** Anchored annotations of a source, UTF-16 spans in the current text, ordered by position. */
  anchored(uri: vscode.Uri): LiveAnnotation[] {
    const st = this.states.get(uri.toString());
    if (!st) return [];
    return st.annotations
      .filter((a): a is AnchoredAnnotation & { start16: number; end16: number } => a.status === 'anchored' && a.start16 !== undefined && a.end16 !== undefined)
      .map((a) => ({ annotation: a.annotation, start: a.start16, end: a.end16 }));
  }

  /** Everything known about a source's annotations, orphans included. */
  state(uri: vscode.Uri): SourceAnnotations | undefined {
    return this.states.get(uri.toString());
  }

  /** The loaded sources' annotations, by source URI string (the coders count them). */
  loadedStates(): ReadonlyMap<string, SourceAnnotations> {
    return this.states;
  }

  find(uri: vscode.Uri, id: string): AnchoredAnnotation | undefined {
    return this.states.get(uri.toString())?.annotations.find((a) => a.annotation.id === id);
  }

  at(uri: vscode.Uri, offset: number): LiveAnnotation | undefined {
    return this.anchored(uri).find((a) => a.start <= offset && offset <= a.end);
  }

  /** Every tag used in the workspace, sorted. */
  allTags(): string[] {
    const tags = new Set<string>();
    for (const st of this.states.values()) for (const a of st.annotations) for (const t of a.annotation.tags) tags.add(t);
    return [...tags].sort((a, b) => a.localeCompare(b));
  }

  problems(): StoreProblem[] {
    return [...[...this.states.values()].flatMap((s) => s.problems), ...this.extraProblems.values()];
  }

  /** Resolves when every pending sidecar load is done (tests, exports). */
  async settled(): Promise<void> {
    while (this.loading.size > 0) await Promise.all(this.loading.values());
  }

  async add(uri: vscode.Uri, start16: number, end16: number, note: string, tags: readonly string[]): Promise<Annotation> {
    const { store, text, map, version } = this.writable(uri);
    const a = await store.add(uri.path, text, { start: map.toCodePoint(start16), end: map.toCodePoint(end16) }, note, tags);
    this.capture(uri, store, text, version);
    return a;
  }

  /**
   * Record an adjudicated annotation on a span given in code points of the current text: it
   * records the ids it settles (`from`), the author as adjudicator and the time.
   */
  async adjudicate(uri: vscode.Uri, span: { readonly start: number; readonly end: number }, note: string, tags: readonly string[], from: readonly string[]): Promise<Annotation> {
    const { store, text, version } = this.writable(uri);
    const a = await store.add(uri.path, text, span, note, tags, from);
    this.capture(uri, store, text, version);
    return a;
  }

  async update(uri: vscode.Uri, id: string, changes: { note?: string; tags?: readonly string[] }): Promise<{ before: Annotation; after: Annotation }> {
    const { store, text, version } = this.writable(uri);
    const r = await store.update(uri.path, text, id, changes);
    this.capture(uri, store, text, version);
    return r;
  }

  async delete(uri: vscode.Uri, id: string): Promise<Annotation> {
    const { store, text, version } = this.writable(uri);
    const removed = await store.delete(uri.path, text, id);
    this.capture(uri, store, text, version);
    return removed;
  }

  async restore(uri: vscode.Uri, annotation: Annotation): Promise<void> {
    const { store, text, version } = this.writable(uri);
    await store.restore(uri.path, text, annotation);
    this.capture(uri, store, text, version);
  }

  /** Accept the source's new wording under an annotation whose text changed. */
  async acceptChange(uri: vscode.Uri, id: string): Promise<Annotation> {
    const { store, text, version } = this.writable(uri);
    const a = await store.acceptChange(uri.path, text, id);
    this.capture(uri, store, text, version);
    return a;
  }

  /** Keep one side of a merge conflict recorded in an annotation (src/core/merge). Undefined when that side deleted it. */
  async resolveConflict(uri: vscode.Uri, id: string, index: number, side: 'ours' | 'theirs'): Promise<Annotation | undefined> {
    const { store, text, version } = this.writable(uri);
    const a = await store.resolveConflict(uri.path, text, id, index, side);
    this.capture(uri, store, text, version);
    return a;
  }

  /**
   * Rebuild a source's sidecar that a line-based git merge left with conflict markers, from both
   * sides (by id), then load it again. The sidecar is malformed, so only trust is required.
   */
  async repairConflictMarkers(uri: vscode.Uri): Promise<{ conflicts: number; hunks: number; threeWay: boolean }> {
    if (!vscode.workspace.isTrusted) throw new UserError('Annotations are read-only in an untrusted workspace. Trust the workspace to repair them.');
    const store = this.storeFor(uri);
    if (!store) throw new UserError(`${vscode.workspace.asRelativePath(uri)} is not in a workspace folder.`);
    const r = await store.repairConflictMarkers(uri.path);
    await this.reload(uri);
    return r;
  }

  async reattach(uri: vscode.Uri, id: string, start16: number, end16: number): Promise<Annotation> {
    const { store, text, map, version } = this.writable(uri);
    const a = await store.reattach(uri.path, text, id, { start: map.toCodePoint(start16), end: map.toCodePoint(end16) });
    this.capture(uri, store, text, version);
    return a;
  }

  /** (Re)load a source's sidecar and anchor it in the source's current text. */
  reload(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const prev = this.loading.get(key) ?? Promise.resolve();
    const next = prev
      .then(async () => {
        const store = this.storeFor(uri);
        if (!store) return;
        // Editor changes that come while the sidecar is read and anchored are queued (see onEdit) and
        // followed once it is, as if they came after the load; when they do not fit the text the load
        // used (VS Code reloading the file, say), the load is done again in the text as it is now.
        for (let attempt = 1; ; attempt++) {
          const now = this.snapshot(uri);
          if (now === undefined) return;
          let { text, version } = now;
          this.queued.set(key, []);
          let st = await store.load(uri.path, text);
          let followed = false;
          let fits = true;
          for (const ev of this.queued.get(key) ?? []) {
            if (ev.whole || applyEditsToText(text, ev.edits) !== ev.text) {
              fits = false;
              break;
            }
            st = store.trackEdits(uri.path, ev.text, ev.edits) ?? st;
            text = ev.text;
            version = ev.version;
            followed = true;
          }
          this.queued.delete(key);
          if (attempt < MAX_LOAD_ATTEMPTS && (!fits || this.currentText(uri) !== text)) continue;
          this.publish(uri, st, text, version);
          // as after an editor change (onEdit): an orphan of a document as on disk gets the full re-anchoring
          if (followed && this.openDocument(uri)?.isDirty === false && st.annotations.some((a) => a.status === 'orphan')) void this.reload(uri);
          return;
        }
      })
      .catch((err: unknown) => this.log.error(`loading annotations of ${uri.toString()}: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        // a load that failed follows no more changes: the next change finds the state behind and loads again
        this.queued.delete(key);
        if (this.loading.get(key) === next) this.loading.delete(key);
      });
    this.loading.set(key, next);
    return next;
  }

  /** Keep a source's state with the text it is anchored in (and the document's version then). */
  private publish(uri: vscode.Uri, st: SourceAnnotations, text: string, version: number | undefined): void {
    const key = uri.toString();
    this.states.set(key, st);
    this.texts.set(key, text);
    if (version === undefined) this.versions.delete(key);
    else this.versions.set(key, version);
    this.changed.fire([uri]);
  }

  private onIndexChanged(uris: readonly vscode.Uri[]): void {
    if (uris.length === 0) {
      void this.reloadAll();
      return;
    }
    for (const uri of uris) this.consider(uri, true);
  }

  /**
   * After a whole-workspace change: load the sources that have a sidecar (and re-anchor those
   * whose text changed). Sources without one need no state: the store reads the disk on write.
   */
  private async reloadAll(): Promise<void> {
    const sidecars = await vscode.workspace.findFiles('**/*.annotations.yaml', '**/node_modules/**');
    const withSidecar = new Set(sidecars.map((u) => u.with({ path: u.path.slice(0, -'.annotations.yaml'.length) }).toString()));
    for (const key of [...this.states.keys()]) {
      if (!this.index.get(vscode.Uri.parse(key))) {
        this.states.delete(key);
        this.texts.delete(key);
      }
    }
    // Thousands of sources: look at the open documents once, and yield to the editor now and then.
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    let sliceStart = Date.now();
    for (const entry of this.index.sources()) {
      this.consider(entry.uri, withSidecar.has(entry.key), dirty);
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        sliceStart = Date.now();
      }
    }
    this.changed.fire([]);
  }

  private consider(uri: vscode.Uri, mayHaveSidecar: boolean, dirtyKeys?: ReadonlySet<string>): void {
    const key = uri.toString();
    const entry = this.index.get(uri);
    if (!entry) {
      this.texts.delete(key);
      if (this.states.delete(key)) this.changed.fire([uri]);
      return;
    }
    // Edits in the editor were already followed through change events (the text matches).
    // Anything else (first sight, an outside edit) re-anchors from the sidecar.
    const dirty = dirtyKeys ? dirtyKeys.has(key) : vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty);
    const known = this.states.get(key);
    // Orphans are tried again on every look (Refresh, a save, an outside change): their text may be back.
    const orphans = known?.annotations.some((a) => a.status === 'orphan') ?? false;
    if ((!known && mayHaveSidecar) || (known && !dirty && (orphans || this.texts.get(key) !== entry.text))) void this.reload(uri);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    if (!this.states.has(key)) return;
    const store = this.storeFor(e.document.uri);
    if (!store) return;
    // A change that replaces the whole text (a revert, or the file reloaded after an outside
    // edit) carries no information about where text moved: re-anchor from the sidecar instead.
    const only = e.contentChanges.length === 1 ? e.contentChanges[0] : undefined;
    const whole = only !== undefined && only.rangeOffset === 0 && only.text.length === e.document.getText().length && only.rangeLength > 0;
    const queue = this.queued.get(key);
    if (whole && !queue) {
      void this.reload(e.document.uri);
      return;
    }
    // VS Code reports the changes of one event against the text before the event, in an order
    // where applying them one after another from last to first is safe: sort by offset, descending.
    const edits = [...e.contentChanges]
      .sort((a, b) => b.rangeOffset - a.rangeOffset)
      .map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
    const newText = e.document.getText();
    // A load under way follows the change when it ends (see reload).
    if (queue) {
      queue.push({ edits, text: newText, version: e.document.version, whole });
      return;
    }
    // The edits move the spans only when they were made to the text the spans are in; otherwise
    // (the state was anchored in another version: an edit that came while it was loaded, or the
    // file changed on disk first) moving them would put annotations on the wrong words.
    if (!this.followsState(key, e.document.version, edits, newText)) {
      void this.reload(e.document.uri);
      return;
    }
    const t0 = performance.now();
    const st = store.trackEdits(e.document.uri.path, newText, edits);
    if (st) {
      this.states.set(key, st);
      this.texts.set(key, newText);
      this.versions.set(key, e.document.version);
      this.changed.fire([e.document.uri]);
      this.editTimings.push(performance.now() - t0);
      if (this.editTimings.length > 200) this.editTimings.splice(0, 100);
      // A change that leaves the document as on disk (VS Code reloading it after an outside
      // edit, often as one replacement over the annotated words): orphans get the full
      // re-anchoring (fuzzy included) that a closed source would get, not only an exact search.
      if (!e.document.isDirty && st.annotations.some((a) => a.status === 'orphan')) void this.reload(e.document.uri);
    }
  }

  /**
   * Whether a change event's edits were made to the text the source's state is anchored in: the
   * version right after the state's (at once), or else the state's text with the edits applied is
   * the document's new text.
   */
  private followsState(key: string, version: number, edits: readonly TextEdit[], newText: string): boolean {
    if (this.versions.get(key) === version - 1) return true;
    const old = this.texts.get(key);
    return old !== undefined && applyEditsToText(old, edits) === newText;
  }

  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const st = this.states.get(doc.uri.toString());
    const store = this.storeFor(doc.uri);
    if (!st || !store || !st.exists) return;
    if (st.readOnly || this.readOnlyReason(doc.uri)) {
      // Nothing may be written, but orphans whose text is back still come back (a load never writes).
      if (st.annotations.some((a) => a.status === 'orphan')) await this.reload(doc.uri);
      return;
    }
    try {
      const text = doc.getText();
      const version = doc.version;
      await store.saveAnchors(doc.uri.path, text);
      this.capture(doc.uri, store, text, version);
    } catch (err) {
      void vscode.window.showWarningMessage(`Source Annotator: could not update ${vscode.workspace.asRelativePath(st.sidecarPath)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async onRename(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      // Moving the sidecar is a write: not in Restricted Mode or on a read-only file system.
      const readOnly = this.readOnlyReason(oldUri);
      if (readOnly) {
        if (this.index.isSource(oldUri)) {
          this.log.info(`not moving the sidecar of ${oldUri.toString()}: ${readOnly}`);
          this.states.delete(oldUri.toString());
          this.changed.fire([oldUri]);
        }
        continue;
      }
      const store = this.storeFor(oldUri);
      if (!store || this.storeFor(newUri) !== store || !this.index.isSource(oldUri)) continue;
      try {
        const r = await store.moveWithSource(oldUri.path, newUri.path);
        if (r.message) void vscode.window.showWarningMessage(`Source Annotator: ${r.message}`);
        this.states.delete(oldUri.toString());
        void this.reload(newUri);
      } catch (err) {
        this.log.error(`moving the sidecar of ${oldUri.toString()}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private async onDelete(e: vscode.FileDeleteEvent): Promise<void> {
    for (const uri of e.files) {
      const store = this.storeFor(uri);
      if (!store || !this.index.isSource(uri)) continue;
      const problem = await store.sourceDeleted(uri.path);
      this.states.delete(uri.toString());
      if (problem) this.extraProblems.set(problem.path, problem);
      this.changed.fire([uri]);
    }
  }

  private writable(uri: vscode.Uri): { store: AnnotationStore; text: string; map: OffsetMap; version: number | undefined } {
    const reason = this.readOnlyReason(uri);
    if (reason) throw new UserError(reason);
    const store = this.storeFor(uri);
    const now = this.snapshot(uri);
    if (!store || now === undefined) throw new UserError(`${vscode.workspace.asRelativePath(uri)} is not a source of this workspace.`);
    return { store, text: now.text, map: new OffsetMap(now.text), version: now.version };
  }

  /**
   * Keep the store's state of a source after an operation anchored it in `text` (the document at
   * `version`); when the text changed while the operation ran, anchor it again in the text as it is.
   */
  private capture(uri: vscode.Uri, store: AnnotationStore, text: string, version: number | undefined): void {
    const st = store.get(uri.path);
    if (st) this.publish(uri, st, text, version);
    else this.changed.fire([uri]);
    if (this.currentText(uri) !== text) void this.reload(uri);
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** A source's current text: the open document's (with its version), else the file's as the index read it. */
  private snapshot(uri: vscode.Uri): { text: string; version: number | undefined } | undefined {
    const doc = this.openDocument(uri);
    if (doc) return { text: doc.getText(), version: doc.version };
    const text = this.index.get(uri)?.text;
    return text === undefined ? undefined : { text, version: undefined };
  }

  private currentText(uri: vscode.Uri): string | undefined {
    return this.snapshot(uri)?.text;
  }

  private storeFor(uri: vscode.Uri): AnnotationStore | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const key = folder.uri.toString();
    let store = this.stores.get(key);
    if (!store) {
      const author = this.author;
      // A getter, so that a change of the author setting applies to the next annotation.
      store = new AnnotationStore(new VsCodeFileSystem(folder.uri), folder.uri.path, {
        get author(): string {
          return author();
        },
      });
      this.stores.set(key, store);
    }
    return store;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
