/**
 * XML 1.0 escaping for the REFI-QDA writers. Characters that XML 1.0 cannot carry at all (C0
 * controls other than tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates) become U+FFFD, so
 * hostile text can never make the document ill-formed.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD');
}

/** Escape for element content. CR is written as a reference so that it survives parsing. */
export function xmlText(s: string): string {
  return xmlSafe(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escape for a double-quoted attribute value; tab, LF and CR as references (attribute normalisation would turn them into spaces). */
export function xmlAttr(s: string): string {
  return xmlSafe(s).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]);
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** xs:dateTime as `YYYY-MM-DDThh:mm:ssZ`, or undefined when the input is not a date. */
export function xsDateTime(iso: string): string | undefined {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(t);
  if (d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) return undefined;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
