import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * A nationality before a state body's generic name ("the Varnian Foreign Ministry", "the Norlandic
 * Supreme Court of Appeal") says whose body it is: the body's name is the words after it ("Foreign
 * Ministry", "Supreme Court of Appeal"), and the nationality a name of its own, as in CoNLL and GUM.
 * A name of its own that holds a nationality ("Chilean Broadcasting Corporation", "Danish Workers
 * Party", GUM's "Italian Episcopal Conference") is left whole: its words are no
 * state body's. Acts after the typer.
 */

/** Heads of state bodies named by what they are. */
const BODY_HEADS = new Set(['ministry', 'court', 'embassy', 'consulate', 'parliament', 'senate', 'cabinet', 'government']);

/** Words that may stand between the nationality and the head ("Foreign Ministry", "Supreme Court", "High Court"). */
const BODY_MODIFIERS = new Set([
  'foreign', 'interior', 'defence', 'defense', 'finance', 'justice', 'health', 'economy', 'economics', 'trade', 'education',
  'agriculture', 'environment', 'labour', 'labor', 'energy', 'transport', 'culture', 'industry', 'information', 'home',
  'supreme', 'constitutional', 'high', 'federal', 'national', 'state', 'military', 'appeals', 'appeal', 'administrative',
]);

/** The length of the nationality to take off an organisation's name, or 0. */
function nationalityBefore(text: string, gaz: Gazetteer): number {
  const words = text.split(' ');
  if (words.length < 2 || words.length > 8) return 0;
  const first = words[0].toLowerCase();
  if (!gaz.norp.has(first) || gaz.countries.has(first) || !/^\p{Lu}\p{Ll}+$/u.test(words[0])) return 0;
  let k = 1;
  while (k < words.length && BODY_MODIFIERS.has(words[k].toLowerCase())) k++;
  if (k >= words.length || !BODY_HEADS.has(words[k].toLowerCase())) return 0;
  // "... Court of Cassation": what follows the head is its "of" phrase, or nothing
  if (k + 1 < words.length && words[k + 1] !== 'of') return 0;
  return words[0].length + 1;
}

/**
 * Takes the nationality off a state body's name typed an organisation ("Varnian Foreign Ministry" ->
 * "Varnian" + "Foreign Ministry"). The nationality becomes a name of its own. Linear in the number of names.
 */
export function splitNationalBodies(ms: RawMention[], gaz: Gazetteer): void {
  let out: RawMention[] | null = null;
  for (let x = 0; x < ms.length; x++) {
    const m = ms[x];
    const cut = m.kind === 'name' && m.type === 'ORG' ? nationalityBefore(m.text, gaz) : 0;
    if (cut === 0) {
      if (out) out.push(m);
      continue;
    }
    out ??= ms.slice(0, x);
    const adj = m.text.slice(0, cut - 1);
    const norp: RawMention = { ...m, end: m.start + cut - 1, text: adj, type: 'NORP', entity: gaz.norpCanonical.get(adj.toLowerCase()) ?? adj, strength: 3, canonical: null, linkedTo: -1 };
    m.start += cut;
    m.text = m.text.slice(cut);
    m.entity = m.text;
    out.push(norp, m);
  }
  if (!out) return;
  ms.length = 0;
  for (const m of out) ms.push(m);
}
