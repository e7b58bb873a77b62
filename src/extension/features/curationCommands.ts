import * as vscode from 'vscode';
import { guarded } from './commandGuard';
import { ENTITY_TYPES, type EntityType } from '../../core/analysis/types';
import { MENTION_CONTEXT, NO_CURATION, type CurationRules } from '../../core/curation/rules';
import { CURATION_FILE_NAME, CurationFile, type CurationChange, type CurationIssue } from '../../core/curation/file';
import { curationMergeProblems, repairConflictMarkers, resolveCurationConflict, type CurationMergeProblem } from '../../core/merge';
import { CommandIds } from '../commandIds';
import type { SourceEntry, SourceIndex } from '../services/sourceIndex';
import { VsCodeFileSystem } from '../services/vscodeFileSystem';
import { truncate, TYPE_LABELS, TYPE_SINGULAR } from './tree/model';

/** How the curation commands name an entity: the tree's entity elements, or tests. */
export interface EntityRef {
  readonly entity: string;
  readonly type?: EntityType;
}

/**
 * The user's corrections to the engine, from the Sources view's entity context menu: set the
 * type, merge into another entity, not an entity, rename. Each writes a rule to the workspace
 * curation file (through the core curation module) and applies the rules to the analysis
 * everywhere (SourceIndex.setCuration). The file is loaded at activation and watched, so hand
 * edits and git pulls apply too. A malformed curation file is never overwritten.
 */
export class CurationCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Per workspace folder (uri string): its curation file, rules, and problems. */
  private readonly byFolder = new Map<string, { file: CurationFile; rules: CurationRules; issues: readonly CurationIssue[] }>();
  /** Per curation file (uri string): conflict markers or recorded merge conflicts, for Problems. */
  private mergeState = new Map<string, { uri: vscode.Uri; problems: readonly CurationMergeProblem[] }>();
  private readonly mergeChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeMergeProblems = this.mergeChanged.event;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly index: SourceIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CURATION_FILE_NAME}`);
    const reload = (): void => void this.reloadIfChanged();
    this.disposables.push(
      watcher,
      this.mergeChanged,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      // From the tree's context menu the second argument is the selection (tree elements): only
      // a string (or a known type) given by our own callers is taken as the value.
      vscode.commands.registerCommand(CommandIds.setEntityType, (ref?: EntityRef, type?: unknown) =>
        this.guard(() => this.setType(ref, (ENTITY_TYPES as readonly unknown[]).includes(type) ? (type as EntityType) : undefined)),
      ),
      vscode.commands.registerCommand(CommandIds.mergeEntity, (ref?: EntityRef, into?: unknown) => this.guard(() => this.merge(ref, typeof into === 'string' ? into : undefined))),
      vscode.commands.registerCommand(CommandIds.notAnEntity, (ref?: EntityRef) => this.guard(() => this.notAnEntity(ref))),
      vscode.commands.registerCommand(CommandIds.renameEntity, (ref?: EntityRef, to?: unknown) => this.guard(() => this.rename(ref, typeof to === 'string' ? to : undefined))),
      vscode.commands.registerCommand(CommandIds.correctSpeaker, (at?: unknown, speaker?: string) => this.guard(() => this.correctSpeaker(at, speaker))),
      vscode.commands.registerCommand(CommandIds.notAQuote, (at?: unknown) => this.guard(() => this.notAQuote(at))),
      vscode.commands.registerCommand(CommandIds.correctMention, (at?: unknown, entity?: string | null) => this.guard(() => this.correctMention(at, entity))),
    );
  }

  /** The rules of every workspace folder together. */
  get rules(): CurationRules {
    const all = [...this.byFolder.values()].map((f) => f.rules);
    if (all.length === 0) return NO_CURATION;
    return {
      types: all.flatMap((r) => r.types),
      merges: all.flatMap((r) => r.merges),
      notEntities: all.flatMap((r) => r.notEntities),
      renames: all.flatMap((r) => r.renames),
      speakers: all.flatMap((r) => r.speakers ?? []),
      notQuotes: all.flatMap((r) => r.notQuotes ?? []),
      mentions: all.flatMap((r) => r.mentions ?? []),
    };
  }

  /**
   * Where an editor correction applies: a place in a source. The editor's context menu passes
   * the document's URI (the cursor says where); hovers and tests pass { uri, offset } (UTF-16).
   * Only the place comes from the arguments: what is written comes from the analysis there.
   */
  private place(at: unknown): { entry: SourceEntry; offset: number } | undefined {
    const editor = vscode.window.activeTextEditor;
    let uri: vscode.Uri | undefined;
    let offset: number | undefined;
    const given = at && typeof at === 'object' ? (at as { uri?: unknown; offset?: unknown }) : undefined;
    if (given && typeof given.uri === 'string' && typeof given.offset === 'number') {
      uri = vscode.Uri.parse(given.uri);
      offset = given.offset;
    } else if (editor) {
      uri = editor.document.uri;
      offset = editor.document.offsetAt(editor.selection.active);
    }
    const entry = uri ? this.index.get(uri) : undefined;
    if (!entry || offset === undefined) {
      void vscode.window.showInformationMessage('Source Annotator: put the cursor in a quote or a name of a source first.');
      return undefined;
    }
    return { entry, offset };
  }

  private quoteAt(at: unknown): { text: string; speaker: string | null } | undefined {
    const p = this.place(at);
    if (!p) return undefined;
    const q = p.entry.analysis.quotes.find((x) => x.start <= p.offset && p.offset <= x.end);
    if (!q) void vscode.window.showInformationMessage('Source Annotator: the cursor is not in a quote.');
    return q ? { text: q.text, speaker: q.speaker } : undefined;
  }

  /** Who said this quote: a person of the workspace, or a name the user types. Every quote with this text. */
  private async correctSpeaker(at: unknown, speaker: string | undefined): Promise<boolean> {
    const q = this.quoteAt(at);
    if (!q) return false;
    let next = typeof speaker === 'string' ? speaker.trim() : undefined;
    if (next === undefined) {
      const people = (await this.index.entityList()).filter((e) => e.type === 'PERSON' || e.type === 'ORG' || e.type === 'NORP');
      people.sort((a, b) => Number(b.type === 'PERSON') - Number(a.type === 'PERSON') || b.mentions - a.mentions || a.entity.localeCompare(b.entity));
      const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { name: string }>();
      qp.title = `Who said “${truncate(q.text, 50)}”?`;
      qp.placeholder = q.speaker ? `Now: ${q.speaker}. Pick a person, or type a name and press Enter` : 'Pick a person, or type a name and press Enter';
      const listed = people.map((e) => ({ label: e.entity, description: `${TYPE_SINGULAR[e.type]} · ${e.mentions} ${e.mentions === 1 ? 'mention' : 'mentions'}`, name: e.entity }));
      qp.items = listed;
      qp.onDidChangeValue((v) => {
        const typed = v.trim();
        qp.items = typed && !listed.some((i) => i.name === typed) ? [...listed, { label: `$(add) ${typed}`, description: 'a speaker not in the list', name: typed, alwaysShow: true }] : listed;
      });
      next = await new Promise<string | undefined>((resolve) => {
        qp.onDidAccept(() => {
          resolve(qp.selectedItems[0]?.name ?? (qp.value.trim() || undefined));
          qp.hide();
        });
        qp.onDidHide(() => {
          resolve(undefined);
          qp.dispose();
        });
        qp.show();
      });
    }
    if (!next || next === q.speaker) return false;
    await this.write([{ kind: 'speaker', quote: q.text, speaker: next }], `“${truncate(q.text, 40)}” is now said by ${next}.`);
    return true;
  }

  /** This quoted text is nobody's words (a scare quote, a title): every quote with this text. */
  private async notAQuote(at: unknown): Promise<boolean> {
    const q = this.quoteAt(at);
    if (!q) return false;
    await this.write([{ kind: 'notQuote', quote: q.text }], `“${truncate(q.text, 40)}” is no longer treated as a quote.`);
    return true;
  }

  /** This one mention is no entity (`entity` null), or another entity; asks when `entity` is undefined. */
  private async correctMention(at: unknown, entity: string | null | undefined): Promise<boolean> {
    const p = this.place(at);
    if (!p) return false;
    const m = p.entry.analysis.entities.find((e) => e.kind === 'name' && e.start <= p.offset && p.offset <= e.end);
    if (!m) {
      void vscode.window.showInformationMessage('Source Annotator: the cursor is not in a name.');
      return false;
    }
    let target: string | null | undefined = entity === null || typeof entity === 'string' ? entity : undefined;
    if (target === undefined) {
      const all = (await this.index.entityList()).filter((e) => e.entity !== m.entity);
      all.sort((a, b) => Number(b.type === m.type) - Number(a.type === m.type) || b.mentions - a.mentions || a.entity.localeCompare(b.entity));
      const none = { label: '$(circle-slash) Not an entity', description: `only this mention of “${m.text}”`, name: null as string | null };
      const pick = await vscode.window.showQuickPick([none, ...all.map((e) => ({ label: e.entity, description: TYPE_SINGULAR[e.type], name: e.entity }))], {
        title: `This “${m.text}” (now ${m.entity}) is…`,
        placeHolder: 'Not an entity, or the entity it really is',
      });
      if (!pick) return false;
      target = pick.name;
    }
    const text = p.entry.text;
    const prefix = text.slice(Math.max(0, m.start - MENTION_CONTEXT), m.start);
    const suffix = text.slice(m.end, m.end + MENTION_CONTEXT);
    // The engine's own text of the mention, as the rules match it (before curation renamed it).
    await this.write(
      [{ kind: 'mention', text: m.text, prefix, suffix, ...(target !== null ? { entity: target } : {}) }],
      target === null ? `This “${m.text}” is no longer an entity.` : `This “${m.text}” is now ${target}.`,
    );
    return true;
  }

  /** Resolves when the curation file has been (re)loaded and applied. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /**
   * Run `f` after everything queued before it: loads, writes and applying the rules never
   * interleave (a load reading the file between two writes could otherwise win).
   */
  private enqueue<T>(f: () => Promise<T>): Promise<T> {
    const run = this.loading.then(f);
    this.loading = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Read every folder's curation file and apply the rules to the analysis. */
  reload(): Promise<void> {
    return this.enqueue(() => this.load()).catch((err: unknown) => this.log.error(`loading the curation file: ${message(err)}`));
  }

  /** After a file event: reload unless the files are as this instance last read or wrote them (its own writes). */
  private reloadIfChanged(): Promise<void> {
    return this.enqueue(async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      const same = folders.length === this.byFolder.size && folders.every((f) => this.byFolder.has(f.uri.toString()));
      if (same) {
        const changed = await Promise.all([...this.byFolder.values()].map((f) => f.file.changedOnDisk().catch(() => true)));
        if (!changed.some(Boolean)) return;
      }
      await this.load();
    }).catch((err: unknown) => this.log.error(`reloading the curation file: ${message(err)}`));
  }

  private async load(): Promise<void> {
    const loaded = new Map<string, { file: CurationFile; rules: CurationRules; issues: readonly CurationIssue[] }>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const file = new CurationFile(new VsCodeFileSystem(folder.uri), folder.uri.path);
      const { rules, issues } = await file.load();
      loaded.set(folder.uri.toString(), { file, rules, issues });
      if (issues.length > 0) {
        const where = `${vscode.workspace.asRelativePath(folder.uri.with({ path: file.path }))}:${issues[0].line}:${issues[0].col}`;
        this.log.warn(`${where}: ${issues[0].message}`);
        void vscode.window.showWarningMessage(`Source Annotator: ${where}: ${issues[0].message}. The corrections in this file are not applied until it is fixed.`);
      }
    }
    this.byFolder.clear();
    for (const [k, v] of loaded) this.byFolder.set(k, v);
    await this.refreshMergeProblems();
    await this.apply();
  }

  /** The curation files' merge problems: conflict markers, recorded conflicts (Problems shows them). */
  mergeProblems(): ReadonlyArray<{ readonly uri: vscode.Uri; readonly problems: readonly CurationMergeProblem[] }> {
    return [...this.mergeState.values()];
  }

  private async refreshMergeProblems(): Promise<void> {
    const next = new Map<string, { uri: vscode.Uri; problems: readonly CurationMergeProblem[] }>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const state = this.byFolder.get(folder.uri.toString());
      const text = state ? await state.file.text() : undefined;
      const problems = text === undefined ? [] : curationMergeProblems(text);
      if (problems.length > 0 && state) {
        const uri = folder.uri.with({ path: state.file.path });
        next.set(uri.toString(), { uri, problems });
      }
    }
    const key = (m: typeof next): string => JSON.stringify([...m.entries()].map(([k, v]) => [k, v.problems]));
    const changed = key(next) !== key(this.mergeState);
    this.mergeState = next;
    if (changed) this.mergeChanged.fire();
  }

  /** Rebuild a curation file left with conflict markers from both sides (the quick fix; nothing is lost). */
  repairConflictMarkers(uri: vscode.Uri): Promise<{ conflicts: number; hunks: number; threeWay: boolean }> {
    let result: { conflicts: number; hunks: number; threeWay: boolean } | undefined;
    return this.rewrite(uri, (text) => {
      const r = repairConflictMarkers(text, 'curation');
      if (!r.ok) throw new Error(`the curation file cannot be rebuilt: line ${r.line}: ${r.message}`);
      result = { conflicts: r.conflicts, hunks: r.hunks, threeWay: r.threeWay };
      return r.text;
    }).then(() => result!);
  }

  /** Keep one side of a conflict recorded in a curation file (the quick fixes). */
  resolveConflict(uri: vscode.Uri, index: number, side: 'ours' | 'theirs', record?: string): Promise<void> {
    return this.rewrite(uri, (text) => {
      const r = resolveCurationConflict(text, index, side, record);
      if (!r.ok) throw new Error(r.message);
      return r.text;
    });
  }

  /** Only the curation file at a workspace folder's top, in a trusted workspace; then reload the rules. */
  private async rewrite(uri: vscode.Uri, edit: (text: string) => string): Promise<void> {
    if (!vscode.workspace.isTrusted) throw new Error('the curation file cannot be changed in an untrusted workspace. Trust the workspace first.');
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const state = folder ? this.byFolder.get(folder.uri.toString()) : undefined;
    if (!folder || !state || uri.path !== state.file.path) throw new Error(`${uri.toString()} is not the curation file of a workspace folder.`);
    await this.enqueue(async () => {
      await state.file.rewrite(edit);
      await this.load();
    });
  }

  /** True for the curation file of a workspace folder. */
  isCurationFile(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder !== undefined && uri.path === `${folder.uri.path.replace(/\/$/, '')}/${CURATION_FILE_NAME}`;
  }

  /** Hand the rules to the analysis, unless they are the ones it already has (no re-analysis for nothing at startup). */
  private async apply(): Promise<void> {
    const rules = this.rules;
    if (JSON.stringify(rules) === JSON.stringify(this.index.curationRules)) return;
    // Not while the first indexing pass runs: an analysis started before the change could land after it.
    await this.index.whenIndexed();
    await this.index.setCuration(rules);
  }

  private guard<T>(f: () => Promise<T>): Promise<T | undefined> {
    return guarded(f);
  }


  private async setType(ref: EntityRef | undefined, type: EntityType | undefined): Promise<boolean> {
    const entity = this.entity(ref);
    if (!entity) return false;
    const current = ref?.type ?? (await this.index.entity(entity))?.type;
    const next =
      type ??
      (
        await vscode.window.showQuickPick(
          ENTITY_TYPES.map((t) => ({ label: TYPE_LABELS[t], description: t === current ? `${t} (current)` : t, type: t })),
          { title: `Set the type of “${entity}”`, placeHolder: 'This entity is a…' },
        )
      )?.type;
    if (!next || next === current) return false;
    await this.write(
      this.originalNames(entity).map((text) => ({ kind: 'type', text, type: next })),
      `“${entity}” is now a ${TYPE_SINGULAR[next]}.`,
    );
    return true;
  }

  private async merge(ref: EntityRef | undefined, into: string | undefined): Promise<boolean> {
    const entity = this.entity(ref);
    if (!entity) return false;
    let target = into;
    if (target === undefined) {
      const all = await this.index.entityList();
      const type = ref?.type ?? all.find((e) => e.entity === entity)?.type;
      const others = all
        .filter((e) => e.entity !== entity)
        .sort((a, b) => Number(b.type === type) - Number(a.type === type) || b.mentions - a.mentions || a.entity.localeCompare(b.entity));
      const pick = await vscode.window.showQuickPick(
        others.map((e) => ({
          label: e.entity,
          description: `${TYPE_SINGULAR[e.type]} · ${e.mentions} ${e.mentions === 1 ? 'mention' : 'mentions'}`,
          detail: e.aliases.length > 0 ? `also ${[...e.aliases].filter((a) => a !== e.entity).slice(0, 6).join(', ')}` : undefined,
          entity: e.entity,
        })),
        { title: `Merge “${entity}” into…`, placeHolder: 'The entity it is the same as', matchOnDescription: true, matchOnDetail: true },
      );
      target = pick?.entity;
    }
    if (!target || target === entity) return false;
    await this.write([{ kind: 'merge', from: entity, into: target }], `“${entity}” is now merged into “${target}”.`);
    return true;
  }

  private async notAnEntity(ref: EntityRef | undefined): Promise<boolean> {
    const entity = this.entity(ref);
    if (!entity) return false;
    await this.write(
      this.originalNames(entity).map((text) => ({ kind: 'notEntity', text })),
      `“${entity}” is no longer treated as an entity.`,
    );
    return true;
  }

  private async rename(ref: EntityRef | undefined, to: string | undefined): Promise<boolean> {
    const entity = this.entity(ref);
    if (!entity) return false;
    const next = (
      to ??
      (await vscode.window.showInputBox({
        title: `Rename “${entity}”`,
        prompt: 'The canonical name, shown in hovers, the tree and exports',
        value: entity,
        validateInput: (v) => (v.trim() ? undefined : 'A name cannot be empty'),
      }))
    )?.trim();
    if (!next || next === entity) return false;
    await this.write([{ kind: 'rename', from: entity, to: next }], `“${entity}” is now called “${next}”.`);
    return true;
  }

  private entity(ref: EntityRef | undefined): string | undefined {
    if (ref?.entity) return ref.entity;
    void vscode.window.showInformationMessage('Source Annotator: use this command from an entity in the Sources view.');
    return undefined;
  }

  /**
   * The names the engine gives an entity the user renamed or merged: type and not-an-entity
   * rules match the engine's names (before renames and merges), so they are written for these.
   */
  private originalNames(entity: string): string[] {
    const rules = this.rules;
    const names = new Set([entity]);
    let size = 0;
    while (names.size !== size) {
      size = names.size;
      for (const r of rules.renames) if (names.has(r.to)) names.add(r.from);
      for (const m of rules.merges) if (names.has(m.into)) names.add(m.from);
    }
    return [...names];
  }

  /** Add rules to the curation file of the first workspace folder, then apply all rules. */
  private async write(changes: readonly CurationChange[], done: string): Promise<void> {
    if (!vscode.workspace.isTrusted) throw new Error('corrections cannot be saved in an untrusted workspace. Trust the workspace first.');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('open a folder first: corrections are saved in the workspace.');
    const file = await this.enqueue(async () => {
      const state = this.byFolder.get(folder.uri.toString());
      const f = state?.file ?? new CurationFile(new VsCodeFileSystem(folder.uri), folder.uri.path);
      // The core refuses (and writes nothing) when the file is malformed or changed meanwhile.
      let rules = state?.rules ?? NO_CURATION;
      for (const change of changes) rules = await f.apply(change);
      this.byFolder.set(folder.uri.toString(), { file: f, rules, issues: [] });
      await this.apply();
      return f;
    });
    const uri = folder.uri.with({ path: file.path });
    void vscode.window.showInformationMessage(`${done} (saved in ${vscode.workspace.asRelativePath(uri)})`, 'Open File').then(async (a) => {
      if (a === 'Open File') await vscode.window.showTextDocument(uri);
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
