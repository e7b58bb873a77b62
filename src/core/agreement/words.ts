/**
 * The word units of the agreement report: maximal runs of letters, marks and digits, joined
 * across an apostrophe or hyphen between two of them ("don't", "well-known" are one word).
 * Positions in Unicode code points, end exclusive, as in the sidecars. Pure.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;

export interface Words {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

export function wordsOf(text: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const astral = /[\uD800-\uDFFF]/.test(text);
  let cp = 0;
  let at16 = 0;
  const toCp = (i16: number): number => {
    // code points between the last position and this one (forward only)
    for (; at16 < i16; at16++) {
      const c = text.charCodeAt(at16);
      if (!(c >= 0xdc00 && c <= 0xdfff && at16 > 0 && isHigh(text.charCodeAt(at16 - 1)))) cp++;
    }
    return cp;
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (astral) {
      starts.push(toCp(m.index));
      ends.push(toCp(m.index + m[0].length));
    } else {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Index of the first word that ends after `start` (binary search). */
export function firstWordEndingAfter(words: Words, start: number): number {
  let lo = 0;
  let hi = words.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words.ends[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Length of a text in code points. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
