import type { Analyzer } from '../../src/core/analysis';
import { QuoteClusterIndex } from '../../src/core/analysis';

/**
 * The same quote across sources, end to end: each sentence is quoted in an article of its own
 * ("…," Jane Doe said.), and re-quoted in another with a quarter of its words changed (every
 * fourth word, from the second), or cut to its middle 60%. Both articles go through the analyzer,
 * so the original must itself be detected as a speech quote; then the quote clusters must join
 * each re-quote to its original, and to nothing else.
 */
export interface RequotedScores {
  originals: number;
  detected: number;
  variants: number;
  linked: number;
  pairs: number;
  wrong: number;
}

/** Every fourth word from the second replaced: a quarter of the words (rounded down) changed. */
export function changeQuarter(words: readonly string[]): string[] {
  const out = words.slice();
  const n = Math.floor(words.length / 4);
  for (let k = 0; k < n; k++) out[1 + 4 * k] = REPLACEMENTS[k % REPLACEMENTS.length];
  return out;
}

const REPLACEMENTS = ['really', 'somehow', 'perhaps', 'truly', 'clearly', 'surely'];

export function scoreRequoted(analyzer: Analyzer, sentences: readonly string[]): RequotedScores {
  const s: RequotedScores = { originals: 0, detected: 0, variants: 0, linked: 0, pairs: 0, wrong: 0 };
  const index = new QuoteClusterIndex();
  const origin = new Map<string, number>();
  sentences.forEach((sentence, i) => {
    const words = sentence.replace(/["“”]/g, '').replace(/[.!?]$/, '').split(/\s+/);
    if (words.length < 8) return;
    const cut = words.slice(Math.floor(words.length * 0.2), Math.max(Math.floor(words.length * 0.2) + 5, Math.floor(words.length * 0.8)));
    const docs = [
      { path: `orig/${i}`, text: `The hearing went on for hours. "${words.join(' ')}," Jane Doe said on Monday.` },
      { path: `quarter/${i}`, text: `Doe spoke again. "${changeQuarter(words).join(' ')}," she told the committee.` },
      { path: `cut/${i}`, text: `The statement was short. Doe said the plan "${cut.join(' ')}" and left.` },
    ];
    s.originals++;
    for (const d of docs) {
      const quotes = analyzer.analyze(d.text).quotes;
      index.setDocument(d.path, quotes);
      for (const q of quotes) if (q.kind !== 'term') origin.set(`${d.path}:${q.start}`, i);
      if (d.path.startsWith('orig/') && quotes.some((q) => q.kind !== 'term' && q.text.split(/\s+/).length >= words.length)) s.detected++;
      if (!d.path.startsWith('orig/')) s.variants++;
    }
  });
  for (const c of index.clusters()) {
    const ids = c.mentions.map((m) => origin.get(`${m.path}:${m.start}`));
    const origins = new Set(c.mentions.filter((m) => m.path.startsWith('orig/')).map((m) => origin.get(`${m.path}:${m.start}`)));
    c.mentions.forEach((m, k) => {
      if (!m.path.startsWith('orig/') && origins.has(ids[k])) s.linked++;
    });
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        s.pairs++;
        if (ids[a] !== ids[b]) s.wrong++;
      }
    }
  }
  return s;
}

/** `npm run eval`'s section: the sentences are the GUM news sentences of the re-reported test. */
export function requoted(analyzer: Analyzer, sentences: readonly string[]): void {
  const s = scoreRequoted(analyzer, sentences);
  console.log(`\n## The same quote across sources, end to end (${s.originals} GUM sentences of 8+ words quoted in one article, re-quoted in two others: a quarter of the words changed, or cut to the middle 60%)`);
  console.log(`  originals detected as one speech quote: ${((100 * s.detected) / Math.max(1, s.originals)).toFixed(1)}% (${s.detected}/${s.originals})`);
  console.log(`  re-quotes linked to their original: ${((100 * s.linked) / Math.max(1, s.variants)).toFixed(1)}% (${s.linked}/${s.variants}); wrong links: ${((100 * s.wrong) / Math.max(1, s.pairs)).toFixed(2)}% of ${s.pairs} linked pairs`);
}
