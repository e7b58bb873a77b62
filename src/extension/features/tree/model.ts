import * as vscode from 'vscode';
import type { EntityMention, EntityType, Quote } from '../../../core/analysis/types';
import type { SourceEntry } from '../../services/sourceIndex';
import { wordCount, type SourceStats } from '../../../core/workspace/model';
import { rangeIn } from '../quoteMentions';
import type { Settings } from '../../settings';

/**
 * What the tree, the Outline, the status bar and Ctrl+T show of a source's analysis, shared so
 * that they agree with each other and with the highlights (the entity-type and quote-length
 * settings apply everywhere).
 */

/** The argument of sourceAnnotator.revealRange: a span of a source, UTF-16 offsets of its current text. */
export interface RevealArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  PERSON: 'People',
  ORG: 'Organisations',
  LOC: 'Places',
  NORP: 'Groups and nationalities',
};

export const TYPE_SINGULAR: Readonly<Record<EntityType, string>> = {
  PERSON: 'person',
  ORG: 'organisation',
  LOC: 'place',
  NORP: 'group or nationality',
};

export const TYPE_ICONS: Readonly<Record<EntityType, string>> = {
  PERSON: 'person',
  ORG: 'organization',
  LOC: 'location',
  NORP: 'globe',
};

export { wordCount };

/**
 * Entity mentions of a source whose type the settings list: names, and role descriptions
 * ("the Russian President") that the engine resolved to a named entity. A role it could not
 * resolve ("his successor") is not an entity of its own.
 */
export function visibleMentions(entry: SourceEntry, settings: Settings): EntityMention[] {
  return entry.analysis.entities.filter((m) => settings.entityTypes.has(m.type) && (m.kind === 'name' || m.entity !== m.text));
}

/** What visibleMentions and visibleQuotes would count, from a source's digest without parsing its analysis. */
export function statsCounts(stats: SourceStats, settings: Settings): { entities: number; mentions: number; quotes: number } {
  let entities = 0;
  let mentions = 0;
  for (const t of settings.entityTypes) {
    entities += stats.entities[t]?.entities ?? 0;
    mentions += stats.entities[t]?.mentions ?? 0;
  }
  return { entities, mentions, quotes: stats.quoteWords.filter((w) => w >= settings.minQuoteWords).length };
}

/** Quotes of a source at least as long as the setting asks. */
export function visibleQuotes(entry: SourceEntry, settings: Settings): Quote[] {
  return entry.analysis.quotes.filter((q) => wordCount(q.text) >= settings.minQuoteWords);
}

/** The visible quotes that are someone's words: no quoted terms (they have no speaker and no cluster). */
export function speechQuotes(entry: SourceEntry, settings: Settings): Quote[] {
  return visibleQuotes(entry, settings).filter((q) => q.kind !== 'term');
}

/** Mentions grouped by canonical entity, in order of first appearance. */
export function byEntity(mentions: readonly EntityMention[]): Map<string, EntityMention[]> {
  const out = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    const list = out.get(m.entity);
    if (list) list.push(m);
    else out.set(m.entity, [m]);
  }
  return out;
}

/** One line, at most `n` characters, with an ellipsis when cut. */
export function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1).trimEnd() + '…' : one;
}

/** The first words of a text, for labels. */
export function firstWords(s: string, words = 8, max = 60): string {
  const all = s.replace(/\s+/g, ' ').trim().split(' ');
  const cut = all.slice(0, words).join(' ');
  return truncate(all.length > words ? cut + '…' : cut, max);
}

/** 1-based line number of a UTF-16 offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A one-line excerpt of `text` around [start, end) with up to `context` characters either side,
 * and where the span is inside the excerpt (for TreeItemLabel highlights).
 */
export function excerpt(text: string, start: number, end: number, context = 28): { label: string; highlight: [number, number] } {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - context);
  const nl = text.indexOf('\n', end);
  const lineEnd = Math.min(nl === -1 ? text.length : nl, end + context);
  const before = text.slice(lineStart, start).replace(/\s+/g, ' ').trimStart();
  const span = text.slice(start, end).replace(/\s+/g, ' ');
  const after = text.slice(end, lineEnd).replace(/\s+/g, ' ').trimEnd();
  const pre = (lineStart > 0 && text[lineStart - 1] !== '\n' ? '…' : '') + before;
  const post = after + (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r' ? '…' : '');
  return { label: pre + span + post, highlight: [pre.length, pre.length + span.length] };
}

/** A Range of a source for UTF-16 offsets: from the open document when it is current, else computed from the text. */
export function sourceRange(entry: SourceEntry, start: number, end: number): vscode.Range {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.key);
  if (doc && doc.getText() === entry.text) return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  return rangeIn(entry.text, start, end);
}
