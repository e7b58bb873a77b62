/**
 * Every command id the extension contributes, in one typed place. package.json's
 * contributes.commands must list exactly these (a unit test checks it).
 */
export const CommandIds = {
  analyzeActive: 'sourceAnnotator.analyzeActive',
  showLog: 'sourceAnnotator.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
