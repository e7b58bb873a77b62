import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import type { W3cAnnotation, W3cCollection } from '../../../src/core/export';
import { AnnotationStore } from '../../../src/core/store/store';
import { OffsetMap } from '../../../src/core/text/offsets';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { TempWorkspace } from '../security/tempWorkspace';

const PAGE = 'https://news.example/2017/01/28/taxes';
const TEXT = 'Moscow 😀 Jan 27.\r\nThe minister said "we will cut taxes" on Monday.\n';
const PROV = `version: 1\ntitle: Taxes\nurl: ${PAGE}\nretrieved: 2026-11-30T09:00:00Z\n`;

async function run(argv: string[], fs0: MemoryFileSystem): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { fs: fs0, cwd: '/ws', stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** Two sources with the same page URL (the page imported twice), one annotation in each. */
async function workspace(): Promise<MemoryFileSystem> {
  const fs0 = new MemoryFileSystem({ '/ws/a.txt': TEXT, '/ws/a.txt.provenance.yaml': PROV, '/ws/later/a.txt': TEXT, '/ws/later/a.txt.provenance.yaml': PROV.replace('09:00', '10:00') });
  let n = 0;
  const store = new AnnotationStore(fs0, '/ws', { author: 'Ada', now: () => new Date(Date.UTC(2026, 10, 30, 11, 0, n)), newId: () => `a-${(++n).toString(16).padStart(10, '0')}` });
  const m = new OffsetMap(TEXT);
  const at = (s: string): { start: number; end: number } => ({ start: m.toCodePoint(TEXT.indexOf(s)), end: m.toCodePoint(TEXT.indexOf(s) + s.length) });
  await store.add('/ws/a.txt', TEXT, at('we will cut taxes'), 'first', ['claim']);
  await store.add('/ws/later/a.txt', TEXT, at('on Monday'), 'second', []);
  return fs0;
}

function sidecars(fs0: MemoryFileSystem): Map<string, string> {
  return new Map(fs0.paths().filter((p) => p.endsWith('.annotations.yaml')).map((p) => [p, fs0.text(p)!]));
}

describe('cli export / import: the page URL as the W3C source', () => {
  it('round trip: export, delete the sidecars, import; each annotation goes back to its own copy of the shared URL', async () => {
    const fs0 = await workspace();
    const exp = await run(['export', '--format', 'w3c'], fs0);
    assert.strictEqual(exp.code, 0, exp.err);
    const items = (JSON.parse(exp.out) as W3cCollection).first.items;
    assert.deepStrictEqual(
      items.map((a) => [a.target.source, a.target.state?.cached, a.target.state?.sourceDate]),
      [
        [PAGE, 'urn:source-annotator:source:a.txt', '2026-11-30T09:00:00Z'],
        [PAGE, 'urn:source-annotator:source:later/a.txt', '2026-11-30T10:00:00Z'],
      ],
    );
    const before = sidecars(fs0);
    for (const p of before.keys()) await fs0.delete(p);
    fs0.set('/ws/export.jsonld', exp.out);
    const imp = await run(['import', '--format', 'w3c', 'export.jsonld'], fs0);
    assert.strictEqual(imp.code, 0, imp.err);
    assert.match(imp.out, /imported 2 annotation\(s\) into 2 sidecar\(s\)/);
    assert.deepStrictEqual(sidecars(fs0), before, 'the sidecars come back byte for byte');
  });

  it('without state.cached: one source with the URL is found through its provenance file; two are refused and nothing is written', async () => {
    const fs0 = await workspace();
    const items = (JSON.parse((await run(['export', '--format', 'w3c'], fs0)).out) as W3cCollection).first.items;
    const bare = items.map((a): W3cAnnotation => ({ ...a, target: { source: a.target.source, selector: a.target.selector } }));
    for (const p of sidecars(fs0).keys()) await fs0.delete(p);
    fs0.set('/ws/bare.jsonld', JSON.stringify([bare[0]]));
    const refused = await run(['import', '--format', 'w3c', 'bare.jsonld'], fs0);
    assert.strictEqual(refused.code, 1, refused.out);
    assert.match(refused.err, /is the URL of 2 sources \(a\.txt, later\/a\.txt\).*nothing was imported/);
    assert.deepStrictEqual(sidecars(fs0).size, 0);

    await fs0.delete('/ws/later/a.txt.provenance.yaml');
    const found = await run(['import', '--format', 'w3c', 'bare.jsonld'], fs0);
    assert.strictEqual(found.code, 0, found.err);
    assert.deepStrictEqual([...sidecars(fs0).keys()], ['/ws/a.txt.annotations.yaml']);

    await fs0.delete('/ws/a.txt.provenance.yaml');
    const none = await run(['import', '--format', 'w3c', 'bare.jsonld'], fs0);
    assert.strictEqual(none.code, 1);
    assert.match(none.err, /not in this workspace .*provenance file/);
  });

  it('the URL lookup reads no provenance file whose real path leads out of the workspace', async () => {
    const t = new TempWorkspace();
    try {
      t.write('ws/a.txt', TEXT);
      t.write('outside/a.txt.provenance.yaml', PROV);
      fs.symlinkSync(path.join(t.outside, 'a.txt.provenance.yaml'), path.join(t.ws, 'a.txt.provenance.yaml'));
      const m = new OffsetMap(TEXT);
      const at = TEXT.indexOf('we will cut taxes');
      const selector = [{ type: 'TextQuoteSelector', exact: 'we will cut taxes' }, { type: 'TextPositionSelector', start: m.toCodePoint(at), end: m.toCodePoint(at) + 17 }];
      t.write('ws/in.jsonld', JSON.stringify([{ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:1', type: 'Annotation', target: { source: PAGE, selector } }]));
      const r = await t.run(['import', '--format', 'w3c', 'in.jsonld']);
      assert.strictEqual(r.code, 1, r.out);
      assert.match(r.err, /not in this workspace .*provenance file/);
      assert.ok(!fs.existsSync(path.join(t.ws, 'a.txt.annotations.yaml')));
      // The same file inside the workspace is read.
      fs.rmSync(path.join(t.ws, 'a.txt.provenance.yaml'));
      t.write('ws/a.txt.provenance.yaml', PROV);
      const ok = await t.run(['import', '--format', 'w3c', 'in.jsonld']);
      assert.strictEqual(ok.code, 0, ok.err);
      assert.ok(fs.existsSync(path.join(t.ws, 'a.txt.annotations.yaml')));
    } finally {
      t.dispose();
    }
  });

  it('a hostile cached path is refused and nothing is written: .., absolute, and a symbolic link leading out', async () => {
    const t = new TempWorkspace();
    try {
      t.write('ws/a.txt', TEXT);
      t.write('ws/a.txt.provenance.yaml', PROV);
      t.write('outside/secret.txt', TEXT);
      fs.symlinkSync(path.join(t.outside, 'secret.txt'), path.join(t.ws, 'linked.txt'));
      const ann = await t.run(['annotate', 'a.txt', '--exact', 'we will cut taxes', '--author', 'A']);
      assert.strictEqual(ann.code, 0, ann.err);
      const exp = await t.run(['export', '--format', 'w3c', '--out', 'export.jsonld']);
      assert.strictEqual(exp.code, 0, exp.err);
      const [item] = (JSON.parse(t.read('ws/export.jsonld')!) as W3cCollection).first.items;
      assert.strictEqual(item.target.source, PAGE);
      fs.rmSync(path.join(t.ws, 'a.txt.annotations.yaml'));
      const snap = t.snapshot();
      const cases: Array<[string, RegExp]> = [
        ['../outside/secret.txt', /cached copy \.\.\/outside\/secret\.txt is not a path inside the workspace/],
        [path.join(t.outside, 'secret.txt'), /is not a path inside the workspace/],
        ['file://' + path.join(t.outside, 'secret.txt'), /cached copy file:.* is not a path inside the workspace/],
        ['urn:source-annotator:source:linked.txt', /linked\.txt: refused: its real path .* is outside the workspace folder.*nothing was imported/],
      ];
      for (const [cached, message] of cases) {
        t.write('ws/in.jsonld', JSON.stringify([{ ...item, target: { ...item.target, state: { ...item.target.state, cached } } }]));
        const r = await t.run(['import', '--format', 'w3c', 'in.jsonld']);
        assert.strictEqual(r.code, 1, `${cached}: ${r.out}`);
        assert.match(r.err, message, cached);
        assert.ok(!fs.existsSync(path.join(t.ws, 'a.txt.annotations.yaml')) && !fs.existsSync(path.join(t.ws, 'linked.txt.annotations.yaml')), `${cached}: nothing written`);
        assert.deepStrictEqual(t.snapshot(), snap, `${cached}: nothing outside changed`);
      }
      // The same file with its cached copy intact imports.
      t.write('ws/in.jsonld', JSON.stringify([item]));
      const ok = await t.run(['import', '--format', 'w3c', 'in.jsonld']);
      assert.strictEqual(ok.code, 0, ok.err);
      assert.ok(fs.existsSync(path.join(t.ws, 'a.txt.annotations.yaml')));
    } finally {
      t.dispose();
    }
  });
});
