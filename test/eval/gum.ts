import * as fs from 'fs';
import * as path from 'path';

/** A GUM news document rebuilt from CoNLL-U: text plus gold named-entity spans with Wikipedia identities. */
export interface GumDoc {
  readonly name: string;
  readonly text: string;
  readonly names: GumName[];
}

export interface GumName {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: 'PERSON' | 'ORG' | 'LOC';
  /** Wikipedia title, or "doc#group" (the coreference group) for names without one. */
  readonly identity: string;
  readonly wikipedia: boolean;
}

interface Word {
  readonly form: string;
  /** NNP/NNPS for proper nouns; a hyphen glued inside a name becomes HYPH-IN-NAME. */
  xpos: string;
  /** Index of the syntactic head in the document's word list, -1 for a sentence root. */
  readonly head: number;
  readonly deprel: string;
  readonly start: number;
  readonly end: number;
}

interface Mention {
  readonly first: number;
  readonly last: number;
  readonly etype: string;
  readonly identity: string;
  readonly group: string;
}

const TYPE: Record<string, GumName['type'] | undefined> = { person: 'PERSON', organization: 'ORG', place: 'LOC' };

/** GUM entity types whose proper-noun names are CoNLL's MISC (times are no names). */
const MISC_TYPES = new Set(['event', 'object', 'abstract', 'substance', 'animal', 'plant']);

/** Words that join proper nouns inside an organisation or place name ("University of Texas", "Food Standards of Australia and New Zealand"). */
const CONNECTORS = new Set(['of', 'for', 'on', 'and', '&', 'at', 'de', 'del', 'di', 'du', 'la', 'le', 'van', 'von']);

/**
 * Titles and role words: CoNLL leaves them out of person names ("President Donald Trump" → "Donald Trump"),
 * and a person mention whose name part is only such words ("the Home Secretary") is not a name.
 */
const TITLE_WORDS = new Set(['president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'senator', 'sen.', 'governor', 'gov.', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'professor', 'prof.', 'general', 'gen.', 'judge', 'justice', 'chief', 'executive', 'officer', 'ceo', 'director', 'chairman', 'representative', 'rep.', 'ambassador', 'commissioner', 'spokesman', 'spokeswoman', 'leader', 'lord', 'sir', 'lady', 'saint', 'st.', 'captain', 'colonel', 'lieutenant', 'sergeant', 'admiral', 'former', 'deputy', 'foreign', 'defense', 'state', 'attorney', 'congressman', 'congresswoman', 'premier', 'emperor', 'chairwoman', 'founder', 'head', 'coach', 'administrator', 'commander', 'astronaut', 'spokesperson', 'minister-president', 'councillor', 'legislator', 'lawmaker', 'major', 'emeritus', 'sheriff', 'mp', 'qc', 'undersecretary', 'man', 'home', 'interior', 'environment', 'education']);

/**
 * Gold names in the CoNLL-2003 style, from GUM's entity mentions (full noun phrases, nested):
 *
 *  1. Only mentions typed person, organization or place count, and only when their syntactic head
 *     (the one word of the mention whose dependency head lies outside it) is a proper noun, or, for
 *     a person, has proper-noun `flat` dependents ("president Sehar Memon").
 *  2. A person's name is the head and its `flat` dependents ("Donald Trump"): titles, descriptions
 *     and places before it are other dependents, so "US President Donald Trump" gives "Donald
 *     Trump" (and "US" from its own nested mention). Leading title words are dropped; a name made of
 *     titles only ("the Home Secretary") is no name. A person mention with a plural proper-noun head
 *     ("Afghans", "Muslims") names a group: CoNLL's MISC, not scored.
 *  3. An organisation's or place's name is the longest stretch around the head of proper nouns,
 *     numbers inside them ("Movimento 5 Stelle", "Launch Pad 39A") and connector words between
 *     proper nouns ("University of Texas Arlington", "Council on American-Islamic Relations",
 *     "Daughters of the American Revolution"). It stops at a possessive whose owner is another
 *     annotated entity ("Russia's Foreign Ministry"; "Korean People's Army" stays whole), and at an
 *     "of"-phrase that locates a nested place ("University of Sheffield of the UK": "of the UK"
 *     depends on Sheffield). A coordinated name ("the State and Homeland Security Departments") is
 *     not joined across its conjunction.
 *  4. A leading "the" and a trailing possessive are never part of a name; a hyphen glued between
 *     name words is ("Lee Cheuk-yan", "Make-A-Wish Foundation").
 *  5. CoNLL does not nest names: of two overlapping names the outer one counts, so "Mexico City" is
 *     one place although GUM also marks "Mexico" inside it.
 */
export function loadGum(dir: string): GumDoc[] {
  const files = fs.readdirSync(path.join(dir, 'conllu')).filter((f) => f.endsWith('.conllu')).sort();
  return files.map((f) => parseGumDoc(f.replace(/\.conllu$/, ''), fs.readFileSync(path.join(dir, 'conllu', f), 'utf8')));
}

/** One CoNLL-U document: its text (paragraphs separated by blank lines) and gold names. */
export function parseGumDoc(name: string, src: string): GumDoc {
  const { text, words, mentions } = readConllu(src);
  markGluedHyphens(words);
  const bySpan = new Map<string, GumName & { size: number }>();
  const miscNames: Array<[number, number]> = [];
  for (const m of mentions) {
    const type = TYPE[m.etype];
    if (type === undefined) {
      // events, works, products, languages ("FIFA World Cup", "Doctor Who"): CoNLL's MISC, not scored, but names inside them are not separate
      const span = MISC_TYPES.has(m.etype) ? orgOrPlaceName(words, m, mentions) : undefined;
      if (span && startsLikeName(words[span[0]].form)) miscNames.push([words[span[0]].start, words[span[1]].end]);
      continue;
    }
    const span = type === 'PERSON' ? personName(words, m, mentions) : orgOrPlaceName(words, m, mentions);
    if (!span || !(startsLikeName(words[span[0]].form) || m.identity !== '')) continue;
    const start = words[span[0]].start;
    const end = words[span[1]].end;
    if (gluedToWord(text, start, end)) continue;
    const key = `${start}:${end}`;
    const size = m.last - m.first;
    // the same words as the name of two mentions (one nested in the other): the outer mention's type counts
    const seen = bySpan.get(key);
    if (seen && seen.size >= size) continue;
    bySpan.set(key, { start, end, text: text.slice(start, end), type, identity: m.identity !== '' ? m.identity : `${name}#${m.group}`, wikipedia: m.identity !== '', size });
  }
  const names = [...bySpan.values()];
  // CoNLL does not nest names: a name inside a longer one ("Mexico" in "Mexico City") is not separate
  const outer = [...names.map((n): [number, number] => [n.start, n.end]), ...miscNames];
  const flat = names.filter((n) => !outer.some(([s, e]) => s <= n.start && n.end <= e && e - s > n.end - n.start));
  flat.sort((x, y) => x.start - y.start);
  return { name, text, names: flat.map(({ size: _size, ...n }) => n) };
}

/** Rebuilds the text the way Wikinews shows it (SpaceAfter, multi-word tokens, paragraphs) and reads words and mentions. */
function readConllu(src: string): { text: string; words: Word[]; mentions: Mention[] } {
  let text = '';
  const words: Word[] = [];
  const mentions: Mention[] = [];
  const open = new Map<string, Array<{ etype: string; identity: string; first: number }>>();
  let mwtEnd = -1;
  let mwtSpaceAfter = true;
  let sentStartWord = 0;
  for (const line of src.split('\n')) {
    if (line.startsWith('# newpar') && text.length > 0) {
      text = text.replace(/ $/, '') + '\n\n';
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (words.length > sentStartWord && !text.endsWith('\n')) {
        // a sentence without final punctuation (a heading, a caption before its image credit, a dateline)
        // stood on its own line in the source
        let last = words.length - 1;
        while (last > sentStartWord && /^["'\u201d\u2019)\]]+$/u.test(words[last].form)) last--;
        const sep = /^[.!?\u2026:;]+$/u.test(words[last].form) ? ' ' : '\n';
        text = text.replace(/ $/, '') + sep;
      }
      sentStartWord = words.length;
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    if (cols[0].includes('-')) {
      mwtEnd = Number(cols[0].split('-')[1]);
      mwtSpaceAfter = !cols[9].includes('SpaceAfter=No');
      continue;
    }
    if (cols[0].includes('.')) continue;
    const id = Number(cols[0]);
    const start = text.length;
    text += cols[1];
    const head = Number(cols[6]);
    const wi = words.length;
    words.push({ form: cols[1], xpos: cols[4], head: head > 0 ? sentStartWord + head - 1 : -1, deprel: cols[7], start, end: text.length });
    let spaceAfter = !cols[9].includes('SpaceAfter=No');
    if (mwtEnd >= 0) {
      if (id < mwtEnd) spaceAfter = false;
      else {
        spaceAfter = mwtSpaceAfter;
        mwtEnd = -1;
      }
    }
    if (spaceAfter) text += ' ';
    const ent = /(?:^|\|)Entity=([^|]*)/.exec(cols[9]);
    if (ent) readEntity(ent[1], wi, open, mentions);
  }
  for (const [id, list] of open) if (list.length > 0) throw new Error(`GUM: mention ${id} is never closed`);
  return { text, words, mentions };
}

/**
 * One Entity= value: "(id-etype-infstat-salience-centering-minspan-link[-identity]" opens a mention,
 * a trailing ")" closes it on the same word, and "id)" closes an open one. Identities are
 * percent-encoded, so they hold no brackets.
 */
function readEntity(value: string, wi: number, open: Map<string, Array<{ etype: string; identity: string; first: number }>>, out: Mention[]): void {
  const part = /\((\d+)-([^()]*)(\)?)|(\d+)\)/g;
  for (let m = part.exec(value); m; m = part.exec(value)) {
    if (m[4] !== undefined) {
      const o = open.get(m[4])?.pop();
      if (!o) throw new Error(`GUM: mention ${m[4]} closed but not open`);
      out.push({ first: o.first, last: wi, etype: o.etype, identity: o.identity, group: m[4] });
      continue;
    }
    const fields = m[2].split('-');
    const etype = fields[0];
    const identity = fields.length >= 7 ? fields.slice(6).join('-') : '';
    if (m[3] === ')') out.push({ first: wi, last: wi, etype, identity, group: m[1] });
    else {
      const list = open.get(m[1]) ?? [];
      list.push({ etype, identity, first: wi });
      open.set(m[1], list);
    }
  }
}

/**
 * A dash written without spaces inside a name belongs to it ("Lee Cheuk-yan", "Make-A-Wish",
 * "Facility-1"): both sides are proper nouns, capitalised or numbers, and one is a proper noun.
 */
function markGluedHyphens(words: Word[]): void {
  const capital = (w: Word): boolean => /^[\p{Lu}\d]/u.test(w.form);
  for (let k = 1; k + 1 < words.length; k++) {
    const [a, w, b] = [words[k - 1], words[k], words[k + 1]];
    if (!/^[-\u2010-\u2013]$/u.test(w.form) || a.end !== w.start || w.end !== b.start) continue;
    if ((isPropn(a) || capital(a)) && (isPropn(b) || capital(b)) && (isPropn(a) || isPropn(b))) {
      w.xpos = 'HYPH-IN-NAME';
      for (const x of [a, b]) if (!isPropn(x) && /^\p{Lu}/u.test(x.form)) x.xpos = 'NNP';
    }
  }
}

/** CoNLL names are whole words: one glued by a hyphen to a common word ("Polaroid-room", "Scientology-owned") is none. */
function gluedToWord(text: string, start: number, end: number): boolean {
  return /^[-\u2010-\u2013]\p{Ll}/u.test(text.slice(end, end + 2)) || /\p{L}[-\u2010-\u2013]$/u.test(text.slice(Math.max(0, start - 2), start));
}

/** Lowercase particles that may open a name ("al-Ikhbariya", "la Repubblica"). */
const PARTICLES = new Set(['al', 'el', 'de', 'da', 'di', 'del', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn']);

/** A name opens with a capital or a number ("pro-Beijing" and "#istandwithahmed" are no names), or with a particle. */
function startsLikeName(form: string): boolean {
  return /^[\p{Lu}\d]/u.test(form) || PARTICLES.has(form.split(/[-\u2010-\u2013]/u)[0]);
}

function isPropn(w: Word): boolean {
  return ((w.xpos === 'NNP' || w.xpos === 'NNPS') && /\p{L}/u.test(w.form)) || w.xpos === 'HYPH-IN-NAME';
}

function isTitle(w: Word): boolean {
  return TITLE_WORDS.has(w.form.toLowerCase());
}

/**
 * The mention's head: its word whose dependency head lies outside it. A few GUM mentions have
 * several ("veteran politician Raymond Wong", two appositions to a word outside): then the first noun
 * among them, else the first.
 */
function headOf(words: readonly Word[], m: Mention): number {
  const heads: number[] = [];
  for (let k = m.first; k <= m.last; k++) if (words[k].head < m.first || words[k].head > m.last) heads.push(k);
  return heads.find((k) => words[k].xpos.startsWith('NN')) ?? heads[0] ?? m.last;
}

/** Mentions of people, organisations and places strictly inside m: other entities named within it. */
function nestedNames(m: Mention, mentions: readonly Mention[]): Mention[] {
  return mentions.filter((o) => o !== m && o.group !== m.group && TYPE[o.etype] !== undefined && o.first >= m.first && o.last <= m.last && o.last - o.first < m.last - m.first);
}

/**
 * A person's name: the run of proper nouns around the mention's head, or, when the head is a common
 * noun ("president Sehar Memon", "coauthor Colette Heald"), the first run after it. Titles, GUM's
 * descriptive modifiers (nmod:desc: "Scientologist Tom Cruise") and other entities named inside the
 * mention ("US" in "US President Barack Obama") split runs.
 */
function personName(words: readonly Word[], m: Mention, mentions: readonly Mention[]): [number, number] | undefined {
  const h = headOf(words, m);
  const nested = nestedNames(m, mentions);
  // GUM's descriptive modifier before a full name ("Scientologist Tom Cruise"); before one word it is the name's ("Doctor Who")
  const descriptor = (k: number): boolean => words[k].deprel === 'nmod:desc' && k + 2 <= m.last && isPropn(words[k + 1]) && isPropn(words[k + 2]);
  const nameWord = (k: number): boolean =>
    isPropn(words[k]) && !isTitle(words[k]) && !descriptor(k) && !nested.some((o) => o.first <= k && k <= o.last);
  const attached = (k: number): boolean =>
    (words[k].head === h && (words[k].deprel === 'flat' || words[k].deprel === 'appos')) || (words[k].deprel === 'appos' && words[k].head === words[h].head);
  const run = nameRun(m, h, nameWord, attached);
  return run && (run[0] === run[1] && words[run[0]].xpos === 'NNPS' ? undefined : run);
}

/**
 * The run of name words holding the head; when the head is not a name word, the run holding one of
 * its dependents that `attached` accepts (a name in apposition: "coauthor Colette Heald").
 */
function nameRun(m: Mention, h: number, nameWord: (k: number) => boolean, attached: (k: number) => boolean): [number, number] | undefined {
  let found: [number, number] | undefined;
  for (let k = m.first; k <= m.last; k++) {
    if (!nameWord(k)) continue;
    let e = k;
    while (e + 1 <= m.last && nameWord(e + 1)) e++;
    if (k <= h && h <= e) return [k, e];
    if (!found) for (let x = k; x <= e; x++) if (attached(x)) found = [k, e];
    k = e;
  }
  return nameWord(h) ? undefined : found;
}

/**
 * An organisation's or place's name: the stretch around the head of proper nouns, numbers next to
 * them and the connectors between them; see loadGum for where it stops.
 */
function orgOrPlaceName(words: readonly Word[], m: Mention, mentions: readonly Mention[]): [number, number] | undefined {
  const nested = nestedNames(m, mentions);
  let h = headOf(words, m);
  if (!isPropn(words[h])) {
    // "the Internet security firm Secunia.com", "the Yonhap news agency": a name in apposition to a common-noun head,
    // or else one modifying it, when no other entity is annotated on those words ("the Polaroid-room" is about a product)
    const annotated = mentions.filter((o) => o.group !== m.group && o.first >= m.first && o.last <= m.last && o.last - o.first < m.last - m.first);
    const free = (list: readonly Mention[]) => (k: number): boolean => isPropn(words[k]) && !list.some((o) => o.first <= k && k <= o.last);
    const run =
      nameRun(m, h, free(nested), (k) => words[k].head === h && (words[k].deprel === 'appos' || words[k].deprel === 'flat')) ??
      nameRun(m, h, free(annotated), (k) => words[k].head === h && words[k].deprel === 'compound');
    if (!run) return undefined;
    h = run[1];
  }
  const title = m.identity.replace(/%27/g, "'");
  const nameWord = (k: number): boolean => k >= m.first && k <= m.last && (isPropn(words[k]) || (/^\d/.test(words[k].form) && words[k].xpos !== 'POS'));
  /** Whether the glue words g1..g2 (a connector, perhaps with "the", or a possessive) join the name words around them. */
  const joins = (g1: number, g2: number): boolean => {
    const c = words[g1];
    const lc = c.form.toLowerCase();
    if (c.xpos === 'POS') return g1 === g2 && title.includes("'s");
    if (/^[-\u2010-\u2013]$/u.test(c.form)) return g1 === g2; // a spaced hyphen: "Council on American - Islamic Relations"
    if (!CONNECTORS.has(lc)) return false;
    if (g2 > g1 && (g2 > g1 + 1 || words[g2].form.toLowerCase() !== 'the')) return false;
    const p = g2 + 1;
    // "at" locates ("Leigh Block Museum of Art at Northwestern University") unless the entity's Wikipedia title has it
    // ("University_of_North_Carolina_at_Chapel_Hill"); so does "of the" before a place ("University of Sheffield of the UK")
    if (lc === 'at') return title.includes('_at_');
    if (lc === 'of' && g2 > g1 && nested.some((o) => o.etype === 'place' && o.first <= p && p <= o.last)) return title.includes('_of_the_');
    if (c.xpos === 'CC' && g2 > g1) return false; // "X and the Y" coordinates two names
    if (c.xpos === 'CC') {
      // two names coordinated under the mention's head ("the State and Homeland Security Departments")
      const x = c.head;
      if (x >= 0 && words[x].deprel === 'conj' && words[x].head === h && nested.some((o) => o.first === p || (o.first === g2 && p <= o.last))) return false;
    }
    return true;
  };
  let b = h;
  let e = h;
  for (;;) {
    if (nameWord(b - 1)) b--;
    else if (nameWord(b - 2) && joins(b - 1, b - 1)) b -= 2;
    else if (nameWord(b - 3) && joins(b - 2, b - 1)) b -= 3;
    else break;
  }
  for (;;) {
    if (nameWord(e + 1)) e++;
    else if (nameWord(e + 2) && joins(e + 1, e + 1)) e += 2;
    else if (nameWord(e + 3) && joins(e + 1, e + 2)) e += 3;
    else break;
  }
  while (e > b && !isPropn(words[e]) && !/^\d/.test(words[e].form)) e--;
  while (b < e && !isPropn(words[b]) && !/^\d/.test(words[b].form)) b++;
  return [b, e];
}
