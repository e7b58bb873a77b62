import { quoteKey, type CurationRules, type MentionRule } from '../curation/rules';
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
  // One mention at a time: named by its text and the words around it.
  const mentionRules = rules.mentions ?? [];
  const mentionRule = (e: EntityMention): MentionRule | undefined => {
    for (const r of mentionRules) {
      if (r.text !== e.text) continue;
      if (text.slice(Math.max(0, e.start - r.prefix.length), e.start) === r.prefix && text.slice(e.end, e.end + r.suffix.length) === r.suffix) return r;
    }
    return undefined;
  };
  const pinned = new Map<EntityMention, string>();
  if (mentionRules.length > 0) {
    entities = entities.flatMap((e) => {
      const r = mentionRule(e);
      if (!r) return [e];
      if (r.entity === undefined) return [];
      const moved = { ...e, entity: r.entity };
      pinned.set(moved, r.entity);
      return [moved];
    });
  }
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
    // A mention the user pinned to an entity keeps it (renames of that entity still apply).
    const bySurface = pinned.has(e) ? undefined : mergedBySurface.get(e.text);
    const c = canon(bySurface ?? e.entity);
    return c !== e.entity ? { ...e, entity: c } : e;
  });
  const removedSpeakers = new Set(rules.notEntities);
  const notQuotes = new Set((rules.notQuotes ?? []).map(quoteKey));
  const speakers = new Map((rules.speakers ?? []).map((s) => [quoteKey(s.quote), s.speaker]));
  const quotes: Quote[] = a.quotes.flatMap((q): Quote[] => {
    const key = notQuotes.size > 0 || speakers.size > 0 ? quoteKey(q.text) : '';
    if (notQuotes.has(key)) return [];
    const said = speakers.get(key);
    if (said !== undefined) return [{ ...q, speaker: canon(said), speakerSpan: null }];
    return [q];
  });
  const spoken: Quote[] = quotes.map((q) => {
    if (q.speaker === null) return q;
    if (removedSpeakers.has(q.speaker)) return { ...q, speaker: null };
    const c = canon(q.speaker);
    return c !== q.speaker ? { ...q, speaker: c } : q;
  });
  return { entities, quotes: spoken };
}

function isBoundary(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  return !/[\p{L}\p{N}]/u.test(text[i]);
}

function overlaps(es: readonly EntityMention[], s: number, e: number): boolean {
  for (const x of es) if (x.start < e && s < x.end) return true;
  return false;
}
