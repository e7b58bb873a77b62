import type { EntityMention } from '../../src/core/analysis';

/**
 * Exact-span scoring of names, the same as the GUM section of `npm run eval`: a predicted name is
 * right when a gold name has its exact start, end and type. Predicted NORP names are not scored
 * (CoNLL's MISC), and gold names of other types (MISC) are not either.
 */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

export const SCORED = ['PERSON', 'ORG', 'LOC'] as const;

export class NerScore {
  readonly byType = new Map<string, Counts>(SCORED.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  readonly untyped: Counts = { tp: 0, fp: 0, fn: 0 };

  /** Adds one document; returns the errors (for error analysis on development data). */
  add(pred: readonly EntityMention[], gold: readonly GoldSpan[], text: string): string[] {
    const scored = new Set<string>(SCORED);
    const g = gold.filter((x) => scored.has(x.type));
    const p = pred.filter((x) => x.kind === 'name' && scored.has(x.type));
    const goldAt = new Map(g.map((x) => [`${x.start}:${x.end}`, x]));
    const predAt = new Map(p.map((x) => [`${x.start}:${x.end}`, x]));
    const errors: string[] = [];
    for (const x of p) {
      const hit = goldAt.get(`${x.start}:${x.end}`);
      const c = this.byType.get(x.type)!;
      if (hit) this.untyped.tp++;
      else this.untyped.fp++;
      if (hit && hit.type === x.type) c.tp++;
      else {
        c.fp++;
        errors.push(`FP ${x.type}${hit ? ` (gold ${hit.type})` : ''} "${x.text}"`);
      }
    }
    for (const x of g) {
      const hit = predAt.get(`${x.start}:${x.end}`);
      if (!hit) this.untyped.fn++;
      if (!hit || hit.type !== x.type) {
        this.byType.get(x.type)!.fn++;
        if (!hit) errors.push(`FN ${x.type} "${text.slice(x.start, x.end)}"`);
      }
    }
    return errors;
  }

  total(): Counts {
    const t = { tp: 0, fp: 0, fn: 0 };
    for (const c of this.byType.values()) {
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
    }
    return t;
  }
}

export function f1(c: Counts): number {
  const d = 2 * c.tp + c.fp + c.fn;
  return d === 0 ? 0 : (2 * c.tp) / d;
}

export function prfLine(c: Counts): string {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1(c).toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

/** One line: typed F1 overall and per type, and untyped F1. */
export function summary(s: NerScore): string {
  const per = SCORED.map((t) => `${t} ${(100 * f1(s.byType.get(t)!)).toFixed(1)}`).join(', ');
  return `typed F1 ${(100 * f1(s.total())).toFixed(1)} (${per}); untyped F1 ${(100 * f1(s.untyped)).toFixed(1)}`;
}
