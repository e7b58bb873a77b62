/**
 * Krippendorff's alpha for coding data (Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", 2011), through the coincidence matrix:
 *
 *   alpha = 1 - D_o / D_e
 *   D_o = (1/n) * sum_c sum_k o_ck * delta2(c, k)
 *   D_e = 1/(n(n-1)) * sum_c sum_k n_c * n_k * delta2(c, k)
 *
 * where o_ck = sum over units u of (number of ordered c-k pairs of values from different coders
 * in u) / (m_u - 1), m_u the number of values in u, n_c = sum_k o_ck and n = sum_c n_c. Units
 * with fewer than two values are not pairable and are left out, which is how alpha handles
 * missing data. Pure: no I/O.
 */

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One unit's values, one per coder; null or undefined where that coder gave none (missing). */
export type UnitValues = ReadonlyArray<string | number | null | undefined>;

export interface AlphaResult {
  /** NaN when there are no pairable values or no variation at all (D_e = 0). */
  readonly alpha: number;
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  /** Number of pairable values (n). */
  readonly pairableValues: number;
  /** Units with at least two values. */
  readonly pairableUnits: number;
  /** Pairwise percentage agreement: sum_c o_cc / n (1 - D_o for nominal data). */
  readonly agreement: number;
}

/** A coincidence matrix over sorted values. */
export interface Coincidences {
  readonly values: readonly (string | number)[];
  /** o[c][k], indices into `values`. */
  readonly o: readonly (readonly number[])[];
  readonly pairableUnits: number;
}

/** The coincidence matrix of reliability data given unit by unit. */
export function coincidences(units: readonly UnitValues[]): Coincidences {
  const index = new Map<string | number, number>();
  const present: Array<Array<string | number>> = [];
  for (const u of units) {
    const vs = u.filter((v): v is string | number => v !== null && v !== undefined);
    present.push(vs);
    for (const v of vs) if (!index.has(v)) index.set(v, index.size);
  }
  const values = [...index.keys()].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  values.forEach((v, i) => index.set(v, i));
  const o = values.map(() => values.map(() => 0));
  let pairableUnits = 0;
  for (const vs of present) {
    const m = vs.length;
    if (m < 2) continue;
    pairableUnits++;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i !== j) o[index.get(vs[i])!][index.get(vs[j])!] += 1 / (m - 1);
      }
    }
  }
  return { values, o, pairableUnits };
}

/** Alpha from a coincidence matrix, with the difference function of the metric. */
export function alphaFromCoincidences(c: Coincidences, metric: AlphaMetric = 'nominal'): AlphaResult {
  const k = c.values.length;
  const nc = c.o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta = differenceFunction(c.values, nc, metric);
  let dO = 0;
  let dE = 0;
  let agree = 0;
  for (let a = 0; a < k; a++) {
    agree += c.o[a][a];
    for (let b = 0; b < k; b++) {
      const d = delta(a, b);
      dO += c.o[a][b] * d;
      dE += nc[a] * nc[b] * d;
    }
  }
  const observedDisagreement = n > 0 ? dO / n : NaN;
  const expectedDisagreement = n > 1 ? dE / (n * (n - 1)) : NaN;
  const alpha = expectedDisagreement > 0 ? 1 - observedDisagreement / expectedDisagreement : NaN;
  return { alpha, observedDisagreement, expectedDisagreement, pairableValues: n, pairableUnits: c.pairableUnits, agreement: n > 0 ? agree / n : NaN };
}

/** Krippendorff's alpha of reliability data given unit by unit (values per coder, null for missing). */
export function krippendorffAlpha(units: readonly UnitValues[], metric: AlphaMetric = 'nominal'): AlphaResult {
  return alphaFromCoincidences(coincidences(units), metric);
}

function differenceFunction(values: readonly (string | number)[], nc: readonly number[], metric: AlphaMetric): (a: number, b: number) => number {
  if (metric === 'nominal') return (a, b) => (a === b ? 0 : 1);
  const nums = values.map((v) => {
    const x = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(x)) throw new Error(`the ${metric} metric needs numbers (got '${String(v)}')`);
    return x;
  });
  if (metric === 'interval') return (a, b) => (nums[a] - nums[b]) ** 2;
  if (metric === 'ratio') return (a, b) => (nums[a] + nums[b] === 0 ? 0 : ((nums[a] - nums[b]) / (nums[a] + nums[b])) ** 2);
  // ordinal: (sum_{g=c..k} n_g - (n_c + n_k)/2)^2, over values in rank order (they are sorted).
  const cum = [0];
  for (const x of nc) cum.push(cum[cum.length - 1] + x);
  return (a, b) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    return (cum[hi + 1] - cum[lo] - (nc[a] + nc[b]) / 2) ** 2;
  };
}

/**
 * The coincidences of binary (0/1) data, accumulated unit by unit without building units: a unit
 * with m values of which `ones` are 1 adds ones(ones-1)/(m-1) to o11, zeros(zeros-1)/(m-1) to
 * o00 and ones*zeros/(m-1) to o01 and to o10. What the word units of the agreement report use.
 */
export class BinaryCoincidences {
  o00 = 0;
  o11 = 0;
  o01 = 0;
  pairableUnits = 0;

  /** `count` units, each with `m` values of which `ones` are 1. */
  add(m: number, ones: number, count = 1): void {
    if (m < 2 || count <= 0) return;
    const zeros = m - ones;
    this.o11 += (count * ones * (ones - 1)) / (m - 1);
    this.o00 += (count * zeros * (zeros - 1)) / (m - 1);
    this.o01 += (count * ones * zeros) / (m - 1);
    this.pairableUnits += count;
  }

  addAll(other: BinaryCoincidences): void {
    this.o00 += other.o00;
    this.o11 += other.o11;
    this.o01 += other.o01;
    this.pairableUnits += other.pairableUnits;
  }

  result(): AlphaResult {
    return alphaFromCoincidences({ values: [0, 1], o: [[this.o00, this.o01], [this.o01, this.o11]], pairableUnits: this.pairableUnits }, 'nominal');
  }
}
