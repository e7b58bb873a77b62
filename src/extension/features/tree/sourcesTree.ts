import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityMention, type Quote } from '../../../core/analysis/types';
import type { AnchoredAnnotation } from '../../../core/store/store';
import { CommandIds, ContextKeys, VIEW_ID } from '../../commandIds';
import type { AnnotationService } from '../../services/annotationService';
import type { CoderService } from '../../services/coders';
import { coderLabel, coderOf, compareCoders } from '../../../core/coders/coders';
import type { SourceEntry, SourceIndex } from '../../services/sourceIndex';
import type { ProvenanceIndex } from '../../services/provenanceIndex';
import { readSettings, SECTION, setSourcesSort, type Settings } from '../../settings';
import { openingLine } from '../../../core/text/headline';
import { BASIS_WORDS, compareDatings, describeDating, describeDay } from '../../../core/provenance/dating';
import { describeBases, TIE_NOTE, WORDING_LABELS, type MentionOrigin, type QuoteOrigin } from '../../../core/provenance/origins';
import type { SourceProvenance } from '../../../core/provenance/workspace';
import { PROVENANCE_SUFFIX } from '../../../core/provenance/model';
import { diffMarkdown } from '../hovers';
import { NO_FILTER, TreeFilter } from './filter';
import {
  byEntity,
  excerpt,
  firstWords,
  lineOf,
  truncate,
  TYPE_ICONS,
  TYPE_LABELS,
  TYPE_SINGULAR,
  visibleMentions,
  speechQuotes,
  statsCounts,
  type RevealArgs,
} from './model';
import { GROUP_LABELS, type AnnotationNode, type EntityNode, type GroupName, type QuoteNode, type SourceNode, type TreeNode } from './nodes';
import { count } from '../../../core/text/plural';
import { codeSpan, escapeMarkdown, inertMarkdown } from '../../../core/text/markdown';

const REFRESH_DELAY_MS = 100;

type Distribute<T> = T extends TreeNode ? Omit<T, 'nodeId' | 'parent' | 'source'> : never;
type NodeData = Distribute<TreeNode>;


/** Time the filter may hold the extension host before it yields, in milliseconds. */
const SLICE_MS = 8;
/**
 * The Sources view: per source, its entities by type, its quotes by speaker (with the other
 * sources that quote them) and its annotations by tag. Counts are in the descriptions; clicking
 * a mention, quote or annotation reveals it. A filter narrows the tree to matching entities,
 * quotes, speakers, notes and tags. It refreshes (debounced) when the index or the annotations
 * change. Also registers sourceAnnotator.revealRange and the filter commands.
 */
export class SourcesTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  readonly treeView: vscode.TreeView<TreeNode>;
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The elements handed to VS Code, by nodeId, so that the same element keeps the same object. */
  private readonly nodes = new Map<string, TreeNode>();
  private settings: Settings;
  private filter: TreeFilter = NO_FILTER;
  /** Part of every nodeId while a filter is active, so that filtered elements start expanded. */
  private filterGeneration = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
    private readonly coders: CoderService,
    private readonly provenance: ProvenanceIndex,
    /** Files and links dropped on the view (Import Source, features/importSourceCommands.ts). */
    dragAndDropController?: vscode.TreeDragAndDropController<TreeNode>,
  ) {
    this.settings = readSettings();
    this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true, dragAndDropController });
    this.disposables.push(
      this.changed,
      this.treeView,
      index.onDidChange(() => this.scheduleRefresh()),
      annotations.onDidChange(() => this.scheduleRefresh()),
      coders.onDidChange(() => this.refreshNow()),
      provenance.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        this.settings = readSettings();
        void vscode.commands.executeCommand('setContext', ContextKeys.sourcesByDate, this.settings.sortSourcesBy === 'date');
        this.scheduleRefresh();
      }),
      vscode.commands.registerCommand(CommandIds.showAlteredQuotes, () => this.showAlteredQuotes()),
      vscode.commands.registerCommand(CommandIds.sortSourcesByDate, () => setSourcesSort('date')),
      vscode.commands.registerCommand(CommandIds.sortSourcesByPath, () => setSourcesSort('path')),
      vscode.commands.registerCommand(CommandIds.revealRange, (args?: RevealArgs) => revealRange(args)),
      // From the view's title bar the workbench passes its own context object, not a query.
      vscode.commands.registerCommand(CommandIds.filterTree, (query?: unknown) => this.promptFilter(typeof query === 'string' ? query : undefined)),
      vscode.commands.registerCommand(CommandIds.clearTreeFilter, () => this.setFilter('')),
    );
    void vscode.commands.executeCommand('setContext', ContextKeys.treeFiltered, false);
    void vscode.commands.executeCommand('setContext', ContextKeys.sourcesByDate, this.settings.sortSourcesBy === 'date');
  }

  /** The current filter text ('' when none). */
  get filterQuery(): string {
    return this.filter.query;
  }

  /** Show only the items matching `query`; '' clears the filter. */
  async setFilter(query: string): Promise<void> {
    const f = new TreeFilter(query);
    this.filter = f.active ? f : NO_FILTER;
    this.filterGeneration++;
    await vscode.commands.executeCommand('setContext', ContextKeys.treeFiltered, this.filter.active);
    this.refreshNow();
  }

  /**
   * "Show Altered Quotes": only the quotes, across the workspace, of clusters whose words were
   * changed after they first appeared. Cleared like any filter.
   */
  async showAlteredQuotes(): Promise<number> {
    const { mentions, clusters } = await this.provenance.alteredQuotes();
    this.filter = TreeFilter.altered(mentions);
    this.alteredClusters = clusters;
    this.filterGeneration++;
    await vscode.commands.executeCommand('setContext', ContextKeys.treeFiltered, true);
    this.refreshNow();
    return clusters;
  }

  private alteredClusters = 0;

  private async promptFilter(query?: string): Promise<void> {
    const q =
      query ??
      (await vscode.window.showInputBox({
        title: 'Filter Sources',
        prompt: 'Show only entities, quotes, speakers, notes and tags containing this text. Empty clears the filter.',
        placeHolder: 'e.g. Putin, sanctions, #follow-up',
        value: this.filter.query,
      }));
    if (q === undefined) return;
    await this.setFilter(q.replace(/^#/, ''));
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // The altered quotes may have changed with the sources or their provenance.
      if (this.filter.altered) void this.showAlteredQuotes();
      else this.refreshNow();
    }, REFRESH_DELAY_MS);
  }

  /** Recompute everything now (tests call this rather than waiting for the debounce). */
  refreshNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.nodes.clear();
    void this.updateMessage();
    this.changed.fire(undefined);
  }

  private async updateMessage(): Promise<void> {
    // The view's description says when some coders' annotations are hidden (Show Coders…).
    const coders = this.coders.current.active ? `coders: ${this.coders.current.shown.map(coderLabel).join(', ')}` : undefined;
    if (!this.filter.active) {
      this.treeView.description = [this.settings.sortSourcesBy === 'date' ? 'by date' : undefined, coders].filter(Boolean).join(' · ') || undefined;
      this.treeView.message = undefined;
      return;
    }
    const filter = this.filter;
    const matching = (await this.matchingSources()).length;
    if (filter !== this.filter) return;
    if (filter.altered) {
      this.treeView.description = ['altered quotes', coders].filter(Boolean).join(' · ');
      this.treeView.message =
        matching === 0
          ? 'No quote of the workspace has its words changed after it first appeared. Clear the filter to see everything.'
          : `Quotes whose words were changed after they first appeared: ${count(this.alteredClusters, 'quote')} in ${count(matching, 'source')}.`;
      return;
    }
    this.treeView.description = [`filter: ${this.filter.query}`, coders].filter(Boolean).join(' · ');
    this.treeView.message =
      matching === 0
        ? `Nothing matches “${this.filter.query}”. Clear the filter to see everything.`
        : `Filtered by “${this.filter.query}”: ${count(matching, 'source')} match.`;
  }

  // --- TreeDataProvider --------------------------------------------------------------------

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      if (!this.index.isIndexed) return [];
      let sources = await this.matchingSources();
      if (this.settings.sortSourcesBy === 'date') {
        // Earliest first: published, else retrieved, else file time; undated last; then by path (stable sort).
        const infos = await this.provenance.infos(sources.map((e) => e.key));
        sources = [...sources].sort((x, y) => compareDatings(infos.get(x.key)!.dating, infos.get(y.key)!.dating));
      }
      return sources.map((e) => this.node(undefined, e.key, `src:${e.key}`, { kind: 'source', uri: e.key }));
    }
    const entry = this.entry(node);
    if (!entry) return [];
    switch (node.kind) {
      case 'source': {
        if (entry.error) return [];
        const groups: GroupName[] = ['entities', 'quotes', 'annotations'];
        const present = groups.filter((g) => !this.filter.active || this.groupCount(entry, g) > 0);
        return present.map((g) => this.node(node, entry.key, `${node.nodeId}|${g}`, { kind: 'group', group: g }));
      }
      case 'group':
        return this.groupChildren(node, entry);
      case 'entityType':
        return this.entities(entry)
          .filter((e) => e.type === node.type)
          .map((e) => this.node(node, entry.key, `${node.nodeId}|${e.entity}`, { kind: 'entity', entity: e.entity, type: e.type }));
      case 'entity': {
        const mentions = visibleMentions(entry, this.settings).filter((m) => m.entity === node.entity);
        return mentions.map((m) => this.node(node, entry.key, `${node.nodeId}|@${m.start}`, { kind: 'mention', of: 'entity', uri: entry.key, start: m.start, end: m.end }));
      }
      case 'speaker':
        return this.quotesOf(entry)
          .filter((q) => q.speaker === node.speaker && (this.filter.speaker(q.speaker) || this.filter.quote(q, entry.key)))
          .map((q) => this.node(node, entry.key, `${node.nodeId}|@${q.start}`, { kind: 'quote', uri: entry.key, start: q.start, end: q.end }));
      case 'quote': {
        const q = this.quoteOf(node);
        const cluster = q && (await this.index.clusterOf(entry.key, q));
        if (!cluster) return [];
        // In order of appearance (earliest source first), as the hover and the report list them.
        const origin = await this.provenance.origin(cluster);
        return origin.mentions.map((m) =>
          this.node(node, entry.key, `${node.nodeId}|${m.path}@${m.start}`, { kind: 'mention', of: 'quote', uri: m.path, start: m.start, end: m.end }),
        );
      }
      case 'tag':
        return this.annotationsOf(entry)
          .filter((a) => (node.tag === null ? a.annotation.tags.length === 0 : a.annotation.tags.includes(node.tag)))
          .filter((a) => this.filter.tag(node.tag) || this.filter.annotation(a.annotation))
          .map((a) => this.node(node, entry.key, `${node.nodeId}|${a.annotation.id}`, { kind: 'annotation', uri: entry.key, id: a.annotation.id }));
      case 'coder':
        return this.annotationsOf(entry)
          .filter((a) => coderOf(a.annotation) === node.coder)
          .map((a) => this.node(node, entry.key, `${node.nodeId}|${a.annotation.id}`, { kind: 'annotation', uri: entry.key, id: a.annotation.id }));
      case 'mention':
      case 'annotation':
        return [];
    }
  }

  async getTreeItem(node: TreeNode): Promise<vscode.TreeItem> {
    const entry = this.entry(node);
    const item = entry ? await this.item(node, entry) : new vscode.TreeItem('(gone)');
    item.id = node.nodeId;
    return item;
  }

  /** The source element of a source (for reveal). */
  async sourceNode(uri: vscode.Uri): Promise<SourceNode | undefined> {
    return (await this.getChildren()).find((n): n is SourceNode => n.kind === 'source' && n.uri === uri.toString());
  }

  // --- data --------------------------------------------------------------------------------

  private node(parent: TreeNode | undefined, source: string, id: string, data: NodeData): TreeNode {
    const nodeId = this.filter.active ? `f${this.filterGeneration}~${id}` : id;
    const existing = this.nodes.get(nodeId);
    if (existing) return existing;
    const n = { ...data, nodeId, parent, source } as TreeNode;
    this.nodes.set(nodeId, n);
    return n;
  }

  private entry(node: TreeNode): SourceEntry | undefined {
    return this.index.get(vscode.Uri.parse(node.source));
  }

  private quoteOf(node: QuoteNode): Quote | undefined {
    const entry = this.index.get(vscode.Uri.parse(node.uri));
    return entry?.analysis.quotes.find((q) => q.start === node.start && q.end === node.end);
  }

  /** Entities of a source that pass the settings and the filter, most mentioned first. */
  private entities(entry: SourceEntry): Array<{ entity: string; type: EntityMention['type']; mentions: EntityMention[] }> {
    const out: Array<{ entity: string; type: EntityMention['type']; mentions: EntityMention[] }> = [];
    for (const [entity, mentions] of byEntity(visibleMentions(entry, this.settings))) {
      if (!this.filter.entity(entity, mentions.map((m) => m.text))) continue;
      out.push({ entity, type: mentions[0].type, mentions });
    }
    return out.sort((a, b) => b.mentions.length - a.mentions.length || a.entity.localeCompare(b.entity));
  }

  private quotesOf(entry: SourceEntry): Quote[] {
    return speechQuotes(entry, this.settings).filter((q) => this.filter.quote(q, entry.key) || this.filter.speaker(q.speaker));
  }

  /** A source's annotations of the coders shown that pass the filter. */
  private annotationsOf(entry: SourceEntry): AnchoredAnnotation[] {
    const all = this.coders.visible(this.annotations.state(entry.uri)?.annotations ?? []);
    return all.filter((a) => this.filter.annotation(a.annotation) || a.annotation.tags.some((t) => this.filter.tag(t)) || (a.annotation.tags.length === 0 && this.filter.tag(null)));
  }

  /**
   * The sources to list: all of them, or with a filter those with something matching. Matching
   * reads each source's analysis, so it yields to the editor every few milliseconds.
   */
  private async matchingSources(): Promise<SourceEntry[]> {
    const all = this.index.sources();
    if (!this.filter.active) return all;
    const out: SourceEntry[] = [];
    let sliceStart = Date.now();
    for (const e of all) {
      if (this.sourceMatches(e)) out.push(e);
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        sliceStart = Date.now();
      }
    }
    return out;
  }

  private sourceMatches(entry: SourceEntry): boolean {
    if (!this.filter.active) return true;
    return this.groupCount(entry, 'entities') + this.groupCount(entry, 'quotes') + this.groupCount(entry, 'annotations') > 0;
  }

  private groupCount(entry: SourceEntry, group: GroupName): number {
    switch (group) {
      case 'entities':
        return this.entities(entry).length;
      case 'quotes':
        return this.quotesOf(entry).length;
      case 'annotations':
        return this.annotationsOf(entry).length;
    }
  }

  private groupChildren(node: TreeNode & { kind: 'group' }, entry: SourceEntry): TreeNode[] {
    switch (node.group) {
      case 'entities': {
        const types = new Set(this.entities(entry).map((e) => e.type));
        return ENTITY_TYPES.filter((t) => types.has(t)).map((t) => this.node(node, entry.key, `${node.nodeId}|${t}`, { kind: 'entityType', type: t }));
      }
      case 'quotes': {
        const counts = new Map<string | null, number>();
        for (const q of this.quotesOf(entry)) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
        const speakers = [...counts.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : counts.get(b)! - counts.get(a)! || a.localeCompare(b)));
        return speakers.map((s) => this.node(node, entry.key, `${node.nodeId}|${s ?? '\u0000'}`, { kind: 'speaker', speaker: s }));
      }
      case 'annotations': {
        if (this.settings.groupAnnotationsBy === 'coder') {
          const coders = [...new Set(this.annotationsOf(entry).map((a) => coderOf(a.annotation)))].sort(compareCoders);
          return coders.map((c) => this.node(node, entry.key, `${node.nodeId}|@coder:${c}`, { kind: 'coder', coder: c }));
        }
        const tags = new Set<string>();
        let untagged = false;
        for (const a of this.annotationsOf(entry)) {
          if (a.annotation.tags.length === 0) untagged = true;
          for (const t of a.annotation.tags) if (this.filter.tag(t) || this.filter.annotation(a.annotation)) tags.add(t);
        }
        const list: Array<string | null> = [...tags].sort((a, b) => a.localeCompare(b));
        if (untagged) list.push(null);
        return list.map((t) => this.node(node, entry.key, `${node.nodeId}|${t === null ? '\u0000' : `#${t}`}`, { kind: 'tag', tag: t }));
      }
    }
  }

  // --- items -------------------------------------------------------------------------------

  private collapsed(hasChildren: boolean): vscode.TreeItemCollapsibleState {
    if (!hasChildren) return vscode.TreeItemCollapsibleState.None;
    return this.filter.active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  private async item(node: TreeNode, entry: SourceEntry): Promise<vscode.TreeItem> {
    switch (node.kind) {
      case 'source':
        return this.sourceItem(entry, await this.provenance.info(entry.key));
      case 'group': {
        const n = this.groupCount(entry, node.group);
        const item = new vscode.TreeItem(GROUP_LABELS[node.group], this.collapsed(n > 0));
        item.iconPath = new vscode.ThemeIcon(node.group === 'entities' ? 'symbol-class' : node.group === 'quotes' ? 'quote' : 'note');
        item.contextValue = `group.${node.group}`;
        if (node.group === 'entities') {
          const mentions = this.entities(entry).reduce((s, e) => s + e.mentions.length, 0);
          item.description = n === 0 ? 'none' : `${n} · ${count(mentions, 'mention')}`;
        } else if (node.group === 'quotes') {
          const clusters = await this.index.clustersOf(entry.key);
          const shared = this.quotesOf(entry).filter((q) => clusters.has(q.start)).length;
          item.description = n === 0 ? 'none' : shared > 0 ? `${n} · ${shared} shared` : `${n}`;
        } else {
          const orphans = this.annotationsOf(entry).filter((a) => a.status === 'orphan').length;
          item.description = n === 0 ? 'none' : orphans > 0 ? `${n} · ${orphans} orphaned` : `${n}`;
          if (orphans > 0) item.iconPath = new vscode.ThemeIcon('note', new vscode.ThemeColor('list.warningForeground'));
        }
        return item;
      }
      case 'entityType': {
        const n = this.entities(entry).filter((e) => e.type === node.type).length;
        const item = new vscode.TreeItem(TYPE_LABELS[node.type], this.collapsed(n > 0));
        item.description = `${n}`;
        item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
        item.contextValue = `entityType.${node.type}`;
        return item;
      }
      case 'entity':
        return await this.entityItem(node, entry);
      case 'mention':
        return await this.mentionItem(node, entry);
      case 'speaker': {
        const n = (await this.getChildren(node)).length;
        const item = new vscode.TreeItem(node.speaker ?? '(unattributed)', this.collapsed(n > 0));
        item.description = count(n, 'quote');
        item.iconPath = new vscode.ThemeIcon(node.speaker === null ? 'question' : 'person');
        item.contextValue = node.speaker === null ? 'speaker.unattributed' : 'speaker';
        return item;
      }
      case 'quote':
        return await this.quoteItem(node, entry);
      case 'tag': {
        const n = (await this.getChildren(node)).length;
        const item = new vscode.TreeItem(node.tag ?? '(untagged)', this.collapsed(n > 0));
        item.description = `${n}`;
        item.iconPath = new vscode.ThemeIcon(node.tag === null ? 'circle-slash' : 'tag');
        item.contextValue = node.tag === null ? 'tag.untagged' : 'tag';
        return item;
      }
      case 'coder': {
        const n = (await this.getChildren(node)).length;
        const item = new vscode.TreeItem(coderLabel(node.coder), this.collapsed(n > 0));
        item.description = `${n}`;
        const colour = this.coders.perCoder ? this.coders.colourOf(node.coder) : undefined;
        item.iconPath = new vscode.ThemeIcon('account', colour ? new vscode.ThemeColor(colour.foreground) : undefined);
        item.tooltip = `${coderLabel(node.coder)}: ${count(n, 'annotation')} in this source${colour ? `, drawn in ${colour.name}` : ''}`;
        item.contextValue = 'coder';
        return item;
      }
      case 'annotation':
        return this.annotationItem(node, entry);
    }
  }

  private sourceItem(entry: SourceEntry, prov: SourceProvenance): vscode.TreeItem {
    const fileName = entry.relPath.split('/').pop() ?? entry.relPath;
    const p = prov.provenance;
    const headline = headlineOf(entry.head ?? entry.text.slice(0, 1024));
    // With a provenance file: the title (else the text's headline) instead of the file name; the
    // outlet, the date and the file name follow in the description.
    const item = p ? new vscode.TreeItem(p.title ?? (headline || fileName), this.collapsed(!entry.error)) : new vscode.TreeItem(entry.uri, this.collapsed(!entry.error));
    if (p) item.resourceUri = entry.uri;
    item.contextValue = 'source';
    if (entry.error) {
      item.description = 'not analyzed';
      item.tooltip = `${entry.relPath}: ${entry.error}`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      return item;
    }
    item.iconPath = vscode.ThemeIcon.File;
    // Without a filter the counts come from the source's digest, so that listing 10,000 sources
    // parses no analysis; with one, only what matches is counted.
    const counts = this.filter.active
      ? { entities: this.entities(entry).length, mentions: visibleMentions(entry, this.settings).length, quotes: this.quotesOf(entry).length }
      : statsCounts(entry.stats, this.settings);
    const entities = counts.entities;
    const quotes = counts.quotes;
    const notes = this.annotationsOf(entry);
    const orphans = notes.filter((a) => a.status === 'orphan').length;
    const byDate = this.settings.sortSourcesBy === 'date';
    const head: string[] = [];
    if (p) {
      if (p.outlet) head.push(p.outlet);
      if (prov.dating.basis !== 'unknown' && (prov.dating.basis !== 'file' || byDate)) head.push(describeDay(prov.dating));
      head.push(fileName);
    } else {
      if (byDate) head.push(describeDay(prov.dating));
      // The article's headline beside the file name; the counts follow it.
      if (headline) head.push(headline);
    }
    if (prov.issues?.length) head.push('provenance file invalid');
    item.description = `${head.map((h) => `${h} · `).join('')}${count(entities, 'entity', 'entities')} · ${count(quotes, 'quote')} · ${count(notes.length, 'note')}`;
    // The tooltip holds the provenance file's words (a stranger's): escaped, never trusted, no links.
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(p?.title ?? entry.relPath)}**\n\n`);
    if (p) {
      const rows: string[] = [`File: ${escapeMarkdown(entry.relPath)}`];
      if (p.outlet) rows.push(`Outlet: ${escapeMarkdown(p.outlet)}`);
      if (p.authors?.length) rows.push(`By: ${escapeMarkdown(p.authors.join(', '))}`);
      if (p.published) rows.push(`Published: ${escapeMarkdown(p.published)}`);
      if (p.url) rows.push(`URL: ${codeSpan(p.url)}`);
      if (p.retrieved) rows.push(`Retrieved: ${escapeMarkdown(p.retrieved)}`);
      if (p.original?.file) rows.push(`Imported from: ${escapeMarkdown(p.original.file)}${p.original.sha256 ? ` (SHA-256 ${p.original.sha256.slice(0, 12)}…)` : ''}`);
      md.appendMarkdown(rows.join('  \n') + '\n\n');
    } else if (headline) md.appendMarkdown(`${escapeMarkdown(headline)}\n\n`);
    if (prov.issues?.length) md.appendMarkdown(`$(warning) ${escapeMarkdown(`${fileName}${PROVENANCE_SUFFIX}:${prov.issues[0].line}:${prov.issues[0].col}: ${prov.issues[0].message}`)} (not used)\n\n`);
    if (byDate) md.appendMarkdown(`Sorted by ${BASIS_WORDS[prov.dating.basis]}${prov.dating.label ? `: ${escapeMarkdown(prov.dating.label)}` : ''}\n\n`);
    md.appendMarkdown(`$(symbol-class) ${count(entities, 'entity', 'entities')}, ${count(counts.mentions, 'mention')}  \n`);
    md.appendMarkdown(`$(quote) ${count(quotes, 'quote')}  \n`);
    md.appendMarkdown(`$(note) ${count(notes.length, 'annotation')}${orphans > 0 ? `, ${orphans} orphaned` : ''}`);
    item.tooltip = md;
    return item;
  }

  private async entityItem(node: EntityNode, entry: SourceEntry): Promise<vscode.TreeItem> {
    const mentions = visibleMentions(entry, this.settings).filter((m) => m.entity === node.entity);
    const item = new vscode.TreeItem(node.entity, this.collapsed(mentions.length > 0));
    item.description = count(mentions.length, 'mention');
    item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
    item.contextValue = `entity.${node.type}`;
    const summary = await this.index.entityInfo(node.entity, entry.key);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(node.entity)}** · ${TYPE_SINGULAR[node.type]}\n\n`);
    const aliases = [...(summary?.aliases ?? [])].filter((a) => a !== node.entity);
    if (aliases.length > 0) md.appendMarkdown(`Also: ${aliases.map((a) => `“${escapeMarkdown(a)}”`).join(', ')}\n\n`);
    const files = summary?.sources ?? 1;
    md.appendMarkdown(`${mentions.length} in this source; ${summary?.mentions ?? mentions.length} in ${count(files, 'source')}`);
    item.tooltip = md;
    return item;
  }

  private async mentionItem(node: TreeNode & { kind: 'mention' }, owner: SourceEntry): Promise<vscode.TreeItem> {
    const target = node.uri === owner.key ? owner : this.index.get(vscode.Uri.parse(node.uri));
    if (!target) return new vscode.TreeItem('(source gone)');
    const ex = excerpt(target.text, node.start, node.end);
    let item: vscode.TreeItem;
    if (node.of === 'quote') {
      item = new vscode.TreeItem(target.relPath.split('/').pop() ?? target.relPath);
      const origin = await this.originOfMention(node);
      const m = origin?.mentions.find((x) => x.path === node.uri && x.start === node.start);
      const prov = await this.provenance.info(node.uri);
      const where = [prov.provenance?.outlet, prov.dating.basis === 'unknown' ? undefined : describeDating(prov.dating)].filter((x) => x !== undefined);
      const wording = m ? (m.wording === 'earliest' ? (origin!.tie ? 'earliest (tie)' : 'earliest') : WORDING_LABELS[m.wording]) : undefined;
      item.description = `${node.uri === owner.key ? '(this source) ' : ''}${wording ? `${wording} · ` : ''}${where.map((w) => `${w} · `).join('')}line ${lineOf(target.text, node.start)}: ${truncate(target.text.slice(node.start, node.end), 60)}`;
      item.iconPath = m?.wording === 'changed' ? new vscode.ThemeIcon('diff-modified', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(node.uri === owner.key ? 'circle-filled' : 'references');
      item.contextValue = 'mention.quote';
      if (m) {
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`${escapeMarkdown(target.relPath)}:${lineOf(target.text, node.start)}\n\n`);
        md.appendMarkdown(mentionOriginMarkdown(m, origin!));
        item.tooltip = md;
        item.command = revealCommand({ uri: node.uri, start: node.start, end: node.end });
        return item;
      }
    } else {
      const m = target.analysis.entities.find((e) => e.start === node.start && e.end === node.end);
      item = new vscode.TreeItem({ label: ex.label, highlights: [ex.highlight] });
      item.description = `line ${lineOf(target.text, node.start)}${m?.kind === 'role' ? ' · role' : ''}`;
      item.iconPath = new vscode.ThemeIcon('symbol-text');
      item.contextValue = 'mention.entity';
    }
    item.tooltip = `${target.relPath}:${lineOf(target.text, node.start)}\n${ex.label}`;
    item.command = revealCommand({ uri: node.uri, start: node.start, end: node.end });
    return item;
  }

  /** The origin of the cluster a quote-mention element belongs to (its parent is the quote). */
  private async originOfMention(node: TreeNode & { kind: 'mention' }): Promise<QuoteOrigin | undefined> {
    const parent = node.parent;
    if (parent?.kind !== 'quote') return undefined;
    const q = this.quoteOf(parent);
    const cluster = q && (await this.index.clusterOf(parent.uri, q));
    return cluster ? this.provenance.origin(cluster) : undefined;
  }

  private async quoteItem(node: QuoteNode, entry: SourceEntry): Promise<vscode.TreeItem> {
    const q = this.quoteOf(node);
    if (!q) return new vscode.TreeItem('(quote gone)');
    const cluster = await this.index.clusterOf(entry.key, q);
    const sources = cluster ? (cluster.sources ?? new Set(cluster.mentions.map((m) => m.path)).size) : 1;
    const origin = cluster ? await this.provenance.origin(cluster) : undefined;
    const item = new vscode.TreeItem(`“${firstWords(q.text)}”`, this.collapsed(cluster !== undefined));
    const here = origin?.mentions.find((m) => m.path === entry.key && m.start === q.start);
    const first = origin?.mentions[0];
    const firstLabel = first ? await this.sourceLabel(first.path) : '';
    const marks: string[] = [];
    if (sources > 1) marks.push(`${sources} sources`);
    else marks.push(`line ${lineOf(entry.text, q.start)}`);
    if (origin && sources > 1) marks.push(here?.wording === 'earliest' ? (origin.tie ? 'first here (tie)' : 'first here') : `first: ${firstLabel}`);
    // The marker of a cluster whose words were changed after the quote first appeared.
    if (origin?.altered) marks.push('words changed');
    item.description = marks.join(' · ');
    item.iconPath = origin?.altered ? new vscode.ThemeIcon('quote', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('quote');
    item.contextValue = origin?.altered ? 'quote.shared.altered' : sources > 1 ? 'quote.shared' : 'quote';
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`> ${escapeMarkdown(truncate(q.text, 400))}\n\n`);
    md.appendMarkdown(`${q.speaker ? `**${escapeMarkdown(q.speaker)}**` : 'Unattributed'}${q.cue ? ` · *${escapeMarkdown(q.cue)}*` : ''}`);
    if (sources > 1) md.appendMarkdown(`\n\nQuoted in ${sources} sources`);
    if (origin && first && sources > 1) {
      md.appendMarkdown(`\n\nFirst appeared in ${escapeMarkdown(firstLabel)}, ${escapeMarkdown(describeDating(first.dating))}${origin.tie ? ` (${TIE_NOTE})` : ''}; ordered by ${escapeMarkdown(describeBases(origin.bases))}.`);
      if (here && here.wording !== 'earliest') md.appendMarkdown(`\n\nHere: ${mentionOriginMarkdown(here, origin)}`);
      if (origin.altered) md.appendMarkdown('\n\n⚠ Words were changed, added or dropped after it first appeared.');
    }
    item.tooltip = md;
    item.command = revealCommand({ uri: entry.key, start: q.start, end: q.end });
    return item;
  }

  private annotationItem(node: AnnotationNode, entry: SourceEntry): vscode.TreeItem {
    const a = this.annotations.find(entry.uri, node.id);
    if (!a) return new vscode.TreeItem('(annotation gone)');
    const { note, tags, target } = a.annotation;
    const orphan = a.status === 'orphan';
    const item = new vscode.TreeItem(note.trim() ? truncate(note.split('\n')[0], 60) : `“${truncate(target.exact, 50)}”`);
    const changed = !orphan && a.annotation.original !== undefined;
    item.description = orphan ? 'orphaned' : changed ? 'wording changed' : note.trim() ? `“${truncate(target.exact, 40)}”` : tags.length > 0 ? undefined : 'no note';
    item.iconPath = orphan
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : changed
        ? new vscode.ThemeIcon('diff-modified', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('note', this.coders.perCoder ? new vscode.ThemeColor(this.coders.colourOf(coderOf(a.annotation)).foreground) : undefined);
    item.contextValue = orphan ? 'annotation.orphan' : changed ? 'annotation.changed' : 'annotation';
    const md = new vscode.MarkdownString();
    if (orphan) md.appendMarkdown(`**Orphaned**: ${escapeMarkdown(a.reason ?? 'its text is no longer in the source')}. Select the text again and run *Re-attach Annotation to Selection*.\n\n`);
    md.appendMarkdown(`> ${escapeMarkdown(truncate(target.exact, 300))}\n\n`);
    if (a.annotation.original !== undefined) md.appendMarkdown(`**The wording changed**; annotated: “${escapeMarkdown(truncate(a.annotation.original, 300))}”\n\n`);
    // The user's Markdown, never loading anything (tooltips are not trusted either).
    if (note.trim()) md.appendMarkdown(`${inertMarkdown(note)}\n\n`);
    if (tags.length > 0) md.appendMarkdown(`Tags: ${tags.map((t) => codeSpan(t)).join(' ')}\n\n`);
    md.appendMarkdown(`*${escapeMarkdown(a.annotation.author || 'unknown')}, ${a.annotation.modified.slice(0, 10)}*`);
    item.tooltip = md;
    if (!orphan && a.start16 !== undefined && a.end16 !== undefined) item.command = revealCommand({ uri: entry.key, start: a.start16, end: a.end16 });
    else item.command = { command: 'vscode.open', title: 'Open Source', arguments: [entry.uri] };
    return item;
  }

  /** "Outlet “Title”", else the outlet, else the file name, for descriptions. */
  private async sourceLabel(key: string): Promise<string> {
    const p = (await this.provenance.info(key)).provenance;
    const file = this.index.get(vscode.Uri.parse(key))?.relPath.split('/').pop() ?? key;
    if (p?.outlet && p.title) return `${p.outlet} “${truncate(p.title, 40)}”`;
    return p?.outlet ? `${p.outlet} (${file})` : p?.title ? `“${truncate(p.title, 40)}”` : file;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** A mention's wording against the earliest, as Markdown (untrusted: source words escaped). */
export function mentionOriginMarkdown(m: MentionOrigin, origin: QuoteOrigin): string {
  if (m.wording === 'earliest') return `the earliest mention${origin.tie ? ` (${TIE_NOTE})` : ''}, ${escapeMarkdown(describeDating(m.dating))}`;
  const label = `*${WORDING_LABELS[m.wording]}* against the earliest`;
  return m.diff ? `${label}: ${diffMarkdown(m.diff)}` : label;
}

/** A source's headline: its first non-empty line, without Markdown heading marks, shortened. */
export function headlineOf(text: string): string {
  return truncate(openingLine(text), 70);
}

function revealCommand(args: RevealArgs): vscode.Command {
  return { command: CommandIds.revealRange, title: 'Reveal', arguments: [args] };
}

/** Open a source and select [start, end) (UTF-16 offsets of its current text). */
async function revealRange(args?: RevealArgs): Promise<vscode.TextEditor | undefined> {
  if (!args?.uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const range = new vscode.Range(doc.positionAt(args.start), doc.positionAt(args.end));
  const editor = await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true, selection: new vscode.Selection(range.start, range.end) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

