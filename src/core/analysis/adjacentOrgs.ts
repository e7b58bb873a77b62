import type { RawMention } from './entities';

/**
 * Two organisation names with only a space between them are one organisation named with its parent
 * or its town ("Norland State University Student Union", "the Velmar Harbour Rangers"): a list or
 * a new clause would put a comma, a word or a line break between them. Acts after the typer.
 */

/**
 * Joins organisation names that follow one another with a single space between them (on one line)
 * into one organisation, and a place right before an organisation ("the Denver Orchestra"), unless
 * the organisation is an acronym in capitals (a place's index or body: "the Dunmore PMX"). Linear in
 * the number of names.
 */
export function joinAdjacentOrgs(text: string, ms: RawMention[]): void {
  let n = 0;
  // the joined names, whose text is set once their chain ends (a chain of many names costs its length once)
  const joined: RawMention[] = [];
  for (const m of ms) {
    const last = n > 0 ? ms[n - 1] : null;
    if (last && last.kind === 'name' && m.kind === 'name' && (last.type === 'ORG' || (last.type === 'LOC' && m.text !== m.text.toUpperCase())) && m.type === 'ORG' && m.start === last.end + 1 && text.charCodeAt(last.end) === 32) {
      if (joined.length === 0 || joined[joined.length - 1] !== last) joined.push(last);
      last.type = 'ORG';
      last.canonical = null;
      last.end = m.end;
      last.strength = Math.max(last.strength, m.strength);
      continue;
    }
    ms[n++] = m;
  }
  ms.length = n;
  for (const m of joined) {
    m.text = text.slice(m.start, m.end);
    m.entity = m.text;
  }
}

/**
 * A nationality with only a space before a place names one place ("Turkish Cyprus", "Flemish
 * Brabant"): one place. Linear in the number of names.
 */
export function joinNationalPlaces(text: string, ms: RawMention[]): void {
  let n = 0;
  for (const m of ms) {
    const last = n > 0 ? ms[n - 1] : null;
    if (last && last.kind === 'name' && m.kind === 'name' && last.type === 'NORP' && m.type === 'LOC' && m.start === last.end + 1 && text.charCodeAt(last.end) === 32) {
      last.end = m.end;
      last.text = text.slice(last.start, last.end);
      last.entity = last.text;
      last.type = 'LOC';
      last.canonical = null;
      last.strength = Math.max(last.strength, m.strength);
      continue;
    }
    ms[n++] = m;
  }
  ms.length = n;
}

/**
 * A name of two words or more typed an organisation that ends in "Towers" names a building, a place
 * ("the Norland City Towers"), as "Tower" does for the recogniser ("Velmar Tower"). Linear in the
 * number of names.
 */
export function towersArePlaces(ms: RawMention[]): void {
  for (const m of ms) if (m.kind === 'name' && m.type === 'ORG' && m.text.endsWith(' Towers')) m.type = 'LOC';
}
