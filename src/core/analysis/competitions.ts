/**
 * Competitions in sports news. In results, standings and match reports a league, division or group
 * is the competition the teams play in ("the Continental League Central", "NORLAND FIRST DIVISION",
 * "World Group II", "Division B"), an event like a cup (MISC), no organisation; elsewhere a league
 * or a division is a body ("the Arab League", "an Airborne Division", and GUM's "Major League
 * Baseball" in a biography), so the rule holds only in sports news: a text that names its sport
 * and uses sports words (`namesItsSport`), or, for a heading or a table's label (in capitals or
 * opening a line: "NORLAND LEAGUE", "World Group II, first round"), a text that names its sport in
 * its first lines (results tables have few sports words). A cup named after a plural possessive
 * ("the Southern Nations' Cup", "the Cup Winners' Cup") is one event, in any text: the name before
 * the apostrophe is no organisation of its own.
 */

/** Words that make a name a competition in sports news: its head, possibly with qualifiers after it. */
const COMPETITION_HEADS = new Set(['league', 'division', 'group', 'tournament']);

/** Words that may follow the head: a section, a letter or a number, the sport ("Central", "B", "II", "Baseball"). */
const QUALIFIERS = new Set([
  'central', 'east', 'eastern', 'west', 'western', 'north', 'northern', 'south', 'southern',
  'one', 'two', 'three', 'four', 'i', 'ii', 'iii', 'iv', 'a', 'b', 'c', 'd',
  'baseball', 'football', 'soccer', 'hockey', 'basketball', 'rugby', 'cricket',
]);

/** At most this many qualifiers after the head. */
const MAX_QUALIFIERS = 2;

/** Whether a name is written like a competition: its last word, or a word before at most two qualifiers, is a competition head. Cheap; no text scan. */
export function looksLikeCompetition(name: string): boolean {
  const words = name.split(' ');
  for (let k = words.length - 1, q = 0; k >= 0 && q <= MAX_QUALIFIERS; k--, q++) {
    const w = words[k].toLowerCase();
    if (COMPETITION_HEADS.has(w)) return true;
    if (!QUALIFIERS.has(w)) return false;
  }
  return false;
}

/** A plural possessive and an event word after a name: "[Southern Nations]' Cup", "[Cup Winners]' Cup". */
// only a sports prize's words: "the Steelworkers' Series of strikes", "the Teamsters' Games" name no event
const PLURAL_POSSESSIVE_EVENT = /^' (?:Cup|Championships?|Trophy)\b/;

/** Whether the name ending at `end` (in "s") opens a cup named after a plural possessive. */
export function opensPossessiveEvent(text: string, name: string, end: number): boolean {
  return name.charCodeAt(name.length - 1) === 115 && PLURAL_POSSESSIVE_EVENT.test(text.slice(end, end + 16));
}

/** Sports and the words for a sports event, alone no name of a person, organisation or place ("SQUASH - ...", "STANDINGS AFTER THURSDAY'S GAMES"). */
const SPORT_OR_EVENT_WORDS = new Set([
  'soccer', 'football', 'cricket', 'baseball', 'basketball', 'tennis', 'golf', 'rugby', 'hockey', 'athletics', 'cycling', 'boxing',
  'squash', 'badminton', 'skiing', 'snooker', 'swimming', 'rowing', 'games', 'cup', 'open', 'series', 'championship', 'championships', 'tournament',
]);

/** Whether a one-word name is a sport or the word for a sports event, which names nobody. */
export function isSportOrEventWord(name: string): boolean {
  return name.length <= 13 && !name.includes(' ') && SPORT_OR_EVENT_WORDS.has(name.toLowerCase());
}

/** A cup after a name in capitals: "[VELMAR BANK] CUP", whose headline rule left "CUP" out as a common word. */
const CUP_AFTER = /^ CUP\b/;

/** Whether the name ending at `end` opens a cup's name written in capitals. */
export function opensCupInCapitals(text: string, end: number): boolean {
  return CUP_AFTER.test(text.slice(end, end + 5));
}
