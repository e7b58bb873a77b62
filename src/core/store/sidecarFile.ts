import { utf16Encoding } from '../text/decode';

/**
 * A sidecar file's name, size bound and bytes, without a YAML library: what the merge driver's
 * fast path (merge/blocks.ts with store/entryLayout.ts) needs before it decides whether to load one.
 */
export { SIDECAR_SUFFIX } from './sidecarName';
export const SIDECAR_VERSION = 1;
/** Sidecars above this size are refused (reported, never parsed, never written): about 25,000 annotations. */
export const MAX_SIDECAR_BYTES = 8 * 1024 * 1024;

/** A problem in a sidecar, 1-based line and column. */
export interface SidecarIssue {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Decode a sidecar's bytes (UTF-8, optional BOM), or say why not. */
export function decodeSidecar(bytes: Uint8Array): { text: string } | { issue: SidecarIssue } {
  if (bytes.length > MAX_SIDECAR_BYTES) {
    return { issue: { line: 1, col: 1, message: `the file is too large (${bytes.length} bytes; the limit is ${MAX_SIDECAR_BYTES})` } };
  }
  if (utf16Encoding(bytes)) return { issue: { line: 1, col: 1, message: 'the file is UTF-16 text; save it as UTF-8 (sidecars are read and written as UTF-8)' } };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return { issue: { line: 1, col: 1, message: 'the file is binary (it contains NUL bytes)' } };
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { issue: { line: 1, col: 1, message: 'the file is not valid UTF-8' } };
  }
}
