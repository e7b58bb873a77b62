import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { SIDECAR_SCHEMA } from '../../../src/core/store/schema';
import { MAX_SIDECAR_BYTES, decodeSidecar, insertAnnotation, newSidecarDocument, parseSidecar, stringifySidecar } from '../../../src/core/store/sidecar';

const ROOT = path.resolve(__dirname, '../../../..');

describe('store/schema', () => {
  it('media/schema/annotations.schema.json is identical to the core schema object', () => {
    const onDisk = JSON.parse(fs.readFileSync(path.join(ROOT, 'media/schema/annotations.schema.json'), 'utf8')) as unknown;
    assert.deepStrictEqual(onDisk, JSON.parse(JSON.stringify(SIDECAR_SCHEMA)));
  });

  const entry = (extra: string): string =>
    `version: 1\nannotations:\n  - id: a-1\n    target: {exact: "x", prefix: "", suffix: "", start: 0, end: 1}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n${extra}`;
  const cases: ReadonlyArray<[string, string]> = [
    ['minimal', 'version: 1\nannotations: []\n'],
    ['with hash', 'version: 1\nsourceHash: fnv1a32:0123abcd\nannotations: []\n'],
    ['bad hash', 'version: 1\nsourceHash: md5:1\nannotations: []\n'],
    ['version 2', 'version: 2\nannotations: []\n'],
    ['version string', 'version: "1"\nannotations: []\n'],
    ['missing annotations', 'version: 1\n'],
    ['extra top key', 'version: 1\nannotations: []\nfoo: 1\n'],
    ['annotations map', 'version: 1\nannotations: {}\n'],
    ['full entry', entry('    note: hi\n    tags: [a, b]\n')],
    ['numeric tag', entry('    tags: [1]\n')],
    ['empty tag', entry('    tags: [""]\n')],
    ['numeric note', entry('    note: 5\n')],
    ['unknown entry key', entry('    colour: red\n')],
    ['bad date', 'version: 1\nannotations:\n  - id: a-1\n    target: {exact: "x", start: 0, end: 1}\n    author: A\n    created: yesterday\n    modified: 2026-01-01T00:00:00Z\n'],
    ['negative start', 'version: 1\nannotations:\n  - id: a-1\n    target: {exact: "x", start: -1, end: 1}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n'],
    ['float end', 'version: 1\nannotations:\n  - id: a-1\n    target: {exact: "x", start: 0, end: 1.5}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n'],
    ['empty exact', 'version: 1\nannotations:\n  - id: a-1\n    target: {exact: "", start: 0, end: 1}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n'],
    ['bad id', 'version: 1\nannotations:\n  - id: "has space"\n    target: {exact: "x", start: 0, end: 1}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n'],
    ['no target', 'version: 1\nannotations:\n  - id: a-1\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n'],
    ['target extra key', 'version: 1\nannotations:\n  - id: a-1\n    target: {exact: "x", start: 0, end: 1, type: T}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n'],
    ['not a map', '- 1\n- 2\n'],
  ];

  it('the core validator agrees with ajv running the published schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(SIDECAR_SCHEMA);
    for (const [name, text] of cases) {
      const ours = parseSidecar(text).ok;
      const theirs = validate(parse(text));
      assert.strictEqual(ours, theirs, `${name}: core says ${ours}, ajv says ${theirs}`);
    }
  });
});

describe('store/sidecar safety', () => {
  it('refuses alias bombs quickly, without expanding them', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const t0 = Date.now();
    const r = parseSidecar(lines.join('\n') + '\n');
    assert.ok(!r.ok);
    assert.match(r.issues[0].message, /aliases are not allowed/);
    assert.ok(Date.now() - t0 < 5000);
  });

  it('refuses deeply nested flow collections quickly (no stack overflow, no crawl)', () => {
    const t0 = Date.now();
    const r = parseSidecar('version: 1\nannotations:\n  - note: "[[[ in quotes ]"\n    x: ' + '['.repeat(3_000_000) + ']'.repeat(3_000_000) + '\n');
    assert.ok(!r.ok);
    assert.deepStrictEqual(r.issues[0], { line: 4, col: 72, message: 'YAML nested more than 64 levels deep' });
    assert.ok(Date.now() - t0 < 5000);
  });

  it('refuses a file above the size cap before parsing it', () => {
    const r = parseSidecar('#'.repeat(MAX_SIDECAR_BYTES + 1));
    assert.ok(!r.ok);
    assert.match(r.issues[0].message, /too large/);
  });

  it('reports several documents, tabs and bad UTF-8 as errors with a position', () => {
    for (const text of ['version: 1\nannotations: []\n---\nversion: 1\n', 'version: 1\nannotations:\n\t- x\n']) {
      const r = parseSidecar(text);
      assert.ok(!r.ok, text);
      assert.ok(r.issues[0].line >= 1 && r.issues[0].col >= 1);
    }
    const d = decodeSidecar(new Uint8Array([0x76, 0xff, 0x0a]));
    assert.ok('issue' in d && /not valid UTF-8/.test(d.issue.message));
  });

  it('round-trips a file it wrote byte for byte, CRLF included', () => {
    const doc = newSidecarDocument('a.txt');
    insertAnnotation(doc, {
      id: 'a-0123456789',
      target: { exact: 'a😀\r\nb', prefix: 'say "x"\r\n', suffix: '', start: 3, end: 7 },
      note: 'line one\nline two',
      tags: ['claim', 'yes', '123'],
      author: 'Ann: "B"',
      created: '2026-11-21T10:00:00.000Z',
      modified: '2026-11-21T10:00:00.000Z',
    });
    for (const crlf of [false, true]) {
      const text = stringifySidecar(doc, crlf);
      const r = parseSidecar(text);
      assert.ok(r.ok);
      assert.strictEqual(r.sidecar.crlf, crlf);
      assert.strictEqual(stringifySidecar(r.sidecar.doc, crlf), text);
      assert.deepStrictEqual(r.sidecar.annotations[0].tags, ['claim', 'yes', '123']);
      assert.strictEqual(r.sidecar.annotations[0].target.exact, 'a😀\r\nb');
      assert.strictEqual(r.sidecar.annotations[0].note, 'line one\nline two');
    }
  });
});
