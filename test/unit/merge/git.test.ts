import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Annotation } from '../../../src/core/annotations/model';
import { parseSidecar, removeAnnotation, renderSidecar, updateAnnotation } from '../../../src/core/store/sidecar';
import { annotationsOf, assertNothingLost } from './fixtures';
import { CLI, GitRepo } from './gitRepo';

const NEWS_A = 'The minister said the budget was final. Critics said it was not final at all.\nThe opposition leader called the plan a disgrace, and the unions called a strike.\n';
const NEWS_B = 'Rain is expected on Monday. Farmers welcomed the news after a dry summer.\nThe weather service warned of floods in the north.\n';

/** Edit a sidecar as the editor does: the changed entries only, the rest of the file byte for byte. */
function editSidecar(repo: GitRepo, rel: string, edit: (a: Annotation) => Annotation | 'delete' | undefined): void {
  const text = repo.read(rel);
  const r = parseSidecar(text);
  if (!r.ok) throw new Error(`${rel}: ${r.issues[0].message}`);
  const doc = r.sidecar.doc.clone();
  for (const a of r.sidecar.annotations) {
    const e = edit(a);
    if (e === 'delete') removeAnnotation(doc, a.id);
    else if (e !== undefined) updateAnnotation(doc, { ...e, modified: '2026-12-01T00:00:00.000Z' });
  }
  repo.write(rel, renderSidecar({ text, doc: r.sidecar.doc }, doc, false).text);
}

const ids = (text: string): string[] => annotationsOf(text).map((a) => a.id).sort();
const SIDE = 'a.txt.annotations.yaml';

/** Base commit: two sources, three annotations by coder A on the first, one on the second. */
function baseRepo(): { repo: GitRepo; base: Record<string, string> } {
  const repo = new GitRepo();
  repo.write('a.txt', NEWS_A);
  repo.write('b.txt', NEWS_B);
  const base = {
    minister: repo.annotate('a.txt', 'minister', 'who speaks', 'Coder A', ['person']),
    budget: repo.annotate('a.txt', 'budget', 'the claim', 'Coder A', ['claim']),
    strike: repo.annotate('a.txt', 'strike', 'consequence', 'Coder A', ['event']),
    rain: repo.annotate('b.txt', 'Rain', 'forecast', 'Coder A', ['weather']),
  };
  return { repo, base };
}

function assertMergedWithoutLoss(repo: GitRepo, oursRev: string, theirsRev: string, rel: string, resultRel = rel): Annotation[] {
  const baseRev = repo.git('merge-base', oursRev, theirsRev).trim();
  const text = repo.read(resultRel);
  assert.ok(!/^(<{7}|={7}|>{7}|\|{7})/m.test(text), `no conflict markers in ${resultRel}`);
  const result = annotationsOf(text);
  const side = (rev: string, p: string): Annotation[] => {
    const t = repo.show(rev, p);
    return t === '' ? [] : annotationsOf(t);
  };
  assertNothingLost(side(baseRev, rel), side(oursRev, rel === resultRel ? rel : resultRel), side(theirsRev, rel), result);
  return result;
}

describe('merge with real git', function () {
  this.timeout(120_000);
  let repo: GitRepo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });

  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)'));

  it('git-setup registers the driver by absolute path, says what it did, and is idempotent', () => {
    ({ repo } = baseRepo());
    const first = repo.cli('git-setup');
    assert.strictEqual(first.status, 0, first.err);
    assert.match(first.out, /added '\*\.annotations\.yaml merge=source-annotator', 'source-annotator\.curation\.yaml merge=source-annotator'/);
    assert.match(repo.read('.gitattributes'), /^\*\.annotations\.yaml merge=source-annotator$/m);
    const driver = repo.git('config', '--local', 'merge.source-annotator.driver').trim();
    // The driver's own small bundle beside the CLI, by absolute path with this Node.
    assert.strictEqual(driver, `${process.execPath} --max-semi-space-size=1 --no-opt ${path.join(path.dirname(CLI), 'mergeDriver.js')} %O %A %B %P`);
    const attributes = repo.read('.gitattributes');
    const second = repo.cli('git-setup');
    assert.strictEqual(second.status, 0);
    assert.match(second.out, /already lists the driver/);
    assert.match(second.out, /driver: already set/);
    assert.strictEqual(repo.read('.gitattributes'), attributes);
    assert.strictEqual(repo.cli('check').status, 0, 'a registered driver is no problem');
  });

  it('two coders edit, retag and delete the same annotations on branches; git merge runs the driver: no markers, nothing lost, conflicts recorded', () => {
    let base: Record<string, string>;
    ({ repo, base } = baseRepo());
    assert.strictEqual(repo.cli('git-setup').status, 0);
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'bob');
    editSidecar(repo, SIDE, (a) => (a.id === base.minister ? { ...a, note: 'bob: the finance minister' } : a.id === base.budget ? { ...a, tags: [...a.tags, 'disputed'] } : a.id === base.strike ? { ...a, tags: ['event', 'labour'] } : undefined));
    const bobNew = repo.annotate('a.txt', 'opposition leader', 'second voice', 'Coder B', ['person']);
    repo.commitAll('bob', 'Coder B');
    repo.git('checkout', '-q', 'main');
    editSidecar(repo, SIDE, (a) => (a.id === base.minister ? { ...a, note: 'alice: minister of finance', tags: ['person', 'official'] } : a.id === base.budget ? 'delete' : a.id === base.strike ? { ...a, note: 'alice: a general strike' } : undefined));
    const aliceNew = repo.annotate('a.txt', 'Critics', 'counter claim', 'Coder A', ['person']);
    repo.commitAll('alice');

    const m = repo.tryGit('merge', '--no-edit', 'bob');
    assert.strictEqual(m.status, 1, 'the driver recorded conflicts, so git stops for review');
    assert.match(m.out, /source-annotator merge-driver: a\.txt\.annotations\.yaml: .*recorded conflicts/);
    const result = assertMergedWithoutLoss(repo, 'HEAD', 'bob', SIDE);
    const byId = new Map(result.map((a) => [a.id, a]));
    assert.deepStrictEqual(ids(repo.read(SIDE)), [base.minister, base.budget, base.strike, bobNew, aliceNew].sort());
    assert.deepStrictEqual(byId.get(base.minister)!.conflicts, [{ field: 'note', ours: 'alice: minister of finance', theirs: 'bob: the finance minister' }]);
    assert.deepStrictEqual(byId.get(base.minister)!.tags, ['person', 'official']);
    assert.deepStrictEqual(byId.get(base.budget)!.conflicts, [{ deletedBy: 'ours' }], 'deleted by alice, retagged by bob: kept and marked');
    assert.strictEqual(byId.get(base.strike)!.note, 'alice: a general strike');
    assert.deepStrictEqual(byId.get(base.strike)!.tags, ['event', 'labour']);
    assert.strictEqual(byId.get(base.strike)!.conflicts, undefined);
    // check lists the recorded conflicts; the file is valid, so git add concludes the merge.
    const c = repo.cli('check');
    assert.strictEqual(c.status, 1);
    assert.strictEqual((c.out.match(/merge conflict in annotation/g) ?? []).length, 2, c.out);
    repo.git('add', SIDE);
    repo.git('commit', '-q', '--no-edit');
    assert.strictEqual(repo.show('HEAD', 'b.txt.annotations.yaml'), repo.show('HEAD~1', 'b.txt.annotations.yaml'));
  });

  it('three coders on three branches merge cleanly one after the other through git itself', () => {
    let base: Record<string, string>;
    ({ repo, base } = baseRepo());
    repo.cli('git-setup');
    repo.commitAll('base');
    const added: string[] = [];
    const coders: Array<[string, string, (a: Annotation) => Annotation | undefined]> = [
      ['c1', 'disgrace', (a) => (a.id === base.minister ? { ...a, note: 'c1 changed the note' } : undefined)],
      ['c2', 'unions', (a) => (a.id === base.minister ? { ...a, tags: ['person', 'c2-tag'] } : undefined)],
      ['c3', 'Farmers', (a) => (a.id === base.budget ? { ...a, author: 'Coder C' } : undefined)],
    ];
    for (const [name, exact, edit] of coders) {
      repo.git('checkout', '-q', '-b', name, 'main');
      editSidecar(repo, SIDE, edit);
      added.push(repo.annotate(exact === 'Farmers' ? 'b.txt' : 'a.txt', exact, `${name} annotation`, `Coder ${name}`, [name]));
      repo.commitAll(name, `Coder ${name}`);
    }
    repo.git('checkout', '-q', 'main');
    // One merge per branch: git's octopus strategy merges files with git-merge-one-file, which
    // runs no merge driver (the README says so).
    for (const name of ['c1', 'c2', 'c3']) {
      const m = repo.tryGit('merge', '--no-edit', name);
      assert.strictEqual(m.status, 0, m.out);
    }
    assert.strictEqual(repo.git('rev-list', '--merges', '--count', 'HEAD').trim(), '2', 'c1 fast-forwards, c2 and c3 are merge commits');
    const a = new Map(annotationsOf(repo.read(SIDE)).map((x) => [x.id, x]));
    assert.strictEqual(a.get(base.minister)!.note, 'c1 changed the note');
    assert.deepStrictEqual(a.get(base.minister)!.tags, ['person', 'c2-tag']);
    assert.strictEqual(a.get(base.budget)!.author, 'Coder C');
    for (const id of added.slice(0, 2)) assert.ok(a.has(id), id);
    assert.ok(ids(repo.read('b.txt.annotations.yaml')).includes(added[2]));
    assert.ok([...a.values()].every((x) => x.conflicts === undefined));
    assert.strictEqual(repo.cli('check').status, 0);
  });

  it('a source renamed (with its sidecar) on one branch and annotated on the other merges into the new name', () => {
    let base: Record<string, string>;
    ({ repo, base } = baseRepo());
    repo.cli('git-setup');
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'rename');
    fs.mkdirSync(path.join(repo.dir, 'news'));
    repo.git('mv', 'a.txt', 'news/budget.txt');
    repo.git('mv', SIDE, 'news/budget.txt.annotations.yaml');
    editSidecar(repo, 'news/budget.txt.annotations.yaml', (a) => (a.id === base.minister ? { ...a, note: 'renamer edited' } : undefined));
    repo.commitAll('rename');
    repo.git('checkout', '-q', 'main');
    editSidecar(repo, SIDE, (a) => (a.id === base.minister ? { ...a, tags: ['person', 'main-tag'] } : undefined));
    const added = repo.annotate('a.txt', 'Critics', 'added on main', 'Coder B');
    repo.commitAll('main edits');
    const m = repo.tryGit('merge', '--no-edit', 'rename');
    assert.strictEqual(m.status, 0, m.out);
    assert.ok(!fs.existsSync(path.join(repo.dir, SIDE)));
    const out = new Map(annotationsOf(repo.read('news/budget.txt.annotations.yaml')).map((a) => [a.id, a]));
    assert.strictEqual(out.get(base.minister)!.note, 'renamer edited');
    assert.deepStrictEqual(out.get(base.minister)!.tags, ['person', 'main-tag']);
    assert.ok(out.has(added));
    assert.strictEqual(out.size, 4);
    const c = repo.cli('check');
    assert.strictEqual(c.status, 0, c.out + c.err);
  });

  for (const style of ['merge', 'diff3'] as const) {
    it(`without the driver git leaves conflict markers (${style}); check reports them and check --fix rebuilds the file from both sides`, () => {
      let base: Record<string, string>;
      ({ repo, base } = baseRepo());
      repo.git('config', 'merge.conflictStyle', style);
      repo.commitAll('base');
      repo.git('checkout', '-q', '-b', 'bob');
      editSidecar(repo, SIDE, (a) => (a.id === base.minister ? { ...a, note: 'bob note', tags: ['person', 'bob'] } : a.id === base.strike ? 'delete' : undefined));
      const bobNew = repo.annotate('a.txt', 'unions', 'bob added', 'Coder B');
      repo.commitAll('bob', 'Coder B');
      repo.git('checkout', '-q', 'main');
      editSidecar(repo, SIDE, (a) => (a.id === base.minister ? { ...a, note: 'alice note' } : undefined));
      const aliceNew = repo.annotate('a.txt', 'disgrace', 'alice added', 'Coder A');
      repo.commitAll('alice');
      const m = repo.tryGit('merge', '--no-edit', 'bob');
      assert.strictEqual(m.status, 1);
      const conflicted = repo.read(SIDE);
      assert.match(conflicted, /^<<<<<<< /m);
      assert.strictEqual(/^\|{7}/m.test(conflicted), style === 'diff3');

      const c = repo.cli('check');
      assert.strictEqual(c.status, 1);
      assert.match(c.out, /a\.txt\.annotations\.yaml:\d+:1: unmerged git conflict markers/);
      const f = repo.cli('check', '--fix');
      assert.match(f.err, /rebuilt from both sides/, f.err);
      const result = assertMergedWithoutLoss(repo, 'HEAD', 'bob', SIDE);
      const byId = new Map(result.map((a) => [a.id, a]));
      assert.ok(byId.has(bobNew) && byId.has(aliceNew));
      const minister = byId.get(base.minister)!;
      assert.strictEqual(minister.note, 'alice note');
      assert.ok(minister.conflicts?.some((x) => 'field' in x && x.field === 'note' && x.theirs === 'bob note'));
      assert.ok(minister.tags.includes('bob'));
      // With the base (diff3) bob's deletion of an annotation alice left alone is applied; without it the annotation is kept.
      assert.strictEqual(byId.has(base.strike), style === 'merge');
      // What remains are recorded conflicts, which check lists; no markers.
      const again = repo.cli('check');
      assert.doesNotMatch(again.out, /conflict markers/);
    });
  }

  it('check says when the registered driver points at a CLI that no longer exists', () => {
    ({ repo } = baseRepo());
    const copy = path.join(repo.tmp, 'old-install', 'cli.js');
    fs.mkdirSync(path.dirname(copy));
    fs.copyFileSync(CLI, copy);
    const r = repo.cli('git-setup');
    assert.strictEqual(r.status, 0);
    repo.git('config', 'merge.source-annotator.driver', `${process.execPath} ${copy} merge-driver %O %A %B %P`);
    assert.strictEqual(repo.cli('check').status, 0);
    fs.rmSync(copy);
    const c = repo.cli('check');
    assert.strictEqual(c.status, 1);
    assert.match(c.out, /points at .*old-install\/cli\.js, which no longer exists: run source-annotator git-setup again/);
    // The same for the driver's own bundle (what git-setup registers).
    const bundle = path.join(repo.tmp, 'old-install', 'mergeDriver.js');
    const full = path.join(repo.tmp, 'old-install', 'mergeDriverFull.js');
    fs.copyFileSync(path.join(path.dirname(CLI), 'mergeDriver.js'), bundle);
    fs.copyFileSync(path.join(path.dirname(CLI), 'mergeDriverFull.js'), full);
    repo.git('config', 'merge.source-annotator.driver', `${process.execPath} ${bundle} %O %A %B %P`);
    assert.strictEqual(repo.cli('check').status, 0);
    // Its second bundle, which it loads when its first try declines, is part of it.
    fs.rmSync(full);
    const f = repo.cli('check');
    assert.strictEqual(f.status, 1);
    assert.match(f.out, /driver at .*old-install\/mergeDriver\.js misses .*old-install\/mergeDriverFull\.js beside it/);
    fs.rmSync(bundle);
    const e = repo.cli('check');
    assert.strictEqual(e.status, 1);
    assert.match(e.out, /points at .*old-install\/mergeDriver\.js, which no longer exists: run source-annotator git-setup again/);
    // A clone whose .gitattributes names the driver but has not registered it is told so (information).
    repo.git('config', '--unset', 'merge.source-annotator.driver');
    const d = repo.cli('check');
    assert.strictEqual(d.status, 0);
    assert.match(d.out, /info: .*has not registered it: run source-annotator git-setup/);
  });

  it('the driver falls back to a line merge with markers when a version is not a valid sidecar', () => {
    ({ repo } = baseRepo());
    repo.write('o.yaml', 'version: 1\nannotations: [\n');
    repo.write('a.yaml', 'version: 1\nannotations: []\n# ours\n');
    repo.write('b.yaml', 'version: 1\nannotations: []\n# theirs\n');
    const r = repo.cli('merge-driver', 'o.yaml', 'a.yaml', 'b.yaml', 'x.annotations.yaml');
    assert.strictEqual(r.status, 1);
    assert.match(r.err, /base version is not a valid sidecar.*line by line/);
    assert.match(repo.read('a.yaml'), /^<<<<<<< ours$/m);
  });
});
