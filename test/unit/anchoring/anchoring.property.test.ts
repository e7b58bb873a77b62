import * as assert from 'assert';
import fc from 'fast-check';
import { Anchorer, UNIQUE_QUOTE, makeTarget } from '../../../src/core/anchoring/anchor';
import { applyEditsToSpans, applyEditsToText, type TextEdit } from '../../../src/core/anchoring/edits';
import { loadApproxSearch, type ApproxSearch } from '../../../src/core/anchoring/matcher';
import { OffsetMap } from '../../../src/core/text/offsets';

/**
 * Property tests of anchoring under random edits. The truth comes from a separate model: every
 * UTF-16 unit of the text carries the index it had in the original ("provenance"); inserted text
 * has none. A span survives when its original units are all still there, contiguous, in order.
 */
interface Unit {
  readonly c: string;
  readonly o: number;
}

type EditSpec =
  | { kind: 'insert' | 'delete' | 'replace'; where: 'before' | 'inside' | 'after' | 'start' | 'end' | 'anywhere'; a: number; len: number; text: string }
  | { kind: 'move'; a: number; b: number };

const lower = 'abcdefghijklmnopqrstuvwxyz';
/**
 * Documents are random words made by a seeded PRNG rather than by fast-check's shrinkable
 * characters: shrinking would otherwise produce "aa aa aa", where every place is as good as any
 * other and "the right place" means nothing. Paragraphs are separated by CRLF CRLF; words may hold
 * é and 😀 (astral), so UTF-16 units and code points differ.
 */
const document = fc.record({ seed: fc.integer(), paragraphs: fc.integer({ min: 3, max: 8 }) }).map(({ seed, paragraphs }) => {
  let x = seed | 0;
  const rand = (n: number): number => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
  const ps: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const words: string[] = [];
    const count = 8 + rand(23);
    for (let w = 0; w < count; w++) {
      let word = '';
      const len = 2 + rand(8);
      for (let c = 0; c < len; c++) {
        const r = rand(60);
        word += r === 0 ? '😀' : r === 1 ? 'é' : lower[r % 26];
      }
      words.push(word);
    }
    ps.push(words.join(' '));
  }
  return ps.join('\r\n\r\n');
});
// Inserted text never uses the source's characters, so it can never re-create a quote.
const inserted = fc.array(fc.constantFrom('X', 'Y', 'Z', '7', ' ', '🚀', '\r\n'), { minLength: 1, maxLength: 25 }).map((cs) => cs.join(''));
const editSpec: fc.Arbitrary<EditSpec> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const),
    where: fc.constantFrom('before' as const, 'inside' as const, 'after' as const, 'start' as const, 'end' as const, 'anywhere' as const),
    a: fc.nat({ max: 1_000_000 }),
    len: fc.integer({ min: 1, max: 40 }),
    text: inserted,
  }),
  fc.record({ kind: fc.constant('move' as const), a: fc.nat({ max: 100 }), b: fc.nat({ max: 100 }) }),
);

function unitsOf(text: string): Unit[] {
  return text.split('').map((c, o) => ({ c, o }));
}

function textOf(units: readonly Unit[]): string {
  return units.map((u) => u.c).join('');
}

/** Round a UTF-16 offset down to a code-point boundary of `units`. */
function snap(units: readonly Unit[], i: number): number {
  let k = Math.max(0, Math.min(units.length, i));
  if (k > 0 && k < units.length && /[\udc00-\udfff]/.test(units[k].c) && /[\ud800-\udbff]/.test(units[k - 1].c)) k--;
  return k;
}

/** Where the original span [s, e) is now, by provenance. */
function locate(units: readonly Unit[], s: number, e: number): { start: number; end: number } | undefined {
  const at = units.findIndex((u) => u.o === s);
  if (at < 0) return undefined;
  for (let k = 0; k < e - s; k++) if (units[at + k]?.o !== s + k) return undefined;
  return { start: at, end: at + (e - s) };
}

/**
 * Turn a spec into concrete TextEdits against the current units, and apply them to the model.
 * `keepMoved`: a moved paragraph keeps its provenance (outside edit: git, another editor); when
 * false its units count as new (what an editor's delete + insert events tell us).
 */
function apply(units: Unit[], span: { s: number; e: number }, spec: EditSpec, keepMoved: boolean): { units: Unit[]; edits: TextEdit[] } {
  if (spec.kind === 'move') {
    const text = textOf(units);
    const seps: number[] = [0];
    for (let i = text.indexOf('\r\n\r\n'); i >= 0; i = text.indexOf('\r\n\r\n', i + 1)) seps.push(i + 4);
    if (seps.length < 2) return { units, edits: [] };
    const p = seps[spec.a % seps.length];
    const nextSep = seps.find((x) => x > p);
    const end = nextSep === undefined ? units.length : nextSep; // paragraph plus its separator
    const cut = units.slice(p, end);
    const rest = [...units.slice(0, p), ...units.slice(end)];
    const restText = textOf(rest);
    const targets: number[] = [0];
    for (let i = restText.indexOf('\r\n\r\n'); i >= 0; i = restText.indexOf('\r\n\r\n', i + 1)) targets.push(i + 4);
    const to = targets[spec.b % targets.length];
    const moved = keepMoved ? cut : cut.map((u) => ({ c: u.c, o: -1 }));
    const out = [...rest.slice(0, to), ...moved, ...rest.slice(to)];
    const edits: TextEdit[] = [
      { rangeOffset: p, rangeLength: end - p, text: '' },
      { rangeOffset: to, rangeLength: 0, text: textOf(cut) },
    ];
    return { units: out, edits };
  }
  const cur = locate(units, span.s, span.e);
  const n = units.length;
  let base: number;
  const a = spec.a;
  const s = cur?.start ?? 0;
  const e = cur?.end ?? 0;
  switch (spec.where) {
    case 'before':
      base = s === 0 ? 0 : a % (s + 1);
      break;
    case 'inside':
      base = e > s ? s + (a % (e - s)) : a % (n + 1);
      break;
    case 'after':
      base = e + (a % (n - e + 1));
      break;
    case 'start':
      base = Math.max(0, s - (a % 3));
      break;
    case 'end':
      base = e + (a % 3) - 1;
      break;
    case 'anywhere':
      base = a % (n + 1);
      break;
  }
  const o = snap(units, base);
  const len = spec.kind === 'insert' ? 0 : snap(units, o + spec.len) - o;
  const text = spec.kind === 'delete' ? '' : spec.text;
  const out = [...units.slice(0, o), ...text.split('').map((c) => ({ c, o: -1 })), ...units.slice(o + len)];
  return { units: out, edits: [{ rangeOffset: o, rangeLength: len, text }] };
}

/** A span of 10..40 units at code-point boundaries, not starting or ending with a space. */
function pickSpan(text: string, a: number, len: number): { s: number; e: number } | undefined {
  const units = unitsOf(text);
  const s = snap(units, a % Math.max(1, text.length - 12));
  const e = snap(units, Math.min(text.length, s + len));
  if (e - s < 10) return undefined;
  return { s, e };
}

describe('anchoring (property-based)', function () {
  this.timeout(60_000);
  let search: ApproxSearch;
  before(async () => {
    search = await loadApproxSearch();
  });

  it('an unchanged text anchors every annotation by position', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.integer({ min: 10, max: 40 }), (text, a, len) => {
        const span = pickSpan(text, a, len);
        if (!span) return;
        const map = new OffsetMap(text);
        const target = makeTarget(text, map, span.s, span.e);
        const r = new Anchorer(text, search).anchor(target, true);
        assert.ok(r.status === 'anchored' && r.method === 'position' && r.start16 === span.s && r.end16 === span.e && !r.changed);
      }),
      { numRuns: 100, seed: 4 },
    );
  });

  it('outside edits: surviving text is found at the right place, vanished text orphans, never a wrong place', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.integer({ min: 10, max: 40 }), fc.array(editSpec, { minLength: 1, maxLength: 4 }), (text, a, len, specs) => {
        const span = pickSpan(text, a, len);
        if (!span) return;
        const target = makeTarget(text, new OffsetMap(text), span.s, span.e);
        let units = unitsOf(text);
        for (const spec of specs) units = apply(units, span, spec, true).units;
        const newText = textOf(units);
        const r = new Anchorer(newText, search).anchor(target, false);
        const truth = locate(units, span.s, span.e);
        if (truth) {
          // How much of each side's stored context is still in place, by provenance.
          let before = 0;
          let after = 0;
          for (let k = 1; k <= target.prefix.length; k++) if (units[truth.start - k]?.o === span.s - k) before++;
          for (let k = 0; k < target.suffix.length; k++) if (units[truth.end + k]?.o === span.e + k) after++;
          const contextKept = before >= 0.75 * target.prefix.length && target.prefix.length > 0 || (after >= 0.75 * target.suffix.length && target.suffix.length > 0);
          if (r.status === 'orphan') {
            // Allowed only for a short quote whose surroundings are gone on both sides.
            assert.ok(!contextKept && target.exact.length < UNIQUE_QUOTE, `surviving text was orphaned\n${JSON.stringify({ target, specs, before, after })}`);
            return;
          }
          assert.deepStrictEqual({ s: r.start16, e: r.end16 }, { s: truth.start, e: truth.end }, JSON.stringify({ target, specs }));
          assert.strictEqual(newText.slice(r.start16, r.end16), target.exact);
          return;
        }
        if (r.status === 'orphan') return;
        // A fuzzy anchor must sit on what is left of the original span, never elsewhere.
        const origInside = units.slice(r.start16, r.end16).filter((u) => u.o >= span.s && u.o < span.e).length;
        assert.ok(origInside > 0, `anchored in a wrong place: ${JSON.stringify(newText.slice(r.start16, r.end16))} for ${JSON.stringify(target.exact)}`);
        // (A fuzzy match of a quote cut by the edits may take in a few neighbouring characters; an
        // exact one may use an inserted character identical to the one it displaced.)
        const survivors = units.filter((u) => u.o >= span.s && u.o < span.e).length;
        assert.ok(survivors > 0, 'vanished text must orphan');
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('editor edits move spans with their text; a span whose text is all gone collapses', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.integer({ min: 10, max: 40 }), fc.array(editSpec, { minLength: 1, maxLength: 5 }), (text, a, len, specs) => {
        const span = pickSpan(text, a, len);
        if (!span) return;
        let units = unitsOf(text);
        let cur = text;
        const edits: TextEdit[] = [];
        for (const spec of specs) {
          const r = apply(units, span, spec, false);
          units = r.units;
          edits.push(...r.edits);
        }
        cur = applyEditsToText(cur, edits);
        assert.strictEqual(cur, textOf(units), 'the edits describe the model');
        const [moved] = applyEditsToSpans([{ start: span.s, end: span.e }], edits);
        const survivors = units.map((u, i) => ({ u, i })).filter((x) => x.u.o >= span.s && x.u.o < span.e);
        if (moved.collapsed) {
          // Collapsed only when the text really went (a paragraph move is a delete, then an insert).
          assert.ok(survivors.length === 0 || specs.some((x) => x.kind === 'move'), 'collapsed while original text survives');
          return;
        }
        if (survivors.length === 0) {
          // Nothing original is left: the span can only hold text typed inside it since.
          for (let i = moved.start; i < moved.end; i++) assert.strictEqual(units[i].o, -1, 'a span without original text holds only new text');
        }
        for (const x of survivors) assert.ok(x.i >= moved.start && x.i < moved.end, 'every surviving character stays inside the span');
        for (let i = moved.start; i < moved.end; i++) {
          const o = units[i].o;
          assert.ok(o === -1 || (o >= span.s && o < span.e), 'nothing from outside the original span gets in');
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
