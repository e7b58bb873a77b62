/**
 * The analysis contract shared by the engine, the editor, the tree and the CLI.
 * All offsets here are UTF-16 code units, end-exclusive (convert with core/text/offsets at
 * the boundaries). The CLI's `analyze --json` output is documented in README.md.
 */
export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'NORP';

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOC', 'NORP'];

export interface EntityMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  /** Canonical (longest, fullest) name of the entity this mention belongs to. */
  readonly entity: string;
  /** 'name' for proper names; 'role' for descriptions such as "the US President". */
  readonly kind: 'name' | 'role';
}

export type QuoteKind = 'speech' | 'term';

export interface Quote {
  /** Span of the quoted words, without the quote marks. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * 'speech': someone's words. 'term': other quoted text (a scare quote, the title of a work, a
   * nickname, a quoted term): still marked, but with no speaker, and left out of quote clusters
   * and speaker counts. Absent only in data written before kinds existed (read it as 'speech').
   */
  readonly kind?: QuoteKind;
  /** Canonical entity name of the speaker, or null when truly unattributed (always null for a term). */
  readonly speaker: string | null;
  /** The cue verb ("said", "told", "according to"), or null. */
  readonly cue: string | null;
  /** Offsets of the opening and closing quotation marks (the engine always sets them). */
  readonly openMark?: number;
  readonly closeMark?: number;
  /** Span of the mention that names the speaker, when the speaker is an entity mention. */
  readonly speakerSpan?: { readonly start: number; readonly end: number } | null;
}

export interface DocumentAnalysis {
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
}

export interface QuoteMentionRef {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** The quoted words of this mention. */
  readonly text?: string;
  /** Word-level differences against the cluster's longest mention (the editor's hover). */
  readonly diff?: readonly WordDiff[];
}

/** One step of a word-level diff: words both share, or that only the mention ('added') or only the longest mention ('missing') has. */
export interface WordDiff {
  readonly op: 'same' | 'added' | 'missing';
  readonly words: string;
}

export interface QuoteCluster {
  readonly id: string;
  readonly mentions: readonly QuoteMentionRef[];
  /** The longest mention's words: the cluster's reference wording. */
  readonly text?: string;
  /** Number of distinct documents the cluster's mentions come from. */
  readonly sources?: number;
}
