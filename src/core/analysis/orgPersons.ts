import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Organisations and people written one after the other. News often puts a person's name right
 * after the organisation they belong to, with no comma ("a student at Norland State University
 * Amira Velkov said ...", "the Varnia Heritage Institute Tomas Kerel"); the recogniser reads the
 * capitalised run as one organisation when the person's given name is unknown to it. Acts after
 * the typer, on the document's names.
 */

/** Longest organisation looked at, in words (bounds the work per name). */
const MAX_WORDS = 10;

/** Words that join the words of a name, never a person's given name or surname. */
const JOINERS = new Set(['of', 'for', 'on', 'and', 'the', 'de', 'del', 'di', 'da', 'du', 'van', 'von', 'der', 'la', 'le', '&']);

/**
 * A name typed an organisation that ends in two capitalised words which are neither English words
 * nor organisation words, after an organisation's name of two words or more holding an organisation
 * word ("Norland State University Amira Velkov"), is that organisation followed by a person, when
 * the document names the person elsewhere: the two words, or the surname alone when no other person
 * named in full bears it ("Velkov said"; not "Bank of Norland Merrill Lynch" ... "Loretta Lynch" ...
 * "Lynch said"). The organisation keeps its own words; the person is a new name. Linear in the number of names.
 */
export function splitPersonAfterOrg(ms: RawMention[], gaz: Gazetteer): void {
  const persons = new Set<string>();
  // surnames of people named in full: "Lynch" alone may be another Lynch ("Loretta Lynch")
  const fullSurnames = new Set<string>();
  let candidates = false;
  for (const m of ms) {
    if (m.kind !== 'name') continue;
    if (m.type === 'PERSON') {
      persons.add(m.text);
      const sp = m.text.lastIndexOf(' ');
      if (sp > 0) fullSurnames.add(m.text.slice(sp + 1));
    }
    else if (m.type === 'ORG' && m.text.length > 20) candidates = true;
  }
  if (!candidates || persons.size === 0) return;
  let out: RawMention[] | null = null;
  for (let x = 0; x < ms.length; x++) {
    const m = ms[x];
    const split = m.kind === 'name' && m.type === 'ORG' ? personAt(m.text, persons, fullSurnames, gaz) : -1;
    if (split < 0) {
      if (out) out.push(m);
      continue;
    }
    out ??= ms.slice(0, x);
    const personText = m.text.slice(split);
    const person: RawMention = { ...m, start: m.start + split, text: personText, type: 'PERSON', entity: personText, strength: 2, canonical: null, linkedTo: -1 };
    let e = split;
    while (e > 0 && m.text.charCodeAt(e - 1) === 32) e--;
    m.end = m.start + e;
    m.text = m.text.slice(0, e);
    m.entity = m.text;
    out.push(m, person);
  }
  if (!out) return;
  ms.length = 0;
  for (const m of out) ms.push(m);
}

/** The offset in an organisation's name where a person named elsewhere in the document starts, or -1. */
function personAt(text: string, persons: ReadonlySet<string>, fullSurnames: ReadonlySet<string>, gaz: Gazetteer): number {
  const words = text.split(' ');
  const n = words.length;
  if (n < 4 || n > MAX_WORDS) return -1;
  const given = words[n - 2];
  const surname = words[n - 1];
  for (const w of [given, surname]) {
    const lw = w.toLowerCase();
    if (!/^\p{Lu}\p{Ll}+$/u.test(w) || gaz.vocab.has(lw) || gaz.orgWords.has(lw) || gaz.knowsPlaceOrOrg(lw) || gaz.norp.has(lw)) return -1;
  }
  // named in full elsewhere, or by the surname alone when nobody else in the document bears it
  if (!persons.has(`${given} ${surname}`) && !(persons.has(surname) && !fullSurnames.has(surname))) return -1;
  // the organisation before: two words or more, one an organisation word, no joiner at its end
  const org = words.slice(0, n - 2);
  if (org.length < 2 || JOINERS.has(org[org.length - 1].toLowerCase())) return -1;
  if (!org.some((w) => gaz.orgWords.has(w.toLowerCase()))) return -1;
  return text.length - given.length - surname.length - 1;
}
