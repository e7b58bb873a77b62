import * as assert from 'assert';
import { QuoteClusterIndex, WorkspaceAnalysis, analyzeDocument, clusterQuotes, normalizeQuote, wordDiff, type Quote } from '../../../src/core/analysis';

function q(text: string, start = 0): Pick<Quote, 'start' | 'end' | 'text'> {
  return { start, end: start + text.length, text };
}

function clusterOf(index: QuoteClusterIndex, path: string): string {
  const c = index.clusters().find((x) => x.mentions.some((m) => m.path === path));
  assert.ok(c, `no cluster for ${path}`);
  return c.id;
}

describe('analysis/clusters', () => {
  it('normalises marks, apostrophes, case, punctuation and accents', () => {
    assert.deepStrictEqual(normalizeQuote('We’re “looking”, Señor!'), ['were', 'looking', 'senor']);
    assert.deepStrictEqual(normalizeQuote("We're looking, senor"), ['were', 'looking', 'senor']);
  });

  it('links the same quotation despite marks, case, punctuation and a changed word', () => {
    const index = new QuoteClusterIndex();
    index.setDocument('a.txt', [q("We're looking to have a great relationship with all countries,")]);
    index.setDocument('b.txt', [q('we’re looking to have a great relationship with ALL countries')]);
    index.setDocument('c.txt', [q('We are looking to have a great relationship with all countries')]);
    index.setDocument('d.txt', [q('The weather in Berlin was cold and wet on Saturday')]);
    assert.strictEqual(clusterOf(index, 'a.txt'), clusterOf(index, 'b.txt'));
    assert.strictEqual(clusterOf(index, 'a.txt'), clusterOf(index, 'c.txt'));
    assert.notStrictEqual(clusterOf(index, 'a.txt'), clusterOf(index, 'd.txt'));
  });

  it('links an excerpt (partial quote) to the full quotation, but not a lone common word', () => {
    const index = new QuoteClusterIndex();
    index.setDocument('full.txt', [q('I think she made one very catastrophic mistake and that was taking all of these illegals')]);
    index.setDocument('part.txt', [q('one very catastrophic mistake')]);
    index.setDocument('word.txt', [q('mistake')]);
    assert.strictEqual(clusterOf(index, 'full.txt'), clusterOf(index, 'part.txt'));
    assert.notStrictEqual(clusterOf(index, 'full.txt'), clusterOf(index, 'word.txt'));
  });

  it('links a re-quote with a quarter of its words changed, spread over the quote', () => {
    const index = new QuoteClusterIndex();
    index.setDocument('a.txt', [q('The new bridge will open to traffic in the spring of next year')]);
    // 13 words, 3 changed (the 2nd, 6th and 11th): 10 of 13 kept in order, under the 80% an excerpt needs
    index.setDocument('b.txt', [q('The old bridge will open for traffic in the spring at next year')]);
    index.setDocument('c.txt', [q('The old road will close for trucks in the autumn of this year')]);
    assert.strictEqual(clusterOf(index, 'a.txt'), clusterOf(index, 'b.txt'));
    assert.notStrictEqual(clusterOf(index, 'a.txt'), clusterOf(index, 'c.txt'));
  });

  it('links a quote one source cut, detected as a quote in both articles, end to end', () => {
    const a = '"We will not raise taxes on working families this year or next year," Governor Ana Silva said on Monday.';
    const b = 'Silva promised she would "not raise taxes on working families this year" in her speech.';
    const docs = [a, b].map((text, i) => ({ path: `${i}.txt`, text, analysis: analyzeDocument(text) }));
    for (const d of docs) assert.deepStrictEqual(d.analysis.quotes.map((x) => x.kind), ['speech']);
    const shared = clusterQuotes(docs).filter((c) => c.mentions.length > 1);
    assert.strictEqual(shared.length, 1);
    assert.deepStrictEqual(shared[0].mentions.map((m) => m.path), ['0.txt', '1.txt']);
  });

  it('updates incrementally when one document changes or goes away', () => {
    const index = new QuoteClusterIndex();
    index.setDocument('a.txt', [q('Basically a vehicle for Germany and nothing else')]);
    index.setDocument('b.txt', [q('Completely unrelated words about the harvest season')]);
    assert.notStrictEqual(clusterOf(index, 'a.txt'), clusterOf(index, 'b.txt'));
    index.setDocument('b.txt', [q('basically a vehicle for Germany, and nothing else!')]);
    assert.strictEqual(clusterOf(index, 'a.txt'), clusterOf(index, 'b.txt'));
    index.removeDocument('a.txt');
    const cs = index.clusters();
    assert.strictEqual(cs.length, 1);
    assert.deepStrictEqual(cs[0].mentions.map((m) => m.path), ['b.txt']);
    index.setDocument('b.txt', []);
    assert.deepStrictEqual(index.clusters(), []);
  });

  it('records how the wording of each mention differs from the longest one', () => {
    const index = new QuoteClusterIndex();
    index.setDocument('long.txt', [q('We of course have to speak to Donald Trump, as he was chosen')]);
    index.setDocument('short.txt', [q('we have to speak to Donald Trump')]);
    const c = index.clusters().find((x) => x.mentions.length === 2)!;
    assert.strictEqual(c.text, 'We of course have to speak to Donald Trump, as he was chosen');
    const short = c.mentions.find((m) => m.path === 'short.txt')!;
    const ops = short.diff!.map((d) => `${d.op}:${d.words}`);
    assert.deepStrictEqual(ops, ['same:we', 'missing:of course', 'same:have to speak to Donald Trump', 'missing:as he was chosen']);
    assert.deepStrictEqual(wordDiff('a b c', 'a x c'), [
      { op: 'same', words: 'a' },
      { op: 'missing', words: 'b' },
      { op: 'added', words: 'x' },
      { op: 'same', words: 'c' },
    ]);
  });

  it('clusters the shared quotes of two versions of a story through clusterQuotes and the workspace', () => {
    const a = 'But he said it was "too early" to discuss it. "We\'re looking to have a great relationship with all countries," Trump said.';
    const b = 'He said it was ”too early” to discuss it. ”We’re looking to have a great relationship with all countries,” Trump said. ”Something else entirely was said here,” he added.';
    const ws = new WorkspaceAnalysis();
    ws.setDocument('a.txt', a);
    ws.setDocument('b.txt', b);
    const shared = ws.clusters().filter((c) => (c.sources ?? 0) > 1);
    assert.strictEqual(shared.length, 2);
    const viaFn = clusterQuotes([
      { path: 'a.txt', text: a, analysis: ws.analysis('a.txt')! },
      { path: 'b.txt', text: b, analysis: ws.analysis('b.txt')! },
    ]);
    assert.strictEqual(viaFn.filter((c) => new Set(c.mentions.map((m) => m.path)).size > 1).length, 2);
    assert.deepStrictEqual(viaFn.map((c) => c.mentions[0].path), [...viaFn.map((c) => c.mentions[0].path)].sort());
  });
  describe('bounded work with one quote shared by many documents', () => {
    const base = 'We are looking to have a great relationship with all countries and we will keep talking to everyone who wants peace';
    const words = base.split(' ');
    const variant = (i: number): string => {
      const w = words.slice();
      w[i % w.length] = `changed${i}`; // each document changes a different word
      return w.join(' ');
    };

    it('puts 20,000 documents quoting the same words in one cluster', function () {
      this.timeout(20_000);
      const index = new QuoteClusterIndex();
      for (let i = 0; i < 20_000; i++) index.setDocument(`d${i}.txt`, [q(i % 2 === 0 ? base : base.toUpperCase() + '!')]);
      const cs = index.clusters();
      assert.strictEqual(cs.length, 1);
      assert.strictEqual(cs[0].mentions.length, 20_000);
      assert.strictEqual(cs[0].sources, 20_000);
    });

    it('puts 20,000 documents quoting it with a word changed in one cluster, and keeps it through edits and removals', function () {
      this.timeout(30_000);
      const index = new QuoteClusterIndex();
      const other = 'The weather in Berlin was cold and wet on Saturday afternoon';
      let worst = 0;
      for (let i = 0; i < 20_000; i++) {
        const t0 = performance.now();
        index.setDocument(`d${i}.txt`, i === 5 ? [q(variant(i)), q(other, 500)] : [q(variant(i))]);
        worst = Math.max(worst, performance.now() - t0);
      }
      let cs = index.clusters();
      assert.strictEqual(cs.length, 2);
      assert.deepStrictEqual(cs.map((c) => c.mentions.length).sort((a, b) => b - a), [20_000, 1]);
      // the oldest documents are the ones later quotes linked to: removing and editing them keeps the cluster
      for (let i = 0; i < 50; i++) index.removeDocument(`d${i}.txt`);
      index.setDocument('d60.txt', [q(variant(60).replace('talking', 'speaking'))]);
      cs = index.clusters();
      assert.deepStrictEqual(cs.map((c) => c.mentions.length).sort((a, b) => b - a), [19_950]);
      assert.ok(worst < 1000, `worst insert ${worst.toFixed(0)} ms`);
    });

    it('returns the cached cluster list while nothing changes, and a fresh one after a change', () => {
      const index = new QuoteClusterIndex();
      index.setDocument('a.txt', [q(base)]);
      const first = index.clusters();
      first.pop(); // callers may sort or change the array they get
      assert.strictEqual(index.clusters().length, 1);
      assert.strictEqual(index.clusters()[0], index.clusters()[0]);
      index.setDocument('b.txt', [q(variant(3))]);
      const after = index.clusters();
      assert.strictEqual(after.length, 1);
      assert.strictEqual(after[0].mentions.length, 2);
      index.setDocument('a.txt', [q('Completely unrelated words about the harvest season')]);
      assert.strictEqual(index.clusters().length, 2);
    });

    it('splits a cluster when the quote that joined two others goes away', () => {
      const index = new QuoteClusterIndex();
      const left = 'one two three four five six seven eight nine ten';
      const right = 'eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty';
      index.setDocument('l.txt', [q(left)]);
      index.setDocument('r.txt', [q(right)]);
      index.setDocument('both.txt', [q(`${left} ${right}`)]);
      assert.strictEqual(index.clusters().length, 1);
      index.removeDocument('both.txt');
      assert.strictEqual(index.clusters().length, 2);
    });
  });
});
