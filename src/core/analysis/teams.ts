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
