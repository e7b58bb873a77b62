import * as assert from 'assert';
import { OffsetMap, sliceCodePoints } from '../../../src/core/text/offsets';

describe('core/text/offsets', () => {
  it('is the identity for BMP-only text, CRLF included', () => {
    const text = 'Line one\r\nLine “two” — é\r\n';
    const m = new OffsetMap(text);
    assert.strictEqual(m.isIdentity, true);
    assert.strictEqual(m.codePointLength, text.length);
    for (let i = 0; i <= text.length; i++) {
      assert.strictEqual(m.toCodePoint(i), i);
      assert.strictEqual(m.toUtf16(i), i);
    }
  });

  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b\r\n👍🏽c';
    const m = new OffsetMap(text);
    assert.strictEqual(m.codePointLength, [...text].length);
    assert.strictEqual(m.toCodePoint(1), 1); // before 😀
    assert.strictEqual(m.toCodePoint(3), 2); // after 😀
    assert.strictEqual(m.toUtf16(2), 3);
    assert.strictEqual(m.toUtf16(m.codePointLength), text.length);
    const bIndex = text.indexOf('b');
    assert.strictEqual(sliceCodePoints(text, m, m.toCodePoint(bIndex), m.toCodePoint(bIndex) + 1), 'b');
  });

  it('rounds an offset inside a surrogate pair down to the pair start', () => {
    const m = new OffsetMap('x😀y');
    assert.strictEqual(m.toCodePoint(2), 1);
  });

  it('round-trips every boundary of a random astral string', () => {
    const chars = ['a', '\r\n', '😀', 'é', '𝔘', '“'];
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 50; trial++) {
      let text = '';
      for (let i = 0; i < 40; i++) text += chars[Math.floor(rand() * chars.length)];
      const m = new OffsetMap(text);
      const cps = [...text];
      let u = 0;
      for (let cp = 0; cp <= cps.length; cp++) {
        assert.strictEqual(m.toUtf16(cp), u, `toUtf16(${cp})`);
        assert.strictEqual(m.toCodePoint(u), cp, `toCodePoint(${u})`);
        if (cp < cps.length) u += cps[cp].length;
      }
    }
  });

  it('clamps out-of-range and non-finite input', () => {
    const m = new OffsetMap('a😀');
    assert.strictEqual(m.toCodePoint(-5), 0);
    assert.strictEqual(m.toCodePoint(99), 2);
    assert.strictEqual(m.toUtf16(Number.NaN), 0);
    assert.strictEqual(m.toUtf16(99), 3);
  });
});
