import { lowerBound } from './binarySearch';

/**
 * The one place where offsets change units.
 *
 * In memory, the core works in UTF-16 code units, as JavaScript strings and VS Code do.
 * Everything that leaves the process (the CLI's JSON, sidecar YAML, W3C Web Annotation,
 * REFI-QDA) counts Unicode code points. Convert at those boundaries, only with this module.
 *
 * All offsets are end-exclusive. A UTF-16 offset that falls between the two halves of a
 * surrogate pair is rounded down to the start of the pair.
 */
export class OffsetMap {
  /** UTF-16 offsets of the high surrogates of astral characters, ascending. Empty for BMP-only text. */
  private readonly astral: readonly number[];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    const astral: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(i);
          i++;
        }
      }
    }
    this.astral = astral;
    this.utf16Length = text.length;
    this.codePointLength = text.length - astral.length;
  }

  /** True when both units agree everywhere (no astral characters). */
  get isIdentity(): boolean {
    return this.astral.length === 0;
  }

  /** UTF-16 offset to code-point offset. */
  toCodePoint(utf16: number): number {
    const u = clamp(utf16, 0, this.utf16Length);
    if (this.astral.length === 0) return u;
    // Every pair that starts before u counts one code point for two units. A pair that starts
    // at u - 1 is split by u; rounding down to its start gives the same count.
    return u - lowerBound(this.astral, u);
  }

  /** Code-point offset to UTF-16 offset. */
  toUtf16(codePoint: number): number {
    const cp = clamp(codePoint, 0, this.codePointLength);
    if (this.astral.length === 0) return cp;
    // The k-th astral pair (0-based) starts at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return n < lo ? lo : n > hi ? hi : Math.floor(n);
}


/** Convenience for one-off conversions of a span. */
export function spanToCodePoints(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  return { start: map.toCodePoint(start), end: map.toCodePoint(end) };
}

export function spanToUtf16(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  return { start: map.toUtf16(start), end: map.toUtf16(end) };
}

/** Slice a string by code-point offsets. */
export function sliceCodePoints(text: string, map: OffsetMap, start: number, end: number): string {
  return text.slice(map.toUtf16(start), map.toUtf16(end));
}

/**
 * The first characters of `text`, at most `max` UTF-16 units and so at most `max` code points,
 * never half a surrogate pair (W3C prefixes and suffixes: some consumers count one unit, some
 * the other).
 */
export function firstUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  if (end > 0 && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end--;
  return text.slice(0, end);
}

/** The last characters of `text`, at most `max` UTF-16 units (and code points), never half a pair. */
export function lastUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - Math.max(0, max);
  if (start < text.length && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start++;
  return text.slice(start);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
