import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { PROVENANCE_SCHEMA } from '../../../src/core/provenance/schema';
import { MAX_PROVENANCE_BYTES, parseProvenance, readProvenanceFile, serializeProvenance } from '../../../src/core/provenance/file';
import { isProvenancePath, provenancePathFor, type Provenance } from '../../../src/core/provenance/model';
import { compareDatings, datingOf, describeDating, describeDay } from '../../../src/core/provenance/dating';
import { findProvenanceFiles, loadProvenances, sourcePathOf } from '../../../src/core/provenance/workspace';
import { isSourcePath } from '../../../src/core/workspace/sources';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const ROOT = path.resolve(__dirname, '../../../..');

const FULL = `version: 1
title: "Trump and Putin: the call"
outlet: CNN
authors: [Matthew Chance, "Eve O'Neil"]
published: 2017-01-28T14:05:00-05:00
url: https://edition.cnn.com/2017/01/28/politics/trump-putin/index.html
retrieved: 2026-11-30T10:00:00Z
original:
  file: trump-putin.html
  sha256: ${'0123456789abcdef'.repeat(4)}
  mediaType: text/html
importer: source-annotator 0.1.0 html
`;

describe('provenance: the <source>.provenance.yaml file', () => {
  it('reads every field of a full file, with dates kept as written (YAML 1.2: no timestamps)', () => {
    const r = parseProvenance(FULL);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepStrictEqual(r.provenance, {
      version: 1,
      title: 'Trump and Putin: the call',
      outlet: 'CNN',
      authors: ['Matthew Chance', "Eve O'Neil"],
      published: '2017-01-28T14:05:00-05:00',
      url: 'https://edition.cnn.com/2017/01/28/politics/trump-putin/index.html',
      retrieved: '2026-11-30T10:00:00Z',
      original: { file: 'trump-putin.html', sha256: '0123456789abcdef'.repeat(4), mediaType: 'text/html' },
      importer: 'source-annotator 0.1.0 html',
    });
    const dateOnly = parseProvenance('version: 1\npublished: 2017-01-28\n');
    assert.ok(dateOnly.ok && dateOnly.provenance.published === '2017-01-28');
  });

  it('says what is wrong with a bad field, with its line and column', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['version: 1\npublished: 28/01/2017\n', 2, /published.*ISO 8601/],
      ['version: 1\npublished: 2017-02-30\n', 2, /not a calendar date/],
      ['version: 1\nurl: javascript:alert(1)\n', 2, /url.*http/],
      ['version: 1\nurl: "https://a.example/x y"\n', 2, /url/],
      ['version: 1\ntitle: 12\n', 2, /title.*string/],
      ['version: 1\ntitle: "  "\n', 2, /title.*empty/],
      ['version: 1\nauthors: Jane Doe\n', 2, /authors.*list/],
      ['version: 1\noriginal:\n  file: ../../etc/passwd\n', 3, /original\.file.*without folders/],
      ['version: 1\noriginal:\n  sha256: ABC\n', 3, /sha256/],
      ['version: 1\noriginal: { size: 3 }\n', 2, /unknown key 'size' in `original`/],
      ['version: 1\ncolour: red\n', 2, /unknown key 'colour'/],
      ['version: 2\n', 1, /version/],
      ['title: x\n', 1, /version: 1` is missing/],
      ['- a\n- b\n', 1, /mapping/],
      ['version: 1\ntitle: a\ntitle: b\n', 3, /unique/],
      ['version: 1\ntitle: &t x\noutlet: *t\n', 3, /aliases/],
    ];
    for (const [text, line, message] of cases) {
      const r = parseProvenance(text);
      assert.ok(!r.ok, `${JSON.stringify(text)} should be refused`);
      assert.ok(r.issues.some((i) => i.line === line && message.test(i.message)), `${JSON.stringify(text)}: ${JSON.stringify(r.issues)}`);
    }
  });

  it('refuses hostile files quickly: huge, deeply nested, many keys, binary, a directory', async () => {
    assert.ok(!parseProvenance('version: 1\ntitle: ' + 'x'.repeat(MAX_PROVENANCE_BYTES) + '\n').ok);
    assert.ok(!parseProvenance('version: 1\ntitle: ' + '['.repeat(10000) + '\n').ok);
    assert.ok(!parseProvenance('version: 1\n' + Array.from({ length: 2000 }, (_, i) => `k${i}: 1`).join('\n')).ok);
    const title = 'x'.repeat(1001);
    assert.ok(!parseProvenance(`version: 1\ntitle: ${title}\n`).ok, 'a title over 1000 characters');
    const mem = new MemoryFileSystem({ '/ws/a.txt': 'x', '/ws/a.txt.provenance.yaml': new Uint8Array([0x76, 0, 0xff]), '/ws/b.txt.provenance.yaml/x': 'y' });
    const bin = await readProvenanceFile(mem, '/ws/a.txt.provenance.yaml');
    assert.strictEqual(bin.kind, 'invalid');
    const dir = await readProvenanceFile(mem, '/ws/b.txt.provenance.yaml');
    assert.strictEqual(dir.kind, 'invalid');
    assert.strictEqual((await readProvenanceFile(mem, '/ws/none.txt.provenance.yaml')).kind, 'none');
  });

  it('writes a file that reads back the same, quoting what YAML would misread', () => {
    const p: Provenance = {
      version: 1,
      title: 'Yes: "no" # not a comment',
      outlet: '- dash',
      authors: ['true', '2017', 'null', '@at'],
      published: '2017-01-28',
      url: 'https://a.example/p?q=1&r=[2]#f',
      retrieved: '2026-11-30T10:00:00.123+01:00',
      original: { file: 'page (1).html', sha256: 'f'.repeat(64), mediaType: 'application/pdf' },
      importer: "it's 'quoted'",
    };
    const text = serializeProvenance(p);
    const back = parseProvenance(text);
    assert.ok(back.ok, text + JSON.stringify(back));
    assert.deepStrictEqual(back.provenance, p);
    assert.deepStrictEqual(parseProvenance(serializeProvenance({ version: 1 })), { ok: true, provenance: { version: 1 } });
  });

  it('media/schema/provenance.schema.json is the core schema object, and schema and parser agree on samples', () => {
    const onDisk = JSON.parse(fs.readFileSync(path.join(ROOT, 'media/schema/provenance.schema.json'), 'utf8')) as unknown;
    assert.deepStrictEqual(onDisk, JSON.parse(JSON.stringify(PROVENANCE_SCHEMA)));
    const validate = new Ajv({ strict: false }).compile(PROVENANCE_SCHEMA);
    const cases = [
      FULL,
      'version: 1\n',
      'version: 1\npublished: 2017-01-28\n',
      'version: 1\npublished: 2017-01-28T09:00Z\n',
      'version: 1\npublished: 2017-01-28T09:00\n',
      'version: 1\npublished: 2017-13-01\n',
      'version: 1\nurl: ftp://a.example/\n',
      'version: 1\nurl: HTTPS://A.example/\n',
      'version: 1\ntitle: ""\n',
      'version: 1\ntitle: 3\n',
      'version: 1\nauthors: []\n',
      'version: 1\nauthors: [""]\n',
      'version: 1\noriginal: {}\n',
      'version: 1\noriginal: { file: a/b.html }\n',
      'version: 1\noriginal: { file: .. }\n',
      'version: 1\noriginal: { mediaType: html }\n',
      'version: 1\nextra: 1\n',
      'version: "1"\n',
      'outlet: CNN\n',
    ];
    for (const c of cases) {
      const byParser = parseProvenance(c).ok;
      const bySchema = validate(parse(c, { version: '1.2' })) === true;
      assert.strictEqual(bySchema, byParser, `${JSON.stringify(c)}: schema ${bySchema}, parser ${byParser}`);
    }
  });

  it('package.json registers the schema for *.provenance.yaml', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: Array<{ fileMatch: string; url: string }> } };
    assert.ok(pkg.contributes.yamlValidation.some((v) => v.fileMatch === '*.provenance.yaml' && v.url === './media/schema/provenance.schema.json'));
  });

  it('the seeds have valid provenance files, and their texts are untouched', () => {
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
    assert.strictEqual(seeds.length, 3);
    const outlets: string[] = [];
    for (const s of seeds) {
      const r = parseProvenance(fs.readFileSync(path.join(ROOT, 'seeds', s + '.provenance.yaml'), 'utf8'));
      assert.ok(r.ok, `${s}: ${JSON.stringify(r)}`);
      assert.strictEqual(r.provenance.published, '2017-01-28');
      assert.strictEqual(r.provenance.url, undefined, 'no URL: the texts give none');
      outlets.push(r.provenance.outlet!);
    }
    assert.deepStrictEqual(outlets, ['CNN', 'CNN', 'Breitbart']);
    // The seed texts as they were (sizes of the committed files).
    assert.deepStrictEqual(seeds.map((s) => fs.statSync(path.join(ROOT, 'seeds', s)).size), [6036, 7102, 3465]);
  });

  it('a provenance file is never a source, and names its source', () => {
    assert.ok(isProvenancePath('/ws/a.txt.provenance.yaml'));
    assert.ok(!isProvenancePath('/ws/.provenance.yaml'));
    assert.ok(!isSourcePath('/ws/a.txt.provenance.yaml'));
    assert.ok(isSourcePath('/ws/a.provenance.yaml.md'), 'the suffix is the end of the name');
    assert.strictEqual(sourcePathOf(provenancePathFor('/ws/a.txt')), '/ws/a.txt');
  });
});

describe('provenance: dating a source', () => {
  it('uses the publication date, else the retrieval time, else the file time, and says which', () => {
    const pub = datingOf({ version: 1, published: '2017-01-28', retrieved: '2026-01-01T00:00:00Z' }, 5);
    assert.deepStrictEqual([pub.basis, pub.precision, pub.label], ['published', 'day', '2017-01-28']);
    const ret = datingOf({ version: 1, retrieved: '2026-01-01T10:00:00+02:00' }, 5);
    assert.deepStrictEqual([ret.basis, ret.time], ['retrieved', Date.UTC(2026, 0, 1, 8)]);
    const file = datingOf(undefined, Date.UTC(2020, 5, 1));
    assert.deepStrictEqual([file.basis, describeDating(file)], ['file', 'file time 2020-06-01T00:00:00Z']);
    assert.strictEqual(datingOf(undefined).basis, 'unknown');
  });

  it('the Sources view shows the day alone: the publisher\'s as written, UTC for a file time', () => {
    assert.strictEqual(describeDay(datingOf({ version: 1, published: '2017-01-31T23:45:10-05:00' })), 'published 2017-01-31');
    assert.strictEqual(describeDay(datingOf({ version: 1, retrieved: '2026-11-30T17:35:15.341Z' })), 'retrieved 2026-11-30');
    assert.strictEqual(describeDay(datingOf(undefined, Date.UTC(2020, 5, 1, 23, 59))), 'file time 2020-06-01');
    assert.strictEqual(describeDay(datingOf(undefined)), 'no date');
  });

  it('orders by time; a date alone ties with anything on its day; unknown last', () => {
    const d = (published: string) => datingOf({ version: 1, published });
    assert.strictEqual(compareDatings(d('2017-01-27'), d('2017-01-28')), -1);
    assert.strictEqual(compareDatings(d('2017-01-28'), d('2017-01-28T23:00:00-05:00')), 0, 'the publisher\'s day');
    assert.strictEqual(compareDatings(d('2017-01-28T10:00:00Z'), d('2017-01-28T09:00:00Z')), 1);
    assert.strictEqual(compareDatings(datingOf(undefined), d('2017-01-28')), 1);
    assert.strictEqual(compareDatings(datingOf(undefined), datingOf(undefined)), 0);
  });

  it('loads the provenance of a folder of sources, skipping invalid files with their issues', async () => {
    const mem = new MemoryFileSystem({
      '/ws/a.txt': 'A',
      '/ws/a.txt.provenance.yaml': 'version: 1\noutlet: CNN\npublished: 2017-01-28\n',
      '/ws/sub/b.md': 'B',
      '/ws/sub/b.md.provenance.yaml': 'version: 1\npublished: yesterday\n',
      '/ws/c.txt': 'C',
      '/ws/.hidden/d.txt.provenance.yaml': 'version: 1\n',
    });
    assert.deepStrictEqual(await findProvenanceFiles(mem, '/ws'), ['/ws/a.txt.provenance.yaml', '/ws/sub/b.md.provenance.yaml']);
    const all = await loadProvenances(mem, '/ws', ['/ws/a.txt', '/ws/sub/b.md', '/ws/c.txt']);
    assert.strictEqual(all.get('/ws/a.txt')?.provenance?.outlet, 'CNN');
    assert.strictEqual(all.get('/ws/a.txt')?.dating.basis, 'published');
    assert.ok(all.get('/ws/sub/b.md')?.issues?.[0].message.includes('published'));
    assert.strictEqual(all.get('/ws/sub/b.md')?.dating.basis, 'file', 'an invalid file dates nothing');
    assert.strictEqual(all.get('/ws/c.txt')?.dating.basis, 'file');
  });
});
