import * as assert from 'assert';
import fc from 'fast-check';
import { parseSidecar, readSidecarFast } from '../../../src/core/store/sidecar';

/**
 * The fast read path (js-yaml) and the full parser (yaml) must agree: whenever the fast path
 * reads a file, the full parser accepts it and reads the same data. (Declining is always
 * allowed: the caller then uses the full parser.) The inputs are valid sidecars cut up and put
 * together again with the pieces a hand edit or a stranger brings: odd line endings, quotes
 * over several lines, indentation, tabs, markers, numbers in other notations.
 */
const HEAD = ['version: 1', 'sourceHash: fnv1a32:0c1d2e3f', 'annotations:'];

const scalar = fc.oneof(
  fc.constantFrom('plain text', 'a: b', '"dq"', "'sq'", '"two\n  lines"', '"two\nlines"', "'two\n lines'", '"cr\rinside"', '|\n      block\n      text', '>\n      folded\n      text', '"esc \\x41 \\u00e9"', 'x # comment', '"first line', 'yes', '~', 'null', '1e3', '0x10', '.inf', '"\t"', '[a, b]', '{a: 1}', '', '|-\n      kept', '"a\\\n  b"'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.array(fc.constantFrom('a', ' ', '"', "'", ':', '#', '\n', '\r', '\r\n', '\t', '\\', '-', '{', '}', '[', ']', ','), { maxLength: 12 }).map((cs) => cs.join('')),
);
const number = fc.oneof(fc.nat({ max: 500 }).map(String), fc.constantFrom('1e3', '0x10', '0o7', '1.0', '+5', '007', '1_000', '.5', '-1'));

const entry = fc
  .record({
    id: fc.constantFrom('a-0000000001', 'a-0000000002', 'x'),
    exact: scalar,
    prefix: fc.option(scalar),
    start: number,
    end: number,
    note: fc.option(scalar),
    tags: fc.option(fc.array(scalar, { maxLength: 2 })),
    author: scalar,
    date: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00Z', '2026-01-01', '"2026-01-01T00:00:00Z"'),
    flowTarget: fc.boolean(),
  })
  .map((e) => {
    const target = e.flowTarget
      ? [`    target: { exact: ${e.exact}, ${e.prefix !== null ? `prefix: ${e.prefix}, ` : ''}start: ${e.start}, end: ${e.end} }`]
      : ['    target:', `      exact: ${e.exact}`, ...(e.prefix !== null ? [`      prefix: ${e.prefix}`] : []), `      start: ${e.start}`, `      end: ${e.end}`];
    return [
      `  - id: ${e.id}`,
      ...target,
      ...(e.note !== null ? [`    note: ${e.note}`] : []),
      ...(e.tags !== null ? [`    tags: [${e.tags.join(', ')}]`] : []),
      `    author: ${e.author}`,
      `    created: ${e.date}`,
      `    modified: ${e.date}`,
    ].join('\n');
  });

/** Edits applied to the assembled text: line endings, indentation, markers. */
const edit = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.replace(/\n/g, '\r\n'),
  (s: string) => s.replace(/\n/g, '\r'),
  (s: string) => s.replace(/\n {6}/, '\n  '),
  (s: string) => s.replace(/\n {4}/, '\n\t'),
  (s: string) => '---\n' + s,
  (s: string) => '%YAML 1.2\n---\n' + s,
  (s: string) => s + '...\n',
  (s: string) => s + '---\n',
  (s: string) => '\ufeff' + s,
  (s: string) => s.replace(': ', ':  '),
  (s: string) => s.replace('\n  - ', '\n  -\n    '),
  (s: string) => s.replace(/\n/, ' # c\n'),
);

function text(entries: string[], edits: Array<(s: string) => string>): string {
  let s = [...HEAD, ...entries].join('\n') + '\n';
  for (const e of edits) s = e(s);
  return s;
}

describe('security: the fast sidecar reader agrees with the full parser (differential fuzz)', function () {
  this.timeout(120_000);

  it('whenever the fast path reads a file, the full parser reads the same data', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 3 }), fc.array(edit, { maxLength: 3 }), (entries, edits) => {
        const t = text(entries, edits);
        const fast = readSidecarFast(t);
        if (fast === undefined) return;
        const full = parseSidecar(t);
        assert.ok(full.ok, `the fast path read a file the full parser rejects: ${JSON.stringify(t)}\n${full.ok ? '' : JSON.stringify(full.issues[0])}`);
        assert.deepStrictEqual(fast.annotations, full.sidecar.annotations, JSON.stringify(t));
        assert.strictEqual(fast.sourceHash, full.sidecar.sourceHash);
        assert.strictEqual(fast.crlf, full.sidecar.crlf);
      }),
      { numRuns: 10_000, seed: 12 },
    );
  });

  it("declines the issue's examples: a quote over lines indented less than its key, CR-only line endings, a bare CR in quotes", () => {
    const base = [...HEAD, '  - id: a-0000000001', '    target: { exact: "q", start: 0, end: 1 }', '    author: A', '    created: 2026-01-01T00:00:00Z', '    modified: 2026-01-01T00:00:00Z'];
    const withNote = (note: string[]): string => [...base, ...note].join('\n') + '\n';
    assert.strictEqual(readSidecarFast(withNote(['    note: "first line', '  second line"'])), undefined);
    assert.strictEqual(readSidecarFast(withNote(['    note: "ok"']).replace(/\n/g, '\r')), undefined);
    assert.strictEqual(readSidecarFast(withNote(['    note: "a\rb"'])), undefined);
    assert.ok(readSidecarFast(withNote(['    note: "ok"'])), 'a plain file still takes the fast path');
  });
});
