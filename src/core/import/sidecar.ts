import type { Annotation } from '../annotations/model';
import { newSidecarDocument, insertAnnotation, parseSidecar, sortAnnotations, stringifySidecar } from '../store/sidecar';

/**
 * The text of a new sidecar holding `annotations`, built in one pass with the store's own
 * sidecar functions (src/core/store/sidecar.ts) and checked by its parser. Used by the import
 * when a source has no sidecar yet: adding thousands of annotations one store operation at a
 * time re-parses the growing file for each one (quadratic). No sourceHash is written, so the
 * store re-anchors every annotation on its next load (AnnotationStore.saveAnchors writes the
 * anchored positions and the hash).
 */
export function newSidecarText(sourceName: string, annotations: readonly Annotation[]): string {
  const doc = newSidecarDocument(sourceName);
  const sorted = [...annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  for (const a of sorted) insertAnnotation(doc, a);
  sortAnnotations(doc);
  const text = stringifySidecar(doc, false);
  const check = parseSidecar(text);
  if (!check.ok) throw new Error(`refusing to write an invalid sidecar (${check.issues[0].line}:${check.issues[0].col}: ${check.issues[0].message})`);
  return text;
}
