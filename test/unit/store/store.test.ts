import * as assert from 'assert';
import { AnnotationStore } from '../../../src/core/store/store';
import { parseSidecar } from '../../../src/core/store/sidecar';
import { hashSourceText } from '../../../src/core/annotations/hash';
import { OffsetMap } from '../../../src/core/text/offsets';
import { UserError } from '../../../src/core/fileSystem';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const ROOT = '/ws';
const SRC = '/ws/news/a.txt';
const SIDECAR = '/ws/news/a.txt.annotations.yaml';

function makeStore(fs: MemoryFileSystem): AnnotationStore {
  let n = 0;
  let clock = 0;
  return new AnnotationStore(fs, ROOT, {
    author: 'Jane Doe',
    now: () => new Date(Date.UTC(2026, 10, 21, 10, 0, clock++)),
    newId: () => `a-${(++n).toString(16).padStart(10, '0')}`,
  });
}

/** Code-point span of the first occurrence of `needle`. */
function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `${needle} not in text`);
  const m = new OffsetMap(text);
  return { start: m.toCodePoint(i), end: m.toCodePoint(i + needle.length) };
}

describe('store/AnnotationStore', () => {
  const text = 'The Minister said the plan was “too early”.\r\nReporters 😀 asked Vladimir Putin about it.\r\n';

  it('adds annotations, writes a valid ordered sidecar with code-point offsets, and reloads them', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const b = await store.add(SRC, text, spanOf(text, 'Vladimir Putin'), 'Check the **quote**\nsecond line', ['person', 'check', 'person']);
    const a = await store.add(SRC, text, spanOf(text, 'too early'), '', ['claim']);
    assert.deepStrictEqual(b.tags, ['person', 'check']);
    const raw = fs.text(SIDECAR)!;
    const parsed = parseSidecar(raw);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.annotations.map((x) => x.id), [a.id, b.id], 'ordered by position');
    assert.strictEqual(parsed.sidecar.sourceHash, hashSourceText(text));
    const cp = [...text];
    const p = parsed.sidecar.annotations[1].target;
    assert.strictEqual(cp.slice(p.start, p.end).join(''), 'Vladimir Putin');
    assert.strictEqual(p.start, [...text.slice(0, text.indexOf('Vladimir'))].length);
    assert.ok(p.prefix.endsWith('asked ') && p.prefix.includes('😀'));
    assert.ok(raw.includes('version: 1'));

    const again = await makeStore(fs).load(SRC, text);
    assert.strictEqual(again.annotations.length, 2);
    assert.ok(again.annotations.every((x) => x.status === 'anchored' && x.method === 'position'));
    assert.strictEqual(again.stale, false);
    assert.deepStrictEqual(again.annotations[1].annotation, b);
    const e = again.annotations[1];
    assert.strictEqual(text.slice(e.start16, e.end16), 'Vladimir Putin');
  });

  it('re-anchors after an outside edit and marks vanished text as an orphan, keeping it in the file', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const a = await store.add(SRC, text, spanOf(text, 'too early'), 'n1', []);
    const b = await store.add(SRC, text, spanOf(text, 'Vladimir Putin'), 'n2', []);
    const edited = 'BREAKING 🚨 update.\r\n' + text.replace('Vladimir Putin', 'the President');
    const before = fs.text(SIDECAR);
    const st = await makeStore(fs).load(SRC, edited);
    assert.strictEqual(fs.text(SIDECAR), before, 'load never writes');
    const ea = st.annotations.find((x) => x.annotation.id === a.id)!;
    const eb = st.annotations.find((x) => x.annotation.id === b.id)!;
    assert.strictEqual(ea.status, 'anchored');
    assert.strictEqual(edited.slice(ea.start16, ea.end16), 'too early');
    assert.strictEqual(eb.status, 'orphan');
    assert.strictEqual(st.stale, true);
    const problems = st.problems.filter((p) => p.kind === 'orphan');
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].annotationId, b.id);
    assert.ok(problems[0].line > 1);

    // Writing re-anchored positions keeps the orphan untouched.
    const store2 = makeStore(fs);
    assert.strictEqual(await store2.saveAnchors(SRC, edited), true);
    const parsed = parseSidecar(fs.text(SIDECAR)!);
    assert.ok(parsed.ok);
    const pa = parsed.sidecar.annotations.find((x) => x.id === a.id)!;
    assert.strictEqual([...edited].slice(pa.target.start, pa.target.end).join(''), 'too early');
    assert.deepStrictEqual(parsed.sidecar.annotations.find((x) => x.id === b.id), b);

    // Re-attach the orphan to a new span.
    const re = await store2.reattach(SRC, edited, b.id, spanOf(edited, 'the President'));
    assert.strictEqual(re.target.exact, 'the President');
    assert.strictEqual((await makeStore(fs).load(SRC, edited)).problems.length, 0);
  });

  it('updates and deletes with undo information, and restores a deleted annotation', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const a = await store.add(SRC, text, spanOf(text, 'Minister'), 'old', ['x']);
    const { before, after } = await store.update(SRC, text, a.id, { note: 'new', tags: ['y'] });
    assert.strictEqual(before.note, 'old');
    assert.strictEqual(after.note, 'new');
    assert.notStrictEqual(after.modified, before.modified);
    assert.strictEqual(after.created, before.created);
    const removed = await store.delete(SRC, text, a.id);
    assert.strictEqual(removed.note, 'new');
    let parsed = parseSidecar(fs.text(SIDECAR)!);
    assert.ok(parsed.ok && parsed.sidecar.annotations.length === 0);
    await store.restore(SRC, text, removed);
    parsed = parseSidecar(fs.text(SIDECAR)!);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.annotations, [removed]);
    await assert.rejects(store.update(SRC, text, 'a-missing', { note: 'x' }), UserError);
  });

  it('keeps comments and untouched entries of a hand-edited sidecar', async () => {
    const hand = [
      '# my notes on this article',
      'version: 1',
      'annotations:',
      '  # the minister bit',
      '  - id: mine-1',
      "    target: {exact: 'Minister', start: 4, end: 12}",
      '    note: >-',
      '      folded',
      '      note',
      '    tags: [a]',
      '    author: Hand Writer   # me',
      "    created: '2026-01-01T00:00:00Z'",
      '    modified: 2026-01-01T00:00:00Z',
      '',
    ].join('\n');
    const fs = new MemoryFileSystem({ [SRC]: text, [SIDECAR]: hand });
    const store = makeStore(fs);
    const st = await store.load(SRC, text);
    assert.strictEqual(st.annotations[0].status, 'anchored');
    assert.strictEqual(st.annotations[0].annotation.note, 'folded note');
    await store.add(SRC, text, spanOf(text, 'Reporters'), 'new one', []);
    const out = fs.text(SIDECAR)!;
    assert.ok(out.startsWith('# my notes on this article\nversion: 1\n'), out);
    assert.ok(out.includes('  # the minister bit\n  - id: mine-1\n'));
    // The untouched entry keeps every byte: folded note, flow target, spacing, comments.
    const entry = hand.slice(hand.indexOf('  # the minister bit'));
    assert.ok(out.includes(entry), out);
    assert.ok(out.includes("    created: '2026-01-01T00:00:00Z'"));
    const parsed = parseSidecar(out);
    assert.ok(parsed.ok);
    assert.strictEqual(parsed.sidecar.annotations.length, 2);
    assert.strictEqual(parsed.sidecar.annotations[0].target.prefix, '', 'the hand-written entry was not rewritten');
  });

  it('rewrites only the entries that changed, keeping the others byte for byte (CRLF file)', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const a = await store.add(SRC, text, spanOf(text, 'Minister'), 'a', []);
    const b = await store.add(SRC, text, spanOf(text, 'too early'), 'b', []);
    const c = await store.add(SRC, text, spanOf(text, 'Reporters'), 'c', []);
    // A person edits the file by hand (CRLF, odd spacing, comments, a blank line).
    const hand = fs
      .text(SIDECAR)!
      .replace(`  - id: ${b.id}`, `  # about the quote\n  - id: ${b.id}   # keep`)
      .replace('    note: c\n', '    note:    "c"\n\n')
      .replace(/\n/g, '\r\n');
    fs.set(SIDECAR, hand);
    await store.update(SRC, text, a.id, { note: 'A changed' });
    let out = fs.text(SIDECAR)!;
    assert.ok(!/[^\r]\n/.test(out), 'still CRLF');
    const bBlock = hand.slice(hand.indexOf('  # about the quote'), hand.indexOf(`  - id: ${c.id}`));
    assert.ok(out.includes(bBlock), out);
    assert.ok(out.includes('    note:    "c"\r\n'), out);
    assert.ok(out.includes('    note: A changed\r\n'), out);
    await store.delete(SRC, text, b.id);
    out = fs.text(SIDECAR)!;
    assert.ok(!out.includes('about the quote'));
    assert.ok(out.includes('    note:    "c"\r\n'));
    const parsed = parseSidecar(out);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.annotations.map((x) => x.note), ['A changed', 'c']);
  });

  it('never overwrites a malformed sidecar and reports file:line:col', async () => {
    const bad = 'version: 1\nannotations:\n  - id: x\n    target: {exact: "q", start: 1, end: 2}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n  - id: x\n    target: {exact: "q", start: 1, end: 2}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n';
    const fs = new MemoryFileSystem({ [SRC]: text, [SIDECAR]: bad });
    const store = makeStore(fs);
    const st = await store.load(SRC, text);
    assert.strictEqual(st.readOnly, true);
    assert.strictEqual(st.problems[0].kind, 'malformed');
    assert.strictEqual(st.problems[0].line, 8);
    assert.match(st.problems[0].message, /duplicate annotation id 'x'/);
    await assert.rejects(store.add(SRC, text, spanOf(text, 'Minister'), '', []), (err: Error) => err instanceof UserError && /a\.txt\.annotations\.yaml:8:\d+: duplicate/.test(err.message));
    assert.strictEqual(fs.text(SIDECAR), bad);
    for (const [content, re] of [
      ['version: 2\nannotations: []\n', /1:10: unknown sidecar version 2/],
      ['version: 1\nannotations: [\n', /:\d+:\d+: /],
      ['version: 1\nannotations:\n  - id: y\n    target: {exact: q, start: 1, end: 2}\n    author: 7\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n', /5:13: annotation 'y': `author` must be a string/],
      ['a: &a [x, x]\nb: [*a, *a]\n', /aliases are not allowed/],
    ] as const) {
      fs.set(SIDECAR, content);
      await assert.rejects(store.add(SRC, text, spanOf(text, 'Minister'), '', []), (err: Error) => err instanceof UserError && re.test(err.message));
      assert.strictEqual(fs.text(SIDECAR), content);
    }
    fs.set(SIDECAR, new Uint8Array([0xff, 0xfe, 0x00, 0x41]));
    await assert.rejects(store.add(SRC, text, spanOf(text, 'Minister'), '', []), UserError);
  });

  it('merges when the sidecar changed on disk since it was read, and refuses when it became malformed', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const other = makeStore(fs);
    await store.load(SRC, text);
    const a = await store.add(SRC, text, spanOf(text, 'Minister'), 'mine', []);
    await other.load(SRC, text);
    const b = await other.add(SRC, text, spanOf(text, 'Reporters'), 'theirs', []);
    // `store` still has the old file in memory: its next write must keep b.
    const c = await store.add(SRC, text, spanOf(text, 'Putin'), 'mine too', []);
    const parsed = parseSidecar(fs.text(SIDECAR)!);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.annotations.map((x) => x.id).sort(), [a.id, b.id, c.id].sort());
    // Deleted on disk: updating it is refused, not resurrected.
    await other.delete(SRC, text, a.id);
    await assert.rejects(store.update(SRC, text, a.id, { note: 'x' }), /not in/);
    fs.set(SIDECAR, fs.text(SIDECAR)! + '  - broken: [\n');
    const before = fs.text(SIDECAR);
    await assert.rejects(store.update(SRC, text, c.id, { note: 'x' }), /changed on disk and is malformed now/);
    assert.strictEqual(fs.text(SIDECAR), before);
  });

  it('moves spans through editor edits and turns deleted text into an orphan', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const a = await store.add(SRC, text, spanOf(text, 'Vladimir Putin'), '', []);
    const b = await store.add(SRC, text, spanOf(text, 'Minister'), '', []);
    const ins = '😀😀 ';
    let t2 = ins + text;
    let st = store.trackEdits(SRC, t2, [{ rangeOffset: 0, rangeLength: 0, text: ins }])!;
    let ea = st.annotations.find((x) => x.annotation.id === a.id)!;
    assert.strictEqual(t2.slice(ea.start16, ea.end16), 'Vladimir Putin');
    assert.strictEqual([...t2].slice(ea.annotation.target.start, ea.annotation.target.end).join(''), 'Vladimir Putin');
    const at = t2.indexOf('Minister');
    const t3 = t2.slice(0, at) + t2.slice(at + 'Minister'.length);
    st = store.trackEdits(SRC, t3, [{ rangeOffset: at, rangeLength: 'Minister'.length, text: '' }])!;
    assert.strictEqual(st.annotations.find((x) => x.annotation.id === b.id)!.status, 'orphan');
    ea = st.annotations.find((x) => x.annotation.id === a.id)!;
    assert.strictEqual(t3.slice(ea.start16, ea.end16), 'Vladimir Putin');
    t2 = t3;
    assert.strictEqual(await store.saveAnchors(SRC, t2), true);
    const reread = await makeStore(fs).load(SRC, t2);
    const ra = reread.annotations.find((x) => x.annotation.id === a.id)!;
    assert.strictEqual(ra.method, 'position');
    assert.strictEqual(reread.annotations.find((x) => x.annotation.id === b.id)!.status, 'orphan');
  });

  it('an orphan made by deleting its text keeps its stored anchor, sits where the text was, and comes back with Undo', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const b = await store.add(SRC, text, spanOf(text, 'Vladimir Putin'), '', []);
    // Text inserted above first (moves the span in memory), then the passage deleted.
    const ins = 'A new first paragraph.\r\n';
    const t2 = ins + text;
    store.trackEdits(SRC, t2, [{ rangeOffset: 0, rangeLength: 0, text: ins }]);
    const at = t2.indexOf('Vladimir Putin');
    const t3 = t2.slice(0, at) + t2.slice(at + 'Vladimir Putin'.length);
    let st = store.trackEdits(SRC, t3, [{ rangeOffset: at, rangeLength: 'Vladimir Putin'.length, text: '' }])!;
    let e = st.annotations.find((x) => x.annotation.id === b.id)!;
    assert.strictEqual(e.status, 'orphan');
    assert.deepStrictEqual(e.annotation.target, b.target, 'the orphan keeps the anchor stored in the sidecar');
    assert.strictEqual(e.lastSeen16, at, 'its place is where the text was');
    // Another edit above moves that place along.
    const t4 = 'X' + t3;
    st = store.trackEdits(SRC, t4, [{ rangeOffset: 0, rangeLength: 0, text: 'X' }])!;
    assert.strictEqual(st.annotations.find((x) => x.annotation.id === b.id)!.lastSeen16, at + 1);
    // Undo: the words come back byte for byte, and the annotation with them.
    const t5 = t4.slice(0, at + 1) + 'Vladimir Putin' + t4.slice(at + 1);
    st = store.trackEdits(SRC, t5, [{ rangeOffset: at + 1, rangeLength: 0, text: 'Vladimir Putin' }])!;
    e = st.annotations.find((x) => x.annotation.id === b.id)!;
    assert.strictEqual(e.status, 'anchored');
    assert.strictEqual(t5.slice(e.start16, e.end16), 'Vladimir Putin');
    assert.strictEqual(st.problems.length, 0);
  });

  it('an orphan comes back when its text returns unchanged, on a reload or a save with the same text', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text });
    const store = makeStore(fs);
    const b = await store.add(SRC, text, spanOf(text, 'Vladimir Putin'), '', []);
    const without = text.replace('Vladimir Putin', 'him');
    let st = await store.load(SRC, without);
    assert.strictEqual(st.annotations[0].status, 'orphan');
    // The editor followed edits one by one back to the original text (no event re-anchored it).
    st = await store.load(SRC, without);
    assert.strictEqual(st.annotations[0].status, 'orphan');
    st = await store.load(SRC, text);
    assert.strictEqual(st.annotations[0].status, 'anchored', 'git checkout: the text is back');
    // Same text as the state already has, orphan from trackEdits: a save re-anchors it.
    const at = text.indexOf('Vladimir Putin');
    const cut = text.slice(0, at) + text.slice(at + 14);
    store.trackEdits(SRC, cut, [{ rangeOffset: at, rangeLength: 14, text: '' }]);
    store.trackEdits(SRC, text, [{ rangeOffset: at - 1, rangeLength: 1, text: ' Vladimir Putin' }]);
    await store.saveAnchors(SRC, text);
    const again = store.get(SRC)!;
    assert.strictEqual(again.annotations.find((x) => x.annotation.id === b.id)!.status, 'anchored');
  });

  it('flags changed wording: keeps the text as annotated, reports it as information, until accepted or re-attached', async () => {
    const long = 'He said the reporters were “worse than prostitutes” on Tuesday in Moscow.\n';
    const fs = new MemoryFileSystem({ [SRC]: long });
    const store = makeStore(fs);
    const a = await store.add(SRC, long, spanOf(long, 'worse than prostitutes'), 'n', []);
    const edited = long.replace('worse than prostitutes', 'worse than the prostitutes');
    const st = await makeStore(fs).load(SRC, edited);
    const e = st.annotations[0];
    assert.strictEqual(e.status, 'anchored');
    assert.strictEqual(e.method, 'fuzzy');
    assert.strictEqual(edited.slice(e.start16, e.end16), 'worse than the prostitutes');
    assert.strictEqual(e.annotation.original, 'worse than prostitutes');
    const info = st.problems.filter((p) => p.kind === 'changed');
    assert.strictEqual(info.length, 1);
    assert.strictEqual(info[0].severity, 'info');
    assert.strictEqual(info[0].path, SRC);
    assert.strictEqual(info[0].line, 1);
    assert.strictEqual(info[0].col, edited.indexOf('worse') + 1);
    assert.match(info[0].message, /"worse than prostitutes" is now "worse than the prostitutes"/);

    // Saved: the sidecar keeps the original wording beside the new anchor.
    const s2 = makeStore(fs);
    await s2.saveAnchors(SRC, edited);
    const parsed = parseSidecar(fs.text(SIDECAR)!);
    assert.ok(parsed.ok);
    assert.strictEqual(parsed.sidecar.annotations[0].original, 'worse than prostitutes');
    assert.strictEqual(parsed.sidecar.annotations[0].target.exact, 'worse than the prostitutes');
    assert.strictEqual((await makeStore(fs).load(SRC, edited)).problems.filter((p) => p.kind === 'changed').length, 1, 'still flagged after a reload');

    // Accept the new text: the flag goes.
    const accepted = await s2.acceptChange(SRC, edited, a.id);
    assert.strictEqual(accepted.original, undefined);
    const reread = parseSidecar(fs.text(SIDECAR)!);
    assert.ok(reread.ok);
    assert.strictEqual(reread.sidecar.annotations[0].original, undefined);
    assert.strictEqual((await makeStore(fs).load(SRC, edited)).problems.length, 0);

    // The text changing back to what was annotated clears the flag by itself.
    const fs2 = new MemoryFileSystem({ [SRC]: long });
    const s3 = makeStore(fs2);
    await s3.add(SRC, long, spanOf(long, 'worse than prostitutes'), 'n', []);
    await s3.load(SRC, edited);
    const back = await s3.load(SRC, long);
    assert.strictEqual(back.annotations[0].annotation.original, undefined);
    assert.strictEqual(back.problems.length, 0);
  });

  it('refuses paths outside the workspace and spans outside the text', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text, '/etc/passwd': 'x' });
    const store = makeStore(fs);
    await assert.rejects(store.load('/ws/../etc/passwd', 'x'), /outside the workspace/);
    await assert.rejects(store.load('/wsx/a.txt', 'x'), /outside the workspace/);
    await assert.rejects(store.add(SRC, text, { start: 5, end: 5 }, '', []), /invalid span/);
    await assert.rejects(store.add(SRC, text, { start: 0, end: 10_000 }, '', []), /invalid span/);
    assert.strictEqual(fs.text(SIDECAR), undefined);
  });

  it('loads a workspace, reporting missing sources and malformed files, and moves sidecars with sources', async () => {
    const fs = new MemoryFileSystem({ [SRC]: text, '/ws/b.md': 'Another source.\n', '/ws/node_modules/x.txt.annotations.yaml': 'bad: [' });
    const store = makeStore(fs);
    await store.add(SRC, text, spanOf(text, 'Minister'), '', []);
    await store.add('/ws/b.md', 'Another source.\n', { start: 0, end: 7 }, '', []);
    fs.set('/ws/gone.txt.annotations.yaml', 'version: 1\nannotations: []\n');
    fs.set('/ws/gone2.txt.annotations.yaml', 'version: 3\nannotations: []\n');
    fs.set('/ws/bad.txt', 'x');
    fs.set('/ws/bad.txt.annotations.yaml', 'version: 1\nannotations: {}\n');
    const w = await makeStore(fs).loadWorkspace();
    assert.deepStrictEqual(w.sources.map((s) => s.path), ['b.md', 'news/a.txt']);
    assert.strictEqual(w.sources[1].text, text);
    assert.deepStrictEqual(
      w.problems.map((p) => `${p.path}:${p.line}:${p.col}:${p.kind}`).sort(),
      ['/ws/bad.txt.annotations.yaml:2:14:malformed', '/ws/gone.txt.annotations.yaml:1:1:missing-source', '/ws/gone2.txt.annotations.yaml:1:10:malformed', '/ws/gone2.txt.annotations.yaml:1:1:missing-source'],
    );
    const moved = await store.moveWithSource('/ws/b.md', '/ws/news/b2.md');
    assert.deepStrictEqual(moved, { moved: true });
    assert.ok(fs.text('/ws/news/b2.md.annotations.yaml'));
    assert.strictEqual(fs.text('/ws/b.md.annotations.yaml'), undefined);
    fs.set('/ws/c.md.annotations.yaml', 'version: 1\nannotations: []\n');
    const refused = await store.moveWithSource('/ws/news/b2.md', '/ws/c.md');
    assert.strictEqual(refused.moved, false);
    assert.match(refused.message!, /already exists/);
    const del = await store.sourceDeleted(SRC);
    assert.strictEqual(del?.kind, 'missing-source');
    assert.ok(fs.text(SIDECAR), 'a deleted source keeps its sidecar');
  });
});
