import * as vscode from 'vscode';
import type { DocumentAnalysis, EntityMention, EntityType, Quote, QuoteCluster } from '../../core/analysis/types';
import { CanonicalNames } from '../../core/analysis/workspace';
import type { EntityHit, EntityInfo, EntityListItem, EntitySummary, SourceDigest, SourceStats, SpeakerQuote } from '../../core/workspace/model';
import { NO_CURATION, type CurationRules } from '../../core/curation/rules';
import { decodeSource } from '../../core/text/decode';
import { isExportText } from '../../core/export/marker';
import { RealPathGuard } from '../../core/store/realPaths';
import { isProvenancePath } from '../../core/provenance/model';
import { VsCodeFileSystem } from './vscodeFileSystem';
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
  /** The analysis with workspace-level canonical names (parsed on first use; a few are cached). */
  readonly analysis: DocumentAnalysis;
  readonly offsets: OffsetMap;
  /** Counts for the tree and status bar, available without parsing the analysis. */
  readonly stats: SourceStats;
  /** Why the file could not be analyzed (binary, not UTF-8, too large), if so. */
  readonly error?: string | undefined;
  /** The start of the text (its first kilobyte), without decoding the whole source. */
  readonly head?: string;
}

/**
 * What the extension host keeps of a source: its text as UTF-8 bytes and a digest of its
 * analysis. Bytes live outside the JavaScript heap, so 10,000 sources cost the garbage collector
 * almost nothing; the text and analysis of the sources in use are decoded on demand (SourceCache).
 */
interface RawEntry {
  readonly uri: vscode.Uri;
  /** When its text was read (Date.now()). */
  readonly readAt: number;
  readonly key: string;
  readonly relPath: string;
  readonly bytes: Uint8Array;
  readonly digest: SourceDigest;
  readonly error?: string;
}

/** Decoded texts, offset maps and parsed analyses of the sources in use, least recently used first out. */
class SourceCache {
  private readonly items = new Map<string, { raw: RawEntry; text?: string; offsets?: OffsetMap; analysis?: DocumentAnalysis }>();
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly names: CanonicalNames,
    private readonly capacity: number,
  ) {}

  private item(raw: RawEntry): { raw: RawEntry; text?: string; offsets?: OffsetMap; analysis?: DocumentAnalysis } {
    let it = this.items.get(raw.key);
    if (it) this.items.delete(raw.key);
    if (!it || it.raw !== raw) it = { raw };
    this.items.set(raw.key, it);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value!);
    return it;
  }

  text(raw: RawEntry): string {
    const it = this.item(raw);
    it.text ??= this.decoder.decode(raw.bytes);
    return it.text;
  }

  offsets(raw: RawEntry): OffsetMap {
    const it = this.item(raw);
    it.offsets ??= new OffsetMap(this.text(raw));
    return it.offsets;
  }

  /** The analysis with workspace-level names. */
  analysis(raw: RawEntry): DocumentAnalysis {
    const it = this.item(raw);
    it.analysis ??= raw.error ? EMPTY : this.names.apply(JSON.parse(this.decoder.decode(raw.digest.json)) as DocumentAnalysis);
    return it.analysis;
  }

  /** Workspace-level names changed: parsed analyses are stale. */
  dropAnalyses(): void {
    for (const it of this.items.values()) it.analysis = undefined;
  }

  delete(key: string): void {
    this.items.delete(key);
  }
}

/** The SourceEntry of a RawEntry: its text and analysis decoded when first read. */
class SourceView implements SourceEntry {
  constructor(
    private readonly raw: RawEntry,
    private readonly cache: SourceCache,
  ) {}

  get uri(): vscode.Uri {
    return this.raw.uri;
  }
  get key(): string {
    return this.raw.key;
  }
  get relPath(): string {
    return this.raw.relPath;
  }
  get text(): string {
    return this.cache.text(this.raw);
  }
  get analysis(): DocumentAnalysis {
    return this.cache.analysis(this.raw);
  }
  get offsets(): OffsetMap {
    return this.cache.offsets(this.raw);
  }
  get stats(): SourceStats {
    return this.raw.digest.stats;
  }
  get error(): string | undefined {
    return this.raw.error;
  }
  /** The start of the text (at most 1 KB of it, decoded alone): enough for a headline. */
  get head(): string {
    return new TextDecoder().decode(this.raw.bytes.subarray(0, 1024)).replace(/\uFFFD$/, '');
  }
}

export type { EntitySummary, EntityHit, EntityInfo, EntityListItem, SpeakerQuote } from '../../core/workspace/model';

export interface QuoteAt {
  readonly quote: Quote;
  readonly cluster: QuoteCluster | undefined;
}

/** Time the indexer may hold the extension host before it yields, in milliseconds. */
const SLICE_MS = 8;
const REANALYZE_DELAY_MS = 250;
const PROGRESS_THRESHOLD = 40;
const DISK_BATCH_MS = 150;
/** Names that are files, not folders, for the folder watcher (sidecars, provenance, pages, data). */
const SURELY_A_FILE = /\.(?:ya?ml|json|html?|mht(?:ml)?|pdf|docx?|png|jpe?g|gif|svg|csv|xml|qdpx|js|ts|map|lock|zip)$/i;
const INDEX_BATCH = 16;
/** Sources whose text and analysis are kept decoded on the extension host: the open and recently used ones. */
const DECODED_CACHE = 64;
const EMPTY: DocumentAnalysis = { entities: [], quotes: [] };
/** The "error" of a file that matches the source globs but is one of our exports. */
const NOT_A_SOURCE = 'a Source Annotator export, not a source';

/**
 * The workspace: which files are sources, their text, and the extension host's side of the
 * workspace model. The model itself (analyses, quote clusters, entity summaries) lives in the
 * analysis worker (see AnalysisClient); this side keeps each source's text and a digest (its
 * analysis as one JSON string, person names and counts), parses the analyses of the sources in
 * use, and asks the worker for what spans sources. A large workspace is then a few strings per
 * source on this thread, and its garbage collection never pauses the editor. Indexing runs in
 * time slices, follows typing (debounced, per document), and follows files created, changed and
 * deleted on disk.
 */
export class SourceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, RawEntry>();
  /** Files the globs match that are our own exports: never sources (see core/export/marker). */
  private readonly exports = new Set<string>();
  /** Sources not read because their real path leads out of the workspace (few: kept apart for Problems). */
  private readonly refused = new Set<string>();
  /** Per workspace folder: the check that a source's real path stays inside it. */
  private readonly guards = new Map<string, RealPathGuard>();
  /** The sources' keys sorted by path, until the set of sources changes. */
  private sorted: string[] | undefined;
  /** The SourceEntry view of each RawEntry, made once. */
  private readonly views = new WeakMap<RawEntry, SourceEntry>();
  /** Compiled source globs. */
  private readonly globs = new Map<string, RegExp>();
  /** Workspace-level full names for document-level person names (the worker has the same). */
  private readonly names = new CanonicalNames();
  private readonly cache = new SourceCache(this.names, DECODED_CACHE);
  private readonly encoder = new TextEncoder();
  /** Answers from the worker, valid until the next change. */
  private clusterCache = new Map<string, Promise<ReadonlyMap<number, QuoteCluster>>>();
  private entityCache = new Map<string, Promise<EntitySummary | undefined>>();
  private infoCache = new Map<string, Promise<EntityInfo | undefined>>();
  /** The latest request per source: older analyses that finish late are dropped. */
  private readonly latest = new Map<string, number>();
  private requestSeq = 0;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /** One file watcher per include glob, and the globs they watch. */
  private watchers: { globs: string; disposables: vscode.Disposable[] } | undefined;
  /** Files changed on disk, with when the change was seen. */
  private readonly diskQueue = new Map<string, { uri: vscode.Uri; at: number }>();
  /** Paths deleted on disk, and created ones that may be folders: a folder event names the folder alone. */
  private readonly folderQueue = new Map<string, { uri: vscode.Uri; at: number; deleted?: boolean }>();
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
    private readonly model: AnalysisClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDocumentChanged(d)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      model.onDidReset(() => void this.resend()),
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
    await this.resend();
  }

  /** Analyse every source again (new curation rules, or the worker's model was lost). */
  private async resend(): Promise<void> {
    let sliceStart = Date.now();
    for (const e of [...this.entries.values()]) {
      this.store(await this.analyze(e.uri, e.relPath, this.cache.text(e), e.error, e.readAt));
      if (Date.now() - sliceStart > SLICE_MS) {
        await yieldToHost();
        sliceStart = Date.now();
      }
    }
    this.invalidate(true);
    this.changed.fire([]);
  }

  get curationRules(): CurationRules {
    return this.curation;
  }

  /** Every source, sorted by path. */
  sources(): SourceEntry[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0)).map((e) => e.key);
    return this.sorted.map((key) => this.entry(this.entries.get(key)!));
  }

  get(uri: vscode.Uri): SourceEntry | undefined {
    const raw = this.entries.get(uri.toString());
    return raw ? this.entry(raw) : undefined;
  }

  private entry(raw: RawEntry): SourceEntry {
    let view = this.views.get(raw);
    if (!view) {
      view = new SourceView(raw, this.cache);
      this.views.set(raw, view);
    }
    return view;
  }

  /** The sources refused because a symbolic link leads out of the workspace, without visiting the others. */
  refusedSources(): SourceEntry[] {
    return [...this.refused].sort().flatMap((key) => {
      const raw = this.entries.get(key);
      return raw ? [this.entry(raw)] : [];
    });
  }

  isSource(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.entries.has(key) || (!this.exports.has(key) && this.matchesGlobs(uri));
  }

  /** Number of quote clusters found in more than one place. */
  clusterCount(): Promise<number> {
    return this.model.call('clusterCount');
  }

  /** Number of distinct entities in the workspace. */
  entityCount(): Promise<number> {
    return this.model.call('entityCount');
  }

  /** The clusters of more than one mention of a source's quotes, by quote start (cached until a change). */
  clustersOf(key: string): Promise<ReadonlyMap<number, QuoteCluster>> {
    let p = this.clusterCache.get(key);
    if (!p) {
      p = this.model.call('clustersOf', key).then(
        (pairs) => new Map(pairs),
        (err: unknown) => {
          this.log.error(`quote clusters of ${key}: ${err instanceof Error ? err.message : String(err)}`);
          return new Map<number, QuoteCluster>();
        },
      );
      this.clusterCache.set(key, p);
    }
    return p;
  }

  /** The cluster a quote belongs to (undefined for a quote found in one place only). */
  async clusterOf(key: string, quote: Quote): Promise<QuoteCluster | undefined> {
    return (await this.clustersOf(key)).get(quote.start);
  }

  /** One entity of the workspace with all its mentions, by workspace-level canonical name. */
  entity(name: string): Promise<EntitySummary | undefined> {
    let p = this.entityCache.get(name);
    if (!p) {
      p = this.model.call('entity', name).catch((err: unknown) => {
        this.log.error(`entity ${name}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
      this.entityCache.set(name, p);
    }
    return p;
  }

  /** An entity's type, aliases and counts (in the workspace, and in the source `key`), without its mentions. */
  entityInfo(name: string, key?: string): Promise<EntityInfo | undefined> {
    const cacheKey = `${name}\u0000${key ?? ''}`;
    let p = this.infoCache.get(cacheKey);
    if (!p) {
      p = this.model.call('entityInfo', name, key).catch((err: unknown) => {
        this.log.error(`entity ${name}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
      this.infoCache.set(cacheKey, p);
    }
    return p;
  }

  /** Every entity of the workspace, without mentions. */
  entityList(): Promise<EntityListItem[]> {
    return this.model.call('entityList');
  }

  /** Entities matching a Ctrl+T query, most mentioned first. */
  searchEntities(query: string, types: readonly EntityType[], limit: number): Promise<EntityHit[]> {
    return this.model.call('searchEntities', query, types, limit);
  }

  /** Quotes a speaker (workspace-level canonical name) has across the workspace. */
  quotesBy(speaker: string, limit: number): Promise<SpeakerQuote[]> {
    return this.model.call('quotesBy', speaker, limit);
  }

  async quoteAt(uri: vscode.Uri, offset: number): Promise<QuoteAt | undefined> {
    const entry = this.get(uri);
    if (!entry) return undefined;
    const quote = entry.analysis.quotes.find((q) => q.start <= offset && offset <= q.end);
    return quote ? { quote, cluster: await this.clusterOf(entry.key, quote) } : undefined;
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

  /** Shown while a workspace of at least PROGRESS_THRESHOLD sources is indexed: the last report, for tests. */
  lastProgress: { readonly done: number; readonly total: number } | undefined;

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
            this.lastProgress = { done: n, total: uris.length };
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
    this.invalidate(true);
    this.indexedOnce = true;
    this.ensureWatcher();
    this.log.info(`indexed ${this.entries.size} sources in ${Date.now() - started} ms`);
    this.changed.fire([]);
  }

  /** The exclude globs as one findFiles glob. */
  private excludeGlob(): string | undefined {
    return this.settings.exclude.length > 0 ? `{${this.settings.exclude.join(',')}}` : undefined;
  }

  private async findSources(): Promise<vscode.Uri[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const out = new Map<string, vscode.Uri>();
    const exclude = this.excludeGlob();
    // Each search is a ripgrep process: several globs become one {a,b} glob when none has braces.
    const globs = this.settings.include.length > 1 && !this.settings.include.some((g) => /[{}]/.test(g)) ? [`{${this.settings.include.join(',')}}`] : this.settings.include;
    for (const folder of folders) {
      for (const glob of globs) {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude);
        // A provenance file describes a source; it never is one, whatever the globs say.
        for (const u of found) if (!isProvenancePath(u.path)) out.set(u.toString(), u);
      }
    }
    return [...out.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
  }

  /** Read a source: the editor's text when it has unsaved changes, else the file on disk. */
  private async load(uri: vscode.Uri): Promise<RawEntry> {
    const readAt = Date.now();
    const r = await this.read(uri);
    return this.analyze(uri, r.relPath, r.text, r.error, readAt);
  }

  /** A source's text: the editor's when it has unsaved changes, else the file's. */
  private async read(uri: vscode.Uri): Promise<{ relPath: string; text: string; error?: string }> {
    const relPath = vscode.workspace.asRelativePath(uri, false);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return { relPath, text: open.getText() };
    // A source whose real path leads out of the workspace folder (a symbolic link) is not read.
    const refused = await this.outsideRoot(uri);
    if (refused) {
      this.log.warn(`skipping ${relPath}: ${refused}`);
      return { relPath, text: '', error: refused };
    }
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return { relPath, text: decodeSource(bytes, relPath) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(`skipping ${relPath}: ${message}`);
      return { relPath, text: '', error: message };
    }
  }

  /** Why a source may not be read (its real path is outside its workspace folder), or undefined. */
  private async outsideRoot(uri: vscode.Uri): Promise<string | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    let guard = this.guards.get(folder.uri.toString());
    if (!guard) {
      guard = new RealPathGuard(new VsCodeFileSystem(folder.uri), folder.uri.path);
      this.guards.set(folder.uri.toString(), guard);
    }
    return guard.check(uri.path).catch(() => undefined);
  }

  /** Analyse a source in the worker, which keeps it in the workspace model. */
  private async analyze(uri: vscode.Uri, relPath: string, text: string, error?: string, readAt = Date.now()): Promise<RawEntry> {
    const key = uri.toString();
    let digest: SourceDigest | undefined;
    if (!error && isExportText(text)) error = NOT_A_SOURCE;
    if (!error) {
      try {
        digest = await this.model.call('set', key, text, this.curation);
      } catch (err) {
        error = `analysis failed: ${err instanceof Error ? err.message : String(err)}`;
        this.log.error(`${relPath}: ${error}`);
      }
    }
    // A source that could not be analyzed is still one: the worker keeps it without mentions.
    digest ??= await this.model.call('setAnalysis', key, EMPTY);
    return { uri, readAt, key, relPath, bytes: this.encoder.encode(text), digest, ...(error ? { error } : {}) };
  }

  private store(e: RawEntry): void {
    // Our own reports (a Markdown export saved among the sources) are never sources.
    if (e.error === NOT_A_SOURCE) {
      this.exports.add(e.key);
      this.remove(e.key);
      return;
    }
    this.exports.delete(e.key);
    if (e.error?.startsWith('refused:')) this.refused.add(e.key);
    else this.refused.delete(e.key);
    const before = this.entries.get(e.key);
    // Workspace-level names of other sources change only when this source's set of full person
    // names changes; otherwise only this source's parsed analysis is stale.
    const namesChanged = !before || !sameSet(new Set(before.digest.persons), new Set(e.digest.persons));
    if (before) this.names.removePersons(before.digest.persons);
    this.names.addPersons(e.digest.persons);
    this.entries.set(e.key, e);
    if (!before) this.sorted = undefined;
    this.cache.delete(e.key);
    this.invalidate(namesChanged);
  }

  private remove(key: string): void {
    this.refused.delete(key);
    const old = this.entries.get(key);
    if (!old) return;
    this.names.removePersons(old.digest.persons);
    this.entries.delete(key);
    this.sorted = undefined;
    this.cache.delete(key);
    this.model.call('remove', key).catch((err: unknown) => this.log.error(`removing ${key}: ${err instanceof Error ? err.message : String(err)}`));
    this.invalidate(true);
  }

  /** Something changed: what spans sources is asked again; parsed analyses of all sources are dropped when names changed. */
  private invalidate(namesChanged: boolean): void {
    if (namesChanged) this.cache.dropAnalyses();
    this.clusterCache = new Map();
    this.entityCache = new Map();
    this.infoCache = new Map();
  }

  private onDocumentChanged(doc: vscode.TextDocument): void {
    if (!this.indexedOnce || !this.isSource(doc.uri)) return;
    const key = doc.uri.toString();
    const existing = this.entries.get(key);
    if (existing && this.cache.text(existing) === doc.getText()) return;
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
    // The include globs decide what is watched, so a setting such as **/*.html is followed on
    // disk too; a change of the globs replaces the watchers.
    const globs = this.settings.include.join('\0');
    if (this.watchers?.globs === globs) return;
    this.disposeWatchers();
    // A checkout can bring thousands of events in one call: only queue them here; the exclude
    // test and the reading happen in drainDisk, in time slices.
    const queueIn = (into: Map<string, { uri: vscode.Uri; at: number; deleted?: boolean }>) => (uri: vscode.Uri, deleted?: boolean): void => {
      into.set(uri.toString(), { uri, at: Date.now(), ...(deleted ? { deleted } : {}) });
      if (!this.diskTimer) this.diskTimer = setTimeout(() => void this.drainDisk(), DISK_BATCH_MS);
    };
    const queue = queueIn(this.diskQueue);
    const disposables: vscode.Disposable[] = [];
    for (const glob of new Set(this.settings.include)) {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      disposables.push(w, w.onDidCreate(queue), w.onDidChange(queue), w.onDidDelete(queue));
    }
    // A folder deleted or moved on disk can be reported as the folder alone, which the globs above
    // may not match: without this its sources would stay listed (or, moved in, never appear).
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const queueFolder = queueIn(this.folderQueue);
    // Every deletion: a folder whose path the globs match ("corpus/**") is a folder all the same,
    // and looking up the sources under a deleted path costs no file-system call. A creation costs
    // a stat, so the names that are surely files (sidecars, pages, data) are left out.
    const maybeNewFolder = (uri: vscode.Uri): void => {
      if (!SURELY_A_FILE.test(uri.path)) queueFolder(uri);
    };
    disposables.push(folders, folders.onDidCreate(maybeNewFolder), folders.onDidDelete((uri) => queueFolder(uri, true)));
    this.watchers = { globs, disposables };
  }

  private disposeWatchers(): void {
    for (const d of this.watchers?.disposables ?? []) d.dispose();
    this.watchers = undefined;
  }

  private async drainDisk(): Promise<void> {
    this.diskTimer = undefined;
    // An indexing pass in progress reads these files too: compare with what it stored.
    await this.indexing;
    const batch = [...this.diskQueue.values()];
    this.diskQueue.clear();
    batch.push(...(await this.sourcesOfFolders()));
    const changed: vscode.Uri[] = [];
    let sliceStart = Date.now();
    for (const { uri, at } of batch) {
      if (Date.now() - sliceStart > SLICE_MS) {
        await yieldToHost();
        sliceStart = Date.now();
      }
      const key = uri.toString();
      const known = this.entries.get(key);
      if (!known && !this.matchesGlobs(uri)) continue;
      // Read (by indexing) after the change was seen: nothing new to learn.
      if (known && known.readAt > at) continue;
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
      const readAt = Date.now();
      const r = await this.read(uri);
      const before = this.entries.get(key);
      if (before && before.error === r.error && this.cache.text(before) === r.text) continue;
      this.store(await this.analyze(uri, r.relPath, r.text, r.error, readAt));
      changed.push(uri);
    }
    if (changed.length > 0) this.changed.fire(changed.length > 200 ? [] : changed);
  }

  /**
   * The sources a folder event touches: for a folder that is gone, the sources known under it;
   * for one that appeared, the sources found in it. One pass over the index, whatever the number
   * of events.
   */
  private async sourcesOfFolders(): Promise<{ uri: vscode.Uri; at: number }[]> {
    const events = [...this.folderQueue.values()];
    this.folderQueue.clear();
    if (events.length === 0) return [];
    const out: { uri: vscode.Uri; at: number }[] = [];
    const byPath = new Map(events.map((e) => [e.uri.toString(), e]));
    for (const [key, entry] of this.entries) {
      for (let i = key.lastIndexOf('/'); i > 0; i = key.lastIndexOf('/', i - 1)) {
        const e = byPath.get(key.slice(0, i));
        if (e) {
          out.push({ uri: entry.uri, at: e.at });
          break;
        }
      }
    }
    const exclude = this.excludeGlob();
    for (const e of events) {
      if (e.deleted) continue;
      const stat = await vscode.workspace.fs.stat(e.uri).then((st) => st, () => undefined);
      if (!stat || (stat.type & vscode.FileType.Directory) === 0) continue;
      // Every file in it: drainDisk keeps those the include globs match (a glob such as
      // `news/**/*.txt` is relative to the workspace folder, not to this one).
      for (const u of await vscode.workspace.findFiles(new vscode.RelativePattern(e.uri, '**/*'), exclude, 100_000)) out.push({ uri: u, at: e.at });
    }
    return out;
  }

  private matchesGlobs(uri: vscode.Uri): boolean {
    if (!vscode.workspace.getWorkspaceFolder(uri) || isProvenancePath(uri.path)) return false;
    const rel = vscode.workspace.asRelativePath(uri, false);
    const included = this.settings.include.some((g) => this.glob(g).test(rel));
    return included && !this.settings.exclude.some((g) => this.glob(g).test(rel));
  }

  private glob(g: string): RegExp {
    let re = this.globs.get(g);
    if (!re) {
      re = globRegExp(g);
      this.globs.set(g, re);
    }
    return re;
  }

  dispose(): void {
    if (this.diskTimer) clearTimeout(this.diskTimer);
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    this.disposeWatchers();
    for (const d of this.disposables) d.dispose();
  }
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
 * A small glob matcher for the source settings: `**`, `*`, `?` and `{a,b}`, translated in linear
 * time to a RegExp without nested quantifiers.
 */
function globRegExp(glob: string): RegExp {
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
  return new RegExp(re + '$');
}
