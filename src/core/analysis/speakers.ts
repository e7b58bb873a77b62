import type { WorkMention } from './aliases';
import { lowerBound, upperBound } from '../text/binarySearch';
import type { QuoteSpan } from './quotes';
import { TokKind, tokenize, type Token } from './tokenizer';

/** Verbs (and "according to") that attribute a quote. Lower-case. */
export const CUE_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'asked', 'asks', 'stated', 'states', 'wrote', 'writes', 'reported', 'reports',
  'announced', 'announces', 'explained', 'explains', 'noted', 'notes', 'claimed', 'claims', 'argued', 'argues', 'insisted', 'insists', 'warned',
  'warns', 'declared', 'declares', 'replied', 'replies', 'responded', 'responds', 'tweeted', 'tweets', 'posted', 'admitted', 'admits', 'acknowledged',
  'recalled', 'recalls', 'testified', 'stressed', 'stresses', 'emphasized', 'emphasised', 'confirmed', 'confirms', 'denied', 'suggested', 'suggests',
  'continued', 'continues', 'concluded', 'commented', 'called', 'calls', 'described', 'describes', 'urged', 'urges', 'welcomed', 'praised',
  'predicted', 'promised', 'vowed', 'observed', 'remarked', 'quipped', 'joked', 'answered', 'agreed', 'complained', 'lamented', 'conceded',
  'boasted', 'cautioned', 'according', 'asserted', 'asserts', 'concedes', 'recounted', 'remembered', 'explains', 'pledged', 'charged', 'alleged', 'contended', 'maintained', 'reiterated', 'repeated', 'shouted',
  'whispered', 'screamed', 'yelled', 'cried', 'exclaimed', 'mused', 'wondered', 'thought', 'believes', 'believed', 'wrote', 'read', 'reads',
  'saying', 'adding', 'telling', 'calling', 'writing', 'noting', 'arguing', 'insisting', 'warning', 'declaring', 'asking', 'explaining',
  'stating', 'claiming', 'describing', 'urging', 'tweeting', 'announcing', 'stressing', 'vowing', 'promising', 'predicting', 'suggesting',
]);

const PARTICIPLES = new Set(['saying', 'adding', 'telling', 'calling', 'writing', 'noting', 'arguing', 'insisting', 'warning', 'declaring', 'asking', 'explaining', 'stating', 'claiming', 'describing', 'urging', 'tweeting', 'announcing', 'stressing', 'vowing', 'promising', 'predicting', 'suggesting']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
const SUBJECT_STOP = new Set(['.', '!', '?', ';']);
const FEMALE = new Set('angela;theresa;hillary;nancy;elizabeth;mary;margaret;ursula;marine;melania;ivanka;kellyanne;sarah;susan;samantha;condoleezza;michelle;kamala;jacinda;dilma;cristina;julia;anna;anne;ann;maria;marie;sophie;emma;olivia;claire;laura;linda;lisa;karen;jennifer;jessica;barbara;patricia;helen;ruth;sharon;betsy;nikki;kirstjen;loretta;janet;valerie;christine;kristalina;greta;malala;oprah;taylor;beyonce;madonna;frida;elena;olga;natalia;tatiana;irina;svetlana;yulia;aisha;fatima;sheryl;marissa;ginni;indra;gwynne;liz;giorgia;mette;erna;sanna;golda;tsai;ing-wen;rosalynn;tipper;hilary;jill;carly;amy;sally;kate;katherine;catherine;victoria;alexandra;angelina;diana;grace;hannah;heather;joan;joanna;judith;julie;kathleen;kelly;lauren;lucy;megan;monica;natalie;nicole;pamela;rachel;rebecca;rose;sandra;sara;stephanie;teresa;tina;vanessa;wendy;dame;lady;queen;princess;mrs;ms;miss'.split(';'));

export interface Attribution {
  /** Index into the mention array of the speaker mention, or -1. */
  mention: number;
  /** A speaker description when no entity fits ("a senior administration official"). */
  description: string | null;
  cue: string | null;
}

interface Ctx {
  readonly text: string;
  readonly ms: readonly WorkMention[];
  /** Mention starts, ascending, for binary search. */
  readonly starts: readonly number[];
  readonly quotes: readonly QuoteSpan[];
  readonly sentenceStarts: readonly number[];
  readonly gender: ReadonlyMap<string, 'f' | 'm' | null>;
}

/**
 * Attributes each quote to a speaker: "X said" / "said X" / "according to X" after the quote,
 * "X said:" / "X said it was" before it, pronouns resolved to the nearest fitting person,
 * and unattributed quotes inheriting from the quote just before.
 */
export function attributeQuotes(text: string, quotes: readonly QuoteSpan[], ms: readonly WorkMention[], sentenceStarts: readonly number[], femaleNames: ReadonlySet<string> = new Set()): Attribution[] {
  const gender = new Map<string, 'f' | 'm' | null>();
  for (const m of ms) if (m.type === 'PERSON' && !gender.get(m.entity)) gender.set(m.entity, genderOf(m, femaleNames));
  const ctx: Ctx = { text, ms, starts: ms.map((m) => m.start), quotes, sentenceStarts, gender };
  const out: Attribution[] = [];
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    let a = afterQuote(ctx, qi);
    if (a === null) a = beforeQuote(ctx, qi);
    if (a !== null && a.mention === -2) {
      // a cue whose subject sits before the previous quote of the same sentence
      const prev = qi > 0 ? out[qi - 1] : null;
      a = prev ? { mention: prev.mention, description: prev.description, cue: a.cue } : null;
    }
    if (a === null) {
      // inherit from the quote just before (same passage)
      const prev = qi > 0 ? out[qi - 1] : null;
      const pq = qi > 0 ? quotes[qi - 1] : null;
      if (prev && pq && (prev.mention >= 0 || prev.description !== null) && q.openMark - pq.closeMark < 400 && !personBetween(ctx, pq.closeMark, q.openMark, prev.mention >= 0 ? ms[prev.mention].entity : null)) {
        a = { mention: prev.mention, description: prev.description, cue: null };
      } else {
        a = { mention: -1, description: null, cue: null };
      }
    }
    out.push(a);
  }
  return out;
}

function personBetween(ctx: Ctx, from: number, to: number, except: string | null): boolean {
  const i = lowerBound(ctx.starts, from);
  for (let k = i; k < ctx.ms.length && ctx.ms[k].start < to; k++) {
    const m = ctx.ms[k];
    if (m.type === 'PERSON' && m.entity !== except && !insideQuote(ctx, m.start)) return true;
  }
  return false;
}

function afterQuote(ctx: Ctx, qi: number): Attribution | null {
  const q = ctx.quotes[qi];
  const text = ctx.text;
  const from = q.closeMark + 1;
  let to = Math.min(text.length, from + 220);
  if (qi + 1 < ctx.quotes.length) to = Math.min(to, ctx.quotes[qi + 1].openMark);
  // the line ends the window (searched within the window only: linear on one-line texts)
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      to = k;
      break;
    }
  }
  if (to <= from) return null;
  const toks = tokenize(text, from, to);
  let i = 0;
  let dash = false;
  while (i < toks.length && toks[i].kind === TokKind.Punct && (toks[i].text === ',' || toks[i].text === '—' || toks[i].text === '–' || toks[i].text === '-' || toks[i].text === '--')) {
    if (toks[i].text !== ',') dash = true;
    i++;
  }
  if (i >= toks.length) return null;
  // "… ” — Matthew Ingram": a dash and a person's name
  if (dash && toks[i].cap) {
    const k = lowerBound(ctx.starts, toks[i].start);
    if (k < ctx.ms.length && ctx.ms[k].start === toks[i].start && ctx.ms[k].type === 'PERSON') return { mention: k, description: null, cue: null };
  }
  // the quote ended its sentence and a new one starts: only accept an immediate "X said"
  const qt = text.slice(Math.max(q.start, q.end - 2), q.end);
  if (/\.\s*$/.test(qt) || toks[i].text === '.' || toks[i].text === ';') return null;
  // after ? or !, only "he asked" / "asked Smith" style (a lower-case word next)
  const endsSentence = /[!?]\s*$/.test(qt);
  if (endsSentence && toks[i].cap) return null;
  // CUE SUBJ: "said Trump", "according to X"
  const w0 = toks[i].text.toLowerCase();
  if (CUE_VERBS.has(w0) && !endsSentence) {
    const subjFrom = w0 === 'according' && i + 1 < toks.length && toks[i + 1].text.toLowerCase() === 'to' ? i + 2 : i + 1;
    const subj = subjectIn(ctx, toks, subjFrom, Math.min(toks.length, subjFrom + 8), 'first', q.start);
    if (subj) return { ...subj, cue: w0 === 'according' ? 'according to' : w0 };
    return null;
  }
  // SUBJ CUE: "Trump said", "the White House statement said", "he told reporters"
  let commas = 0;
  for (let k = i + 1; k < toks.length && k <= i + 18; k++) {
    const w = toks[k].text.toLowerCase();
    if (SUBJECT_STOP.has(w)) break;
    // one appositive may sit between the subject and the verb: "Khaled Al-Maeena, editor at large, said"
    if (toks[k].text === ',' && ++commas > 2) break;
    if (commas === 0 && k > i + 9) break;
    if (CUE_VERBS.has(w) && toks[k].kind === TokKind.Word && !toks[k].cap && !PARTICIPLES.has(w)) {
      if (endsSentence && !toks[i].cap && !PRONOUNS.has(toks[i].text.toLowerCase())) return null;
      const subj = subjectIn(ctx, toks, i, k, commas > 0 ? 'first' : 'last', q.start);
      if (subj) return { ...subj, cue: w };
      return null;
    }
  }
  return null;
}

function beforeQuote(ctx: Ctx, qi: number): Attribution | null {
  const q = ctx.quotes[qi];
  const text = ctx.text;
  let sStart = sentenceStartBefore(ctx, q.openMark);
  // a block quote in its own paragraph, introduced by "X said:" or "X stated," at the end of the one before
  if (sStart >= q.openMark - 1) {
    let p = q.openMark - 1;
    while (p >= 0 && p > q.openMark - 200 && /\s/.test(text[p])) p--;
    if (p >= 0 && (text[p] === ':' || text[p] === ',')) sStart = sentenceStartBefore(ctx, p);
  }
  let from = Math.max(sStart, q.openMark - 400);
  if (qi > 0) from = Math.max(from, ctx.quotes[qi - 1].closeMark + 1);
  if (from >= q.openMark) return null;
  const toks = tokenize(text, from, q.openMark);
  if (toks.length === 0) return null;
  // the last cue verb before the quote
  let cue = -1;
  for (let k = toks.length - 1; k >= 0 && k >= toks.length - 20; k--) {
    const w = toks[k].text.toLowerCase();
    if (toks[k].kind === TokKind.Word && !toks[k].cap && CUE_VERBS.has(w)) {
      cue = k;
      break;
    }
  }
  if (cue < 0) {
    // an embedded partial quote with no cue: the sentence's subject, when it is a person
    if (from === sStart || from === Math.max(sStart, q.openMark - 400)) {
      const subj = subjectIn(ctx, toks, 0, Math.min(toks.length, 6), 'first', q.start);
      if (subj && subj.mention >= 0 && ctx.ms[subj.mention].type === 'PERSON') return { ...subj, cue: null };
    }
    return null;
  }
  const cueWord = toks[cue].text.toLowerCase();
  if (PARTICIPLES.has(cueWord)) {
    // an earlier finite cue in the sentence, else the sentence subject
    for (let k = cue - 1; k >= 0; k--) {
      const w = toks[k].text.toLowerCase();
      if (CUE_VERBS.has(w) && !PARTICIPLES.has(w)) {
        const subj = subjectIn(ctx, toks, Math.max(0, k - 8), k, 'last', q.start);
        if (subj) return { ...subj, cue: cueWord };
      }
    }
    const subj = subjectIn(ctx, toks, 0, cue, 'first', q.start);
    return subj ? { ...subj, cue: cueWord } : null;
  }
  const subj = subjectIn(ctx, toks, Math.max(0, cue - 8), cue, 'last', q.start);
  if (subj) return { ...subj, cue: cueWord };
  // "Suleiman al-Amr, in remarks to al-Ikhbariya television, said": the sentence's first person
  if (cue > 8) {
    const far = subjectIn(ctx, toks, 0, cue, 'first', q.start);
    if (far && far.mention >= 0 && ctx.ms[far.mention].type === 'PERSON') return { ...far, cue: cueWord };
  }
  if (qi > 0 && from === ctx.quotes[qi - 1].closeMark + 1 && from > sStart) return { mention: -2, description: null, cue: cueWord };
  return null;
}

/** Find a subject in toks[a, b): a mention (PERSON/ORG preferred), a pronoun, or a short description. */
function subjectIn(ctx: Ctx, toks: readonly Token[], a: number, b: number, which: 'first' | 'last', quoteStart: number): { mention: number; description: string | null } | null {
  if (a >= b) return null;
  // stop at clause boundaries when looking backwards
  if (which === 'last') {
    for (let k = b - 1; k >= a; k--) {
      if (SUBJECT_STOP.has(toks[k].text)) {
        a = k + 1;
        break;
      }
    }
  } else {
    for (let k = a; k < b; k++) {
      if (SUBJECT_STOP.has(toks[k].text)) {
        b = k;
        break;
      }
    }
  }
  if (a >= b) return null;
  const from = toks[a].start;
  const to = toks[b - 1].end;
  // mentions inside [from, to)
  const found: number[] = [];
  for (let k = lowerBound(ctx.starts, from); k < ctx.ms.length && ctx.ms[k].start < to; k++) {
    if (ctx.ms[k].end <= to) found.push(k);
  }
  const pronounAt = (k: number): number => {
    const w = toks[k].text.toLowerCase();
    return PRONOUNS.has(w) && toks[k].kind === TokKind.Word ? k : -1;
  };
  const pick = (list: number[]): number => {
    // a person beats an organisation ("Jeff Rathke, the State Department spokesperson, said")
    const persons = list.filter((k) => ctx.ms[k].type === 'PERSON' && !(ctx.ms[k].kind === 'role' && ctx.ms[k].linkedTo < 0 && list.some((j) => j !== k && ctx.ms[j].type === 'PERSON')));
    const good = persons.length > 0 ? persons : list.filter((k) => ctx.ms[k].type === 'ORG');
    const pool = good.length > 0 ? good : list.filter((k) => ctx.ms[k].type === 'LOC');
    if (pool.length === 0) return -1;
    return which === 'first' ? pool[0] : pool[pool.length - 1];
  };
  const mi = pick(found);
  // a pronoun closer to the cue than any mention
  const range = which === 'first' ? indices(a, b) : indices(a, b).reverse();
  for (const k of range) {
    if (mi >= 0 && (which === 'first' ? ctx.ms[mi].start <= toks[k].start : ctx.ms[mi].end >= toks[k].end)) break;
    if (pronounAt(k) >= 0) {
      const w = toks[k].text.toLowerCase();
      if (w === 'it' || w === 'they') {
        const r = resolveThing(ctx, toks[k].start);
        return r >= 0 ? { mention: r, description: null } : null;
      }
      const r = resolvePronoun(ctx, toks[k].start, w === 'she' ? 'f' : 'm', quoteStart);
      return r >= 0 ? { mention: r, description: null } : null;
    }
  }
  if (mi >= 0) return { mention: mi, description: null };
  // a description: "a senior administration official", "officials"
  const words = toks.slice(a, b).filter((t) => t.kind === TokKind.Word);
  if (words.length > 0 && words.length <= 6) {
    const last = words[words.length - 1].text.toLowerCase();
    if (/^(officials?|spokesm[ae]n|spokeswom[ae]n|spokesperson|statement|sources?|aides?|analysts?|experts?|witnesses?|police|residents?|government|ministry|report|translation|summary|reporters?|leaders?|organi[sz]ers?|authorities|lawyers?|officers?|researchers?|scientists?)$/.test(last)) {
      const s = words[0].start;
      const e = words[words.length - 1].end;
      return { mention: -1, description: ctx.text.slice(s, e) };
    }
  }
  return null;
}

function indices(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}

function genderOf(m: WorkMention, female: ReadonlySet<string>): 'f' | 'm' | null {
  const words = m.entity.toLowerCase().split(/\s+/);
  if (m.title && FEMALE.has(m.title)) return 'f';
  if (FEMALE.has(words[0]) || female.has(words[0])) return 'f';
  if (words.length >= 2) return 'm';
  return null;
}

/** he/she: the subject of the nearest earlier sentence with a fitting person, else the nearest fitting person. */
function resolvePronoun(ctx: Ctx, pos: number, gender: 'f' | 'm', quoteStart: number): number {
  const end = lowerBound(ctx.starts, pos);
  let nearest = -1;
  let bestSent = -1;
  let bestFirst = -1;
  let seen = 0;
  for (let k = end - 1; k >= 0 && seen < 40; k--) {
    const m = ctx.ms[k];
    if (pos - m.start > 2500) break;
    if (m.type !== 'PERSON') continue;
    if (m.kind === 'role' && m.linkedTo < 0) continue;
    if (insideQuote(ctx, m.start) || (m.start >= quoteStart && m.start < pos)) continue;
    seen++;
    const g = ctx.gender.get(m.entity) ?? null;
    if (g !== null && g !== gender) continue;
    if (nearest < 0) nearest = k;
    if (bestSent < 0) bestSent = m.sentId;
    if (m.sentId === bestSent && m.firstInSentence) bestFirst = k;
    if (m.sentId < bestSent - 2) break;
  }
  return bestFirst >= 0 ? bestFirst : nearest;
}

/** it/they: the nearest organisation before. */
function resolveThing(ctx: Ctx, pos: number): number {
  const end = lowerBound(ctx.starts, pos);
  for (let k = end - 1; k >= 0 && pos - ctx.ms[k].start < 1500; k--) {
    if (ctx.ms[k].type === 'ORG' && !insideQuote(ctx, ctx.ms[k].start)) return k;
  }
  return -1;
}

function insideQuote(ctx: Ctx, pos: number): boolean {
  let lo = 0;
  let hi = ctx.quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ctx.quotes[mid].openMark <= pos) lo = mid + 1;
    else hi = mid;
  }
  const q = lo > 0 ? ctx.quotes[lo - 1] : null;
  return q !== null && pos > q.openMark && pos < q.closeMark;
}

function sentenceStartBefore(ctx: Ctx, pos: number): number {
  const i = upperBound(ctx.sentenceStarts, pos) - 1;
  return i >= 0 ? ctx.sentenceStarts[i] : 0;
}


