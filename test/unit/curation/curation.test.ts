import * as assert from 'assert';
import { CURATION_FILE_NAME, CurationFile, parseCuration } from '../../../src/core/curation/file';
import { NO_CURATION } from '../../../src/core/curation/rules';
import { UserError } from '../../../src/core/fileSystem';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const PATH = `/ws/${CURATION_FILE_NAME}`;

describe('curation file', () => {
  it('parses every kind of rule', () => {
    const r = parseCuration(
      [
        '# corrections',
        'version: 1',
        'types:',
        '  - { text: Vladimir Putin, type: PERSON }',
        '  - text: Kremlin',
        '    type: ORG',
        'merges:',
        '  - { from: Vlad Putin, into: Vladimir Putin }',
        'notEntities:',
        '  - Replay More Videos',
        'renames:',
        '  - { from: Donald J. Trump, to: Donald Trump }',
        '',
      ].join('\n'),
    );
    assert.ok(r.ok);
    assert.deepStrictEqual(r.rules, {
      types: [
        { text: 'Vladimir Putin', type: 'PERSON' },
        { text: 'Kremlin', type: 'ORG' },
      ],
      merges: [{ from: 'Vlad Putin', into: 'Vladimir Putin' }],
      notEntities: ['Replay More Videos'],
      renames: [{ from: 'Donald J. Trump', to: 'Donald Trump' }],
    });
    const empty = parseCuration('');
    assert.ok(empty.ok);
    assert.deepStrictEqual(empty.rules, NO_CURATION);
  });

  it('reports malformed files with line:col', () => {
    const cases: Array<[string, RegExp]> = [
      ['types:\n  - { text: X, type: ANIMAL }\n', /^2:/],
      ['merges:\n  - { from: A, into: A }\n', /^2:5: 'A' is merged into itself/],
      ['merges:\n  - { from: A, into: B }\n  - { from: B, into: A }\n', /cycle/],
      ['notEntities: [1]\n', /^1:15: each entry of `notEntities` must be a non-empty string/],
      ['colours: []\n', /^1:1: unknown key 'colours'/],
      ['version: 2\n', /^1:10: unknown curation file version/],
      ['types: [\n', /^\d+:\d+: /],
      ['a: &x [1]\nb: *x\n', /aliases are not allowed/],
      ['types:\n  - { text: X, type: PERSON }\n  - { text: X, type: ORG }\n', /two types/],
    ];
    for (const [text, re] of cases) {
      const r = parseCuration(text);
      assert.ok(!r.ok, text);
      const i = r.issues[0];
      assert.match(`${i.line}:${i.col}: ${i.message}`, re, text);
    }
  });

  it('adds rules idempotently, keeps comments, and reloads them', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': 'x' });
    const cur = new CurationFile(fs, '/ws');
    assert.deepStrictEqual((await cur.load()).rules, NO_CURATION);
    await cur.addType('Vladimir Putin', 'PERSON');
    await cur.addMerge('Vlad Putin', 'Vladimir Putin');
    await cur.addNotEntity('Replay More Videos');
    await cur.addNotEntity('Replay More Videos');
    await cur.addRename('Donald J. Trump', 'Donald Trump');
    fs.set(PATH, fs.text(PATH)!.replace('notEntities:', '# boilerplate, not names\nnotEntities:'));
    const rules = await cur.addType('Vladimir Putin', 'ORG');
    assert.deepStrictEqual(rules.types, [{ text: 'Vladimir Putin', type: 'ORG' }]);
    assert.deepStrictEqual(rules.notEntities, ['Replay More Videos']);
    const text = fs.text(PATH)!;
    assert.ok(text.includes('# boilerplate, not names\nnotEntities:'), text);
    assert.ok(text.includes('  - { from: Vlad Putin, into: Vladimir Putin }'), text);
    const again = await new CurationFile(fs, '/ws').load();
    assert.deepStrictEqual(again.rules, rules);
  });

  it('never overwrites a malformed curation file', async () => {
    const bad = 'types:\n  - { text: X, type: ANIMAL }\n';
    const fs = new MemoryFileSystem({ [PATH]: bad });
    const cur = new CurationFile(fs, '/ws');
    const loaded = await cur.load();
    assert.deepStrictEqual(loaded.rules, NO_CURATION);
    assert.strictEqual(loaded.issues[0].line, 2);
    await assert.rejects(cur.addNotEntity('Y'), (e: Error) => e instanceof UserError && /source-annotator\.curation\.yaml:2:\d+: type must be one of/.test(e.message));
    assert.strictEqual(fs.text(PATH), bad);
    fs.set(PATH, new Uint8Array([0xc3, 0x28]));
    await assert.rejects(cur.addNotEntity('Y'), /not valid UTF-8/);
    await assert.rejects(cur.addMerge('A', 'A'), /merged into itself/);
  });
});
