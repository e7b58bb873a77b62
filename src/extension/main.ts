import * as vscode from 'vscode';
import { CommandIds, ContextKeys } from './commandIds';
import { AnnotateCommands } from './features/annotateCommands';
import { Decorations } from './features/decorations';
import { Hovers } from './features/hovers';
import { Problems } from './features/problems';
import { MergeCommands } from './features/mergeCommands';
import { CurationCommands } from './features/curationCommands';
import { ExportCommands } from './features/exportCommands';
import { ImportDropController, ImportSourceCommands } from './features/importSourceCommands';
import { StatusBar } from './features/statusBar';
import { Symbols } from './features/symbols';
import { SourcesTree } from './features/tree/sourcesTree';
import { LegendView } from './features/tree/legend';
import { FileNesting } from './features/fileNesting';
import { AgreementReportCommand } from './features/agreement/agreementReport';
import { Disagreements } from './features/agreement/disagreements';
import { QuoteMentions } from './features/quoteMentions';
import { AnalysisClient } from './services/analysisClient';
import { AnnotationService } from './services/annotationService';
import { AuthorResolver } from './services/author';
import { CoderService } from './services/coders';
import { CoderCommands } from './features/coderCommands';
import { SourceIndex } from './services/sourceIndex';
import { ProvenanceIndex } from './services/provenanceIndex';
import { readSettings, toggleLayer, SECTION } from './settings';

/** What activate() returns: the services, for the integration tests. */
export interface SourceAnnotatorApi {
  readonly ready: true;
  readonly index: SourceIndex;
  readonly annotations: AnnotationService;
  readonly decorations: Decorations;
  readonly annotate: AnnotateCommands;
  readonly activationMs: number;
  // --- tree, symbols, status bar, export (see features/tree/, symbols.ts, statusBar.ts, exportCommands.ts)
  readonly tree: SourcesTree;
  readonly symbols: Symbols;
  readonly statusBar: StatusBar;
  readonly exports: ExportCommands;
  readonly curation: CurationCommands;
  readonly coders: CoderService;
  readonly coderCommands: CoderCommands;
  readonly legend: LegendView;
  /** Provenance files and where quotes first appeared (services/provenanceIndex.ts). */
  readonly provenance: ProvenanceIndex;
  readonly importSource: ImportSourceCommands;
  readonly agreement: AgreementReportCommand;
  readonly disagreements: Disagreements;
}

/**
 * Documents the providers apply to: any document on any scheme, because the source globs
 * (sourceAnnotator.sources.include) decide what a source is, whatever its language. Each
 * provider answers only for indexed sources, after one map lookup.
 */
const SELECTOR: vscode.DocumentSelector = [{ scheme: '*' }];

/**
 * Activation creates the services and registers everything into context.subscriptions. It is
 * cheap: indexing starts in the background, in time slices.
 */
export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Source Annotator', { log: true });
  context.subscriptions.push(log);
  let settings = readSettings();

  const author = new AuthorResolver(() => readSettings().author);
  const analysisClient = new AnalysisClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath, log);
  context.subscriptions.push({ dispose: () => analysisClient.dispose() });
  const index = new SourceIndex(settings, analysisClient, log);
  const annotations = new AnnotationService(index, () => author.get(), log);
  const provenance = new ProvenanceIndex(index, log);
  const coders = new CoderService(annotations, settings);
  const decorations = new Decorations(index, annotations, coders, settings);
  const quoteMentions = new QuoteMentions(index, settings, SELECTOR);
  const annotate = new AnnotateCommands(annotations, coders);
  const hovers = new Hovers(index, annotations, coders, settings, SELECTOR, provenance);
  const coderCommands = new CoderCommands(coders);
  context.subscriptions.push(
    index,
    provenance,
    annotations,
    coders,
    coderCommands,
    decorations,
    quoteMentions,
    hovers,
    annotate,
  );
  // The curation file's loader comes first: Problems and the merge quick fixes cover it too.
  const curation = new CurationCommands(index, log);
  context.subscriptions.push(curation, new Problems(annotations, index, SELECTOR, curation), new MergeCommands(annotations, context.extensionUri, curation));
  // --- tree, symbols, status bar, export (see features/tree/, symbols.ts, statusBar.ts, exportCommands.ts)
  const tree = new SourcesTree(index, annotations, coders, provenance, new ImportDropController());
  const symbols = new Symbols(index, annotations, coders, SELECTOR);
  const statusBar = new StatusBar(index, annotations, coders);
  const legend = new LegendView(coders);
  const exports = new ExportCommands(index, annotations, provenance);
  context.subscriptions.push(tree, symbols, statusBar, exports, legend, new FileNesting());
  const importSource = new ImportSourceCommands(context.extensionUri, log);
  context.subscriptions.push(importSource);
  void curation.reload();
  // --- end tree, symbols, status bar, export
  const agreement = new AgreementReportCommand(index, annotations);
  const disagreements = new Disagreements(index, annotations);
  context.subscriptions.push(agreement, disagreements);

  const updateContext = (): void => {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', ContextKeys.isSource, !!editor && index.isSource(editor.document.uri));
    void vscode.commands.executeCommand('setContext', ContextKeys.indexed, index.isIndexed);
    void vscode.commands.executeCommand('setContext', ContextKeys.hasSources, index.size > 0);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
    vscode.commands.registerCommand(CommandIds.refresh, () => index.reindex()),
    vscode.commands.registerCommand(CommandIds.toggleEntities, () => toggleLayer('entities')),
    vscode.commands.registerCommand(CommandIds.toggleQuotes, () => toggleLayer('quotes')),
    vscode.commands.registerCommand(CommandIds.toggleAnnotations, () => toggleLayer('annotations')),
    vscode.commands.registerCommand(CommandIds.analyzeActive, () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Source Annotator: open a source first.');
        return undefined;
      }
      return index.get(editor.document.uri)?.analysis ?? analysisClient.analyze(editor.document.getText(), index.curationRules);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    index.onDidChange(updateContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      settings = readSettings();
      index.updateSettings(settings);
      coders.updateSettings(settings);
      decorations.updateSettings(settings);
      quoteMentions.updateSettings(settings);
      hovers.updateSettings(settings);
    }),
  );

  updateContext();
  void index.reindex();
  const activationMs = performance.now() - t0;
  log.info(`Source Annotator activated in ${activationMs.toFixed(1)} ms`);
  return { ready: true, index, annotations, decorations, annotate, activationMs, tree, symbols, statusBar, exports, curation, provenance, importSource, agreement, disagreements, coders, coderCommands, legend };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
