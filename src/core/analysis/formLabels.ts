/**
 * Field labels of a form in capitals ("ISSUER: Bay Co Building Authority ST: MI", "DUE: 11/1/96
 * SR MGR:"): a label is no name. A text is a form when at least two of its lines hold two labels
 * or more each; an interview transcript ("SMITH: Well, ...") has one label a line at most, so its
 * speakers stay names.
 */

/**
 * A label: up to five words in capitals (dots and hyphens allowed, 24 characters each) right
 * before a colon that ends the line or precedes a space. Bounded, so that a long line of capitals
 * without a colon costs linear time (unbounded words made each word a start of a scan to the
 * line's end: quadratic).
 */
const LABEL = /(?:^|[ \t])[A-Z][A-Z.-]{0,23}(?: [A-Z][A-Z.-]{0,23}){0,4}:(?=[ \t]|$)/gm;

/** Lines with two labels or more needed for a form. */
const MIN_FORM_LINES = 2;

/** Whether the text is a form: at least two lines with two labels or more. Linear in the text. */
export function isForm(text: string): boolean {
  let lines = 0;
  let line = -1;
  let inLine = 0;
  for (const m of text.matchAll(LABEL)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    if (start !== line) {
      line = start;
      inLine = 0;
    }
    if (++inLine === 2 && ++lines >= MIN_FORM_LINES) return true;
  }
  return false;
}

/** Whether a name is written like a label: capitals only (with dots, hyphens, spaces), right before a colon. */
export function looksLikeLabel(text: string, start: number, end: number): boolean {
  return text.charCodeAt(end) === 58 && /^[A-Z][A-Z.\- ]*$/.test(text.slice(start, end));
}
