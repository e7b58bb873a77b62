/**
 * A linear, allocation-light tokenizer for English news text. One pass over the characters;
 * no regular expressions over the whole text. Offsets are UTF-16, end-exclusive.
 */
export const enum TokKind {
  Word = 0,
  Number = 1,
  Punct = 2,
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `text` in lower case, computed once: the rules ask for it many times per token. */
  readonly lower: string;
  readonly kind: TokKind;
  /** First character is an upper-case letter. */
  readonly cap: boolean;
  /** Every letter is upper case and there are at least two letters. */
  readonly allCaps: boolean;
  /** First token of a sentence (after . ! ? or a paragraph break, skipping opening quotes/brackets). */
  sentStart: boolean;
  /** A line break (or a run of 2+ spaces, the flattened-paragraph style) separates it from the previous token. */
  readonly breakBefore: boolean;
  /** Only plain spaces (no line break) separate it from the previous token. */
  readonly spaceBefore: boolean;
}

/** Abbreviations that keep their trailing period (lower-case, without the period). */
const ABBREV = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'col', 'lt', 'sgt', 'capt', 'maj', 'adm', 'rev', 'prof', 'jr', 'sr', 'inc', 'corp', 'ltd', 'co', 'vs', 'mt', 'ft', 'no', 'cmdr', 'gov', 'pres', 'sept', 'jan', 'feb', 'aug', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'd.c', 'e.g', 'i.e', 'etc']);

export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0x2019 || c === 0x2018 || c === 0x201c || c === 0x201d || c === 0x2014 || c === 0x2013 || c === 0x2026 || c === 0xa0) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase() || /\p{L}/u.test(ch);
}

function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12 || c === 11 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** Tokenize text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  let sawBreak = true;
  let sawSpace = false;
  let sentenceEnd = true;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      const s = i;
      let nl = false;
      while (i < to && isSpace(text.charCodeAt(i))) {
        if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) nl = true;
        i++;
      }
      // a run of spaces counts as a paragraph break only after sentence-final punctuation
      if (nl || (i - s >= 2 && (out.length === 0 || /^[.!?…"”’')]$/.test(out[out.length - 1].text)))) sawBreak = true;
      else sawSpace = true;
      continue;
    }
    const start = i;
    let kind: TokKind;
    if (isLetterCode(c)) {
      kind = TokKind.Word;
      i++;
      for (;;) {
        if (i >= to) break;
        const d = text.charCodeAt(i);
        if (isLetterCode(d) || isDigit(d) || (d >= 0x300 && d <= 0x36f)) {
          i++;
          continue;
        }
        if ((d === 45 || d === 0x2010 || d === 0x2011) && i + 1 < to && isLetterCode(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        if (isApostrophe(d) && i + 1 < to && isLetterCode(text.charCodeAt(i + 1))) {
          // possessive 's ends the word; other apostrophes (don't, O'Brien) stay inside
          const n1 = text.charCodeAt(i + 1);
          const n2 = i + 2 < to ? text.charCodeAt(i + 2) : 32;
          if ((n1 === 115 || n1 === 83) && !isLetterCode(n2)) break;
          i++;
          continue;
        }
        if (d === 46) {
          // a web domain is one word: "Secunia.com", "CBC.ca"
          const dom = domainEnd(text, i, to);
          if (dom > i) {
            i = dom;
            break;
          }
          // U.S. / D.C. (single letters joined by periods), Mr. / Dr., initials K.
          const wordLen = i - start;
          const nx = i + 1 < to ? text.charCodeAt(i + 1) : 32;
          if (wordLen === 1 && isUpperCode(text.charCodeAt(start)) && isLetterCode(nx) && isUpperCode(nx) && (i + 2 >= to || !isLetterCode(text.charCodeAt(i + 2)))) {
            i += 2;
            continue;
          }
          if (wordLen === 1 && isUpperCode(text.charCodeAt(start))) {
            i++;
            break;
          }
          const seg = text.slice(start, i).toLowerCase();
          if (ABBREV.has(seg) || (seg.length === 3 && seg.charCodeAt(1) === 46)) {
            i++;
          }
          break;
        }
        break;
      }
      // "U. S." written with a space
      if (i - start === 2 && text.charCodeAt(i - 1) === 46 && i + 2 < to && text.charCodeAt(i) === 32 && isUpperCode(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 46 && (i + 3 >= to || !isLetterCode(text.charCodeAt(i + 3)))) {
        i += 3;
      }
    } else if (isDigit(c)) {
      kind = TokKind.Number;
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isDigit(d) || isLetterCode(d)) i++;
        else if ((d === 46 || d === 44 || d === 58) && i + 1 < to && isDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
    } else {
      kind = TokKind.Punct;
      if (isApostrophe(c) && i + 1 < to && (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83) && (i + 2 >= to || !isLetterCode(text.charCodeAt(i + 2))) && out.length > 0 && out[out.length - 1].end === i) {
        i += 2; // possessive 's
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
        i += 2;
      } else {
        i++;
      }
    }
    const t = text.slice(start, i);
    const first = t.charCodeAt(0);
    const cap = kind === TokKind.Word && isUpperCode(first);
    const lower = hasNoUpperCase(t) ? t : t.toLowerCase();
    let allCaps = false;
    // a lower-case ASCII letter second ("Helen") settles it without upper-casing the word
    if (cap && t.length >= 2 && !(t.charCodeAt(1) >= 97 && t.charCodeAt(1) <= 122)) allCaps = t === t.toUpperCase() && t !== lower && countLetters(t) >= 2;
    const tok: Token = { start, end: i, text: t, lower, kind, cap, allCaps, sentStart: sentenceEnd || sawBreak, breakBefore: sawBreak, spaceBefore: sawSpace && !sawBreak };
    out.push(tok);
    // Sentence ends after . ! ? unless the token is an abbreviation or initial; opening quotes and brackets do not start the sentence.
    if (kind === TokKind.Punct) {
      if (t === '.' || t === '!' || t === '?' || t === '…') sentenceEnd = true;
      else if (!(isOpener(t) || (sentenceEnd && isCloser(t)))) sentenceEnd = false;
    } else {
      sentenceEnd = false;
    }
    sawBreak = false;
    sawSpace = false;
  }
  return out;
}

/** Top-level domains written after a name ("Secunia.com"); lower case only, so sentence ends are not taken. */
const TLDS = new Set(['com', 'org', 'net', 'gov', 'edu', 'info', 'io', 'ca', 'uk', 'au', 'nz', 'fr', 'jp', 'cn', 'ru', 'eu']);

/** End of ".tld" (or ".co.uk") at text[dot], when a letter or digit does not follow it; else dot. */
function domainEnd(text: string, dot: number, to: number): number {
  let i = dot;
  let end = dot;
  for (let part = 0; part < 2 && i < to && text.charCodeAt(i) === 46; part++) {
    let j = i + 1;
    while (j < to && j - i <= 5 && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
    const label = text.slice(i + 1, j);
    if (j < to && (isLetterCode(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) break;
    if (TLDS.has(label)) end = j;
    else if (!(part === 0 && (label === 'co' || label === 'govt' || label === 'ac'))) break;
    i = j;
  }
  return end;
}

/** Whether toLowerCase would leave the string as it is, answered without the call for ASCII (most tokens). */
function hasNoUpperCase(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

function countLetters(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length && n < 2; i++) if (isLetterCode(t.charCodeAt(i))) n++;
  return n;
}

function isOpener(t: string): boolean {
  return t === '"' || t === '“' || t === '‘' || t === '(' || t === '[' || t === '«' || t === '„' || t === "'" || t === '”' || t === '—' || t === '-';
}

function isCloser(t: string): boolean {
  return t === '"' || t === '”' || t === '’' || t === ')' || t === ']' || t === '»' || t === "'";
}

/** True when the token is a possessive marker ('s, ’s, or a bare apostrophe after s). */
export function isPossessive(t: Token): boolean {
  const x = t.text;
  return x === "'s" || x === '’s' || x === "'S" || x === '’S' || x === "'" || x === '’';
}
