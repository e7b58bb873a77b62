import * as vscode from 'vscode';
import { count } from '../../core/text/plural';
import type { QuoteCluster, QuoteMentionRef } from '../../core/analysis/types';
import { CommandIds } from '../commandIds';
import type { SourceIndex } from '../services/sourceIndex';
import type { Settings } from '../settings';
import { speechQuotes } from './tree/model';

/** A cluster's mentions in a stable order: by source path, then position. */
export function orderedMentions(cluster: QuoteCluster): QuoteMentionRef[] {
  return [...cluster.mentions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
}

function otherSources(cluster: QuoteCluster, key: string): number {
  return new Set(cluster.mentions.map((m) => m.path).filter((p) => p !== key)).size;
}

/**
 * Jumping between the mentions of one quote across sources (Next/Previous Quote Mention),
 * Find All References and Peek on quotes and entities, and the "quoted in N other sources"
 * CodeLens.
 */
export class QuoteMentions implements vscode.ReferenceProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  constructor(
    private readonly index: SourceIndex,
    private settings: Settings,
    selector: vscode.DocumentSelector,
  ) {
    this.disposables.push(
      this.lensesChanged,
      vscode.languages.registerReferenceProvider(selector, this),
      vscode.languages.registerCodeLensProvider(selector, this),
      vscode.commands.registerCommand(CommandIds.nextQuoteMention, () => this.jump(1)),
      vscode.commands.registerCommand(CommandIds.previousQuoteMention, () => this.jump(-1)),
      index.onDidChange(() => this.lensesChanged.fire()),
    );
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.lensesChanged.fire();
  }

  /** Move to the next (1) or previous (-1) mention of the quote under the cursor. Returns where it went. */
  async jump(direction: 1 | -1): Promise<vscode.Location | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    const at = await this.index.quoteAt(doc.uri, offset);
    if (!at || at.quote.kind === 'term') {
      void vscode.window.setStatusBarMessage('Source Annotator: no quote under the cursor', 3000);
      return undefined;
    }
    if (!at.cluster || at.cluster.mentions.length < 2) {
      void vscode.window.setStatusBarMessage('Source Annotator: this quote appears only here', 3000);
      return undefined;
    }
    const mentions = orderedMentions(at.cluster);
    const key = doc.uri.toString();
    const here = mentions.findIndex((m) => m.path === key && m.start === at.quote.start);
    const next = mentions[(here + direction + mentions.length) % mentions.length];
    const target = vscode.Uri.parse(next.path);
    const targetDoc = await vscode.workspace.openTextDocument(target);
    const range = new vscode.Range(targetDoc.positionAt(next.start), targetDoc.positionAt(next.end));
    const shown = await vscode.window.showTextDocument(targetDoc, { selection: range, preview: false });
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const n = mentions.indexOf(next) + 1;
    void vscode.window.setStatusBarMessage(`Source Annotator: quote mention ${n} of ${mentions.length}`, 3000);
    return new vscode.Location(target, range);
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[]> {
    const offset = document.offsetAt(position);
    const key = document.uri.toString();
    const quote = await this.index.quoteAt(document.uri, offset);
    if (quote) {
      const mentions = quote.cluster ? orderedMentions(quote.cluster) : [{ path: key, start: quote.quote.start, end: quote.quote.end }];
      return mentions
        .filter((m) => context.includeDeclaration || !(m.path === key && m.start === quote.quote.start))
        .flatMap((m) => this.location(m.path, m.start, m.end));
    }
    const entity = this.index.entityAt(document.uri, offset);
    if (entity) {
      const summary = await this.index.entity(entity.entity);
      if (!summary) return [];
      return summary.mentions
        .filter((m) => context.includeDeclaration || !(m.key === key && m.mention.start === entity.start))
        .flatMap((m) => this.location(m.key, m.mention.start, m.mention.end));
    }
    return [];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    // Lenses sit on highlighted quotes only: the quotes layer is on and the quote long enough.
    if (!this.settings.codeLens || !this.settings.layers.quotes) return [];
    const entry = this.index.get(document.uri);
    if (!entry || entry.text !== document.getText()) return [];
    const clusters = await this.index.clustersOf(entry.key);
    // One lens per line: an article of one long line (seeds 001 and 002) would otherwise pile
    // its lenses into one truncated row. Several shared quotes on a line share one lens that
    // peeks the other mentions of all of them.
    const byLine = new Map<number, Array<{ q: (typeof quotes)[number]; range: vscode.Range; others: number; locations: vscode.Location[] }>>();
    const quotes = speechQuotes(entry, this.settings);
    for (const q of quotes) {
      const cluster = clusters.get(q.start);
      if (!cluster) continue;
      const others = otherSources(cluster, entry.key);
      if (others === 0) continue;
      const range = new vscode.Range(document.positionAt(q.start), document.positionAt(q.end));
      const locations = orderedMentions(cluster)
        .filter((m) => !(m.path === entry.key && m.start === q.start))
        .flatMap((m) => this.location(m.path, m.start, m.end));
      const list = byLine.get(range.start.line) ?? [];
      list.push({ q, range, others, locations });
      byLine.set(range.start.line, list);
    }
    const lenses: vscode.CodeLens[] = [];
    for (const list of byLine.values()) {
      const first = list[0];
      if (list.length === 1) {
        lenses.push(
          new vscode.CodeLens(first.range, {
            title: `quoted in ${count(first.others, 'other source')}`,
            tooltip: 'Show the other mentions of this quote',
            command: 'editor.action.showReferences',
            arguments: [document.uri, first.range.start, first.locations],
          }),
        );
        continue;
      }
      const sources = new Set(list.flatMap((x) => x.locations.map((l) => l.uri.toString()))).size;
      lenses.push(
        new vscode.CodeLens(first.range, {
          title: `${list.length} quotes here are quoted in ${count(sources, 'other source')}`,
          tooltip: list.map((x) => `“${firstWords(x.q.text)}”: ${count(x.others, 'other source')}`).join('\n'),
          command: 'editor.action.showReferences',
          arguments: [document.uri, first.range.start, list.flatMap((x) => x.locations)],
        }),
      );
    }
    return lenses;
  }

  private location(key: string, start: number, end: number): vscode.Location[] {
    const entry = this.index.get(vscode.Uri.parse(key));
    if (!entry) return [];
    return [new vscode.Location(entry.uri, rangeIn(entry.text, start, end))];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The first words of a quote, to tell apart several lenses on one line. */
function firstWords(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 4 ? words.slice(0, 4).join(' ') + '…' : words.join(' ');
}

/** A Range from UTF-16 offsets of a text that may not be open in an editor. */
export function rangeIn(text: string, start: number, end: number): vscode.Range {
  return new vscode.Range(positionIn(text, start), positionIn(text, end));
}

function positionIn(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let character = offset - lineStart;
  // A CR before the LF belongs to the line break, not to the line.
  if (character > 0 && text[lineStart + character - 1] === '\r' && text[lineStart + character] === '\n') character--;
  return new vscode.Position(line, character);
}
