/**
 * Direct-quote detection: one linear pass over the quotation marks of a text.
 * Handles straight and curly double marks, the broken style where ” both opens and closes,
 * single curly marks inside double ones, multi-paragraph quotes (each paragraph reopens, only
 * the last closes), and partial quotes. An unbalanced mark never reaches past its paragraph.
 */

export interface QuoteSpan {
  /** Offsets of the quoted words, without the marks (UTF-16, end-exclusive). */
  start: number;
  end: number;
  /** Offsets of the opening and closing marks. */
  openMark: number;
  closeMark: number;
}

const enum Role {
  Open = 0,
  Close = 1,
  Either = 2,
}

/** Longest quote accepted, in UTF-16 units; an opener with no closer within this is dropped. */
export const MAX_QUOTE_LENGTH = 20000;

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

function isLeftBoundary(c: number): boolean {
  // what may stand right before an opening mark
  return isWs(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 || c === 58 || c === 0x2018 || c === 39;
}

function isRightBoundary(c: number): boolean {
  // what may stand right after a closing mark
  return isWs(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 0x2014 || c === 0x2013 || c === 45 || c === 0x2019 || c === 39 || c === 0x2026;
}

function roleOf(text: string, i: number, c: number): Role {
  if (c === 0x201c || c === 0x201e || c === 0x201f || c === 0xab) return Role.Open;
  if (c === 0xbb) return Role.Close;
  const left = i === 0 ? 32 : text.charCodeAt(i - 1);
  const right = i + 1 >= text.length ? 32 : text.charCodeAt(i + 1);
  const l = isLeftBoundary(left);
  const r = isRightBoundary(right);
  if (l && !r) return Role.Open;
  if (!l && r) return Role.Close;
  return Role.Either;
}

function isDoubleMark(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0xab || c === 0xbb;
}

/**
 * Find direct quotes. Paragraphs are separated by blank lines when the text has any,
 * otherwise by single line breaks.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const n = text.length;
  const blankLines = /\n[ \t\r]*\n/.test(text.length > 2_000_000 ? text.slice(0, 2_000_000) : text);
  const out: QuoteSpan[] = [];
  let open = -1;
  /** Start of the paragraph containing `open`'s latest continuation. */
  let lastBreak = -1; // position of the most recent paragraph break seen
  let breakSinceOpen = false;
  let continued = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!blankLines) {
        lastBreak = i;
        if (open >= 0) breakSinceOpen = true;
      } else {
        // a blank line: \n followed by optional spaces and another \n
        let k = i + 1;
        while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
        if (k < n && text.charCodeAt(k) === 10) {
          lastBreak = k;
          if (open >= 0) breakSinceOpen = true;
          i = k + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (!isDoubleMark(c)) {
      if (open >= 0 && i - open > MAX_QUOTE_LENGTH) {
        open = -1;
        breakSinceOpen = false;
        continued = false;
      }
      i++;
      continue;
    }
    const role = roleOf(text, i, c);
    if (open < 0) {
      if (role !== Role.Close) {
        open = i;
        breakSinceOpen = false;
        continued = false;
      }
      i++;
      continue;
    }
    if (breakSinceOpen) {
      // a paragraph ended while the quote was open
      const atParagraphStart = role !== Role.Close && onlySpaceBetween(text, lastBreak + 1, i);
      if (atParagraphStart) {
        // multi-paragraph quote continues
        continued = true;
        breakSinceOpen = false;
        i++;
        continue;
      }
      // unbalanced: drop the opener, reconsider this mark
      open = -1;
      breakSinceOpen = false;
      continued = false;
      if (role !== Role.Close) {
        open = i;
      }
      i++;
      continue;
    }
    if (role === Role.Open && !continued && i - open > 1) {
      // a fresh opener inside an open quote: the earlier opener was unbalanced
      if (i - open > 400 || /[.!?]\s/.test(text.slice(open + 1, i))) {
        open = i;
        i++;
        continue;
      }
    }
    if (role === Role.Open && i - open <= 1) {
      i++;
      continue;
    }
    emit(text, open, i, out);
    open = -1;
    continued = false;
    i++;
  }
  findSingleQuotes(text, out);
  out.sort((a, b) => a.start - b.start);
  return out;
}

function onlySpaceBetween(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isWs(text.charCodeAt(k))) return false;
  return true;
}

function emit(text: string, openMark: number, closeMark: number, out: QuoteSpan[]): void {
  let s = openMark + 1;
  let e = closeMark;
  while (s < e && isWs(text.charCodeAt(s))) s++;
  while (e > s && isWs(text.charCodeAt(e - 1))) e--;
  if (e <= s) return;
  // at least one letter or digit
  let hasWord = false;
  for (let k = s; k < e && !hasWord; k++) {
    const ch = text.charCodeAt(k);
    if ((ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch > 127 && /[\p{L}\p{N}]/u.test(text[k]))) hasWord = true;
  }
  if (!hasWord) return;
  out.push({ start: s, end: e, openMark, closeMark });
}

/** Curly single quotes ‘…’ outside double quotes (British style). */
function findSingleQuotes(text: string, out: QuoteSpan[]): void {
  const doubles = out.slice();
  let d = 0;
  const n = text.length;
  for (let i = text.indexOf('‘'); i >= 0 && i < n; i = text.indexOf('‘', i + 1)) {
    while (d < doubles.length && doubles[d].closeMark < i) d++;
    if (d < doubles.length && doubles[d].openMark < i && i < doubles[d].closeMark) continue;
    const left = i === 0 ? 32 : text.charCodeAt(i - 1);
    if (!isLeftBoundary(left)) continue;
    // the closer: ’ followed by a non-letter, within 400 characters and the same paragraph
    const limit = Math.min(n, i + 400);
    let close = -1;
    for (let k = i + 1; k < limit; k++) {
      const ch = text.charCodeAt(k);
      if (ch === 10) break;
      if (ch === 0x2018) break;
      if (ch === 0x2019) {
        const right = k + 1 < n ? text.charCodeAt(k + 1) : 32;
        const prev = text.charCodeAt(k - 1);
        if (isRightBoundary(right) && !(prev === 115 && isWs(right) && k + 1 < n && false)) {
          close = k;
          break;
        }
      }
    }
    if (close > i + 1) emit(text, i, close, out);
  }
}
