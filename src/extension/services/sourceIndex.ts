import * as vscode from 'vscode';
import type { DocumentAnalysis, EntityMention, EntityType, Quote, QuoteCluster } from '../../core/analysis/types';
import { CanonicalNames, WorkspaceAnalysis } from '../../core/analysis/workspace';
import { NO_CURATION, type CurationRules } from '../../core/curation/rules';
import { decodeSource } from '../../core/text/decode';
import { OffsetMap } from '../../core/text/offsets';
import type { Settings } from '../settings';
import type { AnalysisClient } from './analysisClient';

/** One source of the workspace, with its current text and analysis (UTF-16 offsets). */
export interface SourceEntry {
  readonly uri: vscode.Uri;
  /** uri.toString(): the key used everywhere, including quote-cluster mention paths. */
  readonly key: string;
  /** Workspace-relative path, '/'-separated. */
  readonly relPath: string;
  readonly text: string;
  /** The analysis with workspace-level canonical names. */
  readonly analysis: DocumentAnalysis;
  readonly offsets: OffsetMap;
  /** Why the file could not be analyzed (binary, not UTF-8, too large), if so. */
  readonly error?: string;
}

interface RawEntry {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly relPath: string;
  readonly text: string;
  /** The document-level analysis, before workspace-level canonical names. */
  readonly raw: DocumentAnalysis;
  readonly offsets: OffsetMap;
  readonly error?: string;
}

export interface EntitySummary {
  /** The workspace-level canonical name (a mention's own `entity` may be its document-level name). */
  readonly entity: string;
  readonly type: EntityType;
  readonly aliases: ReadonlySet<string>;
  readonly mentions: ReadonlyArray<{ readonly key: string; readonly mention: EntityMention }>;
}

export interface QuoteAt {
  readonly quote: Quote;
  readonly cluster: QuoteCluster | undefined;
}

/** Time the indexer may hold the extension host before it yields, in milliseconds. */
const SLICE_MS = 12;
const REANALYZE_DELAY_MS = 250;
const PROGRESS_THRESHOLD = 40;
const DISK_BATCH_MS = 150;
const INDEX_BATCH = 16;

/**
 * The workspace model: which files are sources, their text and analysis, and what is computed
 * across sources (entities with their mentions, quote clusters). It indexes in time slices so the
 * extension host never blocks for long, follows typing (debounced, per document), and follows
 * files created, changed and deleted on disk.
 */
export class SourceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, RawEntry>();
  private readonly workspace = new WorkspaceAnalysis();
  /** Canonical analyses and summaries, valid for one generation of the workspace. */
  private readonly canonical = new Map<string, SourceEntry>();
  private summariesCache: Map<string, EntitySummary> | undefined;
  /** Entity mentions by document-level entity name, then by source: kept incrementally. */
  private readonly mentionsByName = new Map<string, { type: EntityType; byKey: Map<string, EntityMention[]> }>();
  /** Workspace-level full names for document-level person names (as WorkspaceAnalysis does). */
  private readonly names = new CanonicalNames();
  private clustersCache: QuoteCluster[] | undefined;
  /** The latest request per source: older analyses that finish late are dropped. */
  private readonly latest = new Map<string, number>();
  private requestSeq = 0;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly diskQueue = new Map<string, vscode.Uri>();
  private diskTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private indexing: Promise<void> = Promise.resolve();
  private indexedOnce = false;
  private curation: CurationRules = NO_CURATION;

  /** Fires with the URIs whose analysis changed (empty: the whole workspace). */
  readonly onDidChange = this.changed.event;

  /** The last re-analysis after an edit: total time (the analysis runs in the worker) and the
   *  part spent on the extension host (storing, then every listener: decorations, CodeLens...). */
  lastRefresh = { totalMs: 0, hostMs: 0 };

  constructor(
    private settings: Settings,
    private readonly analyzer: AnalysisClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDocumentChanged(d)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
    );
  }

  /** Number of sources. */
  get size(): number {
    return this.entries.size;
  }

  get isIndexed(): boolean {
    return this.indexedOnce;
  }

  /** Resolves when the current indexing pass is complete. */
  whenIndexed(): Promise<void> {
    return this.indexing;
  }

  updateSettings(settings: Settings): void {
    const globsChanged =
      settings.include.join('\0') !== this.settings.include.join('\0') || settings.exclude.join('\0') !== this.settings.exclude.join('\0');
    this.settings = settings;
    if (globsChanged) void this.reindex();
  }

  /** Apply the user's entity corrections everywhere: re-analyze every source. */
  async setCuration(rules: CurationRules): Promise<void> {
    this.curation = rules;
    for (const e of [...this.entries.values()]) this.store(await this.analyze(e.uri, e.relPath, e.text, e.error));
    this.invalidate();
    this.changed.fire([]);
  }

  get curationRules(): CurationRules {
    return this.curation;
  }

  sources(): SourceEntry[] {
    return [...this.entries.keys()]
      .map((k) => this.entry(k)!)
      .sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  }

  get(uri: vscode.Uri): SourceEntry | undefined {
    return this.entry(uri.toString());
  }

  private entry(key: string): SourceEntry | undefined {
    const cached = this.canonical.get(key);
    if (cached) return cached;
    const raw = this.entries.get(key);
    if (!raw) return undefined;
    // The workspace-level view of the analysis is computed on first use: listing 10,000 sources
    // must not rename the mentions of all of them.
    const workspace = this.workspace;
    let analysis: DocumentAnalysis | undefined;
    const e: SourceEntry = {
      uri: raw.uri,
      key,
      relPath: raw.relPath,
      text: raw.text,
      get analysis(): DocumentAnalysis {
        analysis ??= workspace.analysis(key) ?? raw.raw;
        return analysis;
      },
      offsets: raw.offsets,
      ...(raw.error ? { error: raw.error } : {}),
    };
    this.canonical.set(key, e);
    return e;
  }

  isSource(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString()) || this.matchesGlobs(uri);
  }

  clusters(): readonly QuoteCluster[] {
    this.clustersCache ??= this.workspace.clusters();
    return this.clustersCache;
  }

  /** Every entity of the workspace with its mentions (computed on demand, cached until a change). */
  entities(): ReadonlyMap<string, EntitySummary> {
    this.summariesCache ??= this.summarize();
    return this.summariesCache;
  }

  /** The cluster a quote belongs to (undefined for a quote found in one place only). */
  clusterOf(key: string, quote: Quote): QuoteCluster | undefined {
    const c = this.workspace.clusterAt(key, quote.start);
    return c && c.mentions.length > 1 ? c : undefined;
  }

  quoteAt(uri: vscode.Uri, offset: number): QuoteAt | undefined {
    const entry = this.get(uri);
    if (!entry) return undefined;
    const quote = entry.analysis.quotes.find((q) => q.start <= offset && offset <= q.end);
    return quote ? { quote, cluster: this.clusterOf(entry.key, quote) } : undefined;
  }

  entityAt(uri: vscode.Uri, offset: number): EntityMention | undefined {
    return this.get(uri)?.analysis.entities.find((e) => e.start <= offset && offset <= e.end);
  }

  /** (Re)discover and analyze every source, in time slices, with progress for big workspaces. */
  reindex(): Promise<void> {
    const gen = ++this.generation;
    this.indexing = this.indexing.then(() => this.runIndex(gen)).catch((err: unknown) => {
      this.log.error(`indexing failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    return this.indexing;
  }

  private async runIndex(gen: number): Promise<void> {
    const started = Date.now();
    const uris = await this.findSources();
    if (gen !== this.generation) return;
    const work = async (report?: (n: number) => void): Promise<void> => {
      const seen = new Set<string>();
      let sliceStart = Date.now();
      // Several reads and analyses in flight keep the worker busy; storing results is the only
      // work on this thread, and it yields every SLICE_MS.
      for (let i = 0; i < uris.length; i += INDEX_BATCH) {
        if (gen !== this.generation) return;
        const batch = uris.slice(i, i + INDEX_BATCH);
        const loaded = await Promise.all(batch.map((u) => this.load(u)));
        for (let j = 0; j < batch.length; j++) {
          seen.add(batch[j].toString());
          const entry = loaded[j];
          if (entry) this.store(entry);
          if (Date.now() - sliceStart > SLICE_MS) {
            await yieldToHost();
            sliceStart = Date.now();
          }
        }
        report?.(Math.min(uris.length, i + INDEX_BATCH));
      }
      for (const key of [...this.entries.keys()]) if (!seen.has(key)) this.remove(key);
    };
    if (uris.length >= PROGRESS_THRESHOLD) {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Source Annotator: indexing sources', cancellable: false },
        async (progress) => {
          let last = 0;
          await work((n) => {
            const pct = Math.floor((n / uris.length) * 100);
            if (pct > last) {
              progress.report({ increment: pct - last, message: `${n} of ${uris.length}` });
              last = pct;
            }
          });
        },
      );
    } else {
      await work();
    }
    if (gen !== this.generation) return;
    this.invalidate();
    this.indexedOnce = true;
    this.ensureWatcher();
    this.log.info(`indexed ${this.entries.size} sources in ${Date.now() - started} ms`);
    this.changed.fire([]);
  }

  private async findSources(): Promise<vscode.Uri[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const out = new Map<string, vscode.Uri>();
    const exclude = this.settings.exclude.length > 0 ? `{${this.settings.exclude.join(',')}}` : undefined;
    for (const folder of folders) {
      for (const glob of this.settings.include) {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude);
        for (const u of found) out.set(u.toString(), u);
      }
    }
    return [...out.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
  }

  /** Read a source: the editor's text when it has unsaved changes, else the file on disk. */
  private async load(uri: vscode.Uri): Promise<RawEntry | undefined> {
    const rel = vscode.workspace.asRelativePath(uri, false);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return this.analyze(uri, rel, open.getText());
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return this.analyze(uri, rel, decodeSource(bytes, rel));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(`skipping ${rel}: ${message}`);
      return this.analyze(uri, rel, '', message);
    }
  }

  private async analyze(uri: vscode.Uri, relPath: string, text: string, error?: string): Promise<RawEntry> {
    let raw: DocumentAnalysis = { entities: [], quotes: [] };
    if (!error) {
      try {
        raw = await this.analyzer.analyze(text, this.curation);
      } catch (err) {
        error = `analysis failed: ${err instanceof Error ? err.message : String(err)}`;
        this.log.error(`${relPath}: ${error}`);
      }
    }
    return { uri, key: uri.toString(), relPath, text, raw, offsets: new OffsetMap(text), ...(error ? { error } : {}) };
  }

  private store(e: RawEntry): void {
    const before = this.entries.get(e.key);
    // Workspace-level names of other sources change only when this source's set of full person
    // names changes; otherwise only this source's cached view is stale.
    const namesChanged = !before || !sameSet(personNames(before.raw), personNames(e.raw));
    this.unindexMentions(e.key);
    this.entries.set(e.key, e);
    this.workspace.setAnalysis(e.key, e.raw);
    this.names.add(e.raw);
    for (const m of e.raw.entities) {
      let byName = this.mentionsByName.get(m.entity);
      if (!byName) {
        byName = { type: m.type, byKey: new Map() };
        this.mentionsByName.set(m.entity, byName);
      }
      let list = byName.byKey.get(e.key);
      if (!list) {
        list = [];
        byName.byKey.set(e.key, list);
      }
      list.push(m);
    }
    this.invalidate(namesChanged ? undefined : e.key);
  }

  private remove(key: string): void {
    this.unindexMentions(key);
    this.entries.delete(key);
    this.workspace.removeDocument(key);
    this.invalidate();
  }

  private unindexMentions(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.names.remove(old.raw);
    for (const m of old.raw.entities) {
      const byName = this.mentionsByName.get(m.entity);
      if (!byName) continue;
      byName.byKey.delete(key);
      if (byName.byKey.size === 0) this.mentionsByName.delete(m.entity);
    }
  }

  /** Something changed: canonical views (of one source, or all), clusters and summaries are recomputed on demand. */
  private invalidate(onlyKey?: string): void {
    if (onlyKey !== undefined) this.canonical.delete(onlyKey);
    else this.canonical.clear();
    this.summariesCache = undefined;
    this.clustersCache = undefined;
  }

  private onDocumentChanged(doc: vscode.TextDocument): void {
    if (!this.indexedOnce || !this.isSource(doc.uri)) return;
    const key = doc.uri.toString();
    const existing = this.entries.get(key);
    if (existing && existing.text === doc.getText()) return;
    const old = this.pending.get(key);
    if (old) clearTimeout(old);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.refreshOne(doc.uri, doc.getText());
      }, existing ? REANALYZE_DELAY_MS : 0),
    );
  }

  /** Re-analyze one source now and update what is computed across sources. */
  async refreshOne(uri: vscode.Uri, text: string): Promise<void> {
    const key = uri.toString();
    const seq = ++this.requestSeq;
    this.latest.set(key, seq);
    const t0 = performance.now();
    const entry = await this.analyze(uri, vscode.workspace.asRelativePath(uri, false), text);
    if (this.latest.get(key) !== seq) return;
    const h0 = performance.now();
    this.store(entry);
    this.changed.fire([uri]);
    const end = performance.now();
    this.lastRefresh = { totalMs: end - t0, hostMs: end - h0 };
  }

  /**
   * Files created, changed or deleted on disk (git pull, another editor). Events are batched:
   * a checkout that touches thousands of files becomes one pass, time-sliced like indexing,
   * and one change event.
   */
  private ensureWatcher(): void {
    if (this.watcher) return;
    const w = vscode.workspace.createFileSystemWatcher('**/*.{txt,md}');
    this.watcher = w;
    const queue = (uri: vscode.Uri): void => {
      if (!this.matchesGlobs(uri)) return;
      this.diskQueue.set(uri.toString(), uri);
      if (!this.diskTimer) this.diskTimer = setTimeout(() => void this.drainDisk(), DISK_BATCH_MS);
    };
    this.disposables.push(w, w.onDidCreate(queue), w.onDidChange(queue), w.onDidDelete(queue));
  }

  private async drainDisk(): Promise<void> {
    this.diskTimer = undefined;
    const batch = [...this.diskQueue.values()];
    this.diskQueue.clear();
    const changed: vscode.Uri[] = [];
    let sliceStart = Date.now();
    for (const uri of batch) {
      const key = uri.toString();
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (open?.isDirty) continue;
      const exists = await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      );
      if (!exists) {
        if (this.entries.has(key)) {
          this.remove(key);
          changed.push(uri);
        }
        continue;
      }
      const entry = await this.load(uri);
      if (!entry) continue;
      const before = this.entries.get(key);
      if (before && before.text === entry.text && before.error === entry.error) continue;
      this.store(entry);
      changed.push(uri);
      if (Date.now() - sliceStart > SLICE_MS) {
        await yieldToHost();
        sliceStart = Date.now();
      }
    }
    if (changed.length > 0) this.changed.fire(changed.length > 200 ? [] : changed);
  }

  private matchesGlobs(uri: vscode.Uri): boolean {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
    const rel = vscode.workspace.asRelativePath(uri, false);
    const included = this.settings.include.some((g) => globMatch(g, rel));
    return included && !this.settings.exclude.some((g) => globMatch(g, rel));
  }

  /**
   * Entities across the workspace, from the incrementally kept mentions: only the distinct
   * names are resolved to workspace names here, so this stays cheap for large workspaces.
   */
  private summarize(): Map<string, EntitySummary> {
    const summaries = new Map<string, { entity: string; type: EntityType; aliases: Set<string>; mentions: Array<{ key: string; mention: EntityMention }> }>();
    for (const [name, { type, byKey }] of this.mentionsByName) {
      const entity = type === 'PERSON' ? this.names.resolve(name) : name;
      let s = summaries.get(entity);
      if (!s) {
        s = { entity, type, aliases: new Set(), mentions: [] };
        summaries.set(entity, s);
      }
      for (const [key, list] of byKey) {
        for (const m of list) {
          if (m.kind === 'name' || m.text !== m.entity) s.aliases.add(m.text);
          s.mentions.push({ key, mention: m });
        }
      }
    }
    return summaries;
  }

  dispose(): void {
    if (this.diskTimer) clearTimeout(this.diskTimer);
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function personNames(a: DocumentAnalysis): Set<string> {
  const out = new Set<string>();
  for (const e of a.entities) if (e.type === 'PERSON' && e.kind === 'name') out.add(e.entity);
  return out;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A small glob matcher for the source settings: `**`, `*`, `?` and `{a,b}`. Linear-time
 * translation to a RegExp without nested quantifiers.
 */
export function globMatch(glob: string, path: string): boolean {
  let re = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(re + '$').test(path);
}
