import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ann, annotationsOf, sidecarText } from './fixtures';
import { CLI } from './gitRepo';

/**
 * dist/mergeDriver.js, what git-setup registers, as git runs it: its first try (no YAML library)
 * and the second bundle it loads otherwise give what `source-annotator merge-driver` gives, file
 * and message, for sidecars in the store's layout, hand-edited ones, the curation file and errors.
 */
const DRIVER = path.join(path.dirname(CLI), 'mergeDriver.js');

function run(script: string[], dir: string, files: Record<string, string>, args: string[]): { status: number | null; err: string; ours: string } {
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const r = spawnSync(process.execPath, [...script, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, err: r.stderr, ours: fs.existsSync(path.join(dir, 'a.yaml')) ? fs.readFileSync(path.join(dir, 'a.yaml'), 'utf8') : '' };
}

/** The same merge through the driver bundle and through the whole CLI, in two fresh folders. */
function both(files: Record<string, string>, args = ['o.yaml', 'a.yaml', 'b.yaml', 'news.txt.annotations.yaml']): { driver: ReturnType<typeof run>; cli: ReturnType<typeof run> } {
  const d1 = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-driver-'));
  const d2 = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-driver-'));
  try {
    return { driver: run([DRIVER], d1, files, args), cli: run([CLI, 'merge-driver'], d2, files, args) };
  } finally {
    fs.rmSync(d1, { recursive: true, force: true });
    fs.rmSync(d2, { recursive: true, force: true });
  }
}

describe('merge/driver bundle (dist/mergeDriver.js and dist/mergeDriverFull.js)', () => {
  const base = [ann('a-1', 0), ann('a-2', 13), ann('a-3', 40, { note: 'two\nlines' })];
  const ours = [{ ...base[0], note: 'ours', modified: '2026-02-01T00:00:00.000Z' }, base[1], { ...base[2], tags: ['t', 'ours'] }];
  const theirs = [{ ...base[0], note: 'theirs', modified: '2026-03-01T00:00:00.000Z' }, { ...base[1], author: 'Coder B' }, base[2], ann('a-4', 60)];
  const files = { 'o.yaml': sidecarText(base), 'a.yaml': sidecarText(ours), 'b.yaml': sidecarText(theirs) };

  it('merges sidecars in the store layout as the CLI does: same file, message and exit code', () => {
    const { driver, cli } = both(files);
    assert.strictEqual(driver.status, 1, driver.err);
    assert.strictEqual(driver.ours, cli.ours);
    assert.strictEqual(driver.err, cli.err);
    assert.match(driver.err, /news\.txt\.annotations\.yaml: 1 added from theirs, 2 merged, 0 deleted, 1 annotation\(s\) with recorded conflicts \(a-1\)/);
    const merged = annotationsOf(driver.ours);
    assert.deepStrictEqual(merged.map((a) => a.id), ['a-1', 'a-2', 'a-3', 'a-4']);
    assert.deepStrictEqual(merged[2].tags, ['t', 'ours']);
    assert.strictEqual(merged[1].author, 'Coder B');
  });

  it('hands a hand-edited sidecar (a comment, a tab in a note) to the full driver, with the same result', () => {
    const edited = { ...files, 'a.yaml': files['a.yaml'].replace(/^( {2}- id: a-2)$/m, '  # checked by the desk\n$1'), 'b.yaml': sidecarText([...theirs.slice(0, 3), ann('a-4', 60, { note: 'a\ttab' })]) };
    const { driver, cli } = both(edited);
    assert.strictEqual(driver.status, 1, driver.err);
    assert.strictEqual(driver.ours, cli.ours);
    assert.match(driver.ours, /# checked by the desk\n {2}- id: a-2/);
    assert.strictEqual(annotationsOf(driver.ours).find((a) => a.id === 'a-4')?.note, 'a\ttab');
  });

  it('hands the curation file, a missing version and bad arguments to the full driver', () => {
    const curation = 'version: 1\nentities:\n  - name: Jane Doe\n    type: PERSON\n';
    const c = both({ 'o.yaml': curation, 'a.yaml': curation, 'b.yaml': curation.replace('Jane Doe', 'Jane Q. Doe') }, ['o.yaml', 'a.yaml', 'b.yaml', 'source-annotator.curation.yaml']);
    assert.strictEqual(c.driver.status, c.cli.status);
    assert.strictEqual(c.driver.ours, c.cli.ours);
    assert.strictEqual(c.driver.err, c.cli.err);
    const missing = both({ 'a.yaml': files['a.yaml'], 'b.yaml': files['b.yaml'] });
    assert.strictEqual(missing.driver.status, missing.cli.status);
    assert.strictEqual(missing.driver.ours, missing.cli.ours);
    const usage = both(files, ['o.yaml']);
    assert.strictEqual(usage.driver.status, 2);
    assert.match(usage.driver.err, /merge-driver takes BASE OURS THEIRS/);
  });

  it('without its second bundle, says so and leaves both sides as git line-merge markers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-driver-'));
    try {
      const lone = path.join(dir, 'lone', 'mergeDriver.js');
      fs.mkdirSync(path.dirname(lone));
      fs.copyFileSync(DRIVER, lone);
      const curation = 'version: 1\nentities:\n  - name: Jane Doe\n    type: PERSON\n';
      const r = run([lone], dir, { 'o.yaml': curation, 'a.yaml': curation.replace('Jane Doe', 'Jane A. Doe'), 'b.yaml': curation.replace('Jane Doe', 'Jane B. Doe') }, ['o.yaml', 'a.yaml', 'b.yaml', 'source-annotator.curation.yaml']);
      assert.strictEqual(r.status, 1);
      assert.match(r.err, /mergeDriverFull\.js is missing beside this driver: run source-annotator git-setup again/);
      assert.match(r.ours, /<<<<<<<[\s\S]*Jane A\. Doe[\s\S]*Jane B\. Doe/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
