import { OffsetMap } from '../text/offsets';
import { lowerBound } from '../text/binarySearch';
import type { PositionUnit } from './types';

/**
 * A source's text with line endings normalised to LF (CRLF and lone CR become LF), and the
 * mapping of positions from the original text into it. REFI-QDA sources are written as this
 * LF text, and their positions are code points counted in it.
 */
export class LfText {
  readonly text: string;
  private readonly original: OffsetMap;
  /** Offsets of the LF text. */
  readonly lf: OffsetMap;
  /** UTF-16 offsets (in the original) of the CR of every CRLF pair, ascending. */
  private readonly crlf: readonly number[];

  constructor(original: string) {
    const crlf: number[] = [];
    for (let i = original.indexOf('\r'); i >= 0; i = original.indexOf('\r', i + 1)) {
      if (original.charCodeAt(i + 1) === 10) crlf.push(i);
    }
    this.crlf = crlf;
    this.text = original.replace(/\r\n?/g, '\n');
    this.original = new OffsetMap(original);
    this.lf = new OffsetMap(this.text);
  }

  /**
   * UTF-16 offset in the original text to an offset in the LF text, counted in code points
   * (default) or UTF-16 units. An offset inside a surrogate pair is rounded down to its start.
   */
  fromUtf16(utf16: number, unit: PositionUnit = 'codepoints'): number {
    const u = Math.max(0, Math.min(this.original.utf16Length, Math.floor(Number.isFinite(utf16) ? utf16 : 0)));
    const cp = this.lf.toCodePoint(u - lowerBound(this.crlf, u));
    return unit === 'utf16' ? this.lf.toUtf16(cp) : cp;
  }

  /** Code-point offset in the original text to an offset in the LF text (code points by default, or UTF-16 units). */
  fromCodePoint(codePoint: number, unit: PositionUnit = 'codepoints'): number {
    return this.fromUtf16(this.original.toUtf16(codePoint), unit);
  }
}

