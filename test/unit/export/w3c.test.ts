import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { AnnotatedSource } from '../../../src/core/annotations/model';
import { exportW3c, exportW3cJson, exportWorkspace, W3C_CONTEXT, type W3cAnnotation, type W3cCollection } from '../../../src/core/export';
import { importW3c, importW3cJson, w3cSourcePaths, w3cSourceUrls } from '../../../src/core/import';
import { datingOf } from '../../../src/core/provenance/dating';
import type { Provenance } from '../../../src/core/provenance/model';
import type { SourceProvenance } from '../../../src/core/provenance/workspace';
import { OffsetMap, sliceCodePoints } from '../../../src/core/text/offsets';
import { annotate, sampleAnalysis, sampleSources } from './fixtures';

type Selector = { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string } | { type: 'TextPositionSelector'; start: number; end: number };

/**
 * Apache Annotator (@apache-annotator/selector, an independent implementation of the W3C
 * selectors; ESM only, so imported dynamically) run over one text as a single chunk: the UTF-16
 * ranges every match of a selector covers.
 */
async function annotatorMatches(text: string, selector: Selector): Promise<Array<[number, number]>> {
  // The package's type declarations re-export without file extensions, which node16 resolution
  // cannot follow: the two matchers are typed here.
  const aa = (await import('@apache-annotator/selector')) as unknown as {
    textQuoteSelectorMatcher(s: Selector): (scope: unknown) => AsyncGenerator<{ startIndex: number; endIndex: number }>;
    textPositionSelectorMatcher(s: Selector): (scope: unknown) => AsyncGenerator<{ startIndex: number; endIndex: number }>;
  };
  const chunk = { data: text, equals: (other: unknown): boolean => other === chunk };
  const chunker = { currentChunk: chunk, nextChunk: (): null => null, previousChunk: (): null => null, precedesCurrentChunk: (): boolean => false };
  const matcher = selector.type === 'TextQuoteSelector' ? aa.textQuoteSelectorMatcher(selector) : aa.textPositionSelectorMatcher(selector);
  const out: Array<[number, number]> = [];
  for await (const m of matcher(chunker)) out.push([m.startIndex, m.endIndex]);
  return out;
}

/** sampleSources and a source of emoji, CRLF and a lone CR, with long astral context around its annotations. */
function browserSources(): AnnotatedSource[] {
  const e = '😀'.repeat(40) + '\r\nThe 👩‍👩‍👧 family said "🎉 party" \r\n\r\nthen\rleft 𝕏𝕏' + '🎉'.repeat(40) + '\r\n';
  const long = (a: ReturnType<typeof annotate>, text: string): ReturnType<typeof annotate> => {
    const map = new OffsetMap(text);
    return { ...a, target: { ...a.target, prefix: sliceCodePoints(text, map, a.target.start - 32, a.target.start), suffix: sliceCodePoints(text, map, a.target.end, a.target.end + 32) } };
  };
  return [
    ...sampleSources(),
    { path: 'emoji.txt', text: e, annotations: [long(annotate(e, 'The 👩‍👩‍👧', { id: 'a-e1' }), e), long(annotate(e, 'party" \r\n\r\nthen\rleft', { id: 'a-e2' }), e), long(annotate(e, '𝕏𝕏', { id: 'a-e3' }), e)] },
  ];
}

const W3C_DIR = path.resolve(__dirname, '../../../../../shared/w3c-annotation');
const WPT = path.join(W3C_DIR, 'wpt-annotation-model');

interface Check {
  name: string;
  validate: ValidateFunction;
}

/** The official W3C annotation-model test-suite schemas (annotationMusts) plus the local selector glue schema. */
function loadValidators(): Check[] {
  assert.ok(fs.existsSync(WPT), `the W3C schemas are missing: expected ${WPT} (../shared/w3c-annotation beside the clone)`);
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  for (const f of fs.readdirSync(path.join(WPT, 'definitions')).filter((n) => n.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(WPT, 'definitions', f), 'utf8')) as object);
  }
  const musts = JSON.parse(fs.readFileSync(path.join(WPT, 'annotations', 'annotationMusts.test'), 'utf8')) as { assertions: string[] };
  const checks: Check[] = musts.assertions.map((a) => ({
    name: a,
    validate: ajv.compile(JSON.parse(fs.readFileSync(path.join(WPT, a), 'utf8')) as object),
  }));
  checks.push({ name: 'local-textSelectorsValid.json', validate: ajv.compile(JSON.parse(fs.readFileSync(path.join(W3C_DIR, 'local-textSelectorsValid.json'), 'utf8')) as object) });
  assert.ok(checks.length >= 15, `expected the 14 annotationMusts assertions and the glue schema, got ${checks.length}`);
  return checks;
}

function failures(checks: Check[], annotation: unknown): string[] {
  return checks.filter((c) => !c.validate(annotation)).map((c) => `${c.name}: ${JSON.stringify(c.validate.errors?.slice(0, 2))}`);
}

/** Normalise what the store would hold: the model as plain data, sources sorted, annotations by position. */
function normalise(sources: readonly AnnotatedSource[]): unknown {
  return sources
    .filter((s) => s.annotations.length > 0)
    .map((s) => ({ path: s.path, annotations: [...s.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end).map((a) => ({ ...a, target: { ...a.target }, tags: [...a.tags] })) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe('export/w3c', () => {
  const checks = loadValidators();

  it('every exported annotation passes the official W3C test-suite schemas', () => {
    const collection = exportW3c(sampleSources()) as W3cCollection;
    assert.strictEqual(collection['@context'], W3C_CONTEXT);
    assert.strictEqual(collection.type, 'AnnotationCollection');
    assert.strictEqual(collection.first.type, 'AnnotationPage');
    assert.strictEqual(collection.total, 6);
    assert.strictEqual(collection.first.items.length, 6);
    for (const a of collection.first.items) assert.deepStrictEqual(failures(checks, a), [], a.id);
    const array = exportW3c(sampleSources(), { w3cForm: 'array' }) as W3cAnnotation[];
    assert.ok(Array.isArray(array));
    assert.strictEqual(array.length, 6);
    for (const a of array) assert.deepStrictEqual(failures(checks, a), [], a.id);
  });

  it('uses only terms defined in the official anno.jsonld context (JSON-LD expansion drops nothing)', () => {
    const context = (JSON.parse(fs.readFileSync(path.join(W3C_DIR, 'anno.jsonld'), 'utf8')) as { '@context': Record<string, unknown> })['@context'];
    const used = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '@context') continue;
          used.add(k);
          if ((k === 'type' || k === 'purpose' || k === 'motivation') && typeof x === 'string') used.add(x);
          walk(x);
        }
      }
    };
    walk(exportW3c(sampleSources()));
    walk(exportW3c(sampleSources(), { w3cForm: 'array' }));
    const undefinedTerms = [...used].filter((t) => !(t in context));
    assert.deepStrictEqual(undefinedTerms, []);
    assert.ok(used.has('TextPositionSelector') && used.has('tagging') && used.has('startIndex'));
  });

  it('the validators do fail on broken annotations (so the check above means something)', () => {
    const good = (exportW3c(sampleSources(), { w3cForm: 'array' }) as W3cAnnotation[])[0];
    const broken: unknown[] = [
      { ...good, '@context': 'https://www.w3.org/ns/anno.jsonld' },
      { ...good, id: 'not a uri' },
      { ...good, target: { ...good.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } },
      { ...good, target: { ...good.target, selector: [{ type: 'TextQuoteSelector', prefix: 'x' }] } },
      { ...good, bodyValue: 'x' },
      { ...good, created: 'yesterday' },
    ];
    for (const b of broken) assert.notDeepStrictEqual(failures(checks, b), [], JSON.stringify(b).slice(0, 120));
  });

  it('has the required shape: context, stable ids, selectors in code points, bodies, creator and dates', () => {
    const sources = sampleSources();
    const items = (exportW3c(sources) as W3cCollection).first.items;
    const again = (exportW3c(sampleSources()) as W3cCollection).first.items;
    assert.deepStrictEqual(items.map((a) => a.id), again.map((a) => a.id), 'ids are stable across exports');
    assert.strictEqual(new Set(items.map((a) => a.id)).size, items.length);
    const first = items[0];
    assert.strictEqual(first['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.match(first.id, /^urn:source-annotator:annotation:a-0000000001$/);
    assert.strictEqual(first.target.source, 'urn:source-annotator:source:news/a.txt');
    const [quote, position] = first.target.selector;
    assert.strictEqual(quote.type, 'TextQuoteSelector');
    assert.strictEqual(quote.exact, 'we will cut taxes');
    assert.strictEqual(position.type, 'TextPositionSelector');
    const text = sources[0].text;
    assert.strictEqual(sliceCodePoints(text, new OffsetMap(text), position.start, position.end), quote.exact);
    assert.strictEqual(position.start, text.indexOf('we will') - 1, 'one emoji before: code points are one fewer than UTF-16 units');
    assert.deepStrictEqual(first.body, [
      { type: 'TextualBody', value: sources[0].annotations[0].note, purpose: 'commenting', format: 'text/markdown' },
      { type: 'TextualBody', value: 'claim', purpose: 'tagging' },
      { type: 'TextualBody', value: 'economy', purpose: 'tagging' },
    ]);
    assert.deepStrictEqual(first.creator, { type: 'Person', name: 'Ada Reporter' });
    assert.strictEqual(first.created, '2026-11-20T09:15:00.000Z');
    assert.strictEqual(first.modified, '2026-11-20T10:00:00.000Z');
    const b = items.find((a) => a.target.source.endsWith('b%20%C3%A9.md') && a.creator === undefined);
    assert.ok(b, 'paths are percent-encoded and an empty author has no creator');
    assert.strictEqual(b.target.source, 'urn:source-annotator:source:dir%20with%20space/b%20%C3%A9.md');
    assert.strictEqual(b.body, undefined, 'no note and no tags: no body');
  });

  it('round trip: export, drop the annotations, import, and they are equal (collection and array)', () => {
    for (const form of ['collection', 'array'] as const) {
      const original = sampleSources();
      const json = new TextDecoder().decode(exportWorkspace('w3c', original, { w3cForm: form }).data);
      const imported = importW3cJson(json);
      assert.deepStrictEqual(imported.warnings, []);
      assert.deepStrictEqual(normalise(imported.sources.map((s) => ({ path: s.path, text: '', annotations: s.annotations }))), normalise(original));
    }
  });

  it('round trip keeps `adjudicated` in an `sa:` extension with its own @context entry, and the schemas still pass', () => {
    const original = sampleSources();
    const [first, second] = original[0].annotations;
    const adjudicated = { from: [first.id, second.id], by: 'Ada Adjudicator', at: '2026-11-29T12:00:00.000Z' };
    const sources = [{ ...original[0], annotations: [{ ...first, adjudicated }, ...original[0].annotations.slice(1)] }, ...original.slice(1)];
    const items = exportW3c(sources, { w3cForm: 'array' }) as W3cAnnotation[];
    const out = items.find((a) => a['sa:adjudicated'] !== undefined);
    assert.ok(out);
    assert.deepStrictEqual(out['@context'], [W3C_CONTEXT, { sa: 'urn:source-annotator:ns#' }]);
    assert.deepStrictEqual(out['sa:adjudicated'], { 'sa:from': [first.id, second.id].map((id) => `urn:source-annotator:annotation:${id}`), 'sa:by': 'Ada Adjudicator', 'sa:at': '2026-11-29T12:00:00.000Z' });
    assert.deepStrictEqual(failures(checks, out), []);
    // Others keep the single context string.
    assert.ok(items.filter((a) => a !== out).every((a) => a['@context'] === W3C_CONTEXT));
    for (const form of ['collection', 'array'] as const) {
      const back = importW3cJson(exportW3cJson(sources, { w3cForm: form }));
      assert.deepStrictEqual(back.warnings, []);
      assert.deepStrictEqual(back.sources.find((x) => x.path === original[0].path)?.annotations.find((a) => a.id === first.id)?.adjudicated, adjudicated);
      assert.deepStrictEqual(normalise(back.sources.map((s) => ({ ...s, text: '' }))), normalise(sources));
    }
    // A malformed record is reported and left out, the annotation is imported.
    const bad = importW3c({ ...out, 'sa:adjudicated': { 'sa:from': [], 'sa:by': 'x', 'sa:at': 'soon' } });
    assert.strictEqual(bad.sources[0].annotations[0].adjudicated, undefined);
    assert.match(bad.warnings.join('\n'), /"sa:adjudicated" needs/);
  });

  it('round trip keeps an id that two sources share (ids are unique per sidecar)', () => {
    const [a, b] = sampleSources();
    const shared = { ...b, annotations: [{ ...b.annotations[0], id: a.annotations[0].id }] };
    const back = importW3cJson(exportW3cJson([a, shared]));
    assert.deepStrictEqual(normalise(back.sources.map((s) => ({ ...s, text: '' }))), normalise([a, shared]));
  });

  it('round trip with a custom source base IRI', () => {
    const original = sampleSources();
    const base = 'file:///home/ada/workspace/';
    const json = exportW3cJson(original, { sourceBase: base });
    assert.ok(json.includes('"source": "file:///home/ada/workspace/news/a.txt"'));
    const back = importW3cJson(json, { sourceBases: [base] });
    assert.deepStrictEqual(normalise(back.sources.map((s) => ({ ...s, text: '' }))), normalise(original));
    assert.throws(() => importW3cJson(json), /not in this workspace/);
  });

  it('imports what other tools write: single annotation, bodyValue, string creator, page, foreign ids', () => {
    const text = 'Intro 😀 "hello world" end';
    const single = {
      '@context': W3C_CONTEXT,
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      bodyValue: 'A plain note',
      creator: 'acct:ada@hypothes.is',
      target: { source: 'doc.txt', selector: { type: 'TextQuoteSelector', exact: 'hello world', prefix: '"', suffix: '"' } },
    };
    const r = importW3c(single, { textOf: (p) => (p === 'doc.txt' ? text : undefined), now: '2026-11-21T00:00:00Z' });
    assert.strictEqual(r.sources.length, 1);
    const a = r.sources[0].annotations[0];
    assert.match(a.id, /^a-[0-9a-f]{12}$/);
    assert.strictEqual(importW3c(single, { textOf: () => text, now: 'x' }).sources[0].annotations[0].id, a.id, 'foreign ids map to stable ids');
    assert.strictEqual(a.note, 'A plain note');
    assert.strictEqual(a.author, 'acct:ada@hypothes.is');
    assert.strictEqual(a.created, '2026-11-21T00:00:00Z');
    assert.strictEqual(sliceCodePoints(text, new OffsetMap(text), a.target.start, a.target.end), 'hello world');
    assert.strictEqual(a.target.start, 9);
    assert.ok(r.warnings.some((w) => w.includes('no TextPositionSelector')));

    const page = { type: 'AnnotationPage', items: [{ ...single, id: 'urn:uuid:6f0c2d1e-9b7a-4c35-8e2f-53a1d0b47c9e', body: [{ type: 'TextualBody', value: 'x', purpose: ['tagging'] }], bodyValue: undefined }] };
    const p = importW3c(JSON.parse(JSON.stringify(page)), { textOf: () => text });
    assert.deepStrictEqual(p.sources[0].annotations[0].tags, ['x']);
  });

  it('a position that counts in another text (a live page) gives way to the quote and its context, with a warning', () => {
    const text = 'He said the vote was close. Then he said the count was over.';
    const second = text.lastIndexOf('said');
    const live = {
      '@context': W3C_CONTEXT,
      id: 'https://hypothes.is/a/live1',
      type: 'Annotation',
      bodyValue: 'x',
      // Positions counted in the page's DOM text, 40 characters of menus earlier.
      target: { source: 'doc.txt', selector: [{ type: 'TextQuoteSelector', exact: 'said', prefix: 'Then he ', suffix: ' the count' }, { type: 'TextPositionSelector', start: second + 40, end: second + 44 }] },
    };
    const r = importW3c(live, { textOf: () => text, now: 'x' });
    const a = r.sources[0].annotations[0];
    assert.deepStrictEqual([a.target.start, a.target.end], [second, second + 4], 'the second "said", by its context');
    assert.ok(r.warnings.some((w) => /not at position .* located by its text and context/.test(w)), r.warnings.join('; '));
  });

  it('rejects malformed input with a clear message and never a crash', () => {
    const bad: Array<[string, RegExp]> = [
      ['{', /not valid JSON/],
      ['42', /expected a W3C Annotation/],
      ['{"type":"Nope"}', /no recognised "type"/],
      ['[1]', /annotation 1: not an object/],
      ['[{"type":"Annotation","target":"http://x"}]', /has no selector/],
      ['[{"type":"Annotation","target":{"source":"a.txt","selector":{"type":"TextPositionSelector","start":5,"end":2}}}]', /0 <= start <= end/],
      ['[{"type":"Annotation","target":{"source":"../etc/passwd","selector":[{"type":"TextQuoteSelector","exact":"x"},{"type":"TextPositionSelector","start":0,"end":1}]}}]', /not a path inside the workspace/],
      ['[{"type":"Annotation","target":{"source":"http://evil/x","selector":[{"type":"TextQuoteSelector","exact":"x"},{"type":"TextPositionSelector","start":0,"end":1}]}}]', /not in this workspace/],
      ['{"type":"AnnotationCollection","first":"http://x/page1"}', /only embedded pages/],
      ['[{"type":"Annotation","target":{"source":"a.txt","selector":{"type":"TextQuoteSelector","exact":"x"}}}]', /must be present/],
    ];
    for (const [json, message] of bad) assert.throws(() => importW3cJson(json), (e: Error) => e.name === 'UserError' && message.test(e.message), json);
    const dup = exportW3c(sampleSources(), { w3cForm: 'array' }) as W3cAnnotation[];
    assert.throws(() => importW3c([dup[0], dup[0]]), /appears more than once/);
  });

  describe('line endings, checked with Apache Annotator', () => {
    const items = (options: Parameters<typeof exportW3c>[1]): W3cAnnotation[] => exportW3c(browserSources(), { ...options, w3cForm: 'array' }) as W3cAnnotation[];
    const textOf = (src: string, lf: boolean): string => {
      const s = browserSources().find((x) => src.endsWith(encodeURIComponent(x.path.split('/').pop()!)))!;
      return lf ? s.text.replace(/\r\n?/g, '\n') : s.text;
    };

    for (const lf of [false, true]) {
      it(`${lf ? 'with lineEndings lf, against the LF-normalised text (what a browser shows)' : 'by default, against the file text'}: every quote and position selector selects the annotated text`, async () => {
        const all = items(lf ? { lineEndings: 'lf' } : {});
        assert.strictEqual(all.length, 9);
        for (const a of all) {
          const text = textOf(a.target.source, lf);
          const [quote, position] = a.target.selector as [Selector & { type: 'TextQuoteSelector' }, Selector & { type: 'TextPositionSelector' }];
          const byQuote = await annotatorMatches(text, quote);
          const byPosition = await annotatorMatches(text, position);
          assert.strictEqual(byQuote.length, 1, `${a.id}: ${byQuote.length} quote matches`);
          assert.deepStrictEqual(byQuote, byPosition, a.id);
          assert.strictEqual(text.slice(byQuote[0][0], byQuote[0][1]), quote.exact, a.id);
          for (const ctx of [quote.prefix ?? '', quote.suffix ?? '']) {
            assert.ok(ctx.length <= 32 && [...ctx].length <= 32, `${a.id}: context of ${ctx.length} UTF-16 units`);
          }
        }
      });
    }

    it('the file-text selectors of a CRLF source do not anchor in the LF text (why the option exists)', async () => {
      let missed = 0;
      for (const a of items({})) {
        if (!textOf(a.target.source, false).includes('\r')) continue;
        const quote = a.target.selector[0] as Selector;
        if ((await annotatorMatches(textOf(a.target.source, true), quote)).length === 0) missed++;
      }
      assert.ok(missed >= 3, `${missed}`);
    });

    it('keeps a 32-code-point context within 32 UTF-16 units, never cutting a surrogate pair', () => {
      const a = items({}).find((x) => x.id.endsWith('a-e1'))!;
      const quote = a.target.selector[0] as { prefix: string; suffix: string };
      // Stored: 30 emoji and CRLF (32 code points, 62 units); exported: the last 32 units.
      assert.strictEqual(quote.prefix, '😀'.repeat(15) + '\r\n');
      assert.ok(!/^[\uDC00-\uDFFF]/.test(quote.prefix) && !/[\uD800-\uDBFF]$/.test(quote.suffix));
    });

    it('an annotation whose text is gone keeps its quote, line endings normalised, and no position in lf mode', () => {
      const [a] = sampleSources();
      const gone = { ...a, text: '' };
      const lf = (exportW3c([gone], { lineEndings: 'lf', w3cForm: 'array' }) as W3cAnnotation[]).find((x) => x.id.endsWith('a-0000000003'))!;
      assert.deepStrictEqual(lf.target.selector.map((x) => x.type), ['TextQuoteSelector']);
      assert.strictEqual((lf.target.selector[0] as { exact: string }).exact, 'today.\n👍🏽');
      const file = (exportW3c([gone], { w3cForm: 'array' }) as W3cAnnotation[]).find((x) => x.id.endsWith('a-0000000003'))!;
      assert.deepStrictEqual(file.target.selector.map((x) => x.type), ['TextQuoteSelector', 'TextPositionSelector'], 'the file form keeps the stored positions (lossless)');
    });
  });

  describe('the analysis as annotations (includeAnalysis)', () => {
    it('entities are identifying, quotes classifying, with name, type and speaker as bodies; valid, anchored, and skipped by the import', async () => {
      const sources = sampleSources();
      const { byPath, clusters, at } = sampleAnalysis(sources);
      const b = sources[1];
      byPath.set(b.path, { ...byPath.get(b.path)!, entities: [{ ...at(b.text, '𝔗ext'), text: '𝔗ext', type: 'ORG', entity: 'Text Corp', kind: 'name' }] });
      const all = exportW3c(sources, { analysis: { byPath, clusters }, includeAnalysis: true, w3cForm: 'array' }) as W3cAnnotation[];
      const machine = all.filter((a) => a.id.startsWith('urn:source-annotator:analysis:'));
      assert.strictEqual(machine.length, 3, 'one entity and two quotes; the role phrase "minister" is left out');
      for (const a of machine) {
        assert.deepStrictEqual(failures(checks, a), [], a.id);
        assert.deepStrictEqual(a.generator, { type: 'Software', name: 'Source Annotator' });
        const text = sources.find((s) => a.target.source.endsWith(encodeURIComponent(s.path.split('/').pop()!)))!.text;
        const m = await annotatorMatches(text, a.target.selector[0]);
        assert.strictEqual(m.length, 1, a.id);
      }
      const entity = machine.find((a) => a.motivation === 'identifying')!;
      assert.deepStrictEqual(entity.body, [
        { type: 'TextualBody', value: 'Text Corp', purpose: 'identifying' },
        { type: 'TextualBody', value: 'ORG', purpose: 'classifying' },
      ]);
      const quote = machine.find((a) => a.motivation === 'classifying' && a.body?.some((x) => x.value === 'The Minister'))!;
      assert.deepStrictEqual(quote.body, [
        { type: 'TextualBody', value: 'quote', purpose: 'classifying' },
        { type: 'TextualBody', value: 'The Minister', purpose: 'identifying' },
      ]);
      const back = importW3c(all);
      assert.strictEqual(back.sources.flatMap((s) => s.annotations).length, 6, 'only the user annotations come back');
      assert.ok(back.warnings.some((w) => /3 detected entities and quotes/.test(w)));
    });
  });

  describe('the page URL as the target source (provenance)', () => {
    const PAGE = 'https://news.example/taxes?id=1&x=2';
    const info = (prov: Omit<Provenance, 'version'> | undefined, fileTime?: number): SourceProvenance => {
      const p = prov ? { version: 1 as const, ...prov } : undefined;
      return { provenance: p, fileTime, dating: datingOf(p, fileTime) };
    };
    /** news/a.txt from a page with a retrieval time; b é.md without provenance. */
    const provenance = (): Map<string, SourceProvenance> =>
      new Map([
        ['news/a.txt', info({ url: PAGE, retrieved: '2026-11-30T09:00:00Z', published: '2017-01-28' }, Date.UTC(2026, 10, 30, 10))],
        ['dir with space/b é.md', info(undefined, Date.UTC(2026, 0, 1))],
      ]);
    const byUrl = (m: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(m));

    it('source is the URL, state a TimeState whose cached copy is the workspace file; valid, known terms, and the selectors still match the copy', async () => {
      const sources = browserSources();
      const all = exportW3c(sources, { provenance: provenance(), w3cForm: 'array' }) as W3cAnnotation[];
      const fromPage = all.filter((a) => a.target.source === PAGE);
      assert.strictEqual(fromPage.length, 4);
      for (const a of fromPage) {
        assert.deepStrictEqual(a.target.state, { type: 'TimeState', cached: 'urn:source-annotator:source:news/a.txt', sourceDate: '2026-11-30T09:00:00Z' });
        assert.strictEqual(a.target.scope, undefined, 'no scope workaround');
        assert.deepStrictEqual(Object.keys(a.target), ['source', 'state', 'selector']);
        assert.deepStrictEqual(failures(checks, a), [], a.id);
        for (const sel of a.target.selector) assert.strictEqual((await annotatorMatches(sources[0].text, sel)).length, 1, `${a.id} ${sel.type}`);
      }
      const plain = all.filter((a) => a.target.source !== PAGE);
      assert.strictEqual(plain.length, 5);
      assert.ok(plain.every((a) => a.target.state === undefined && a.target.source.startsWith('urn:source-annotator:source:')), 'no URL: the file as before');
      const context = (JSON.parse(fs.readFileSync(path.join(W3C_DIR, 'anno.jsonld'), 'utf8')) as { '@context': Record<string, unknown> })['@context'];
      for (const term of [...Object.keys(fromPage[0].target), ...Object.keys(fromPage[0].target.state!), 'TimeState']) assert.ok(term in context, term);
    });

    it('the validators refuse a TimeState without a date (why sourceDate is always given)', () => {
      const [a] = exportW3c(sampleSources(), { provenance: provenance(), w3cForm: 'array' }) as W3cAnnotation[];
      // The suite's annotationMusts do not look at states: its TimeState definition is checked directly.
      const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
      addFormats(ajv);
      for (const f of fs.readdirSync(path.join(WPT, 'definitions')).filter((n) => n.endsWith('.json'))) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(WPT, 'definitions', f), 'utf8')) as object);
      const stateOk = ajv.compile({ $ref: 'specificResource.json#/definitions/stateDetected' });
      assert.ok(stateOk(a.target), JSON.stringify(stateOk.errors));
      assert.ok(!stateOk({ ...a.target, state: { type: 'TimeState', cached: a.target.state!.cached } }), 'a TimeState needs sourceDate');
      assert.ok(!stateOk({ ...a.target, state: { ...a.target.state, sourceDate: '2026-11-30' } }), 'sourceDate is a date-time');
    });

    it('sourceDate: the retrieval time, else the file time; with neither, the URL goes to scope and source stays the file', () => {
      const one = (i: SourceProvenance): W3cAnnotation['target'] => (exportW3c(sampleSources().slice(0, 1), { provenance: new Map([['news/a.txt', i]]), w3cForm: 'array' }) as W3cAnnotation[])[0].target;
      assert.strictEqual(one(info({ url: PAGE, retrieved: '2026-11-30T10:00+01:00' })).state?.sourceDate, '2026-11-30T09:00:00Z', 'seconds added (xsd:dateTime)');
      assert.strictEqual(one(info({ url: PAGE, retrieved: '2026-11-30' }, Date.UTC(2026, 0, 2, 3, 4, 5))).state?.sourceDate, '2026-01-02T03:04:05Z', 'a date alone is not a dateTime: file time');
      const none = one(info({ url: PAGE }));
      assert.deepStrictEqual([none.source, none.scope, none.state], ['urn:source-annotator:source:news/a.txt', PAGE, undefined]);
      assert.deepStrictEqual(failures(checks, { ...(exportW3c(sampleSources(), { w3cForm: 'array' }) as W3cAnnotation[])[0], target: none }), []);
    });

    it('round trip: the import finds the file through state.cached, with or without the provenance files', () => {
      const original = sampleSources();
      const json = exportW3cJson(original, { provenance: provenance() });
      for (const options of [{}, { sourcesByUrl: byUrl({ [PAGE]: ['somewhere/else.txt'] }) }]) {
        const back = importW3cJson(json, options);
        assert.deepStrictEqual(back.warnings, []);
        assert.deepStrictEqual(normalise(back.sources.map((s) => ({ ...s, text: '' }))), normalise(original), 'cached comes first');
      }
      assert.deepStrictEqual(w3cSourceUrls(JSON.parse(json)), [], 'every target names its copy: no provenance lookup needed');
      // A custom base: cached is under it.
      const based = exportW3cJson(original, { provenance: provenance(), sourceBase: 'file:///home/ada/ws/' });
      assert.ok(based.includes('"cached": "file:///home/ada/ws/news/a.txt"'));
      assert.deepStrictEqual(normalise(importW3cJson(based, { sourceBases: ['file:///home/ada/ws/'] }).sources.map((s) => ({ ...s, text: '' }))), normalise(original));
    });

    it('without state.cached, a page URL is looked up in the provenance files: one source is taken, several or none are refused', () => {
      const original = sampleSources();
      const items = exportW3c(original, { provenance: provenance(), w3cForm: 'array' }) as W3cAnnotation[];
      const stripped = JSON.parse(JSON.stringify(items)) as W3cAnnotation[];
      for (const a of stripped) delete a.target.state;
      assert.deepStrictEqual(w3cSourceUrls(stripped), [PAGE]);
      const found = importW3c(stripped, { sourcesByUrl: byUrl({ [PAGE]: ['news/a.txt'] }) });
      assert.deepStrictEqual(normalise(found.sources.map((s) => ({ ...s, text: '' }))), normalise(original));
      assert.deepStrictEqual(w3cSourcePaths(stripped, { sourcesByUrl: byUrl({ [PAGE]: ['news/a.txt'] }) }), ['dir with space/b é.md', 'news/a.txt']);
      // The URL is compared as a parsed URL (scheme and host case).
      const upper = JSON.parse(JSON.stringify(stripped).split('https://news.example').join('HTTPS://News.Example')) as unknown;
      assert.strictEqual(importW3c(upper, { sourcesByUrl: byUrl({ [PAGE]: ['news/a.txt'] }) }).sources.length, 2);
      assert.throws(
        () => importW3c(stripped, { sourcesByUrl: byUrl({ [PAGE]: ['news/a.txt', 'news/a-2.txt'] }) }),
        (e: Error) => e.name === 'UserError' && /is the URL of 2 sources \(news\/a\.txt, news\/a-2\.txt\).*nothing was imported/.test(e.message),
      );
      for (const none of [undefined, byUrl({ 'https://other.example/': ['news/a.txt'] })]) {
        assert.throws(() => importW3c(stripped, { sourcesByUrl: none }), (e: Error) => e.name === 'UserError' && /source https:\/\/news\.example\/taxes\?id=1&x=2 is not in this workspace.*provenance file/.test(e.message));
      }
      // Two sources sharing one URL, each annotation with its cached copy: each goes to its own file.
      const twin = { ...original[0], path: 'news/a-2.txt', annotations: original[0].annotations.slice(0, 1).map((a) => ({ ...a, id: 'a-0000000099' })) };
      const shared = new Map([...provenance(), ['news/a-2.txt', info({ url: PAGE, retrieved: '2026-12-01T08:00:00Z' })]]);
      const both = exportW3c([original[0], twin], { provenance: shared, w3cForm: 'array' }) as W3cAnnotation[];
      assert.ok(both.every((a) => a.target.source === PAGE));
      const back = importW3c(both, { sourcesByUrl: byUrl({ [PAGE]: ['news/a-2.txt', 'news/a.txt'] }) });
      assert.deepStrictEqual(back.sources.map((s) => [s.path, s.annotations.length]), [['news/a-2.txt', 1], ['news/a.txt', 4]]);
    });

    it('a hostile cached path (.., absolute, a file: URL outside, backslash) is refused, never skipped to the URL', () => {
      const [a] = exportW3c(sampleSources(), { provenance: provenance(), w3cForm: 'array' }) as W3cAnnotation[];
      const options = { sourcesByUrl: byUrl({ [PAGE]: ['news/a.txt'] }) };
      for (const cached of ['../outside/a.txt', 'news/../../a.txt', '/etc/passwd', 'urn:source-annotator:source:..%2F..%2Fetc%2Fpasswd', 'file:///etc/passwd', 'news\\..\\..\\a.txt']) {
        const hostile = { ...a, target: { ...a.target, state: { ...a.target.state!, cached } } };
        assert.throws(() => importW3c([hostile], options), (e: Error) => e.name === 'UserError' && /cached copy .* is not (a path inside the workspace|a valid IRI)/.test(e.message), cached);
        assert.deepStrictEqual(w3cSourcePaths([hostile], options), [], `${cached}: not listed for reading`);
      }
      // A copy elsewhere on the web (an archive) is not ours: the URL lookup decides.
      const archived = { ...a, target: { ...a.target, state: { ...a.target.state!, cached: 'https://web.archive.org/web/2017/https://news.example/taxes' } } };
      assert.strictEqual(importW3c([archived], options).sources[0].path, 'news/a.txt');
    });
  });

  it('the import says what it normalised in hand-edited tags', () => {
    const [one] = exportW3c(sampleSources(), { w3cForm: 'array' }) as W3cAnnotation[];
    const edited = { ...one, created: '28 Jan 2017', body: [{ type: 'TextualBody', value: ' claim ', purpose: 'tagging' }, { type: 'TextualBody', value: 'claim', purpose: 'tagging' }, { type: 'TextualBody', value: ' ', purpose: 'tagging' }] };
    const r = importW3c([edited]);
    assert.deepStrictEqual(r.sources[0].annotations[0].tags, ['claim']);
    assert.ok(r.warnings.some((w) => /" claim " was imported as "claim"/.test(w)), r.warnings.join('\n'));
    assert.ok(r.warnings.some((w) => /appears twice/.test(w)));
    assert.ok(r.warnings.some((w) => /empty tag was dropped/.test(w)));
    assert.ok(r.warnings.some((w) => /"created" is not an ISO 8601 date-time/.test(w)));
  });
});
