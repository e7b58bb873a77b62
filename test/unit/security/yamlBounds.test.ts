import * as assert from 'assert';
import { parseCuration } from '../../../src/core/curation/file';
import { parseSidecar, readSidecarFast } from '../../../src/core/store/sidecar';
import { MAX_YAML_ENTRIES, duplicateKeys, parseBoundedYaml } from '../../../src/core/store/yamlSafety';

/** `version: 1`, an empty list, then `n` unknown top-level keys (the issue's 389 KB / 3.3 MB files). */
function manyTopLevelKeys(n: number, head = 'version: 1\nannotations: []\n'): string {
  const parts: string[] = [head];
  for (let i = 0; i < n; i++) parts.push(`k${i}: 1\n`);
  return parts.join('');
}

describe('security: pathological YAML is refused or parsed in linear time', function () {
  // yaml's uniqueKeys check took 23 s for 40,000 keys (over this limit) and never ended for 300,000.
  this.timeout(20_000);

  for (const n of [40_000, 300_000]) {
    it(`a sidecar with ${n} top-level keys gets a clear error`, () => {
      const r = parseSidecar(manyTopLevelKeys(n));
      assert.ok(!r.ok);
      assert.match(r.issues[0].message, /too many top-level entries/);
      assert.strictEqual(readSidecarFast(manyTopLevelKeys(n)), undefined);
    });

    it(`a curation file with ${n} top-level keys gets a clear error`, () => {
      const r = parseCuration(manyTopLevelKeys(n, 'version: 1\n'));
      assert.ok(!r.ok);
      assert.match(r.issues[0].message, /too many top-level entries/);
    });
  }

  it('40,000 keys in a nested map are parsed, and their duplicates found, in one linear pass', () => {
    const lines = ['version: 1', 'annotations: []', 'extra:'];
    for (let i = 0; i < 40_000; i++) lines.push(`  k${i}: 1`);
    lines.push('  k17: 2');
    const r = parseSidecar(lines.join('\n') + '\n');
    assert.ok(!r.ok);
    const dup = r.issues.find((i) => i.message === 'Map keys must be unique');
    assert.ok(dup, JSON.stringify(r.issues.slice(0, 3)));
    assert.strictEqual(dup.line, 40_004);
  });

  it('more entries than the cap (a flow list of 2-byte items) is refused before parsing', () => {
    const text = 'version: 1\nannotations: []\nx: [' + '1,'.repeat(MAX_YAML_ENTRIES + 1) + '1]\n';
    const r = parseSidecar(text);
    assert.ok(!r.ok);
    assert.match(r.issues[0].message, /too many YAML entries/);
  });

  it('duplicate keys are still found at every level, as yaml reported them', () => {
    const r = parseSidecar('version: 1\nannotations: []\nversion: 1\n');
    assert.ok(!r.ok);
    assert.deepStrictEqual(r.issues[0], { line: 3, col: 1, message: 'Map keys must be unique' });
    const c = parseCuration('version: 1\ntypes:\n  - { text: A, text: B, type: ORG }\n');
    assert.ok(!c.ok);
    assert.deepStrictEqual(c.issues[0], { line: 3, col: 16, message: 'Map keys must be unique' });
    // `1` and `"1"` are different keys, as in yaml
    const p = parseBoundedYaml('a:\n  1: x\n  "1": y\n');
    assert.ok('doc' in p);
    assert.deepStrictEqual(duplicateKeys(p.doc.contents), []);
  });
});
