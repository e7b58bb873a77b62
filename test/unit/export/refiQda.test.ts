import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import type { AnnotatedSource } from '../../../src/core/annotations/model';
import { buildRefiQdaProject, exportQdc, exportQdpx, exportWorkspace, stableGuid } from '../../../src/core/export';
import { OffsetMap, sliceCodePoints } from '../../../src/core/text/offsets';
import { CODE_PALETTE } from '../../../src/core/export/palette';
import { annotate, sampleAnalysis, sampleSources } from './fixtures';
import { readQdpx } from './refiReader';

const REFI_DIR = path.resolve(__dirname, '../../../../../shared/refi-qda');
const PROJECT_XSD = path.join(REFI_DIR, 'Project-mrt2019.xsd');
const CODEBOOK_XSD = path.join(REFI_DIR, 'Codebook-mrt2019.xsd');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function xmllint(args: string[], env: NodeJS.ProcessEnv = process.env): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('xmllint', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    assert.fail('xmllint is not installed: install the Debian package libxml2-utils (apt-get install libxml2-utils)');
  }
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

class TempDir {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-refi-'));
  write(name: string, content: string | Uint8Array): string {
    const p = path.join(this.dir, name);
    fs.writeFileSync(p, content);
    return p;
  }
  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function validate(tmp: TempDir, xml: string, xsd: string, name = 'doc.xml'): { status: number; stderr: string } {
  const file = tmp.write(name, xml);
  return xmllint(['--noout', '--schema', xsd, file]);
}

function xpath(file: string, expr: string): string {
  const r = xmllint(['--xpath', expr, file]);
  return r.status === 0 ? r.stdout.replace(/\n$/, '') : '';
}

describe('export/refiQda', () => {
  let tmp: TempDir;
  beforeEach(() => {
    assert.ok(fs.existsSync(PROJECT_XSD), `the REFI-QDA XSD is missing: expected ${PROJECT_XSD} (../shared/refi-qda beside the clone)`);
    tmp = new TempDir();
  });
  afterEach(() => tmp.dispose());

  it('the .qdpx is a zip of project.qde and sources/<guid>.txt, valid against the Project XSD', () => {
    const sources = sampleSources();
    const zip = exportQdpx(sources);
    const files = unzipSync(zip);
    const names = Object.keys(files).sort();
    assert.ok(names.includes('project.qde'));
    const txts = names.filter((n) => n !== 'project.qde');
    assert.strictEqual(txts.length, sources.length);
    for (const n of txts) assert.match(n, /^sources\/[0-9a-f-]{36}\.txt$/);
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(files['project.qde']);
    const r = validate(tmp, xml, PROJECT_XSD, 'project.qde');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<Project xmlns="urn:QDA-XML:project:1\.0"/);
    // Each source: UTF-8, LF only, referenced as internal://<guid>.txt.
    for (const s of sources) {
      const guid = stableGuid('source', s.path);
      const body = new TextDecoder('utf-8', { fatal: true }).decode(files[`sources/${guid}.txt`]);
      assert.strictEqual(body, s.text.replace(/\r\n?/g, '\n'));
      assert.ok(!body.includes('\r'));
      assert.ok(xml.includes(`plainTextPath="internal://${guid}.txt"`));
    }
  });

  it('positions are code points in the LF text and select exactly the annotated text', () => {
    const sources = sampleSources();
    const project = buildRefiQdaProject(sources);
    const file = tmp.write('project.qde', project.xml);
    let checked = 0;
    for (const s of sources) {
      const lfText = project.sources.find((x) => x.path === s.path)!.text;
      const map = new OffsetMap(lfText);
      for (const a of s.annotations) {
        const guid = stableGuid('selection', a.id);
        const sel = `//*[local-name()="PlainTextSelection"][@guid="${guid}"]`;
        const start = Number(xpath(file, `string(${sel}/@startPosition)`));
        const end = Number(xpath(file, `string(${sel}/@endPosition)`));
        assert.strictEqual(sliceCodePoints(lfText, map, start, end), a.target.exact.replace(/\r\n?/g, '\n'), `${a.id}`);
        checked++;
      }
    }
    assert.strictEqual(checked, 6);
    // "today.\r\n👍🏽" starts after one CRLF and ends after two: each counts one less in the LF text.
    const a3 = sources[0].annotations[2];
    const sel3 = `//*[local-name()="PlainTextSelection"][@guid="${stableGuid('selection', a3.id)}"]`;
    assert.strictEqual(Number(xpath(file, `string(${sel3}/@startPosition)`)), a3.target.start - 1);
    assert.strictEqual(Number(xpath(file, `string(${sel3}/@endPosition)`)), a3.target.end - 2);
    // The last source's annotation follows a CRLF-free line with two astral letters.
    const b6 = sources[1].annotations[1];
    const idx = sources[1].text.indexOf(b6.target.exact);
    assert.strictEqual(b6.target.start, idx - 1);
  });

  it('one codable Code per tag with a stable colour, Codings per tag, notes as Description, a User per author', () => {
    const sources = sampleSources();
    const file = tmp.write('project.qde', buildRefiQdaProject(sources).xml);
    const tags = [...new Set(sources.flatMap((s) => s.annotations.flatMap((a) => a.tags)))];
    assert.strictEqual(Number(xpath(file, 'count(//*[local-name()="Code"])')), tags.length);
    for (const t of tags) {
      const code = `//*[local-name()="Code"][@guid="${stableGuid('code', t)}"]`;
      assert.strictEqual(xpath(file, `string(${code}/@name)`), t);
      assert.strictEqual(xpath(file, `string(${code}/@isCodable)`), 'true');
      assert.match(xpath(file, `string(${code}/@color)`), /^#[0-9A-F]{6}$/);
    }
    const a1 = sources[0].annotations[0];
    const sel = `//*[local-name()="PlainTextSelection"][@guid="${stableGuid('selection', a1.id)}"]`;
    assert.strictEqual(xpath(file, `string(${sel}/*[local-name()="Description"])`), a1.note.replace(/\r\n/g, '\n'), 'the note, with LF line ends');
    assert.strictEqual(Number(xpath(file, `count(${sel}/*[local-name()="Coding"]/*[local-name()="CodeRef"])`)), 2);
    assert.strictEqual(xpath(file, `string(${sel}/*[local-name()="Coding"][2]/*[local-name()="CodeRef"]/@targetGUID)`), stableGuid('code', 'economy'));
    assert.strictEqual(xpath(file, `string(${sel}/@creationDateTime)`), '2026-11-20T09:15:00Z');
    const authors = [...new Set(sources.flatMap((s) => s.annotations.map((a) => a.author)).filter((x) => x !== ''))];
    assert.strictEqual(Number(xpath(file, 'count(//*[local-name()="User"])')), authors.length);
    assert.strictEqual(xpath(file, `string(${sel}/@creatingUser)`), stableGuid('user', 'Ada Reporter'));
    for (const g of xpath(file, '//@guid').match(/guid="[^"]*"/g) ?? []) assert.match(g.slice(6, -1), GUID);
    const tagWithMarkup = 'tag with "quote" & <angle>';
    assert.strictEqual(xpath(file, `string(//*[local-name()="Code"][@guid="${stableGuid('code', tagWithMarkup)}"]/@name)`), tagWithMarkup);
  });

  it('is deterministic: the same data gives the same bytes and GUIDs', () => {
    const one = exportQdpx(sampleSources());
    const two = exportQdpx(sampleSources());
    assert.deepStrictEqual(Buffer.from(one), Buffer.from(two));
    const r = exportWorkspace('qdpx', sampleSources());
    assert.strictEqual(r.extension, 'qdpx');
    assert.deepStrictEqual(Buffer.from(r.data), Buffer.from(one));
  });

  it('hostile text (control characters, lone surrogates, markup) still gives a valid project', () => {
    const text = 'Bad \u0001 bytes \uD800 here "x" \u000B end\r\n';
    const src: AnnotatedSource = {
      path: 'bad<&>"\u0002.txt',
      text,
      annotations: [annotate(text, '"x"', { id: 'a-bad', note: 'note \u0000 \u001F ]]> </Description> &amp;', tags: ['\u0007bell', 'a/b'], author: 'x"y<z' })],
    };
    const r = validate(tmp, buildRefiQdaProject([src], { title: 'T <&> "' }).xml, PROJECT_XSD);
    assert.strictEqual(r.status, 0, r.stderr);
  });

  it('fails (does not skip) with the Debian package name when xmllint is missing', () => {
    assert.throws(() => xmllint(['--version'], { PATH: path.join(tmp.dir, 'no-such-bin') }), (e: Error) => e instanceof assert.AssertionError && /libxml2-utils/.test(e.message));
  });

  it('the validator rejects an invalid project (so a pass means something)', () => {
    const xml = buildRefiQdaProject(sampleSources()).xml.replace(/ isCodable="true"/, '');
    const r = validate(tmp, xml, PROJECT_XSD);
    assert.notStrictEqual(r.status, 0);
    assert.match(r.stderr, /isCodable/);
  });

  it('the .qdc codebook of the tags is valid against the Codebook XSD; with no tags it says so', () => {
    const qdc = exportQdc(sampleSources());
    const r = validate(tmp, qdc, CODEBOOK_XSD, 'codebook.qdc');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(qdc, /<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);
    assert.strictEqual((qdc.match(/<Code /g) ?? []).length, 5);
    assert.ok(qdc.includes(`guid="${stableGuid('code', 'claim')}"`), 'codebook GUIDs match the project');
    assert.throws(() => exportQdc([{ path: 'x.txt', text: 'x', annotations: [] }]), /no tags/);
    const empty = validate(tmp, buildRefiQdaProject([]).xml, PROJECT_XSD, 'empty.qde');
    assert.strictEqual(empty.status, 0, empty.stderr);
  });

  it('optionally exports detected entities and quotes as codes, positions converted from UTF-16', () => {
    const sources = sampleSources();
    const { byPath, clusters, at } = sampleAnalysis(sources);
    const docA = byPath.get(sources[0].path)!;
    byPath.set(sources[0].path, { ...docA, entities: [...docA.entities, { ...at(sources[0].text, 'Headline'), text: 'Headline', type: 'ORG', entity: 'Headline News', kind: 'name' }] });
    const analysis = { byPath, clusters };
    const without = buildRefiQdaProject(sources, { analysis });
    assert.ok(!without.xml.includes('name="Entities"'), 'off unless includeAnalysis');
    const project = buildRefiQdaProject(sources, { analysis, includeAnalysis: true });
    const file = tmp.write('project.qde', project.xml);
    const r = xmllint(['--noout', '--schema', PROJECT_XSD, file]);
    assert.strictEqual(r.status, 0, r.stderr);
    for (const name of ['Entities', 'ORG', 'Headline News', 'The Minister', 'Quotes', 'Unattributed', 'Shared quotes']) {
      assert.strictEqual(Number(xpath(file, `count(//*[local-name()="Code"][@name="${name}"])`)), 1, name);
    }
    assert.strictEqual(Number(xpath(file, 'count(//*[local-name()="Code"][@name="PERSON"])')), 0, 'the role mention "minister" is no entity: The Minister is a speaker code only');
    assert.strictEqual(xpath(file, 'string(//*[local-name()="Code"][@name="Entities"]/@isCodable)'), 'false');
    const lfB = project.sources[1].text;
    const sharedGuid = xpath(file, 'string(//*[local-name()="Code"][@name="Shared quotes"]/*[local-name()="Code"]/@guid)');
    assert.match(sharedGuid, GUID);
    const starts = xpath(file, `//*[local-name()="PlainTextSelection"][*[local-name()="Coding"]/*[local-name()="CodeRef"][@targetGUID="${sharedGuid}"]]/@startPosition`);
    const positions = (starts.match(/\d+/g) ?? []).map(Number).sort((x, y) => x - y);
    assert.strictEqual(positions.length, 2, 'both mentions coded with the shared-quote code');
    assert.ok(positions.includes(new OffsetMap(lfB).toCodePoint(lfB.indexOf('we will cut taxes'))));
    const qdc = exportQdc(sources, { analysis, includeAnalysis: true });
    const rq = validate(tmp, qdc, CODEBOOK_XSD, 'with-analysis.qdc');
    assert.strictEqual(rq.status, 0, rq.stderr);
  });

  describe('read back by a REFI-QDA reader of our own (zip, XML parser, slices of sources/<guid>.txt)', () => {
    /** sampleSources (CRLF, emoji, a skin-tone modifier, astral letters) and a source that is only emoji and CRLF. */
    function corpus(): AnnotatedSource[] {
      const e = '😀😀\r\n👩‍👩‍👧 family 🇫🇷 flag\r\n\r\n𝕏 said "🎉 party" 🎉\r\n';
      return [
        ...sampleSources(),
        { path: 'emoji.txt', text: e, annotations: [annotate(e, '👩‍👩‍👧 family', { id: 'a-e1', tags: ['quote'] }), annotate(e, 'flag\r\n\r\n𝕏', { id: 'a-e2', tags: ['vérifier'] }), annotate(e, '🎉', { id: 'a-e3', tags: ['quote'] }, e.indexOf('"'))] },
      ];
    }
    const expected = (sources: readonly AnnotatedSource[]): Map<string, string> => new Map(sources.flatMap((s) => s.annotations.map((a) => [stableGuid('selection', a.id), a.target.exact.replace(/\r\n?/g, '\n')] as const)));

    for (const unit of ['codepoints', 'utf16'] as const) {
      it(`every selection slices its annotated text, counting ${unit === 'codepoints' ? 'code points (the default)' : 'UTF-16 units (positions: utf16)'}`, () => {
        const sources = corpus();
        const zip = exportQdpx(sources, unit === 'utf16' ? { positions: 'utf16' } : {});
        const project = readQdpx(zip, unit);
        const want = expected(sources);
        assert.strictEqual(project.selections.length, want.size);
        for (const sel of project.selections) assert.strictEqual(sel.text, want.get(sel.guid), `${sel.source} ${sel.start}-${sel.end}`);
        // The other unit would be wrong after an astral character: the two really differ.
        let differs: boolean;
        try {
          differs = readQdpx(zip, unit === 'utf16' ? 'codepoints' : 'utf16').selections.some((sel) => sel.text !== want.get(sel.guid));
        } catch {
          differs = true; // a selection past the end of its source
        }
        assert.ok(differs);
        const e3 = project.selections.find((sel) => sel.guid === stableGuid('selection', 'a-e3'))!;
        assert.deepStrictEqual(e3.codes, ['quote']);
      });
    }

    it('with the analysis, entity and quote selections slice their text too, in both units', () => {
      const sources = sampleSources();
      const { byPath, clusters, at } = sampleAnalysis(sources);
      const b = sources[1];
      byPath.set(b.path, { ...byPath.get(b.path)!, entities: [{ ...at(b.text, '𝔗ext'), text: '𝔗ext', type: 'ORG', entity: 'Text Corp', kind: 'name' }] });
      for (const unit of ['codepoints', 'utf16'] as const) {
        const project = readQdpx(exportQdpx(sources, { analysis: { byPath, clusters }, includeAnalysis: true, positions: unit }), unit);
        const detected = project.selections.filter((sel) => sel.codes.some((c) => c === 'The Minister' || c === 'Unattributed' || c === 'Text Corp'));
        assert.strictEqual(detected.length, 3, unit);
        for (const sel of detected) assert.ok(sel.text === '𝔗ext' || sel.text === 'we will cut taxes', `${unit}: ${sel.text}`);
        assert.ok(!project.selections.some((sel) => sel.text === 'minister'), 'no selection for a role phrase');
      }
    });

    it('holds every source by default, and only the annotated ones with annotatedOnly; the XSD accepts both', () => {
      const sources = corpus();
      const all = readQdpx(exportQdpx(sources));
      assert.deepStrictEqual(all.sources.map((s) => s.name), sources.map((s) => s.path));
      assert.strictEqual(all.sources.find((s) => s.name === 'empty.txt')!.text, 'Nothing here.\n');
      const annotated = readQdpx(exportQdpx(sources, { annotatedOnly: true }));
      assert.deepStrictEqual(annotated.sources.map((s) => s.name), sources.filter((s) => s.annotations.length > 0).map((s) => s.path));
      for (const options of [{}, { annotatedOnly: true }, { positions: 'utf16' as const }]) {
        const r = validate(tmp, buildRefiQdaProject(sources, options).xml, PROJECT_XSD, 'p.qde');
        assert.strictEqual(r.status, 0, r.stderr);
      }
    });

    it('codes get distinct palette colours in order, the same for the same codebook', () => {
      const sources = corpus();
      const project = readQdpx(exportQdpx(sources));
      const codable = project.codes.filter((c) => c.isCodable);
      assert.deepStrictEqual(codable.map((c) => c.name), ['=danger', 'claim', 'color', 'economy', 'quote', 'tag with "quote" & <angle>', 'vérifier']);
      assert.deepStrictEqual(codable.map((c) => c.color), CODE_PALETTE.slice(0, codable.length));
      assert.notStrictEqual(codable.find((c) => c.name === 'quote')!.color, codable.find((c) => c.name === 'vérifier')!.color);
      assert.deepStrictEqual(readQdpx(exportQdpx(corpus())).codes, project.codes);
    });
  });
});
