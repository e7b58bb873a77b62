import type { Gazetteer } from './gazetteer';
import { TokKind, type Token } from './tokenizer';

/**
 * The learned entity typer: an averaged multiclass perceptron that re-decides the type of each name
 * the rules propose (PERSON, ORG, LOC, or O: no output name), from the words of the name, their
 * shape and affixes, the words around it, gazetteer hits, numbers on the same line (results and
 * tables) and the rules' own proposal. The rules still find the spans; the model decides what they
 * are. Trained by test/eval/train-typer.ts; the weights are in typerModel.ts (generated).
 */
export const TYPER_CLASSES = ['PERSON', 'ORG', 'LOC', 'O'] as const;
export type TyperClass = (typeof TYPER_CLASSES)[number];

/** The model as shipped: feature names ("\n"-separated) and, per feature, one integer weight per class. */
export interface TyperModelData {
  readonly classes: readonly string[];
  readonly features: string;
  /** Comma-separated integers, classes.length per feature, in the order of `features`. */
  readonly weights: string;
}

/** Bounds on a model's size, so a damaged or hostile model file cannot take unbounded memory. */
const MAX_FEATURES = 400_000;
const MAX_TEXT = 16 * 1024 * 1024;

/** A name proposed by the rules, as the typer sees it. */
export interface TyperCandidate {
  /** Token range [s, e) of the name in its chunk's tokens. */
  readonly s: number;
  readonly e: number;
  readonly ruleType: string;
  readonly strength: number;
  readonly tentative: boolean;
}

/** Document-level evidence about a candidate, known only after the whole text is read. */
export interface TyperDocEvidence {
  /** The rules keep it (not a tentative word the document never confirms). */
  readonly keptByRules: boolean;
  /** The same word is written capitalised mid-sentence at least twice in the document. */
  readonly capsElsewhere: boolean;
  /** It is the last word of a person's full name elsewhere in the document. */
  readonly surname: boolean;
}

/** How far (in tokens) the typer looks along the line for numbers. */
const LINE_WINDOW = 12;

export class EntityTyper {
  /**
   * Each feature's index, by its name split at the first "=" ("w=" then "new york"; "bias" then ""):
   * analysis scores a candidate straight from its words, whose hashes V8 keeps, without building each
   * feature's name.
   */
  private readonly byPrefix = new Map<string, Map<string, number>>();
  private readonly weights: Float64Array;
  private readonly nClasses: number;

  constructor(data: TyperModelData) {
    if (data.features.length > MAX_TEXT || data.weights.length > MAX_TEXT) throw new Error('typer model: too large');
    if (data.classes.length !== TYPER_CLASSES.length || data.classes.some((c, i) => c !== TYPER_CLASSES[i])) throw new Error('typer model: unexpected classes');
    const names = data.features === '' ? [] : data.features.split('\n');
    // the weights read as one JSON array: native parsing, no string per weight (this runs at every CLI start)
    let ws: unknown;
    try {
      ws = JSON.parse('[' + data.weights + ']');
    } catch {
      throw new Error('typer model: bad weight');
    }
    if (!Array.isArray(ws) || !ws.every(Number.isFinite)) throw new Error('typer model: bad weight');
    this.nClasses = data.classes.length;
    if (names.length > MAX_FEATURES || ws.length !== names.length * this.nClasses) throw new Error('typer model: features and weights do not match');
    this.weights = new Float64Array(ws as number[]);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const eq = name.indexOf('=');
      const prefix = eq < 0 ? name : name.slice(0, eq + 1);
      let values = this.byPrefix.get(prefix);
      if (values === undefined) this.byPrefix.set(prefix, (values = new Map<string, number>()));
      values.set(eq < 0 ? '' : name.slice(eq + 1), i);
    }
  }

  /**
   * The score of each class (in the order of TYPER_CLASSES) for a candidate: the sum of the weights of
   * its `typerFeatures`, which emit the same features. The weights are integers, so the order of the
   * sums does not change them.
   */
  candidateScores(gaz: Gazetteer, toks: readonly Token[], c: TyperCandidate): Float64Array {
    const score = new Float64Array(this.nClasses);
    emitFeatures(gaz, toks, c, (prefix, value) => this.add(score, prefix, value));
    return score;
  }

  /** Adds the document-level features (`typerDocFeatures`) to a candidate's scores, in place. */
  addDocScores(score: Float64Array, ruleType: string, ev: TyperDocEvidence): Float64Array {
    emitDocFeatures(ruleType, ev, (name) => this.add(score, name, ''));
    return score;
  }

  private add(score: Float64Array, prefix: string, value: string): void {
    const i = this.byPrefix.get(prefix)?.get(value);
    if (i === undefined) return;
    const o = i * this.nClasses;
    for (let c = 0; c < this.nClasses; c++) score[c] += this.weights[o + c];
  }

  /**
   * The type of a name the rules proposed as `ruleType`: the model's choice among PERSON, ORG and
   * LOC when it beats the rules' type by more than `margin` (the rules stay where the model is not
   * clearly better), else `ruleType`.
   */
  retype(score: Float64Array, ruleType: string, margin: number): string {
    let best = 0;
    for (let c = 1; c < this.nClasses - 1; c++) if (score[c] > score[best]) best = c;
    const r = TYPER_CLASSES.indexOf(ruleType as TyperClass);
    if (r < 0 || r === best || score[best] - score[r] > margin) return TYPER_CLASSES[best];
    return ruleType;
  }

  /** Whether a name the rules dropped is one after all: its best type beats O by more than `margin`. Returns that type or null. */
  promote(score: Float64Array, margin: number): TyperClass | null {
    let best = 0;
    for (let c = 1; c < this.nClasses - 1; c++) if (score[c] > score[best]) best = c;
    return score[best] - score[this.nClasses - 1] > margin ? TYPER_CLASSES[best] : null;
  }
}

function shapeOf(t: Token): string {
  if (t.kind === TokKind.Number) return 'd';
  if (t.kind === TokKind.Punct) return t.text;
  if (t.allCaps) return t.text.length <= 1 ? 'X' : t.text.includes('.') ? 'X.' : 'XX';
  if (t.cap) return t.text.includes('-') ? 'Xx-x' : /\d/.test(t.text) ? 'Xxd' : 'Xx';
  return 'x';
}

function lowerAt(toks: readonly Token[], k: number): string {
  if (k < 0) return '<s>';
  if (k >= toks.length) return '</s>';
  const t = toks[k];
  return t.kind === TokKind.Number ? '#' : t.lower;
}

/** Where features go: `prefix` up to and including its first "=" (or the whole name, with `value` ""), then `value`. */
type FeatureSink = (prefix: string, value: string) => void;

/** Gazetteer classes of one lower-case word or phrase. */
function gazClasses(gaz: Gazetteer, w: string, add: FeatureSink, prefix: string): void {
  if (gaz.countries.has(w)) add(prefix, 'country');
  if (gaz.places.has(w)) add(prefix, 'place');
  if (gaz.orgs.has(w)) add(prefix, 'org');
  if (gaz.orgWords.has(w)) add(prefix, 'orgword');
  if (gaz.norp.has(w)) add(prefix, 'norp');
  if (gaz.firstNames.has(w)) add(prefix, 'first');
  if (gaz.lastNames.has(w)) add(prefix, 'last');
  if (gaz.titles.has(w)) add(prefix, 'title');
  if (gaz.misc.has(w)) add(prefix, 'misc');
  if (gaz.persons.has(w)) add(prefix, 'person');
  if (gaz.vocab.has(w)) add(prefix, 'vocab');
}

/**
 * The features of a candidate name: bounded by the name's length (names are at most a few words)
 * and a fixed window, so the cost per name is constant.
 */
export function typerFeatures(gaz: Gazetteer, toks: readonly Token[], c: TyperCandidate): string[] {
  const f: string[] = [];
  emitFeatures(gaz, toks, c, (prefix, value) => f.push(prefix + value));
  return f;
}

/** The features of `typerFeatures`, in its order, each as its name's prefix and value. */
function emitFeatures(gaz: Gazetteer, toks: readonly Token[], c: TyperCandidate, add: FeatureSink): void {
  add('bias', '');
  const { s, e } = c;
  const len = e - s;
  const words: string[] = [];
  for (let k = s; k < e && k < s + 8; k++) words.push(toks[k].lower);
  const phrase = words.length === 1 ? words[0] : words.join(' ');
  const first = words[0];
  const last = words[words.length - 1];
  add('r=', c.ruleType);
  add('rs=', `${c.ruleType}${c.strength}`);
  add('len=', LENGTHS[Math.min(len, 4)]);
  add('rl=', c.ruleType + LENGTHS[Math.min(len, 4)]);
  if (c.tentative) add('tent', '');
  add('w=', phrase);
  add('fw=', first);
  add('lw=', last);
  for (let k = 1; k + 1 < words.length; k++) add('mw=', words[k]);
  let shape = '';
  for (let k = s; k < e && k < s + 6; k++) shape += (k > s ? ' ' : '') + shapeOf(toks[k]);
  add('sh=', shape);
  if (toks[s].allCaps) {
    add('caps', '');
    add('caps' + c.ruleType, '');
  }
  if (toks[s].sentStart) {
    add('ss', '');
    add('ss' + c.ruleType + LENGTHS[Math.min(len, 2)], '');
  }
  if (last.length > 3) {
    add('s3=', last.slice(-3));
    add('s4=', last.slice(-4));
  }
  if (first.length > 3) add('p3=', first.slice(0, 3));
  if (toks[e - 1].text.includes('.')) add('dot', '');
  gazClasses(gaz, phrase, add, 'g=');
  if (len > 1) {
    gazClasses(gaz, first, add, 'gf=');
    gazClasses(gaz, last, add, 'gl=');
  }
  const p1 = lowerAt(toks, s - 1);
  const p2 = lowerAt(toks, s - 2);
  const n1 = lowerAt(toks, e);
  const n2 = lowerAt(toks, e + 1);
  add('p1=', p1);
  add('p2=', p2);
  add('n1=', n1);
  add('n2=', n2);
  add('p12=', p2 + '_' + p1);
  add('n12=', n1 + '_' + n2);
  add('p1r=', p1 + '_' + c.ruleType);
  add('n1r=', n1 + '_' + c.ruleType);
  if (s > 0 && toks[s - 1].cap && toks[s - 1].kind === TokKind.Word) add('pcap', '');
  if (e < toks.length && toks[e].cap && toks[e].kind === TokKind.Word && toks[e].spaceBefore) add('ncap', '');
  // numbers on the same line: results ("Chelsea 2 Arsenal 1"), tables, standings
  let nums = 0;
  let words2 = 0;
  for (let k = s - 1; k >= 0 && k >= s - LINE_WINDOW; k--) {
    if (toks[k].kind === TokKind.Number) nums++;
    else if (toks[k].kind === TokKind.Word && !toks[k].cap) words2++;
    if (toks[k].breakBefore) break;
  }
  for (let k = e; k < toks.length && k < e + LINE_WINDOW; k++) {
    if (k > e && toks[k].breakBefore) break;
    if (toks[k].kind === TokKind.Number) nums++;
    else if (toks[k].kind === TokKind.Word && !toks[k].cap) words2++;
  }
  if (nums >= 2 && words2 <= 2) {
    add('table', '');
    add('table' + c.ruleType, '');
  } else if (nums >= 1) add('num', '');
}

const LENGTHS = ['0', '1', '2', '3', '4'];

/** The document-level features, added to a candidate's own once the whole text is read. */
export function typerDocFeatures(f: string[], ruleType: string, ev: TyperDocEvidence): string[] {
  const out = f.slice();
  emitDocFeatures(ruleType, ev, (name) => out.push(name));
  return out;
}

function emitDocFeatures(ruleType: string, ev: TyperDocEvidence, add: (name: string) => void): void {
  add(ev.keptByRules ? 'kept' : 'dropped');
  add((ev.keptByRules ? 'kept' : 'dropped') + ruleType);
  if (ev.capsElsewhere) add('capsElsewhere');
  if (ev.surname) add('surname');
}
