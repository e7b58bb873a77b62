import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { AnnotationStore } from '../../../src/core/store/store';
import { CurationFile } from '../../../src/core/curation/file';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { TempWorkspace } from './tempWorkspace';

const SECRET = 'The password is hunter2 and the key is 0xDEADBEEF. Nothing else here.';
const HASH_OF_OTHER = 'fnv1a32:00000000';

/** A sidecar on `exact` at `start`, with a wrong hash so that check --fix rewrites its context. */
function sidecar(exact: string, start: number): string {
  return [
    'version: 1',
    `sourceHash: ${HASH_OF_OTHER}`,
    'annotations:',
    '  - id: a-0000000001',
    `    target: { exact: ${JSON.stringify(exact)}, start: ${start}, end: ${start + [...exact].length} }`,
    '    note: n',
    '    author: A',
    '    created: 2026-01-01T00:00:00.000Z',
    '    modified: 2026-01-01T00:00:00.000Z',
    '',
  ].join('\n');
}

describe('security: symbolic links never lead reads or writes out of the workspace', function () {
  this.timeout(20_000);
  let t: TempWorkspace;
  beforeEach(() => {
    t = new TempWorkspace();
    t.write('outside/secret.txt', SECRET);
  });
  afterEach(() => t.dispose());

  it('check --fix does not copy a linked secret into the sidecar, and says why, once per file', async () => {
    fs.symlinkSync(path.join(t.outside, 'secret.txt'), path.join(t.ws, 'notes.txt'));
    // Stored positions off by a few: a fix re-anchors and writes the quote's new context.
    t.write('ws/notes.txt.annotations.yaml', sidecar('password', 0));
    t.write('ws/fine.txt', 'A fine text with a password in it.');
    t.write('ws/fine.txt.annotations.yaml', sidecar('password', 0));
    const before = t.read('ws/notes.txt.annotations.yaml');
    const r = await t.run(['check', '--fix']);
    assert.strictEqual(r.code, 1, r.out + r.err);
    assert.strictEqual(t.read('ws/notes.txt.annotations.yaml'), before, 'the sidecar is untouched');
    assert.ok(!t.read('ws/notes.txt.annotations.yaml')!.includes('hunter2'));
    const lines = r.out.trim().split('\n');
    assert.strictEqual(lines.length, 1, r.out);
    assert.match(lines[0], /^notes\.txt\.annotations\.yaml:1:1: .*notes\.txt: refused: its real path .*outside.* is outside the workspace folder/);
    // the other sidecar was checked and fixed: the run went on
    assert.match(t.read('ws/fine.txt.annotations.yaml')!, /prefix: "A fine text with a "/);
  });

  it('export --format qdpx leaves a linked source out and warns', async () => {
    fs.symlinkSync(path.join(t.outside, 'secret.txt'), path.join(t.ws, 'notes.txt'));
    t.write('ws/notes.txt.annotations.yaml', sidecar('password', 4));
    t.write('ws/fine.txt', 'A fine text with a password in it.');
    t.write('ws/fine.txt.annotations.yaml', sidecar('password', 19));
    const r = await t.run(['export', '--format', 'qdpx', '--analysis', '--out', 'p.qdpx']);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.err, /notes\.txt.*outside the workspace folder/);
    const zip = unzipSync(fs.readFileSync(path.join(t.ws, 'p.qdpx')));
    const all = Object.values(zip).map((b) => Buffer.from(b).toString('utf8')).join('\n');
    assert.ok(all.includes('A fine text'), 'the other source is exported');
    assert.ok(!all.includes('hunter2'), 'the secret is not');
  });

  it('annotate and import refuse to write through a linked folder', async () => {
    fs.symlinkSync(t.outside, path.join(t.ws, 'sub'));
    t.write('outside/a.txt', 'Some text to annotate here.');
    const snap = t.snapshot();
    let r = await t.run(['annotate', 'sub/a.txt', '--exact', 'text', '--author', 'A']);
    assert.strictEqual(r.code, 1, r.out + r.err);
    assert.match(r.err, /sub\/a\.txt: refused: its real path .* is outside the workspace folder/);
    t.write('ws/export.jsonld', JSON.stringify([{ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:a-0000000009', type: 'Annotation', target: { source: 'urn:source-annotator:source:sub/a.txt', selector: [{ type: 'TextQuoteSelector', exact: 'text' }, { type: 'TextPositionSelector', start: 5, end: 9 }] } }]));
    r = await t.run(['import', '--format', 'w3c', 'export.jsonld']);
    assert.strictEqual(r.code, 1, r.out + r.err);
    assert.match(r.err, /outside the workspace folder.*nothing was imported/);
    assert.deepStrictEqual(t.snapshot(), snap, 'nothing was written outside');
  });

  it('a symlinked sidecar inside the root is written through, and the file keeps its mode', async () => {
    t.write('ws/a.txt', 'Some text to annotate here.');
    t.write('ws/store/a.yaml', sidecar('text', 5));
    fs.chmodSync(path.join(t.ws, 'store/a.yaml'), 0o640);
    fs.symlinkSync(path.join(t.ws, 'store/a.yaml'), path.join(t.ws, 'a.txt.annotations.yaml'));
    const r = await t.run(['annotate', 'a.txt', '--exact', 'annotate', '--author', 'A']);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(fs.lstatSync(path.join(t.ws, 'a.txt.annotations.yaml')).isSymbolicLink(), 'the link stays a link');
    const real = t.read('ws/store/a.yaml')!;
    assert.ok(real.includes(r.out.trim()), 'the new annotation is in the linked file');
    assert.strictEqual(fs.statSync(path.join(t.ws, 'store/a.yaml')).mode & 0o777, 0o640);
    // and check finds the linked sidecar like any other
    const c = await t.run(['check']);
    assert.match(c.err, /checked 1 sidecar/);
  });

  it('the store and the curation file refuse a linked curation file and linked sidecars (for the editor)', async () => {
    fs.symlinkSync(path.join(t.outside, 'secret.txt'), path.join(t.ws, 'source-annotator.curation.yaml'));
    const curation = await new CurationFile(new NodeFileSystem(), t.ws).load();
    assert.match(curation.issues[0]?.message ?? '', /outside the workspace folder/);
    t.write('outside/x.yaml', sidecar('text', 5));
    t.write('ws/b.txt', 'Some text to annotate here.');
    fs.symlinkSync(path.join(t.outside, 'x.yaml'), path.join(t.ws, 'b.txt.annotations.yaml'));
    const store = new AnnotationStore(new NodeFileSystem(), t.ws, { author: 'A' });
    const s = await store.load(path.join(t.ws, 'b.txt'), 'Some text to annotate here.');
    assert.ok(s.readOnly);
    assert.match(s.problems[0].message, /outside the workspace folder/);
    await assert.rejects(store.add(path.join(t.ws, 'b.txt'), 'Some text to annotate here.', { start: 0, end: 4 }, '', []), /outside the workspace folder/);
    assert.match((await store.outsideRoot(path.join(t.ws, 'b.txt.annotations.yaml'))) ?? '', /outside/);
    assert.strictEqual(await store.outsideRoot(path.join(t.ws, 'b.txt')), undefined);
    assert.strictEqual(t.read('outside/x.yaml'), sidecar('text', 5));
  });
});
