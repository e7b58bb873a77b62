/**
 * Deterministic identifiers for exports, so that exporting the same data twice gives the same
 * GUIDs (tools such as NVivo, MAXQDA and ATLAS.ti then recognise re-imports).
 *
 * GUIDs are name-based UUIDs, version 5 (RFC 4122 / RFC 9562 section 5.5): SHA-1 over a fixed
 * Source Annotator namespace UUID followed by the UTF-8 bytes of `kind + ":" + key`, formatted
 * 8-4-4-4-12 in lower-case hex. For an annotation the kind is "selection" and the key its id.
 */

/** The namespace of every GUID this project derives (a fixed, randomly chosen UUID). */
export const GUID_NAMESPACE = '6f0c2d1e-9b7a-4c35-8e2f-53a1d0b47c9e';

const NAMESPACE_BYTES = uuidToBytes(GUID_NAMESPACE);

/** A stable GUID for `key` within `kind` ("source", "code", "selection", "user", ...). */
export function stableGuid(kind: string, key: string): string {
  const name = new TextEncoder().encode(`${kind}:${key}`);
  const data = new Uint8Array(NAMESPACE_BYTES.length + name.length);
  data.set(NAMESPACE_BYTES, 0);
  data.set(name, NAMESPACE_BYTES.length);
  const hash = sha1(data);
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  return bytesToUuid(hash);
}

function uuidToBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function bytesToUuid(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += b[i].toString(16).padStart(2, '0');
  }
  return s;
}

/** SHA-1 (FIPS 180-4). Pure, so that the core needs no Node crypto; used for identifiers, not security. */
export function sha1(message: Uint8Array): Uint8Array {
  const ml = message.length;
  const withPadding = ((ml + 8) >>> 6) + 1; // 64-byte blocks
  const words = new Uint32Array(withPadding * 16);
  for (let i = 0; i < ml; i++) words[i >>> 2] |= message[i] << (24 - (i & 3) * 8);
  words[ml >>> 2] |= 0x80 << (24 - (ml & 3) * 8);
  const bitLen = ml * 8;
  words[words.length - 1] = bitLen >>> 0;
  words[words.length - 2] = Math.floor(bitLen / 0x100000000);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t];
    for (let t = 16; t < 80; t++) {
      const v = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
      w[t] = (v << 1) | (v >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t++) {
      let f: number;
      let k: number;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24;
    out[i * 4 + 1] = (h >>> 16) & 0xff;
    out[i * 4 + 2] = (h >>> 8) & 0xff;
    out[i * 4 + 3] = h & 0xff;
  });
  return out;
}
