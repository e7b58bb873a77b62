import { normalizeQuote, wordDiff } from '../analysis/clusters';
import type { QuoteCluster, WordDiff } from '../analysis/types';
import { BASIS_WORDS, compareDatings, type DateBasis, type SourceDating } from './dating';

/**
 * Where a quote first appeared, and who changed it. The mentions of a quote cluster are ordered
 * by their sources' datings (publication date, else retrieval time, else file time: see
 * dating.ts); the first is the earliest. Every later mention's wording is compared with the
 * earliest's:
 *
 * - `identical`: the same characters (white space runs count as one space);
 * - `punctuation`: the same words, differing only in punctuation, quotation marks, accents,
 *   apostrophes or case (the words the cluster index compares: normalizeQuote);
 * - `cut`: fewer words, all of them one contiguous run of the earliest's words (an excerpt);
 * - `changed`: words changed, added or dropped, with the word diff against the earliest.
 *
 * A cluster with a `changed` mention is `altered`.
 */
export type Wording = 'identical' | 'punctuation' | 'cut' | 'changed';

export const WORDING_LABELS: Readonly<Record<Wording | 'earliest', string>> = {
  earliest: 'earliest',
  identical: 'identical',
  punctuation: 'punctuation or marks differ',
  cut: 'cut (an excerpt)',
  changed: 'words changed',
};

export interface MentionOrigin {
  readonly path: string;
  /** UTF-16 offsets, as in the cluster. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly dating: SourceDating;
  /** 'earliest' for the first mention. */
  readonly wording: Wording | 'earliest';
  /** For `changed`: the mention's words against the earliest's ('added' only here, 'missing' only there). */
  readonly diff?: readonly WordDiff[];
}

export interface QuoteOrigin {
  readonly id: string;
  /** Earliest first. */
  readonly mentions: readonly MentionOrigin[];
  /** The bases the order rests on, strongest first (e.g. ['published', 'file']). */
  readonly bases: readonly DateBasis[];
  /** Some later mention has words changed, added or dropped. */
  readonly altered: boolean;
  /** The earliest source cannot be told from another source by date (same day or no date): its place first is a tie. */
  readonly tie: boolean;
  /** Number of distinct sources. */
  readonly sources: number;
}

/** Classify a later wording against the earliest one. */
export function classifyWording(earliest: string, later: string): { wording: Wording; diff?: WordDiff[] } {
  if (squash(earliest) === squash(later)) return { wording: 'identical' };
  const a = normalizeQuote(earliest);
  const b = normalizeQuote(later);
  if (a.join(' ') === b.join(' ')) return { wording: 'punctuation' };
  if (b.length > 0 && b.length < a.length && containsRun(a, b)) return { wording: 'cut' };
  return { wording: 'changed', diff: wordDiff(earliest, later) };
}

const BASIS_ORDER: readonly DateBasis[] = ['published', 'retrieved', 'file', 'unknown'];

/**
 * The origin of one cluster. `dating(path)` gives each source's dating; `textOf` a mention's
 * words when the cluster does not carry them. Mentions with equal datings keep a stable order:
 * by path, then position.
 */
export function quoteOrigin(cluster: QuoteCluster, dating: (path: string) => SourceDating, textOf?: (path: string, start: number, end: number) => string | undefined): QuoteOrigin {
  const cache = new Map<string, SourceDating>();
  const dated = cluster.mentions.map((m) => {
    let d = cache.get(m.path);
    if (!d) {
      d = dating(m.path);
      cache.set(m.path, d);
    }
    return { m, d, text: m.text ?? textOf?.(m.path, m.start, m.end) ?? '' };
  });
  dated.sort((x, y) => compareDatings(x.d, y.d) || (x.m.path < y.m.path ? -1 : x.m.path > y.m.path ? 1 : x.m.start - y.m.start));
  const first = dated[0];
  const mentions: MentionOrigin[] = dated.map((x, i) => {
    const base = { path: x.m.path, start: x.m.start, end: x.m.end, text: x.text, dating: x.d };
    if (i === 0) return { ...base, wording: 'earliest' as const };
    const c = classifyWording(first.text, x.text);
    return c.diff ? { ...base, wording: c.wording, diff: c.diff } : { ...base, wording: c.wording };
  });
  const bases = BASIS_ORDER.filter((b) => [...cache.values()].some((d) => d.basis === b));
  const otherSource = dated.find((x) => x.m.path !== first.m.path);
  const tie = otherSource !== undefined && compareDatings(first.d, otherSource.d) === 0;
  return { id: cluster.id, mentions, bases, altered: mentions.some((m) => m.wording === 'changed'), tie, sources: cache.size };
}

/** What a tie means, for every view: the earliest's date does not set it apart from another source's. */
export const TIE_NOTE = 'not earlier by date than another source: first by path';

/** "publication date", "publication date, then file time" … for a cluster's bases. */
export function describeBases(bases: readonly DateBasis[]): string {
  const known = bases.filter((b) => b !== 'unknown');
  if (known.length === 0) return 'no dates known: order by path';
  return known.map((b) => BASIS_WORDS[b]).join(', then ') + (bases.includes('unknown') ? ' (undated sources last)' : '');
}

/** White space runs as one space, trimmed. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Whether `run` occurs as a contiguous run of `words`. */
function containsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
