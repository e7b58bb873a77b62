import * as assert from 'assert';
import { UserError } from '../../../src/core/fileSystem';
import { mergeSidecarTexts } from '../../../src/core/merge/sidecarMerge';
import { AnnotationStore } from '../../../src/core/store/store';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { SOURCE, ann, annotationsOf, sidecarText } from './fixtures';

const SRC = '/ws/source.txt';
const SIDECAR = '/ws/source.txt.annotations.yaml';

function store(fs: MemoryFileSystem): AnnotationStore {
  return new AnnotationStore(fs, '/ws', { author: 'Jane', now: () => new Date(Date.UTC(2026, 11, 1)) });
}

/** A sidecar where both sides changed a-1's note and target, and theirs changed a-2 that ours deleted. */
function conflictedSidecar(): string {
  const a1 = ann('a-1', 0);
  const a2 = ann('a-2', 13);
  const r = mergeSidecarTexts(
    sidecarText([a1, a2]),
    sidecarText([{ ...a1, note: 'ours', target: ann('a-1', 4).target }]),
    sidecarText([{ ...a1, note: 'theirs', target: ann('a-1', 22).target }, { ...a2, note: 'changed' }]),
  );
  assert.ok(r.ok);
  return r.text;
}

describe('merge/store: recorded conflicts and conflict markers in the store', () => {
  it('lists each recorded conflict as a problem on its entry, and keeps one side on request', async () => {
    const fs = new MemoryFileSystem({ [SRC]: SOURCE, [SIDECAR]: conflictedSidecar() });
    const s = store(fs);
    const st = await s.load(SRC, SOURCE);
    assert.ok(!st.readOnly);
    const conflicts = st.problems.filter((p) => p.kind === 'conflict');
    assert.deepStrictEqual(conflicts.map((p) => [p.annotationId, p.conflictIndex]), [['a-1', 0], ['a-1', 1], ['a-2', 0]]);
    assert.match(conflicts[1].message, /`note` is "ours" on our side and "theirs" on theirs/);
    assert.match(conflicts[2].message, /deleted on our side, changed on the other/);
    // Theirs' target: the annotation moves there.
    const a = await s.resolveConflict(SRC, SOURCE, 'a-1', 0, 'theirs');
    assert.strictEqual(a?.target.start, 22);
    assert.strictEqual(a?.conflicts?.length, 1);
    // Our note: the value stays, the record goes.
    const b = await s.resolveConflict(SRC, SOURCE, 'a-1', 0, 'ours');
    assert.strictEqual(b?.note, 'ours');
    assert.strictEqual(b?.conflicts, undefined);
    // Ours deleted a-2: keeping ours deletes it.
    assert.strictEqual(await s.resolveConflict(SRC, SOURCE, 'a-2', 0, 'ours'), undefined);
    const out = annotationsOf(fs.text(SIDECAR)!);
    assert.deepStrictEqual(out.map((x) => [x.id, x.note, x.target.start, x.conflicts]), [['a-1', 'ours', 22, undefined]]);
    assert.ok(!fs.text(SIDECAR)!.includes('conflicts:'));
    await assert.rejects(s.resolveConflict(SRC, SOURCE, 'a-1', 0, 'ours'), UserError);
  });

  it('reports conflict markers as their own problem and rebuilds the file from both sides', async () => {
    const ours = sidecarText([ann('a-1', 0, { note: 'ours' })]);
    const theirs = sidecarText([ann('a-1', 0, { note: 'theirs' }), ann('a-2', 13)]);
    const marked = `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> feature\n`;
    const fs = new MemoryFileSystem({ [SRC]: SOURCE, [SIDECAR]: marked });
    const s = store(fs);
    const st = await s.load(SRC, SOURCE);
    assert.ok(st.readOnly);
    assert.deepStrictEqual(st.problems.map((p) => [p.kind, p.line]), [['conflict-markers', 1]]);
    const r = await s.repairConflictMarkers(SRC);
    assert.deepStrictEqual(r, { conflicts: 1, hunks: 1, threeWay: false });
    const out = annotationsOf(fs.text(SIDECAR)!);
    assert.deepStrictEqual(out.map((a) => a.id), ['a-1', 'a-2']);
    assert.deepStrictEqual(out[0].conflicts, [{ field: 'note', ours: 'ours', theirs: 'theirs' }]);
    await assert.rejects(s.repairConflictMarkers(SRC), /has no conflict markers/);
  });

  it('refuses to rebuild when a side is not a valid sidecar, writing nothing', async () => {
    const marked = `version: 1\n<<<<<<< HEAD\nannotations: []\n=======\nannotations: [\n>>>>>>> x\n`;
    const fs = new MemoryFileSystem({ [SRC]: SOURCE, [SIDECAR]: marked });
    await assert.rejects(store(fs).repairConflictMarkers(SRC), /theirs side is not a valid sidecar/);
    assert.strictEqual(fs.text(SIDECAR), marked);
  });
});
