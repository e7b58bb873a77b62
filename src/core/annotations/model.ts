/**
 * A user's annotation, as the store, the editor and the exports see it.
 *
 * Positions in `target` are Unicode code points, end-exclusive, as in the sidecar YAML and the
 * W3C TextPositionSelector. Convert with core/text/offsets before handing them to VS Code.
 */
export interface AnnotationTarget {
  /** TextQuoteSelector */
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** TextPositionSelector, code points. */
  readonly start: number;
  readonly end: number;
}

export interface Annotation {
  /** Stable id, e.g. "a-3f9c2e1b7d". Never reused. */
  readonly id: string;
  readonly target: AnnotationTarget;
  /** Markdown. May be empty. */
  readonly note: string;
  readonly tags: readonly string[];
  readonly author: string;
  /** ISO 8601 date-times. */
  readonly created: string;
  readonly modified: string;
  /**
   * The text as it was annotated, kept when the source's wording changed under the annotation
   * (it re-anchored to text that differs from `target.exact`), until the user accepts the new
   * text or re-attaches the annotation. Absent when the wording is as annotated.
   */
  readonly original?: string;
  /**
   * What a merge could not decide (src/core/merge): a field both sides of a merge changed to
   * different values (the annotation holds `ours`), or a deletion on one side of an annotation
   * the other side changed (the annotation is the changed one). Absent when there is none.
   */
  readonly conflicts?: readonly AnnotationConflict[];
}

/** The fields a merge can find changed differently on both sides (tags merge as sets, `modified` takes the later). */
export type ConflictField = 'target' | 'note' | 'author' | 'created' | 'original';

export type AnnotationConflict =
  | {
      readonly field: ConflictField;
      /** Our value (the one the annotation holds); for `original`, '' means absent. */
      readonly ours: string | AnnotationTarget;
      readonly theirs: string | AnnotationTarget;
    }
  | { readonly deletedBy: 'ours' | 'theirs' };

/** One source document with its annotations, the unit that exports consume. */
export interface AnnotatedSource {
  /** Path relative to the workspace root, '/'-separated. */
  readonly path: string;
  readonly text: string;
  readonly annotations: readonly Annotation[];
}
