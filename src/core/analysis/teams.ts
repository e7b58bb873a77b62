import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Countries as sports teams. In a match report "Sweden defeated South Korea 1 – 0" and "Belgium's
 * Dries Mertens" name national teams, which are organisations; "at the Fisht Stadium in Sochi" and
 * "fans in England" stay places. A document counts as a match report only with several results
 * ("1 – 0", "3-1") and several sports words, so news that mentions a match in passing is unchanged.
 */
const SCORE = /(?:^|[^\d\p{L}.,:/–-])\d{1,2} ?[–-] ?\d{1,2}(?![\d\p{L}.,:/–-])/gu;
const SPORT_WORD = /\b(?:goals?|scored|scoring|penalty|penalties|striker|midfielder|goalkeeper|defender|referee|match|matches|tournament|world cup|league|coach|kick|free-kick|header|equali[sz]e[rd]?|qualif(?:ier|ying)|knockout|group stage|semi-finals?|quarter-finals?|final whistle|half-time|innings|wickets?|touchdowns?|home side|away side)\b/gi;
/** Prepositions that make a country a place even in a match report. */
const LOCATIVE = /(?:^|\s)(?:in|at|near|across|throughout|inside|within|around|from|into|toward|towards|visit(?:ed|ing)?|host(?:ed|s|ing)?)\s+(?:the\s+)?$/i;
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

/** Retype country names as ORG (national teams) in a match report, except after a locative preposition. */
export function countriesAsTeams(text: string, mentions: RawMention[], gaz: Gazetteer): void {
  if (!mentions.some((m) => m.kind === 'name' && m.type === 'LOC' && gaz.countries.has(m.text.toLowerCase()))) return;
  if (!isMatchReport(text)) return;
  for (const m of mentions) {
    if (m.kind !== 'name' || m.type !== 'LOC' || !gaz.countries.has(m.text.toLowerCase())) continue;
    if (LOCATIVE.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
    m.type = 'ORG';
  }
}

/** Words after a place that make it a team: "Surrey captain Chris Lewis", "Nice's home defeat", "Cleveland 5". */
const TEAM_AFTER = /^(?:'s?\s+|\u2019s?\s+)?(?:captain|coach|manager|batsman|batsmen|bowler|all-rounder|opener|striker|midfielder|goalkeeper|defender|skipper|fans|squad|home (?:defeat|win)|away (?:defeat|win)|\d{1,3}-\d{1,2}\b|\d{1,3}\s+for\s+\d)/i;
/** Words before a place that make it a team: "beat Surrey", "title rivals Essex", "played for Nice". */
const TEAM_BEFORE = /\b(?:beat|beating|thrashed|defeated|against|over|v|vs\.?|played for|joined|rivals|hopefuls|champions|leaders|side|club)\s+$/i;
const MIN_SPORT_WORDS_PLACES = 4;

/**
 * Places as sports teams ("Surrey", "Nice", "Cleveland"): in a text about sport, a place the text
 * once uses as a team (before "captain" or a score, after "beat" or "rivals") is that team in all
 * its mentions, except after a locative preposition ("at Surrey's ground" stays a team, "in Nice" a place).
 * Countries are left to countriesAsTeams.
 */
export function placesAsTeams(text: string, mentions: RawMention[], gaz: Gazetteer): void {
  const isPlace = (m: RawMention): boolean => m.kind === 'name' && m.type === 'LOC' && !gaz.countries.has(m.text.toLowerCase());
  if (!mentions.some(isPlace)) return;
  let words = 0;
  for (const _ of text.matchAll(SPORT_WORD)) if (++words >= MIN_SPORT_WORDS_PLACES) break;
  if (words < MIN_SPORT_WORDS_PLACES) return;
  const teams = new Set<string>();
  for (const m of mentions) {
    if (!isPlace(m)) continue;
    const after = text.slice(m.end, m.end + 24);
    const before = text.slice(Math.max(0, m.start - 24), m.start);
    if ((TEAM_AFTER.test(after.replace(/^\s+/, '')) && /^(?:\s|'|\u2019)/.test(after)) || TEAM_BEFORE.test(before)) teams.add(m.text.toLowerCase());
  }
  if (teams.size === 0) return;
  for (const m of mentions) {
    if (!isPlace(m) || !teams.has(m.text.toLowerCase())) continue;
    if (LOCATIVE.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
    m.type = 'ORG';
  }
}
