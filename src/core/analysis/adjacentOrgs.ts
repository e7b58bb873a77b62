import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Two organisation names with only a space between them are one organisation named with its parent
 * or its town ("Norland State University Student Union", "the Velmar Harbour Rangers"): a list or
 * a new clause would put a comma, a word or a line break between them. Acts after the typer.
 */

/**
 * Joins two organisation names that follow one another with a single space between them (on one
 * line) into one organisation, and a place right before an organisation ("the Denver Orchestra"),
 * unless the organisation is an acronym in capitals (a place's index or body: "the Dunmore PMX").
 * Only a pair is joined: three names or more in a row are a list ("Tags: Velco Dunmore Trust
 * Harvest Bank"), and a name the gazetteer knows alone ("Google", "Barclays") after another stands
 * alone ("London Barclays shares fell", "Velco Microsoft Face Cloud Probe"); before another it may
 * be the parent ("the U.N. Security Council"). Linear in the number of names.
 */
export function joinAdjacentOrgs(text: string, ms: RawMention[], gaz: Gazetteer): void {
  const joinable = (last: RawMention, m: RawMention): boolean =>
    last.kind === 'name' && m.kind === 'name' && (last.type === 'ORG' || (last.type === 'LOC' && m.text !== m.text.toUpperCase())) && m.type === 'ORG' &&
    m.start === last.end + 1 && text.charCodeAt(last.end) === 32;
  const known = (m: RawMention): boolean => gaz.orgs.has(m.text.toLowerCase());
  let n = 0;
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    const next = i + 1 < ms.length ? ms[i + 1] : null;
    const before = i > 0 ? ms[i - 1] : null;
    if (next && joinable(m, next) && !(before && joinable(before, m)) && !(i + 2 < ms.length && joinable(next, ms[i + 2])) && !known(next)) {
      m.type = 'ORG';
      m.canonical = null;
      m.end = next.end;
      m.strength = Math.max(m.strength, next.strength);
      m.text = text.slice(m.start, m.end);
      m.entity = m.text;
      ms[n++] = m;
      i++;
      continue;
    }
    ms[n++] = m;
  }
  ms.length = n;
}

/** A region named by its compass point ("Far East", "Midwest", "South Pacific"). */
const REGION = /^(?:(?:Far|Middle|Near|North|South|East|West|Northern|Southern|Eastern|Western|Central)\b.*|Midwest|Mid-West)$/;

/**
 * A nationality with only a space before a country or a region named by its compass point names
 * one place ("Turkish Cyprus", "the Russian Far East", "the American Midwest"); before a town or a
 * province the nationality stays its own word ("the Ukrainian Kharkiv region"). Linear in the
 * number of names.
 */
export function joinNationalPlaces(text: string, ms: RawMention[], gaz: Gazetteer): void {
  let n = 0;
  for (const m of ms) {
    const last = n > 0 ? ms[n - 1] : null;
    if (last && last.kind === 'name' && m.kind === 'name' && last.type === 'NORP' && m.type === 'LOC' && (gaz.countries.has(m.text.toLowerCase()) || REGION.test(m.text)) && m.start === last.end + 1 && text.charCodeAt(last.end) === 32) {
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
