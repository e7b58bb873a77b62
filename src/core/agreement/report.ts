import type { AnnotatedSource, Annotation } from '../annotations/model';
import { BinaryCoincidences } from './alpha';
import { cohenKappa } from './kappa';
import { unitizingAlphaOverall, unitizingDisagreements, type Span } from './unitizing';
import { codePointLength, firstWordEndingAfter, wordsOf } from './words';
import { findPlaces, type Place } from './places';

/**
 * Agreement of the coders (annotation authors) of a workspace, per tag and overall, and the
 * places where they disagree. The units are explicit:
 *
 * - A coder covers a source when they have at least one annotation in it (any tag). A source
 *   covered by fewer than two coders has nothing to compare and is left out.
 * - Word units (percentage agreement, Cohen's kappa, Krippendorff's alpha): every word of a
 *   covered source is one unit per tag; a coder's value is 1 when one of their annotations with
 *   that tag covers any part of the word, else 0, and missing when the coder did not cover the
 *   source (alpha takes missing values; kappa compares two coders on the sources both covered).
 *   "Overall" pools the units of every tag (one unit per word and tag).
 * - Unitizing alpha: per tag, each coder's spans with the tag, in code points, on the continuum
 *   made of the sources that every coder covered, one after the other.
 *
 * Adjudicated annotations are not a coder's work: they are left out of the figures and mark the
 * places they settle as resolved. Pure: no I/O.
 */

export interface AgreementOptions {
  /** Only these tags (default: every tag the coders used). */
  readonly tags?: readonly string[];
  /** Only these coders (default: every author of a non-adjudicated annotation). */
  readonly coders?: readonly string[];
}

export interface PairAgreement {
  readonly coders: readonly [string, string];
  /** Word units both coders coded (sources both covered). */
  readonly words: number;
  readonly agreement: number;
  readonly kappa: number;
}

export interface UnitizingFigures {
  readonly alpha: number;
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  /** Spans (units of the tag, overlapping spans of one coder joined) in the continuum. */
  readonly units: number;
  /** Sources every coder covered, which make the continuum. */
  readonly sources: number;
  /** Code points. */
  readonly length: number;
}

export interface TagAgreement {
  /** null for the overall row. */
  readonly tag: string | null;
  /** Coders' annotations with this tag (every tag for the overall row). */
  readonly annotations: number;
  /** Pairable word units (in sources covered by at least two coders). */
  readonly words: number;
  /** Pairwise percentage agreement on the word units, 0 to 1. */
  readonly agreement: number;
  /** Cohen's kappa when exactly two coders are compared, else null (see `pairs`). */
  readonly kappa: number | null;
  readonly pairs: readonly PairAgreement[];
  /** Krippendorff's alpha, nominal, on the word units with missing data. */
  readonly alpha: number;
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  readonly unitizing: UnitizingFigures;
}

export interface SourceAgreement {
  readonly path: string;
  /** Coders who covered it. */
  readonly coders: readonly string[];
  readonly words: number;
  /** Places where coders disagree, in text order (resolved ones included, marked). */
  readonly places: readonly Place[];
}

export interface AgreementReport {
  readonly coders: readonly string[];
  readonly tags: readonly TagAgreement[];
  readonly overall: TagAgreement;
  readonly sources: {
    readonly total: number;
    /** Covered by at least two coders. */
    readonly compared: number;
    /** Covered by every coder (the unitizing continuum). */
    readonly byAllCoders: number;
  };
  /** Sources covered by at least two coders, in path order. */
  readonly perSource: readonly SourceAgreement[];
  /** Places where coders disagree and no adjudicated annotation settles them. */
  readonly openDisagreements: number;
  readonly adjudicatedAnnotations: number;
}

interface PairTable {
  n11: number;
  n10: number;
  n01: number;
  /** Words of the sources both coders covered. */
  both: number;
}

class TagAccumulator {
  readonly alpha = new BinaryCoincidences();
  /** Touched words per number of coders m (the rest of the words are 0 for everyone). */
  readonly touched = new Map<number, number>();
  readonly pairs: PairTable[];
  annotations = 0;
  /** Per coder, the tag's spans on the unitizing continuum. */
  readonly spans: Span[][];

  constructor(coders: number) {
    this.pairs = Array.from({ length: (coders * (coders - 1)) / 2 }, () => ({ n11: 0, n10: 0, n01: 0, both: 0 }));
    this.spans = Array.from({ length: coders }, () => []);
  }
}

const pairIndex = (i: number, j: number, n: number): number => i * n - (i * (i + 1)) / 2 + (j - i - 1);

export function computeAgreement(sources: readonly AnnotatedSource[], options: AgreementOptions = {}): AgreementReport {
  const coderFilter = options.coders && options.coders.length > 0 ? new Set(options.coders) : undefined;
  const tagFilter = options.tags && options.tags.length > 0 ? new Set(options.tags) : undefined;
  const isCoded = (a: Annotation): boolean => a.adjudicated === undefined && (coderFilter === undefined || coderFilter.has(a.author));

  const coderSet = new Set<string>(coderFilter ?? []);
  const tagSet = new Set<string>(tagFilter ?? []);
  let adjudicatedAnnotations = 0;
  for (const s of sources) {
    for (const a of s.annotations) {
      if (a.adjudicated !== undefined) adjudicatedAnnotations++;
      if (!isCoded(a)) continue;
      coderSet.add(a.author);
      if (!tagFilter) for (const t of a.tags) tagSet.add(t);
    }
  }
  const coders = [...coderSet].sort(compare);
  const tags = [...tagSet].sort(compare);
  const C = coders.length;
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const acc = tags.map(() => new TagAccumulator(C));
  /** Words per number of covering coders m. */
  const wordsByM = new Map<number, number>();
  const bothWords = new Float64Array(Math.max(0, (C * (C - 1)) / 2));
  const perSource: SourceAgreement[] = [];
  let continuum = 0;
  let byAllCoders = 0;

  // Byte arrays for the word marks, reused from source to source (only the words a source's
  // annotations touched are set, and those are cleared after it): no garbage per source.
  const pool: Uint8Array[] = [];
  let pooled = 0;
  const scratch = (size: number): Uint8Array => {
    let b = pool[pooled];
    if (b === undefined || b.length < size) pool[pooled] = b = new Uint8Array(Math.max(size, 2 * (b?.length ?? 512)));
    pooled++;
    return b;
  };

  const ordered = [...sources].sort((a, b) => compare(a.path, b.path));
  for (const source of ordered) {
    const coded = source.annotations.filter(isCoded);
    const covering = [...new Set(coded.map((a) => coderIndex.get(a.author)!))].sort((a, b) => a - b);
    const m = covering.length;
    if (m < 2) {
      continue;
    }
    const words = wordsOf(source.text);
    const W = words.count;
    wordsByM.set(m, (wordsByM.get(m) ?? 0) + W);
    for (let x = 0; x < m; x++) for (let y = x + 1; y < m; y++) bothWords[pairIndex(covering[x], covering[y], C)] += W;
    const local = new Map(covering.map((c, k) => [c, k]));

    // Word marks per tag: one byte array per covering coder, made when needed, the number of
    // coders who marked each word, and the words marked by anyone (only those are visited).
    const marks = new Map<number, { perCoder: Array<Uint8Array | undefined>; ones: Uint8Array; touched: number[] }>();
    const all = m === C;
    if (all) byAllCoders++;
    for (const a of coded) {
      const ci = coderIndex.get(a.author)!;
      const k = local.get(ci)!;
      const tagsOf = a.tags.length <= 1 ? a.tags : [...new Set(a.tags)];
      for (const t of tagsOf) {
        const ti = tagIndex.get(t);
        if (ti === undefined) continue;
        acc[ti].annotations++;
        if (all) acc[ti].spans[ci].push({ start: continuum + a.target.start, end: continuum + a.target.end });
        let entry = marks.get(ti);
        if (!entry) marks.set(ti, (entry = { perCoder: new Array<Uint8Array | undefined>(m), ones: scratch(W), touched: [] }));
        const mk = (entry.perCoder[k] ??= scratch(W));
        for (let w = firstWordEndingAfter(words, a.target.start); w < W && words.starts[w] < a.target.end; w++) {
          if (mk[w] === 1) continue;
          mk[w] = 1;
          if (entry.ones[w]++ === 0) entry.touched.push(w);
        }
      }
    }
    for (const [ti, { perCoder, ones, touched }] of marks) {
      const t = acc[ti];
      for (const w of touched) {
        t.alpha.add(m, ones[w]);
        for (let x = 0; x < m; x++) {
          const vx = perCoder[x]?.[w] ?? 0;
          for (let y = x + 1; y < m; y++) {
            const vy = perCoder[y]?.[w] ?? 0;
            if (vx === 0 && vy === 0) continue;
            const p = t.pairs[pairIndex(covering[x], covering[y], C)];
            if (vx && vy) p.n11++;
            else if (vx) p.n10++;
            else p.n01++;
          }
        }
      }
      t.touched.set(m, (t.touched.get(m) ?? 0) + touched.length);
      // clear what this source set, for the next source
      for (const w of touched) {
        ones[w] = 0;
        for (const mk of perCoder) if (mk) mk[w] = 0;
      }
    }
    pooled = 0;
    if (all) continuum += codePointLength(source.text);

    const places = findPlaces(source, coded, covering.map((c) => coders[c]), tagFilter, source.annotations.filter((a) => a.adjudicated !== undefined));
    perSource.push({ path: source.path, coders: covering.map((c) => coders[c]), words: W, places });
  }

  const tagRows: TagAgreement[] = [];
  const overallAlpha = new BinaryCoincidences();
  const overallPairs: PairTable[] = bothWords.length > 0 ? Array.from(bothWords, () => ({ n11: 0, n10: 0, n01: 0, both: 0 })) : [];
  const unitizing: Array<{ observed: number; expected: number; units: number }> = [];
  let overallAnnotations = 0;
  for (let ti = 0; ti < tags.length; ti++) {
    const t = acc[ti];
    for (const [m, words] of wordsByM) t.alpha.add(m, 0, words - (t.touched.get(m) ?? 0));
    t.pairs.forEach((p, i) => {
      p.both = bothWords[i];
      const o = overallPairs[i];
      o.n11 += p.n11;
      o.n10 += p.n10;
      o.n01 += p.n01;
      o.both += p.both;
    });
    overallAlpha.addAll(t.alpha);
    overallAnnotations += t.annotations;
    const u = C >= 2 && continuum > 0 ? unitizingDisagreements(t.spans, 0, continuum) : { observed: NaN, expected: NaN, units: 0 };
    unitizing.push(u);
    tagRows.push(row(tags[ti], t.annotations, t.alpha, t.pairs, coders, u, byAllCoders, continuum));
  }
  let unitsAll = 0;
  let observedAll = 0;
  let expectedAll = 0;
  for (const u of unitizing) {
    if (!(u.expected > 0)) continue;
    unitsAll += u.units;
    observedAll += u.observed;
    expectedAll += u.expected;
  }
  const overall = row(null, overallAnnotations, overallAlpha, overallPairs, coders, { observed: observedAll, expected: expectedAll, units: unitsAll }, byAllCoders, continuum);
  const overallU = unitizingAlphaOverall(unitizing);
  return {
    coders,
    tags: tagRows,
    overall: { ...overall, unitizing: { ...overall.unitizing, alpha: overallU } },
    sources: { total: sources.length, compared: perSource.length, byAllCoders },
    perSource,
    openDisagreements: perSource.reduce((n, s) => n + s.places.filter((p) => p.resolvedBy === undefined).length, 0),
    adjudicatedAnnotations,
  };
}

function row(
  tag: string | null,
  annotations: number,
  alpha: BinaryCoincidences,
  pairs: readonly PairTable[],
  coders: readonly string[],
  u: { observed: number; expected: number; units: number },
  sources: number,
  length: number,
): TagAgreement {
  const a = alpha.result();
  const C = coders.length;
  const pairRows: PairAgreement[] = [];
  for (let i = 0; i < C; i++) {
    for (let j = i + 1; j < C; j++) {
      const p = pairs[pairIndex(i, j, C)];
      const n00 = p.both - p.n11 - p.n10 - p.n01;
      const k = cohenKappa([[n00, p.n01], [p.n10, p.n11]]);
      pairRows.push({ coders: [coders[i], coders[j]], words: p.both, agreement: k.observedAgreement, kappa: k.kappa });
    }
  }
  return {
    tag,
    annotations,
    words: a.pairableUnits,
    agreement: a.agreement,
    kappa: C === 2 ? pairRows[0].kappa : null,
    pairs: pairRows,
    alpha: a.alpha,
    observedDisagreement: a.observedDisagreement,
    expectedDisagreement: a.expectedDisagreement,
    unitizing: { alpha: u.expected > 0 ? 1 - u.observed / u.expected : NaN, observedDisagreement: u.observed, expectedDisagreement: u.expected, units: u.units, sources, length },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
