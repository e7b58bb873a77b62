import * as assert from 'assert';
import { main } from '../../../src/cli/main';
import { decodeSidecar } from '../../../src/core/store/sidecar';
import { decodeSource } from '../../../src/core/text/decode';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

const TEXT = 'Jane Smith said: "We will win this race today," on Monday. 😀 é\r\n';

describe('security: UTF-16 files with a byte order mark', () => {
  it('sources are decoded (little and big endian), not called binary', () => {
    assert.strictEqual(decodeSource(utf16(TEXT, false), 'a.txt'), TEXT);
    assert.strictEqual(decodeSource(utf16(TEXT, true), 'a.txt'), TEXT);
    assert.throws(() => decodeSource(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'bad.txt'), /UTF-16 byte order mark but is not valid UTF-16/);
  });

  it('analyze reads a UTF-16 source; a UTF-16 sidecar is named for what it is', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': utf16(TEXT, false) });
    let out = '';
    let err = '';
    const code = await main(['analyze', '--json', 'a.txt'], { fs, cwd: '/ws', stdout: (t) => (out += t), stderr: (t) => (err += t) });
    assert.strictEqual(code, 0, err);
    const json = JSON.parse(out) as { documents: Array<{ quotes: Array<{ text: string; speaker: string | null }> }> };
    assert.deepStrictEqual(json.documents[0].quotes.map((q) => [q.text, q.speaker]), [['We will win this race today,', 'Jane Smith']]);
    const d = decodeSidecar(utf16('version: 1\n', false));
    assert.ok('issue' in d);
    assert.match(d.issue.message, /UTF-16 text; save it as UTF-8/);
  });
});
