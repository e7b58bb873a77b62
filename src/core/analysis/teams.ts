import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Places as sports teams. In sports news "Surrey closed on 429 for seven", "Cleveland's lead over the
 * White Sox" and "joined Milan from Torino" name clubs, which are organisations; a town, county or
 * state there is a team unless a locative preposition makes it a place ("at Trent Bridge,
 * Nottingham", "a hero in Turin"). Sports news is a text that names a sport in its first 300
 * characters and uses a few sports words, or a match report.
 *
 * Countries as sports teams. In a match report "Sweden defeated South Korea 1 – 0" and "Belgium's
 * Dries Mertens" name national teams, which are organisations; "at the Fisht Stadium in Sochi" and
 * "fans in England" stay places. A document counts as a match report only with several results
 * ("1 – 0", "3-1") and several sports words, so news that mentions a match in passing is unchanged.
 */
const SCORE = /(?:^|[^\d\p{L}.,:/–-])\d{1,2} ?[–-] ?\d{1,2}(?![\d\p{L}.,:/–-])/gu;
const SPORT_WORD = /\b(?:goals?|scored|scoring|penalty|penalties|striker|midfielder|goalkeeper|defender|referee|match|matches|tournament|world cup|league|coach|kick|free-kick|header|equali[sz]e[rd]?|qualif(?:ier|ying)|knockout|group stage|semi-finals?|quarter-finals?|final whistle|half-time|innings|wickets?|touchdowns?|home side|away side)\b/gi;
/** Prepositions that make a place or a country a place even in sports news ("(at Oxford", "in Turin"). */
const LOCATIVE = /(?:^|[\s(])(?:in|at|near|across|throughout|inside|within|around|from|into|toward|towards|visit(?:ed|ing)?|host(?:ed|s|ing)?)\s+(?:the\s+)?$/i;
/** Names of sports: a text that names its sport ("SOCCER - ...", "cricket") and uses sports words is sports news. */
const SPORT_NAME = /\b(?:soccer|football|cricket|baseball|basketball|tennis|golf|rugby|hockey|athletics|cycling|motor racing|formula one|boxing|squash|badminton)\b/i;
/** Sports news names its sport in its headline or first lines; only those are searched for it. */
const HEAD_CHARS = 300;
const MIN_SCORES = 2;
const MIN_SPORT_WORDS = 6;

export function isMatchReport(text: string): boolean {
  // matchAll works on a copy of the expression: the shared constants keep no state
  let scores = 0;
  for (const _ of text.matchAll(SCORE)) if (++scores >= MIN_SCORES) break;
  if (scores < MIN_SCORES) return false;
  let words = 0;
  for (const _ of text.matchAll(SPORT_WORD)) if (++words >= MIN_SPORT_WORDS) break;
  return words >= MIN_SPORT_WORDS;
}

/** Whether the text names a sport near its start and uses a few sports words. */
export function namesItsSport(text: string): boolean {
  if (!SPORT_NAME.test(text.slice(0, HEAD_CHARS))) return false;
  let words = 0;
  for (const _ of text.matchAll(SPORT_WORD)) if (++words >= MIN_SPORT_WORDS / 2) break;
  return words >= MIN_SPORT_WORDS / 2;
}

/** Whether the text names a sport near its start ("SOCCER - NORLAND LEAGUE RESULTS."), sports words or not: results tables have few. */
export function namesASport(text: string): boolean {
  return SPORT_NAME.test(text.slice(0, HEAD_CHARS));
}

/**
 * Retype places as ORG (teams) in sports news, and country names (national teams) only in a match
 * report, except after a locative preposition or a place kept as a place ("Trent Bridge, Nottingham").
 */
export function countriesAsTeams(text: string, mentions: RawMention[], gaz: Gazetteer): void {
  let places = false;
  let countries = false;
  for (const m of mentions) {
    if (m.kind !== 'name' || m.type !== 'LOC') continue;
    if (gaz.countries.has(m.text.toLowerCase())) countries = true;
    else places = true;
  }
  if (!places && !countries) return;
  // the cheap test first: most texts name no sport
  const named = namesItsSport(text);
  const match = (countries || (places && named)) && isMatchReport(text);
  if (!match && !(places && named)) return;
  // the end of the last place kept a place: "at Trent Bridge, Nottingham" keeps both
  let placeEnd = -1;
  for (const m of mentions) {
    if (m.kind !== 'name' || m.type !== 'LOC') continue;
    if (gaz.countries.has(m.text.toLowerCase()) && !match) continue;
    if (LOCATIVE.test(text.slice(Math.max(0, m.start - 24), m.start)) || (placeEnd >= 0 && /^,\s?$/.test(text.slice(placeEnd, m.start)))) {
      placeEnd = m.end;
      continue;
    }
    m.type = 'ORG';
  }
}

/** A plural after "the" and "and" or "or" before the name: "the Braves and [Cubs]". */
const CLUB_AFTER_THE = /\b[Tt]he (?:\p{Lu}\p{Ll}+ )?\p{Lu}\p{Ll}+s (?:and|or) $/u;

/** A word for a club's side or one of its players after the name: "[Cubs] shortstop", "his [Saracens] side". */
const CLUB_ROLE = /^ (?:side|team|squad|shortstop|pitcher|catcher|outfielder|infielder|manager|coach|quarterback|striker|midfielder|defender|goalkeeper|fans|supporters)\b/;

/**
 * A club named by a plural ("the Cubs", "the All Blacks", "the Red Sox"): one or two capitalised
 * words ending in "s", after "the" (or after "the Braves and"), or before a word for its side or
 * its players ("Cubs shortstop", "his Saracens side"), in sports news. Peoples ("the Belgians"),
 * countries ("the Netherlands") and places are not clubs.
 */
export function isPluralClub(text: string, m: RawMention, gaz: Gazetteer): boolean {
  if (m.kind !== 'name' || m.start < 4) return false;
  const t = m.text;
  const last = t.charCodeAt(t.length - 1);
  if (last !== 115 || t.endsWith('ss') || t.charCodeAt(t.length - 2) === 39 || /[A-Z]{2}/.test(t)) return false;
  const words = t.split(' ');
  if (words.length > 2 || words.some((w) => !/^\p{Lu}\p{Ll}/u.test(w))) return false;
  const before = text.slice(m.start - 4, m.start);
  if (before !== 'the ' && before !== 'The ' && !CLUB_AFTER_THE.test(text.slice(Math.max(0, m.start - 40), m.start)) && !CLUB_ROLE.test(text.slice(m.end, m.end + 16))) return false;
  const lower = t.toLowerCase();
  return !gaz.norp.has(lower) && !gaz.countries.has(lower) && !gaz.places.has(lower);
}
