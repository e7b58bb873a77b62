/**
 * Text helpers shared by the importers: paragraphs are trimmed, their inner white space
 * collapsed to single spaces, empty ones dropped, and joined with one blank line; the text ends
 * with one newline.
 */
export function joinParagraphs(paragraphs: readonly string[]): string {
  const kept = paragraphs.map(cleanParagraph).filter((p) => p.length > 0);
  return kept.length === 0 ? '' : kept.join('\n\n') + '\n';
}

export function cleanParagraph(p: string): string {
  // Soft hyphens, zero-width spaces, word joiners and stray BOMs vanish (joiners ZWJ and ZWNJ
  // stay: emoji and some scripts need them); no-break and other spaces become plain spaces.
  return p
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** The last segment of a path or URL path, without query. */
export function baseNameOf(name: string): string {
  const clean = name.split(/[?#]/)[0];
  const parts = clean.split(/[\\/]/).filter((s) => s.length > 0);
  return parts.length > 0 ? parts[parts.length - 1] : '';
}

const MAX_SLUG = 80;

/**
 * A file name stem from a title: ASCII letters, digits and single hyphens, lower case, at most
 * 80 characters cut at a word; accents are dropped (é → e), other scripts fall back to the
 * file name, then to `source`.
 */
export function slugify(...candidates: (string | undefined)[]): string {
  for (const c of candidates) {
    if (!c) continue;
    const s = c
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (s.length === 0) continue;
    if (s.length <= MAX_SLUG) return s;
    const cut = s.slice(0, MAX_SLUG);
    const dash = cut.lastIndexOf('-');
    return (dash > 20 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
  }
  return 'source';
}

/** A file name without its last extension. */
export function stem(name: string): string {
  const b = baseNameOf(name);
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(0, dot) : b;
}

/** An http(s) URL as written, or undefined (other schemes, relative or malformed addresses). */
export function httpUrl(value: string | undefined | null, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const u = base ? new URL(value.trim(), base) : new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A date as ISO 8601: a string already in ISO form is kept as written (trimmed), another
 * parseable date becomes a UTC date-time; undefined when it is not a date.
 */
export function isoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (v.length === 0 || v.length > 64) return undefined;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    return Number.isNaN(Date.parse(v.replace(' ', 'T'))) ? undefined : v.replace(' ', 'T');
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Lowercase hex SHA-256 of the bytes (Web Crypto, present in Node 20 and in the browser). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
