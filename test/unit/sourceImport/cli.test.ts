import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { parse } from 'yaml';
import { main } from '../../../src/cli/main';
import { runImportSource } from '../../../src/cli/importSource';
import { UsageError } from '../../../src/cli/io';
import { UserError } from '../../../src/core/fileSystem';
import { writeImportedSource } from '../../../src/core/sourceImport/write';
import { importSource } from '../../../src/core/sourceImport';
import { fetchPage } from '../../../src/node/fetchPage';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { BREITBART_PARAGRAPHS, CNN_PARAGRAPHS, STATEMENT_PARAGRAPHS, breitbartPage, cnnPage, makeDocx, makePdf, noArticlePage } from './fixtures';
import { fixtureServer } from './server';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function run(argv: string[], fs0: MemoryFileSystem, cwd = '/ws'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { fs: fs0, cwd, stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
  // runImportSource with a fixed clock; errors as main() turns them into exit codes.
  const code = await runImportSource(argv.slice(1), io, () => NOW).catch((e: unknown) => {
    if (e instanceof UsageError) return 2;
    if (e instanceof UserError) {
      err += e.message;
      return 1;
    }
    throw e;
  });
  return { code, out, err };
}

describe('cli import-source', () => {
  it('imports a page, a PDF and a .docx into --out, each with its provenance file', async () => {
    const fs0 = new MemoryFileSystem({
      '/ws/in/cnn.html': cnnPage(),
      '/ws/in/statement.pdf': await makePdf(STATEMENT_PARAGRAPHS, { title: 'Council statement', pages: 2 }),
      '/ws/in/memo.docx': await makeDocx(BREITBART_PARAGRAPHS, { title: 'Ferry memo' }),
      '/ws/sources/keep.txt': 'x',
    });
    const r = await run(['import-source', 'in/cnn.html', 'in/statement.pdf', 'in/memo.docx', '--out', 'sources'], fs0);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(fs0.paths().filter((p) => p.startsWith('/ws/sources/')), [
      '/ws/sources/council-statement.txt',
      '/ws/sources/council-statement.txt.provenance.yaml',
      '/ws/sources/ferry-memo.txt',
      '/ws/sources/ferry-memo.txt.provenance.yaml',
      '/ws/sources/harbor-city-mayor-to-meet-neighbouring-towns.txt',
      '/ws/sources/harbor-city-mayor-to-meet-neighbouring-towns.txt.provenance.yaml',
      '/ws/sources/keep.txt',
    ]);
    assert.ok(fs0.text('/ws/sources/harbor-city-mayor-to-meet-neighbouring-towns.txt')!.startsWith(CNN_PARAGRAPHS.join('\n\n')));
    const prov = parse(fs0.text('/ws/sources/council-statement.txt.provenance.yaml')!) as Record<string, unknown>;
    assert.strictEqual(prov.version, 1);
    assert.strictEqual(prov.retrieved, NOW.toISOString());
    assert.deepStrictEqual((prov.original as Record<string, unknown>).file, 'statement.pdf');
    assert.match(r.out, /in\/cnn\.html -> sources\/harbor-city-mayor-to-meet-neighbouring-towns\.txt \(\d+ words; CNN, 2017-01-28\) \+ provenance/);
  });

  it('never overwrites: a second import of the same page gets a -2 name, and an existing provenance file counts as taken', async () => {
    const fs0 = new MemoryFileSystem({ '/ws/p.html': breitbartPage(), '/ws/governor-ferry-line-will-open-before-summer-2.txt.provenance.yaml': 'version: 1\n' });
    assert.strictEqual((await run(['import-source', 'p.html'], fs0)).code, 0);
    fs0.set('/ws/governor-ferry-line-will-open-before-summer.txt', 'edited by hand');
    const r = await run(['import-source', 'p.html'], fs0);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(fs0.text('/ws/governor-ferry-line-will-open-before-summer.txt'), 'edited by hand');
    assert.strictEqual(fs0.text('/ws/governor-ferry-line-will-open-before-summer-2.txt.provenance.yaml'), 'version: 1\n');
    assert.ok(fs0.text('/ws/governor-ferry-line-will-open-before-summer-3.txt')!.startsWith(BREITBART_PARAGRAPHS[0]));
  });

  it('bad inputs are reported, write nothing, and the good ones are still imported (exit 1)', async () => {
    const fs0 = new MemoryFileSystem({ '/ws/home.html': noArticlePage(), '/ws/bad.pdf': '%PDF-1.4 nonsense', '/ws/ok.html': cnnPage(), '/ws/notes.odt': 'x' });
    const before = fs0.paths();
    const r = await run(['import-source', 'home.html', 'bad.pdf', 'missing.html', 'notes.odt', 'ok.html'], fs0);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /home\.html: no article found/);
    assert.match(r.err, /bad\.pdf: not a readable PDF/);
    assert.match(r.err, /missing\.html: no such file/);
    assert.match(r.err, /notes\.odt: not a web page, PDF or Word document/);
    assert.match(r.err, /4 input\(s\) not imported/);
    assert.deepStrictEqual(fs0.paths().filter((p) => !before.includes(p)), ['/ws/harbor-city-mayor-to-meet-neighbouring-towns.txt', '/ws/harbor-city-mayor-to-meet-neighbouring-towns.txt.provenance.yaml']);
  });

  it('usage errors: no input, --out not a folder', async () => {
    const fs0 = new MemoryFileSystem({ '/ws/a.html': cnnPage() });
    assert.strictEqual(await main(['import-source'], { fs: fs0, cwd: '/ws', stdout: () => undefined, stderr: () => undefined }), 2);
    let err = '';
    const code = await main(['import-source', 'a.html', '--out', 'nope'], { fs: fs0, cwd: '/ws', stdout: () => undefined, stderr: (t) => (err += t) });
    assert.strictEqual(code, 1);
    assert.match(err, /nope: not a folder/);
  });

  it('--time-limit: an import still running at the limit is stopped with a clear message and writes nothing; bad values are usage errors', async () => {
    const fs0 = new MemoryFileSystem({ '/ws/statement.pdf': await makePdf(STATEMENT_PARAGRAPHS, { title: 'Council statement', pages: 2 }), '/ws/cnn.html': cnnPage() });
    const before = fs0.paths();
    // A thousandth of a second: the worker cannot even start in that time.
    const r = await run(['import-source', 'statement.pdf', 'cnn.html', '--time-limit', '0.001'], fs0);
    assert.strictEqual(r.code, 1, r.out);
    assert.match(r.err, /^statement\.pdf: the import was stopped after 0\.001 s, its time limit \(.*--time-limit SECONDS.*\); nothing was written$/m);
    assert.match(r.err, /^cnn\.html: the import was stopped after 0\.001 s/m, 'each input has its own limit (a new worker for each)');
    assert.strictEqual(r.out, '');
    assert.deepStrictEqual(fs0.paths(), before, 'nothing written');
    for (const bad of ['0', '-5', 'abc', '1e9', '']) {
      const u = await run(['import-source', 'cnn.html', '--time-limit', bad], fs0);
      assert.strictEqual(u.code, 2, bad);
    }
    const ok = await run(['import-source', 'cnn.html', '--time-limit', '600'], fs0);
    assert.strictEqual(ok.code, 0, ok.err);
  });

  it('the n-th import of one title takes the next free name from one listing of the folder, not n probes', async () => {
    const fs0 = new MemoryFileSystem({ '/ws/out/.keep': '' });
    const imported = await importSource({ bytes: enc(cnnPage()), name: 'a.html', retrieved: NOW.toISOString() });
    const names: string[] = [];
    for (let i = 0; i < 12; i++) names.push((await writeImportedSource(fs0, '/ws/out', imported, { root: '/ws/out' })).sourcePath);
    assert.deepStrictEqual(names.slice(0, 3), ['/ws/out/harbor-city-mayor-to-meet-neighbouring-towns.txt', '/ws/out/harbor-city-mayor-to-meet-neighbouring-towns-2.txt', '/ws/out/harbor-city-mayor-to-meet-neighbouring-towns-3.txt']);
    assert.strictEqual(new Set(names).size, 12);
    let stats = 0;
    const stat = fs0.stat.bind(fs0);
    fs0.stat = (p: string) => {
      stats++;
      return stat(p);
    };
    const last = await writeImportedSource(fs0, '/ws/out', imported, { root: '/ws/out' });
    assert.match(last.sourcePath, /-13\.txt$/);
    assert.ok(stats <= 6, `${stats} stats for the 13th copy`);
  });

  it('a failed provenance write removes the source it had written', async () => {
    const fs0 = new MemoryFileSystem({ '/ws/a.html': cnnPage() });
    const imported = await importSource({ bytes: enc(cnnPage()), name: 'a.html', retrieved: NOW.toISOString() });
    fs0.failWrites.add('/ws/out/harbor-city-mayor-to-meet-neighbouring-towns.txt.provenance.yaml');
    fs0.set('/ws/out/.keep', '');
    await assert.rejects(writeImportedSource(fs0, '/ws/out', imported, { root: '/ws/out' }), /simulated write failure/);
    assert.deepStrictEqual(fs0.paths(), ['/ws/a.html', '/ws/out/.keep']);
  });
});

describe('cli import-source --url (a fixture server on 127.0.0.1)', () => {
  it('fetches the page once, keeps it beside the source, and records the final URL', async () => {
    const page = cnnPage({ canonical: 'https://edition.cnn.com/x' });
    const server = await fixtureServer({ '/old': { status: 301, headers: { location: '/story' } }, '/story': { body: page } });
    try {
      const fs0 = new MemoryFileSystem({ '/ws/.keep': '' });
      const r = await run(['import-source', '--url', `${server.base}/old`], fs0);
      assert.strictEqual(r.code, 0, r.err);
      assert.deepStrictEqual(server.hits, ['/old', '/story']);
      assert.strictEqual(fs0.text('/ws/harbor-city-mayor-to-meet-neighbouring-towns.html'), page);
      const prov = parse(fs0.text('/ws/harbor-city-mayor-to-meet-neighbouring-towns.txt.provenance.yaml')!) as Record<string, Record<string, unknown>>;
      assert.strictEqual(prov.url, 'https://edition.cnn.com/x');
      assert.strictEqual(prov.original.file, 'harbor-city-mayor-to-meet-neighbouring-towns.html');
      assert.match(r.out, /page saved as harbor-city-mayor-to-meet-neighbouring-towns\.html/);
    } finally {
      await server.close();
    }
  });

  it('a PDF served from a URL is imported as a PDF and saved as .pdf', async () => {
    const pdf = await makePdf(STATEMENT_PARAGRAPHS, { title: 'Council statement' });
    const server = await fixtureServer({ '/files/statement': { headers: { 'content-type': 'application/pdf' }, body: pdf } });
    try {
      const fs0 = new MemoryFileSystem({ '/ws/.keep': '' });
      const r = await run(['import-source', '--url', `${server.base}/files/statement`], fs0);
      assert.strictEqual(r.code, 0, r.err);
      assert.ok(fs0.text('/ws/council-statement.pdf') !== undefined);
      assert.strictEqual(fs0.text('/ws/council-statement.txt'), STATEMENT_PARAGRAPHS.join('\n\n') + '\n');
    } finally {
      await server.close();
    }
  });

  it('a redirect loop, too many redirects, a 404, a page too large, an unreachable host and a non-http URL write nothing', async () => {
    const big = 'x'.repeat(64 * 1024);
    const server = await fixtureServer({
      '/a': { status: 302, headers: { location: '/b' } },
      '/b': { status: 302, headers: { location: '/a' } },
      '/r1': { status: 302, headers: { location: '/r2' } },
      '/r2': { status: 302, headers: { location: '/r3' } },
      '/r3': { status: 302, headers: { location: '/r4' } },
      '/r4': { status: 302, headers: { location: '/r5' } },
      '/r5': { status: 302, headers: { location: '/r6' } },
      '/r6': { status: 302, headers: { location: '/r7' } },
      '/r7': { body: cnnPage() },
      '/home': { body: noArticlePage() },
      '/big': { body: big },
    });
    // A port that was just free: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const s = http.createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    try {
      const fs0 = new MemoryFileSystem({ '/ws/.keep': '' });
      const r = await run(['import-source', '--url', `${server.base}/a`, '--url', `${server.base}/r1`, '--url', `${server.base}/missing`, '--url', `${server.base}/home`, '--url', `http://127.0.0.1:${closed}/x`, '--url', 'file:///etc/passwd'], fs0);
      assert.strictEqual(r.code, 1);
      assert.match(r.err, /\/a: redirect loop/);
      assert.match(r.err, /\/r1: more than 5 redirects/);
      assert.match(r.err, /\/missing: the server answered 404/);
      assert.match(r.err, /no article found/);
      assert.match(r.err, /could not be reached \(ECONNREFUSED\)/);
      assert.match(r.err, /file:\/\/\/etc\/passwd: only http and https addresses are fetched/);
      assert.deepStrictEqual(fs0.paths(), ['/ws/.keep']);
      await assert.rejects(fetchPage(`${server.base}/big`, { maxBytes: 1000, timeoutMs: 10_000, maxRedirects: 5 }), /the page is too large \((64|more)/);
    } finally {
      await server.close();
    }
  });

  it('a server that never answers times out', async () => {
    const sockets: import('net').Socket[] = [];
    const server = http.createServer(() => undefined);
    server.on('connection', (s) => sockets.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await assert.rejects(fetchPage(`http://127.0.0.1:${port}/slow`, { maxBytes: 1000, timeoutMs: 300, maxRedirects: 5 }), /no answer within 0 s|no answer within/);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
