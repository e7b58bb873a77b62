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
  private readonly index = new Map<string, number>();
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
    for (let i = 0; i < names.length; i++) this.index.set(names[i], i);
  }

  /** The score of each class (in the order of TYPER_CLASSES) for a feature list. */
  scores(features: readonly string[]): Float64Array {
    const score = new Float64Array(this.nClasses);
    for (const f of features) {
      const i = this.index.get(f);
      if (i === undefined) continue;
      const o = i * this.nClasses;
      for (let c = 0; c < this.nClasses; c++) score[c] += this.weights[o + c];
    }
    return score;
  }

  /**
   * The type of a name the rules proposed as `ruleType`: the model's choice among PERSON, ORG and
   * LOC when it beats the rules' type by more than `margin` (the rules stay where the model is not
   * clearly better), else `ruleType`.
   */
  retype(features: readonly string[], ruleType: string, margin: number): string {
    const score = this.scores(features);
    let best = 0;
    for (let c = 1; c < this.nClasses - 1; c++) if (score[c] > score[best]) best = c;
    const r = TYPER_CLASSES.indexOf(ruleType as TyperClass);
    if (r < 0 || r === best || score[best] - score[r] > margin) return TYPER_CLASSES[best];
    return ruleType;
  }

  /** Whether a name the rules dropped is one after all: its best type beats O by more than `margin`. Returns that type or null. */
  promote(features: readonly string[], margin: number): TyperClass | null {
    const score = this.scores(features);
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

/** Gazetteer classes of one lower-case word or phrase. */
function gazClasses(gaz: Gazetteer, w: string, out: string[], prefix: string): void {
  if (gaz.countries.has(w)) out.push(prefix + 'country');
  if (gaz.places.has(w)) out.push(prefix + 'place');
  if (gaz.orgs.has(w)) out.push(prefix + 'org');
  if (gaz.orgWords.has(w)) out.push(prefix + 'orgword');
  if (gaz.norp.has(w)) out.push(prefix + 'norp');
  if (gaz.firstNames.has(w)) out.push(prefix + 'first');
  if (gaz.lastNames.has(w)) out.push(prefix + 'last');
  if (gaz.titles.has(w)) out.push(prefix + 'title');
  if (gaz.misc.has(w)) out.push(prefix + 'misc');
  if (gaz.persons.has(w)) out.push(prefix + 'person');
  if (gaz.vocab.has(w)) out.push(prefix + 'vocab');
}

/**
 * The features of a candidate name: bounded by the name's length (names are at most a few words)
 * and a fixed window, so the cost per name is constant.
 */
export function typerFeatures(gaz: Gazetteer, toks: readonly Token[], c: TyperCandidate): string[] {
  const f: string[] = ['bias'];
  const { s, e } = c;
  const len = e - s;
  const words: string[] = [];
  for (let k = s; k < e && k < s + 8; k++) words.push(toks[k].lower);
  const phrase = words.join(' ');
  const first = words[0];
  const last = words[words.length - 1];
  const rule = `${c.ruleType}${c.strength}`;
  f.push('r=' + c.ruleType, 'rs=' + rule, 'len=' + Math.min(len, 4), 'rl=' + c.ruleType + Math.min(len, 4));
  if (c.tentative) f.push('tent');
  f.push('w=' + phrase, 'fw=' + first, 'lw=' + last);
  for (let k = 1; k + 1 < words.length; k++) f.push('mw=' + words[k]);
  let shape = '';
  for (let k = s; k < e && k < s + 6; k++) shape += (k > s ? ' ' : '') + shapeOf(toks[k]);
  f.push('sh=' + shape);
  if (toks[s].allCaps) f.push('caps', 'caps' + c.ruleType);
  if (toks[s].sentStart) f.push('ss', 'ss' + c.ruleType + Math.min(len, 2));
  if (last.length > 3) f.push('s3=' + last.slice(-3), 's4=' + last.slice(-4));
  if (first.length > 3) f.push('p3=' + first.slice(0, 3));
  if (toks[e - 1].text.includes('.')) f.push('dot');
  gazClasses(gaz, phrase, f, 'g=');
  if (len > 1) {
    gazClasses(gaz, first, f, 'gf=');
    gazClasses(gaz, last, f, 'gl=');
  }
  const p1 = lowerAt(toks, s - 1);
  const p2 = lowerAt(toks, s - 2);
  const n1 = lowerAt(toks, e);
  const n2 = lowerAt(toks, e + 1);
  f.push('p1=' + p1, 'p2=' + p2, 'n1=' + n1, 'n2=' + n2, 'p12=' + p2 + '_' + p1, 'n12=' + n1 + '_' + n2);
  f.push('p1r=' + p1 + '_' + c.ruleType, 'n1r=' + n1 + '_' + c.ruleType);
  if (s > 0 && toks[s - 1].cap && toks[s - 1].kind === TokKind.Word) f.push('pcap');
  if (e < toks.length && toks[e].cap && toks[e].kind === TokKind.Word && toks[e].spaceBefore) f.push('ncap');
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
  if (nums >= 2 && words2 <= 2) f.push('table', 'table' + c.ruleType);
  else if (nums >= 1) f.push('num');
  return f;
}

/** The document-level features, added to a candidate's own once the whole text is read. */
export function typerDocFeatures(f: string[], ruleType: string, ev: TyperDocEvidence): string[] {
  const out = f.slice();
  out.push(ev.keptByRules ? 'kept' : 'dropped', (ev.keptByRules ? 'kept' : 'dropped') + ruleType);
  if (ev.capsElsewhere) out.push('capsElsewhere');
  if (ev.surname) out.push('surname');
  return out;
}
