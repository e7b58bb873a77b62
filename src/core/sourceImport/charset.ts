import { utf16Encoding } from '../text/decode';

/**
 * Decode an HTML page's bytes: a byte order mark wins, then the charset of the server's
 * Content-Type, then a `<meta charset>` or `http-equiv` in the first 4 KB, else UTF-8. Invalid
 * bytes become U+FFFD (a page is not refused for one bad byte); unknown labels fall back to UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeWith(utf16, bytes.subarray(2));
  const fromHeader = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 4096)));
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return decodeWith(fromHeader ?? fromMeta ?? 'utf-8', bytes);
}

/** WHATWG maps these labels to windows-1252; Node's TextDecoder decodes them as Latin-1 (0x80-0x9F become C1 controls). */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819', 'iso-ir-100']);
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    parts.push(Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join(''));
  }
  return parts.join('');
}

function decodeWith(label: string, bytes: Uint8Array): string {
  if (WINDOWS_1252_LABELS.has(label.toLowerCase())) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
