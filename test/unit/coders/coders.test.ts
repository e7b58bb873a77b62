import * as assert from 'assert';
import { unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { main } from '../../../src/cli/main';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CoderFilter, coderColours, coderOf, countCoders, keepCoders, PALETTE_NAMES } from '../../../src/core/coders/coders';
import { CODE_PALETTE } from '../../../src/core/export/palette';
import type { W3cCollection } from '../../../src/core/export';
import { AnnotationStore } from '../../../src/core/store/store';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

async function run(argv: string[], fs0: MemoryFileSystem): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { fs: fs0, cwd: '/ws', stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const TEXT_A = 'The minister said "we will cut taxes" today. The opposition said "no".\n';
const TEXT_B = 'Another source, with a claim of its own.\n';

/** Three coders annotate two sources through the real store: each store records its own author. */
async function teamWorkspace(): Promise<MemoryFileSystem> {
  const fs = new MemoryFileSystem({ '/ws/a.txt': TEXT_A, '/ws/b.txt': TEXT_B });
  let n = 0;
  const as = (author: string): AnnotationStore =>
    new AnnotationStore(fs, '/ws', { author, now: () => new Date(Date.UTC(2026, 10, 30, 9, 0, n)), newId: () => `a-${(++n).toString(16).padStart(10, '0')}` });
  const add = async (author: string, file: string, text: string, exact: string, note: string, tags: string[]): Promise<void> => {
    const at = text.indexOf(exact);
    await as(author).add(file, text, { start: at, end: at + exact.length }, note, tags);
  };
  await add('Ada', '/ws/a.txt', TEXT_A, 'we will cut taxes', 'ada-note-1', ['claim']);
  await add('Bob', '/ws/a.txt', TEXT_A, 'we will cut taxes', 'bob-note-1', ['promise']);
  await add('Cleo', '/ws/a.txt', TEXT_A, 'no', 'cleo-note-1', ['denial']);
  await add('Ada', '/ws/b.txt', TEXT_B, 'a claim', 'ada-note-2', ['claim']);
  await add('Bob', '/ws/b.txt', TEXT_B, 'Another source', 'bob-note-2', ['bob-only-tag']);
  return fs;
}

describe('coders', () => {
  it('a filter with no names shows everyone; with names only those coders (the author, trimmed)', () => {
    const all = new CoderFilter([]);
    assert.strictEqual(all.active, false);
    assert.ok(all.shows({ author: 'anyone' }));
    const some = new CoderFilter([' Ada ', 'Bob']);
    assert.strictEqual(some.active, true);
    assert.ok(some.shows({ author: 'Ada' }));
    assert.ok(some.shows({ author: ' Bob' }));
    assert.ok(!some.shows({ author: 'ada' }), 'names compare as stored, case-sensitively');
    assert.ok(!some.shows({ author: 'Cleo' }));
    assert.ok(!some.shows({ author: '' }));
    assert.ok(new CoderFilter(['']).shows({ author: '  ' }), 'annotations without an author can be shown on their own');
    assert.strictEqual(coderOf({ author: '  Jane Doe ' }), 'Jane Doe');
  });

  it('counts annotations per coder, sorted by name with the unnamed last', () => {
    const counts = countCoders([{ author: 'Bob' }, { author: 'Ada' }, { author: '' }, { author: 'Bob ' }]);
    assert.deepStrictEqual([...counts], [['Ada', 1], ['Bob', 2], ['', 1]]);
  });

  it('gives every coder a palette colour from the name: the same whatever the order and the filter, and no two of up to 20 coders share one', () => {
    const names = Array.from({ length: 20 }, (_, i) => `coder ${i}`);
    const a = coderColours(names);
    const b = coderColours([...names].reverse());
    assert.deepStrictEqual([...a].sort(), [...b].sort(), 'the order they are listed in does not matter');
    assert.strictEqual(new Set(a.values()).size, 20, 'twenty coders, twenty colours');
    for (const c of a.values()) assert.ok(CODE_PALETTE.includes(c));
    // A coder's colour depends on its name: alone, or among others that do not collide, it is the same.
    const alone = coderColours(['Ada']).get('Ada');
    assert.strictEqual(coderColours(['Ada', 'Bob']).get('Ada'), alone);
    assert.strictEqual(coderColours(['Bob', 'Ada', 'Ada']).get('Ada'), alone);
    // Beyond twenty, colours repeat rather than fail.
    assert.strictEqual(coderColours([...names, 'one more']).size, 21);
  });

  it('every palette colour has its contributed theme colours (sourceAnnotator.coder1 … coder20), which the editor draws coders in', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { colors: Array<{ id: string }> } };
    const ids = new Set(pkg.contributes.colors.map((c) => c.id));
    for (let i = 1; i <= CODE_PALETTE.length; i++) for (const part of ['foreground', 'background']) assert.ok(ids.has(`sourceAnnotator.coder${i}.${part}`), `coder${i}.${part}`);
    assert.ok(!ids.has(`sourceAnnotator.coder${CODE_PALETTE.length + 1}.foreground`));
    assert.strictEqual(PALETTE_NAMES.length, CODE_PALETTE.length);
  });

  it('keepCoders keeps every source and only the chosen coders\' annotations', () => {
    const mk = (author: string, id: string) => ({ id, author, note: '', tags: [], created: '', modified: '', target: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 } });
    const sources = [
      { path: 'a', text: 'x', annotations: [mk('Ada', '1'), mk('Bob', '2')] },
      { path: 'b', text: 'x', annotations: [mk('Bob', '3')] },
    ];
    const kept = keepCoders(sources, new CoderFilter(['Ada']));
    assert.deepStrictEqual(kept.map((s) => [s.path, s.annotations.map((a) => a.id)]), [['a', ['1']], ['b', []]]);
    assert.deepStrictEqual(keepCoders(sources, new CoderFilter([])), sources);
  });
});

describe('cli export --coder', () => {
  it('keeps only the named coders (repeatable) in csv, md and w3c', async () => {
    const fs = await teamWorkspace();
    const all = await run(['export', '--format', 'csv'], fs);
    assert.strictEqual(all.code, 0, all.err);
    for (const n of ['ada-note-1', 'bob-note-1', 'cleo-note-1']) assert.ok(all.out.includes(n), n);

    const csv = await run(['export', '--format', 'csv', '--coder', 'Ada'], fs);
    assert.strictEqual(csv.code, 0, csv.err);
    const rows = parse<Record<string, string>>(csv.out, { columns: true, bom: true });
    assert.deepStrictEqual(rows.map((r) => r.note).sort(), ['ada-note-1', 'ada-note-2']);

    const two = await run(['export', '--format', 'w3c', '--coder', 'Ada', '--coder=Cleo'], fs);
    assert.strictEqual(two.code, 0, two.err);
    const items = (JSON.parse(two.out) as W3cCollection).first.items;
    const text = JSON.stringify(items);
    assert.strictEqual(items.length, 3);
    for (const n of ['ada-note-1', 'ada-note-2', 'cleo-note-1']) assert.ok(text.includes(n), n);
    assert.ok(!text.includes('bob-note'), 'no annotation of Bob');

    const md = await run(['export', '--format', 'md', '--coder', 'Bob'], fs);
    assert.strictEqual(md.code, 0, md.err);
    assert.ok(md.out.includes('bob-note-1') && md.out.includes('bob-note-2'));
    assert.ok(!md.out.includes('ada-note') && !md.out.includes('cleo-note'));
  });

  it('keeps only the named coders in qdpx (coded segments) and qdc (their codes)', async () => {
    const fs = await teamWorkspace();
    const q = await run(['export', '--format', 'qdpx', '--out', 'cleo.qdpx', '--coder', 'Cleo'], fs);
    assert.strictEqual(q.code, 0, q.err);
    assert.match(q.err, /exported 1 annotation\(s\)/);
    const project = new TextDecoder().decode(unzipSync(await fs.readFile('/ws/cleo.qdpx'))['project.qde']);
    assert.ok(project.includes('cleo-note-1'));
    assert.ok(!project.includes('ada-note') && !project.includes('bob-note'));
    const qdc = await run(['export', '--format', 'qdc', '--out', 'ada.qdc', '--coder', 'Ada'], fs);
    assert.strictEqual(qdc.code, 0, qdc.err);
    const codebook = fs.text('/ws/ada.qdc')!;
    assert.match(codebook, /name="claim"/);
    assert.doesNotMatch(codebook, /bob-only-tag|denial/);
  });

  it('warns about a coder with no annotations, and refuses an empty name', async () => {
    const fs = await teamWorkspace();
    const none = await run(['export', '--format', 'csv', '--coder', 'Zed'], fs);
    assert.strictEqual(none.code, 0);
    assert.match(none.err, /no annotations by coder 'Zed' \(coders here: Ada, Bob, Cleo\)/);
    assert.strictEqual(parse<Record<string, string>>(none.out, { columns: true, bom: true }).length, 0);
    const empty = await run(['export', '--format', 'csv', '--coder', ' '], fs);
    assert.strictEqual(empty.code, 2);
    assert.match(empty.err, /--coder needs a name/);
  });
});
