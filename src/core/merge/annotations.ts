import type { Adjudication, Annotation, AnnotationConflict, AnnotationTarget, ConflictField } from '../annotations/model';

/**
 * The three-way merge of one annotation, field by field (pure data; sidecar.ts writes it):
 *
 * - a field changed on one side only takes that change;
 * - `tags` merge as sets: a tag added on either side is in, a tag of the base removed on either
 *   side is out (order: ours, then theirs' additions);
 * - `modified` takes the later time, `created` the earlier (neither is a conflict);
 * - `adjudicated` (who settled it, from what, when) changed on one side takes that change; changed
 *   differently on both, the later adjudication stands, as a later ruling replaces an earlier one;
 * - `target`, `note`, `author`, `original` changed to different values on both sides keep ours
 *   in the field and both values in a recorded conflict (nothing is lost);
 * - conflicts already recorded on either side are kept (once).
 *
 * Without a base (both sides added the same id) every differing field is a conflict, tags unite.
 * A side still equal to the base gives the other side whole: a conflict resolved on one
 * branch stays resolved and a `modified` set back stays back; and the block path may take that
 * side's bytes without reading the other (blocks.ts).
 */
export interface FieldMerge {
  readonly annotation: Annotation;
  /** Conflicts found by this merge (not those carried over). */
  readonly fresh: readonly AnnotationConflict[];
}

export function mergeAnnotation(base: Annotation | undefined, ours: Annotation, theirs: Annotation): FieldMerge {
  if (base !== undefined && sameStored(ours, base)) return { annotation: theirs, fresh: [] };
  if (base !== undefined && sameStored(theirs, base)) return { annotation: ours, fresh: [] };
  const fresh: AnnotationConflict[] = [];
  const pick = <T>(field: ConflictField, b: T | undefined, o: T, t: T, eq: (x: T, y: T) => boolean, wrap: (v: T) => string | AnnotationTarget): T => {
    if (eq(o, t)) return o;
    if (b !== undefined && eq(o, b)) return t;
    if (b !== undefined && eq(t, b)) return o;
    fresh.push({ field, ours: wrap(o), theirs: wrap(t) });
    return o;
  };
  const same = (x: string, y: string): boolean => x === y;
  const id = (v: string): string => v;
  const target = pick<AnnotationTarget>('target', base?.target, ours.target, theirs.target, sameTarget, (v) => v);
  const note = pick('note', base?.note, ours.note, theirs.note, same, id);
  const author = pick('author', base?.author, ours.author, theirs.author, same, id);
  const original = pick('original', base === undefined ? undefined : base.original ?? '', ours.original ?? '', theirs.original ?? '', same, id);
  const created = ours.created === theirs.created ? ours.created : base !== undefined && ours.created === base.created ? theirs.created : base !== undefined && theirs.created === base.created ? ours.created : ours.created < theirs.created ? ours.created : theirs.created;
  const modified = ours.modified >= theirs.modified ? ours.modified : theirs.modified;
  const tags = mergeTags(base?.tags ?? [], ours.tags, theirs.tags);
  const adjudicated = mergeAdjudication(base, ours.adjudicated, theirs.adjudicated);
  const conflicts = unionConflicts(ours.conflicts ?? [], theirs.conflicts ?? [], fresh);
  const annotation: Annotation = {
    id: ours.id,
    target,
    note,
    tags,
    author,
    created,
    modified,
    ...(original !== '' ? { original } : {}),
    ...(adjudicated ? { adjudicated } : {}),
    ...(conflicts.length > 0 ? { conflicts } : {}),
  };
  return { annotation, fresh };
}

function mergeAdjudication(base: Annotation | undefined, ours: Adjudication | undefined, theirs: Adjudication | undefined): Adjudication | undefined {
  if (sameAdjudication(ours, theirs)) return ours;
  if (base !== undefined && sameAdjudication(ours, base.adjudicated)) return theirs;
  if (base !== undefined && sameAdjudication(theirs, base.adjudicated)) return ours;
  if (!ours || !theirs) return ours ?? theirs;
  return theirs.at > ours.at ? theirs : ours;
}

function sameAdjudication(a: Adjudication | undefined, b: Adjudication | undefined): boolean {
  if (!a || !b) return a === b;
  return a.by === b.by && a.at === b.at && a.from.length === b.from.length && a.from.every((x, i) => x === b.from[i]);
}

/** Set merge of tags against their base: additions of either side in, removals of either side out. */
export function mergeTags(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const b = new Set(base);
  const o = new Set(ours);
  const t = new Set(theirs);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of [...ours, ...theirs]) {
    if (seen.has(tag)) continue;
    seen.add(tag);
    const keep = b.has(tag) ? o.has(tag) && t.has(tag) : true;
    if (keep) out.push(tag);
  }
  return out;
}

export function unionConflicts(...lists: ReadonlyArray<readonly AnnotationConflict[]>): AnnotationConflict[] {
  const out: AnnotationConflict[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const c of list) {
      const k = conflictKey(c);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(c);
    }
  }
  return out;
}

function conflictKey(c: AnnotationConflict): string {
  if ('deletedBy' in c) return `d:${c.deletedBy}`;
  const v = (x: string | AnnotationTarget): string => (typeof x === 'string' ? JSON.stringify(x) : targetKey(x));
  return `f:${c.field}:${v(c.ours)}:${v(c.theirs)}`;
}

export function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

function targetKey(t: AnnotationTarget): string {
  return JSON.stringify([t.exact, t.prefix, t.suffix, t.start, t.end]);
}

/** Every stored field equal (conflicts included). */
export function sameStored(a: Annotation, b: Annotation): boolean {
  return (
    a.id === b.id &&
    a.note === b.note &&
    a.author === b.author &&
    a.created === b.created &&
    a.modified === b.modified &&
    (a.original ?? '') === (b.original ?? '') &&
    sameAdjudication(a.adjudicated, b.adjudicated) &&
    sameTarget(a.target, b.target) &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i]) &&
    JSON.stringify((a.conflicts ?? []).map(conflictKey)) === JSON.stringify((b.conflicts ?? []).map(conflictKey))
  );
}
