import type { Quote } from '../../../core/analysis/types';
import type { Annotation } from '../../../core/annotations/model';

/**
 * The Sources tree's filter: a case- and accent-insensitive substring search over entity names
 * and aliases, quote text, speakers, annotation notes, tags and annotated text; or (altered) the
 * quotes whose words were changed after they first appeared, and nothing else.
 */
export class TreeFilter {
  readonly needle: string;

  /**
   * @param altered with it, the filter keeps only these quotes (`key@start`, UTF-16) and no
   *   entities, speakers by name or annotations: "Show Altered Quotes".
   */
  constructor(
    readonly query: string,
    readonly altered?: ReadonlySet<string>,
  ) {
    this.needle = altered ? '' : fold(query.trim());
  }

  static altered(mentions: ReadonlySet<string>): TreeFilter {
    return new TreeFilter('altered quotes', mentions);
  }

  get active(): boolean {
    return this.needle.length > 0 || this.altered !== undefined;
  }

  private has(s: string | null | undefined): boolean {
    return !this.altered && !!s && fold(s).includes(this.needle);
  }

  entity(name: string, aliases: Iterable<string> = []): boolean {
    if (!this.active || this.has(name)) return true;
    for (const a of aliases) if (this.has(a)) return true;
    return false;
  }

  speaker(speaker: string | null): boolean {
    return !this.active || this.has(speaker ?? '(unattributed)');
  }

  /** A quote of the source `key`. */
  quote(q: Quote, key?: string): boolean {
    if (this.altered) return key !== undefined && this.altered.has(`${key}@${q.start}`);
    return !this.active || this.has(q.text) || this.has(q.speaker);
  }

  tag(tag: string | null): boolean {
    return !this.active || this.has(tag ?? '(untagged)');
  }

  annotation(a: Annotation): boolean {
    return !this.active || this.has(a.note) || a.tags.some((t) => this.has(t)) || this.has(a.target.exact);
  }
}

export const NO_FILTER = new TreeFilter('');

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
