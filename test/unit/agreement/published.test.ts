import * as assert from 'assert';
import { BinaryCoincidences, krippendorffAlpha, type UnitValues } from '../../../src/core/agreement/alpha';
import { cohenKappa, cohenKappaOfPairs } from '../../../src/core/agreement/kappa';
import { sectionDistance, unitizingAlpha, unitizingAlphaOverall, unitizingDisagreements, type Span } from '../../../src/core/agreement/unitizing';

/**
 * The coefficients against the worked examples their authors published (data and results as
 * printed), not against our own numbers.
 */

const close = (actual: number, expected: number, tolerance: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not ${expected} ± ${tolerance}`);

/** Reliability data given observer by observer (rows), transposed to units. */
function byUnit(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): UnitValues[] {
  return rows[0].map((_, u) => rows.map((r) => r[u]));
}

describe('agreement: Krippendorff (2011), "Computing Krippendorff\'s Alpha-Reliability"', () => {
  it('A. binary data, two observers, no missing data: alpha = 0.095', () => {
    const r = krippendorffAlpha(byUnit([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]));
    close(r.alpha, 0.095, 0.0005, 'alpha');
    assert.strictEqual(r.pairableValues, 20);
    close(r.agreement, 0.6, 1e-12, 'percentage agreement (6 of 10 units)');
  });

  it('B. nominal data, two observers, no missing data: alpha = 0.692', () => {
    const r = krippendorffAlpha(byUnit([
      ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'],
      ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', 'd', 'd', 'd'],
    ]));
    close(r.alpha, 0.692, 0.0005, 'alpha');
  });

  // C. nominal data, any number of observers, missing data: 4 observers, 12 units.
  const C = byUnit([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ]);

  it('C. four observers, twelve units, missing data: nominal alpha = 0.743 over n = 40 pairable values', () => {
    const r = krippendorffAlpha(C, 'nominal');
    close(r.alpha, 0.743, 0.0005, 'nominal alpha');
    assert.strictEqual(r.pairableValues, 40, 'unit 12 has one value and is not pairable');
    assert.strictEqual(r.pairableUnits, 11);
  });

  it('C. the same data at the other levels the paper gives: ordinal 0.815, interval 0.849, ratio 0.797', () => {
    close(krippendorffAlpha(C, 'ordinal').alpha, 0.815, 0.0005, 'ordinal');
    close(krippendorffAlpha(C, 'interval').alpha, 0.849, 0.0005, 'interval');
    close(krippendorffAlpha(C, 'ratio').alpha, 0.797, 0.0005, 'ratio');
  });

  it('C. the values as category names give the same nominal alpha (nominal ignores what the values are)', () => {
    const names = C.map((u) => u.map((v) => (v === null ? null : `v${String(v)}`)));
    close(krippendorffAlpha(names).alpha, krippendorffAlpha(C).alpha, 1e-12, 'renamed');
  });

  it('the binary accumulator used on word units gives the paper\'s binary result (A)', () => {
    const acc = new BinaryCoincidences();
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    for (let i = 0; i < a.length; i++) acc.add(2, a[i] + b[i]);
    close(acc.result().alpha, 0.095, 0.0005, 'alpha');
  });
});

describe('agreement: Cohen (1960), "A coefficient of agreement for nominal scales"', () => {
  // Cohen's table (p. 45): 200 units, three categories, rows judge A, columns judge B.
  const table = [
    [88, 14, 18],
    [10, 40, 10],
    [2, 6, 12],
  ];

  it('p_o = .70, p_c = .41, kappa = .492', () => {
    const r = cohenKappa(table);
    close(r.observedAgreement, 0.7, 1e-12, 'p_o');
    close(r.expectedAgreement, 0.41, 1e-12, 'p_c');
    close(r.kappa, 0.492, 0.0005, 'kappa');
    assert.strictEqual(r.units, 200);
  });

  it('the same data given unit by unit', () => {
    const a: number[] = [];
    const b: number[] = [];
    table.forEach((row, i) => row.forEach((n, j) => { for (let k = 0; k < n; k++) { a.push(i); b.push(j); } }));
    close(cohenKappaOfPairs(a, b).kappa, 0.492, 0.0005, 'kappa');
  });

  it('Krippendorff (1995) digitised example A (Bertha and Bill, 24 positions): kappa .385, alpha .329', () => {
    const bertha = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const bill = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    close(cohenKappaOfPairs(bertha, bill).kappa, 0.385, 0.0005, 'kappa');
    close(krippendorffAlpha(byUnit([bertha, bill])).alpha, 0.329, 0.0005, 'alpha');
  });
});

describe('agreement: unitizing alpha, Krippendorff (2004) and (1995)', () => {
  const u = (start: number, length: number): Span => ({ start, end: start + length });

  it('the distances of sections worked out in Content Analysis (2004, p. 254)', () => {
    const unit = (start: number, length: number) => ({ start, end: start + length, unit: true });
    const gap = (start: number, length: number) => ({ start, end: start + length, unit: false });
    assert.strictEqual(sectionDistance(unit(225, 70), unit(220, 80)), 50);
    assert.strictEqual(sectionDistance(unit(370, 30), unit(355, 20)), 850);
    assert.strictEqual(sectionDistance(gap(400, 50), unit(400, 20)), 400);
    assert.strictEqual(sectionDistance(unit(5, 6), unit(4, 2)), 26);
    assert.strictEqual(sectionDistance(unit(5, 6), unit(6, 4)), 2);
    assert.strictEqual(sectionDistance(unit(5, 6), gap(4, 7)), 36, 'a unit inside the other coder\'s gap');
    assert.strictEqual(sectionDistance(unit(5, 6), gap(6, 7)), 0, 'a unit only partly in a gap');
  });

  it('the 2004 example (continuum 150-450, two observers, categories c and k): c 0.7286, k 1, both 0.8591', () => {
    // Krippendorff, Content Analysis, 2nd ed. (2004), p. 254; the values as DKPro Statistics'
    // Krippendorff2004Test checks them (uD_o(c) = 0.0144, uD_e(c) = 0.0532, uD_e(k) = 0.0490).
    const c = [[u(225, 70), u(370, 30)], [u(220, 80), u(355, 20), u(400, 20)]];
    const k = [[u(180, 60), u(300, 50)], [u(180, 60), u(300, 50)]];
    const dc = unitizingDisagreements(c, 150, 300);
    const dk = unitizingDisagreements(k, 150, 300);
    close(dc.observed, 0.0144, 0.00005, 'uD_o(c)');
    close(dc.expected, 0.0532, 0.00005, 'uD_e(c)');
    close(unitizingAlpha(c, 150, 300).alpha, 0.7286, 0.00005, 'u-alpha(c)');
    assert.strictEqual(dk.observed, 0);
    close(dk.expected, 0.049, 0.00005, 'uD_e(k)');
    assert.strictEqual(unitizingAlpha(k, 150, 300).alpha, 1);
    // 0.8591 is computed from the rounded disagreements; unrounded it is 0.85867 (DKPro allows 0.0005 too).
    close(unitizingAlphaOverall([dc, dk]), 0.8591, 0.0005, 'u-alpha over c and k');
  });

  it('the 1995 example (24 positions, four pairs of observers): observed disagreements', () => {
    // Krippendorff, "On the reliability of unitizing continuous data" (1995), p. 57; the
    // observed disagreements as DKPro Statistics' Krippendorff1995Test checks them. (Its expected
    // disagreements rest on a slip in the 1995 formula that the 2004 formula corrects, so they
    // are not compared here.)
    const A = [[u(2, 8), u(14, 6)], [u(4, 4), u(15, 2)]];
    const B = [[u(0, 18)], [u(0, 2), u(2, 1), u(3, 1), u(4, 1), u(5, 1), u(6, 3), u(9, 1)]];
    const C = [[u(2, 6), u(10, 2), u(14, 4), u(20, 2)], [u(0, 2), u(4, 4), u(10, 4), u(16, 2), u(20, 2)]];
    const D = [[u(0, 2), u(2, 8), u(10, 4), u(14, 6), u(20, 4)], [u(0, 4), u(4, 4), u(8, 7), u(15, 2), u(17, 7)]];
    close(unitizingDisagreements(A, 0, 24).observed, 0.03125, 0.000005, 'A');
    close(unitizingDisagreements(B, 0, 24).observed, 2.26736, 0.000005, 'B');
    close(unitizingDisagreements(C, 0, 24).observed, 0.02777, 0.00001, 'C (0.02777 is 1/36 cut after five places)');
    close(unitizingDisagreements(D, 0, 24).observed, 0.38715, 0.000005, 'D');
  });
});
