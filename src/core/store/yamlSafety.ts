/**
 * A cheap scan run before yaml parses a hand-editable file: it refuses flow collections nested
 * deeper than MAX_FLOW_DEPTH (yaml recurses per level; thousands of `[` make it crawl or blow the
 * stack). Quoted scalars and comments are skipped; the scan is linear and never allocates much.
 */
export const MAX_FLOW_DEPTH = 64;

export function checkYamlBounds(text: string): { line: number; col: number; message: string } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
      continue;
    }
    const prev = i === 0 ? 0x0a : text.charCodeAt(i - 1);
    const boundary = prev === 0x0a || prev === 0x20 || prev === 0x09 || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a;
    if (c === 0x23 /* # */ && (prev === 0x0a || prev === 0x20 || prev === 0x09 || i === 0)) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? text.length : eol) - 1;
    } else if (c === 0x22 /* " */ && boundary) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      for (let k = i; k < j && k < text.length; k++) {
        if (text.charCodeAt(k) === 0x0a) {
          line++;
          lineStart = k + 1;
        }
      }
      i = j;
    } else if (c === 0x27 /* ' */ && boundary) {
      const j = text.indexOf("'", i + 1);
      const end = j < 0 ? text.length : j;
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 0x0a) {
          line++;
          lineStart = k + 1;
        }
      }
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return { line, col: i - lineStart + 1, message: `YAML nested more than ${MAX_FLOW_DEPTH} levels deep` };
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
