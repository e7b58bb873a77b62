import * as assert from 'assert';
import { unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { main } from '../../../src/cli/main';
import type { Annotation } from '../../../src/core/annotations/model';
import { AnnotationStore } from '../../../src/core/store/store';
import { OffsetMap } from '../../../src/core/text/offsets';
import type { W3cCollection } from '../../../src/core/export';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

async function run(argv: string[], fs0: MemoryFileSystem, cwd = '/ws'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { fs: fs0, cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const TEXT_A = 'Headline 😀 news\r\nThe minister said "we will cut taxes" today.\r\n👍🏽 Crowd cheered, "=SUM(A1)".\r\n';
const TEXT_B = 'LF only 𝔘 text.\nShe said: "a, b; c" here.\n';

/** A workspace with sidecars written by the real store. */
async function workspace(): Promise<{ fs: MemoryFileSystem; annotations: Map<string, Annotation[]> }> {
  const fs = new MemoryFileSystem({ '/ws/news/a.txt': TEXT_A, '/ws/b é.md': TEXT_B, '/ws/plain.txt': 'nothing' });
  let n = 0;
  const store = new AnnotationStore(fs, '/ws', { author: 'Ada Reporter', now: () => new Date(Date.UTC(2026, 10, 20, 9, 0, n)), newId: () => `a-${(++n).toString(16).padStart(10, '0')}` });
  const add = async (file: string, text: string, exact: string, note: string, tags: string[]): Promise<void> => {
    const m = new OffsetMap(text);
    const at = text.indexOf(exact);
    await store.add(file, text, { start: m.toCodePoint(at), end: m.toCodePoint(at + exact.length) }, note, tags);
  };
  await add('/ws/news/a.txt', TEXT_A, 'we will cut taxes', 'Check **this**.\nTwo lines, "quoted"', ['claim', 'economy']);
  await add('/ws/news/a.txt', TEXT_A, 'today.\r\n👍🏽 Crowd', '', ['color']);
  await add('/ws/news/a.txt', TEXT_A, '=SUM(A1)', '=1+1', []);
  await add('/ws/b é.md', TEXT_B, 'a, b; c', '', ['claim']);
  return { fs, annotations: await loadAll(fs) };
}

async function loadAll(fs: MemoryFileSystem): Promise<Map<string, Annotation[]>> {
  const w = await new AnnotationStore(fs, '/ws', { author: 'x' }).loadWorkspace();
  return new Map(w.states.map((s) => [s.sourcePath, s.annotations.map((e) => e.annotation)]));
}

function sidecars(fs: MemoryFileSystem): string[] {
  return fs.paths().filter((p) => p.endsWith('.annotations.yaml'));
}

describe('cli export / import', () => {
  it('round trip: export w3c, delete the sidecars, import, and the annotations are equal', async () => {
    const { fs, annotations } = await workspace();
    assert.strictEqual([...annotations.values()].flat().length, 4);
    const exp = await run(['export', '--format', 'w3c'], fs);
    assert.strictEqual(exp.code, 0, exp.err);
    const collection = JSON.parse(exp.out) as W3cCollection;
    assert.strictEqual(collection.first.items.length, 4);
    fs.set('/ws/export.jsonld', exp.out);
    const before = sidecars(fs);
    assert.strictEqual(before.length, 2);
    const bytes = new Map(before.map((p) => [p, fs.text(p)]));
    for (const p of before) await fs.delete(p);
    assert.strictEqual(sidecars(fs).length, 0);

    const imp = await run(['import', '--format', 'w3c', 'export.jsonld'], fs);
    assert.strictEqual(imp.code, 0, imp.err);
    assert.match(imp.out, /imported 4 annotation\(s\) into 2 sidecar\(s\): 4 added, 0 replaced, 0 unchanged/);
    assert.deepStrictEqual(sidecars(fs), before);
    assert.deepStrictEqual(await loadAll(fs), annotations);
    for (const p of before) assert.strictEqual(fs.text(p), bytes.get(p), `${p} is byte for byte what the store wrote`);

    const base = await run(['export', '--format', 'w3c', '--source-base', 'https://example.org/src/'], fs);
    assert.strictEqual(base.code, 0, base.err);
    assert.ok(base.out.includes('"source": "https://example.org/src/news/a.txt"'));
    fs.set('/ws/base.jsonld', base.out);
    const refused = await run(['import', '--format', 'w3c', 'base.jsonld'], fs);
    assert.strictEqual(refused.code, 1);
    assert.match(refused.err, /not in this workspace/);
    const withBase = await run(['import', '--format', 'w3c', 'base.jsonld', '--source-base', 'https://example.org/src/'], fs);
    assert.strictEqual(withBase.code, 0, withBase.err);
    assert.match(withBase.out, /4 unchanged/);

    const again = await run(['import', '--format', 'w3c', '/ws/export.jsonld', '/ws'], fs);
    assert.strictEqual(again.code, 0, again.err);
    assert.match(again.out, /0 added, 0 replaced, 4 unchanged/);
    assert.deepStrictEqual(await loadAll(fs), annotations);
  });

  it('import replaces an annotation whose content differs, keeping the others', async () => {
    const { fs, annotations } = await workspace();
    const exp = await run(['export', '--format', 'w3c'], fs);
    fs.set('/ws/export.jsonld', exp.out);
    const store = new AnnotationStore(fs, '/ws', { author: 'x' });
    const first = annotations.get('/ws/news/a.txt')![0];
    await store.load('/ws/news/a.txt', TEXT_A);
    await store.update('/ws/news/a.txt', TEXT_A, first.id, { note: 'changed locally' });
    const imp = await run(['import', '--format', 'w3c', 'export.jsonld'], fs);
    assert.strictEqual(imp.code, 0, imp.err);
    assert.match(imp.out, /0 added, 1 replaced, 3 unchanged/);
    assert.deepStrictEqual(await loadAll(fs), annotations);
  });

  it('exports every format to --out or stdout', async () => {
    const { fs } = await workspace();
    const md = await run(['export', '--format', 'md'], fs);
    assert.strictEqual(md.code, 0, md.err);
    assert.ok(md.out.includes('### news/a.txt') && md.out.includes('> we will cut taxes'));
    assert.ok(md.out.includes('### Entities'), 'the report runs the analysis');

    const csv = await run(['export', '--format', 'csv', '--bom'], fs);
    assert.strictEqual(csv.code, 0, csv.err);
    assert.strictEqual(csv.out.charCodeAt(0), 0xfeff);
    const rows = parse(csv.out, { bom: true });
    assert.strictEqual(rows.length, 5);
    assert.ok(rows.some((r) => r[3] === "'=SUM(A1)" && r[4] === "'=1+1"));

    const q = await run(['export', '--format', 'qdpx', '--out', 'out/project.qdpx'], fs);
    assert.strictEqual(q.code, 1, 'the out folder does not exist');
    assert.match(q.err, /folder does not exist/);
    const ok = await run(['export', '--format', 'qdpx', '--out', 'project.qdpx', '--analysis'], fs);
    assert.strictEqual(ok.code, 0, ok.err);
    assert.match(ok.err, /exported 4 annotation\(s\) from 3 source\(s\) to project\.qdpx/);
    const files = unzipSync(await fs.readFile('/ws/project.qdpx'));
    assert.ok(files['project.qde']);
    assert.strictEqual(Object.keys(files).filter((f) => f.startsWith('sources/')).length, 3, 'every source, plain.txt without annotations too');
    const only = await run(['export', '--format', 'qdpx', '--out', 'annotated.qdpx', '--annotated-only', '--positions', 'utf16'], fs);
    assert.strictEqual(only.code, 0, only.err);
    assert.strictEqual(Object.keys(unzipSync(await fs.readFile('/ws/annotated.qdpx'))).filter((f) => f.startsWith('sources/')).length, 2);
    assert.match((await run(['export', '--format', 'qdpx', '--out', 'x.qdpx', '--positions', 'bytes'], fs)).err, /codepoints or utf16/);
    assert.strictEqual((await run(['export', '--format', 'csv', '--positions', 'utf16'], fs)).code, 2);
    assert.strictEqual((await run(['export', '--format', 'csv', '--line-endings', 'lf'], fs)).code, 2);
    assert.ok(!new TextDecoder().decode(Object.entries(files).find(([k]) => k.startsWith('sources/'))![1]).includes('\r'));

    const qdc = await run(['export', '--format', 'qdc', '--out', 'tags.qdc'], fs);
    assert.strictEqual(qdc.code, 0, qdc.err);
    assert.match(fs.text('/ws/tags.qdc')!, /<Code guid="[0-9a-f-]{36}" name="claim" isCodable="true" color="#[0-9A-F]{6}"\/>/);
  });

  it('usage errors exit 2, other errors exit 1, with a message and no stack trace', async () => {
    const { fs } = await workspace();
    const cases: Array<[string[], number, RegExp]> = [
      [['export'], 2, /needs --format/],
      [['export', '--format', 'pdf'], 2, /unknown format 'pdf'/],
      [['export', '--format', 'qdpx'], 2, /give --out FILE/],
      [['export', '--format', 'md', '--bom'], 2, /--bom applies to --format csv/],
      [['export', '--format', 'w3c', '--source-base', 'not an iri'], 2, /absolute IRI/],
      [['export', '--format', 'csv', '--source-base', 'https://x/'], 2, /w3c only/],
      [['export', '--format', 'md', 'a', 'b'], 2, /at most one ROOT/],
      [['export', '--format', 'md', 'missing'], 1, /not a folder/],
      [['import', 'x.json'], 2, /needs --format w3c/],
      [['import', '--format', 'csv', 'x.json'], 2, /w3c only/],
      [['import', '--format', 'w3c'], 2, /needs FILE/],
      [['import', '--format', 'w3c', 'nope.json'], 1, /no such file/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await run(argv, fs);
      assert.strictEqual(r.code, code, `${argv.join(' ')}: ${r.err}`);
      assert.match(r.err, message, argv.join(' '));
      assert.ok(!/\n\s+at /.test(r.err), 'no stack trace');
    }
  });

  it('import refuses bad input and writes nothing: malformed JSON, binary, missing sources', async () => {
    const { fs } = await workspace();
    const exp = await run(['export', '--format', 'w3c'], fs);
    for (const p of sidecars(fs)) await fs.delete(p);
    fs.set('/ws/bad.json', '{"type": "AnnotationCollection", "first": {');
    fs.set('/ws/bin.json', new Uint8Array([0x7b, 0, 1, 2, 0xff]));
    const items = (JSON.parse(exp.out) as W3cCollection).first.items;
    items[0].target.source = 'urn:source-annotator:source:gone.txt';
    fs.set('/ws/missing.json', JSON.stringify(items));
    fs.set('/ws/escape.json', JSON.stringify([{ ...items[1], target: { ...items[1].target, source: 'urn:source-annotator:source:..%2F..%2Fetc%2Fpasswd' } }]));
    const cases: Array<[string, RegExp]> = [
      ['bad.json', /not valid JSON/],
      ['bin.json', /binary/],
      ['missing.json', /not under ws, nothing was imported:\n {2}gone\.txt|not under .*nothing was imported/],
      ['escape.json', /not a path inside the workspace|outside the workspace/],
    ];
    for (const [file, message] of cases) {
      const r = await run(['import', '--format', 'w3c', file], fs);
      assert.strictEqual(r.code, 1, `${file}: ${r.err}`);
      assert.match(r.err, message, file);
      assert.deepStrictEqual(sidecars(fs), [], `${file}: nothing written`);
    }
  });

  it('the report finds quotes shared with sources that have no annotations', async () => {
    const { fs } = await workspace();
    fs.set('/ws/news/b.txt', 'Prime Minister Jane Doe said "we will cut taxes by next year" on Monday, according to Reuters.\n');
    fs.set('/ws/news/c.txt', '"We will cut taxes by next year," Jane Doe told reporters in London.\n');
    const store = new AnnotationStore(fs, '/ws', { author: 'Bo' });
    const b = fs.text('/ws/news/b.txt')!;
    await store.add('/ws/news/b.txt', b, { start: b.indexOf('Jane'), end: b.indexOf('Jane') + 8 }, '', ['person']);
    const r = await run(['export', '--format', 'md'], fs);
    assert.strictEqual(r.code, 0, r.err);
    const shared = r.out.slice(r.out.indexOf('### Quotes shared across sources'));
    assert.match(shared, /- news\/b\.txt, code points \d+–\d+/);
    assert.match(shared, /- news\/c\.txt, code points \d+–\d+/, 'c.txt has no annotations but is analysed');
    assert.ok(!r.out.includes('### news/c.txt'), 'only annotated sources are listed');
  });

  it('warns on stderr when there is nothing to export', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': 'text' });
    const r = await run(['export', '--format', 'csv'], fs);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out, '"source","start","end","exact","note","tags","author","created","modified","title","outlet","published","url"\r\n');
    assert.match(r.err, /no annotations found/);
  });

  it('the report applies the curation file, as the editor does', async () => {
    const { fs } = await workspace();
    fs.set('/ws/news/b.txt', 'Prime Minister Jane Doe said "we will cut taxes by next year" on Monday, according to Reuters.\n');
    const before = await run(['export', '--format', 'md'], fs);
    assert.match(before.out, /\| Jane Doe \| PERSON \|/);
    fs.set('/ws/source-annotator.curation.yaml', 'version: 1\nrenames:\n  - { from: Jane Doe, to: Jane Q. Doe }\nnotEntities:\n  - Reuters\n');
    const after = await run(['export', '--format', 'md'], fs);
    assert.strictEqual(after.code, 0, after.err);
    assert.match(after.out, /\| Jane Q\. Doe \| PERSON \|/);
    assert.ok(!/\| Jane Doe \|/.test(after.out) && !/\| Reuters \|/.test(after.out), 'renamed, and Reuters is no entity');
    // Links to lines are relative to the report: from stdout, to the current folder; with --out, to its folder.
    assert.match(after.out, /\]\(<news\/a\.txt#L2>\)/);
    assert.match((await run(['export', '--format', 'md', '/ws'], fs, '/ws/news')).out, /\]\(<\.\.\/news\/a\.txt#L2>\)/);
    fs.set('/ws/reports/keep.txt', 'x');
    assert.strictEqual((await run(['export', '--format', 'md', '--out', 'reports/r.md'], fs)).code, 0);
    assert.match(fs.text('/ws/reports/r.md')!, /\]\(<\.\.\/news\/a\.txt#L2>\)/);
    fs.set('/ws/source-annotator.curation.yaml', 'version: [\n');
    const bad = await run(['export', '--format', 'md'], fs);
    assert.strictEqual(bad.code, 0);
    assert.match(bad.err, /source-annotator\.curation\.yaml:\d+:\d+: .*not applied/);
  });

  it('w3c keeps the annotations of a sidecar whose source is missing; csv --analysis adds kind rows', async () => {
    const { fs } = await workspace();
    await fs.delete('/ws/b é.md');
    const r = await run(['export', '--format', 'w3c'], fs);
    assert.strictEqual(r.code, 0, r.err);
    const items = (JSON.parse(r.out) as W3cCollection).first.items;
    assert.strictEqual(items.length, 4, 'the annotation of the missing b é.md is kept');
    const detached = items.find((a) => a.target.source.endsWith('b%20%C3%A9.md'))!;
    assert.deepStrictEqual(detached.target.selector.map((x) => x.type), ['TextQuoteSelector', 'TextPositionSelector']);
    const lf = await run(['export', '--format', 'w3c', '--line-endings', 'lf'], fs);
    const lfDetached = (JSON.parse(lf.out) as W3cCollection).first.items.find((a) => a.target.source.endsWith('b%20%C3%A9.md'))!;
    assert.deepStrictEqual(lfDetached.target.selector.map((x) => x.type), ['TextQuoteSelector'], 'no text to count LF positions in');
    const analysed = await run(['export', '--format', 'w3c', '--analysis'], fs);
    const machine = (JSON.parse(analysed.out) as W3cCollection).first.items.filter((a) => a.id.startsWith('urn:source-annotator:analysis:'));
    assert.ok(machine.some((a) => a.target.source.endsWith('plain.txt') || a.target.source.endsWith('news/a.txt')), 'detected quotes of every source, annotated or not');

    fs.set('/ws/news/b.txt', 'Prime Minister Jane Doe said "we will cut taxes by next year" on Monday.\n');
    const csv = await run(['export', '--format', 'csv', '--analysis'], fs);
    assert.strictEqual(csv.code, 0, csv.err);
    const rows: string[][] = parse(csv.out);
    assert.deepStrictEqual(rows[0], ['kind', 'source', 'start', 'end', 'exact', 'note', 'tags', 'author', 'created', 'modified', 'entity', 'type', 'speaker', 'title', 'outlet', 'published', 'url']);
    for (const row of rows) assert.strictEqual(row.length, 17);
    assert.strictEqual(rows.filter((x) => x[0] === 'annotation').length, 3);
    assert.ok(rows.some((x) => x[0] === 'entity' && x[1] === 'news/b.txt' && x[4] === 'Jane Doe' && x[10] === 'Jane Doe' && x[11] === 'PERSON'));
    assert.ok(rows.some((x) => x[0] === 'quote' && x[1] === 'news/b.txt' && x[12] === 'Jane Doe'));
    assert.ok(!rows.some((x) => x[0] === 'entity' && /minister/i.test(x[4])), 'role phrases are no entities');
  });
});
