import type { EntityType } from './types';
import { upperBound } from '../text/binarySearch';
import type { Gazetteer } from './gazetteer';
import type { RawMention } from './entities';

/** A mention during analysis: the recogniser's output plus grouping results. */
/** A mention of an output type (MISC names are dropped before grouping). */
export type WorkMention = RawMention & { type: EntityType };

const SKIP_IN_INITIALS = new Set(['of', 'the', 'and', 'for', 'de', 'du', '&']);

/** Name words without initials ("Stephen K. Bannon" -> ["stephen", "bannon"]). */
export function nameKey(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    const s = i;
    while (i < n && text.charCodeAt(i) > 32) i++;
    if (i === s) break;
    // initials ("K.") do not count
    if (i - s === 2 && text.charCodeAt(s + 1) === 46) continue;
    let w = text.slice(s, i).toLowerCase();
    const l = w.length;
    if (l > 2 && w.charCodeAt(l - 1) === 115 && (w.charCodeAt(l - 2) === 39 || w.charCodeAt(l - 2) === 0x2019)) w = w.slice(0, l - 2);
    out.push(w);
  }
  return out;
}

/**
 * Groups mentions of one document: settles each surface text's type from its strongest
 * evidence, then gives every mention the canonical (fullest) name of its entity.
 * Linear in the number of mentions (maps keyed by name words).
 */
export class AliasGrouper {
  constructor(private readonly gaz: Gazetteer) {}

  group(ms: WorkMention[]): void {
    this.settleTypes(ms);
    this.surnamesArePersons(ms);
    this.groupPersons(ms);
    this.groupOthers(ms);
  }

  /**
   * Document-level consistency: a one-word name that is the last word of a person named in full in
   * the same document ("S. Jayasuriya" ... "Jayasuriya", "Mel Ostrander" ... "Ostrander") is that
   * person, whatever the rules or the typer guessed for it alone (a team in a scoreboard, a place),
   * unless it is a country or a known organisation. Linear in the number of mentions.
   */
  private surnamesArePersons(ms: WorkMention[]): void {
    const surnames = new Set<string>();
    for (const m of ms) {
      if (m.kind !== 'name' || m.type !== 'PERSON') continue;
      const sp = m.text.lastIndexOf(' ');
      if (sp > 0) surnames.add(m.text.slice(sp + 1).toLowerCase());
    }
    // the first word of a company named in full ("Velco Holdings Plc" ... "Velco") or of a club named with its town
    // ("Rotor Volgograd" ... "Rotor"), when it is no place or given name
    const firms = new Set<string>();
    const gaz = this.gaz;
    for (const m of ms) {
      if (m.kind !== 'name' || m.type !== 'ORG') continue;
      const sp = m.text.indexOf(' ');
      const lp = m.text.lastIndexOf(' ');
      if (sp <= 0) continue;
      const first = m.text.slice(0, sp).toLowerCase();
      const last = m.text.slice(lp + 1).toLowerCase().replace(/\./g, '');
      // a firm's name ends in an organisation word; a club's may be a word and its town ("Rotor Volgograd")
      const club = lp === sp && gaz.places.has(last);
      if (!(club || gaz.orgWords.has(last)) || gaz.orgWords.has(first) || gaz.places.has(first) || gaz.countries.has(first) || gaz.norp.has(first) || gaz.firstNames.has(first)) continue;
      // an English word opens a club's name ("Real Madrid"), rarely a firm's ("General Holdings")
      if (gaz.vocab.has(first) && !club) continue;
      firms.add(first);
    }
    if (surnames.size === 0 && firms.size === 0) return;
    for (const m of ms) {
      if (m.kind !== 'name' || m.text.includes(' ')) continue;
      const key = m.text.toLowerCase();
      // a country that is also a personal name ends a person named in full ("Neil Jordan" ... "Jordan defends")
      const personal = !m.locative && surnames.has(key) && gaz.countries.has(key) && (gaz.firstNames.has(key) || gaz.lastNames.has(key));
      if (personal) {
        m.type = 'PERSON';
        m.canonical = null;
        continue;
      }
      if (m.canonical !== null || gaz.orgs.has(key) || gaz.countries.has(key)) continue;
      if (surnames.has(key)) m.type = 'PERSON';
      else if (firms.has(key)) m.type = 'ORG';
    }
  }

  private settleTypes(ms: WorkMention[]): void {
    // strongest evidence per surface text and per single name word of strong PERSON names
    const best = new Map<string, { type: EntityType; strength: number }>();
    // weak guesses (strength 1) about the same surface text vote; the most frequent type wins
    const votes = new Map<string, Map<EntityType, number>>();
    const personWords = new Map<string, number>();
    const personSuffixes = new Set<string>();
    const weakSurnames = new Set<string>();
    for (const m of ms) {
      if (m.kind !== 'name') continue;
      const key = m.text.toLowerCase();
      const cur = best.get(key);
      if (!cur || m.strength > cur.strength) best.set(key, { type: m.type, strength: m.strength });
      if (m.strength === 1) {
        let v = votes.get(key);
        if (!v) votes.set(key, (v = new Map<EntityType, number>()));
        v.set(m.type, (v.get(m.type) ?? 0) + 1);
      }
      if (m.type === 'PERSON' && m.strength === 1 && m.kind === 'name') {
        // "Valeska Paris" ... "Paris": a city word that is some person's surname here is that person
        const w = nameKey(m.text);
        if (w.length >= 2) weakSurnames.add(w[w.length - 1]);
      }
      if (m.type === 'PERSON' && m.strength >= 2) {
        const words = nameKey(m.text);
        if (words.length >= 2 || m.title !== null) {
          for (let i = words.length >= 2 ? 1 : 0; i < words.length; i++) personWords.set(words[i], Math.max(personWords.get(words[i]) ?? 0, m.strength));
          for (let i = 1; i < words.length - 1; i++) personSuffixes.add(words.slice(i).join(' '));
        }
      }
    }
    for (const m of ms) {
      if (m.kind !== 'name') continue;
      const b = best.get(m.text.toLowerCase());
      if (b && b.strength > m.strength) {
        m.type = b.type;
        m.strength = b.strength;
      } else if (m.strength === 1) {
        const v = votes.get(m.text.toLowerCase());
        if (v && v.size > 1) {
          let top: EntityType = m.type;
          for (const [t, n] of v) if (n > (v.get(top) ?? 0)) top = t;
          m.type = top;
        }
      }
      if (m.kind === 'name' && m.type === 'LOC' && m.canonical === null && weakSurnames.has(m.text.toLowerCase())) {
        m.type = 'PERSON';
        m.strength = 2;
      }
      if (m.strength <= 2 || (m.type === 'LOC' && m.canonical === null)) {
        const words = nameKey(m.text);
        if (words.length >= 2 && personSuffixes.has(words.join(' '))) {
          m.type = 'PERSON';
          m.strength = 2;
        }
        if (words.length === 1 && personWords.has(words[0]) && !(m.type !== 'PERSON' && m.canonical !== null)) {
          m.type = 'PERSON';
          m.strength = Math.max(m.strength, 2);
        }
      }
    }
  }

  private groupPersons(ms: WorkMention[]): void {
    // distinct full names indexed by their last word, each with its mention positions (ascending)
    const fullsByLast = new Map<string, Map<string, FullName>>();
    const keys: Array<string[] | null> = ms.map((m) => (m.kind === 'name' && m.type === 'PERSON' ? nameKey(m.text) : null));
    for (let i = 0; i < ms.length; i++) {
      const words = keys[i];
      if (!words || words.length < 2) continue;
      const last = words[words.length - 1];
      let byKey = fullsByLast.get(last);
      if (!byKey) fullsByLast.set(last, (byKey = new Map<string, FullName>()));
      const key = words.join(' ');
      let f = byKey.get(key);
      if (!f) byKey.set(key, (f = { words, key, positions: [], longest: '' }));
      f.positions.push(ms[i].start);
      const t = ms[i].text.replace(/[’']s$/, '');
      if (t.length > f.longest.length) f.longest = t;
    }
    // each full name's canonical: the one longer name that extends it ("Peña Nieto" -> "Enrique Peña Nieto"), else itself
    const canonicalOf = new Map<string, string>();
    for (const byKey of fullsByLast.values()) {
      for (const f of byKey.values()) {
        let ext: FullName | null = null;
        let n = 0;
        for (const g of byKey.values()) {
          if (g.words.length > f.words.length && endsWith(g.words, f.words)) {
            n++;
            if (!ext || g.words.length > ext.words.length) ext = g;
          }
        }
        canonicalOf.set(f.key, n >= 1 && ext && onlyChain(byKey, f) ? ext.longest : f.longest);
      }
    }
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      const words = keys[i];
      if (!words) continue;
      const byKey = words.length > 0 ? fullsByLast.get(words[words.length - 1]) : undefined;
      if (!byKey) {
        m.entity = m.text;
        continue;
      }
      const exact = byKey.get(words.join(' '));
      if (exact) {
        m.entity = canonicalOf.get(exact.key) ?? m.text;
        continue;
      }
      // a shorter form ("Trump"): the full names it can stand for; when several people share it, the nearest before
      const canons = new Set<string>();
      let nearest: FullName | null = null;
      let nearestPos = -1;
      let any: FullName | null = null;
      for (const f of byKey.values()) {
        if (f.words.length < words.length || !endsWith(f.words, words)) continue;
        canons.add(canonicalOf.get(f.key)!);
        if (!any) any = f;
        const p = lastAtOrBefore(f.positions, m.start);
        if (p > nearestPos) {
          nearestPos = p;
          nearest = f;
        }
      }
      if (!any) m.entity = m.text;
      else if (canons.size === 1) m.entity = [...canons][0];
      else m.entity = canonicalOf.get((nearest ?? any).key)!;
    }
  }

  private groupOthers(ms: WorkMention[]): void {
    const orgs: WorkMention[] = [];
    for (const m of ms) {
      if (m.kind !== 'name') continue;
      if (m.type === 'LOC') {
        m.entity = m.canonical ?? this.gaz.countries.get(m.text.toLowerCase()) ?? stripThe(m.text);
      } else if (m.type === 'NORP') {
        m.entity = this.gaz.norpCanonical.get(m.text.toLowerCase()) ?? m.text;
      } else if (m.type === 'ORG') {
        m.entity = m.canonical ?? stripThe(m.text);
        orgs.push(m);
      }
    }
    // acronyms and short forms of longer organisation names in the same document
    const byInitials = new Map<string, string>();
    const byFirstWord = new Map<string, string>();
    for (const m of orgs) {
      const words = m.entity.split(/[\s-]+/).filter((w) => w !== '');
      if (words.length < 2) continue;
      const initials = words.filter((w) => !SKIP_IN_INITIALS.has(w.toLowerCase())).map((w) => w[0]).join('').toUpperCase();
      if (initials.length >= 2 && !byInitials.has(initials)) byInitials.set(initials, m.entity);
      const fw = words[0].toLowerCase();
      const cur = byFirstWord.get(fw);
      if (cur === undefined || m.entity.length > cur.length) byFirstWord.set(fw, m.entity);
    }
    for (const m of orgs) {
      if (m.entity.includes(' ')) continue;
      const full = byInitials.get(m.entity.toUpperCase().replace(/\./g, ''));
      if (full && /^[\p{Lu}.]+$/u.test(m.entity)) {
        m.entity = full;
        continue;
      }
      const longer = byFirstWord.get(m.entity.toLowerCase());
      if (longer && longer !== m.entity && !/^[\p{Lu}.]+$/u.test(m.entity)) m.entity = longer;
    }
  }
}

function stripThe(s: string): string {
  return s.startsWith('The ') ? s.slice(4) : s;
}

interface FullName {
  readonly words: string[];
  readonly key: string;
  readonly positions: number[];
  longest: string;
}

function endsWith(long: readonly string[], short: readonly string[]): boolean {
  if (short.length > long.length) return false;
  for (let k = 1; k <= short.length; k++) if (long[long.length - k] !== short[short.length - k]) return false;
  return true;
}

/** True when the longer names extending f are all one chain (each extends the next), so f names one person. */
function onlyChain(byKey: ReadonlyMap<string, FullName>, f: FullName): boolean {
  const ext = [...byKey.values()].filter((g) => g.words.length > f.words.length && endsWith(g.words, f.words)).sort((a, b) => a.words.length - b.words.length);
  for (let i = 1; i < ext.length; i++) if (!endsWith(ext[i].words, ext[i - 1].words)) return false;
  return true;
}

/** Largest value in the ascending list that is <= x, or -1. */
function lastAtOrBefore(xs: readonly number[], x: number): number {
  const i = upperBound(xs, x);
  return i > 0 ? xs[i - 1] : -1;
}
