import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DocumentAnalysis } from '../../../src/core/analysis/types';
import { CanonicalNames } from '../../../src/core/analysis/workspace';
import { WorkspaceModel } from '../../../src/core/workspace/model';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');
const seeds = fs
  .readdirSync(SEEDS)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => ({ key: `file:///seeds/${n}`, text: fs.readFileSync(path.join(SEEDS, n), 'utf8') }));
const [CNN_A, CNN_B] = seeds.filter((s) => /^file:\/\/\/seeds\/00[01]_/.test(s.key));

describe('WorkspaceModel (the worker-side workspace model)', () => {
  function loaded(): WorkspaceModel {
    const m = new WorkspaceModel();
    for (const s of seeds) m.set(s.key, s.text);
    return m;
  }

  it('returns a digest the editor can keep: the analysis as JSON, person names and counts', () => {
    const m = new WorkspaceModel();
    const d = m.set(CNN_A.key, CNN_A.text);
    const parsed = JSON.parse(new TextDecoder().decode(d.json)) as DocumentAnalysis;
    assert.deepStrictEqual(parsed, m.analyze(CNN_A.text));
    assert.ok(d.persons.includes('Donald Trump'), d.persons.join(', '));
    assert.strictEqual(d.stats.quoteWords.length, parsed.quotes.length);
    const persons = new Set(parsed.entities.filter((e) => e.type === 'PERSON' && (e.kind === 'name' || e.entity !== e.text)).map((e) => e.entity));
    assert.strictEqual(d.stats.entities.PERSON.entities, persons.size);
    assert.ok(d.stats.entities.LOC.mentions > 0);
  });

  it('the editor rebuilds workspace-level names from the digests as the model does', () => {
    const m = loaded();
    const names = new CanonicalNames();
    for (const s of seeds) names.addPersons(m.set(s.key, s.text).persons);
    for (const s of seeds) {
      const fromDigest = names.apply(JSON.parse(new TextDecoder().decode(m.set(s.key, s.text).json)) as DocumentAnalysis);
      assert.deepStrictEqual(fromDigest, m.analysis(s.key));
    }
  });

  it('answers quote clusters per source, and forgets a removed source', () => {
    const m = loaded();
    const shared = m.clustersOf(CNN_A.key);
    assert.ok(shared.length >= 8, `${shared.length} shared quotes`);
    for (const [start, c] of shared) {
      assert.ok(c.mentions.some((x) => x.path === CNN_A.key && x.start === start));
      assert.ok(c.mentions.some((x) => x.path === CNN_B.key), 'the other CNN version');
    }
    assert.ok(m.clusterCount() >= 8);
    m.remove(CNN_B.key);
    assert.ok(m.clustersOf(CNN_A.key).every(([, c]) => c.mentions.every((x) => x.path !== CNN_B.key)));
    assert.deepStrictEqual(m.clustersOf(CNN_B.key), []);
    assert.ok(!m.keys().includes(CNN_B.key));
  });

  it('summarizes entities across sources by workspace name, and follows re-analysis', () => {
    const m = loaded();
    const trump = m.entity('Donald Trump');
    assert.ok(trump);
    assert.strictEqual(trump.type, 'PERSON');
    assert.ok(trump.aliases.includes('Trump'));
    const keys = new Set(trump.mentions.map((x) => x.key));
    assert.ok(keys.has(CNN_A.key) && keys.has(CNN_B.key));
    const before = trump.mentions.length;
    m.set(CNN_B.key, 'Nothing about anyone here.');
    assert.ok(m.entity('Donald Trump')!.mentions.length < before);
    assert.ok(m.entityList().some((e) => e.entity === 'Donald Trump' && e.mentions === m.entity('Donald Trump')!.mentions.length));
    assert.strictEqual(m.entityCount(), m.entityList().length);
  });

  it('finds entities for Ctrl+T by name or alias, one hit per source', () => {
    const m = loaded();
    const putin = m.searchEntities('Putin', ['PERSON', 'ORG', 'LOC', 'NORP'], 100).filter((h) => h.entity === 'Vladimir Putin');
    assert.strictEqual(new Set(putin.map((h) => h.key)).size, putin.length);
    assert.ok(putin.length >= 2);
    for (const h of putin) {
      const text = seeds.find((s) => s.key === h.key)!.text;
      assert.match(text.slice(h.start, h.end), /Putin/);
    }
    const uk = m.searchEntities('Britain', ['LOC'], 100);
    assert.ok(uk.some((h) => h.name === 'Britain (United Kingdom)'), uk.map((h) => h.name).join(', '));
    assert.deepStrictEqual(m.searchEntities('Putin', ['LOC'], 100).filter((h) => h.entity === 'Vladimir Putin'), []);
    assert.ok(m.searchEntities('', ['PERSON'], 3).length <= 3);
  });

  it('lists the quotes of a speaker across sources', () => {
    const m = loaded();
    const quotes = m.quotesBy('Donald Trump', 100);
    assert.ok(quotes.length >= 2);
    for (const q of quotes) assert.strictEqual(seeds.find((s) => s.key === q.key)!.text.slice(q.start, q.end), q.text);
    assert.strictEqual(m.quotesBy('Donald Trump', 1).length, 1);
    assert.deepStrictEqual(m.quotesBy('Nobody At All', 10), []);
  });
});
