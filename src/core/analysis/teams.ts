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
  if (digitDashes(text, '-') + digitDashes(text, '–') < MIN_SCORES) return false;
  // matchAll works on a copy of the expression: the shared constants keep no state
  let scores = 0;
  for (const _ of text.matchAll(SCORE)) if (++scores >= MIN_SCORES) break;
  if (scores < MIN_SCORES) return false;
  let words = 0;
  for (const _ of text.matchAll(SPORT_WORD)) if (++words >= MIN_SPORT_WORDS) break;
  return words >= MIN_SPORT_WORDS;
}

/**
 * How many `dash` characters stand between digits, a space allowed on either side ("2-1", "3 – 0"), up
 * to MIN_SCORES: every result SCORE finds holds its own, so fewer means fewer results, and most texts are
 * settled without running SCORE over them.
 */
function digitDashes(text: string, dash: string): number {
  const digit = (k: number): boolean => k >= 0 && k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  let n = 0;
  for (let p = text.indexOf(dash); p >= 0 && n < MIN_SCORES; p = text.indexOf(dash, p + 1)) {
    const before = digit(p - 1) || (text.charCodeAt(p - 1) === 32 && digit(p - 2));
    if (before && (digit(p + 1) || (text.charCodeAt(p + 1) === 32 && digit(p + 2)))) n++;
  }
  return n;
}

/** Whether the text names a sport in its headline or first lines ("SOCCER - ..."). */
export function namesASportAtStart(text: string): boolean {
  return SPORT_NAME.test(text.slice(0, HEAD_CHARS));
}

/**
 * News of a sport played by individuals (tennis, golf, boxing, athletics ...): its names are players,
 * not clubs. The typer, trained on team sports' tables and match reports, may read a player named
 * like a place ("Wimbledon finalist Tarek Lisbon", "said Lisbon") as a place or a team; there a
 * name the rules typed a person stays a person.
 */
const INDIVIDUAL_SPORT = /\b(?:tennis|golf|boxing|squash|badminton|athletics|skiing|snooker|chess)\b/i;

/** Whether the text names a sport played by individuals in its headline or first lines. */
export function namesAnIndividualSport(text: string): boolean {
  return INDIVIDUAL_SPORT.test(text.slice(0, HEAD_CHARS));
}

/** Whether the text names a sport near its start and uses a few sports words. */
export function namesItsSport(text: string): boolean {
  if (!SPORT_NAME.test(text.slice(0, HEAD_CHARS))) return false;
  let words = 0;
  for (const _ of text.matchAll(SPORT_WORD)) if (++words >= MIN_SPORT_WORDS / 2) break;
  return words >= MIN_SPORT_WORDS / 2;
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

/**
 * "All" written capitalised inside a sentence opens the name after it ("the All Greens", "before All
 * Green hooker Randy Quist ...", "a first All Green series win"): the word "all" never takes a
 * capital there otherwise. At a sentence's start ("All Greens fans ...", "All Saturday's games")
 * it tells nothing, and is left alone.
 */
export function isAfterCapitalAll(text: string, m: RawMention): boolean {
  if (m.kind !== 'name' || m.start < 6 || text.charCodeAt(m.start - 4) !== 65 || text.slice(m.start - 4, m.start) !== 'All ') return false;
  return /[\p{L}\d,;] $/u.test(text.slice(m.start - 6, m.start - 4));
}

/** A name after "and" or "or": "[Zorgans] and Bristol". */
const AND_AFTER = /^ (?:and|or) (\p{Lu}\p{Ll}+)\b/u;
/** A name before "and" or "or": "Bath and [Zorgans]". */
const AND_BEFORE = /\b(\p{Lu}\p{Ll}+) (?:and|or) $/u;
/** Counting words before a plural: "three Tests", "both Internationals" name no club. */
const COUNT_BEFORE = /\b(?:two|three|four|five|six|seven|eight|nine|ten|both|all|several|many|some|few|\d+)\s$/i;

/**
 * A club named by a plural without "the", mid-sentence and coordinated with a town or another
 * plural ("narrow successes for [Zorgans] and Bristol", "Bath and [Quintels] drew"), in sports news:
 * clubs are named beside clubs. A known surname or given name ("Roberts and Leeds"), a people, a
 * country or a place is no such club, nor a word after a number ("three Tests and Oxford").
 */
export function isPluralClubBesideClub(text: string, m: RawMention, gaz: Gazetteer): boolean {
  if (m.kind !== 'name' || m.start < 2 || m.text.charCodeAt(m.text.length - 1) !== 115 || !/^\p{Lu}\p{Ll}+[^s']s$/u.test(m.text)) return false;
  const after = AND_AFTER.exec(text.slice(m.end, m.end + 30));
  const before = after ? null : AND_BEFORE.exec(text.slice(Math.max(0, m.start - 30), m.start));
  const other = (after ?? before)?.[1].toLowerCase();
  if (other === undefined || !(gaz.places.has(other) || /[^s']s$/.test(other))) return false;
  // mid-sentence: a lower-case word, a comma or "and" before the name
  const prev = text.slice(Math.max(0, m.start - 12), m.start);
  if (!/[\p{Ll},] $/u.test(prev) || COUNT_BEFORE.test(prev)) return false;
  const lower = m.text.toLowerCase();
  return !gaz.norp.has(lower) && !gaz.countries.has(lower) && !gaz.places.has(lower) && !gaz.lastNames.has(lower) && !gaz.firstNames.has(lower);
}
