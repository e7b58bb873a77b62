/**
 * The source-text hash stored in sidecars (`sourceHash`): 32-bit FNV-1a over the UTF-8 bytes
 * of the text, written as `fnv1a32:` plus 8 lowercase hex digits. Not cryptographic: it only
 * tells the store whether a source changed since its annotations were last anchored, and the
 * store still checks the quote at the stored position before trusting it.
 */
export const HASH_PREFIX = 'fnv1a32:';

export function hashSourceText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return HASH_PREFIX + (h >>> 0).toString(16).padStart(8, '0');
}
