import type { EntityType } from './types';
import type { Gazetteer } from './gazetteer';
import type { RawMention } from './entities';

/** A mention during analysis: the recogniser's output plus grouping results. */
export interface WorkMention extends RawMention {
  entity: string;
  sentId: number;
  firstInSentence: boolean;
  /** For roles: index (in the mention array) of the person mention it links to, or -1. */
  linkedTo: number;
}

const SKIP_IN_INITIALS = new Set(['of', 'the', 'and', 'for', 'de', 'du', '&']);

/** Name words without initials ("Stephen K. Bannon" -> ["stephen", "bannon"]). */
export function nameKey(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(/\s+/)) {
    if (w === '') continue;
    if (/^\p{Lu}\.$/u.test(w)) continue;
    out.push(w.toLowerCase().replace(/[’']s$/, ''));
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
    this.groupPersons(ms);
    this.groupOthers(ms);
  }

  private settleTypes(ms: WorkMention[]): void {
    // strongest evidence per surface text and per single name word of strong PERSON names
    const best = new Map<string, { type: EntityType; strength: number }>();
    const personWords = new Map<string, number>();
    const personSuffixes = new Set<string>();
    for (const m of ms) {
      if (m.kind !== 'name') continue;
      const key = m.text.toLowerCase();
      const cur = best.get(key);
      if (!cur || m.strength > cur.strength) best.set(key, { type: m.type, strength: m.strength });
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
      }
      if (m.strength <= 2) {
        const words = nameKey(m.text);
        if (words.length >= 2 && personSuffixes.has(words.join(' '))) {
          m.type = 'PERSON';
          m.strength = 2;
        }
        if (words.length === 1 && personWords.has(words[0]) && !(m.strength === 2 && m.type !== 'PERSON' && m.canonical !== null)) {
          m.type = 'PERSON';
          m.strength = Math.max(m.strength, 2);
        }
      }
    }
  }

  private groupPersons(ms: WorkMention[]): void {
    // full names indexed by their last word
    const fullsByLast = new Map<string, number[]>();
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m.kind !== 'name' || m.type !== 'PERSON') continue;
      const words = nameKey(m.text);
      if (words.length < 2) continue;
      const last = words[words.length - 1];
      const list = fullsByLast.get(last);
      if (list) list.push(i);
      else fullsByLast.set(last, [i]);
    }
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m.kind !== 'name' || m.type !== 'PERSON') continue;
      const words = nameKey(m.text);
      if (words.length === 0) {
        m.entity = m.text;
        continue;
      }
      const cands = fullsByLast.get(words[words.length - 1]);
      if (!cands) {
        m.entity = m.text;
        continue;
      }
      // candidates whose words end with this mention's words, and are at least as long
      let chosen = -1;
      let chosenLen = -1;
      let nearestBefore = -1;
      const distinct = new Set<string>();
      for (const ci of cands) {
        const cw = nameKey(ms[ci].text);
        if (cw.length < words.length) continue;
        let ok = true;
        for (let k = 1; k <= words.length; k++) if (cw[cw.length - k] !== words[words.length - k]) ok = false;
        if (!ok) continue;
        distinct.add(cw.join(' '));
        if (ms[ci].start <= m.start) nearestBefore = ci;
        if (cw.length > chosenLen || (cw.length === chosenLen && ms[ci].text.length > ms[chosen].text.length)) {
          chosen = ci;
          chosenLen = cw.length;
        }
      }
      if (chosen < 0) {
        m.entity = m.text;
        continue;
      }
      if (distinct.size > 1) {
        // different people share the words: take the nearest full name before, else the first
        const pick = nearestBefore >= 0 ? nearestBefore : chosen;
        m.entity = this.longestVariant(ms, cands, nameKey(ms[pick].text));
      } else {
        m.entity = this.longestVariant(ms, cands, nameKey(ms[chosen].text));
      }
    }
  }

  /** Among the candidates, the longest surface text whose words extend `words` (keeps "Stephen K. Bannon"). */
  private longestVariant(ms: WorkMention[], cands: number[], words: string[]): string {
    let best = '';
    for (const ci of cands) {
      const cw = nameKey(ms[ci].text);
      if (cw.join(' ') !== words.join(' ') && !(cw.length > words.length && cw.slice(cw.length - words.length).join(' ') === words.join(' '))) continue;
      const t = ms[ci].text.replace(/[’']s$/, '');
      if (t.length > best.length) best = t;
    }
    return best;
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
