import * as assert from 'assert';
import type { AnnotatedSource, Annotation } from '../../../src/core/annotations/model';
import { krippendorffAlpha, type UnitValues } from '../../../src/core/agreement/alpha';
import { cohenKappaOfPairs } from '../../../src/core/agreement/kappa';
import { agreementJson, agreementMarkdown, agreementText } from '../../../src/core/agreement/render';
import { computeAgreement } from '../../../src/core/agreement/report';
import { unitizingAlpha } from '../../../src/core/agreement/unitizing';
import { wordsOf } from '../../../src/core/agreement/words';

const counter = { serial: 0 };
function ann(author: string, text: string, start: number, end: number, tags: string[], extra: Partial<Annotation> = {}): Annotation {
  return {
    id: `a-${++counter.serial}`,
    target: { exact: [...text].slice(start, end).join(''), prefix: '', suffix: '', start, end },
    note: '',
    tags,
    author,
    created: '2026-11-30T10:00:00.000Z',
    modified: '2026-11-30T10:00:00.000Z',
    ...extra,
  };
}

const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} is not ${b}`);

describe('agreement report: word units, per tag and overall, places', () => {
  const text = 'one two three four five six';
  //            0   4   8     14   19   24

  it('a hand-computed case of two coders: agreement 5/6, kappa 8/14, alpha 1 - (1/6)/(54/132)', () => {
    const s: AnnotatedSource = {
      path: 'a.txt',
      text,
      annotations: [ann('alice', text, 4, 13, ['claim']), ann('bob', text, 8, 13, ['claim']), ann('bob', text, 24, 27, ['quote'])],
    };
    const r = computeAgreement([s]);
    assert.deepStrictEqual(r.coders, ['alice', 'bob']);
    const claim = r.tags.find((t) => t.tag === 'claim')!;
    assert.strictEqual(claim.words, 6);
    close(claim.agreement, 5 / 6, 'agreement');
    close(claim.kappa!, 8 / 14, 'kappa');
    close(claim.alpha, 1 - 1 / 6 / (54 / 132), 'alpha');
    const quote = r.tags.find((t) => t.tag === 'quote')!;
    close(quote.agreement, 5 / 6, 'quote agreement');
    // overall pools 12 units (6 words x 2 tags)
    assert.strictEqual(r.overall.words, 12);
    close(r.overall.agreement, 10 / 12, 'overall agreement');
    // places: the claim spans differ; alice has nothing where bob quoted
    const places = r.perSource[0].places;
    assert.deepStrictEqual(places.map((p) => [p.start, p.end, p.kinds]), [[4, 13, ['span']], [24, 27, ['missing']]]);
    assert.deepStrictEqual(places[1].missing, ['alice']);
    assert.strictEqual(r.openDisagreements, 2);
    // unitizing alpha of the claim = u-alpha of the spans on this one source
    close(claim.unitizing.alpha, unitizingAlpha([[{ start: 4, end: 13 }], [{ start: 8, end: 13 }]], 0, [...text].length).alpha, 'u-alpha');
  });

  it('agreeing coders give 1 everywhere and no places; an adjudicated annotation is not a coder and settles its place', () => {
    const a1 = ann('alice', text, 4, 13, ['claim']);
    const b1 = ann('bob', text, 4, 13, ['claim']);
    const same = computeAgreement([{ path: 'a.txt', text, annotations: [a1, b1] }]);
    assert.strictEqual(same.tags[0].alpha, 1);
    assert.strictEqual(same.tags[0].kappa, 1);
    assert.strictEqual(same.tags[0].unitizing.alpha, 1);
    assert.strictEqual(same.openDisagreements, 0);

    const b2 = ann('bob', text, 8, 13, ['claim']);
    const adj = ann('judge', text, 4, 13, ['claim'], { adjudicated: { from: [a1.id, b2.id], by: 'judge', at: '2026-11-30T11:00:00.000Z' } });
    const r = computeAgreement([{ path: 'a.txt', text, annotations: [a1, b2, adj] }]);
    assert.deepStrictEqual(r.coders, ['alice', 'bob'], 'the adjudicator is not a coder');
    assert.strictEqual(r.perSource[0].places.length, 1);
    assert.strictEqual(r.perSource[0].places[0].resolvedBy, adj.id);
    assert.strictEqual(r.openDisagreements, 0);
    assert.strictEqual(r.adjudicatedAnnotations, 1);
  });

  it('with --tag and --coder only those count; coverage still comes from any annotation', () => {
    const s: AnnotatedSource = {
      path: 'a.txt',
      text,
      annotations: [ann('alice', text, 0, 3, ['other']), ann('bob', text, 8, 13, ['claim']), ann('carol', text, 8, 13, ['claim'])],
    };
    const r = computeAgreement([s], { tags: ['claim'], coders: ['alice', 'bob'] });
    assert.deepStrictEqual(r.coders, ['alice', 'bob']);
    assert.deepStrictEqual(r.tags.map((t) => t.tag), ['claim']);
    assert.strictEqual(r.tags[0].words, 6, 'alice covered the source (with another tag): her 0s count');
    assert.deepStrictEqual(r.perSource[0].places.map((p) => p.kinds), [['missing']]);
  });

  it('word units and kappa pairs agree with alpha and kappa computed from the explicit unit matrix (random data, missing coders)', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const coders = ['a', 'b', 'c'];
    const tags = ['x', 'y'];
    for (let round = 0; round < 20; round++) {
      const sources: AnnotatedSource[] = [];
      for (let k = 0; k < 4; k++) {
        const t = Array.from({ length: 30 }, () => 'w'.repeat(1 + rnd(4))).join(' ');
        const annotations: Annotation[] = [];
        for (const c of coders) {
          if (rnd(4) === 0) continue; // this coder did not cover the source
          for (let n = 1 + rnd(3); n > 0; n--) {
            const s0 = rnd(t.length - 1);
            annotations.push(ann(c, t, s0, Math.min(t.length, s0 + 1 + rnd(20)), [tags[rnd(2)]]));
          }
        }
        sources.push({ path: `s${k}.txt`, text: t, annotations });
      }
      const r = computeAgreement(sources);
      // explicit units: (source, word, tag) x coder
      const units: UnitValues[] = [];
      const pairA: Array<number | null> = [];
      const pairB: Array<number | null> = [];
      for (const s of sources) {
        const covering = r.coders.map((c) => s.annotations.some((a) => a.author === c));
        if (covering.filter(Boolean).length < 2) continue;
        const w = wordsOf(s.text);
        for (const tag of r.tags.map((x) => x.tag!)) {
          for (let i = 0; i < w.count; i++) {
            const vals = r.coders.map((c, ci) => (covering[ci] ? (s.annotations.some((a) => a.author === c && a.tags.includes(tag) && a.target.start < w.ends[i] && w.starts[i] < a.target.end) ? 1 : 0) : null));
            units.push(vals);
            pairA.push(vals[0]);
            pairB.push(vals[1]);
          }
        }
      }
      const expected = krippendorffAlpha(units);
      if (Number.isNaN(expected.alpha)) assert.ok(Number.isNaN(r.overall.alpha));
      else close(r.overall.alpha, expected.alpha, `round ${round}: overall alpha`);
      assert.strictEqual(r.overall.words, expected.pairableUnits);
      if (r.coders.length >= 2) {
        const k = cohenKappaOfPairs(pairA, pairB);
        const p = r.overall.pairs[0];
        if (Number.isNaN(k.kappa)) assert.ok(Number.isNaN(p.kappa));
        else close(p.kappa, k.kappa, `round ${round}: kappa of the first pair`);
      }
    }
  });

  it('renders text, Markdown with user content escaped, and JSON with null for undefined figures', () => {
    const evil = 'x](command:workbench.action.quit) <img src=https://e.invalid/a.png>';
    const s: AnnotatedSource = {
      path: 'a.txt',
      text,
      annotations: [ann('alice', text, 4, 13, ['claim'], { note: evil }), ann('bob<script>', text, 8, 13, ['claim'])],
    };
    const r = computeAgreement([s]);
    const md = agreementMarkdown(r, 'Agreement');
    assert.ok(!/(^|[^\\])\]\(command:/.test(md), md);
    assert.ok(!/(^|[^\\])<img/.test(md), md);
    assert.ok(md.includes('\\<img'), 'the note is shown, escaped');
    assert.ok(!md.includes('<script>') || md.includes('`bob<script>`'), 'names only inside code spans');
    const txt = agreementText(r);
    assert.match(txt, /claim\s+2\s+6\s+83\.3%/);
    assert.match(txt, /line 1, 4-13: spans differ/);
    const json = JSON.parse(agreementJson(computeAgreement([{ path: 'b.txt', text, annotations: [ann('alice', text, 0, 3, ['x'])] }]))) as { version: number; overall: { alpha: unknown } };
    assert.strictEqual(json.version, 1);
    assert.strictEqual(json.overall.alpha, null);
  });

  it('counts words in code points across astral characters', () => {
    const w = wordsOf('😀 ab 😀cd');
    assert.deepStrictEqual([...w.starts], [2, 6]);
    assert.deepStrictEqual([...w.ends], [4, 8]);
  });
});
