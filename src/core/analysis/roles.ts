import type { WorkMention } from './aliases';

const HEAD_OF_STATE = new Set(['president', 'chancellor', 'minister', 'premier', 'leader', 'king', 'queen', 'monarch', 'emperor', 'president-elect']);

function headOf(title: string | null): string | null {
  if (title === null) return null;
  const words = title.split(/\s+/);
  return words[words.length - 1];
}

/**
 * Links role mentions ("the US President", "his predecessor") to the person they describe,
 * when the text makes it clear: apposition (", President Barack Obama"), or a unique person
 * named with the same country and title ("US President Donald Trump").
 */
export function linkRoles(ms: WorkMention[], text: string): void {
  const byCountryHead = new Map<string, Set<string>>();
  const byCountry = new Map<string, Set<string>>();
  const byCountryState = new Map<string, Set<string>>();
  const byHead = new Map<string, Set<string>>();
  const firstIndex = new Map<string, number>();
  const add = (map: Map<string, Set<string>>, key: string, v: string): void => {
    const s = map.get(key);
    if (s) s.add(v);
    else map.set(key, new Set([v]));
  };
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.kind !== 'name' || m.type !== 'PERSON') continue;
    if (!firstIndex.has(m.entity)) firstIndex.set(m.entity, i);
    const head = headOf(m.title);
    if (m.country !== null) {
      add(byCountry, m.country, m.entity);
      if (head !== null) add(byCountryHead, `${m.country}|${head}`, m.entity);
      if (head !== null && HEAD_OF_STATE.has(head)) add(byCountryState, m.country, m.entity);
    }
    if (head !== null) add(byHead, head, m.entity);
  }
  const only = (s: Set<string> | undefined): string | null => (s && s.size === 1 ? [...s][0] : null);
  for (let i = 0; i < ms.length; i++) {
    const r = ms[i];
    if (r.kind !== 'role') continue;
    let target: string | null = null;
    // apposition: "his predecessor, President Barack Obama" / "Angela Merkel, the German Chancellor"
    const nx = ms[i + 1];
    if (nx && nx.kind === 'name' && nx.type === 'PERSON' && nx.start - r.end < 60 && /^\s*,\s*(?:[\p{Lu}][\p{L}.-]*\s+){0,3}$/u.test(text.slice(r.end, nx.start))) target = nx.entity;
    const pv = i > 0 ? ms[i - 1] : undefined;
    if (target === null && pv && pv.kind === 'name' && pv.type === 'PERSON' && r.start - pv.end < 8 && /^\s*,\s*$/.test(text.slice(pv.end, r.start))) target = pv.entity;
    const head = headOf(r.title);
    if (target === null && r.country !== null && head !== null) {
      target = only(byCountryHead.get(`${r.country}|${head}`));
      if (target === null && !byCountryHead.has(`${r.country}|${head}`) && HEAD_OF_STATE.has(head)) target = only(byCountryState.get(r.country));
      if (target === null && !byCountryHead.has(`${r.country}|${head}`) && !byCountryState.has(r.country)) target = only(byCountry.get(r.country));
    }
    if (target === null && r.country === null && head !== null && head !== 'predecessor' && head !== 'successor' && /^the\s/i.test(r.text)) {
      target = only(byHead.get(head));
    }
    if (target !== null) {
      r.entity = target;
      r.linkedTo = firstIndex.get(target) ?? -1;
    } else {
      r.entity = r.text;
      r.linkedTo = -1;
    }
  }
}
