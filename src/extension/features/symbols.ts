import * as vscode from 'vscode';
import type { EntityType } from '../../core/analysis/types';
import type { AnnotationService } from '../services/annotationService';
import type { CoderService } from '../services/coders';
import type { SourceIndex } from '../services/sourceIndex';
import { readSettings, SECTION, type Settings } from '../settings';
import { firstWords, sourceRange, speechQuotes, truncate, TYPE_SINGULAR } from './tree/model';

const ENTITY_KINDS: Readonly<Record<EntityType, vscode.SymbolKind>> = {
  PERSON: vscode.SymbolKind.Object,
  ORG: vscode.SymbolKind.Module,
  LOC: vscode.SymbolKind.Namespace,
  NORP: vscode.SymbolKind.Enum,
};

/** Cap on Ctrl+T results, so an empty query over a big workspace stays quick. */
const MAX_WORKSPACE_SYMBOLS = 1000;

/**
 * The Outline of a source (its quotes, named by speaker and first words, and its annotations,
 * named by note or tags, in document order) and Ctrl+T over entities: one symbol per entity and
 * source, at its first mention there; an alias that matches the query names the symbol.
 */
export class Symbols implements vscode.DocumentSymbolProvider, vscode.WorkspaceSymbolProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private settings: Settings;
  private documentSymbols: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly index: SourceIndex,
    annotations: AnnotationService,
    private readonly coders: CoderService,
    private readonly selector: vscode.DocumentSelector,
  ) {
    this.settings = readSettings();
    this.documentSymbols = this.registerDocumentSymbols();
    this.disposables.push(
      vscode.languages.registerWorkspaceSymbolProvider(this),
      annotations.onDidChange(() => this.scheduleReregister()),
      coders.onDidChange(() => this.scheduleReregister()),
      index.onDidChange((uris) => {
        if (uris.length === 0) this.scheduleReregister();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        this.settings = readSettings();
        this.scheduleReregister();
      }),
    );
  }

  private registerDocumentSymbols(): vscode.Disposable {
    return vscode.languages.registerDocumentSymbolProvider(this.selector, this, { label: 'Source Annotator' });
  }

  /**
   * VS Code caches document symbols per document version, and the API has no change event for
   * them: when annotations (or the analysis, without an edit) change, register the provider
   * again, which invalidates the cache and refreshes the Outline and breadcrumbs.
   */
  private scheduleReregister(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.documentSymbols.dispose();
      this.documentSymbols = this.registerDocumentSymbols();
    }, 100);
  }

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    if (!this.index.isSource(doc.uri)) return [];
    if (!this.index.isIndexed) await this.index.whenIndexed();
    if (token.isCancellationRequested) return [];
    const entry = this.index.get(doc.uri);
    if (!entry) return [];
    const text = doc.getText();
    // The analysis follows typing with a short delay: only use its offsets when they are for this text.
    const fresh = entry.text === text;
    const symbols: Array<{ at: number; symbol: vscode.DocumentSymbol }> = [];
    if (fresh) {
      const clusters = await this.index.clustersOf(entry.key);
      for (const q of speechQuotes(entry, this.settings)) {
        const range = new vscode.Range(doc.positionAt(q.openMark ?? q.start), doc.positionAt(q.closeMark !== undefined ? q.closeMark + 1 : q.end));
        const selection = new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end));
        const cluster = clusters.get(q.start);
        const sources = cluster ? (cluster.sources ?? new Set(cluster.mentions.map((m) => m.path)).size) : 1;
        const name = `${q.speaker ?? 'Unattributed'}: “${firstWords(q.text, 7, 50)}”`;
        const detail = [q.cue, sources > 1 ? `${sources} sources` : undefined].filter(Boolean).join(' · ');
        symbols.push({ at: q.start, symbol: new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.String, range.union(selection), selection) });
      }
    }
    for (const a of this.coders.anchored(doc.uri)) {
      if (a.end > text.length) continue;
      const { note, tags, target } = a.annotation;
      const name = note.trim() ? truncate(note.split('\n')[0], 60) : tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : `Note on “${truncate(target.exact, 40)}”`;
      const detail = note.trim() && tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : 'annotation';
      const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
      symbols.push({ at: a.start, symbol: new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.Event, range, range) });
    }
    return symbols.sort((x, y) => x.at - y.at).map((s) => s.symbol);
  }

  async provideWorkspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
    const hits = await this.index.searchEntities(query, [...this.settings.entityTypes], MAX_WORKSPACE_SYMBOLS);
    const out: vscode.SymbolInformation[] = [];
    for (const h of hits) {
      const entry = this.index.get(vscode.Uri.parse(h.key));
      if (!entry) continue;
      const container = `${TYPE_SINGULAR[h.type]} · ${entry.relPath} · ${h.mentions} ${h.mentions === 1 ? 'mention' : 'mentions'}`;
      out.push(new vscode.SymbolInformation(h.name, ENTITY_KINDS[h.type], container, new vscode.Location(entry.uri, sourceRange(entry, h.start, h.end))));
    }
    return out;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.documentSymbols.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
