import * as vscode from 'vscode';
import { analyzeDocument, clusterQuotes } from '../../core/analysis';
import type { DocumentAnalysis, EntityMention, EntityType, Quote, QuoteCluster } from '../../core/analysis/types';
import { NO_CURATION, type CurationRules } from '../../core/curation/rules';
import { decodeSource } from '../../core/text/decode';
import { OffsetMap } from '../../core/text/offsets';
import type { Settings } from '../settings';

/** One source of the workspace, with its current text and analysis (UTF-16 offsets). */
export interface SourceEntry {
  readonly uri: vscode.Uri;
  /** uri.toString(): the key used everywhere, including quote-cluster mention paths. */
  readonly key: string;
  /** Workspace-relative path, '/'-separated. */
  readonly relPath: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  readonly offsets: OffsetMap;
  /** Why the file could not be analyzed (binary, not UTF-8, too large), if so. */
  readonly error?: string;
}

export interface EntitySummary {
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

/**
 * The workspace model: which files are sources, their text and analysis, and what is computed
 * across sources (entities with their mentions, quote clusters). It indexes in time slices so the
 * extension host never blocks for long, follows typing (debounced, per document), and follows
 * files created, changed and deleted on disk.
 */
export class SourceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, SourceEntry>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private clusterList: QuoteCluster[] = [];
  private clusterByQuote = new Map<string, QuoteCluster>();
  private entitySummaries = new Map<string, EntitySummary>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private generation = 0;
  private indexing: Promise<void> = Promise.resolve();
  private indexedOnce = false;
  private curation: CurationRules = NO_CURATION;

  /** Fires with the URIs whose analysis changed (empty: the whole workspace). */
  readonly onDidChange = this.changed.event;

  constructor(
    private settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDocumentChanged(d)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
    );
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
  setCuration(rules: CurationRules): void {
    this.curation = rules;
    for (const e of [...this.entries.values()]) this.entries.set(e.key, this.analyze(e.uri, e.relPath, e.text, e.error));
    this.recomputeWorkspace();
    this.changed.fire([]);
  }

  sources(): SourceEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  }

  get(uri: vscode.Uri): SourceEntry | undefined {
    return this.entries.get(uri.toString());
  }

  isSource(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString()) || this.matchesGlobs(uri);
  }

  clusters(): readonly QuoteCluster[] {
    return this.clusterList;
  }

  entities(): ReadonlyMap<string, EntitySummary> {
    return this.entitySummaries;
  }

  /** The cluster a quote belongs to (undefined for a quote found in one place only). */
  clusterOf(key: string, quote: Quote): QuoteCluster | undefined {
    return this.clusterByQuote.get(`${key}#${quote.start}`);
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
      for (let i = 0; i < uris.length; i++) {
        if (gen !== this.generation) return;
        const uri = uris[i];
        seen.add(uri.toString());
        const entry = await this.load(uri);
        if (entry) this.entries.set(entry.key, entry);
        report?.(i + 1);
        if (Date.now() - sliceStart > SLICE_MS) {
          await yieldToHost();
          sliceStart = Date.now();
        }
      }
      for (const key of [...this.entries.keys()]) if (!seen.has(key)) this.entries.delete(key);
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
    this.recomputeWorkspace();
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
  private async load(uri: vscode.Uri): Promise<SourceEntry | undefined> {
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

  private analyze(uri: vscode.Uri, relPath: string, text: string, error?: string): SourceEntry {
    const analysis = error ? { entities: [], quotes: [] } : analyzeDocument(text, this.curation);
    return { uri, key: uri.toString(), relPath, text, analysis, offsets: new OffsetMap(text), ...(error ? { error } : {}) };
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
        this.refreshOne(doc.uri, doc.getText());
      }, existing ? REANALYZE_DELAY_MS : 0),
    );
  }

  /** Re-analyze one source now and update what is computed across sources. */
  refreshOne(uri: vscode.Uri, text: string): void {
    const entry = this.analyze(uri, vscode.workspace.asRelativePath(uri, false), text);
    this.entries.set(entry.key, entry);
    this.recomputeWorkspace();
    this.changed.fire([uri]);
  }

  private ensureWatcher(): void {
    if (this.watcher) return;
    const w = vscode.workspace.createFileSystemWatcher('**/*.{txt,md}');
    this.watcher = w;
    const reload = async (uri: vscode.Uri): Promise<void> => {
      if (!this.matchesGlobs(uri)) return;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open?.isDirty) return;
      const entry = await this.load(uri);
      if (!entry) return;
      const before = this.entries.get(entry.key);
      if (before && before.text === entry.text && before.error === entry.error) return;
      this.entries.set(entry.key, entry);
      this.recomputeWorkspace();
      this.changed.fire([uri]);
    };
    this.disposables.push(
      w,
      w.onDidCreate((u) => void reload(u)),
      w.onDidChange((u) => void reload(u)),
      w.onDidDelete((u) => {
        if (this.entries.delete(u.toString())) {
          this.recomputeWorkspace();
          this.changed.fire([u]);
        }
      }),
    );
  }

  private matchesGlobs(uri: vscode.Uri): boolean {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
    const rel = vscode.workspace.asRelativePath(uri, false);
    const included = this.settings.include.some((g) => globMatch(g, rel));
    return included && !this.settings.exclude.some((g) => globMatch(g, rel));
  }

  /** Quote clusters and the entity summary across all sources. */
  private recomputeWorkspace(): void {
    const docs = [...this.entries.values()].map((e) => ({ path: e.key, text: e.text, analysis: e.analysis }));
    this.clusterList = clusterQuotes(docs);
    const byQuote = new Map<string, QuoteCluster>();
    for (const c of this.clusterList) for (const m of c.mentions) byQuote.set(`${m.path}#${m.start}`, c);
    this.clusterByQuote = byQuote;

    const summaries = new Map<string, { entity: string; type: EntityType; aliases: Set<string>; mentions: Array<{ key: string; mention: EntityMention }> }>();
    for (const e of this.entries.values()) {
      for (const m of e.analysis.entities) {
        let s = summaries.get(m.entity);
        if (!s) {
          s = { entity: m.entity, type: m.type, aliases: new Set(), mentions: [] };
          summaries.set(m.entity, s);
        }
        if (m.kind === 'name' || m.text !== m.entity) s.aliases.add(m.text);
        s.mentions.push({ key: e.key, mention: m });
      }
    }
    this.entitySummaries = summaries;
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
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
