import * as assert from 'assert';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Annotation } from '../../../src/core/annotations/model';
import { repairConflictMarkers } from '../../../src/core/merge/repair';
import { mergeSidecarTexts } from '../../../src/core/merge/sidecarMerge';
import { SIDECAR_SCHEMA } from '../../../src/core/store/schema';
import { SOURCE, ann, annotationsOf, assertNothingLost, sidecarText } from './fixtures';

/**
 * Random concurrent histories: a base sidecar and two sides, each a sequence of adds, edits
 * (note, tags, author, target) and deletes on it. Whatever they are, the merge (and the repair
 * of the same histories left with conflict markers) gives a valid sidecar in which nothing of
 * either side is lost: every annotation is there or legitimately deleted, every changed value
 * is there or recorded as a conflict, every added tag is there.
 */
const IDS = ['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7', 'a-8'];
const NOTES = ['', 'short', 'two\nlines', 'quote "this"', "it's", 'émoji 🚀', '  leading space', 'trailing: colon', '# not a comment', '- dash'];
const TAGS = ['claim', 'person', 'to verify', 'x', 'ü', '1'];

type Op =
  | { kind: 'add'; id: string; start: number; note: string }
  | { kind: 'note'; at: number; note: string }
  | { kind: 'tags'; at: number; tags: string[] }
  | { kind: 'author'; at: number; author: string }
  | { kind: 'move'; at: number; start: number }
  | { kind: 'delete'; at: number };

const start = fc.integer({ min: 0, max: SOURCE.length - 4 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...IDS), start, note: fc.constantFrom(...NOTES) }),
  fc.record({ kind: fc.constant('note' as const), at: fc.nat(), note: fc.constantFrom(...NOTES) }),
  fc.record({ kind: fc.constant('tags' as const), at: fc.nat(), tags: fc.subarray(TAGS) }),
  fc.record({ kind: fc.constant('author' as const), at: fc.nat(), author: fc.constantFrom('Coder A', 'Coder B', 'Coder C') }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), start }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

function apply(list: readonly Annotation[], ops: readonly Op[], stamp: string): Annotation[] {
  const out = list.slice();
  for (const o of ops) {
    if (o.kind === 'add') {
      if (!out.some((a) => a.id === o.id)) out.push(ann(o.id, o.start, { note: o.note, created: stamp, modified: stamp }));
      continue;
    }
    if (out.length === 0) continue;
    const i = o.at % out.length;
    const a = out[i];
    if (o.kind === 'delete') out.splice(i, 1);
    else if (o.kind === 'note') out[i] = { ...a, note: o.note, modified: stamp };
    else if (o.kind === 'tags') out[i] = { ...a, tags: o.tags, modified: stamp };
    else if (o.kind === 'author') out[i] = { ...a, author: o.author, modified: stamp };
    else out[i] = { ...a, target: ann(a.id, o.start).target, modified: stamp };
  }
  return out;
}

const history = fc.record({
  base: fc.array(fc.record({ id: fc.constantFrom(...IDS), start }), { maxLength: 6 }),
  ours: fc.array(op, { maxLength: 8 }),
  theirs: fc.array(op, { maxLength: 8 }),
});

function withMarkers(ours: string, theirs: string): string {
  return `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> other\n`;
}

describe('merge/property: random concurrent histories', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(SIDECAR_SCHEMA);

  it('the merge is valid YAML, valid against the schema, and loses nothing of either side', () => {
    fc.assert(
      fc.property(history, (h) => {
        const seen = new Set<string>();
        const base = h.base.filter((b) => !seen.has(b.id) && seen.add(b.id)).map((b) => ann(b.id, b.start));
        const ours = apply(base, h.ours, '2026-02-01T00:00:00.000Z');
        const theirs = apply(base, h.theirs, '2026-03-01T00:00:00.000Z');
        const [tb, to, tt] = [sidecarText(base), sidecarText(ours), sidecarText(theirs)];
        const r = mergeSidecarTexts(tb, to, tt);
        assert.ok(r.ok, JSON.stringify(r));
        assert.ok(!/^(<{7}|={7}|>{7})/m.test(r.text));
        const out = annotationsOf(r.text);
        assert.ok(validate(parse(r.text)), JSON.stringify(validate.errors));
        assertNothingLost(base, ours, theirs, out);
        // The same ids whichever side is ours.
        const swapped = mergeSidecarTexts(tb, tt, to);
        assert.ok(swapped.ok);
        assert.deepStrictEqual(annotationsOf(swapped.text).map((a) => a.id).sort(), out.map((a) => a.id).sort());
        // Merging a side with itself changes nothing.
        const same = mergeSidecarTexts(tb, to, to);
        assert.ok(same.ok && same.text === to);
        // Without the driver: the repair of git's markers (no base) keeps both sides whole.
        const repaired = repairConflictMarkers(withMarkers(to, tt), 'sidecar');
        assert.ok(repaired.ok, JSON.stringify(repaired));
        assertNothingLost([], ours, theirs, annotationsOf(repaired.text));
        // With the base (diff3), the repair is the driver's merge.
        const three = repairConflictMarkers(`<<<<<<< HEAD\n${to}||||||| base\n${tb}=======\n${tt}>>>>>>> other\n`, 'sidecar');
        assert.ok(three.ok && annotationsOf(three.text).length === out.length);
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
