import * as assert from 'assert';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { mergeCurationTexts, curationConflicts, curationMergeProblems, resolveCurationConflict } from '../../../src/core/merge/curationMerge';
import { findConflictMarker, splitConflictMarkers } from '../../../src/core/merge/markers';
import { repairConflictMarkers } from '../../../src/core/merge/repair';
import { driverCommand, mergeFile, parseDriverCommand, withGitattributes } from '../../../src/core/merge/setup';
import { mergeSidecarTexts } from '../../../src/core/merge/sidecarMerge';
import { parseCuration } from '../../../src/core/curation/file';
import { SIDECAR_SCHEMA } from '../../../src/core/store/schema';
import { parseSidecar } from '../../../src/core/store/sidecar';
import { ann, annotationsOf, assertNothingLost, sidecarText } from './fixtures';

function merged(base: string, ours: string, theirs: string): { text: string; conflicted: readonly string[] } {
  const r = mergeSidecarTexts(base, ours, theirs);
  assert.ok(r.ok, JSON.stringify(r));
  return { text: r.text, conflicted: r.report.conflicted };
}

describe('merge/sidecar', () => {
  const a1 = ann('a-1', 0);
  const a2 = ann('a-2', 13);
  const a3 = ann('a-3', 40);

  it('keeps additions of both sides and takes a change made on one side only', () => {
    const base = sidecarText([a1, a2]);
    const ours = sidecarText([a1, { ...a2, note: 'ours edited' }, ann('a-o', 20)]);
    const theirs = sidecarText([{ ...a1, tags: ['t', 'x'] }, a2, ann('a-t', 30)]);
    const r = merged(base, ours, theirs);
    assert.deepStrictEqual(r.conflicted, []);
    const out = annotationsOf(r.text);
    assert.deepStrictEqual(out.map((a) => a.id), ['a-1', 'a-2', 'a-o', 'a-t']);
    assert.deepStrictEqual(out[0].tags, ['t', 'x']);
    assert.strictEqual(out[1].note, 'ours edited');
    assert.ok(out.every((a) => a.conflicts === undefined));
  });

  it('merges different fields changed on both sides, tags as sets, modified the later', () => {
    const base = sidecarText([{ ...a1, tags: ['a', 'b', 'c'] }]);
    const ours = sidecarText([{ ...a1, note: 'new note', tags: ['a', 'c', 'o'], modified: '2026-02-01T00:00:00.000Z' }]);
    const theirs = sidecarText([{ ...a1, author: 'Coder B', tags: ['a', 'b', 't'], modified: '2026-03-01T00:00:00.000Z' }]);
    const r = merged(base, ours, theirs);
    assert.deepStrictEqual(r.conflicted, []);
    const [out] = annotationsOf(r.text);
    assert.strictEqual(out.note, 'new note');
    assert.strictEqual(out.author, 'Coder B');
    assert.deepStrictEqual(out.tags, ['a', 'o', 't']); // b removed by ours, c removed by theirs
    assert.strictEqual(out.modified, '2026-03-01T00:00:00.000Z');
  });

  it('keeps an adjudication record through a merge: one side\'s change taken, the later ruling when both changed it', () => {
    const adj = { from: ['x-1', 'x-2'], by: 'Ada', at: '2026-01-02T00:00:00.000Z' };
    const base = sidecarText([{ ...a1, adjudicated: adj }]);
    const ours = sidecarText([{ ...a1, adjudicated: adj, note: 'ours' }]);
    const theirs = sidecarText([{ ...a1, adjudicated: adj, tags: ['t', 'extra'] }]);
    for (const options of [{}, { blocks: false }]) {
      const r = mergeSidecarTexts(base, ours, theirs, 'wire.txt', options);
      assert.ok(r.ok, JSON.stringify(r));
      const [out] = annotationsOf(r.text);
      assert.deepStrictEqual(out.adjudicated, adj, JSON.stringify(options));
      assert.strictEqual(out.note, 'ours');
    }
    const later = { from: ['x-1'], by: 'Bo', at: '2026-01-03T00:00:00.000Z' };
    const [taken] = annotationsOf(merged(base, ours, sidecarText([{ ...a1, adjudicated: later }])).text);
    assert.deepStrictEqual(taken.adjudicated, later, 'a change on their side only is taken');
    const earlier = { from: ['x-2'], by: 'Cy', at: '2026-01-02T12:00:00.000Z' };
    const [both] = annotationsOf(merged(base, sidecarText([{ ...a1, adjudicated: earlier }]), sidecarText([{ ...a1, adjudicated: later }])).text);
    assert.deepStrictEqual(both.adjudicated, later, 'the later ruling');
  });

  it('records the same field changed differently on both sides as a conflict in valid YAML, ours in the field', () => {
    const base = sidecarText([a1]);
    const ours = sidecarText([{ ...a1, note: 'ours' }]);
    const theirs = sidecarText([{ ...a1, note: 'theirs\nwith two lines', target: { ...a1.target, start: 4, end: 7, exact: 'min' } }]);
    const r = merged(base, ours, theirs);
    assert.deepStrictEqual(r.conflicted, ['a-1']);
    assert.ok(!/^(<{7}|={7}|>{7})/m.test(r.text));
    const [out] = annotationsOf(r.text);
    assert.strictEqual(out.note, 'ours');
    assert.deepStrictEqual(out.conflicts, [{ field: 'note', ours: 'ours', theirs: 'theirs\nwith two lines' }]);
    assert.strictEqual(out.target.start, 4, "theirs' target is the only change of the target");
    const ajv = new Ajv({ allErrors: true, strict: false });
    assert.ok(ajv.validate(SIDECAR_SCHEMA, parse(r.text)), JSON.stringify(ajv.errors));
  });

  it('records a target conflict with both targets', () => {
    const base = sidecarText([a1]);
    const ours = sidecarText([{ ...a1, target: { ...a1.target, start: 1, end: 4, exact: 'he ' } }]);
    const theirs = sidecarText([{ ...a1, target: { ...a1.target, start: 4, end: 7, exact: 'min' } }]);
    const [out] = annotationsOf(merged(base, ours, theirs).text);
    const c = out.conflicts?.[0];
    assert.ok(c && 'field' in c && c.field === 'target');
    assert.deepStrictEqual([typeof c.ours === 'object' && c.ours.start, typeof c.theirs === 'object' && c.theirs.start], [1, 4]);
  });

  it('deletes what one side deleted and the other left alone; keeps and marks what the other changed', () => {
    const base = sidecarText([a1, a2, a3]);
    const ours = sidecarText([a2, { ...a3, note: 'ours changed a3' }]);
    const theirs = sidecarText([{ ...a1, note: 'theirs changed a1' }, a2]);
    const r = merged(base, ours, theirs);
    const out = annotationsOf(r.text);
    assert.deepStrictEqual(out.map((a) => a.id), ['a-1', 'a-2', 'a-3']);
    assert.deepStrictEqual(out[0].conflicts, [{ deletedBy: 'ours' }]);
    assert.strictEqual(out[0].note, 'theirs changed a1');
    assert.deepStrictEqual(out[2].conflicts, [{ deletedBy: 'theirs' }]);
    assert.deepStrictEqual([...r.conflicted].sort(), ['a-1', 'a-3']);
    // Deleted on both sides, or on one side and untouched on the other: gone.
    const gone = merged(base, sidecarText([a2, a3]), sidecarText([a1, a2]));
    assert.deepStrictEqual(annotationsOf(gone.text).map((a) => a.id), ['a-2']);
  });

  it('keeps comments and the bytes of untouched entries of our file', () => {
    const ours0 = sidecarText([a1, a2]);
    const hand = ours0.replace('  - id: a-2', '  # a comment the coder wrote\n  - id: a-2').replace(/note: note of a-2/, "note: 'single quoted, kept'");
    const base = ours0;
    const theirs = sidecarText([{ ...a1, note: 'theirs' }, a2, ann('a-t', 30)]);
    const r = merged(base, hand, theirs);
    assert.ok(r.text.includes("  # a comment the coder wrote\n  - id: a-2\n"));
    assert.ok(r.text.includes("note: 'single quoted, kept'"));
    assert.ok(r.text.startsWith('# Source Annotator annotations for source.txt.'));
    // Nothing to merge: our bytes exactly.
    assert.strictEqual(merged(base, hand, base).text, hand);
  });

  it('keeps CRLF line endings', () => {
    const base = sidecarText([a1]).replace(/\n/g, '\r\n');
    const theirs = sidecarText([a1, a2]);
    const r = merged(base, base, theirs);
    assert.ok(!/[^\r]\n/.test(r.text));
    assert.strictEqual(annotationsOf(r.text).length, 2);
  });

  it('merges without a base (both added the file): identical entries once, different ones with conflicts, tags united', () => {
    const ours = sidecarText([a1, { ...a2, tags: ['x'] }]);
    const theirs = sidecarText([a1, { ...a2, note: 'other', tags: ['y'] }]);
    const r = merged('', ours, theirs);
    const out = annotationsOf(r.text);
    assert.strictEqual(out.length, 2);
    assert.deepStrictEqual(out[1].tags, ['x', 'y']);
    assert.deepStrictEqual(out[1].conflicts, [{ field: 'note', ours: 'note of a-2', theirs: 'other' }]);
  });

  it('refuses a side that is not a valid sidecar, saying which', () => {
    const r = mergeSidecarTexts(sidecarText([a1]), 'version: 1\nannotations: [\n', sidecarText([a1]));
    assert.ok(!r.ok);
    assert.strictEqual(r.side, 'ours');
  });

  it('carries conflicts already recorded on either side once', () => {
    const withConflict = { ...a1, note: 'x', conflicts: [{ field: 'note' as const, ours: 'x', theirs: 'y' }] };
    const r = merged(sidecarText([a1]), sidecarText([withConflict]), sidecarText([{ ...withConflict, tags: ['t', 'more'] }]));
    const [out] = annotationsOf(r.text);
    assert.strictEqual(out.conflicts?.length, 1);
    assert.deepStrictEqual(out.tags, ['t', 'more']);
  });

  it('keeps a conflict resolved on one side resolved when the other side left the entry alone', () => {
    const recorded = { ...a1, note: 'x', conflicts: [{ field: 'note' as const, ours: 'x', theirs: 'y' }] };
    const resolved = { ...a1, note: 'y', modified: '2025-12-31T00:00:00.000Z' };
    for (const [ours, theirs] of [[resolved, recorded], [recorded, resolved]]) {
      for (const options of [{}, { blocks: false }, { documents: true }]) {
        const r = mergeSidecarTexts(sidecarText([recorded]), sidecarText([ours]), sidecarText([theirs]), 'the source', options);
        assert.ok(r.ok);
        const out = annotationsOf(r.text)[0];
        assert.strictEqual(out.conflicts, undefined, JSON.stringify(options));
        assert.strictEqual(out.note, 'y');
        assert.strictEqual(out.modified, resolved.modified);
        assert.deepStrictEqual(r.report.conflicted, []);
      }
    }
  });

  it('the validator and the published schema agree on conflict records', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(SIDECAR_SCHEMA);
    const entry = (conflicts: string): string =>
      `version: 1\nannotations:\n  - id: a-1\n    target: {exact: "x", start: 0, end: 1}\n    author: A\n    created: 2026-01-01T00:00:00Z\n    modified: 2026-01-01T00:00:00Z\n    conflicts:\n${conflicts}`;
    const cases: Array<[string, string, boolean]> = [
      ['field', '      - {field: note, ours: a, theirs: b}\n', true],
      ['deleted', '      - {deletedBy: ours}\n', true],
      ['target', '      - {field: target, ours: {exact: x, start: 0, end: 1}, theirs: {exact: y, start: 2, end: 3}}\n', true],
      ['target as string', '      - {field: target, ours: a, theirs: b}\n', false],
      ['note as map', '      - {field: note, ours: {a: 1}, theirs: b}\n', false],
      ['unknown field', '      - {field: colour, ours: a, theirs: b}\n', false],
      ['both kinds', '      - {field: note, ours: a, theirs: b, deletedBy: ours}\n', false],
      ['missing theirs', '      - {field: note, ours: a}\n', false],
      ['bad side', '      - {deletedBy: everyone}\n', false],
      ['extra key', '      - {deletedBy: ours, why: x}\n', false],
      ['not a list', '      {deletedBy: ours}\n', false],
    ];
    for (const [name, conflicts, expected] of cases) {
      const text = entry(conflicts);
      assert.strictEqual(parseSidecar(text).ok, expected, `${name}: core`);
      assert.strictEqual(validate(parse(text)), expected, `${name}: ajv`);
    }
  });

  it('every annotation of either side survives (the invariant helper fails when one is dropped)', () => {
    const base = [a1, a2];
    const ours = [{ ...a1, note: 'o' }, a2, a3];
    const theirs = [{ ...a1, note: 't' }];
    const out = annotationsOf(merged(sidecarText(base), sidecarText(ours), sidecarText(theirs)).text);
    assertNothingLost(base, ours, theirs, out);
    assert.throws(() => assertNothingLost(base, ours, theirs, out.filter((a) => a.id !== 'a-3')), /a-3 is lost/);
  });
});

describe('merge/curation', () => {
  it('merges by key: additions kept, one-sided changes taken, both-sided changes recorded under conflicts', () => {
    const base = '# corrections\nversion: 1\ntypes:\n  - { text: A, type: PERSON }\n  - { text: C, type: ORG }\nnotEntities: [foo, bar]\n';
    const ours = '# corrections\nversion: 1\ntypes:\n  - { text: A, type: ORG }\n  - { text: C, type: ORG }\nnotEntities: [foo]\nmerges:\n  - { from: Vlad, into: Vladimir }\n';
    const theirs = '# corrections\nversion: 1\ntypes:\n  - { text: A, type: LOC }\n  - { text: C, type: PERSON }\n  - { text: B, type: LOC }\nnotEntities: [foo, bar, baz]\n';
    const r = mergeCurationTexts(base, ours, theirs);
    assert.ok(r.ok, JSON.stringify(r));
    assert.strictEqual(r.conflicts, 1);
    assert.ok(r.text.startsWith('# corrections\n'));
    const p = parseCuration(r.text);
    assert.ok(p.ok, JSON.stringify(p));
    assert.deepStrictEqual(p.rules.types, [{ text: 'A', type: 'ORG' }, { text: 'C', type: 'PERSON' }, { text: 'B', type: 'LOC' }]);
    assert.deepStrictEqual(p.rules.notEntities, ['foo', 'baz']);
    assert.deepStrictEqual(p.rules.merges, [{ from: 'Vlad', into: 'Vladimir' }]);
    const c = curationConflicts(r.text);
    assert.strictEqual(c.length, 1);
    assert.match(c[0].message, /"type":"ORG".*"type":"LOC"/);
  });

  it('keeps an entry deleted on one side and changed on the other, recorded', () => {
    const base = 'version: 1\nrenames:\n  - { from: X, to: Y }\n';
    const r = mergeCurationTexts(base, 'version: 1\nrenames: []\n', 'version: 1\nrenames:\n  - { from: X, to: Z }\n');
    assert.ok(r.ok);
    const p = parseCuration(r.text);
    assert.ok(p.ok);
    assert.deepStrictEqual(p.rules.renames, [{ from: 'X', to: 'Z' }]);
    assert.match(curationConflicts(r.text)[0].message, /deleted on our side/);
  });

  it('lists markers or recorded conflicts with the labels of their actions, and keeps the side asked for', () => {
    const base = 'version: 1\ntypes:\n  - { text: Acme, type: PERSON }\nrenames:\n  - { from: X, to: Y }\n';
    const ours = '# our notes\nversion: 1\ntypes:\n  - { text: Acme, type: ORG }\nrenames: []\n';
    const theirs = 'version: 1\ntypes:\n  - { text: Acme, type: LOC }\nrenames:\n  - { from: X, to: Z }\n';
    const merged = mergeCurationTexts(base, ours, theirs);
    assert.ok(merged.ok);
    const problems = curationMergeProblems(merged.text);
    assert.deepStrictEqual(problems.map((p) => p.kind), ['conflict', 'conflict']);
    const [changed, deleted] = problems;
    assert.ok(changed.kind === 'conflict' && deleted.kind === 'conflict');
    assert.match(changed.labels.ours, /^Keep our types entry: .*"ORG"/);
    assert.match(changed.labels.theirs, /^Keep their types entry: .*"LOC"/);
    assert.deepStrictEqual(deleted.labels, { ours: 'Delete the entry (as our side did)', theirs: 'Keep the entry (as their side did)' });
    // Theirs for the type: the entry replaced, the record gone, comments kept.
    const t = resolveCurationConflict(merged.text, 0, 'theirs');
    assert.ok(t.ok);
    const pt = parseCuration(t.text);
    assert.ok(pt.ok);
    assert.deepStrictEqual(pt.rules.types, [{ text: 'Acme', type: 'LOC' }]);
    assert.strictEqual(curationConflicts(t.text).length, 1);
    assert.ok(t.text.startsWith('# our notes\n'));
    // Ours for the deletion: the rename goes, and with the last record the conflicts list.
    const d = resolveCurationConflict(t.text, 0, 'ours');
    assert.ok(d.ok);
    const pd = parseCuration(d.text);
    assert.ok(pd.ok);
    assert.deepStrictEqual(pd.rules.renames, []);
    assert.doesNotMatch(d.text, /conflicts:/);
    // Keeping ours of a changed entry only removes the record; an index out of range is refused.
    const o = resolveCurationConflict(merged.text, 0, 'ours');
    assert.ok(o.ok && parseCuration(o.text).ok);
    assert.ok(!resolveCurationConflict(merged.text, 5, 'ours').ok);
    // A fix shown before another record was resolved still acts on its own record, not on the
    // one that moved to its index; a record no longer there is refused.
    assert.ok(deleted.kind === 'conflict');
    const first = resolveCurationConflict(merged.text, 0, 'ours', changed.record);
    assert.ok(first.ok);
    const stale = resolveCurationConflict(first.text, 1, 'theirs', deleted.record);
    assert.ok(stale.ok, 'the deletion record found at its new index');
    const ps = parseCuration(stale.text);
    assert.ok(ps.ok);
    assert.deepStrictEqual(ps.rules.renames, [{ from: 'X', to: 'Z' }], 'their side kept the rename');
    assert.deepStrictEqual(ps.rules.types, [{ text: 'Acme', type: 'ORG' }], 'the type conflict, resolved first, stays ours');
    assert.ok(!resolveCurationConflict(first.text, 0, 'theirs', changed.record).ok, 'a record already resolved is refused');
    // Markers hide everything else until the file is rebuilt.
    const marked = `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> bob\n`;
    assert.deepStrictEqual(curationMergeProblems(marked).map((p) => [p.kind, p.line]), [['conflict-markers', 1]]);
  });

  it('says so when the merged rules contradict each other (a merge cycle)', () => {
    const r = mergeCurationTexts('version: 1\n', 'version: 1\nmerges:\n  - { from: A, into: B }\n', 'version: 1\nmerges:\n  - { from: B, into: A }\n');
    assert.ok(!r.ok);
    assert.strictEqual(r.side, 'result');
  });
});

describe('merge/markers', () => {
  const a1 = ann('a-1', 0);
  const a2 = ann('a-2', 13);

  /** What `git merge` writes without the driver: the two sides' differing lines between markers. */
  function conflicted(ours: string, theirs: string, base?: string): string {
    const o = ours.split(/(?<=\n)/);
    const t = theirs.split(/(?<=\n)/);
    let i = 0;
    while (i < o.length && i < t.length && o[i] === t[i]) i++;
    let j = 0;
    while (j < o.length - i && j < t.length - i && o[o.length - 1 - j] === t[t.length - 1 - j]) j++;
    const b = base?.split(/(?<=\n)/);
    const mid = b ? `||||||| base\n${b.slice(i, b.length - j).join('')}` : '';
    return `${o.slice(0, i).join('')}<<<<<<< HEAD\n${o.slice(i, o.length - j).join('')}${mid}=======\n${t.slice(i, t.length - j).join('')}>>>>>>> feature\n${o.slice(o.length - j).join('')}`;
  }

  it('finds markers and splits a file back into its sides', () => {
    const ours = sidecarText([{ ...a1, note: 'ours' }]);
    const theirs = sidecarText([{ ...a1, note: 'theirs' }]);
    const text = conflicted(ours, theirs);
    assert.ok(findConflictMarker(text) !== undefined);
    assert.strictEqual(findConflictMarker(ours), undefined);
    const s = splitConflictMarkers(text);
    assert.ok(!('error' in s));
    assert.strictEqual(s.ours, ours);
    assert.strictEqual(s.theirs, theirs);
    assert.strictEqual(s.base, undefined);
    assert.ok('error' in splitConflictMarkers('<<<<<<< HEAD\nx\n=======\ny\n'));
  });

  it('repairs a diff3 file three-way and a plain one two-way, losing neither side', () => {
    const base = sidecarText([a1, a2]);
    const ours = sidecarText([{ ...a1, note: 'ours' }, a2]);
    const theirs = sidecarText([a1, { ...a2, tags: ['t', 'new'] }, ann('a-3', 40)]);
    const three = repairConflictMarkers(conflicted(ours, theirs, base), 'sidecar');
    assert.ok(three.ok && three.threeWay);
    const out3 = annotationsOf(three.text);
    assert.deepStrictEqual(out3.map((a) => [a.id, a.note, a.tags, a.conflicts]), [
      ['a-1', 'ours', ['t'], undefined],
      ['a-2', 'note of a-2', ['t', 'new'], undefined],
      ['a-3', 'note of a-3', ['t'], undefined],
    ]);
    const two = repairConflictMarkers(conflicted(ours, theirs), 'sidecar');
    assert.ok(two.ok && !two.threeWay);
    const out2 = annotationsOf(two.text);
    assert.deepStrictEqual(out2.map((a) => a.id), ['a-1', 'a-2', 'a-3']);
    // Without a base, a field that differs is kept both ways.
    assert.deepStrictEqual(out2[0].conflicts, [{ field: 'note', ours: 'ours', theirs: 'note of a-1' }]);
    assertNothingLost([], annotationsOf(ours), annotationsOf(theirs), out2);
  });

  it('repairs the curation file', () => {
    const text = 'version: 1\n<<<<<<< HEAD\nnotEntities: [a]\n=======\nnotEntities: [b]\n>>>>>>> x\n';
    const r = repairConflictMarkers(text, 'curation');
    assert.ok(r.ok, JSON.stringify(r));
    const p = parseCuration(r.text);
    assert.ok(p.ok);
    assert.deepStrictEqual(p.rules.notEntities, ['a', 'b']);
  });
});

describe('merge/setup', () => {
  it('adds the .gitattributes lines once, keeping the rest', () => {
    const first = withGitattributes('*.png binary');
    assert.deepStrictEqual(first.added.length, 2);
    assert.ok(first.text.startsWith('*.png binary\n'));
    const again = withGitattributes(first.text);
    assert.deepStrictEqual(again.added, []);
    assert.strictEqual(again.text, first.text);
  });

  it('writes a driver command it can read back, quoting paths with spaces and quotes', () => {
    const cmd = driverCommand("/opt/my node/bin/node", "/home/o'brien/sa/dist/cli.js");
    assert.match(cmd, / merge-driver %O %A %B %P$/);
    assert.deepStrictEqual(parseDriverCommand(cmd), { runtime: '/opt/my node/bin/node', cli: "/home/o'brien/sa/dist/cli.js" });
    assert.deepStrictEqual(parseDriverCommand(driverCommand('/code', '/x/cli.js', true)), { runtime: '/code', cli: '/x/cli.js' });
    assert.strictEqual(parseDriverCommand('cat %A'), undefined);
    // The driver's own bundle takes no subcommand, and Node's options (not an editor's binary);
    // a command written before those options is read back as well.
    const own = driverCommand('/usr/bin/node', '/opt/sa/dist/mergeDriver.js');
    assert.strictEqual(own, '/usr/bin/node --max-semi-space-size=1 --no-opt /opt/sa/dist/mergeDriver.js %O %A %B %P');
    assert.deepStrictEqual(parseDriverCommand(own), { runtime: '/usr/bin/node', cli: '/opt/sa/dist/mergeDriver.js' });
    assert.deepStrictEqual(parseDriverCommand('/usr/bin/node /opt/sa/dist/mergeDriver.js %O %A %B %P'), { runtime: '/usr/bin/node', cli: '/opt/sa/dist/mergeDriver.js' });
    assert.strictEqual(driverCommand('/code', '/opt/sa/dist/mergeDriver.js', true), 'ELECTRON_RUN_AS_NODE=1 /code /opt/sa/dist/mergeDriver.js %O %A %B %P');
  });

  it('chooses the merge by file name', () => {
    const r = mergeFile('sub/source-annotator.curation.yaml', '', 'version: 1\nnotEntities: [a]\n', 'version: 1\nnotEntities: [b]\n');
    assert.ok(r.ok && r.conflicts === 0);
    assert.match(r.text, /notEntities: \[ a, b \]|notEntities:\n/);
  });
});
