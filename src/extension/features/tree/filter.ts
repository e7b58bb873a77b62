import type { Quote } from '../../../core/analysis/types';
import type { Annotation } from '../../../core/annotations/model';

/**
 * The Sources tree's filter: a case- and accent-insensitive substring search over entity names
 * and aliases, quote text, speakers, annotation notes, tags and annotated text.
 */
export class TreeFilter {
  readonly needle: string;

  constructor(readonly query: string) {
    this.needle = fold(query.trim());
  }

  get active(): boolean {
    return this.needle.length > 0;
  }

  private has(s: string | null | undefined): boolean {
    return !!s && fold(s).includes(this.needle);
  }

  entity(name: string, aliases: Iterable<string> = []): boolean {
    if (!this.active || this.has(name)) return true;
    for (const a of aliases) if (this.has(a)) return true;
    return false;
  }

  speaker(speaker: string | null): boolean {
    return !this.active || this.has(speaker ?? '(unattributed)');
  }

  quote(q: Quote): boolean {
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
