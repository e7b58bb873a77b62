import type { AnnotatedSource, Annotation } from '../annotations/model';
import { upperBound } from '../text/binarySearch';
import { OffsetMap } from '../text/offsets';

/**
 * The places where coders disagree in one source: the coders' annotations are grouped where
 * their spans overlap (a chain of overlapping spans is one place); at each place every coder who
 * covered the source either has the same spans and the same tags as the others, or the place is
 * a disagreement: someone has nothing there ('missing'), the spans differ ('span') or the tags
 * differ ('tags'). Notes are shown, not compared. Pure.
 */

export type DisagreementKind = 'missing' | 'span' | 'tags';

export interface PlaceAnnotation {
  readonly id: string;
  /** Code points, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly tags: readonly string[];
  readonly note: string;
}

export interface PlaceCoder {
  readonly coder: string;
  readonly annotations: readonly PlaceAnnotation[];
}

export interface Place {
  readonly path: string;
  /** The union of the coders' spans there (code points, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** 1-based line of `start`. */
  readonly line: number;
  readonly kinds: readonly DisagreementKind[];
  /** Coders with annotations there, in coder order. */
  readonly coders: readonly PlaceCoder[];
  /** Coders who covered the source but have nothing there. */
  readonly missing: readonly string[];
  /** Ids of every coder annotation there. */
  readonly ids: readonly string[];
  /** The adjudicated annotation that settles this place (it was adjudicated from one of `ids`). */
  readonly resolvedBy?: string;
}

export function findPlaces(
  source: AnnotatedSource,
  coded: readonly Annotation[],
  covering: readonly string[],
  tagFilter: ReadonlySet<string> | undefined,
  adjudicated: readonly Annotation[],
): Place[] {
  const relevant = (tagFilter ? coded.map((a) => ({ ...a, tags: a.tags.filter((t) => tagFilter.has(t)) })).filter((a) => a.tags.length > 0) : [...coded]).sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : 1));
  const settles = new Map<string, string>();
  for (const adj of adjudicated) for (const id of adj.adjudicated?.from ?? []) if (!settles.has(id)) settles.set(id, adj.id);

  const groups: Annotation[][] = [];
  let end = -1;
  for (const a of relevant) {
    if (groups.length > 0 && a.target.start < end) {
      groups[groups.length - 1].push(a);
      end = Math.max(end, a.target.end);
    } else {
      groups.push([a]);
      end = a.target.end;
    }
  }
  const lines = lineStarts(source.text);
  let map: OffsetMap | undefined;
  const astral = groups.length > 0 && /[\uD800-\uDFFF]/.test(source.text);
  const toUtf16 = (cp: number): number => (astral ? (map ??= new OffsetMap(source.text)).toUtf16(cp) : cp);
  const places: Place[] = [];
  for (const group of groups) {
    if (plainAgreement(group, covering)) continue;
    const byCoder = new Map<string, Annotation[]>();
    for (const a of group) {
      const list = byCoder.get(a.author) ?? [];
      list.push(a);
      byCoder.set(a.author, list);
    }
    const present = covering.filter((c) => byCoder.has(c));
    const missing = covering.filter((c) => !byCoder.has(c));
    const spanKey = (as: readonly Annotation[]): string => as.map((a) => `${a.target.start}-${a.target.end}`).join(',');
    const tagKey = (as: readonly Annotation[]): string => (as.length === 1 && as[0].tags.length <= 1 ? (as[0].tags[0] ?? '') : [...new Set(as.flatMap((a) => a.tags))].sort().join('\u0000'));
    const spans = new Set(present.map((c) => spanKey(byCoder.get(c)!)));
    const tagSets = new Set(present.map((c) => tagKey(byCoder.get(c)!)));
    const kinds: DisagreementKind[] = [];
    if (missing.length > 0) kinds.push('missing');
    if (spans.size > 1) kinds.push('span');
    if (tagSets.size > 1) kinds.push('tags');
    if (kinds.length === 0) continue;
    const start = Math.min(...group.map((a) => a.target.start));
    const stop = Math.max(...group.map((a) => a.target.end));
    const ids = group.map((a) => a.id);
    const resolvedBy = ids.map((id) => settles.get(id)).find((x) => x !== undefined);
    places.push({
      path: source.path,
      start,
      end: stop,
      line: lineOf(lines, toUtf16(start)),
      kinds,
      coders: present.map((c) => ({
        coder: c,
        annotations: byCoder.get(c)!.map((a) => ({ id: a.id, start: a.target.start, end: a.target.end, exact: a.target.exact, tags: a.tags, note: a.note })),
      })),
      missing,
      ids,
      ...(resolvedBy !== undefined ? { resolvedBy } : {}),
    });
  }
  return places;
}

/** The common case, without allocating: one annotation per covering coder, same span, same single tag. */
function plainAgreement(group: readonly Annotation[], covering: readonly string[]): boolean {
  if (group.length !== covering.length) return false;
  const first = group[0];
  if (first.tags.length !== 1) return false;
  for (let i = 1; i < group.length; i++) {
    const a = group[i];
    if (a.target.start !== first.target.start || a.target.end !== first.target.end || a.tags.length !== 1 || a.tags[0] !== first.tags[0]) return false;
    for (let j = 0; j < i; j++) if (group[j].author === a.author) return false;
  }
  return true;
}

/** UTF-16 offsets where lines start. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The 1-based line of a UTF-16 offset. */
function lineOf(lines: readonly number[], i16: number): number {
  return upperBound(lines, i16);
}
