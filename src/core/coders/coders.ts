import type { AnnotatedSource, Annotation } from '../annotations/model';
import { CODE_PALETTE } from '../export/palette';

/**
 * Coders: the people who annotated. Every annotation records its `author`; that name is the
 * coder. The editor shows one coder's annotations, several or all (a filter), colours them per
 * coder when more than one is shown, and the CLI's `export --coder NAME` keeps only some.
 */

/** The label of annotations whose author is empty. */
export const NO_AUTHOR_LABEL = '(no author)';

/** The coder of an annotation: its author, trimmed ('' when it has none). */
export function coderOf(a: Pick<Annotation, 'author'>): string {
  return a.author.trim();
}

/** How a coder is named to a person ('' reads "(no author)"). */
export function coderLabel(coder: string): string {
  return coder === '' ? NO_AUTHOR_LABEL : coder;
}

/**
 * Which coders are shown. An empty list shows everyone; otherwise only the listed coders
 * (compared after trimming, case-sensitively, as the author is stored).
 */
export class CoderFilter {
  private readonly names: ReadonlySet<string>;

  constructor(shown: readonly string[]) {
    this.names = new Set(shown.map((s) => s.trim()));
  }

  /** True when some coders are hidden. */
  get active(): boolean {
    return this.names.size > 0;
  }

  /** The listed coders (empty: all are shown). */
  get shown(): readonly string[] {
    return [...this.names];
  }

  shows(a: Pick<Annotation, 'author'>): boolean {
    return this.names.size === 0 || this.names.has(coderOf(a));
  }

  showsCoder(coder: string): boolean {
    return this.names.size === 0 || this.names.has(coder.trim());
  }

  /** The annotations (or anything carrying one) this filter shows, in their order. */
  keep<T>(items: readonly T[], annotationOf: (t: T) => Pick<Annotation, 'author'>): T[] {
    return this.names.size === 0 ? [...items] : items.filter((t) => this.shows(annotationOf(t)));
  }
}

export const ALL_CODERS = new CoderFilter([]);

/** How many annotations each coder made, sorted by coder name. */
export function countCoders(annotations: Iterable<Pick<Annotation, 'author'>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) {
    const c = coderOf(a);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => compareCoders(a, b)));
}

/** Add `more` counts into `into` (per-source counts summed for the workspace). */
export function addCounts(into: Map<string, number>, more: ReadonlyMap<string, number>): void {
  for (const [c, n] of more) into.set(c, (into.get(c) ?? 0) + n);
}

/** Coder names in a stable order: by name, the unnamed last. */
export function compareCoders(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? -1 : 1;
}

/** The names of the palette's colours (core/export/palette), in its order: what the hover and the Legend say. */
export const PALETTE_NAMES: readonly string[] = [
  'red', 'green', 'blue', 'yellow', 'orange', 'purple', 'cyan', 'magenta', 'lime', 'pink',
  'teal', 'lavender', 'brown', 'forest green', 'maroon', 'mint', 'olive', 'apricot', 'navy', 'grey',
];

/**
 * A colour per coder from the fixed palette of clearly different colours (core/export/palette),
 * as its index (0-based; the editor's theme colours sourceAnnotator.coder1 … coder20 are these
 * hues made readable on light and dark themes). Each coder's colour comes from a hash of the
 * name, so it is the same in every workspace and does not change when a filter hides others.
 * When two coders of the workspace would share one, the coder later by name takes the next free
 * colour: up to 20 coders, no two share a colour; beyond that, colours repeat.
 *
 * @param coders the coders of the workspace (any order; duplicates ignored)
 * @returns coder → palette index
 */
export function coderSlots(coders: Iterable<string>): Map<string, number> {
  const n = CODE_PALETTE.length;
  const taken = new Set<number>();
  const out = new Map<string, number>();
  for (const c of [...new Set(coders)].sort(compareCoders)) {
    let i = fnv1a(c) % n;
    if (taken.size < n) while (taken.has(i)) i = (i + 1) % n;
    taken.add(i);
    out.set(c, i);
  }
  return out;
}

/** coderSlots as '#RRGGBB' palette colours. */
export function coderColours(coders: Iterable<string>): Map<string, string> {
  return new Map([...coderSlots(coders)].map(([c, i]) => [c, CODE_PALETTE[i]]));
}

/** The sources with only the annotations of the given coders (every source kept, so the corpus stays whole). */
export function keepCoders<T extends AnnotatedSource>(sources: readonly T[], filter: CoderFilter): T[] {
  if (!filter.active) return [...sources];
  return sources.map((s) => ({ ...s, annotations: s.annotations.filter((a) => filter.shows(a)) }));
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
