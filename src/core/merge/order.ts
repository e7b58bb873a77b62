import type { Annotation } from '../annotations/model';
import type { MergePlan } from './plan';

/**
 * The merged list in the order the Document path gives: ours' order (removed entries out,
 * updated ones in place, kept ones with their slice), inserts after entries with the same start,
 * then a stable sort by start.
 */
export function orderEntries<A extends { readonly id: string; readonly target: { readonly start: number } }>(ours: readonly A[], plan: MergePlan, sliceOf: (a: A, k: number) => string): Array<{ a: A | Annotation; slice?: string }> {
  const list: Array<{ a: A | Annotation; slice?: string }> = [];
  for (let k = 0; k < ours.length; k++) {
    const a = ours[k];
    if (plan.removals.has(a.id)) continue;
    const u = plan.updates.get(a.id);
    list.push(u ? { a: u } : { a, slice: sliceOf(a, k) });
  }
  for (const a of plan.inserts) {
    let i = list.length;
    while (i > 0 && list[i - 1].a.target.start > a.target.start) i--;
    list.splice(i, 0, { a });
  }
  // Most often in order already (the store keeps it so): a stable sort would give the same list,
  // at the price of a call per comparison, which a cold process interprets.
  let sorted = true;
  for (let k = 1; sorted && k < list.length; k++) sorted = list[k - 1].a.target.start <= list[k].a.target.start;
  if (sorted) return list;
  return list.map((x, i) => ({ x, i })).sort((p, q) => p.x.a.target.start - q.x.a.target.start || p.i - q.i).map((p) => p.x);
}
