import * as fs from 'fs';
import * as path from 'path';
import type { Analyzer } from '../../src/core/analysis';
import { loadGum, type GumDoc } from './gum';
import { NerScore, summary } from './nerScore';

export interface GumGenreDoc extends GumDoc {
  readonly genre: string;
  readonly half: 'dev' | 'held-out';
}

/**
 * The GUM documents of ../shared/data/gum with their genre and half. The split is the fixed one of
 * the GUM news section, applied within each genre: alphabetical by file name, the 1st, 3rd, 5th ...
 * document of a genre is development data (the typer model is trained on it, errors may be looked
 * at), the 2nd, 4th, 6th ... is held out (only its totals are printed).
 */
export function loadGumGenres(dir: string): GumGenreDoc[] {
  const docs = loadGum(dir);
  const seen = new Map<string, number>();
  return docs.map((d) => {
    const genre = /^GUM_([a-z]+)_/.exec(d.name)?.[1] ?? 'other';
    const i = seen.get(genre) ?? 0;
    seen.set(genre, i + 1);
    return { ...d, genre, half: i % 2 === 0 ? 'dev' : 'held-out' };
  });
}

/** Typed F1 per GUM genre and half (the names derived as for GUM news; see gum.ts). */
export function gumGenresEval(analyzer: Analyzer, dataDir: string): void {
  const dir = path.join(dataDir, 'gum');
  if (!fs.existsSync(dir)) {
    console.log(`\n## GUM genres: not found at ${dir} (set DATA_DIR)`);
    return;
  }
  const docs = loadGumGenres(dir);
  const genres = [...new Set(docs.map((d) => d.genre))];
  console.log(`\n## GUM by genre (${docs.length} documents of ../shared/data/gum; exact-span F1 against person/organization/place names; dev = documents the typer model was trained on)`);
  const verbose = (process.env.EVAL_VERBOSE ?? '').includes('gum-dev');
  const all = { dev: new NerScore(), 'held-out': new NerScore() };
  for (const g of genres) {
    const s = { dev: new NerScore(), 'held-out': new NerScore() };
    for (const d of docs.filter((x) => x.genre === g)) {
      const pred = analyzer.analyze(d.text).entities;
      // a gold name the engine typed NORP ("Afghans") is left out, as in the GUM news section
      const norp = new Set(pred.filter((e) => e.type === 'NORP').map((e) => `${e.start}:${e.end}`));
      const gold = d.names.filter((n) => !norp.has(`${n.start}:${n.end}`));
      all[d.half].add(pred, gold, d.text);
      const errors = s[d.half].add(pred, gold, d.text);
      if (verbose && d.half === 'dev') for (const e of errors) console.log(`    ${d.name} ${e}`);
    }
    const n = docs.filter((x) => x.genre === g).length;
    console.log(`  ${g.padEnd(9)} (${n} docs) held-out: ${summary(s['held-out'])}`);
    console.log(`  ${''.padEnd(9)} ${''.padEnd(`(${n} docs)`.length)} dev:      ${summary(s.dev)}`);
  }
  console.log(`  all genres held-out: ${summary(all['held-out'])}`);
  console.log(`  all genres dev:      ${summary(all.dev)}`);
}
