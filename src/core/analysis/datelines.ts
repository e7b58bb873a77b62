import type { RawMention } from './entities';

/**
 * Datelines. A wire story opens with the place it was filed from, in capitals, then a date or the
 * agency: "NEW YORK 1996-08-30", "IRVINE, Calif 1996-08-30", "NABLUS, West Bank 1996-08-30",
 * "LONDON, Aug 30 (Reuters) -". The names in it are places, whatever they are elsewhere in the
 * text (a baseball table may have "NEW YORK 74 59" as a team a few lines further).
 */
const DATELINE = /^[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}(?:, ?[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2})? (?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})? \(|\((?:Reuters|AP|AFP|UPI|dpa|Xinhua)\))/;
/** Where the date or the agency starts after the place. */
const DATE_START = / (?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d|\()/;
/** How far into a line a dateline's names may start. */
const MAX_PREFIX = 40;

/**
 * The name mentions that lie in a dateline's place part. Mentions must be in text order. The
 * analyzer keeps them even when the rules would drop an unknown capitalised word ("NOUAKCHOTT"),
 * and types them as places.
 */
export function datelineNames(text: string, mentions: readonly RawMention[]): Set<RawMention> {
  const out = new Set<RawMention>();
  let checkedLine = -1;
  let isDateline = false;
  let placeEnd = -1;
  for (const m of mentions) {
    if (m.kind !== 'name') continue;
    // a dateline's names open the line or follow a comma: "IRVINE, Calif"; most names do neither
    const before = m.start > 0 ? text.charCodeAt(m.start - 1) : 10;
    if (before !== 10 && before !== 44 && !(before === 32 && m.start > 1 && text.charCodeAt(m.start - 2) === 44)) continue;
    // the start of m's line, if it is near
    let ls = m.start;
    while (ls > 0 && m.start - ls < MAX_PREFIX && text.charCodeAt(ls - 1) !== 10) ls--;
    if (ls > 0 && text.charCodeAt(ls - 1) !== 10) continue;
    if (ls !== checkedLine) {
      checkedLine = ls;
      const c = text.charCodeAt(ls);
      isDateline = false;
      if (c >= 65 && c <= 90) {
        const hit = DATELINE.exec(text.slice(ls, ls + 80));
        if (hit) {
          isDateline = true;
          // the place part ends where the date or the agency begins
          const dm = DATE_START.exec(hit[0].slice(1));
          placeEnd = ls + 1 + (dm ? dm.index : hit[0].length);
        }
      }
    }
    if (isDateline && m.end <= placeEnd) out.add(m);
  }
  return out;
}

/**
 * A place written in capitals, in a dateline or a heading ("LEEDS (Wire) -", "FLOODS IN LEEDS"), is
 * the place the text names in ordinary case ("the police in Leeds"): it joins that place's entity,
 * so the place is counted once. Linear in the number of names.
 */
export function groupCapitalPlaces(mentions: readonly RawMention[]): void {
  let places: Map<string, string> | null = null;
  for (const m of mentions) {
    if (m.kind !== 'name' || m.type !== 'LOC' || m.text.length < 3 || m.text !== m.text.toUpperCase() || m.text === m.text.toLowerCase()) continue;
    if (places === null) {
      places = new Map<string, string>();
      for (const o of mentions) if (o.kind === 'name' && o.type === 'LOC' && o.text !== o.text.toUpperCase()) places.set(o.text.toUpperCase(), o.entity);
    }
    const entity = places.get(m.text);
    if (entity !== undefined) m.entity = entity;
  }
}
