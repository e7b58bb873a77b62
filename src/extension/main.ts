import * as vscode from 'vscode';
import { analyzeDocument } from '../core/analysis';
import { CommandIds } from './commandIds';

/**
 * Activation: create the services and register everything into context.subscriptions.
 * Keep this cheap: analysis runs lazily, when a source is shown.
 */
export function activate(context: vscode.ExtensionContext): { readonly ready: true } {
  const log = vscode.window.createOutputChannel('Source Annotator', { log: true });
  context.subscriptions.push(log);

  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
    vscode.commands.registerCommand(CommandIds.analyzeActive, () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Source Annotator: open a source first.');
        return undefined;
      }
      const result = analyzeDocument(editor.document.getText());
      log.info(`${editor.document.uri.toString()}: ${result.entities.length} entities, ${result.quotes.length} quotes`);
      return result;
    }),
  );
  log.info('Source Annotator activated');
  return { ready: true };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
