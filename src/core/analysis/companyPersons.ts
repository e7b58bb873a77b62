import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Companies that look like people. A name of two words or more reads like a given name and a
 * surname ("Velmar Chemical", "Okafor Medical"), and the typer may make it a person; the document
 * names the company in full elsewhere ("the Velmar Chemical Co", "Okafor Medical Industries Inc"),
 * so the short name is that company. Acts after the typer, on the document's names.
 */

/**
 * Words that, after a person's name, make an institution named after that person ("the Arvind
 * Kesari Trust Inc", "the Azra Velmani Foundation", "the Omar Delani Development Network"): the
 * name before them stays a person.
 */
const EPONYM_HEADS = new Set([
  'trust', 'foundation', 'fund', 'institute', 'institution', 'centre', 'center', 'network', 'prize', 'award', 'awards',
  'school', 'college', 'university', 'academy', 'hospital', 'clinic', 'museum', 'memorial', 'library', 'development',
  'charitable', 'family', 'estate', 'society', 'endowment', 'scholarship', 'scholars', 'chair', 'lecture',
]);

/** Longest company name looked at, in words (names are short; this bounds the work per name). */
const MAX_WORDS = 8;

/**
 * A name typed a person that is the opening words (two or more) of an organisation named in full in
 * the document, ending in an organisation word or a legal form ("Velmar Chemical" ... "The Velmar
 * Chemical Co"), is that organisation, unless it opens with a known given name ("Walt Disney" ...
 * "Walt Disney Co" may be the man). Linear in the number of names.
 */
export function shortCompanyNames(ms: RawMention[], gaz: Gazetteer): void {
  let persons = false;
  const prefixes = new Set<string>();
  for (const m of ms) {
    if (m.kind !== 'name') continue;
    if (m.type === 'PERSON') {
      persons ||= m.text.includes(' ');
      continue;
    }
    if (m.type !== 'ORG') continue;
    const words = m.text.toLowerCase().split(' ');
    if (words[0] === 'the') words.shift();
    if (words.length < 3 || words.length > MAX_WORDS || !gaz.orgWords.has(words[words.length - 1].replace(/\./g, ''))) continue;
    // "the Arvind Kesari Trust Inc", "the Azra Velmani Foundation": an institution named after a person is not the person
    for (let k = 2; k < words.length; k++) if (!EPONYM_HEADS.has(words[k])) prefixes.add(words.slice(0, k).join(' '));
  }
  if (!persons || prefixes.size === 0) return;
  for (const m of ms) {
    if (m.kind !== 'name' || m.type !== 'PERSON') continue;
    const sp = m.text.indexOf(' ');
    if (sp < 0) continue;
    const key = m.text.toLowerCase();
    if (!prefixes.has(key) || gaz.firstNames.has(key.slice(0, sp))) continue;
    m.type = 'ORG';
    m.strength = 3;
  }
}

/**
 * Makers named in pairs: a racing car's chassis and engine ("Varnot Kessler", "Brask Kessler", "Varnot
 * Ostwald-Rhein", "Quellin Ostwald-Rhein"). Read as given names and surnames they cross: one "given
 * name" with several "surnames", and one of those "surnames" with several "given names", which a
 * family rarely does ("Mark Baranek", "Steve Baranek", "Mark Dunmore" only with known given names). A
 * word that is no known given name nor an initial and opens two names or more typed persons, one of whose other
 * words also follow another first word and are no known surname, makes all the names linked to it
 * by a shared first word or a shared remainder organisations. Linear in the number of names.
 */
/** A first word that may be a maker's: letters only, three or more (no initial). */
const WORD = /^\p{L}{3,}$/u;

export function makerPairs(ms: RawMention[], gaz: Gazetteer): void {
  const split = new Map<RawMention, [string, string]>();
  const rests = new Map<string, Set<string>>();
  const firsts = new Map<string, Set<string>>();
  for (const m of ms) {
    if (m.kind !== 'name' || m.type !== 'PERSON') continue;
    const key = m.text.toLowerCase();
    const sp = key.indexOf(' ');
    if (sp < 0 || key.length > 80) continue;
    const f = key.slice(0, sp);
    const r = key.slice(sp + 1);
    split.set(m, [f, r]);
    let rs = rests.get(f);
    if (!rs) rests.set(f, (rs = new Set()));
    rs.add(r);
    let fs = firsts.get(r);
    if (!fs) firsts.set(r, (fs = new Set()));
    fs.add(f);
  }
  if (split.size < 3) return;
  // first words that seed a grid of makers
  const seenF = new Set<string>();
  const seenR = new Set<string>();
  const queue: string[] = [];
  for (const [f, rs] of rests) {
    // an initial ("M. Dunmore", "S. Dunmore", "M. Baranek") is a given name
    if (rs.size < 2 || gaz.firstNames.has(f) || !WORD.test(f)) continue;
    let crossed = false;
    for (const r of rs) if (firsts.get(r)!.size >= 2 && !gaz.lastNames.has(r)) crossed = true;
    if (crossed) {
      seenF.add(f);
      queue.push(f);
    }
  }
  if (queue.length === 0) return;
  // every name linked to a seed by shared first words or remainders (each word visited once)
  while (queue.length > 0) {
    const f = queue.pop()!;
    for (const r of rests.get(f)!) {
      if (seenR.has(r)) continue;
      seenR.add(r);
      for (const g of firsts.get(r)!) {
        if (seenF.has(g)) continue;
        seenF.add(g);
        queue.push(g);
      }
    }
  }
  for (const [m, [f, r]] of split) {
    if (seenF.has(f) && seenR.has(r)) {
      m.type = 'ORG';
      m.strength = 3;
    }
  }
}

/** An acronym joined by a hyphen to a capitalised word: "KDP-Dunmore", "Velmar-KDP". */
const ACRONYM_COMPOUND = /^(?:\p{Lu}{2,5}-\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+-\p{Lu}{2,5})$/u;

/**
 * One word joining an acronym and a name by a hyphen, typed a person ("KDP-Dunmore"), is a joint
 * venture or consortium, an organisation; and the name alone, typed a person elsewhere in the
 * document ("press distributor Dunmore"), is one of its partners, an organisation too. Linear.
 */
export function acronymCompounds(ms: RawMention[]): void {
  const partners = new Set<string>();
  for (const m of ms) {
    if (m.kind !== 'name' || m.type !== 'PERSON' || m.text.length > 40 || !ACRONYM_COMPOUND.test(m.text)) continue;
    m.type = 'ORG';
    m.strength = 3;
    for (const part of m.text.split('-')) if (/\p{Ll}/u.test(part)) partners.add(part);
  }
  if (partners.size === 0) return;
  for (const m of ms) {
    if (m.kind === 'name' && m.type === 'PERSON' && partners.has(m.text)) {
      m.type = 'ORG';
      m.strength = 3;
    }
  }
}
