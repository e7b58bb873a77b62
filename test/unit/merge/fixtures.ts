import type { Annotation } from '../../../src/core/annotations/model';
import { insertAnnotation, newSidecarDocument, parseSidecar, stringifySidecar } from '../../../src/core/store/sidecar';

/** A source text the fixtures' targets point into. */
export const SOURCE = 'The minister said the budget was final. Critics said it was not. The minister repeated it twice.\n';

export function ann(id: string, start: number, over: Partial<Annotation> = {}): Annotation {
  const end = start + 3;
  return {
    id,
    target: { exact: SOURCE.slice(start, end), prefix: SOURCE.slice(Math.max(0, start - 8), start), suffix: SOURCE.slice(end, end + 8), start, end },
    note: `note of ${id}`,
    tags: ['t'],
    author: 'Coder A',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** A sidecar file with these annotations, as the store writes it. */
export function sidecarText(annotations: readonly Annotation[], header = true): string {
  const doc = newSidecarDocument('source.txt');
  if (!header) doc.commentBefore = null;
  for (const a of annotations) insertAnnotation(doc, a);
  return stringifySidecar(doc, false);
}

export function annotationsOf(text: string): Annotation[] {
  const r = parseSidecar(text);
  if (!r.ok) throw new Error(`invalid sidecar: ${r.issues.map((i) => `${i.line}:${i.col}: ${i.message}`).join('; ')}\n${text}`);
  return [...r.sidecar.annotations];
}

/**
 * The invariant of every merge: each annotation of either side that is not a legitimate
 * deletion (the other side deleted it and this side left it as in the base) is in the result,
 * and each of its field values that this side changed is in the result or recorded as a
 * conflict; every tag this side added is there unless the other side removed... (tags are sets:
 * a tag added on a side is never removed by the merge).
 */
export function assertNothingLost(base: readonly Annotation[], ours: readonly Annotation[], theirs: readonly Annotation[], result: readonly Annotation[]): void {
  const B = new Map(base.map((a) => [a.id, a]));
  const R = new Map(result.map((a) => [a.id, a]));
  const same = (x: Annotation, y: Annotation): boolean => JSON.stringify({ ...x, conflicts: undefined }) === JSON.stringify({ ...y, conflicts: undefined });
  for (const [side, list, other] of [
    ['ours', ours, theirs],
    ['theirs', theirs, ours],
  ] as const) {
    const O = new Map(other.map((a) => [a.id, a]));
    for (const a of list) {
      const b = B.get(a.id);
      const r = R.get(a.id);
      if (!r) {
        if (b !== undefined && !O.has(a.id) && same(a, b)) continue; // deleted on the other side, unchanged here
        throw new Error(`${side}'s annotation ${a.id} is lost`);
      }
      const recorded = (field: string, value: unknown): boolean =>
        (r.conflicts ?? []).some((c) => 'field' in c && c.field === field && JSON.stringify(side === 'ours' ? c.ours : c.theirs) === JSON.stringify(value));
      for (const field of ['note', 'author', 'target'] as const) {
        const changed = b === undefined || JSON.stringify(a[field]) !== JSON.stringify(b[field]);
        if (changed && JSON.stringify(r[field]) !== JSON.stringify(a[field]) && !recorded(field, a[field])) {
          // The other side's change may have won only if this side did not change it.
          throw new Error(`${side}'s ${field} of ${a.id} (${JSON.stringify(a[field])}) is neither in the result (${JSON.stringify(r[field])}) nor recorded as a conflict`);
        }
      }
      for (const t of a.tags) {
        const added = b === undefined || !b.tags.includes(t);
        if (added && !r.tags.includes(t)) throw new Error(`${side}'s tag ${t} of ${a.id} is lost`);
      }
    }
  }
}
