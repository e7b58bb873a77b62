import type { RawMention } from './entities';

/**
 * A one-word name with a possessive that the rules and the typer dropped where it opens a sentence
 * ("Labour's shadow minister said ...", a weak candidate there) is the organisation or place the
 * document names by the same word elsewhere ("Labour has a plan"). Acts after the typer: the dropped
 * mention comes back with the type of the kept one.
 */

/** Whether a dropped mention may come back: one word of three letters or more, a weak candidate, before a possessive. */
export function mayRevive(m: RawMention, text: string): boolean {
  return m.kind === 'name' && m.end - m.start > 2 && !m.text.includes(' ') && m.tentative && /^['’]s\b/.test(text.slice(m.end, m.end + 3));
}

/**
 * Brings back the dropped one-word names whose word is kept elsewhere in the document as an
 * organisation or a place, with that type, and keeps the names in text order. Linear in the number
 * of names (one sort when any comes back).
 */
export function reviveDropped(kept: RawMention[], dropped: readonly RawMention[]): void {
  if (dropped.length === 0) return;
  const types = new Map<string, RawMention['type']>();
  for (const m of kept) if (m.kind === 'name' && (m.type === 'ORG' || m.type === 'LOC') && !m.text.includes(' ')) types.set(m.text, m.type);
  let any = false;
  for (const m of dropped) {
    const t = types.get(m.text);
    if (t === undefined) continue;
    m.type = t;
    m.strength = 1;
    m.tentative = false;
    kept.push(m);
    any = true;
  }
  if (any) kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
