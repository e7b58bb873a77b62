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
  form: string;
  xpos: string;
  start: number;
  end: number;
}

interface OpenMention {
  id: string;
  etype: string;
  identity: string;
  first: number;
}

const INNER = new Set(['of', 'for', 'and', 'de', '&']);
/** Person names never join across "of"/"and" ("Wu Chi-wai of the Democratic Party" is a person and an ORG). */
const NO_INNER = new Set<string>();
const TYPE: Record<string, GumName['type'] | undefined> = { person: 'PERSON', organization: 'ORG', place: 'LOC' };
/** Title words dropped from the front of gold person names (CoNLL convention: titles are not part of the name). */
const TITLE_WORDS = new Set(['president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'senator', 'sen.', 'governor', 'gov.', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'professor', 'prof.', 'general', 'gen.', 'judge', 'justice', 'chief', 'executive', 'officer', 'ceo', 'director', 'chairman', 'representative', 'rep.', 'ambassador', 'commissioner', 'spokesman', 'spokeswoman', 'leader', 'lord', 'sir', 'lady', 'saint', 'st.', 'captain', 'colonel', 'lieutenant', 'sergeant', 'admiral', 'the', 'former', 'deputy', 'foreign', 'defense', 'state', 'attorney', 'congressman', 'congresswoman', 'premier', 'emperor', 'chairwoman', 'founder', 'head', 'coach', 'administrator', 'commander', 'astronaut', 'spokesperson', 'minister-president', 'councillor', 'legislator', 'lawmaker', 'chief executive', 'major', 'general']);

/**
 * Gold names: mentions typed person/organization/place whose head is a proper noun. The name is the
 * mention's proper-noun tokens (XPOS NNP/NNPS) not covered by a nested mention with its own identity,
 * taking the last contiguous run and dropping leading title words and a trailing possessive.
 */
export function loadGum(dir: string): GumDoc[] {
  const files = fs.readdirSync(path.join(dir, 'conllu')).filter((f) => f.endsWith('.conllu')).sort();
  return files.map((f) => parseDoc(f.replace(/\.conllu$/, ''), fs.readFileSync(path.join(dir, 'conllu', f), 'utf8')));
}

function parseDoc(name: string, src: string): GumDoc {
  let text = '';
  const words: Word[] = [];
  const spans: Array<{ first: number; last: number; etype: string; identity: string; group: string }> = [];
  const open = new Map<string, OpenMention[]>();
  let mwtEnd = -1;
  let mwtSpaceAfter = true;
  let sentStartWord = 0;
  const lines = src.split('\n');
  for (const line of lines) {
    if (line.startsWith('# newpar') && text.length > 0) {
      text = text.replace(/ $/, '') + '\n\n';
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (words.length > sentStartWord && !text.endsWith('\n') && !text.endsWith(' ')) text += ' ';
      sentStartWord = words.length;
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    if (cols[0].includes('-')) {
      const [, b] = cols[0].split('-');
      mwtEnd = Number(b);
      mwtSpaceAfter = !cols[9].includes('SpaceAfter=No');
      continue;
    }
    if (cols[0].includes('.')) continue;
    const id = Number(cols[0]);
    const form = cols[1];
    const start = text.length;
    text += form;
    const w: Word = { form, xpos: cols[4], start, end: text.length };
    const wi = words.length;
    words.push(w);
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
    if (ent) {
      // (id-etype-infstat-salience-centering-minspan-link[-identity] ... id)
      const v = ent[1];
      let i = 0;
      while (i < v.length) {
        if (v[i] === '(') {
          let j = i + 1;
          let depth = 0;
          while (j < v.length) {
            if (v[j] === '(' && depth === 0 && j > i + 1 && /\d/.test(v[j + 1] ?? '') && /-/.test(v.slice(j, j + 6))) break;
            if (v[j] === '(') depth++;
            if (v[j] === ')') {
              if (depth === 0) break;
              depth--;
            }
            j++;
          }
          const body = v.slice(i + 1, j);
          const parts = body.split('-');
          const mid = parts[0];
          const etype = parts[1] ?? '';
          const identity = parts.length >= 8 ? parts.slice(7).join('-') : '';
          const closesHere = v[j] === ')';
          if (closesHere) {
            spans.push({ first: wi, last: wi, etype, identity, group: mid });
            i = j + 1;
          } else {
            const list = open.get(mid) ?? [];
            list.push({ id: mid, etype, identity, first: wi });
            open.set(mid, list);
            i = j;
          }
        } else {
          const m = /^(\d+)\)/.exec(v.slice(i));
          if (m) {
            const list = open.get(m[1]);
            const o = list?.pop();
            if (o) spans.push({ first: o.first, last: wi, etype: o.etype, identity: o.identity, group: o.id });
            i += m[0].length;
          } else {
            i++;
          }
        }
      }
    }
  }
  // a hyphen written without spaces between two proper nouns belongs to the name ("Lee Cheuk-yan")
  for (let k = 1; k + 1 < words.length; k++) {
    const w = words[k];
    if (w.xpos === 'HYPH' && words[k - 1].end === w.start && w.end === words[k + 1].start && isPropn(words[k - 1])) {
      w.xpos = 'HYPH-IN-NAME';
      if (!isPropn(words[k + 1]) && /^\p{L}/u.test(words[k + 1].form)) words[k + 1].xpos = 'NNP';
    }
  }
  const names: GumName[] = [];
  const idSpans = spans.filter((s) => TYPE[s.etype] !== undefined);
  for (const s of idSpans) {
    // a nested name counts as a separate name only when more proper nouns follow it ("US President Donald Trump");
    // "University of Texas" stays whole
    const covered = new Set<number>();
    for (const o of idSpans) {
      if (o === s) continue;
      // only places are split off the front ("US President Donald Trump"); "Andy Warhol Foundation" stays one ORG
      if (o.first >= s.first && o.last < s.last && (o.first > s.first || o.last < s.last) && o.identity !== '' && o.etype === 'place') {
        let k = o.last + 1;
        while (k <= s.last && !isPropn(words[k])) k++;
        const adjacentOf = o.first > s.first && INNER.has(words[o.first - 1].form);
        if (k <= s.last && !adjacentOf) for (let x = o.first; x <= o.last; x++) covered.add(x);
      }
    }
    // last contiguous run of proper nouns not covered by nested names (persons: the first run, their head)
    let e = s.last;
    const person = s.etype === 'person';
    if (person) {
      let f = s.first;
      while (f <= s.last && !(isPropn(words[f]) && !covered.has(f) && !TITLE_WORDS.has(words[f].form.toLowerCase()))) f++;
      if (f > s.last) continue;
      e = f;
      while (e + 1 <= s.last && isPropn(words[e + 1]) && !covered.has(e + 1)) e++;
    }
    while (e >= s.first && !(isPropn(words[e]) && !covered.has(e))) e--;
    if (e < s.first) continue;
    let b = e;
    const inner = s.etype === 'person' ? NO_INNER : INNER;
    for (;;) {
      if (b - 1 >= s.first && isPropn(words[b - 1]) && !covered.has(b - 1)) b--;
      else if (b - 2 >= s.first && inner.has(words[b - 1].form) && isPropn(words[b - 2]) && !covered.has(b - 2)) b -= 2;
      else if (b - 3 >= s.first && words[b - 1].form === 'the' && inner.has(words[b - 2].form) && isPropn(words[b - 3]) && !covered.has(b - 3)) b -= 3;
      else break;
    }
    while (b < e && TITLE_WORDS.has(words[b].form.toLowerCase())) b++;
    if (TITLE_WORDS.has(words[b].form.toLowerCase())) continue;
    const start = words[b].start;
    const end = words[e].end;
    // the proper nouns must be the mention's head: the name ends the mention or is followed only by a possessive
    let after = e + 1;
    while (after <= s.last && (words[after].xpos === 'POS' || /^[.,]$/.test(words[after].form))) after++;
    if (after <= s.last && s.identity === '' && !(person && words[after].form === 'of')) continue;
    names.push({ start, end, text: text.slice(start, end), type: TYPE[s.etype]!, identity: s.identity !== '' ? s.identity : `${name}#${s.group}`, wikipedia: s.identity !== '' });
  }
  names.sort((x, y) => x.start - y.start);
  const dedup: GumName[] = [];
  for (const n of names) if (!dedup.some((d) => d.start === n.start && d.end === n.end)) dedup.push(n);
  // CoNLL does not nest names: a name inside a longer one ("Andy Warhol" in "Andy Warhol Foundation") is not separate
  const flat = dedup.filter((n) => !dedup.some((o) => o !== n && o.start <= n.start && n.end <= o.end && o.end - o.start > n.end - n.start));
  dedup.length = 0;
  dedup.push(...flat);
  return { name, text, names: dedup };
}

function isPropn(w: Word): boolean {
  return ((w.xpos === 'NNP' || w.xpos === 'NNPS') && /\p{L}/u.test(w.form)) || w.xpos === 'HYPH-IN-NAME';
}
