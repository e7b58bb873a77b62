import * as vscode from 'vscode';
import type { EntityMention, EntityType } from '../../core/analysis/types';
import type { AnnotationService } from '../services/annotationService';
import type { SourceIndex } from '../services/sourceIndex';
import { readSettings, SECTION, type Settings } from '../settings';
import { firstWords, sourceRange, truncate, TYPE_SINGULAR, visibleMentions, visibleQuotes } from './tree/model';

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
    private readonly annotations: AnnotationService,
    private readonly selector: vscode.DocumentSelector,
  ) {
    this.settings = readSettings();
    this.documentSymbols = this.registerDocumentSymbols();
    this.disposables.push(
      vscode.languages.registerWorkspaceSymbolProvider(this),
      annotations.onDidChange(() => this.scheduleReregister()),
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
      for (const q of visibleQuotes(entry, this.settings)) {
        const range = new vscode.Range(doc.positionAt(q.openMark ?? q.start), doc.positionAt(q.closeMark !== undefined ? q.closeMark + 1 : q.end));
        const selection = new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end));
        const cluster = this.index.clusterOf(entry.key, q);
        const sources = cluster ? (cluster.sources ?? new Set(cluster.mentions.map((m) => m.path)).size) : 1;
        const name = `${q.speaker ?? 'Unattributed'}: “${firstWords(q.text, 7, 50)}”`;
        const detail = [q.cue, sources > 1 ? `${sources} sources` : undefined].filter(Boolean).join(' · ');
        symbols.push({ at: q.start, symbol: new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.String, range.union(selection), selection) });
      }
    }
    for (const a of this.annotations.anchored(doc.uri)) {
      if (a.end > text.length) continue;
      const { note, tags, target } = a.annotation;
      const name = note.trim() ? truncate(note.split('\n')[0], 60) : tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : `Note on “${truncate(target.exact, 40)}”`;
      const detail = note.trim() && tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : 'annotation';
      const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
      symbols.push({ at: a.start, symbol: new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.Event, range, range) });
    }
    return symbols.sort((x, y) => x.at - y.at).map((s) => s.symbol);
  }

  provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): vscode.SymbolInformation[] {
    const needle = fold(query.trim());
    const out: vscode.SymbolInformation[] = [];
    for (const entry of this.index.sources()) {
      if (token.isCancellationRequested || out.length >= MAX_WORKSPACE_SYMBOLS) break;
      const byEntity = new Map<string, EntityMention[]>();
      for (const m of visibleMentions(entry, this.settings)) {
        const list = byEntity.get(m.entity);
        if (list) list.push(m);
        else byEntity.set(m.entity, [m]);
      }
      for (const [entity, mentions] of byEntity) {
        let name = entity;
        let at = mentions[0];
        if (needle && !fuzzy(needle, fold(entity))) {
          // Not the canonical name: an alias (a surface form used in this source) may match.
          const alias = mentions.find((m) => m.text !== entity && fuzzy(needle, fold(m.text)));
          if (!alias) continue;
          name = `${alias.text} (${entity})`;
          at = alias;
        }
        const container = `${TYPE_SINGULAR[at.type]} · ${entry.relPath} · ${mentions.length} ${mentions.length === 1 ? 'mention' : 'mentions'}`;
        out.push(new vscode.SymbolInformation(name, ENTITY_KINDS[at.type], container, new vscode.Location(entry.uri, sourceRange(entry, at.start, at.end))));
      }
    }
    return out.slice(0, MAX_WORKSPACE_SYMBOLS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.documentSymbols.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query's characters appear in order in the name (as Ctrl+T matches), after a word start for the first one. */
function fuzzy(needle: string, hay: string): boolean {
  if (hay.includes(needle)) return true;
  const compact = needle.replace(/\s+/g, '');
  let i = 0;
  for (let j = 0; j < hay.length && i < compact.length; j++) if (hay[j] === compact[i]) i++;
  return i === compact.length && (hay.startsWith(compact[0]) || hay.includes(' ' + compact[0]));
}
