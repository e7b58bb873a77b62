/**
 * Every command id the extension contributes, in one typed place. package.json's
 * contributes.commands must list exactly these (a unit test checks it).
 */
export const CommandIds = {
  annotateSelection: 'sourceAnnotator.annotateSelection',
  editAnnotation: 'sourceAnnotator.editAnnotation',
  retagAnnotation: 'sourceAnnotator.retagAnnotation',
  deleteAnnotation: 'sourceAnnotator.deleteAnnotation',
  reattachAnnotation: 'sourceAnnotator.reattachAnnotation',
  acceptChangedText: 'sourceAnnotator.acceptChangedText',
  noteNewLine: 'sourceAnnotator.noteNewLine',
  tagPickDown: 'sourceAnnotator.tagPickDown',
  tagPickUp: 'sourceAnnotator.tagPickUp',
  tagPickToggle: 'sourceAnnotator.tagPickToggle',
  nestSidecars: 'sourceAnnotator.nestSidecars',
  nextQuoteMention: 'sourceAnnotator.nextQuoteMention',
  previousQuoteMention: 'sourceAnnotator.previousQuoteMention',
  toggleEntities: 'sourceAnnotator.toggleEntities',
  toggleQuotes: 'sourceAnnotator.toggleQuotes',
  toggleAnnotations: 'sourceAnnotator.toggleAnnotations',
  exportAnnotations: 'sourceAnnotator.exportAnnotations',
  exportSource: 'sourceAnnotator.exportSource',
  setEntityType: 'sourceAnnotator.setEntityType',
  mergeEntity: 'sourceAnnotator.mergeEntity',
  notAnEntity: 'sourceAnnotator.notAnEntity',
  renameEntity: 'sourceAnnotator.renameEntity',
  correctSpeaker: 'sourceAnnotator.correctSpeaker',
  notAQuote: 'sourceAnnotator.notAQuote',
  correctMention: 'sourceAnnotator.correctMention',
  filterTree: 'sourceAnnotator.filterTree',
  clearTreeFilter: 'sourceAnnotator.clearTreeFilter',
  showAlteredQuotes: 'sourceAnnotator.showAlteredQuotes',
  sortSourcesByDate: 'sourceAnnotator.sortSourcesByDate',
  sortSourcesByPath: 'sourceAnnotator.sortSourcesByPath',
  refresh: 'sourceAnnotator.refresh',
  revealRange: 'sourceAnnotator.revealRange',
  analyzeActive: 'sourceAnnotator.analyzeActive',
  showLog: 'sourceAnnotator.showLog',
  showCoders: 'sourceAnnotator.showCoders',
  groupAnnotationsByCoder: 'sourceAnnotator.groupAnnotationsByCoder',
  groupAnnotationsByTag: 'sourceAnnotator.groupAnnotationsByTag',
  setUpGitMergeDriver: 'sourceAnnotator.setUpGitMergeDriver',
  repairConflictMarkers: 'sourceAnnotator.repairConflictMarkers',
  resolveMergeConflict: 'sourceAnnotator.resolveMergeConflict',
  importSource: 'sourceAnnotator.importSource',
  importSourceFromUrl: 'sourceAnnotator.importSourceFromUrl',
  showAgreementReport: 'sourceAnnotator.showAgreementReport',
  walkDisagreements: 'sourceAnnotator.walkDisagreements',
  refreshDisagreements: 'sourceAnnotator.refreshDisagreements',
  revealDisagreement: 'sourceAnnotator.revealDisagreement',
  acceptCoderAnnotation: 'sourceAnnotator.acceptCoderAnnotation',
  mergeDisagreement: 'sourceAnnotator.mergeDisagreement',
  adjudicateDisagreement: 'sourceAnnotator.adjudicateDisagreement',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** Context keys the extension sets for `when` clauses. */
export const ContextKeys = {
  isSource: 'sourceAnnotator.isSource',
  indexed: 'sourceAnnotator.indexed',
  hasSources: 'sourceAnnotator.hasSources',
  treeFiltered: 'sourceAnnotator.treeFiltered',
  /** Some coders' annotations are hidden (sourceAnnotator.coders.shown lists others). */
  codersFiltered: 'sourceAnnotator.codersFiltered',
  /** Annotations by two coders or more: the Disagreements view is shown. */
  severalCoders: 'sourceAnnotator.severalCoders',
  /** The Sources view is sorted by date (sourceAnnotator.sources.sortBy). */
  sourcesByDate: 'sourceAnnotator.sourcesByDate',
  /** The note prompt of Annotate Selection / Edit Note is open (Shift+Enter starts a new line). */
  noteInputOpen: 'sourceAnnotator.noteInputOpen',
  /** The tags quick pick is open (its Up/Down/Space keys are ours), and a row is highlighted. */
  tagPickOpen: 'sourceAnnotator.tagPickOpen',
  tagRowActive: 'sourceAnnotator.tagRowActive',
} as const;

export const VIEW_ID = 'sourceAnnotator.sources';
export const LEGEND_VIEW_ID = 'sourceAnnotator.legend';
export const DISAGREEMENTS_VIEW_ID = 'sourceAnnotator.disagreements';
export const WALKTHROUGH_ID = 'sourceAnnotator.gettingStarted';
