import type { RawMention } from './entities';

/**
 * An organisation's name followed by its acronym in brackets ("the Varnia Democratic Union (VDU)",
 * "Partito 4 Fiumi (P4F)") shows where the name starts: the acronym's capitals and digits are the
 * initials of its words, connectors aside. The recogniser may have cut such a name at a place or a
 * number inside it ("Varnia" + "Democratic Union", "Partito" + "Fiumi"); its pieces become one
 * organisation, and the same words elsewhere in the document too. Acts after the typer.
 */

/** The acronym in brackets right after a name: two to eight letters or digits, opened by a capital or a digit. */
const ACRONYM_AFTER = /^ \(([\p{Lu}\d][\p{L}\d]{1,7})\)/u;

/** Lower-case words an acronym leaves out. */
const SKIPPED = new Set(['of', 'for', 'on', 'and', 'the', 'de', 'di', 'del', 'della', 'des', 'du', 'la', 'le', 'per', 'in', 'to', 'y', 'e', 'et', 'und', 'für']);

/** Words opening a post held by a person, spelled out before its letters ("Member of Parliament (MP)"): no body's name. */
const POSTS = /^(?:Member|Members|Minister|Secretary|Chief|Head|Director|President|Chair|Chairman|Chairwoman|Officer|Commissioner|Governor|Justice|Judge|Leader|Deputy)\b/;

/** How far back the name's words are looked for (UTF-16 units). */
const WINDOW = 120;

/** Most names spelled out in full that are looked for again elsewhere in the document. */
const MAX_FULL = 16;

/** The start of the words whose initials spell the acronym and that end at `end`, or -1. */
function spelledStart(text: string, end: number, acronym: string): number {
  const letters = acronym.match(/[\p{Lu}\d]/gu);
  if (!letters || letters.length < 2) return -1;
  let need = letters.length;
  let e = end;
  const lo = Math.max(0, end - WINDOW);
  while (e > lo) {
    const sp = text.lastIndexOf(' ', e - 1);
    const s = sp + 1;
    if (sp < lo - 1) return -1;
    const w = text.slice(s, e);
    if (!/^[\p{L}\d][\p{L}\d'’.-]*$/u.test(w)) return -1;
    if (SKIPPED.has(w) && e !== end) {
      e = sp;
      continue;
    }
    const initials = w
      .split('-')
      .map((p) => p.charAt(0))
      .filter((c) => /[\p{Lu}\d]/u.test(c));
    if (initials.length === 0) return -1;
    const tail = letters.slice(need - initials.length, need);
    if (initials.length <= need && tail.join('') === initials.join('')) need -= initials.length;
    else if (letters[need - 1] === initials[0] && /^[\p{Lu}\d]/u.test(w)) need -= 1;
    else return -1;
    if (need === 0) return s;
    e = sp;
  }
  return -1;
}

/**
 * Joins into one organisation the names lying in [start, end) ending with the name at index x, if they
 * all lie inside it, none is a person and one of them is an organisation; the others are marked dropped.
 * Whether it joined them.
 */
function joinInto(ms: RawMention[], x: number, start: number, text: string, dropped: Set<RawMention>): boolean {
  const m = ms[x];
  if (start >= m.start) return false;
  let j = x - 1;
  let org = m.type === 'ORG';
  while (j >= 0 && ms[j].end > start) {
    if (ms[j].start < start || ms[j].kind !== 'name' || dropped.has(ms[j])) return false;
    if (ms[j].type === 'ORG') org = true;
    else if (ms[j].type === 'PERSON') return false;
    j--;
  }
  if (!org) return false;
  for (let k = j + 1; k < x; k++) dropped.add(ms[k]);
  m.start = start;
  m.text = text.slice(start, m.end);
  m.entity = m.text;
  m.type = 'ORG';
  m.strength = 3;
  return true;
}

/**
 * Joins the pieces of names spelled out before their acronym, and of the same words elsewhere in the
 * document. Each name looks at most 120 characters back; linear in the number of names.
 */
export function joinSpelledAcronyms(text: string, ms: RawMention[]): void {
  const dropped = new Set<RawMention>();
  const full: string[] = [];
  for (let x = 0; x < ms.length; x++) {
    const m = ms[x];
    if (m.kind !== 'name' || dropped.has(m)) continue;
    const a = ACRONYM_AFTER.exec(text.slice(m.end, m.end + 12));
    if (!a) continue;
    const s = spelledStart(text, m.end, a[1]);
    if (s < 0 || POSTS.test(text.slice(s, s + 14)) || !joinInto(ms, x, s, text, dropped)) continue;
    if (full.length < MAX_FULL && !full.includes(m.text)) full.push(m.text);
  }
  if (full.length === 0) return;
  // the same words elsewhere, without the acronym: "the Varnia Democratic Union said ..."
  for (let x = 0; x < ms.length; x++) {
    const m = ms[x];
    if (m.kind !== 'name' || dropped.has(m)) continue;
    for (const f of full) {
      const s = m.end - f.length;
      if (s < m.start && s >= 0 && text.startsWith(f, s) && !/[\p{L}\d]/u.test(text.charAt(s - 1)) && joinInto(ms, x, s, text, dropped)) break;
    }
  }
  if (dropped.size === 0) return;
  let n = 0;
  for (const m of ms) if (!dropped.has(m)) ms[n++] = m;
  ms.length = n;
}
