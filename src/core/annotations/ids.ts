/** Stable annotation ids. New ones are "a-" plus 10 lowercase hex digits; hand-written ids only need to match ID_PATTERN. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function randomAnnotationId(): string {
  const bytes = new Uint8Array(5);
  globalThis.crypto.getRandomValues(bytes);
  return 'a-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
