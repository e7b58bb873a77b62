import type { WorkMention } from './aliases';
import { lowerBound, upperBound } from '../text/binarySearch';
import type { QuoteSpan } from './quotes';
import { quoteKind, type CuePlace } from './quoteKinds';
import type { QuoteKind } from './types';
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
  'assured', 'agrees', 'exhorted', 'barked', 'snapped', 'retorted', 'countered', 'interjected', 'beamed', 'retaliated', 'chimed', 'sighed', 'laughed', 'scoffed',
  'saying', 'adding', 'telling', 'calling', 'writing', 'noting', 'arguing', 'insisting', 'warning', 'declaring', 'asking', 'explaining',
  'stating', 'claiming', 'describing', 'urging', 'tweeting', 'announcing', 'stressing', 'vowing', 'promising', 'predicting', 'suggesting',
  // more verbs of saying and writing, in the forms news uses after or before a quote
  'concludes', 'echoed', 'echoes', 'questioned', 'demanded', 'demands', 'pressed', 'opined', 'opines', 'proclaimed', 'proclaims', 'demurred',
  'elaborated', 'pleaded', 'implored', 'marveled', 'marvelled', 'gushed', 'grumbled', 'fumed', 'railed', 'touted', 'mocked', 'teased', 'reasoned',
  'speculated', 'sang', 'sings', 'preached', 'thundered', 'roared', 'ranted', 'crowed', 'apologized', 'apologised', 'concurred', 'objected',
  'protested', 'volunteered', 'confided', 'disclosed', 'revealed', 'hinted', 'texted', 'emailed', 'e-mailed', 'messaged', 'chanted', 'blasted',
  'acknowledges', 'answers', 'boasts', 'cautions', 'charges', 'complains', 'contends', 'counters', 'jokes', 'laments', 'maintains', 'muses',
  'observes', 'predicts', 'promises', 'quips', 'recounts', 'reiterates', 'remarks', 'repeats', 'vows', 'wonders', 'wrote', 'summarized',
  'concluding', 'recalling', 'joking', 'quipping', 'responding', 'replying', 'answering', 'acknowledging', 'admitting', 'complaining',
  'boasting', 'lamenting', 'remarking', 'observing', 'cautioning', 'posting', 'echoing', 'proclaiming', 'demanding', 'questioning', 'pleading',
  'reiterating', 'recounting', 'countering', 'confirming', 'denying', 'testifying', 'praising', 'mocking', 'blasting', 'disagreed', 'disagrees',
]);

/** Two-word cues: "shot back", "fired back", "went on", "put it" (as Vulture put it). */
const CUE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['shot', 'back'], ['fired', 'back'], ['hit', 'back'], ['shoots', 'back'], ['fires', 'back'], ['went', 'on'], ['goes', 'on'], ['put', 'it'], ['puts', 'it'], ['pointed', 'out'], ['points', 'out'], ['summed', 'up'],
]);

/** Dashes that introduce a quote's signature ("… ” — Matthew Ingram"); ― (U+2015) is the quotation dash. */
const DASHES = new Set(['—', '–', '―', '-', '--']);

const PARTICIPLES: ReadonlySet<string> = new Set([...CUE_VERBS].filter((w) => w.endsWith('ing') && w !== 'according'));
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
const SUBJECT_STOP = new Set(['.', '!', '?', ';']);
const FEMALE = new Set('angela;theresa;hillary;nancy;elizabeth;mary;margaret;ursula;marine;melania;ivanka;kellyanne;sarah;susan;samantha;condoleezza;michelle;kamala;jacinda;dilma;cristina;julia;anna;anne;ann;maria;marie;sophie;emma;olivia;claire;laura;linda;lisa;karen;jennifer;jessica;barbara;patricia;helen;ruth;sharon;betsy;nikki;kirstjen;loretta;janet;valerie;christine;kristalina;greta;malala;oprah;taylor;beyonce;madonna;frida;elena;olga;natalia;tatiana;irina;svetlana;yulia;aisha;fatima;sheryl;marissa;ginni;indra;gwynne;liz;giorgia;mette;erna;sanna;golda;tsai;ing-wen;rosalynn;tipper;hilary;jill;carly;amy;sally;kate;katherine;catherine;victoria;alexandra;angelina;diana;grace;hannah;heather;joan;joanna;judith;julie;kathleen;kelly;lauren;lucy;megan;monica;natalie;nicole;pamela;rachel;rebecca;rose;sandra;sara;stephanie;teresa;tina;vanessa;wendy;dame;lady;queen;princess;mrs;ms;miss'.split(';'));

export interface Attribution {
  /** Index into the mention array of the speaker mention, or -1. */
  mention: number;
  /** A speaker description when no entity fits ("a senior administration official"). */
  description: string | null;
  cue: string | null;
  /** Speech, or a term (no speaker, no cue). */
  kind: QuoteKind;
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
  /** The last speech quote's index: an unattributed quote inherits from it. */
  let lastSpeech = -1;
  /** Per quote: its speaker was found after it ("…," X said), and it had none of its own. */
  const foundAfter: boolean[] = [];
  const unattributed: boolean[] = [];
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    // a cue without a known subject still makes the quote speech; its speaker is looked for further
    const after = afterQuote(ctx, qi);
    let a: Found | null = after !== null && !after.open ? after : null;
    let place: CuePlace = after !== null && after.cue !== null ? 'after' : null;
    if (a === null) {
      const before = beforeQuote(ctx, qi);
      // a cue, or a person as the sentence's subject (Smith supports "fair pay raises"), before the quote
      if (before !== null && (before.cue !== null || before.mention >= 0) && place === null) place = 'before';
      if (before !== null && !before.open) a = before;
    }
    // a person named earlier in the sentence (Trump blasted Disney for its "outrageous practices") speaks as a cue would
    const kind = quoteKind(text, q, place ?? (personBetween(ctx, sentenceStartBefore(ctx, q.openMark), q.openMark, null) ? 'before' : null));
    foundAfter.push(a !== null && a === after);
    unattributed.push(a === null);
    if (kind === 'term') {
      out.push({ mention: -1, description: null, cue: null, kind });
      continue;
    }
    const prev = lastSpeech >= 0 ? out[lastSpeech] : null;
    if (a !== null && a.mention === -2) {
      // a cue whose subject sits before the previous quote of the same sentence
      a = prev ? { mention: prev.mention, description: prev.description, cue: a.cue } : null;
    }
    if (a === null) {
      // inherit from the speech quote just before (same passage)
      const pq = lastSpeech >= 0 ? quotes[lastSpeech] : null;
      // people named in the previous quote's own attribution ("Sanders campaign manager Jeff Weaver said") are no new speaker
      const sm = prev && prev.mention >= 0 ? ms[prev.mention] : null;
      const gapFrom = pq && sm && sm.start > pq.closeMark && sm.end < q.openMark ? sm.end : pq ? pq.closeMark : 0;
      if (prev && pq && (prev.mention >= 0 || prev.description !== null) && q.openMark - pq.closeMark < 400 && !personBetween(ctx, gapFrom, q.openMark, prev.mention >= 0 ? ms[prev.mention].entity : null)) {
        a = { mention: prev.mention, description: prev.description, cue: null };
      } else {
        a = { mention: -1, description: null, cue: null };
      }
    }
    out.push({ mention: a.mention, description: a.description, cue: a.cue, kind });
    lastSpeech = qi;
  }
  // a quote with no speaker of its own that runs straight into the next quote (only white space,
  // a paragraph break, between them) takes the speaker named after that one: "…" ¶ "…," X said.
  for (let qi = quotes.length - 2; qi >= 0; qi--) {
    const o = out[qi];
    const n = out[qi + 1];
    if (o.kind !== 'speech' || n.kind !== 'speech' || !unattributed[qi] || o.mention >= 0 || o.description !== null) continue;
    if (!foundAfter[qi + 1] && !unattributed[qi + 1]) continue;
    if (n.mention < 0 && n.description === null) continue;
    if (!/^\s*$/.test(text.slice(quotes[qi].closeMark + 1, quotes[qi + 1].openMark))) continue;
    out[qi] = { mention: n.mention, description: n.description, cue: null, kind: 'speech' };
  }
  return out;
}

/** A speaker found for one quote, before its kind is known; mention -2: the previous quote's speaker. */
type Found = Omit<Attribution, 'kind'> & { readonly open?: boolean };

function personBetween(ctx: Ctx, from: number, to: number, except: string | null): boolean {
  const i = lowerBound(ctx.starts, from);
  for (let k = i; k < ctx.ms.length && ctx.ms[k].start < to; k++) {
    const m = ctx.ms[k];
    if (m.type === 'PERSON' && m.entity !== except && !insideQuote(ctx, m.start)) return true;
  }
  return false;
}

function afterQuote(ctx: Ctx, qi: number): Found | null {
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
  // a quote that ends its line, signed on the next one: “…” ¶ — Maria Lopez, 45, Texas
  if (onlySpace(text, from, to)) return signedBelow(ctx, qi, to);
  if (to <= from) return null;
  const toks = tokenize(text, from, to);
  let i = 0;
  let dash = false;
  while (i < toks.length && toks[i].kind === TokKind.Punct && (toks[i].text === ',' || DASHES.has(toks[i].text))) {
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
  // after ? or !, only "he asked" / "asked Smith" / "Smith asked" (a name and its cue right away)
  const endsSentence = /[!?]\s*$/.test(qt);
  // a name, then its cue, maybe after a bracketed code or a long apposition: "Trump, the 2016 GOP frontrunner …, said"
  const named = toks[i].cap ? nameApposCue(ctx, toks, i) : null;
  if (named !== null) return named;
  if (endsSentence && toks[i].cap && !nameThenCue(ctx, toks, i)) return null;
  // CUE SUBJ: "said Trump", "according to X"
  const w0 = toks[i].lower;
  if (CUE_VERBS.has(w0) && toks[i].kind === TokKind.Word && !toks[i].cap) {
    const according = w0 === 'according' && i + 1 < toks.length && toks[i + 1].lower === 'to';
    const subjFrom = according ? i + 2 : i + 1;
    const subjTo = Math.min(toks.length, subjFrom + 8);
    // "according to a CNN translation of …": the translator or medium is not the speaker
    if (according && mediumOnly(toks, subjFrom, subjTo)) return subjectless('according to');
    // "said Rovers head coach Tom Baker", "said Clinton's spokesman Brian Fallon": the last name of the noun phrase
    const subj = subjectAfterCue(ctx, toks, subjFrom, q.start);
    return subj ? { ...subj, cue: w0 === 'according' ? 'according to' : w0 } : subjectless(w0 === 'according' ? 'according to' : w0);
  }
  // SUBJ CUE: "Trump said", "the White House statement said", "he told reporters"
  let commas = 0;
  for (let k = i + 1; k < toks.length && k <= i + 18; k++) {
    const w = toks[k].lower;
    // the full stop of an abbreviation ("Sen. Marco Rubio (R-Fla.) said") ends no sentence
    if (SUBJECT_STOP.has(w) && !(w === '.' && abbreviation(toks[k - 1]))) break;
    // one appositive may sit between the subject and the verb: "Khaled Al-Maeena, editor at large, said"
    if (toks[k].text === ',' && ++commas > 2) break;
    if (commas === 0 && k > i + 9) break;
    const c = cueAt(toks, k);
    if (c !== null && !PARTICIPLES.has(c)) {
      if (endsSentence && !toks[i].cap && !PRONOUNS.has(toks[i].lower)) return null;
      const subj = subjectIn(ctx, toks, i, k, commas > 0 ? 'first' : 'last', q.start) ?? (toks[k - 1].text === ',' ? subjectAfterCue(ctx, toks, k + 1, q.start) : null);
      return subj ? { ...subj, cue: c } : subjectless(c);
    }
  }
  return null;
}

/**
 * The cue verb at toks[k] (lower case), or null: a verb of saying in lower case, a two-word cue
 * ("shot back", "went on", "put it"), or "Tweeted" capitalised inside a sentence.
 */
function cueAt(toks: readonly Token[], k: number): string | null {
  const t = toks[k];
  if (t.kind !== TokKind.Word) return null;
  const w = t.lower;
  if (t.cap && !(k > 0 && /^tweet(ed|s)$/.test(w) && toks[k - 1].text !== '.')) return null;
  if (CUE_VERBS.has(w)) return w;
  const second = CUE_PAIRS.get(w);
  return second !== undefined && k + 1 < toks.length && toks[k + 1].lower === second ? `${w} ${second}` : null;
}

/** The subject after a cue: "said Rovers head coach Tom Baker" (the last name of the noun phrase), "said Smith". */
function subjectAfterCue(ctx: Ctx, toks: readonly Token[], subjFrom: number, quoteStart: number): { mention: number; description: string | null } | null {
  const subjTo = Math.min(toks.length, subjFrom + 8);
  if (subjFrom >= subjTo) return null;
  const np = nounPhraseEnd(toks, subjFrom, subjTo);
  return (np > subjFrom + 1 ? lastPerson(ctx, toks, subjFrom, np) : null) ?? subjectIn(ctx, toks, subjFrom, subjTo, 'first', quoteStart);
}

/** The sentence before the quote is "<name> <cue>." ("Rubio disagreed. “…”"): that name. */
function nameCueBefore(ctx: Ctx, openMark: number): Found | null {
  const text = ctx.text;
  let p = openMark - 1;
  while (p >= 0 && p > openMark - 8 && /\s/.test(text[p])) p--;
  if (p < 0 || text[p] !== '.') return null;
  const toks = tokenize(text, Math.max(0, p - 80), p + 1);
  const n = toks.length;
  if (n < 3 || toks[n - 1].text !== '.') return null;
  const c = cueAt(toks, n - 2);
  if (c === null || PARTICIPLES.has(c)) return null;
  const m = nameBefore(ctx, toks, n - 2);
  if (m < 0 || ctx.ms[m].type !== 'PERSON') return null;
  // the name starts its sentence, or follows a possessive ("Iowa State University's Dianne Bystrom agreed.")
  const first = toks.findIndex((t) => t.start === ctx.ms[m].start);
  if (first > 0 && !(toks[first - 1].text === '.' || toks[first - 1].sentStart || /['’]s$|^['’]s$/.test(toks[first - 1].text) || toks[first - 1].cap)) return null;
  return { mention: m, description: null, cue: c };
}

function onlySpace(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!/\s/.test(text[k])) return false;
  return true;
}

/** The next non-blank line after `from` starts with a dash and a person's name: the quote's signature. */
function signedBelow(ctx: Ctx, qi: number, from: number): Found | null {
  const text = ctx.text;
  let p = from;
  const limit = Math.min(text.length, from + 8, qi + 1 < ctx.quotes.length ? ctx.quotes[qi + 1].openMark : text.length);
  while (p < limit && /\s/.test(text[p])) p++;
  if (p >= limit || !/[—–―-]/.test(text[p])) return null;
  p++;
  while (p < text.length && p < from + 12 && (text[p] === ' ' || text[p] === '\u00a0')) p++;
  const k = lowerBound(ctx.starts, p);
  if (k < ctx.ms.length && ctx.ms[k].start === p && ctx.ms[k].type === 'PERSON' && ctx.ms[k].kind === 'name') return { mention: k, description: null, cue: null };
  return null;
}

/**
 * A short line (a name, an age, a place) that is all that stands before the quote on its line, or
 * on the line before when the quote opens its own line, and that begins with a person's name.
 */
function headingName(ctx: Ctx, openMark: number): number {
  const text = ctx.text;
  let lineStart = openMark;
  while (lineStart > 0 && lineStart > openMark - 80 && text[lineStart - 1] !== '\n') lineStart--;
  let end = openMark;
  if (onlySpace(text, lineStart, openMark)) {
    // the quote opens its line: the heading is the previous non-blank line
    let p = lineStart - 1;
    while (p >= 0 && p > lineStart - 8 && /\s/.test(text[p])) p--;
    if (p < 0 || text[p] === '.' || text[p] === '”' || text[p] === '"' || text[p] === '!' || text[p] === '?') return -1;
    end = p + 1;
    lineStart = p;
    while (lineStart > 0 && lineStart > end - 80 && text[lineStart - 1] !== '\n') lineStart--;
  } else {
    let p = openMark - 1;
    while (p > lineStart && /\s/.test(text[p])) p--;
    if (text[p] !== ':') return -1;
    end = p;
  }
  if ((lineStart > 0 && text[lineStart - 1] !== '\n') || end - lineStart > 70 || /[.!?;"“”]/.test(text.slice(lineStart, end).replace(/\b[A-Z][a-z]{0,3}\./g, ''))) return -1;
  while (lineStart < end && /\s/.test(text[lineStart])) lineStart++;
  const k = lowerBound(ctx.starts, lineStart);
  if (k >= ctx.ms.length || ctx.ms[k].start !== lineStart || ctx.ms[k].type !== 'PERSON' || ctx.ms[k].kind !== 'name') return -1;
  // a name, then only commas, ages, places and lower-case words of a description: no verb of a sentence
  const rest = text.slice(ctx.ms[k].end, end);
  return /^[\s,\p{L}\p{N}'’()-]*$/u.test(rest) && rest.split(/\s+/).length <= 10 ? k : -1;
}

/** toks[i] starts a person or organisation name that a cue verb follows at once ("Maher replied"). */
function nameThenCue(ctx: Ctx, toks: readonly Token[], i: number): boolean {
  const k = lowerBound(ctx.starts, toks[i].start);
  if (k >= ctx.ms.length || ctx.ms[k].start !== toks[i].start || (ctx.ms[k].type !== 'PERSON' && ctx.ms[k].type !== 'ORG')) return false;
  let j = i;
  while (j < toks.length && toks[j].end <= ctx.ms[k].end) j++;
  return j < toks.length && cueAt(toks, j) !== null;
}

/**
 * toks[i] (after a title such as "Rep.") starts a person or organisation name that its cue verb
 * follows: at once, after a bracketed code ("(R-Pa.)"), or after an apposition between commas of
 * up to 45 tokens ("Murphy, the head of Right to Rise USA, tweeted"; "Harry Bond, 30, of Raleigh,
 * N.C., who was among those polled, said").
 */
function nameApposCue(ctx: Ctx, toks: readonly Token[], i: number): Found | null {
  let j0 = i;
  if (toks[j0].text.endsWith('.') && j0 + 1 < toks.length && abbreviation({ ...toks[j0], text: toks[j0].text.slice(0, -1) })) j0++;
  const k = lowerBound(ctx.starts, toks[j0].start);
  if (k >= ctx.ms.length || ctx.ms[k].start !== toks[j0].start || ctx.ms[k].kind !== 'name' || (ctx.ms[k].type !== 'PERSON' && ctx.ms[k].type !== 'ORG')) return null;
  let j = j0;
  while (j < toks.length && toks[j].end <= ctx.ms[k].end) j++;
  if (j < toks.length && toks[j].text === '(') {
    const close = toks.findIndex((t, x) => x > j && x < j + 8 && t.text === ')');
    if (close < 0) return null;
    j = close + 1;
  }
  if (j >= toks.length) return null;
  const at = cueAt(toks, j);
  if (at !== null && !PARTICIPLES.has(at)) return { mention: k, description: null, cue: at };
  if (toks[j].text !== ',') return null;
  for (let t = j + 1; t + 1 < toks.length && t < j + 45; t++) {
    if (SUBJECT_STOP.has(toks[t].text) && !(toks[t].text === '.' && abbreviation(toks[t - 1]))) return null;
    if (toks[t].text !== ',') continue;
    const c = cueAt(toks, t + 1);
    if (c !== null && !PARTICIPLES.has(c)) return { mention: k, description: null, cue: c };
  }
  return null;
}

/** A person or organisation name that ends right before toks[k] (a bracketed party code between allowed). */
function nameBefore(ctx: Ctx, toks: readonly Token[], k: number): number {
  let j = k - 1;
  if (j >= 0 && toks[j].text === ')') {
    while (j >= 0 && toks[j].text !== '(' && k - j < 8) j--;
    j--;
  }
  if (j < 0) return -1;
  const end = toks[j].end;
  const m = upperBound(ctx.starts, end) - 1;
  if (m < 0 || ctx.ms[m].end !== end || ctx.ms[m].kind !== 'name' || (ctx.ms[m].type !== 'PERSON' && ctx.ms[m].type !== 'ORG')) return -1;
  return m;
}

/** Words that end the noun phrase after a cue ("said Trump in an interview with Megyn Kelly"). */
const PHRASE_END = new Set(['in', 'on', 'at', 'with', 'during', 'after', 'before', 'when', 'while', 'who', 'which', 'that', 'to', 'for', 'from', 'about', 'as', 'by', 'and', 'but', 'adding', 'referring', 'speaking', 'according', 'than', 'last', 'this', 'on']);

function nounPhraseEnd(toks: readonly Token[], a: number, b: number): number {
  for (let k = a; k < b; k++) {
    if (toks[k].kind === TokKind.Punct && toks[k].text !== '.' && toks[k].text !== "'" && toks[k].text !== '’') return k;
    if (SUBJECT_STOP.has(toks[k].text) && !(k > a && toks[k - 1].text.length === 1)) return k;
    if (toks[k].kind === TokKind.Word && !toks[k].cap && PHRASE_END.has(toks[k].lower)) return k;
  }
  return b;
}

/** The last person name (no role) that ends inside toks[a, b). */
function lastPerson(ctx: Ctx, toks: readonly Token[], a: number, b: number): { mention: number; description: null } | null {
  const from = toks[a].start;
  const to = toks[b - 1].end;
  let best = -1;
  for (let k = lowerBound(ctx.starts, from); k < ctx.ms.length && ctx.ms[k].start < to; k++) {
    const m = ctx.ms[k];
    if (m.end <= to && m.type === 'PERSON' && m.kind === 'name') best = k;
  }
  return best >= 0 ? { mention: best, description: null } : null;
}

/** "according to a CNN translation (of …)": the words name a translation, transcript or copy, not a speaker. */
function mediumOnly(toks: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (/^(translation|translations|transcript|transcripts|version|copy|copies|readout|recording|video|footage)$/i.test(toks[k].text)) return true;
  return false;
}

/** A capitalised word of up to four letters before a full stop: a title or state abbreviation ("Sen.", "Fla."), or an initial. */
function abbreviation(t: Token): boolean {
  // "Sen. Marco Rubio (R-Fla.) said": a party and state code ends no sentence either
  return t.kind === TokKind.Word && t.cap && (t.text.length <= 4 || /^[RDI]-[A-Z][a-z]{0,4}$/.test(t.text)) && !/^(I|We|He|She|It|They|You)$/.test(t.text);
}

/** A cue whose subject is no entity or description the engine knows ("the gambling tycoon told Reuters"). */
function subjectless(cue: string): Found {
  return { mention: -1, description: null, cue, open: true };
}

function beforeQuote(ctx: Ctx, qi: number): Found | null {
  const q = ctx.quotes[qi];
  const text = ctx.text;
  // a person's name heading the quote's paragraph, alone on the line before or before a colon:
  // "Maria Lopez, 45, Texas ¶ “…”", "Maria Lopez, 45, Texas: “…”"
  const heading = headingName(ctx, q.openMark);
  if (heading >= 0) return { mention: heading, description: null, cue: null };
  let sStart = sentenceStartBefore(ctx, q.openMark);
  // a block quote in its own paragraph, introduced by "X said:" or "X stated," at the end of the one before
  if (sStart >= q.openMark - 1) {
    let p = q.openMark - 1;
    while (p >= 0 && p > q.openMark - 200 && /\s/.test(text[p])) p--;
    if (p >= 0 && (text[p] === ':' || text[p] === ',')) sStart = sentenceStartBefore(ctx, p);
  }
  let from = Math.max(sStart, q.openMark - 400);
  if (qi > 0) from = Math.max(from, ctx.quotes[qi - 1].closeMark + 1);
  // "Rubio disagreed. “…”": the quote opens a sentence right after "<name> <cue>."
  if (from >= q.openMark - 1) return nameCueBefore(ctx, q.openMark);
  const toks = tokenize(text, from, q.openMark);
  if (toks.length === 0) return null;
  // "Republican pollster Daron Shaw: “…”": a name right before the colon that introduces the quote,
  // unless a cue verb comes first ("Fiorina wrote on Facebook:") or the name is an object ("a message to Trump:")
  if (toks[toks.length - 1].text === ':' && !toks.some((_, k) => cueAt(toks, k) !== null)) {
    const named = nameBefore(ctx, toks, toks.length - 1);
    const k = named >= 0 ? toks.findIndex((t) => t.start === ctx.ms[named].start) : -1;
    if (named >= 0 && !(k > 0 && /^(to|at|on|with|for|against|from|by|about|of)$/i.test(toks[k - 1].text))) return { mention: named, description: null, cue: null };
  }
  // the last cue verb before the quote
  let cue = -1;
  let cueWord = '';
  for (let k = toks.length - 1; k >= 0 && k >= toks.length - 20; k--) {
    const c = cueAt(toks, k);
    if (c !== null) {
      cue = k;
      cueWord = c;
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
  if (PARTICIPLES.has(cueWord)) {
    // an earlier finite cue in the sentence, else the sentence subject
    for (let k = cue - 1; k >= 0; k--) {
      const w = toks[k].lower;
      if (CUE_VERBS.has(w) && !PARTICIPLES.has(w)) {
        const subj = subjectIn(ctx, toks, Math.max(0, k - 8), k, 'last', q.start);
        if (subj) return { ...subj, cue: cueWord };
      }
    }
    const subj = subjectIn(ctx, toks, 0, cue, 'first', q.start);
    return subj ? { ...subj, cue: cueWord } : null;
  }
  const subj = subjectIn(ctx, toks, Math.max(0, cue - 8), cue, 'last', q.start);
  // "Clinton, on her plane en route to Tampa, said of …": a place is no speaker when a person leads the sentence
  if (subj && subj.mention >= 0 && ctx.ms[subj.mention].type === 'LOC') {
    const lead = subjectIn(ctx, toks, 0, Math.min(cue, 6), 'first', q.start);
    if (lead && lead.mention >= 0 && ctx.ms[lead.mention].type === 'PERSON') return { ...lead, cue: cueWord };
  }
  if (subj) return { ...subj, cue: cueWord };
  // "Suleiman al-Amr, in remarks to al-Ikhbariya television, said": the sentence's first person
  if (cue > 8) {
    const far = subjectIn(ctx, toks, 0, cue, 'first', q.start);
    if (far && far.mention >= 0 && ctx.ms[far.mention].type === 'PERSON') return { ...far, cue: cueWord };
  }
  if (qi > 0 && from === ctx.quotes[qi - 1].closeMark + 1 && from > sStart) return { mention: -2, description: null, cue: cueWord };
  // "Another child responded, “…”": the cue stands right before the quote
  return cue >= toks.length - 2 ? subjectless(cueWord) : null;
}

/** Find a subject in toks[a, b): a mention (PERSON/ORG preferred), a pronoun, or a short description. */
function subjectIn(ctx: Ctx, toks: readonly Token[], a: number, b: number, which: 'first' | 'last', quoteStart: number): { mention: number; description: string | null } | null {
  if (a >= b) return null;
  // stop at clause boundaries when looking backwards
  const stop = (k: number): boolean => SUBJECT_STOP.has(toks[k].text) && !(toks[k].text === '.' && k > 0 && abbreviation(toks[k - 1]));
  if (which === 'last') {
    for (let k = b - 1; k >= a; k--) {
      if (stop(k)) {
        a = k + 1;
        break;
      }
    }
  } else {
    for (let k = a; k < b; k++) {
      if (stop(k)) {
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
    const w = toks[k].lower;
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
      const w = toks[k].lower;
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
  // "the veteran striker", "the former senator": a person named shortly before
  if (words.length >= 2 && words.length <= 4 && words[0].lower === 'the' && words.every((w) => !w.cap || w === words[0])) {
    const head = words[words.length - 1].lower;
    if (PERSON_NOUNS.has(head)) {
      const r = resolvePronoun(ctx, words[0].start, FEMALE_NOUNS.has(head) ? 'f' : null, quoteStart, 2);
      if (r >= 0) return { mention: r, description: null };
    }
  }
  if (words.length > 0 && words.length <= 6) {
    const last = words[words.length - 1].lower;
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

/** Nouns for a person that a definite description ends in ("the veteran striker"): it refers back to someone named before. */
const PERSON_NOUNS = new Set(
  'striker;forward;midfielder;defender;goalkeeper;winger;coach;manager;player;captain;veteran;rookie;champion;senator;congressman;congresswoman;lawmaker;candidate;nominee;governor;mayor;president;minister;premier;chancellor;ambassador;diplomat;businessman;businesswoman;billionaire;tycoon;mogul;entrepreneur;founder;executive;actor;actress;singer;rapper;star;author;novelist;director;producer;economist;professor;historian;activist;campaigner;pastor;priest;bishop;imam;rabbi;judge;prosecutor;attorney;commander;general;colonel;veteran;survivor;mother;father;widow;daughter;son;host;anchor;comedian;chef;designer;architect;artist;musician;athlete;swimmer;runner;boxer;golfer;cyclist;skier;driver;pilot;astronaut;republican;democrat;conservative;liberal;incumbent;challenger;frontrunner;front-runner'.split(';'),
);
const FEMALE_NOUNS = new Set(['actress', 'congresswoman', 'businesswoman', 'mother', 'widow', 'daughter']);

function genderOf(m: WorkMention, female: ReadonlySet<string>): 'f' | 'm' | null {
  const words = m.entity.toLowerCase().split(/\s+/);
  if (m.title && FEMALE.has(m.title)) return 'f';
  if (FEMALE.has(words[0]) || female.has(words[0])) return 'f';
  if (words.length >= 2) return 'm';
  return null;
}

/** he/she: the subject of the nearest earlier sentence with a fitting person, else the nearest fitting person. */
function resolvePronoun(ctx: Ctx, pos: number, gender: 'f' | 'm' | null, quoteStart: number, maxSentences = 40): number {
  const end = lowerBound(ctx.starts, pos);
  let nearest = -1;
  let bestSent = -1;
  let bestFirst = -1;
  /** A one-word name of unknown gender ("Indigenous" mistyped, "Madonna"): taken only when nobody fits better. */
  let unknown = -1;
  let seen = 0;
  let sentences = 0;
  let lastSent = -1;
  for (let k = end - 1; k >= 0 && seen < 40; k--) {
    const m = ctx.ms[k];
    if (pos - m.start > 2500) break;
    if (m.sentId !== lastSent) {
      lastSent = m.sentId;
      if (++sentences > maxSentences + 1) break;
    }
    if (m.type !== 'PERSON') continue;
    if (m.kind === 'role' && m.linkedTo < 0) continue;
    if (insideQuote(ctx, m.start) || (m.start >= quoteStart && m.start < pos)) continue;
    seen++;
    const g = ctx.gender.get(m.entity) ?? null;
    if (gender !== null && g !== null && g !== gender) continue;
    if (g === null && gender !== null && !m.title && !m.entity.includes(' ')) {
      if (unknown < 0) unknown = k;
      continue;
    }
    if (nearest < 0) nearest = k;
    if (bestSent < 0) bestSent = m.sentId;
    // the sentence's first person, unless a preposition governs it ("In a letter to Smith, Jones said"): its subject
    if (m.sentId === bestSent && (m.firstInSentence || !afterPreposition(ctx.text, m.start))) bestFirst = k;
    if (m.sentId < bestSent - 2) break;
  }
  return bestFirst >= 0 ? bestFirst : nearest >= 0 ? nearest : unknown;
}

/** The word before `pos` is a preposition or a possessive's governor ("to Smith", "with Smith"). */
function afterPreposition(text: string, pos: number): boolean {
  return /\b(?:to|with|for|by|of|against|from|at|about|on|over|after|before|than|like|and|calling|named|called|defeated|beat|told|asked|thanked|endorsed|attacked|praised|criticized|criticised)\s+$/i.test(text.slice(Math.max(0, pos - 14), pos));
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


