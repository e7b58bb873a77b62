import * as assert from 'assert';
import { main } from '../../../src/cli/main';
import { AnnotationStore } from '../../../src/core/store/store';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

async function run(argv: string[], fs0: MemoryFileSystem, cwd = '/ws'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { fs: fs0, cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const TEXT = 'The minister said taxes will fall. Critics said they will rise.\n';

/** Two coders annotate one source through the real store (as two people in two clones would). */
async function workspace(): Promise<{ fs: MemoryFileSystem; ids: string[] }> {
  const fs = new MemoryFileSystem({ '/ws/a.txt': TEXT, '/ws/solo.txt': TEXT });
  let n = 0;
  const newId = (): string => `a-${(++n).toString(16).padStart(10, '0')}`;
  const now = (): Date => new Date(Date.UTC(2026, 10, 30, 9, 0, n));
  const alice = new AnnotationStore(fs, '/ws', { author: 'alice', newId, now });
  const bob = new AnnotationStore(fs, '/ws', { author: 'bob', newId, now });
  const at = (s: string): { start: number; end: number } => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
  const ids: string[] = [];
  ids.push((await alice.add('/ws/a.txt', TEXT, at('taxes will fall'), 'the claim', ['claim'])).id);
  ids.push((await bob.add('/ws/a.txt', TEXT, at('minister said taxes will fall'), '', ['claim'])).id);
  ids.push((await bob.add('/ws/a.txt', TEXT, at('they will rise'), '', ['claim', 'counter'])).id);
  ids.push((await alice.add('/ws/solo.txt', TEXT, at('Critics'), '', ['source'])).id);
  return { fs, ids };
}

describe('cli agreement and export --adjudicated', () => {
  it('prints the figures per tag and the places where the coders disagree', async () => {
    const { fs } = await workspace();
    const r = await run(['agreement'], fs);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /Agreement of 2 coder\(s\) \(alice, bob\): 1 of 2 annotated source\(s\) covered by at least two coders/);
    assert.match(r.out, /^claim\s+3\s+11\s/m, 'claim: 3 annotations, 11 words in a.txt');
    assert.match(r.out, /^\(overall\)/m);
    assert.match(r.out, /a\.txt \(alice, bob\)\n {2}line 1, 4-33: spans differ\n {4}alice: 18-33 "taxes will fall" \[claim\] note: "the claim"\n {4}bob: 4-33/);
    assert.match(r.out, /line 1, 48-62: missing: alice/);
  });

  it('--json follows the documented shape; --tag and --coder restrict it', async () => {
    const { fs } = await workspace();
    const r = await run(['agreement', '--json', '--tag', 'claim', '--coder', 'alice', '--coder', 'bob'], fs);
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { version: number; units: string; coders: string[]; tags: Array<{ tag: string; words: number; kappa: number; alpha: number; unitizing: { alpha: number } }>; overall: { tag: null }; perSource: Array<{ path: string; places: Array<{ kinds: string[] }> }> };
    assert.strictEqual(j.version, 1);
    assert.strictEqual(j.units, 'words');
    assert.deepStrictEqual(j.coders, ['alice', 'bob']);
    assert.deepStrictEqual(j.tags.map((t) => t.tag), ['claim']);
    assert.strictEqual(j.tags[0].words, 11);
    assert.strictEqual(typeof j.tags[0].kappa, 'number');
    assert.strictEqual(j.overall.tag, null);
    assert.deepStrictEqual(j.perSource.map((s) => s.path), ['a.txt']);
    assert.deepStrictEqual(j.perSource[0].places.map((p) => p.kinds), [['span'], ['missing']]);
  });

  it('usage errors exit 2', async () => {
    const { fs } = await workspace();
    assert.strictEqual((await run(['agreement', '--coder', 'alice'], fs)).code, 2);
    assert.strictEqual((await run(['agreement', '--frob'], fs)).code, 2);
    assert.strictEqual((await run(['agreement', 'a', 'b'], fs)).code, 2);
  });

  it('an adjudicated annotation settles its place, is no coder, and is all that export --adjudicated exports', async () => {
    const { fs, ids } = await workspace();
    const judge = new AnnotationStore(fs, '/ws', { author: 'judge', newId: () => 'a-adjudicate', now: () => new Date(Date.UTC(2026, 10, 30, 12)) });
    const span = { start: TEXT.indexOf('taxes will fall'), end: TEXT.indexOf('taxes will fall') + 15 };
    await judge.add('/ws/a.txt', TEXT, span, 'settled', ['claim'], [ids[0], ids[1]]);
    const side = fs.text('/ws/a.txt.annotations.yaml') ?? '';
    assert.match(side, /adjudicated:\n\s+from: \[ a-0000000001, a-0000000002 \]\n\s+by: judge\n\s+at: 2026-11-30T12:00:00.000Z/);
    const r = await run(['agreement', '--json'], fs);
    const j = JSON.parse(r.out) as { coders: string[]; openDisagreements: number; adjudicatedAnnotations: number };
    assert.deepStrictEqual(j.coders, ['alice', 'bob']);
    assert.strictEqual(j.openDisagreements, 1, 'only the "they will rise" place is open');
    assert.strictEqual(j.adjudicatedAnnotations, 1);
    const csv = await run(['export', '--format', 'csv', '--adjudicated'], fs);
    assert.strictEqual(csv.code, 0, csv.err);
    const rows = csv.out.trim().split(/\r?\n/);
    assert.strictEqual(rows.length, 2, csv.out);
    assert.match(rows[1] ?? "", /"settled","claim","judge"/);
    const all = await run(['export', '--format', 'csv'], fs);
    assert.strictEqual(all.out.trim().split(/\r?\n/).length, 6);
  });
});
