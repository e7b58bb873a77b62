import * as vscode from 'vscode';
import { wordDiff } from '../../core/analysis/clusters';
import type { EntityMention, Quote, QuoteCluster, WordDiff } from '../../core/analysis/types';
import { CommandIds } from '../commandIds';
import type { AnnotationService, LiveAnnotation } from '../services/annotationService';
import type { CoderService } from '../services/coders';
import { coderLabel, coderOf } from '../../core/coders/coders';
import type { SourceIndex } from '../services/sourceIndex';
import type { Settings } from '../settings';
import { count as plural } from '../../core/text/plural';
import { codeSpan, escapeMarkdown, inertMarkdown } from '../../core/text/markdown';
import { orderedMentions, rangeIn } from './quoteMentions';
import { visibleMentions, visibleQuotes } from './tree/model';
import type { ProvenanceIndex } from '../services/provenanceIndex';
import { describeDating } from '../../core/provenance/dating';
import { describeBases, TIE_NOTE, WORDING_LABELS, type QuoteOrigin } from '../../core/provenance/origins';

const TYPE_LABELS: Record<string, string> = { PERSON: 'Person', ORG: 'Organisation', LOC: 'Place', NORP: 'Group or nationality' };

/** Hovers on entities, quotes and annotations. */
export class Hovers implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
    private readonly coders: CoderService,
    private settings: Settings,
    selector: vscode.DocumentSelector,
    private readonly provenance?: ProvenanceIndex,
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

    // Only the annotations of the coders shown (sourceAnnotator.coders.shown) get a hover.
    const annotation = this.coders.at(document.uri, offset);
    if (annotation) {
      parts.push(...this.annotationHover(document.uri, annotation));
      widen(annotation.start, annotation.end);
    }
    const fresh = entry.text === document.getText();
    if (fresh) {
      // Only what is highlighted gets a hover: the layer is on, the entity type shown, the quote long enough.
      const entity = this.settings.layers.entities ? visibleMentions(entry, this.settings).find((e) => e.start <= offset && offset < e.end) : undefined;
      if (entity) {
        parts.push(await this.entityHover(entry.key, entity));
        if (entity.kind === 'name') parts.push(...this.corrections(entry.key, offset, [[CommandIds.correctMention, 'Correct this mention', 'Not an entity here, or another entity']]));
        widen(entity.start, entity.end);
      }
      const quote = this.settings.layers.quotes ? visibleQuotes(entry, this.settings).find((q) => q.start <= offset && offset < q.end) : undefined;
      if (quote) {
        const cluster = await this.index.clusterOf(entry.key, quote);
        const origin = cluster && this.provenance ? await this.provenance.origin(cluster) : undefined;
        parts.push(await this.quoteHover(entry.key, quote, cluster, origin));
        if (quote.kind !== 'term') {
          parts.push(
            ...this.corrections(entry.key, offset, [
              [CommandIds.correctSpeaker, 'Correct the speaker', 'Pick who said it'],
              [CommandIds.notAQuote, 'Not a quote', 'A scare quote, a title or a nickname: nobody’s words'],
            ]),
          );
        }
        if (!entity) widen(quote.start, quote.end);
      }
    }
    return parts.length > 0 ? new vscode.Hover(parts, range) : undefined;
  }

  /**
   * Hover content from the workspace's data (names, quotes, notes): rendered, never trusted. Its
   * links open a place in a source as a plain URI (line and column in the fragment), which an
   * untrusted MarkdownString may hold; command links in it never run.
   */
  private untrusted(): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', false);
    md.isTrusted = false;
    md.supportHtml = false;
    return md;
  }

  /**
   * Our correction links for the place under the cursor (trusted, with nothing of the source in
   * them: the arguments name the place, and the command reads what it writes from the analysis).
   */
  private corrections(key: string, offset: number, links: ReadonlyArray<readonly [string, string, string]>): vscode.MarkdownString[] {
    if (!vscode.workspace.isTrusted) return [];
    const args = encodeURIComponent(JSON.stringify([{ uri: key, offset }]));
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: links.map(([c]) => c) };
    md.appendMarkdown(links.map(([c, label, tip]) => `[$(edit) ${label}](command:${c}?${args} "${tip}")`).join(' · '));
    return [md];
  }

  /** A link to [start, end) of a source (UTF-16 offsets of its indexed text). */
  private mentionLink(label: string, key: string, start: number, end: number): string {
    const entry = this.index.get(vscode.Uri.parse(key));
    if (!entry) return escapeMarkdown(label);
    const r = rangeIn(entry.text, start, end);
    const uri = entry.uri.with({ fragment: `L${r.start.line + 1},${r.start.character + 1}-L${r.end.line + 1},${r.end.character + 1}` });
    return `[${escapeMarkdown(label)}](<${uri.toString()}> "Open this mention")`;
  }

  private async entityHover(key: string, m: EntityMention): Promise<vscode.MarkdownString> {
    const md = this.untrusted();
    const summary = await this.index.entityInfo(m.entity, key);
    const inFile = summary?.inSource ?? 1;
    const total = summary?.mentions ?? 1;
    const files = summary?.sources ?? 1;
    md.appendMarkdown(`**${escapeMarkdown(m.entity)}** · ${TYPE_LABELS[m.type] ?? m.type}${m.kind === 'role' ? ' (role description)' : ''}\n\n`);
    const aliases = [...(summary?.aliases ?? [])].filter((a) => a !== m.entity).sort();
    if (aliases.length > 0) md.appendMarkdown(`Also: ${aliases.map((a) => `*${escapeMarkdown(a)}*`).join(', ')}\n\n`);
    md.appendMarkdown(`${plural(inFile, 'mention')} in this source, ${total} in ${plural(files, 'source')} of the workspace\n\n`);
    if (m.type === 'PERSON') {
      const seen = new Set<string>();
      const unique = (await this.index.quotesBy(m.entity, 200)).filter((q) => !seen.has(q.text) && seen.add(q.text));
      if (unique.length > 0) {
        md.appendMarkdown(`**Quotes** (${unique.length}), each a link to where it is said:\n\n`);
        for (const q of unique.slice(0, 5)) md.appendMarkdown(`- ${this.mentionLink(`“${truncate(q.text, 140)}”`, q.key, q.start, q.end)}\n`);
        if (unique.length > 5) md.appendMarkdown(`\n…and ${unique.length - 5} more\n`);
        md.appendMarkdown('\n');
      }
    }
    return md;
  }

  private async quoteHover(key: string, q: Quote, cluster: QuoteCluster | undefined, origin: QuoteOrigin | undefined): Promise<vscode.MarkdownString> {
    const md = this.untrusted();
    if (q.kind === 'term') {
      md.appendMarkdown('**Quoted term** · a scare quote, a title or a name in quotation marks: nobody’s words, so no speaker\n\n');
      return md;
    }
    md.appendMarkdown(`**Quote** · ${q.speaker ? `speaker **${escapeMarkdown(q.speaker)}**` : '*unattributed*'}${q.cue ? ` · cue *${escapeMarkdown(q.cue)}*` : ''}\n\n`);
    if (!cluster) return md;
    if (origin) return this.originHover(md, key, q, origin);
    const others = orderedMentions(cluster).filter((m) => !(m.path === key && m.start === q.start));
    if (others.length === 0) return md;
    const n = new Set(others.map((o) => o.path)).size;
    md.appendMarkdown(`Also quoted in ${plural(n, 'other source')} (links open the mention):\n\n`);
    let differs = false;
    for (const o of others) {
      const entry = this.index.get(vscode.Uri.parse(o.path));
      if (!entry) continue;
      const diff = wordDiff(q.text, entry.text.slice(o.start, o.end));
      differs ||= diff.some((d) => d.op !== 'same');
      md.appendMarkdown(`- ${this.mentionLink(entry.relPath, o.path, o.start, o.end)}: ${diffMarkdown(diff)}\n`);
    }
    md.appendMarkdown(`\n${differs ? 'Words in **bold** are added there, ~~struck~~ ones missing. ' : 'Same wording. '}Next mention: Ctrl+Alt+. · All: Shift+Alt+F12\n`);
    return md;
  }

  /**
   * Where the quote first appeared (core/provenance/origins): the earliest source, then every
   * later mention in order, each with its wording against the earliest (the word diff for
   * changed words). Outlets and titles come from provenance files: escaped, never trusted.
   */
  private async originHover(md: vscode.MarkdownString, key: string, q: Quote, origin: QuoteOrigin): Promise<vscode.MarkdownString> {
    const first = origin.mentions[0];
    const here = origin.mentions.find((m) => m.path === key && m.start === q.start);
    const where = async (path: string): Promise<string> => {
      const info = this.provenance ? await this.provenance.info(path) : undefined;
      const p = info?.provenance;
      const bits = [p?.outlet, p?.title ? `“${truncate(p.title, 60)}”` : undefined, info ? describeDating(info.dating) : undefined].filter((b): b is string => !!b);
      return bits.length > 0 ? ` · ${escapeMarkdown(bits.join(' · '))}` : '';
    };
    const label = (path: string): string => this.index.get(vscode.Uri.parse(path))?.relPath ?? path;
    if (origin.altered) md.appendMarkdown('⚠ **Words changed** after it first appeared\n\n');
    md.appendMarkdown(`**First appeared** in ${this.mentionLink(label(first.path), first.path, first.start, first.end)}${await where(first.path)}${first === here ? ' (this mention)' : ''}\n\n`);
    md.appendMarkdown(`Ordered by ${escapeMarkdown(describeBases(origin.bases))}${origin.tie ? `; the earliest is ${TIE_NOTE}` : ''}.\n\n`);
    if (here && here !== first) md.appendMarkdown(`Here: *${WORDING_LABELS[here.wording]}*${here.diff ? `: ${diffMarkdown(here.diff)}` : ''}\n\n`);
    const later = origin.mentions.slice(1).filter((m) => m !== here);
    const otherSources = new Set(origin.mentions.filter((m) => m.path !== key).map((m) => m.path)).size;
    if (later.length > 0) {
      md.appendMarkdown(`Also quoted in ${plural(otherSources, 'other source')}; later mentions against the earliest (links open the mention):\n\n`);
      for (const m of later) {
        const wording = m.wording === 'changed' ? `**${WORDING_LABELS.changed}**` : `*${WORDING_LABELS[m.wording as Exclude<typeof m.wording, 'earliest'>]}*`;
        md.appendMarkdown(`- ${this.mentionLink(label(m.path), m.path, m.start, m.end)}${await where(m.path)}: ${wording}${m.diff ? `: ${diffMarkdown(m.diff)}` : ''}\n`);
      }
      md.appendMarkdown('\n');
    } else if (otherSources > 0) {
      md.appendMarkdown(`Also quoted in ${plural(otherSources, 'other source')}.\n\n`);
    }
    md.appendMarkdown(`${origin.altered ? 'Words in **bold** are added, ~~struck~~ ones dropped, against the earliest. ' : ''}Next mention: Ctrl+Alt+. · All: Shift+Alt+F12\n`);
    return md;
  }

  /**
   * An annotation: its content (note, tags, author: the sidecar's, so a stranger's) in an
   * untrusted MarkdownString, and our own Edit/Tags/Delete links in a separate trusted one that
   * holds nothing from the sidecar but the annotation's id in the links' arguments.
   */
  private annotationHover(uri: vscode.Uri, a: LiveAnnotation): vscode.MarkdownString[] {
    const md = this.untrusted();
    // The coder who made it (a name from the sidecar: escaped), and the colour it is drawn in when several coders are shown.
    const coder = coderOf(a.annotation);
    md.appendMarkdown(`**Annotation** by **${escapeMarkdown(coderLabel(coder))}**${this.coders.perCoder ? ` (${this.coders.colourOf(coder).name})` : ''}`);
    if (a.annotation.tags.length > 0) md.appendMarkdown(` · ${a.annotation.tags.map((t) => codeSpan(t)).join(' ')}`);
    md.appendMarkdown('\n\n');
    md.appendMarkdown(a.annotation.note ? inertMarkdown(a.annotation.note) : '*(no note)*');
    md.appendMarkdown(`\n\n*${escapeMarkdown(a.annotation.author || 'unknown author')}, ${formatDate(a.annotation.modified)}*\n\n`);
    const original = a.annotation.original;
    if (original !== undefined) {
      const diff = wordDiff(original, a.annotation.target.exact);
      md.appendMarkdown(`**The wording changed** since it was annotated: ${diffMarkdown(diff)}\n\n`);
      md.appendMarkdown(`Annotated: “${escapeMarkdown(truncate(original, 300))}”\n\n`);
    }
    const actions = new vscode.MarkdownString('', true);
    // Read-only (Restricted Mode, a read-only file system, a malformed sidecar): say so instead of offering links that would fail.
    const readOnly = this.annotations.readOnlyReason(uri);
    if (readOnly) {
      actions.appendMarkdown(`$(lock) ${escapeMarkdown(readOnly)}`);
      return [md, actions];
    }
    const args = encodeURIComponent(JSON.stringify([{ uri: uri.toString(), id: a.annotation.id }]));
    actions.isTrusted = { enabledCommands: [CommandIds.editAnnotation, CommandIds.retagAnnotation, CommandIds.deleteAnnotation, CommandIds.acceptChangedText] };
    actions.appendMarkdown(
      (original !== undefined ? `[$(check) Accept the new wording](command:${CommandIds.acceptChangedText}?${args} "Keep the annotation on the new words") · ` : '') +
        `[$(edit) Edit](command:${CommandIds.editAnnotation}?${args} "Edit the note") · ` +
        `[$(tag) Tags](command:${CommandIds.retagAnnotation}?${args} "Edit the tags") · ` +
        `[$(trash) Delete](command:${CommandIds.deleteAnnotation}?${args} "Delete this annotation")`,
    );
    return [md, actions];
  }

  dispose(): void {
    this.registration.dispose();
  }
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
    .map((d) => (d.op === 'same' ? escapeMarkdown(d.words) : d.op === 'added' ? `**${escapeMarkdown(d.words)}**` : `~~${escapeMarkdown(d.words)}~~`))
    .join(' ');
}
