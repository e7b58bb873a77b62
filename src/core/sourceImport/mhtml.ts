import { decodeHtml } from './charset';
import { SourceImportError } from './types';

export interface MhtmlPage {
  readonly html: string;
  /** The page's address (the HTML part's Content-Location, or Snapshot-Content-Location). */
  readonly url?: string;
}

/**
 * The HTML of a web archive (.mhtml, .mht: MIME multipart/related as Chrome and Edge save
 * pages): the first text/html part, decoded from quoted-printable or base64 and its charset.
 * Images and style sheets in the other parts are ignored (the text needs none of them).
 */
export function mhtmlPage(bytes: Uint8Array, displayName: string): MhtmlPage {
  // MIME headers and quoted-printable bodies are 7-bit: read the bytes as Latin-1, one char per byte.
  const raw = latin1(bytes);
  const headerEnd = raw.search(/\r?\n\r?\n/);
  if (headerEnd < 0) throw new SourceImportError(`${displayName}: not a web archive (no MIME header)`, 'corrupt');
  const top = headers(raw.slice(0, headerEnd));
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(top.get('content-type') ?? '')?.[1];
  if (!boundary) throw new SourceImportError(`${displayName}: not a web archive (no multipart boundary)`, 'corrupt');
  const parts = raw.slice(headerEnd).split(`--${boundary}`);
  for (const rawPart of parts) {
    const part = rawPart.replace(/^\r?\n/, '');
    const end = part.search(/\r?\n\r?\n/);
    if (end < 0) continue;
    const h = headers(part.slice(0, end));
    const type = h.get('content-type') ?? '';
    if (!/^text\/html/i.test(type)) continue;
    const body = part.slice(end).replace(/^\r?\n\r?\n/, '');
    const encoding = (h.get('content-transfer-encoding') ?? '').toLowerCase();
    const data = encoding === 'base64' ? base64Bytes(body) : encoding === 'quoted-printable' ? quotedPrintable(body) : latin1Bytes(body);
    return { html: decodeHtml(data, type), url: h.get('content-location') ?? top.get('snapshot-content-location') };
  }
  throw new SourceImportError(`${displayName}: the web archive has no HTML page`, 'no-article');
}

function headers(block: string): Map<string, string> {
  const out = new Map<string, string>();
  // Folded header lines continue with white space.
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
    }
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function quotedPrintable(s: string): Uint8Array {
  const joined = s.replace(/=\r?\n/g, '');
  const out = new Uint8Array(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[n++] = parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = c & 0xff;
    }
  }
  return out.subarray(0, n);
}

function base64Bytes(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/=]/g, '');
  return Uint8Array.from(atob(clean.slice(0, clean.length - (clean.length % 4))), (ch) => ch.charCodeAt(0));
}
