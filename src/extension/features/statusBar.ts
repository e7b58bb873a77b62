import * as vscode from 'vscode';
import { count } from '../../core/text/plural';
import { escapeMarkdown } from '../../core/text/markdown';
import { ENTITY_TYPES } from '../../core/analysis/types';
import { VIEW_ID } from '../commandIds';
import type { AnnotationService } from '../services/annotationService';
import type { CoderService } from '../services/coders';
import type { SourceIndex } from '../services/sourceIndex';
import { readSettings, SECTION, type Settings } from '../settings';
import { byEntity, speechQuotes, TYPE_LABELS, visibleMentions } from './tree/model';

const UPDATE_DELAY_MS = 100;

/**
 * The status bar item of the active source: "$(person) entities $(quote) quotes $(note) notes",
 * with details in the tooltip; a click shows the Sources view. Hidden when the active editor is
 * not a source.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private settings: Settings;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = false;

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
    private readonly coders: CoderService,
  ) {
    this.settings = readSettings();
    this.item = vscode.window.createStatusBarItem('sourceAnnotator.counts', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Source Annotator';
    this.item.command = { command: `${VIEW_ID}.focus`, title: 'Show the Sources view' };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      index.onDidChange(() => this.schedule()),
      annotations.onDidChange(() => this.schedule()),
      coders.onDidChange(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        this.settings = readSettings();
        this.schedule();
      }),
    );
    void this.update();
  }

  /** What the item shows now (tests). */
  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    const t = this.item.tooltip;
    return t === undefined ? '' : typeof t === 'string' ? t : t.value;
  }

  get visible(): boolean {
    return this.shown;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, UPDATE_DELAY_MS);
  }

  /** Recompute now. */
  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const entry = editor ? this.index.get(editor.document.uri) : undefined;
    if (!editor || !entry || entry.error) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const mentions = visibleMentions(entry, this.settings);
    const entities = byEntity(mentions);
    // Quoted terms (scare quotes, titles) are nobody's words: not counted as quotes.
    const quotes = speechQuotes(entry, this.settings);
    const clusters = await this.index.clustersOf(entry.key);
    const shared = quotes.filter((q) => clusters.has(q.start)).length;
    // The annotations of the coders shown; a filter icon says when some coders are hidden.
    const all = this.coders.visible(this.annotations.state(entry.uri)?.annotations ?? []);
    const filtered = this.coders.current.active;
    const orphans = all.filter((a) => a.status === 'orphan').length;
    const readOnly = this.annotations.readOnlyReason(entry.uri);
    this.item.text = `$(person) ${entities.size} $(quote) ${quotes.length} $(note) ${all.length}${orphans > 0 ? ` $(warning) ${orphans}` : ''}${filtered ? ' $(filter)' : ''}${readOnly ? ' $(lock)' : ''}`;
    const perType = ENTITY_TYPES.map((t) => [t, [...entities.values()].filter((ms) => ms[0].type === t).length] as const).filter(([, n]) => n > 0);
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${entry.relPath.replace(/[\\`*_[\]<>]/g, '\\$&')}**\n\n`);
    md.appendMarkdown(`$(person) ${count(entities.size, 'entity', 'entities')}, ${count(mentions.length, 'mention')}${perType.length > 0 ? `: ${perType.map(([t, n]) => `${n} ${TYPE_LABELS[t].toLowerCase()}`).join(', ')}` : ''}  \n`);
    md.appendMarkdown(`$(quote) ${count(quotes.length, 'quote')}${shared > 0 ? `, ${shared} also quoted in other sources` : ''}  \n`);
    md.appendMarkdown(`$(note) ${count(all.length, 'annotation')}${orphans > 0 ? `, ${orphans} orphaned (see Problems)` : ''}\n\n`);
    if (filtered) md.appendMarkdown(`$(filter) Showing the annotations of ${escapeMarkdown(this.coders.describeShown())} only (*Source Annotator: Show Coders…*)\n\n`);
    if (readOnly) md.appendMarkdown(`$(lock) ${readOnly.replace(/[\\`*_[\]<>]/g, '\\$&')}\n\n`);
    md.appendMarkdown('Click to show the Sources view.');
    this.item.tooltip = md;
    this.item.accessibilityInformation = {
      label: `Source Annotator: ${count(entities.size, 'entity', 'entities')}, ${count(quotes.length, 'quote')}, ${count(all.length, 'annotation')}${orphans > 0 ? `, ${orphans} orphaned` : ''}${filtered ? `, coders shown: ${this.coders.describeShown()}` : ''}${readOnly ? ', read-only' : ''}`,
    };
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

