import type { AnnotationTarget } from '../annotations/model';
import { OffsetMap } from '../text/offsets';
import type { ApproxSearch } from './matcher';

/**
 * Re-anchoring annotations in a source text, after the text may have changed outside the editor.
 *
 * Order (Hypothesis's approach):
 *   1. position: the quote is still at its stored position (and, when the text's hash changed,
 *      its prefix or suffix still agrees);
 *   2. exact: the exact quote nearest the expected position whose context agrees;
 *   3. fuzzy: an approximate match of the quote (approx-string-match), scored with the prefix,
 *      the suffix and the distance to the expected position;
 *   otherwise the annotation is an orphan. It is never moved somewhere its context disagrees with.
 *
 * Targets are in code points (as stored); results carry both UTF-16 and code-point spans.
 */

/** Length of the stored prefix and suffix, in code points. */
export const CONTEXT_LENGTH = 32;
/** A quote at least this long (UTF-16 units) is trusted by its text alone when found exactly. */
export const LONG_QUOTE = 64;
/** A quote at least this long that occurs once is taken even when no context agrees. */
export const UNIQUE_QUOTE = 16;
/** Shorter quotes are never matched approximately. */
export const MIN_FUZZY_QUOTE = 8;
/** Lowest quote similarity (1 - errors / length) a fuzzy match may have. */
export const MIN_FUZZY_QUOTE_SCORE = 0.75;
/** Lowest quote similarity when only one side's context agrees. */
export const ONE_SIDED_FUZZY_QUOTE_SCORE = 0.85;
/** Lowest context agreement for an exact match away from the stored position. */
export const MIN_CONTEXT_SCORE = 0.5;

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export type AnchorResult =
  | {
      readonly status: 'anchored';
      readonly method: AnchorMethod;
      /** UTF-16 span in the new text. */
      readonly start16: number;
      readonly end16: number;
      /** The target re-computed against the new text (code points, fresh prefix and suffix). */
      readonly target: AnnotationTarget;
      /** True when `target` differs from the stored one (a write would change the sidecar). */
      readonly changed: boolean;
    }
  | { readonly status: 'orphan'; readonly reason: string };

/** Build a W3C-style target (code points) for a UTF-16 span of `text`. */
export function makeTarget(text: string, map: OffsetMap, start16: number, end16: number): AnnotationTarget {
  const start = map.toCodePoint(start16);
  const end = map.toCodePoint(Math.max(start16, end16));
  const s16 = map.toUtf16(start);
  const e16 = map.toUtf16(end);
  return {
    exact: text.slice(s16, e16),
    prefix: text.slice(map.toUtf16(start - CONTEXT_LENGTH), s16),
    suffix: text.slice(e16, map.toUtf16(end + CONTEXT_LENGTH)),
    start,
    end,
  };
}

export function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

/** Anchors targets against one text. Cheap to create; keeps the OffsetMap of the text. */
export class Anchorer {
  readonly map: OffsetMap;

  constructor(
    readonly text: string,
    private readonly search: ApproxSearch,
    map?: OffsetMap,
  ) {
    this.map = map ?? new OffsetMap(text);
  }

  /**
   * Anchor one target. `textUnchanged` says the text's hash equals the one stored with the
   * target; `hint16` is where the quote is expected (UTF-16), by default its stored start.
   */
  anchor(target: AnnotationTarget, textUnchanged: boolean, hint16?: number, options: { readonly fuzzy?: boolean } = {}): AnchorResult {
    const exact = target.exact;
    if (exact.length === 0) return { status: 'orphan', reason: 'the annotation has an empty quote' };
    const stored16 = this.map.toUtf16(target.start);
    const candidates = hint16 === undefined || hint16 === stored16 ? [stored16] : [hint16, stored16];
    for (const s of candidates) {
      if (this.text.startsWith(exact, s) && this.map.toUtf16(this.map.toCodePoint(s)) === s) {
        if (textUnchanged || exact.length >= LONG_QUOTE || this.contextOf(target, s, s + exact.length).best >= MIN_CONTEXT_SCORE) {
          return this.result('position', target, s, s + exact.length);
        }
      }
    }
    const expected = hint16 ?? stored16;
    const ex = this.findExact(target, expected);
    if (ex !== undefined) return this.result('exact', target, ex, ex + exact.length);
    const fz = options.fuzzy === false ? undefined : this.findFuzzy(target, expected);
    if (fz !== undefined) return this.result('fuzzy', target, fz.start, fz.end);
    return { status: 'orphan', reason: 'its quote is no longer in the source' };
  }

  /**
   * Anchor many targets (any order). Each is searched first where the previous one (by stored
   * position) moved to, so the common "text inserted above" case costs one comparison each.
   */
  anchorAll(targets: readonly AnnotationTarget[], textUnchanged: boolean): AnchorResult[] {
    const order = targets.map((_, i) => i).sort((a, b) => targets[a].start - targets[b].start || a - b);
    const out = new Array<AnchorResult>(targets.length);
    // The shift is kept in code points: stored starts are code points of the old text, and a
    // UTF-16 shift would drift by one at every astral character between two annotations.
    let delta = 0;
    for (const i of order) {
      const t = targets[i];
      const hint = this.map.toUtf16(clampInt(t.start + delta, 0, this.map.codePointLength));
      const r = this.anchor(t, textUnchanged, hint);
      if (r.status === 'anchored') delta = r.target.start - t.start;
      out[i] = r;
    }
    return out;
  }

  private result(method: AnchorMethod, old: AnnotationTarget, start16: number, end16: number): AnchorResult {
    const target = makeTarget(this.text, this.map, start16, end16);
    return { status: 'anchored', method, start16, end16, target, changed: !sameTarget(target, old) };
  }

  /** How well the text around [s, e) agrees with the stored prefix and suffix, each 0..1. */
  private contextOf(target: AnnotationTarget, s: number, e: number): { prefix: number; suffix: number; best: number; mean: number } {
    if (target.prefix.length === 0 && target.suffix.length === 0) {
      // No context stored (a hand-written entry, or a quote of the whole text): neutral.
      return { prefix: 0.5, suffix: 0.5, best: 0.5, mean: 0.5 };
    }
    // Windows twice the affix length, so that text inserted next to the quote only costs its
    // own length (as the gap between the quote and where the affix is found).
    const prefix = this.affixScore(target.prefix, this.text.slice(Math.max(0, s - 2 * target.prefix.length), s), s === 0, true);
    const suffix = this.affixScore(target.suffix, this.text.slice(e, e + 2 * target.suffix.length), e === this.text.length, false);
    return { prefix, suffix, best: Math.max(prefix, suffix), mean: (prefix + suffix) / 2 };
  }

  private affixScore(stored: string, actual: string, atEdge: boolean, isPrefix: boolean): number {
    if (stored.length === 0) return atEdge ? 1 : 0;
    if (isPrefix ? actual.endsWith(stored) : actual.startsWith(stored)) return 1;
    if (actual.length === 0) return 0;
    // The stored affix lay right against the quote: compare from that side.
    const matches = this.search(actual, stored, stored.length);
    let errors = stored.length;
    for (const m of matches) {
      // Count the unmatched tail (prefix) or head (suffix) of the window as errors too.
      const gap = isPrefix ? actual.length - m.end : m.start;
      errors = Math.min(errors, m.errors + gap);
    }
    // Unrelated text already matches a 32-character affix with about half of it wrong, so half
    // wrong scores 0 and every error counts double.
    return Math.max(0, 1 - (2 * errors) / stored.length);
  }

  private findExact(target: AnnotationTarget, expected: number): number | undefined {
    const exact = target.exact;
    const n = this.text.length;
    const long = exact.length >= LONG_QUOTE;
    let best: { at: number; score: number; dist: number } | undefined;
    const seen = new Set<number>();
    let scanned = 0;
    for (let w = 4096; ; w *= 4) {
      const lo = Math.max(0, expected - w);
      const hi = Math.min(n, expected + w + exact.length);
      // Search a slice, so that a miss costs the window and not the rest of the text.
      const hay = lo === 0 && hi === n ? this.text : this.text.slice(lo, hi);
      for (let j = hay.indexOf(exact); j >= 0; j = hay.indexOf(exact, j + 1)) {
        const at = lo + j;
        if (seen.has(at)) continue;
        seen.add(at);
        if (++scanned > 10_000) break;
        if (this.map.toUtf16(this.map.toCodePoint(at)) !== at) continue; // inside a surrogate pair
        const ctx = this.contextOf(target, at, at + exact.length);
        if (!long && ctx.best < MIN_CONTEXT_SCORE) continue;
        const dist = Math.abs(at - expected);
        if (!best || ctx.mean > best.score + 1e-9 || (Math.abs(ctx.mean - best.score) <= 1e-9 && dist < best.dist)) {
          best = { at, score: ctx.mean, dist };
        }
      }
      if (best && best.score >= 0.9) return best.at;
      if (scanned > 10_000 || (lo === 0 && hi === n)) break;
    }
    if (best) return best.at;
    // No context agrees (say the quote's paragraph moved and its neighbours changed): a quote of
    // UNIQUE_QUOTE or more units that occurs exactly once is still taken; shorter ones orphan.
    if (exact.length >= UNIQUE_QUOTE) {
      const first = this.text.indexOf(exact);
      if (first >= 0 && this.text.indexOf(exact, first + 1) < 0 && this.snap(first) === first) return first;
    }
    return undefined;
  }

  private findFuzzy(target: AnnotationTarget, expected: number): { start: number; end: number } | undefined {
    const exact = target.exact;
    if (exact.length < MIN_FUZZY_QUOTE) return undefined;
    const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_FUZZY_QUOTE_SCORE)));
    const n = this.text.length;
    const near = Math.max(8192, exact.length * 4);
    const windows: Array<[number, number]> = [[Math.max(0, expected - near), Math.min(n, expected + near + exact.length)]];
    if (windows[0][0] > 0 || windows[0][1] < n) windows.push([0, n]);
    for (const [lo, hi] of windows) {
      const matches = this.search(this.text.slice(lo, hi), exact, maxErrors);
      let best: { start: number; end: number; score: number } | undefined;
      for (const m of matches.slice(0, 200)) {
        const start = this.snap(lo + m.start);
        const end = this.snap(lo + m.end);
        if (end <= start) continue;
        const quote = 1 - m.errors / exact.length;
        if (quote < MIN_FUZZY_QUOTE_SCORE) continue;
        const ctx = this.contextOf(target, start, end);
        if (ctx.mean < MIN_CONTEXT_SCORE) continue;
        // With the context of one side only, ask for a closer quote.
        if (Math.min(ctx.prefix, ctx.suffix) < MIN_CONTEXT_SCORE && quote < ONE_SIDED_FUZZY_QUOTE_SCORE) continue;
        const pos = 1 - Math.min(1, Math.abs(start - expected) / Math.max(1, n));
        const score = 50 * quote + 20 * ctx.prefix + 20 * ctx.suffix + 2 * pos;
        if (!best || score > best.score) best = { start, end, score };
      }
      if (best) return { start: best.start, end: best.end };
    }
    return undefined;
  }

  /** Round a UTF-16 offset down to a code-point boundary. */
  private snap(i: number): number {
    return this.map.toUtf16(this.map.toCodePoint(i));
  }
}

function clampInt(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : Math.floor(n);
}
