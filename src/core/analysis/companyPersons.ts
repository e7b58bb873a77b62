import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Companies that look like people. A name of two words or more reads like a given name and a
 * surname ("Velmar Chemical", "Okafor Medical"), and the typer may make it a person; the document
 * names the company in full elsewhere ("the Velmar Chemical Co", "Okafor Medical Industries Inc"),
 * so the short name is that company. Acts after the typer, on the document's names.
 */

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
    for (let k = 2; k < words.length; k++) prefixes.add(words.slice(0, k).join(' '));
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
