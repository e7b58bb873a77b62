import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, Gazetteer } from '../../src/core/analysis';
import { readConll } from './conllFormat';
import { NerScore, SCORED, prfLine, summary } from './nerScore';

/**
 * CoNLL-2003 English development set (`eng.testa`, 216 Reuters articles of 1996; research use
 * only: evaluation and error analysis, never training, never committed). Typed exact-span F1 for
 * PER/ORG/LOC (MISC is not scored; the engine's NORP is CoNLL's MISC) and untyped span F1.
 * EVAL_VERBOSE=conll lists the errors.
 */
export function conllEval(analyzer: Analyzer, dataDir: string): void {
  const file = path.join(dataDir, 'conll2003', 'eng.testa');
  if (!fs.existsSync(file)) {
    console.log(`\n## CoNLL-2003 dev: not found at ${file} (set DATA_DIR)`);
    return;
  }
  const docs = readConll(fs.readFileSync(file, 'utf8'), 'testa-');
  const score = new NerScore();
  const errors: string[] = [];
  for (const d of docs) {
    const gold = d.names.map((n) => ({ start: n.start, end: n.end, type: n.type }));
    for (const e of score.add(analyzer.analyze(d.text).entities, gold, d.text)) errors.push(`${d.name} ${e}`);
  }
  const nGold = docs.reduce((n, d) => n + d.names.filter((x) => x.type !== 'MISC').length, 0);
  console.log(`\n## CoNLL-2003 dev (eng.testa: ${docs.length} Reuters articles, ${nGold} gold PER/ORG/LOC names; MISC not scored)`);
  for (const t of SCORED) console.log(`  ${t.padEnd(6)} ${prfLine(score.byType.get(t)!)}`);
  console.log(`  ALL    ${prfLine(score.total())}`);
  console.log(`  (spans only, untyped: ${prfLine(score.untyped)})`);
  console.log(`  ${summary(score)}`);
  // the same without the typer: what the rules alone do
  const rules = new Analyzer(new Gazetteer(), null);
  const base = new NerScore();
  for (const d of docs) base.add(rules.analyze(d.text).entities, d.names, d.text);
  console.log(`  (rules alone, without the typer: ${summary(base)})`);
  if ((process.env.EVAL_VERBOSE ?? '').includes('conll')) for (const e of errors) console.log('    ' + e);
}
