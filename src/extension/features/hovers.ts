import * as vscode from 'vscode';
import { wordDiff } from '../../core/analysis/clusters';
import type { EntityMention, Quote, QuoteCluster, WordDiff } from '../../core/analysis/types';
import { CommandIds } from '../commandIds';
import type { AnnotationService, LiveAnnotation } from '../services/annotationService';
import type { SourceIndex } from '../services/sourceIndex';
import type { Settings } from '../settings';
import { orderedMentions } from './quoteMentions';
import { visibleMentions, visibleQuotes } from './tree/model';

const TYPE_LABELS: Record<string, string> = { PERSON: 'Person', ORG: 'Organisation', LOC: 'Place', NORP: 'Group or nationality' };

/** Hovers on entities, quotes and annotations. */
export class Hovers implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
    private settings: Settings,
    selector: vscode.DocumentSelector,
  ) {
    this.registration = vscode.languages.registerHoverProvider(selector, this);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const entry = this.index.get(document.uri);
    if (!entry) return undefined;
    const offset = document.offsetAt(position);
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const widen = (start: number, end: number): void => {
      const r = new vscode.Range(document.positionAt(start), document.positionAt(end));
      range = range ? range.intersection(r) ?? r : r;
    };

    const annotation = this.annotations.at(document.uri, offset);
    if (annotation) {
      parts.push(this.annotationHover(document.uri, annotation));
      widen(annotation.start, annotation.end);
    }
    const fresh = entry.text === document.getText();
    if (fresh) {
      // Only what is highlighted gets a hover: the layer is on, the entity type shown, the quote long enough.
      const entity = this.settings.layers.entities ? visibleMentions(entry, this.settings).find((e) => e.start <= offset && offset < e.end) : undefined;
      if (entity) {
        parts.push(await this.entityHover(entry.key, entity));
        widen(entity.start, entity.end);
      }
      const quote = this.settings.layers.quotes ? visibleQuotes(entry, this.settings).find((q) => q.start <= offset && offset < q.end) : undefined;
      if (quote) {
        parts.push(this.quoteHover(entry.key, quote, await this.index.clusterOf(entry.key, quote)));
        if (!entity) widen(quote.start, quote.end);
      }
    }
    return parts.length > 0 ? new vscode.Hover(parts, range) : undefined;
  }

  private async entityHover(key: string, m: EntityMention): Promise<vscode.MarkdownString> {
    const md = new vscode.MarkdownString();
    const summary = await this.index.entityInfo(m.entity, key);
    const inFile = summary?.inSource ?? 1;
    const total = summary?.mentions ?? 1;
    const files = summary?.sources ?? 1;
    md.appendMarkdown(`**${escape(m.entity)}** · ${TYPE_LABELS[m.type] ?? m.type}${m.kind === 'role' ? ' (role description)' : ''}\n\n`);
    const aliases = [...(summary?.aliases ?? [])].filter((a) => a !== m.entity).sort();
    if (aliases.length > 0) md.appendMarkdown(`Also: ${aliases.map((a) => `*${escape(a)}*`).join(', ')}\n\n`);
    md.appendMarkdown(`${inFile} mention${inFile === 1 ? '' : 's'} in this source, ${total} in ${files} source${files === 1 ? '' : 's'} of the workspace\n\n`);
    if (m.type === 'PERSON') {
      const unique = [...new Set((await this.index.quotesBy(m.entity, 200)).map((q) => q.text))];
      if (unique.length > 0) {
        md.appendMarkdown(`**Quotes** (${unique.length})\n\n`);
        for (const q of unique.slice(0, 5)) md.appendMarkdown(`> ${escape(truncate(q, 140))}\n\n`);
        if (unique.length > 5) md.appendMarkdown(`…and ${unique.length - 5} more\n\n`);
      }
    }
    return md;
  }

  private quoteHover(key: string, q: Quote, cluster: QuoteCluster | undefined): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**Quote** · ${q.speaker ? `speaker **${escape(q.speaker)}**` : '*unattributed*'}${q.cue ? ` · cue *${escape(q.cue)}*` : ''}\n\n`);
    if (!cluster) return md;
    const others = orderedMentions(cluster).filter((m) => !(m.path === key && m.start === q.start));
    if (others.length === 0) return md;
    const n = new Set(others.map((o) => o.path)).size;
    md.appendMarkdown(`Also quoted in ${n} other source${n === 1 ? '' : 's'}:\n\n`);
    let differs = false;
    for (const o of others) {
      const entry = this.index.get(vscode.Uri.parse(o.path));
      if (!entry) continue;
      const diff = wordDiff(q.text, entry.text.slice(o.start, o.end));
      differs ||= diff.some((d) => d.op !== 'same');
      md.appendMarkdown(`- ${codeSpan(entry.relPath)}: ${diffMarkdown(diff)}\n`);
    }
    md.appendMarkdown(`\n${differs ? 'Words in **bold** are added there, ~~struck~~ ones missing. ' : 'Same wording. '}Next mention: Ctrl+Alt+. · All: Shift+F12\n`);
    return md;
  }

  private annotationHover(uri: vscode.Uri, a: LiveAnnotation): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', true);
    const args = encodeURIComponent(JSON.stringify([{ uri: uri.toString(), id: a.annotation.id }]));
    md.isTrusted = { enabledCommands: [CommandIds.editAnnotation, CommandIds.retagAnnotation, CommandIds.deleteAnnotation] };
    md.supportThemeIcons = true;
    md.appendMarkdown(`$(note) **Annotation**`);
    if (a.annotation.tags.length > 0) md.appendMarkdown(` · ${a.annotation.tags.map((t) => `\`${escape(t)}\``).join(' ')}`);
    md.appendMarkdown('\n\n');
    // The note is the user's own Markdown: rendered, but not trusted (no command links in it).
    md.appendMarkdown((a.annotation.note || '*(no note)*').replace(/\]\(command:/g, '](#command:'));
    md.appendMarkdown(`\n\n*${escape(a.annotation.author || 'unknown author')}, ${formatDate(a.annotation.modified)}*\n\n`);
    // Read-only (Restricted Mode, a read-only file system, a malformed sidecar): say so instead of offering links that would fail.
    const readOnly = this.annotations.readOnlyReason(uri);
    if (readOnly) {
      md.appendMarkdown(`$(lock) ${escape(readOnly)}`);
      return md;
    }
    md.appendMarkdown(
      `[$(edit) Edit](command:${CommandIds.editAnnotation}?${args} "Edit the note") · ` +
        `[$(tag) Tags](command:${CommandIds.retagAnnotation}?${args} "Edit the tags") · ` +
        `[$(trash) Delete](command:${CommandIds.deleteAnnotation}?${args} "Delete this annotation")`,
    );
    return md;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** A Markdown code span that survives backticks in the text. */
function codeSpan(s: string): string {
  const fence = s.includes('`') ? '`` ' : '`';
  return `${fence}${s}${fence.split('').reverse().join('')}`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Another mention's wording against this one (a core wordDiff): added words in bold, words it
 * lacks struck through. Case, marks and punctuation do not count as differences.
 */
export function diffMarkdown(diff: readonly WordDiff[]): string {
  return diff
    .map((d) => (d.op === 'same' ? escape(d.words) : d.op === 'added' ? `**${escape(d.words)}**` : `~~${escape(d.words)}~~`))
    .join(' ');
}
