import type { EntityType } from '../../../core/analysis/types';

/**
 * The elements of the Sources tree. They carry identity only (what they stand for); labels and
 * counts are computed from the index when VS Code asks for the TreeItem, so a refresh never
 * shows stale numbers.
 *
 * Some elements double as command arguments, because VS Code passes the element to the
 * commands of the context menus: annotation elements are AnnotationRefs ({uri, id}), quote
 * and mention elements are RevealArgs ({uri, start, end}, UTF-16), entity elements carry
 * {entity}, source elements {uri}. Keep the property names as they are.
 */
interface Base {
  /** Unique in the whole tree; also the TreeItem id. */
  readonly nodeId: string;
  readonly parent: TreeNode | undefined;
  /** The source this element belongs to (uri string). */
  readonly source: string;
}

export interface SourceNode extends Base {
  readonly kind: 'source';
  readonly uri: string;
}

export type GroupName = 'entities' | 'quotes' | 'annotations';

export interface GroupNode extends Base {
  readonly kind: 'group';
  readonly group: GroupName;
}

export interface EntityTypeNode extends Base {
  readonly kind: 'entityType';
  readonly type: EntityType;
}

export interface EntityNode extends Base {
  readonly kind: 'entity';
  readonly entity: string;
  readonly type: EntityType;
}

/** A mention of an entity in this source, or a mention of a quote in any source (uri). */
export interface MentionNode extends Base {
  readonly kind: 'mention';
  readonly of: 'entity' | 'quote';
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

export interface SpeakerNode extends Base {
  readonly kind: 'speaker';
  /** null: unattributed quotes. */
  readonly speaker: string | null;
}

export interface QuoteNode extends Base {
  readonly kind: 'quote';
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

export interface TagNode extends Base {
  readonly kind: 'tag';
  /** null: untagged annotations. */
  readonly tag: string | null;
}

/** The annotations of one coder (when the view groups annotations by coder). */
export interface CoderNode extends Base {
  readonly kind: 'coder';
  /** The author as recorded ('' for annotations without one). */
  readonly coder: string;
}

export interface AnnotationNode extends Base {
  readonly kind: 'annotation';
  readonly uri: string;
  /** The annotation's id (an AnnotationRef). */
  readonly id: string;
}

export type TreeNode = SourceNode | GroupNode | EntityTypeNode | EntityNode | MentionNode | SpeakerNode | QuoteNode | TagNode | CoderNode | AnnotationNode;

export const GROUP_LABELS: Readonly<Record<GroupName, string>> = {
  entities: 'Entities',
  quotes: 'Quotes',
  annotations: 'Annotations',
};
