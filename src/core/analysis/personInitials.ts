import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Initials written without periods before a surname ("a paper by AS Kowalczyk in 1989"): the
 * recogniser reads two capitals as an acronym or a common word ("AS"), so the person's name loses
 * them. Acts after the typer; looks only at the five characters before each person's name.
 */

/** Two capitals, then a space, right before a name, after a lower-case word (prose: "by AS Kowalczyk"). */
const INITIALS_BEFORE = /\p{Ll} (\p{Lu}{2}) $/u;

/** Two-letter abbreviations of common words, which a sentence runs into a name ("speaking on TV Sunak said"). */
const COMMON_ABBREVIATIONS = new Set(['tv', 'pm', 'am', 'pc', 'ai', 'it', 'hr', 'pr', 'ok', 'id', 'dj', 'gp', 'vp', 'hq', 'iq', 'cd', 'bc', 'ad', 'cv', 'ev', 'uk', 'us', 'eu', 'un', 'mp', 'mr', 'dr', 'st', 'fc', 'ac', 'rc', 'sc', 'pe', 'pt', 'md', 'ms', 'vs']);

/**
 * A one-word name typed a person, right after two capitals that are no known country, place,
 * organisation, nationality or title ("US", "UN", "EU", "MP"), after a lower-case word, opens at
 * the initials: "by AS Kowalczyk". Linear in the number of names.
 */
export function personInitials(text: string, ms: RawMention[], gaz: Gazetteer): void {
  let prevEnd = 0;
  for (const m of ms) {
    const from = prevEnd;
    prevEnd = Math.max(prevEnd, m.end);
    if (m.kind !== 'name' || m.type !== 'PERSON' || m.text.includes(' ') || m.start - 5 < from) continue;
    const hit = INITIALS_BEFORE.exec(text.slice(m.start - 5, m.start));
    if (!hit) continue;
    const lw = hit[1].toLowerCase();
    if (COMMON_ABBREVIATIONS.has(lw) || gaz.knowsPlaceOrOrg(lw) || gaz.norp.has(lw) || gaz.titles.has(lw)) continue;
    m.start -= 3;
    m.text = text.slice(m.start, m.end);
    m.entity = m.text;
  }
}
