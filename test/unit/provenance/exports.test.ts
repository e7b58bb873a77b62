import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { main } from '../../../src/cli/main';
import { analyzeDocument, canonicalizeAcrossDocuments, clusterQuotes } from '../../../src/core/analysis';
import type { AnnotatedSource } from '../../../src/core/annotations/model';
import { buildRefiQdaProject, exportCsv, exportMarkdown, exportW3c, type ExportAnalysis, type W3cCollection } from '../../../src/core/export';
import { datingOf } from '../../../src/core/provenance/dating';
import type { QuoteOriginsJson } from '../../../src/core/provenance/report';
import type { SourceProvenance } from '../../../src/core/provenance/workspace';
import { annotate } from '../export/fixtures';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const PROJECT_XSD = path.resolve(__dirname, '../../../../../shared/refi-qda/Project-mrt2019.xsd');

const EARLY = 'Moscow, Jan 27. The minister said "we will cut taxes for every family by next year" on Monday.\n';
const LATE = 'A day later the minister was quoted: "we will cut taxes for rich families by next year" he said.\n';
const CUT = 'Others wrote that he said "cut taxes for every family" again.\n';

function sources(): AnnotatedSource[] {
  return [
    { path: 'a-late.txt', text: LATE, annotations: [annotate(LATE, 'rich families', { id: 'a-1', note: 'changed!', tags: ['altered'] })] },
    { path: 'b-early.txt', text: EARLY, annotations: [annotate(EARLY, 'every family', { id: 'a-2' })] },
    { path: 'c-cut.txt', text: CUT, annotations: [] },
  ];
}

function provenance(): Map<string, SourceProvenance> {
  const m = new Map<string, SourceProvenance>();
  const set = (p: string, prov: SourceProvenance['provenance'], fileTime?: number): void => {
    m.set(p, { provenance: prov, fileTime, dating: datingOf(prov, fileTime) });
  };
  set('a-late.txt', { version: 1, title: 'Taxes <cut> & "rich"', outlet: 'Daily Example', authors: ['Ann A', 'Bob B'], published: '2017-01-28T10:00:00+01:00', url: 'https://news.example/taxes?id=1&x=2', retrieved: '2026-11-30T09:00:00Z' });
  set('b-early.txt', { version: 1, title: 'The minister on taxes', outlet: 'Wire', published: '2017-01-27' });
  set('c-cut.txt', undefined, Date.UTC(2026, 0, 1));
  return m;
}

function analysisOf(srcs: readonly AnnotatedSource[]): ExportAnalysis {
  const docs = canonicalizeAcrossDocuments(srcs.map((s) => ({ path: s.path, text: s.text, analysis: analyzeDocument(s.text) })));
  return { byPath: new Map(docs.map((d) => [d.path, d.analysis])), clusters: clusterQuotes(docs) };
}

describe('provenance in the exports', () => {
  it('REFI-QDA: TextSource description and variables, valid against the Project XSD', () => {
    const project = buildRefiQdaProject(sources(), { provenance: provenance() });
    const xml = project.xml;
    assert.match(xml, /<Variables>[\s\S]*name="Title" typeOfVariable="Text"[\s\S]*name="Published" typeOfVariable="Date"[\s\S]*<\/Variables>/);
    assert.match(xml, /<Description>Taxes &lt;cut&gt; &amp; "rich"\nDaily Example, by Ann A, Bob B\nPublished 2017-01-28T10:00:00\+01:00\nhttps:\/\/news\.example\/taxes\?id=1&amp;x=2\nRetrieved 2026-11-30T09:00:00Z<\/Description>/);
    assert.match(xml, /<DateValue>2017-01-28<\/DateValue>/, "the publisher's day");
    assert.match(xml, /<TextValue>Wire<\/TextValue>/);
    assert.ok(!/Authors[\s\S]*Authors[\s\S]*Authors/.test(xml.slice(0, xml.indexOf('<Sources>'))), 'each variable declared once');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-prov-'));
    try {
      const file = path.join(dir, 'project.qde');
      fs.writeFileSync(file, xml);
      const r = spawnSync('xmllint', ['--noout', '--schema', PROJECT_XSD, file], { encoding: 'utf8' });
      if (r.error) assert.fail('xmllint is not installed: install the Debian package libxml2-utils');
      assert.strictEqual(r.status, 0, r.stderr);
      // Without provenance, no Variables at all (the export as before).
      fs.writeFileSync(file, buildRefiQdaProject(sources()).xml);
      assert.ok(!buildRefiQdaProject(sources()).xml.includes('<Variables>'));
      assert.strictEqual(spawnSync('xmllint', ['--noout', '--schema', PROJECT_XSD, file], { encoding: 'utf8' }).status, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('W3C: the page URL as the target source, the workspace file its TimeState cached copy', () => {
    const c = exportW3c(sources(), { provenance: provenance() }) as W3cCollection;
    const late = c.first.items.find((a) => a.target.source === 'https://news.example/taxes?id=1&x=2')!;
    assert.deepStrictEqual(late.target.state, { type: 'TimeState', cached: 'urn:source-annotator:source:a-late.txt', sourceDate: '2026-11-30T09:00:00Z' });
    assert.strictEqual(late.target.scope, undefined);
    const early = c.first.items.find((a) => a.target.source.endsWith('b-early.txt'))!;
    assert.strictEqual(early.target.state, undefined, 'no URL: the workspace IRI, no state');
  });

  it('CSV: title, outlet, published and url on every row of the source', () => {
    const rows: string[][] = parse(exportCsv(sources(), { provenance: provenance() }));
    assert.deepStrictEqual(rows[0].slice(-4), ['title', 'outlet', 'published', 'url']);
    const late = rows.find((r) => r[0] === 'a-late.txt')!;
    assert.deepStrictEqual(late.slice(-4), ['Taxes <cut> & "rich"', 'Daily Example', '2017-01-28T10:00:00+01:00', 'https://news.example/taxes?id=1&x=2']);
    const withAnalysis: string[][] = parse(exportCsv(sources(), { provenance: provenance(), includeAnalysis: true, analysis: analysisOf(sources()) }));
    assert.ok(withAnalysis.filter((r) => r[0] === 'quote' && r[1] === 'b-early.txt').every((r) => r[r.length - 3] === 'Wire'));
  });

  it('Markdown: a sources table, and each shared quote with its earliest source and every later wording', () => {
    const srcs = sources();
    const md = exportMarkdown(srcs, { provenance: provenance(), analysis: analysisOf(srcs) });
    assert.ok(md.includes('| Source | Title | Outlet | Published | URL |'));
    assert.ok(md.includes('| a-late.txt | Taxes \\<cut\\> &amp; "rich" | Daily Example | 2017-01-28T10:00:00+01:00 | <https://news.example/taxes?id=1&x=2> |'), md);
    const shared = md.slice(md.indexOf('### Quotes shared across sources'));
    assert.ok(shared.includes('c-cut.txt'), shared);
    assert.match(shared, /#### Shared quote 1 \(words changed\)\n\n> we will cut taxes for every family by next year\n\nFirst appeared in b-early\.txt \(Wire, published 2017-01-27\); ordered by publication date, then file time\./);
    assert.match(shared, /- b-early\.txt, code points \d+–\d+[^\n]*: earliest\n/);
    assert.match(shared, /- a-late\.txt, code points \d+–\d+[^\n]*\(Daily Example, published 2017-01-28T10:00:00\+01:00\): \*\*words changed\*\*: we will cut taxes for ~~every family~~ \*\*rich families\*\* by next year\n/);
    assert.match(shared, /- c-cut\.txt, code points \d+–\d+[^\n]*\(file time 2026-01-01T00:00:00Z\): cut \(an excerpt\)\n/);
  });
});

describe('provenance in the CLI', () => {
  async function run(argv: string[], fs0: MemoryFileSystem): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(argv, { fs: fs0, cwd: '/ws', stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  }

  function workspace(): MemoryFileSystem {
    return new MemoryFileSystem({
      '/ws/a-late.txt': LATE,
      '/ws/a-late.txt.provenance.yaml': 'version: 1\noutlet: Daily Example\npublished: 2017-01-28\n',
      '/ws/b-early.txt': EARLY,
      '/ws/b-early.txt.provenance.yaml': 'version: 1\noutlet: Wire\npublished: 2017-01-27\n',
      '/ws/c.txt': 'The minister said "nothing to add here today" and left.\n',
      '/ws/d.txt': 'Again: "nothing to add here today!"\n',
    });
  }

  it('quotes: where each shared quote first appeared and who changed it; --altered; --json', async () => {
    const fsys = workspace();
    const text = await run(['quotes'], fsys);
    assert.strictEqual(text.code, 0, text.err);
    assert.match(text.out, /"we will cut taxes for every family by next year"\s+\[q[0-9a-f]+, ALTERED\] 2 sources, ordered by publication date/);
    assert.match(text.out, /first: b-early\.txt:\d+-\d+ \(Wire\), published 2017-01-27\n/);
    assert.match(text.out, /later: a-late\.txt:\d+-\d+ \(Daily Example\), published 2017-01-28: words changed we will cut taxes for \[-every family-\] \[\+rich families\+\] by next year/);
    assert.match(text.out, /"nothing to add here today"[^\n]*ordered by file time/);
    assert.match(text.out, /punctuation or marks differ/);
    assert.match(text.out, /2 shared quote\(s\), 1 with words changed\n$/);

    const altered = await run(['quotes', '--altered', '--json'], fsys);
    const json = JSON.parse(altered.out) as QuoteOriginsJson;
    assert.strictEqual(json.quotes.length, 1);
    const q = json.quotes[0];
    assert.deepStrictEqual([q.altered, q.tie, q.orderedBy, q.sources], [true, false, ['published'], 2]);
    assert.deepStrictEqual(q.mentions.map((m) => [m.path, m.wording, m.date, m.dateBasis, m.outlet]), [
      ['b-early.txt', 'earliest', '2017-01-27', 'published', 'Wire'],
      ['a-late.txt', 'changed', '2017-01-28', 'published', 'Daily Example'],
    ]);
    assert.strictEqual(LATE.slice(q.mentions[1].start, q.mentions[1].end), q.mentions[1].text, 'code points (ASCII here)');
    assert.deepStrictEqual(q.mentions[1].diff?.filter((d) => d.op !== 'same'), [
      { op: 'missing', words: 'every family' },
      { op: 'added', words: 'rich families' },
    ]);
  });

  it('quotes warns about an invalid provenance file and dates that source by its file time', async () => {
    const fsys = workspace();
    fsys.set('/ws/b-early.txt.provenance.yaml', 'version: 1\npublished: last week\n');
    const r = await run(['quotes', '--json'], fsys);
    assert.strictEqual(r.code, 0);
    assert.match(r.err, /b-early\.txt\.provenance\.yaml:2:\d+: `published` must be an ISO 8601 date/);
    const json = JSON.parse(r.out) as QuoteOriginsJson;
    const q = json.quotes.find((x) => x.mentions.some((m) => m.path === 'b-early.txt'))!;
    assert.strictEqual(q.mentions.find((m) => m.path === 'b-early.txt')!.dateBasis, 'file');
    assert.deepStrictEqual(q.orderedBy, ['published', 'file']);
  });

  it('check validates provenance files, and one without its source', async () => {
    const fsys = workspace();
    fsys.set('/ws/b-early.txt.provenance.yaml', 'version: 1\nurl: ftp://x\n');
    fsys.set('/ws/gone.txt.provenance.yaml', 'version: 1\n');
    const r = await run(['check'], fsys);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /b-early\.txt\.provenance\.yaml:2:6: `url` must be an absolute http or https URL/);
    assert.match(r.out, /gone\.txt\.provenance\.yaml:1:1: no source gone\.txt beside this provenance file/);
    assert.match(r.err, /3 provenance file\(s\), 2 problem\(s\)/);
    fsys.set('/ws/b-early.txt.provenance.yaml', 'version: 1\n');
    fsys.set('/ws/gone.txt', 'back');
    const ok = await run(['check'], fsys);
    assert.strictEqual(ok.code, 0, ok.out);
  });

  it('export carries the provenance (md sources table, csv columns)', async () => {
    const fsys = workspace();
    const csv = await run(['export', '--format', 'csv'], fsys);
    assert.strictEqual(csv.code, 0, csv.err);
    const md = await run(['export', '--format', 'md'], fsys);
    assert.ok(md.out.includes('| b-early.txt |  | Wire | 2017-01-27 |  |'), md.out);
    assert.match(md.out, /First appeared in b-early\.txt \(Wire, published 2017-01-27\)/);
  });
});
