import * as assert from 'assert';
import { createHash } from 'crypto';
import { GUID_NAMESPACE, sha1, stableColour, stableGuid } from '../../../src/core/export/ids';
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

  it('stableColour is #RRGGBB, stable, and varies between names', () => {
    const colours = new Set<string>();
    for (const name of ['claim', 'economy', 'color', 'quote', 'person', 'org', 'loc', 'misc']) {
      const c = stableColour(name);
      assert.match(c, /^#[0-9A-F]{6}$/);
      assert.strictEqual(stableColour(name), c);
      colours.add(c);
    }
    assert.ok(colours.size >= 6, `only ${colours.size} distinct colours`);
  });
});

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
