/**
 * Trains the entity typer (src/core/analysis/typer.ts) and writes src/core/analysis/typerModel.ts.
 * Run: npx tsc -p . && node out/test/eval/train-typer.js
 *
 * Training data, and only these (../shared/data/README.md says what may train a shipped model):
 *  - GUM (../shared/data/gum): the development half of every genre (loadGumGenres: the 1st, 3rd,
 *    5th ... document of each genre); the held-out half is never read here. Annotations CC-BY 4.0;
 *    texts CC-BY (academic, court, interview, news) and CC-BY-SA 3.0 (bio, voyage), so the model
 *    ships under CC-BY-SA 4.0.
 *  - wikigold (../shared/data/wikigold, CC-BY 4.0), all of it.
 *  - typerOwnText.ts: documents written for this project (sports results and tables, match
 *    reports, business news, with made-up and well-known names), MIT like the code.
 * Never CoNLL-2003 or PolNeAR (evaluation only).
 *
 * Deterministic: documents in file-name order, a fixed-seed shuffle per epoch, no clocks. The perceptron is
 * trained SHUFFLES times with different fixed seeds and the averaged weights are averaged again, so the
 * model depends less on one order of the examples (a change of the rules moved single-order models by
 * about 0.5 on GUM news held-out).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, Gazetteer } from '../../src/core/analysis';
import { TYPER_CLASSES } from '../../src/core/analysis/typer';
import { readConll } from './conllFormat';
import { loadGumGenres } from './gumGenres';
import { ownTrainingDocs } from './typerOwnText';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DATA = process.env.DATA_DIR ?? path.resolve(ROOT, '..', 'shared', 'data');
const OUT = path.join(ROOT, 'src', 'core', 'analysis', 'typerModel.ts');
const EPOCHS = Number(process.env.TYPER_EPOCHS ?? 5);
/** Features seen fewer times than this in training are left out of the model. */
const MIN_COUNT = Number(process.env.TYPER_MIN_COUNT ?? 3);
/** Independent shuffles whose averaged weights are averaged again: the model depends less on one order of the examples. */
const SHUFFLES = Number(process.env.TYPER_SHUFFLES ?? 10);
/** Weights are stored as integers: the averaged weight times SCALE, rounded. */
const SCALE = 100;

interface Gold {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

interface Example {
  readonly features: string[];
  readonly label: number;
}

function labelOf(start: number, end: number, gold: readonly Gold[]): string {
  const exact = gold.find((g) => g.start === start && g.end === end);
  const hit = exact ?? gold.find((g) => g.start < end && start < g.end);
  if (!hit || hit.type === 'MISC') return 'O';
  return hit.type;
}

function examples(analyzer: Analyzer, docs: ReadonlyArray<{ text: string; gold: readonly Gold[] }>): Example[] {
  const out: Example[] = [];
  for (const d of docs) {
    for (const c of analyzer.typerCandidates(d.text)) {
      out.push({ features: c.features, label: TYPER_CLASSES.indexOf(labelOf(c.start, c.end, d.gold) as (typeof TYPER_CLASSES)[number]) });
    }
  }
  return out;
}

/** Averaged multiclass perceptron (Collins 2002), with the usual lazy averaging. */
function train(data: readonly Example[], seed0: number): Map<string, Float64Array> {
  const nc = TYPER_CLASSES.length;
  const w = new Map<string, Float64Array>();
  const acc = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  let t = 1;
  const get = (m: Map<string, Float64Array>, f: string): Float64Array => {
    let v = m.get(f);
    if (!v) m.set(f, (v = new Float64Array(nc)));
    return v;
  };
  const update = (f: string, c: number, delta: number): void => {
    const wv = get(w, f);
    const av = get(acc, f);
    const sv = get(stamp, f);
    av[c] += (t - sv[c]) * wv[c];
    sv[c] = t;
    wv[c] += delta;
  };
  const order = data.map((_x, i) => i);
  let seed = seed0;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const i of order) {
      const ex = data[i];
      const score = new Float64Array(nc);
      for (const f of ex.features) {
        const v = w.get(f);
        if (v) for (let c = 0; c < nc; c++) score[c] += v[c];
      }
      let best = 0;
      for (let c = 1; c < nc; c++) if (score[c] > score[best]) best = c;
      if (best !== ex.label) {
        errors++;
        for (const f of ex.features) {
          update(f, ex.label, 1);
          update(f, best, -1);
        }
      }
      t++;
    }
    console.log(`epoch ${epoch + 1}: ${errors} training errors of ${data.length}`);
  }
  const avg = new Map<string, Float64Array>();
  for (const [f, wv] of w) {
    const av = acc.get(f)!;
    const sv = stamp.get(f)!;
    const out = new Float64Array(nc);
    for (let c = 0; c < nc; c++) out[c] = (av[c] + (t - sv[c]) * wv[c]) / t;
    avg.set(f, out);
  }
  return avg;
}

function main(): void {
  const analyzer = new Analyzer(new Gazetteer(), null);
  const gum = loadGumGenres(path.join(DATA, 'gum')).filter((d) => d.half === 'dev');
  const wiki = readConll(fs.readFileSync(path.join(DATA, 'wikigold', 'wikigold.conll.txt'), 'utf8'), 'wikigold-');
  const own = process.env.TYPER_NO_OWN ? [] : ownTrainingDocs();
  const docs = [
    ...gum.map((d) => ({ text: d.text, gold: d.names })),
    ...wiki.map((d) => ({ text: d.text, gold: d.names })),
    ...own.map((d) => ({ text: d.text, gold: d.names })),
  ];
  console.log(`training on ${gum.length} GUM development documents, ${wiki.length} wikigold documents, ${own.length} own documents`);
  const data = examples(analyzer, docs);
  const counts = new Map<string, number>();
  for (const ex of data) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  // rare features are left out before training, so the model cannot learn the training names by heart
  const pruned = data.map((ex) => ({ features: ex.features.filter((f) => (counts.get(f) ?? 0) >= MIN_COUNT), label: ex.label }));
  const weights = new Map<string, Float64Array>();
  for (let r = 0; r < SHUFFLES; r++) {
    for (const [f, v] of train(pruned, 12345 + r * 7919)) {
      const sum = weights.get(f) ?? new Float64Array(v.length);
      for (let c = 0; c < v.length; c++) sum[c] += v[c] / SHUFFLES;
      weights.set(f, sum);
    }
  }
  const names: string[] = [];
  const values: number[] = [];
  for (const f of [...weights.keys()].sort()) {
    if ((counts.get(f) ?? 0) < MIN_COUNT) continue;
    const q = Array.from(weights.get(f)!, (x) => Math.round(x * SCALE));
    if (q.every((x) => x === 0)) continue;
    if (f.includes('\n')) continue;
    names.push(f);
    values.push(...q);
  }
  const src =
    `// GENERATED by test/eval/train-typer.ts from the development half of GUM (all six genres), wikigold and\n` +
    `// the project's own text (typerOwnText.ts). Do not edit by hand. Licence: CC-BY-SA 4.0 (trained on GUM bio and voyage texts,\n` +
    `// CC-BY-SA 3.0; GUM annotations and wikigold CC-BY 4.0): see README, "Entity typer".\n` +
    `import type { TyperModelData } from './typer';\n\n` +
    `export const TYPER_MODEL: TyperModelData = {\n` +
    `  classes: ${JSON.stringify(TYPER_CLASSES)},\n` +
    `  features: ${JSON.stringify(names.join('\n'))},\n` +
    `  weights: ${JSON.stringify(values.join(','))},\n` +
    `};\n`;
  fs.writeFileSync(OUT, src);
  console.log(`${data.length} examples; wrote ${names.length} features (${(src.length / 1024).toFixed(0)} KB) to ${path.relative(ROOT, OUT)}`);
}

main();
