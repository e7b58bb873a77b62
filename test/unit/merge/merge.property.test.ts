import * as assert from 'assert';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { repairConflictMarkers } from '../../../src/core/merge/repair';
import { mergeSidecarTexts } from '../../../src/core/merge/sidecarMerge';
import { SIDECAR_SCHEMA } from '../../../src/core/store/schema';
import { ann, annotationsOf, assertNothingLost, sidecarText } from './fixtures';
import { apply, history } from './histories';

/**
 * Random concurrent histories: a base sidecar and two sides, each a sequence of adds, edits
 * (note, tags, author, target) and deletes on it. Whatever they are, the merge (and the repair
 * of the same histories left with conflict markers) gives a valid sidecar in which nothing of
 * either side is lost: every annotation is there or legitimately deleted, every changed value
 * is there or recorded as a conflict, every added tag is there.
 */
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
        // The text splice and yaml's Document API give the same data.
        const viaDocuments = mergeSidecarTexts(tb, to, tt, 'source.txt', { documents: true });
        assert.ok(viaDocuments.ok);
        assert.deepStrictEqual(annotationsOf(viaDocuments.text), out);
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
