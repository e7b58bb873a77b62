import type { EntityType } from '../analysis/types';

/**
 * The user's corrections to the analysis engine, as the engine consumes them.
 * The workspace curation file (src/core/curation/, annotation-store issue) parses into this;
 * the analysis applies it to every document.
 */
export interface CurationRules {
  /** "This is a PERSON": force the type of every mention with this exact surface text. */
  readonly types: ReadonlyArray<{ readonly text: string; readonly type: EntityType }>;
  /** Merge one entity (by canonical name or surface text) into another canonical entity. */
  readonly merges: ReadonlyArray<{ readonly from: string; readonly into: string }>;
  /** Surface texts that are not entities ("Replay More Videos"). */
  readonly notEntities: ReadonlyArray<string>;
  /** Rename a canonical name. */
  readonly renames: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

export const NO_CURATION: CurationRules = { types: [], merges: [], notEntities: [], renames: [] };
