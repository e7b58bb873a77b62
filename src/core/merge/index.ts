export { mergeAnnotation, mergeTags, sameStored } from './annotations';
export { mergeSidecarTexts, type MergeReport, type SidecarMergeResult } from './sidecarMerge';
export { curationConflicts, curationMergeProblems, mergeCurationTexts, resolveCurationConflict, CURATION_LISTS, type CurationMergeProblem, type CurationMergeResult } from './curationMerge';
export { findConflictMarker, splitConflictMarkers, type MarkerSplit } from './markers';
export { repairConflictMarkers, type RepairResult } from './repair';
export { DRIVER_NAME, DRIVER_LABEL, GITATTRIBUTES_LINES, driverCommand, mergeFile, mergeKindOf, parseDriverCommand, shellQuote, withGitattributes, type FileMergeResult } from './setup';
