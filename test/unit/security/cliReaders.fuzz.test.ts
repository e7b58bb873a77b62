import * as assert from 'assert';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { TempWorkspace } from './tempWorkspace';

/**
 * Fuzz of the CLI's readers (check, export in every format, analyze) on generated sources and
 * sidecars, valid or not. Each run is a child process with a generous time limit (a hang or a
 * quadratic blow-up fails it); every command must end with a result or a clear error (exit 0 or
 * 1, no internal error, no stack trace), and no file in the workspace may change.
 */
const OUT = path.resolve(__dirname, '../../..');
const DRIVER = `
const { main } = require(${JSON.stringify(path.join(OUT, 'src/cli/main.js'))});
const { NodeFileSystem } = require(${JSON.stringify(path.join(OUT, 'src/node/nodeFileSystem.js'))});
(async () => {
  const results = [];
  for (const argv of JSON.parse(process.argv[2])) {
    let err = '';
    const code = await main(argv, { fs: new NodeFileSystem(), cwd: process.argv[3], stdout: () => undefined, stderr: (t) => (err += t) });
    results.push({ argv: argv.join(' '), code, err });
  }
  process.stdout.write(JSON.stringify(results));
})();
`;

const piece = fc.constantFrom('Jane Smith said', ' "We will win," ', '“', '”', '«', '»', '\n', '\r\n', '\r', '\t', '\u0000', '\u001b]0;x\u0007', '😀', 'é', '\u202e', 'US President Donald Trump', '. ', ', according to Reuters.', ' — ');
const source = fc.oneof(
  fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
);

const yamlPiece = fc.constantFrom(
  'version: 1\n',
  'annotations:\n',
  'sourceHash: fnv1a32:0c1d2e3f\n',
  '  - id: a-0000000001\n',
  '  - id: a-0000000002\n',
  '    target: { exact: "Jane", start: 0, end: 4 }\n',
  '    target: { exact: "win", prefix: "will ", start: 3, end: 99 }\n',
  '    target:\n      exact: "x"\n      start: 1\n      end: 2\n',
  '    note: "a\n  b"\n',
  '    note: |\n      multi\n      line\n',
  '    tags: [a, "b c", 1]\n',
  '    author: A\n',
  '    created: 2026-01-01T00:00:00.000Z\n',
  '    modified: 2026-01-01T00:00:00.000Z\n',
  'x: &a [1, 2]\ny: *a\n',
  '[[[[[[[[[[',
  '{ a: 1, a: 1 }\n',
  'k1: 1\nk2: 2\nk1: 3\n',
  '"\\e]0;t\\a": 1\n',
  '\t- bad\n',
  '---\n',
  '%YAML 1.2\n',
  '\r',
  '\u0000',
  '\ufeff',
);
const sidecar = fc.array(yamlPiece, { maxLength: 24 }).map((p) => p.join(''));

describe('security: fuzz of the CLI readers on generated files', function () {
  this.timeout(300_000);

  it('check, export and analyze end with a result or a clear error, in bounded time, and change no file', () => {
    const t = new TempWorkspace();
    const driver = t.write('driver.js', DRIVER);
    const qdpx = path.join(t.dir, 'out.qdpx');
    const commands = [['check'], ['export', '--format', 'md'], ['export', '--format', 'csv'], ['export', '--format', 'w3c'], ['export', '--format', 'qdpx', '--analysis', '--out', qdpx], ['analyze', '.'], ['analyze', '--json', '.']];
    try {
      fc.assert(
        fc.property(fc.array(fc.tuple(source, fc.option(sidecar, { freq: 4 })), { minLength: 1, maxLength: 3 }), (files) => {
          fs.rmSync(t.ws, { recursive: true, force: true });
          fs.mkdirSync(t.ws);
          files.forEach(([src, sc], i) => {
            t.write(`ws/s${i}.txt`, Buffer.from(src, 'latin1'));
            if (sc !== null) t.write(`ws/s${i}.txt.annotations.yaml`, sc);
          });
          const before = t.snapshot('ws');
          const r = spawnSync(process.execPath, [driver, JSON.stringify(commands), t.ws], { encoding: 'utf8', timeout: 30_000 });
          assert.strictEqual(r.error, undefined, `the run did not finish in 30 s: ${JSON.stringify(files)}`);
          assert.strictEqual(r.status, 0, r.stderr);
          for (const c of JSON.parse(r.stdout) as Array<{ argv: string; code: number; err: string }>) {
            assert.ok(c.code === 0 || c.code === 1, `${c.argv}: exit ${c.code}: ${c.err}`);
            assert.ok(!/internal error|\n\s+at /.test(c.err), `${c.argv}: ${c.err}`);
            if (c.code === 1) assert.ok(c.err.trim().length > 0 || c.argv === 'check', `${c.argv}: exit 1 without a message`);
          }
          assert.deepStrictEqual(t.snapshot('ws'), before, 'no file changed');
        }),
        { numRuns: 25, seed: 2026 },
      );
    } finally {
      t.dispose();
    }
  });
});
