import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { importSource, detectFormat, formatProvenance, SourceImportError, DEFAULT_IMPORT_LIMITS, IMPORTER_VERSIONS, type ImportedSource } from '../../../src/core/sourceImport';
import { pdfDate } from '../../../src/core/sourceImport/pdf';
import { slugify } from '../../../src/core/sourceImport/text';
import { BREITBART_PARAGRAPHS, CNN_PARAGRAPHS, STATEMENT_PARAGRAPHS, breitbartPage, cnnPage, makeDocx, makePdf, makeScannedPdf, noArticlePage, words } from './fixtures';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const NOW = '2026-11-30T12:00:00.000Z';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const paragraphsOf = (text: string): string[] => text.trimEnd().split('\n\n');

async function rejects(p: Promise<unknown>, problem: string, pattern: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof SourceImportError, `not a SourceImportError: ${String(err)}`);
    assert.strictEqual(err.problem, problem, err.message);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('sourceImport: saved web pages', () => {
  it('CNN layout: exactly the article paragraphs, no menus, ads, related links or footers', async () => {
    const r = await importSource({ bytes: enc(cnnPage()), name: 'cnn-article.html', retrieved: NOW });
    const paras = paragraphsOf(r.text);
    // Readability keeps the credit line under the article ("contributed to this report"): it is the outlet's text.
    assert.deepStrictEqual(paras.slice(0, CNN_PARAGRAPHS.length), CNN_PARAGRAPHS);
    for (const furniture of ['Live TV', 'Advertisement', 'Related Article', 'Paid Content', 'More from CNN', 'Terms of Use', 'Now playing', 'adTargeting']) {
      assert.ok(!r.text.includes(furniture), `${furniture} leaked into the text:\n${r.text}`);
    }
    assert.ok(r.text.endsWith('\n') && !r.text.endsWith('\n\n'));
    assert.strictEqual(r.format, 'html');
  });

  it('CNN layout: title, outlet, author, date and canonical URL from the head', async () => {
    const r = await importSource({ bytes: enc(cnnPage()), name: 'cnn-article.html', retrieved: NOW });
    const p = r.provenance;
    assert.strictEqual(p.title, 'Harbor City mayor to meet neighbouring towns');
    assert.strictEqual(p.outlet, 'CNN');
    assert.deepStrictEqual(p.authors, ['Jane Reporter, CNN']);
    assert.strictEqual(p.published, '2017-01-28T10:02:47Z');
    assert.strictEqual(p.url, 'https://edition.cnn.com/2017/01/28/politics/harbor-city-mayor/index.html');
    assert.strictEqual(p.retrieved, NOW);
    assert.strictEqual(p.original?.file, 'cnn-article.html');
    assert.strictEqual(p.original?.mediaType, 'text/html');
    assert.match(p.original?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.strictEqual(p.importer, `source-annotator 0.1.0 html (@mozilla/readability ${IMPORTER_VERSIONS.readability}, linkedom ${IMPORTER_VERSIONS.linkedom})`);
    assert.strictEqual(r.baseName, 'harbor-city-mayor-to-meet-neighbouring-towns');
  });

  it('Breitbart layout: the article paragraphs, and metadata from JSON-LD', async () => {
    const r = await importSource({ bytes: enc(breitbartPage()), name: 'bb.htm', retrieved: NOW });
    assert.deepStrictEqual(paragraphsOf(r.text), BREITBART_PARAGRAPHS);
    for (const furniture of ['RELATED', 'Ferry plan sinks', 'Trending', 'Comments', 'disqus', 'Share', 'Tweet', 'Copyright']) {
      assert.ok(!r.text.includes(furniture), `${furniture} leaked into the text`);
    }
    assert.strictEqual(r.provenance.title, 'Governor: Ferry Line Will Open Before Summer');
    assert.strictEqual(r.provenance.outlet, 'Breitbart');
    assert.deepStrictEqual(r.provenance.authors, ['John Columnist']);
    assert.strictEqual(r.provenance.published, '2017-01-31T14:45:10-05:00');
    assert.strictEqual(r.provenance.url, 'https://www.breitbart.com/politics/2017/01/31/governor-ferry-line/');
  });

  it('a page in windows-1252 (declared in a meta tag) is decoded', async () => {
    const html = cnnPage().replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace('as a matter of courtesy', 'as a matter of \u2018courtesy\u2019');
    const bytes = Uint8Array.from(html, (c) => (c === '\u2019' ? 0x92 : c === '\u2018' ? 0x91 : c.charCodeAt(0)));
    const r = await importSource({ bytes, name: 'p.html', retrieved: NOW });
    assert.ok(r.text.includes('as a matter of \u2018courtesy\u2019.'), r.text);
  });

  it('a web archive (.mhtml, quoted-printable) imports like the page', async () => {
    const html = cnnPage();
    const qp = html.replace(/=/g, '=3D').replace(/(.{70})/g, '$1=\r\n');
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://edition.cnn.com/2017/01/28/politics/harbor-city-mayor/index.html',
      'Subject: Harbor City mayor',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc123----"',
      '',
      '',
      '------MultipartBoundary--abc123----',
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://edition.cnn.com/2017/01/28/politics/harbor-city-mayor/index.html',
      '',
      qp,
      '------MultipartBoundary--abc123----',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '------MultipartBoundary--abc123------',
      '',
    ].join('\r\n');
    const r = await importSource({ bytes: enc(mhtml), name: 'saved.mhtml', retrieved: NOW });
    assert.strictEqual(r.format, 'mhtml');
    assert.deepStrictEqual(paragraphsOf(r.text).slice(0, CNN_PARAGRAPHS.length), CNN_PARAGRAPHS);
    assert.strictEqual(r.provenance.outlet, 'CNN');
  });

  it('a page without an article is refused with a clear message', async () => {
    await rejects(importSource({ bytes: enc(noArticlePage()), name: 'home.html', retrieved: NOW }), 'no-article', /home\.html: no article found/);
  });

  it('the host names the outlet when the page does not, and the fetch URL resolves a relative canonical link', async () => {
    const html = cnnPage().replace('<meta property="og:site_name" content="CNN">', '').replace(/<meta property="og:url"[^>]*>/, '').replace(/<link rel="canonical"[^>]*>/, '<link rel="canonical" href="/story/1">');
    const r = await importSource({ bytes: enc(html), name: 'index.html', url: 'https://www.harbor-daily.example/story/1?utm=x', retrieved: NOW });
    assert.strictEqual(r.provenance.url, 'https://www.harbor-daily.example/story/1');
    assert.strictEqual(r.provenance.outlet, 'harbor-daily.example');
  });
});

describe('sourceImport: PDF', () => {
  it('two pages: the known paragraphs in order, page numbers dropped, metadata from the PDF', async () => {
    const bytes = await makePdf(STATEMENT_PARAGRAPHS, { title: 'Council statement on the bridge toll', author: 'Harbor City Council', pages: 2 });
    const r = await importSource({ bytes, name: 'statement.pdf', retrieved: NOW });
    assert.strictEqual(r.format, 'pdf');
    assert.deepStrictEqual(paragraphsOf(r.text), STATEMENT_PARAGRAPHS);
    assert.deepStrictEqual(words(r.text), words(STATEMENT_PARAGRAPHS.join(' ')));
    assert.strictEqual(r.provenance.title, 'Council statement on the bridge toll');
    assert.deepStrictEqual(r.provenance.authors, ['Harbor City Council']);
    assert.strictEqual(r.provenance.published, '2017-01-28T12:00:00Z');
    assert.strictEqual(r.provenance.original?.mediaType, 'application/pdf');
    assert.match(r.provenance.importer ?? '', /^source-annotator 0\.1\.0 pdf \(unpdf /);
    assert.strictEqual(r.baseName, 'council-statement-on-the-bridge-toll');
  });

  it('a paragraph cut by a page break is joined', async () => {
    // One long paragraph split over two pages by hand: the first page ends mid-sentence.
    const first = 'The council has reviewed the proposal to lift the toll on the eastern bridge and has';
    const second = 'concluded that the toll will remain in place until the end of the financial year.';
    const bytes = await makePdf([first, second], { pages: 2 });
    const r = await importSource({ bytes, name: 'cut.pdf', retrieved: NOW });
    assert.deepStrictEqual(paragraphsOf(r.text), [`${first} ${second}`]);
  });

  it('a PDF without text (scanned) is refused', async () => {
    await rejects(importSource({ bytes: await makeScannedPdf(), name: 'scan.pdf', retrieved: NOW }), 'no-text', /scan\.pdf: the PDF has no text layer/);
  });

  it('a corrupt PDF is refused', async () => {
    const good = await makePdf(STATEMENT_PARAGRAPHS);
    await rejects(importSource({ bytes: enc('%PDF-1.7\n1 0 obj garbage'), name: 'bad.pdf', retrieved: NOW }), 'corrupt', /bad\.pdf: not a readable PDF/);
    await rejects(importSource({ bytes: good.slice(0, 200), name: 'truncated.pdf', retrieved: NOW }), 'corrupt', /truncated\.pdf/);
  });

  it('PDF dates become ISO 8601', () => {
    assert.strictEqual(pdfDate("D:20170128103000+01'00'"), '2017-01-28T10:30:00+01:00');
    assert.strictEqual(pdfDate('D:20170128'), '2017-01-28');
    assert.strictEqual(pdfDate('D:2017'), '2017-01-01');
    assert.strictEqual(pdfDate('nonsense'), undefined);
  });
});

describe('sourceImport: Word documents', () => {
  it('the known paragraphs, title and author from the core properties', async () => {
    const bytes = await makeDocx(BREITBART_PARAGRAPHS, { title: 'Ferry line memo', creator: 'John Columnist' });
    const r = await importSource({ bytes, name: 'memo.docx', retrieved: NOW });
    assert.strictEqual(r.format, 'docx');
    assert.deepStrictEqual(paragraphsOf(r.text), BREITBART_PARAGRAPHS);
    assert.strictEqual(r.provenance.title, 'Ferry line memo');
    assert.deepStrictEqual(r.provenance.authors, ['John Columnist']);
    assert.match(r.provenance.importer ?? '', /docx \(mammoth /);
  });

  it('a broken .docx (a ZIP without a document, or not a ZIP) is refused', async () => {
    const bytes = await makeDocx(BREITBART_PARAGRAPHS);
    await rejects(importSource({ bytes: bytes.slice(0, bytes.length / 2), name: 'half.docx', retrieved: NOW }), 'corrupt', /half\.docx: not a readable Word document/);
    await rejects(importSource({ bytes: enc('hello, not a zip'), name: 'plain.docx', retrieved: NOW }), 'corrupt', /plain\.docx/);
  });
});

describe('sourceImport: limits and formats', () => {
  it('a file over the size limit is refused before it is parsed', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxBytes: 1000 };
    await rejects(importSource({ bytes: enc(cnnPage()), name: 'big.html', retrieved: NOW }, limits), 'too-large', /big\.html: the file is too large \(\d+ bytes; the limit is 1000\)/);
  });

  it('a PDF with more pages than the limit is refused', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxPdfPages: 1 };
    await rejects(importSource({ bytes: await makePdf(STATEMENT_PARAGRAPHS, { pages: 2 }), name: 'long.pdf', retrieved: NOW }, limits), 'too-large', /2 pages; the limit is 1/);
  });

  it('unknown formats and empty files are refused', async () => {
    await rejects(importSource({ bytes: enc('just text'), name: 'notes.odt', retrieved: NOW }), 'unsupported', /notes\.odt: not a web page, PDF or Word document/);
    await rejects(importSource({ bytes: new Uint8Array(0), name: 'empty.html', retrieved: NOW }), 'corrupt', /empty\.html: the file is empty/);
  });

  it('formats are recognised by their bytes before their names', () => {
    assert.strictEqual(detectFormat(enc('%PDF-1.4 ...'), 'x.html'), 'pdf');
    assert.strictEqual(detectFormat(enc('<!doctype html><p>'), 'download'), 'html');
    assert.strictEqual(detectFormat(enc('PK\u0003\u0004....'), 'report.docx'), 'docx');
    assert.strictEqual(detectFormat(enc('PK\u0003\u0004....'), 'archive.zip'), undefined);
    assert.strictEqual(detectFormat(enc('anything'), 'page', 'text/html; charset=utf-8'), 'html');
  });

  it('slugs are ASCII, lower case and bounded', () => {
    assert.strictEqual(slugify('Trump, Putin to talk: “a great relationship”'), 'trump-putin-to-talk-a-great-relationship');
    assert.strictEqual(slugify('Élysée: déclaration'), 'elysee-declaration');
    assert.strictEqual(slugify('東京', 'tokyo-page'), 'tokyo-page');
    assert.strictEqual(slugify(undefined, ''), 'source');
    assert.ok(slugify('word '.repeat(100)).length <= 80);
  });
});

describe('sourceImport: provenance file', () => {
  it('has the comment header and version 1, keeps dates as strings, leaves out empty fields', async () => {
    const r: ImportedSource = await importSource({ bytes: enc(breitbartPage()), name: 'bb.html', retrieved: NOW });
    const text = formatProvenance(r.provenance);
    assert.match(text, /^# Source Annotator provenance/);
    const value = parse(text, { version: '1.1' }) as Record<string, unknown>;
    assert.strictEqual(value.version, 1);
    assert.strictEqual(value.published, '2017-01-31T14:45:10-05:00');
    assert.strictEqual(value.retrieved, NOW);
    assert.deepStrictEqual(value.authors, ['John Columnist']);
    assert.deepStrictEqual(Object.keys(value), ['version', 'title', 'outlet', 'authors', 'published', 'url', 'retrieved', 'original', 'importer']);
    const bare = formatProvenance({ version: 1, authors: [] });
    assert.deepStrictEqual(parse(bare), { version: 1 });
  });

  it('the importer versions match package.json and the installed libraries', () => {
    const version = (p: string): string => (JSON.parse(fs.readFileSync(path.join(REPO, p), 'utf8')) as { version: string }).version;
    assert.strictEqual(IMPORTER_VERSIONS.sourceAnnotator, version('package.json'));
    assert.strictEqual(IMPORTER_VERSIONS.readability, version('node_modules/@mozilla/readability/package.json'));
    assert.strictEqual(IMPORTER_VERSIONS.linkedom, version('node_modules/linkedom/package.json'));
    assert.strictEqual(IMPORTER_VERSIONS.unpdf, version('node_modules/unpdf/package.json'));
    assert.strictEqual(IMPORTER_VERSIONS.mammoth, version('node_modules/mammoth/package.json'));
  });
});
