import * as fs from 'fs';
import * as path from 'path';
import type { Analyzer, EntityMention, Quote } from '../../src/core/analysis';
import { LEX_DEMONYMS, LEX_FEMALE, LEX_FIRST } from '../../src/core/analysis/lexicon';
import { OffsetMap } from '../../src/core/text/offsets';

/**
 * PolNeAR 1.0 (Newell, Margolin, Ruths, LREC 2018; ../shared/data/polnear): attribution relations
 * (source, cue, content) in 2016 US election news. Evaluation and error analysis only: never
 * trained on, never committed. Measures:
 *  - direct quotes found: gold Contents that begin with a double quote mark, for which the engine
 *    gives a speech quote opening at that mark;
 *  - highlighted quotes that are speech: the engine's speech quotes that lie inside a gold Content
 *    (someone's words), and apart from that how its term quotes fall;
 *  - speaker accuracy where the gold Source of a found direct quote is a name (it has a capitalised
 *    word other than a pronoun, determiner or title): the engine's speaker shares a word of that
 *    name ("Pew" for "Pew Research", "Donald Trump" for "Trump"; a bracketed party code such as
 *    "(I-Vt.)" is left out), or its speaker mention overlaps the gold Source;
 *  - pronoun sources ("he", "she"): PolNeAR has no coreference, so the person is taken to be the
 *    nearest named gold Source before it that is a bare name ("Trump", "Mr. Pence"): a proxy.
 * An article annotated by several annotators is scored against the first annotation file by name.
 *
 * Errors are listed (POLNEAR_VERBOSE=1) only for the train split (`POLNEAR_SPLIT=train`): the
 * rules were studied on train, and dev is only ever printed as totals.
 */
export const POLNEAR = process.env.POLNEAR_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'polnear');

interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface GoldAttribution {
  readonly content: Span;
  readonly source: Span | null;
}

/** Parse a brat .ann file of PolNeAR (code-point offsets) into attributions with UTF-16 spans of `text`. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const map = new OffsetMap(text);
  const spans = new Map<string, Span>();
  const out: GoldAttribution[] = [];
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols[0].startsWith('T') && cols.length >= 2) {
      // "Content 115 290" or discontinuous "Content 1 5;8 12": first start, last end
      const m = /^\S+ (\d+) .*?(\d+)$/.exec(cols[1]);
      if (!m) continue;
      const start = map.toUtf16(Number(m[1]));
      const end = map.toUtf16(Number(m[2]));
      spans.set(cols[0], { start, end, text: text.slice(start, end) });
    } else if (cols[0].startsWith('E') && cols.length >= 2) {
      events.push(cols[1]);
    }
  }
  for (const e of events) {
    const roles = new Map<string, string>();
    for (const part of e.split(' ')) {
      const [role, id] = part.split(':');
      roles.set(role.replace(/\d+$/, ''), id);
    }
    const content = spans.get(roles.get('Content') ?? '');
    if (!content) continue;
    out.push({ content, source: spans.get(roles.get('Source') ?? '') ?? null });
  }
  return out.sort((a, b) => a.content.start - b.content.start);
}

const OPEN_MARKS = /^["“”„]/;
const NOT_NAMES = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'one', 'some', 'many', 'both', 'other', 'others', 'another']);
const PRONOUNS = new Set(['he', 'she']);
/** Titles and offices before a name ("Sen.", "Senate Majority Leader"): not words of the name itself. */
const TITLES = /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Sens|Reps|Lt|Col|Capt|Sgt|Prof|Rev|President|Vice|Senator|Representative|Congressman|Congresswoman|Governor|Secretary|Minister|Leader|Majority|Minority|Chairman|Chairwoman|Chair|Speaker|Mayor|Judge|Justice|Commissioner|General|Attorney|Ambassador)\.?$/;
/** Party and nationality words: "the Republican nominee", "one senior Democrat", "the Texan" are descriptions, not names. */
const GROUP_WORDS = new Set([...'republican;republicans;democrat;democrats;democratic;gop;conservative;conservatives;liberal;liberals;progressive;progressives;independent;independents;latino;latinos;latina;hispanic;hispanics;muslim;muslims;christian;christians;evangelical;evangelicals;jewish;jews'.split(';'), ...LEX_DEMONYMS.split(';')]);
/** Where the first part of a Source ends: an apposition, a bracket or a relative clause. */
const PART_END = /,|\(|\s(?:who|whose|which|that|said|says)\b/;
/** Words after the head noun of a description: "a spokesman for Bernie Sanders", "an interview with The New York Times Magazine". */
const AFTER_HEAD = new Set(['of', 'at', 'with', 'for', 'from', 'in', 'on', 'by', 'to', 'during', 'after', 'before', 'writing', 'speaking', 'wearing', 'gathered', 'published', 'released', 'familiar', 'involved', 'close', 'going']);
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'some', 'this', 'that']);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', '&', 'de', 'al', 'bin', 'van', 'von', 'la', 'le', 'du']);

const cap = (w: string): boolean => /^\p{Lu}/u.test(w);
const possessive = (w: string): boolean => /['’]s?$/.test(w);

/** The words of a name that ends a phrase ("Dianne Bystrom" of "Iowa State University's Dianne Bystrom"), or []. */
function endingName(phrase: string): string[] {
  const words = phrase
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[,:;"“”]+$/gu, ''))
    .filter((w) => w !== '' && !/^(himself|herself|themselves)$/.test(w));
  if (words.length > 0 && !cap(words[words.length - 1])) {
    // "Robert Antonacci of the New York delegation": the name before the first preposition
    const p = words.findIndex((w, k) => k > 0 && AFTER_HEAD.has(w) && cap(words[k - 1]));
    return p > 0 ? nameAt(words, p) : [];
  }
  return nameAt(words, words.length);
}

/** The name that ends words[0, end): the run of capitalised words before `end`, when it is the phrase's head. */
function nameAt(words: readonly string[], end: number): string[] {
  if (end === 0 || !cap(words[end - 1])) return [];
  const out: string[] = [];
  let k = end - 1;
  // the last word may be a possessive ("Clinton's" statement); one inside the run ends it
  out.unshift(words[k--].replace(/['’]s?$/, ''));
  while (k >= 0) {
    const w = words[k];
    if (cap(w) && !possessive(w)) out.unshift(words[k--]);
    else if (CONNECTORS.has(w) && k >= 1 && cap(words[k - 1]) && !possessive(words[k - 1])) k--;
    else break;
  }
  // the name is the object of a preposition: "a spokesman for Bernie Sanders" is a description,
  // "Jeffrey Lewis of the James Martin Center" is Jeffrey Lewis, "Speaker of the House Paul Ryan" is Paul Ryan
  const p = k >= 0 && AFTER_HEAD.has(words[k]) ? k : k >= 1 && DETERMINERS.has(words[k].toLowerCase()) && AFTER_HEAD.has(words[k - 1]) ? k - 1 : -1;
  if (p >= 0) {
    if (p === 0 || !cap(words[p - 1])) return [];
    const head = nameAt(words, p);
    if (head.length > 0) return head;
  }
  const det = DETERMINERS.has(words[0].toLowerCase());
  // "one senior Democrat", "the Texan", "Republicans": a party or a people, not a name ("Cuban" alone is one)
  return out.filter((w) => !NOT_NAMES.has(w.toLowerCase()) && !TITLES.test(w) && !(GROUP_WORDS.has(w.toLowerCase()) && (det || /s$/.test(w) || k >= 0)));
}

/**
 * The words of the name a gold Source gives, or [] when it is no name. The name ends the Source's
 * first part (before an apposition, a bracket or a relative clause): "Harry Bond" of "Harry Bond,
 * 30, of Raleigh", "Marco Rubio" of "Sen. Marco Rubio (R-Fla.)", "Dianne Bystrom" of "Iowa State
 * University's Dianne Bystrom"; titles are left out, a name coordinated with "and" counts too. A
 * first part that ends in a common noun ("the Republican nominee", "Sanders protesters", "a
 * spokesman for Bernie Sanders") is a description, unless a name follows it in apposition ("her
 * senior policy adviser, Jake Sullivan"); party and nationality words ("one senior Democrat", "the
 * Texan", "Republicans") are no names.
 */
export function nameWords(source: string): string[] {
  const m = PART_END.exec(source);
  const first = m ? source.slice(0, m.index) : source;
  const own = endingName(first).concat(and(first));
  if (own.length > 0 || !m || m[0] !== ',') return own;
  // a description and the name in apposition: "another friend, Mariam Emara", "Clinton's introducer, actress Jamie Lee Curtis"
  const rest = source.slice(m.index + 1);
  const n = PART_END.exec(rest);
  const appos = (n ? rest.slice(0, n.index) : rest).trim();
  return /^(\p{Lu}|[a-z]+ \p{Lu})/u.test(appos) ? endingName(appos) : [];
}

/** A name coordinated before the ending one: "David Albright" of "nuclear experts David Albright and Serena Kelleher-Vergantini". */
function and(phrase: string): string[] {
  const i = phrase.lastIndexOf(' and ');
  if (i < 0) return [];
  const left = phrase.slice(0, i);
  const right = phrase.slice(i + 5);
  return cap(right.trim()) && endingName(right).length > 0 ? endingName(left) : [];
}

function bareName(source: string): boolean {
  const words = source.trim().split(/\s+/);
  return words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w)) && nameWords(source).length > 0;
}

const key = (w: string): string => w.replace(/['’]s$|[.,]$/g, '').toLowerCase();

/**
 * The engine's speaker is the gold name: its speaker mention overlaps the Source; or the engine's
 * own mention of the Source's name belongs to the speaker's entity (alias grouping: "Trump" in the
 * Source, "Donald J. Trump" as the speaker); or the speaker has a word of the name ("Pew Research"
 * for "Pew", "Donald Trump" for "Trump"), unless both give other names before the last and none of
 * them agree ("Bill Clinton" for "Hillary Clinton", "Jane Sanders" for "Sen. Bernie Sanders").
 */
export function speakerMatches(q: Quote, source: Span | string, mentions: readonly EntityMention[] = []): boolean {
  const text = typeof source === 'string' ? source : source.text;
  if (typeof source !== 'string' && q.speakerSpan && q.speakerSpan.start < source.end && source.start < q.speakerSpan.end) return true;
  if (q.speaker === null) return false;
  const names = nameWords(text).map(key);
  if (names.length === 0) return false;
  if (typeof source !== 'string') {
    const own = mentions.filter((m) => m.kind === 'name' && m.start < source.end && source.start < m.end && m.text.split(/\s+/).some((w) => names.includes(key(w))));
    if (own.some((m) => m.entity === q.speaker)) return true;
  }
  const saidWords = q.speaker
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((w) => w !== '')
    .map((w) => w.replace(/['’]s$/, ''));
  const said = new Set(saidWords);
  if (!names.some((w) => said.has(w))) return false;
  const goldFirst = names.slice(0, -1).filter((w) => w.length > 1);
  const saidFirst = saidWords.slice(0, -1).filter((w) => w.length > 1);
  return goldFirst.length === 0 || saidFirst.length === 0 || goldFirst.some((w) => saidFirst.includes(w));
}

interface Tally {
  ok: number;
  n: number;
}

export interface PolnearScores {
  articles: number;
  directFound: Tally;
  speechInContent: Tally;
  termInContent: Tally;
  namedSpeaker: Tally;
  pronounSpeaker: Tally;
  errors: string[];
}

function insideContent(q: Quote, contents: readonly Span[]): boolean {
  // a quote inside a Content, its marks and final punctuation allowed to stick out by a character
  return contents.some((c) => q.start >= c.start - 1 && q.end <= c.end + 2);
}

/** Score one split ('dev' or 'train') of PolNeAR. */
export function scorePolnear(analyzer: Analyzer, split: 'dev' | 'train', dir = POLNEAR): PolnearScores {
  const textDir = path.join(dir, split, 'text');
  const annDir = path.join(dir, split, 'attributions');
  const anns = fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const s: PolnearScores = { articles: 0, directFound: { ok: 0, n: 0 }, speechInContent: { ok: 0, n: 0 }, termInContent: { ok: 0, n: 0 }, namedSpeaker: { ok: 0, n: 0 }, pronounSpeaker: { ok: 0, n: 0 }, errors: [] };
  const done = new Set<string>();
  for (const f of anns) {
    const article = f.replace(/_[0-9a-f]+\.ann$/, '');
    if (done.has(article)) continue;
    const textFile = path.join(textDir, article + '.txt');
    if (!fs.existsSync(textFile)) continue;
    done.add(article);
    s.articles++;
    const text = fs.readFileSync(textFile, 'utf8');
    const gold = parseAnn(fs.readFileSync(path.join(annDir, f), 'utf8'), text);
    const analysis = analyzer.analyze(text);
    const quotes = analysis.quotes;
    const contents = gold.map((g) => g.content);
    const err = (what: string, at: number, extra = ''): void => {
      s.errors.push(`${article} ${what}: …${text.slice(Math.max(0, at - 60), at + 100).replace(/\s+/g, ' ')}… ${extra}`);
    };
    for (const q of quotes) {
      const inside = insideContent(q, contents);
      const t = q.kind === 'term' ? s.termInContent : s.speechInContent;
      t.n++;
      if (inside) t.ok++;
      else if (q.kind !== 'term') err('SPEECH NOT IN CONTENT', q.start, `[${q.text.slice(0, 60)}]`);
    }
    /** Bare names given as Sources so far, latest last. */
    const bare: Span[] = [];
    for (const g of gold) {
      const direct = OPEN_MARKS.test(g.content.text);
      const src = g.source;
      const isName = src !== null && nameWords(src.text).length > 0;
      const isPronoun = src !== null && PRONOUNS.has(src.text.trim().toLowerCase());
      if (direct) {
        s.directFound.n++;
        const q = quotes.find((x) => x.kind !== 'term' && x.openMark !== undefined && x.openMark >= g.content.start && x.openMark <= g.content.start + 2);
        if (!q) {
          const any = quotes.find((x) => x.openMark !== undefined && x.openMark >= g.content.start && x.openMark <= g.content.start + 2);
          err(any ? 'DIRECT QUOTE TYPED TERM' : 'DIRECT QUOTE MISSED', g.content.start);
        } else {
          s.directFound.ok++;
          if (src && isName) {
            s.namedSpeaker.n++;
            if (speakerMatches(q, src, analysis.entities)) s.namedSpeaker.ok++;
            else err('SPEAKER', g.content.start, `gold "${src.text}", got ${q.speaker ?? '-'}`);
          } else if (src && isPronoun) {
            const person = proxyPerson(text, bare, src.text.trim().toLowerCase() === 'she' ? 'f' : 'm');
            if (person) {
              s.pronounSpeaker.n++;
              if (speakerMatches(q, person, analysis.entities)) s.pronounSpeaker.ok++;
              else err('PRONOUN', g.content.start, `"${src.text}" taken as "${person.text}", got ${q.speaker ?? '-'}`);
            }
          }
        }
      }
      if (src && bareName(src.text)) bare.push(src);
    }
  }
  return s;
}

const FEMALE_FIRST = new Set(LEX_FEMALE.split(';'));
const FIRST = new Set(LEX_FIRST.split(';'));

/**
 * The gender of a bare name given as a Source, from a title ("Mrs. Clinton") or from the first
 * name it has in the article ("Susan Sarandon" for "Sarandon"), by the engine's first-name lists;
 * null when neither tells.
 */
export function sourceGender(text: string, name: string): 'f' | 'm' | null {
  if (/^(Mrs|Ms|Miss)\b/.test(name)) return 'f';
  if (/^(Mr)\b/.test(name)) return 'm';
  const words = name.replace(/^(Dr|Sen|Rep|Gov|Gen)\.?\s+/, '').split(/\s+/);
  const last = words[words.length - 1].replace(/['’]s$/, '');
  let first = words.length >= 2 ? words[0] : null;
  if (first === null) {
    const esc = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`\\b(\\p{Lu}\\p{Ll}+)\\s+(?:\\p{Lu}\\.\\s+)?${esc}\\b`, 'u').exec(text);
    first = m ? m[1] : null;
  }
  if (first === null) return null;
  const f = first.toLowerCase();
  return FEMALE_FIRST.has(f) ? 'f' : FIRST.has(f) ? 'm' : null;
}

/** PolNeAR has no coreference: "he"/"she" is taken to be the nearest bare name given as a Source before it whose gender is known and agrees. */
function proxyPerson(text: string, bare: readonly Span[], gender: 'f' | 'm'): Span | null {
  for (let i = bare.length - 1; i >= 0; i--) {
    const g = sourceGender(text, bare[i].text.trim());
    if (g === gender) return bare[i];
  }
  return null;
}

function pct(t: Tally): string {
  return `${((100 * t.ok) / Math.max(1, t.n)).toFixed(1)}% (${t.ok}/${t.n})`;
}

/** `npm run eval`'s PolNeAR section: dev totals (POLNEAR_SPLIT=train for error analysis on train). */
export function polnear(analyzer: Analyzer): void {
  if (!fs.existsSync(POLNEAR)) {
    console.log(`\n## PolNeAR: not found at ${POLNEAR} (set POLNEAR_DIR)`);
    return;
  }
  const split = process.env.POLNEAR_SPLIT === 'train' ? 'train' : 'dev';
  const s = scorePolnear(analyzer, split);
  console.log(`\n## PolNeAR ${split} (${s.articles} articles; evaluation only, see test/eval/polnear.ts)`);
  console.log(`  direct quotes found (as speech): ${pct(s.directFound)}`);
  console.log(`  highlighted speech quotes inside an attribution's Content: ${pct(s.speechInContent)}`);
  console.log(`  term quotes (scare quotes, titles, nicknames) inside a Content anyway: ${pct(s.termInContent)}`);
  console.log(`  speaker right, gold source a name: ${pct(s.namedSpeaker)}`);
  console.log(`  pronoun sources (he/she) resolved to the right person (proxy: the nearest named source before): ${pct(s.pronounSpeaker)}`);
  if (split === 'train' && process.env.POLNEAR_VERBOSE) for (const e of s.errors) console.log('    ' + e);
}
