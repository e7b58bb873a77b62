import { UserError } from '../fileSystem';

/** Largest source the engine accepts, in bytes. Bigger files get a clear error instead of a hang. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/**
 * Decode a source file's bytes as UTF-8 text, or throw a UserError that says why not:
 * binary content (NUL bytes), invalid UTF-8, or too large. A UTF-8 BOM is dropped; a file with
 * a UTF-16 byte order mark (as Windows tools write) is decoded as UTF-16.
 */
export function decodeSource(bytes: Uint8Array, displayPath: string, maxBytes = MAX_SOURCE_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new UserError(`${displayPath}: file is too large (${bytes.length} bytes; the limit is ${maxBytes})`);
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new UserError(`${displayPath}: starts with a UTF-16 byte order mark but is not valid UTF-16 text`);
    }
  }
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) throw new UserError(`${displayPath}: looks like a binary file (it contains NUL bytes)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${displayPath}: is not valid UTF-8 text`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 'utf-16le' or 'utf-16be' when the bytes start with a UTF-16 byte order mark. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
