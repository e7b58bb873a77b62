import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, Gazetteer } from '../../src/core/analysis';
import { readConll } from './conllFormat';
import { NerScore, SCORED, f1, prfLine, summary } from './nerScore';

/**
 * CoNLL-2003 English development set (`eng.testa`, 216 Reuters articles of 1996; research use
 * only: evaluation and error analysis, never training, never committed). Typed exact-span F1 for
 * PER/ORG/LOC (MISC is not scored; the engine's NORP is CoNLL's MISC) and untyped span F1.
 * The documents are split by index into two halves: A (even index: 0, 2, 4 ...) is where errors are
 * studied, B (odd index) is never looked at and says whether a change generalises. EVAL_VERBOSE=conll
 * lists the errors of half A only.
 */
export function conllEval(analyzer: Analyzer, dataDir: string): void {
  const file = path.join(dataDir, 'conll2003', 'eng.testa');
  if (!fs.existsSync(file)) {
    console.log(`\n## CoNLL-2003 dev: not found at ${file} (set DATA_DIR)`);
    return;
  }
  const docs = readConll(fs.readFileSync(file, 'utf8'), 'testa-');
  const score = new NerScore();
  const halves = [new NerScore(), new NerScore()];
  const errors: string[] = [];
  docs.forEach((d, i) => {
    const gold = d.names.map((n) => ({ start: n.start, end: n.end, type: n.type }));
    const pred = analyzer.analyze(d.text).entities;
    score.add(pred, gold, d.text);
    const errs = halves[i % 2].add(pred, gold, d.text);
    if (i % 2 === 0) for (const e of errs) errors.push(`${d.name} ${e}`);
  });
  const nGold = docs.reduce((n, d) => n + d.names.filter((x) => x.type !== 'MISC').length, 0);
  console.log(`\n## CoNLL-2003 dev (eng.testa: ${docs.length} Reuters articles, ${nGold} gold PER/ORG/LOC names; MISC not scored)`);
  for (const t of SCORED) console.log(`  ${t.padEnd(6)} ${prfLine(score.byType.get(t)!)}`);
  console.log(`  ALL    ${prfLine(score.total())}`);
  console.log(`  (spans only, untyped: ${prfLine(score.untyped)})`);
  console.log(`  ${summary(score)}`);
  console.log(`  half A (even documents, where errors are studied): ${summary(halves[0])}`);
  console.log(`  half B (odd documents, never looked at):           ${summary(halves[1])}`);
  const two = (s: NerScore, t?: string): string => (100 * f1(t ? s.byType.get(t)! : s.total())).toFixed(2);
  console.log(`  halves to two decimals: A ${two(halves[0])} (ORG ${two(halves[0], 'ORG')}), B ${two(halves[1])} (ORG ${two(halves[1], 'ORG')})`);
  // the same without the typer: what the rules alone do
  const rules = new Analyzer(new Gazetteer(), null);
  const base = new NerScore();
  const baseHalves = [new NerScore(), new NerScore()];
  docs.forEach((d, i) => {
    const pred = rules.analyze(d.text).entities;
    base.add(pred, d.names, d.text);
    baseHalves[i % 2].add(pred, d.names, d.text);
  });
  console.log(`  (rules alone, without the typer: ${summary(base)}; half A ${summary(baseHalves[0])}; half B ${summary(baseHalves[1])})`);
  if ((process.env.EVAL_VERBOSE ?? '').includes('conll')) for (const e of errors) console.log('    ' + e);
}
