import type { AnnotatedSource } from '../annotations/model';

/** The sources with only their adjudicated annotations (what `export --adjudicated` exports). */
export function onlyAdjudicated(sources: readonly AnnotatedSource[]): AnnotatedSource[] {
  return sources.map((s) => ({ ...s, annotations: s.annotations.filter((a) => a.adjudicated !== undefined) }));
}
