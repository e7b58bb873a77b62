import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import type { AnalyzeJson } from '../../../src/cli/analyze';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

async function run(argv: string[], fs0: MemoryFileSystem, cwd = '/ws'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { fs: fs0, cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('cli analyze', () => {
  const files = (): MemoryFileSystem =>
    new MemoryFileSystem({
      '/ws/a.txt': 'Hello "world" 😀',
      '/ws/sub/b.md': '# B',
      '/ws/sub/ignore.json': '{}',
      '/ws/node_modules/x/c.txt': 'no',
      '/ws/.git/d.txt': 'no',
    });

  it('prints the documented JSON shape for a folder, skipping node_modules and dot-folders', async () => {
    const r = await run(['analyze', '--json', '.'], files());
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out) as AnalyzeJson;
    assert.deepStrictEqual(json.documents.map((d) => d.path), ['a.txt', 'sub/b.md']);
    for (const d of json.documents) {
      assert.ok(Array.isArray(d.entities));
      assert.ok(Array.isArray(d.quotes));
    }
    assert.ok(Array.isArray(json.quoteClusters));
    assert.deepStrictEqual(Object.keys(json).sort(), ['documents', 'quoteClusters']);
  });

  it('gives each quote its kind, speech or term, and leaves terms out of the clusters', async () => {
    const text = 'The "Comeback City" waited. "We will open the new bridge on Friday," Mayor Lena Hart said.';
    const r = await run(['analyze', '--json', 'q.txt'], new MemoryFileSystem({ '/ws/q.txt': text }));
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out) as AnalyzeJson;
    const quotes = json.documents[0].quotes;
    assert.deepStrictEqual(quotes.map((q) => [q.text, q.kind, q.speaker]), [
      ['Comeback City', 'term', null],
      ['We will open the new bridge on Friday,', 'speech', 'Lena Hart'],
    ]);
    assert.deepStrictEqual(json.quoteClusters.map((c) => c.mentions.map((m) => m.start)), [[quotes[1].start]]);
  });

  it('prints a readable summary without --json', async () => {
    const r = await run(['analyze', 'a.txt'], files());
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^a\.txt: \d+ entity mentions, \d+ quotes$/m);
    assert.match(r.out, /1 documents, \d+ quote clusters/);
  });

  it('exits 1 with a clear message for a missing path', async () => {
    const r = await run(['analyze', 'nope.txt'], files());
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /nope\.txt: no such file or folder/);
    assert.doesNotMatch(r.err, /\bat .*\(.*:\d+:\d+\)/, 'no stack trace');
  });

  it('exits 1 for a folder without sources', async () => {
    const r = await run(['analyze', 'empty'], new MemoryFileSystem({ '/ws/empty/x.json': '{}' }));
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /no \.txt or \.md sources/);
  });

  it('exits 1 for binary and non-UTF-8 files', async () => {
    const bin = await run(['analyze', 'bin.txt'], new MemoryFileSystem({ '/ws/bin.txt': new Uint8Array([0x50, 0x4b, 0, 1, 2]) }));
    assert.strictEqual(bin.code, 1);
    assert.match(bin.err, /bin\.txt: looks like a binary file/);
    const latin1 = await run(['analyze', 'l.txt'], new MemoryFileSystem({ '/ws/l.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }));
    assert.strictEqual(latin1.code, 1);
    assert.match(latin1.err, /l\.txt: is not valid UTF-8/);
  });

  it('exits 2 for usage errors', async () => {
    assert.strictEqual((await run(['analyze'], files())).code, 2);
    assert.strictEqual((await run(['analyze', '--frobnicate', 'a.txt'], files())).code, 2);
    assert.strictEqual((await run(['nonsense'], files())).code, 2);
    assert.strictEqual((await run([], files())).code, 2);
  });

  it('runs as the packaged bin on the seeds', () => {
    const bin = path.join(REPO, 'dist', 'cli.js');
    assert.ok(fs.existsSync(bin), 'dist/cli.js is built (npm run build)');
    const r = cp.spawnSync(process.execPath, [bin, 'analyze', '--json', 'seeds'], { cwd: REPO, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as AnalyzeJson;
    assert.deepStrictEqual(
      json.documents.map((d) => d.path),
      ['seeds/000_424defb743cef938.txt', 'seeds/001_61c640aecea7aba7.txt', 'seeds/002_a6f8cf2398086dd3.txt'],
    );
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-cli-'));
    try {
      fs.writeFileSync(path.join(tmp, 'x.txt'), Buffer.from([0x41, 0x00, 0xff, 0xfe])); // NUL, no BOM (a UTF-16 BOM is decoded)
      const bad = cp.spawnSync(process.execPath, [bin, 'analyze', path.join(tmp, 'x.txt')], { encoding: 'utf8' });
      assert.strictEqual(bad.status, 1);
      assert.match(bad.stderr, /binary|UTF-8/);
      assert.doesNotMatch(bad.stderr, /node:internal|at Object\./);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('shares a large folder with a helper thread when --jobs asks, and prints the same bytes as one thread', () => {
    const bin = path.join(REPO, 'dist', 'cli.js');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-cli-pool-'));
    try {
      const seeds = fs.readdirSync(path.join(REPO, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
      let chars = 0;
      for (let i = 0; chars < 420_000; i++) {
        // the seeds with a different name in each copy, so the files differ and quotes cluster across them
        const text = fs.readFileSync(path.join(REPO, 'seeds', seeds[i % seeds.length]), 'utf8').replace(/Trump/g, i % 2 ? 'Trump' : 'Obama');
        fs.writeFileSync(path.join(tmp, `doc${String(i).padStart(3, '0')}.txt`), text);
        chars += text.length;
      }
      const env = { ...process.env, SOURCE_ANNOTATOR_THREAD_STATS: '1' };
      const one = cp.spawnSync(process.execPath, [bin, 'analyze', '--json', '--jobs', '1', tmp], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
      const two = cp.spawnSync(process.execPath, [bin, 'analyze', '--json', '--jobs', '2', tmp], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
      assert.strictEqual(one.status, 0, one.stderr);
      assert.strictEqual(two.status, 0, two.stderr);
      assert.match(one.stderr, /threads: 0 helper\(s\) started/);
      assert.match(two.stderr, /threads: 1 helper\(s\) started; \d+ of \d+ documents analysed by helpers/);
      assert.ok(one.stdout.length > 100_000);
      assert.strictEqual(two.stdout, one.stdout);
      // without --jobs, helpers wait for far more text than this (they would only slow it down)
      const auto = cp.spawnSync(process.execPath, [bin, 'analyze', '--json', tmp], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
      assert.strictEqual(auto.status, 0, auto.stderr);
      assert.match(auto.stderr, /threads: 0 helper\(s\) started/);
      assert.strictEqual(auto.stdout, one.stdout);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
