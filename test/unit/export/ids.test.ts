import * as assert from 'assert';
import { createHash } from 'crypto';
import { GUID_NAMESPACE, sha1, stableGuid } from '../../../src/core/export/ids';
import { CODE_PALETTE, paletteColour } from '../../../src/core/export/palette';
import { LfText } from '../../../src/core/export/lfText';

/** Reference UUIDv5 with Node's crypto (RFC 4122 section 4.3). */
function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

describe('export/ids', () => {
  it('sha1 agrees with Node crypto on every length around block boundaries and on non-ASCII', () => {
    for (let len = 0; len < 200; len++) {
      const bytes = new Uint8Array(len).map((_, i) => (i * 31 + len) & 0xff);
      assert.strictEqual(Buffer.from(sha1(bytes)).toString('hex'), createHash('sha1').update(bytes).digest('hex'), `length ${len}`);
    }
    const s = new TextEncoder().encode('Grüße 😀 “quotes”');
    assert.strictEqual(Buffer.from(sha1(s)).toString('hex'), createHash('sha1').update(s).digest('hex'));
  });

  it('stableGuid is a version-5 UUID of kind:key in 8-4-4-4-12 form, the same every time', () => {
    const g = stableGuid('selection', 'a-3f9c2e1b7d');
    assert.match(g, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.strictEqual(g, uuidV5(GUID_NAMESPACE, 'selection:a-3f9c2e1b7d'));
    assert.strictEqual(stableGuid('selection', 'a-3f9c2e1b7d'), g);
    assert.notStrictEqual(stableGuid('code', 'a-3f9c2e1b7d'), g);
    assert.strictEqual(stableGuid('code', 'économie 😀'), uuidV5(GUID_NAMESPACE, 'code:économie 😀'));
  });

  it('code colours come from a fixed palette of clearly different colours (CIE76 ΔE ≥ 25 between any two)', () => {
    assert.strictEqual(CODE_PALETTE.length, 20);
    for (const c of CODE_PALETTE) assert.match(c, /^#[0-9A-F]{6}$/);
    let min = Infinity;
    for (let i = 0; i < CODE_PALETTE.length; i++) for (let j = i + 1; j < CODE_PALETTE.length; j++) min = Math.min(min, deltaE(CODE_PALETTE[i], CODE_PALETTE[j]));
    assert.ok(min >= 25, `two palette colours are only ΔE ${min.toFixed(1)} apart`);
    assert.deepStrictEqual([0, 1, 19, 20, 21].map(paletteColour), [CODE_PALETTE[0], CODE_PALETTE[1], CODE_PALETTE[19], CODE_PALETTE[0], CODE_PALETTE[1]]);
  });
});

/** CIE76 colour difference of two sRGB colours (#RRGGBB), through CIELAB (D65). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string): number[] => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * bl, (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883];
    const f = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116));
    return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])];
  };
  const [x, y] = [lab(a), lab(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

describe('export/lfText', () => {
  it('maps code points of CRLF text with emoji into the LF text', () => {
    const original = 'a😀\r\nb\rc\r\n👍🏽d\r\n';
    const lf = new LfText(original);
    assert.strictEqual(lf.text, 'a😀\nb\nc\n👍🏽d\n');
    const origCps = [...original];
    const lfCps = [...lf.text];
    // Every character that survives keeps its identity at the mapped position.
    let cp = 0;
    for (let i = 0; i < origCps.length; i++) {
      const ch = origCps[i];
      if (ch === '\r' && origCps[i + 1] === '\n') {
        cp++;
        continue;
      }
      const mapped = lf.fromCodePoint(cp);
      assert.strictEqual(lfCps[mapped], ch === '\r' ? '\n' : ch, `code point ${cp} (${JSON.stringify(ch)})`);
      cp++;
    }
    assert.strictEqual(lf.fromCodePoint(origCps.length), lfCps.length);
    // An offset between CR and LF maps onto the LF.
    assert.strictEqual(lfCps[lf.fromCodePoint(3)], '\n');
  });

  it('is the identity for LF-only text and clamps out-of-range input', () => {
    const lf = new LfText('x😀y\n');
    assert.strictEqual(lf.fromCodePoint(2), 2);
    assert.strictEqual(lf.fromCodePoint(99), 4);
    assert.strictEqual(lf.fromUtf16(-3), 0);
    assert.strictEqual(lf.fromUtf16(Number.NaN), 0);
  });
});
