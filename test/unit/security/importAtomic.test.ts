import * as assert from 'assert';
import { main } from '../../../src/cli/main';
import { parseSidecar } from '../../../src/core/store/sidecar';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

/** Counts the writes per path. */
class CountingFileSystem extends MemoryFileSystem {
  readonly writes: string[] = [];
  override writeFile(path: string, data: Uint8Array): Promise<void> {
    this.writes.push(path);
    return super.writeFile(path, data);
  }
}

async function run(fs: MemoryFileSystem, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { fs, cwd: '/ws', stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** A source of `n` words and a sidecar with one annotation on each. */
function workspace(n: number): CountingFileSystem {
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  const text = words.join(' ') + '\n';
  const lines = ['version: 1', 'annotations:'];
  let at = 0;
  for (let i = 0; i < n; i++) {
    lines.push(`  - id: a-${i.toString(16).padStart(10, '0')}`, `    target: { exact: "${words[i]}", start: ${at}, end: ${at + words[i].length} }`, '    note: old note', '    author: A', '    created: 2026-01-01T00:00:00.000Z', '    modified: 2026-01-01T00:00:00.000Z');
    at += words[i].length + 1;
  }
  return new CountingFileSystem({ '/ws/a.txt': text, '/ws/a.txt.annotations.yaml': lines.join('\n') + '\n' });
}

describe('security: import validates everything, then writes each sidecar once', function () {
  this.timeout(20_000);

  it('300 replacements are one atomic write of the sidecar', async () => {
    const fs = workspace(300);
    const exp = await run(fs, ['export', '--format', 'w3c']);
    assert.strictEqual(exp.code, 0, exp.err);
    fs.set('/ws/in.jsonld', exp.out.replace(/old note/g, 'new note'));
    fs.writes.length = 0;
    const r = await run(fs, ['import', '--format', 'w3c', 'in.jsonld']);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /300 replaced/);
    // It was a delete and a restore per annotation: 600 writes, and a crash between two left a
    // file with entries missing.
    assert.deepStrictEqual(fs.writes, ['/ws/a.txt.annotations.yaml']);
    const parsed = parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!);
    assert.ok(parsed.ok);
    assert.strictEqual(parsed.sidecar.annotations.length, 300);
    assert.ok(parsed.sidecar.annotations.every((a) => a.note === 'new note'));
  });

  it('the same id under two spellings of one path fails before anything is written', async () => {
    const fs = workspace(3);
    fs.set('/ws/b.txt', 'w0 w1 w2\n');
    const exp = await run(fs, ['export', '--format', 'w3c']);
    const items = (JSON.parse(exp.out.replace(/old note/g, 'new note')) as { first: { items: Array<Record<string, unknown>> } }).first.items;
    // a new annotation for b.txt first (it would be written first), then one id twice for a.txt
    const forB = JSON.parse(JSON.stringify(items[0]).replace(/source:a\.txt/g, 'source:b.txt').replace(/a-0000000000/g, 'a-00000000bb')) as Record<string, unknown>;
    const twice = JSON.parse(JSON.stringify(items[1]).replace(/source:a\.txt/g, 'source:x%2F..%2Fa.txt')) as Record<string, unknown>;
    fs.set('/ws/in.jsonld', JSON.stringify([forB, ...items, twice]));
    const before = fs.text('/ws/a.txt.annotations.yaml');
    fs.writes.length = 0;
    const r = await run(fs, ['import', '--format', 'w3c', 'in.jsonld']);
    assert.strictEqual(r.code, 1, r.out + r.err);
    assert.match(r.err, /a-0000000001 is imported twice into a\.txt.*nothing was imported/);
    assert.deepStrictEqual(fs.writes, []);
    assert.strictEqual(fs.text('/ws/a.txt.annotations.yaml'), before);
    assert.strictEqual(fs.text('/ws/b.txt.annotations.yaml'), undefined);
  });
});
