import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * Bodies named after the countries they serve ("Grain Standards of Norland and Varnia", "Grain
 * Standards Norland Varnia"): the recogniser stops an organisation's name at a country unless its
 * words end in an organisation word ("Bank of ..."), and so leaves the body's own words alone and the
 * countries as places. Acts after the typer.
 */

/** The country names typed places that follow one another from index x, joined by `joiner`, and the index after them. */
function countriesFrom(ms: readonly RawMention[], x: number, text: string, gaz: Gazetteer, joiners: readonly string[]): number {
  let y = x;
  while (y < ms.length && ms[y].kind === 'name' && ms[y].type === 'LOC' && gaz.countries.has(ms[y].text.toLowerCase())) {
    y++;
    if (y >= ms.length) break;
    const gap = text.slice(ms[y - 1].end, ms[y].start);
    if (!joiners.includes(gap)) break;
  }
  return y;
}

/**
 * Whether a name's words hold the plural of an organisation word, a title or a word for people
 * ("the Football Associations of ...", "the Prime Ministers of ...", "the Heads of Mission of ..."),
 * or a title ("the Grand Mufti of ..."): the bodies or people of each country, not one body.
 */
function namesSeveral(name: string, gaz: Gazetteer): boolean {
  for (const word of name.split(' ')) {
    const w = word.toLowerCase();
    // a post held by one person ("the Grand Mufti of ...")
    if (gaz.titles.has(w) || gaz.titleHeads.has(w)) return true;
    if (!w.endsWith('s')) continue;
    const one = w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.slice(0, -1);
    if (gaz.orgWords.has(one) || gaz.titles.has(one) || gaz.titleHeads.has(one) || gaz.personNouns.has(one) || gaz.personNouns.has(w)) return true;
  }
  return false;
}

/** Whether the text after a name ends its capitalised run: no capitalised word and no possessive follows. */
function endsRun(text: string, end: number): boolean {
  return !/^(?:['’]s?\b| \p{Lu})/u.test(text.slice(end, end + 3));
}

/**
 * Joins into one organisation an organisation's name and the countries after it, when the
 * organisation's words hold no organisation word of their own: "Grain Standards" + " of " + "Norland"
 * [+ " and " + "Varnia"]; and capitalised words that are an organisation's name elsewhere in the
 * document, written right before countries ("Grain Standards Norland Varnia"). The countries must end
 * the capitalised run. Linear in the number of names.
 */
export function joinOrgCountries(text: string, ms: RawMention[], gaz: Gazetteer): void {
  let orgNames: Set<string> | null = null;
  const dropped = new Set<RawMention>();
  for (let x = 0; x < ms.length; x++) {
    const m = ms[x];
    if (m.kind !== 'name' || m.type !== 'LOC' || dropped.has(m) || !gaz.countries.has(m.text.toLowerCase())) continue;
    // the document's organisation names, read before any is joined to its countries
    if (orgNames === null) {
      orgNames = new Set<string>();
      for (const o of ms) if (o.kind === 'name' && o.type === 'ORG') orgNames.add(o.text);
    }
    const prev = x > 0 ? ms[x - 1] : null;
    // "Grain Standards of Norland and Varnia"
    if (prev && prev.kind === 'name' && prev.type === 'ORG' && text.slice(prev.end, m.start) === ' of ' && /^\p{Lu}/u.test(prev.text) && !prev.text.split(' ').some((w) => gaz.orgWords.has(w.toLowerCase())) && !namesSeveral(prev.text, gaz)) {
      const y = countriesFrom(ms, x, text, gaz, [' and ']);
      if (y - x === 2 && endsRun(text, ms[y - 1].end)) {
        for (let k = x; k < y; k++) dropped.add(ms[k]);
        prev.end = ms[y - 1].end;
        prev.text = text.slice(prev.start, prev.end);
        prev.entity = prev.text;
        prev.strength = 3;
        x = y - 1;
        continue;
      }
    }
    // "Grain Standards Norland Varnia", where "Grain Standards" is an organisation elsewhere in the document
    if (!mayFollowCapitalisedWord(text, m.start)) continue;
    const before = /(?:^|[^\p{L}\p{N}])((?:\p{Lu}\p{Ll}+ ){1,3})$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (!before || (prev && prev.end > m.start - before[1].length)) continue;
    const words = before[1].slice(0, -1);
    if (!orgNames.has(words)) continue;
    const y = countriesFrom(ms, x, text, gaz, [' ']);
    if (y - x > 2 || !endsRun(text, ms[y - 1].end)) continue;
    for (let k = x + 1; k < y; k++) dropped.add(ms[k]);
    m.start -= before[1].length;
    m.end = ms[y - 1].end;
    m.text = text.slice(m.start, m.end);
    m.entity = m.text;
    m.type = 'ORG';
    m.canonical = null;
    m.strength = 3;
    x = y - 1;
  }
  if (dropped.size === 0) return;
  let n = 0;
  for (const m of ms) if (!dropped.has(m)) ms[n++] = m;
  ms.length = n;
}

/**
 * False only when no capitalised word and a space end text[0, end) ("in Norland"): the cheap test
 * before the regular expression, which most countries fail. Anything but ASCII letters is left to it.
 */
function mayFollowCapitalisedWord(text: string, end: number): boolean {
  if (end < 3 || text.charCodeAt(end - 1) !== 32) return false;
  // the expression reads 40 characters: a longer run of lower-case letters is left to it (bounded work)
  const stop = Math.max(-1, end - 42);
  let k = end - 2;
  while (k > stop && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k--;
  if (k === end - 2) return text.charCodeAt(k) >= 128;
  if (k === stop) return k >= 0;
  const c = text.charCodeAt(k);
  return c >= 128 || (c >= 65 && c <= 90);
}
