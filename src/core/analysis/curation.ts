import type { CurationRules } from '../curation/rules';
import type { DocumentAnalysis, EntityMention, EntityType, Quote } from './types';

/**
 * Applies the user's corrections to one document's analysis: not-an-entity, forced types
 * (also adding mentions of that text the engine missed), merges and renames. Speakers follow
 * the renamed and merged entities.
 */
export function applyCuration(text: string, a: DocumentAnalysis, rules: CurationRules): DocumentAnalysis {
  const notEntities = new Set(rules.notEntities);
  const forced = new Map<string, EntityType>();
  for (const t of rules.types) forced.set(t.text, t.type);
  let entities: EntityMention[] = a.entities.filter((e) => !(e.kind === 'name' && (notEntities.has(e.text) || notEntities.has(e.entity))));
  entities = entities.map((e) => {
    const ty = forced.get(e.text) ?? (e.kind === 'name' ? forced.get(e.entity) : undefined);
    return ty !== undefined && ty !== e.type ? { ...e, type: ty } : e;
  });
  // forced texts the engine did not find: add every whole-word occurrence that overlaps nothing
  for (const [surface, type] of forced) {
    if (surface.length === 0) continue;
    const added: EntityMention[] = [];
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + surface.length)) {
      const end = i + surface.length;
      if (!isBoundary(text, i - 1) || !isBoundary(text, end)) continue;
      if (overlaps(entities, i, end)) continue;
      added.push({ start: i, end, text: surface, type, entity: surface, kind: 'name' });
    }
    if (added.length > 0) entities = [...entities, ...added].sort((x, y) => x.start - y.start);
  }
  const canon = (name: string): string => {
    let cur = name;
    for (let step = 0; step < 8; step++) {
      let next = cur;
      for (const m of rules.merges) if (m.from === cur) next = m.into;
      for (const r of rules.renames) if (r.from === next) next = r.to;
      if (next === cur) break;
      cur = next;
    }
    return cur;
  };
  const mergedBySurface = new Map<string, string>();
  for (const m of rules.merges) mergedBySurface.set(m.from, m.into);
  entities = entities.map((e) => {
    const bySurface = mergedBySurface.get(e.text);
    const c = canon(bySurface ?? e.entity);
    return c !== e.entity ? { ...e, entity: c } : e;
  });
  const removedSpeakers = new Set(rules.notEntities);
  const quotes: Quote[] = a.quotes.map((q) => {
    if (q.speaker === null) return q;
    if (removedSpeakers.has(q.speaker)) return { ...q, speaker: null };
    const c = canon(q.speaker);
    return c !== q.speaker ? { ...q, speaker: c } : q;
  });
  return { entities, quotes };
}

function isBoundary(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  return !/[\p{L}\p{N}]/u.test(text[i]);
}

function overlaps(es: readonly EntityMention[], s: number, e: number): boolean {
  for (const x of es) if (x.start < e && s < x.end) return true;
  return false;
}
