import { lowerBound } from '../text/binarySearch';

/**
 * Krippendorff's unitizing alpha (u-alpha) for one category on one continuum, as defined in
 * Krippendorff, "On the reliability of unitizing continuous data" (Sociological Methodology 25,
 * 1995) and in Content Analysis, 2nd ed. (2004), section 12.x: each coder divides the continuum
 * [begin, begin + length) into units of the category and gaps between them; for each coder's
 * section g and another coder's section h that overlap, the squared distance is
 *
 *   both units:                 (b_g - b_h)^2 + (e_g - e_h)^2
 *   a unit inside the other's gap:   l_unit^2
 *   otherwise (gap/gap, a unit only partly in a gap): 0
 *
 *   uD_o = sum over ordered coder pairs i != j, sections g of i, h of j of delta^2 / (m (m-1) L^2)
 *   uD_e = (2/L) * sum over units g (all coders) of
 *            [ (N - 1)(2 l_g^3 - 3 l_g^2 + l_g)/3 + l_g^2 * sum over gaps h with l_h >= l_g of (l_h - l_g + 1) ]
 *          / [ m L (m L - 1) - sum over units g of l_g (l_g - 1) ]
 *   u-alpha = 1 - uD_o / uD_e
 *
 * with m coders, L the length of the continuum, N the number of units of the category (all
 * coders) and gaps taken from every coder. Over several categories the disagreements add up
 * (alpha = 1 - sum uD_o / sum uD_e). Units of one coder must not overlap: overlapping ones are
 * joined (`normalizeUnits`); adjacent units stay two units. Pure: no I/O.
 */

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface UnitizingResult {
  /** NaN when uD_e = 0 (no unit of the category at all). */
  readonly alpha: number;
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  readonly units: number;
  readonly length: number;
  readonly coders: number;
}

interface Section {
  readonly start: number;
  readonly end: number;
  readonly unit: boolean;
}

/** Sorted, with overlapping units joined; empty and out-of-range parts dropped. */
export function normalizeUnits(units: readonly Span[], begin: number, end: number): Span[] {
  const sorted = units
    .map((u) => ({ start: Math.max(begin, u.start), end: Math.min(end, u.end) }))
    .filter((u) => u.end > u.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Array<{ start: number; end: number }> = [];
  for (const u of sorted) {
    const last = out[out.length - 1];
    if (last && u.start < last.end) last.end = Math.max(last.end, u.end);
    else out.push({ ...u });
  }
  return out;
}

function sections(units: readonly Span[], begin: number, end: number): Section[] {
  const out: Section[] = [];
  let pos = begin;
  for (const u of units) {
    if (u.start > pos) out.push({ start: pos, end: u.start, unit: false });
    out.push({ start: u.start, end: u.end, unit: true });
    pos = u.end;
  }
  if (pos < end) out.push({ start: pos, end, unit: false });
  return out;
}

/** The squared distance of two overlapping sections of two coders. */
export function sectionDistance(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? (g.end - g.start) ** 2 : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? (h.end - h.start) ** 2 : 0;
  return 0;
}

/** Sum of delta^2 over the overlapping sections of two coders (each unordered pair once). */
function pairDistance(a: readonly Section[], b: readonly Section[]): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.length && j < b.length) {
    const g = a[i];
    const h = b[j];
    if (g.start < h.end && h.start < g.end) sum += sectionDistance(g, h);
    if (g.end < h.end) i++;
    else if (h.end < g.end) j++;
    else {
      i++;
      j++;
    }
  }
  return sum;
}

/**
 * The disagreements of one category: `coders[i]` is coder i's units of the category (any order;
 * overlapping ones are joined) on the continuum [begin, begin + length).
 */
export function unitizingDisagreements(coders: readonly (readonly Span[])[], begin: number, length: number): { observed: number; expected: number; units: number } {
  const m = coders.length;
  const L = length;
  const end = begin + length;
  if (m < 2 || L <= 0) return { observed: NaN, expected: NaN, units: 0 };
  const norm = coders.map((u) => normalizeUnits(u, begin, end));
  const secs = norm.map((u) => sections(u, begin, end));
  let pairs = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairs += pairDistance(secs[i], secs[j]);
  const observed = (2 * pairs) / (m * (m - 1) * L * L);

  const lengths: number[] = [];
  const gaps: number[] = [];
  for (const s of secs) for (const x of s) (x.unit ? lengths : gaps).push(x.end - x.start);
  const N = lengths.length;
  gaps.sort((a, b) => a - b);
  // suffix sums over the sorted gaps: count and total length of the gaps from index k on.
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + gaps[k];
  let numerator = 0;
  let selfPairs = 0;
  for (const l of lengths) {
    const first = lowerBound(gaps, l);
    const count = gaps.length - first;
    const fits = suffix[first] - (l - 1) * count;
    numerator += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
    selfPairs += l * (l - 1);
  }
  const denominator = m * L * (m * L - 1) - selfPairs;
  const expected = denominator > 0 ? ((2 / L) * numerator) / denominator : NaN;
  return { observed, expected, units: N };
}

/** u-alpha of one category. */
export function unitizingAlpha(coders: readonly (readonly Span[])[], begin: number, length: number): UnitizingResult {
  const d = unitizingDisagreements(coders, begin, length);
  return { alpha: d.expected > 0 ? 1 - d.observed / d.expected : NaN, observedDisagreement: d.observed, expectedDisagreement: d.expected, units: d.units, length, coders: coders.length };
}

/** u-alpha over several categories: 1 - sum uD_o / sum uD_e (categories without units add nothing). */
export function unitizingAlphaOverall(perCategory: ReadonlyArray<{ readonly observed: number; readonly expected: number }>): number {
  let o = 0;
  let e = 0;
  for (const d of perCategory) {
    if (!(d.expected > 0)) continue;
    o += d.observed;
    e += d.expected;
  }
  return e > 0 ? 1 - o / e : NaN;
}
