import * as assert from 'assert';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { parseSidecar } from '../../../src/core/store/sidecar';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

function run(fs: MemoryFileSystem, argv: string[], cwd = '/ws'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { fs, cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) };
  return main(argv, io).then((code) => ({ code, out, err }));
}

const TEXT = 'Putin said “no”.\r\nLater 🚀 Putin said it again.\r\n';

describe('cli annotate and check', () => {
  it('annotate adds an annotation on the chosen occurrence and prints its id', async () => {
    const fs = new MemoryFileSystem({ '/ws/src/a.txt': TEXT });
    const r = await run(fs, ['annotate', 'src/a.txt', '--exact', 'Putin', '--occurrence', '2', '--note', 'second *time*', '--tag', 'person', '--tag', 'check', '--author', 'Jane']);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^a-[0-9a-f]{10}\n$/);
    const parsed = parseSidecar(fs.text('/ws/src/a.txt.annotations.yaml')!);
    assert.ok(parsed.ok);
    const a = parsed.sidecar.annotations[0];
    assert.strictEqual(a.id, r.out.trim());
    assert.deepStrictEqual(a.tags, ['person', 'check']);
    assert.strictEqual(a.author, 'Jane');
    assert.strictEqual(a.note, 'second *time*');
    const cps = [...TEXT];
    assert.strictEqual(cps.slice(a.target.start, a.target.end).join(''), 'Putin');
    assert.strictEqual(a.target.start, [...TEXT.slice(0, TEXT.lastIndexOf('Putin'))].length);
  });

  it('annotate exits 1 when TEXT is missing or ambiguous, 2 on usage errors', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': TEXT });
    let r = await run(fs, ['annotate', 'a.txt', '--exact', 'Biden']);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /"Biden" not found/);
    r = await run(fs, ['annotate', 'a.txt', '--exact', 'Putin']);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /occurs 2 times; choose one with --occurrence 1\.\.2/);
    r = await run(fs, ['annotate', 'a.txt', '--exact', 'Putin', '--occurrence', '3']);
    assert.strictEqual(r.code, 1);
    r = await run(fs, ['annotate', 'a.txt', '--exact', 'Putin', '--occurrence', '0']);
    assert.strictEqual(r.code, 2);
    r = await run(fs, ['annotate', 'a.txt']);
    assert.strictEqual(r.code, 2);
    r = await run(fs, ['annotate', 'missing.txt', '--exact', 'x']);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /missing\.txt: no such file/);
    assert.strictEqual(fs.text('/ws/a.txt.annotations.yaml'), undefined);
    assert.ok(!r.err.includes('    at '), 'no stack trace');
  });

  it('check is clean, then reports orphans and malformed files as path:line:col, and --fix writes positions', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': TEXT, '/ws/b.txt': 'Nothing here.\n' });
    for (const exact of ['“no”', 'again']) {
      const r = await run(fs, ['annotate', 'a.txt', '--exact', exact, '--author', 'J']);
      assert.strictEqual(r.code, 0, r.err);
    }
    let r = await run(fs, ['check']);
    assert.strictEqual(r.code, 0, r.out + r.err);
    assert.strictEqual(r.out, '');

    // Outside edit: one quote moves, the other vanishes.
    fs.set('/ws/a.txt', 'Update 🚀🚀:\r\n' + TEXT.replace(' again', ''));
    const before = fs.text('/ws/a.txt.annotations.yaml');
    r = await run(fs, ['check']);
    assert.strictEqual(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.strictEqual(lines.length, 1, r.out);
    assert.match(lines[0], /^a\.txt\.annotations\.yaml:\d+:\d+: orphaned annotation a-[0-9a-f]+: "again"/);
    assert.strictEqual(fs.text('/ws/a.txt.annotations.yaml'), before, 'check without --fix writes nothing');
    assert.match(r.err, /run check --fix/);

    r = await run(fs, ['check', '--fix']);
    assert.strictEqual(r.code, 1, 'the orphan is still a problem');
    const parsed = parseSidecar(fs.text('/ws/a.txt.annotations.yaml')!);
    assert.ok(parsed.ok);
    const moved = parsed.sidecar.annotations.find((a) => a.target.exact === '“no”')!;
    const newText = fs.text('/ws/a.txt')!;
    assert.strictEqual([...newText].slice(moved.target.start, moved.target.end).join(''), '“no”');
    assert.ok(parsed.sidecar.annotations.some((a) => a.target.exact === 'again'), 'the orphan is kept');

    fs.set('/ws/b.txt.annotations.yaml', 'version: 1\nannotations:\n  - id: x\n    target: [1]\n');
    r = await run(fs, ['check', '/ws']);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /^b\.txt\.annotations\.yaml:4:13: annotation 'x': `target` must be a mapping/m);
    assert.match(r.out, /^b\.txt\.annotations\.yaml:3:5: annotation 'x': missing required key 'author'/m);
  });

  it('check lists changed wording as info, with the old and new words, and exits 0 when nothing else is wrong', async () => {
    const text = 'He said the reporters were “worse than prostitutes” on Tuesday in Moscow.\n';
    const fs = new MemoryFileSystem({ '/ws/a.txt': text });
    let r = await run(fs, ['annotate', 'a.txt', '--exact', 'worse than prostitutes', '--author', 'J']);
    assert.strictEqual(r.code, 0, r.err);
    fs.set('/ws/a.txt', text.replace('worse than prostitutes', 'worse than the prostitutes'));
    r = await run(fs, ['check']);
    assert.strictEqual(r.code, 0, r.out + r.err);
    assert.match(r.out, /^a\.txt:1:29: info: the wording of annotation a-[0-9a-f]+ changed: "worse than prostitutes" is now "worse than the prostitutes"/);
    assert.match(r.err, /0 problem\(s\), 1 annotation\(s\) with changed wording/);
  });

  it('check reports a malformed curation file', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': TEXT, '/ws/source-annotator.curation.yaml': 'types:\n  - { text: X, type: ANIMAL }\n' });
    const r = await run(fs, ['check']);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /^source-annotator\.curation\.yaml:2:\d+: type must be one of PERSON, ORG, LOC, NORP$/m);
  });

  it('check exits 2 on usage errors', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': TEXT });
    assert.strictEqual((await run(fs, ['check', '--bogus'])).code, 2);
    assert.strictEqual((await run(fs, ['check', 'a', 'b'])).code, 2);
    assert.strictEqual((await run(fs, ['check', 'nowhere'])).code, 2);
    assert.strictEqual((await run(fs, ['check'])).code, 0);
  });
});
