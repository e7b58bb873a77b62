import type { QuoteCluster, WordDiff } from '../analysis/types';
import { compareDatings, describeDating, type DateBasis, type SourceDating } from './dating';
import type { Provenance } from './model';
import { describeBases, quoteOrigin, TIE_NOTE, WORDING_LABELS, type QuoteOrigin, type Wording } from './origins';

/**
 * The origins of a workspace's shared quotes, as `source-annotator quotes` prints them and the
 * Markdown report lists them: every cluster with mentions in more than one source, earliest
 * first, with each later mention's wording against the earliest.
 */
export interface QuoteOriginsJson {
  quotes: Array<{
    id: string;
    /** The earliest mention's words. */
    text: string;
    altered: boolean;
    /** The earliest source cannot be told apart by date from another (same day): it is first by path. */
    tie: boolean;
    /** The bases the order rests on, strongest first. */
    orderedBy: DateBasis[];
    sources: number;
    mentions: Array<{
      path: string;
      /** Code points, end exclusive. */
      start: number;
      end: number;
      text: string;
      wording: Wording | 'earliest';
      date: string | null;
      dateBasis: DateBasis;
      title: string | null;
      outlet: string | null;
      url: string | null;
      diff?: WordDiff[];
    }>;
  }>;
}

export interface OriginInputs {
  readonly clusters: readonly QuoteCluster[];
  readonly dating: (path: string) => SourceDating;
  readonly provenance: (path: string) => Provenance | undefined;
  /** UTF-16 offset of a mention to code points (the CLI's unit). */
  readonly toCodePoint?: (path: string, utf16: number) => number;
  readonly textOf?: (path: string, start: number, end: number) => string | undefined;
}

/** The origins of the clusters found in more than one source, earliest first (then by path). */
export function sharedQuoteOrigins(inputs: Pick<OriginInputs, 'clusters' | 'dating' | 'textOf'>): QuoteOrigin[] {
  const out: QuoteOrigin[] = [];
  for (const c of inputs.clusters) {
    if (new Set(c.mentions.map((m) => m.path)).size < 2) continue;
    out.push(quoteOrigin(c, inputs.dating, inputs.textOf));
  }
  return out.sort((a, b) => {
    const x = a.mentions[0];
    const y = b.mentions[0];
    return compareDatings(x.dating, y.dating) || (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start);
  });
}

export function originsJson(origins: readonly QuoteOrigin[], inputs: Pick<OriginInputs, 'provenance' | 'toCodePoint'>): QuoteOriginsJson {
  const cp = inputs.toCodePoint ?? ((_p: string, n: number) => n);
  return {
    quotes: origins.map((o) => ({
      id: o.id,
      text: o.mentions[0].text,
      altered: o.altered,
      tie: o.tie,
      orderedBy: [...o.bases],
      sources: o.sources,
      mentions: o.mentions.map((m) => {
        const p = inputs.provenance(m.path);
        return {
          path: m.path,
          start: cp(m.path, m.start),
          end: cp(m.path, m.end),
          text: m.text,
          wording: m.wording,
          date: m.dating.label === '' ? null : m.dating.label,
          dateBasis: m.dating.basis,
          title: p?.title ?? null,
          outlet: p?.outlet ?? null,
          url: p?.url ?? null,
          ...(m.diff ? { diff: [...m.diff] } : {}),
        };
      }),
    })),
  };
}

/** The plain-text listing of `quotes`: per quote its earliest source, then each later one with its wording. */
export function formatOrigins(json: QuoteOriginsJson): string {
  const lines: string[] = [];
  for (const q of json.quotes) {
    lines.push(`"${short(q.text, 90)}"  [${q.id}${q.altered ? ', ALTERED' : ''}] ${q.sources} sources, ordered by ${describeBases(q.orderedBy)}`);
    q.mentions.forEach((m, i) => {
      const who = [m.outlet, m.title ? `“${short(m.title, 50)}”` : null].filter((x) => x !== null).join(' ');
      const when = describeDating({ basis: m.dateBasis, label: m.date ?? '', time: 0, precision: 'day' });
      const head = `  ${i === 0 ? 'first' : 'later'}: ${m.path}:${m.start}-${m.end}${who ? ` (${who})` : ''}, ${when}`;
      if (i === 0) lines.push(head + (q.tie ? ` (${TIE_NOTE})` : ''));
      else lines.push(`${head}: ${WORDING_LABELS[m.wording]}${m.diff ? ` ${diffText(m.diff)}` : ''}`);
    });
  }
  const altered = json.quotes.filter((q) => q.altered).length;
  lines.push(`${json.quotes.length} shared quote(s), ${altered} with words changed`);
  return lines.join('\n') + '\n';
}

/** A word diff as text: [+added+] and [-dropped-], as `git diff --word-diff` writes it. */
export function diffText(diff: readonly WordDiff[]): string {
  return diff.map((d) => (d.op === 'same' ? d.words : d.op === 'added' ? `[+${d.words}+]` : `[-${d.words}-]`)).join(' ');
}

function short(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
