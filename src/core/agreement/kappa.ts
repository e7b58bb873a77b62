/**
 * Cohen's kappa for two coders (Cohen, "A coefficient of agreement for nominal scales", 1960):
 *
 *   kappa = (p_o - p_c) / (1 - p_c)
 *
 * with p_o the proportion of units on which the two coders agree (the diagonal of their
 * contingency table) and p_c = sum_i p_i. * p_.i, the agreement expected from each coder's own
 * marginal proportions. Pure: no I/O.
 */

export interface KappaResult {
  /** NaN when p_c = 1 (both coders used one and the same category throughout). */
  readonly kappa: number;
  readonly observedAgreement: number;
  readonly expectedAgreement: number;
  readonly units: number;
}

/** Kappa from a square contingency table: table[i][j] = units coder A put in category i and coder B in j. */
export function cohenKappa(table: readonly (readonly number[])[]): KappaResult {
  const k = table.length;
  for (const row of table) if (row.length !== k) throw new Error('the contingency table must be square');
  let n = 0;
  let diag = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = table[i][j];
      n += x;
      rows[i] += x;
      cols[j] += x;
      if (i === j) diag += x;
    }
  }
  if (n === 0) return { kappa: NaN, observedAgreement: NaN, expectedAgreement: NaN, units: 0 };
  const po = diag / n;
  let pc = 0;
  for (let i = 0; i < k; i++) pc += (rows[i] / n) * (cols[i] / n);
  return { kappa: pc < 1 ? (po - pc) / (1 - pc) : NaN, observedAgreement: po, expectedAgreement: pc, units: n };
}

/** Kappa of two coders' values unit by unit (units where either value is missing are left out). */
export function cohenKappaOfPairs(a: ReadonlyArray<string | number | null | undefined>, b: ReadonlyArray<string | number | null | undefined>): KappaResult {
  if (a.length !== b.length) throw new Error('both coders need a value (or null) for every unit');
  const cats = new Map<string | number, number>();
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    if (!cats.has(x)) cats.set(x, cats.size);
    if (!cats.has(y)) cats.set(y, cats.size);
    pairs.push([cats.get(x)!, cats.get(y)!]);
  }
  const table = [...cats.keys()].map(() => new Array<number>(cats.size).fill(0));
  for (const [i, j] of pairs) table[i][j]++;
  return cohenKappa(table);
}
