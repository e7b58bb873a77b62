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
  /** The speaker of every quote with this text (whitespace-normalised): a person of the workspace or a name the user typed. */
  readonly speakers?: ReadonlyArray<{ readonly quote: string; readonly speaker: string }>;
  /** Quoted text that is nobody's words (a scare quote, a title): every quote with this text. */
  readonly notQuotes?: ReadonlyArray<string>;
  /**
   * One mention, named by its text and the words around it (so that it survives edits
   * elsewhere): not an entity (`entity` absent), or another entity.
   */
  readonly mentions?: ReadonlyArray<MentionRule>;
}

export interface MentionRule {
  readonly text: string;
  /** The text right before the mention (up to MENTION_CONTEXT characters), as it was when corrected. */
  readonly prefix: string;
  /** The text right after it. */
  readonly suffix: string;
  /** The entity this mention is; absent: it is no entity. */
  readonly entity?: string;
}

/** Characters of context kept on each side of a corrected mention. */
export const MENTION_CONTEXT = 24;

export const NO_CURATION: CurationRules = { types: [], merges: [], notEntities: [], renames: [] };

/** Whitespace-normalised quote text, the key of speaker and not-a-quote rules. */
export function quoteKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
