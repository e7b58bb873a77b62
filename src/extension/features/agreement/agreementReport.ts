import * as vscode from 'vscode';
import { agreementMarkdown, computeAgreement } from '../../../core/agreement';
import { CommandIds } from '../../commandIds';
import type { AnnotationService } from '../../services/annotationService';
import type { SourceIndex } from '../../services/sourceIndex';
import { liveSources } from './liveSources';

/**
 * "Source Annotator: Show Agreement Report": the agreement of the coders over the workspace as
 * a Markdown document (every piece of user content escaped by the core renderer), shown in the
 * Markdown preview. The document is untitled: nothing is written unless the user saves it.
 */
export class AgreementReportCommand implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
  ) {
    this.disposables.push(vscode.commands.registerCommand(CommandIds.showAgreementReport, () => this.show()));
  }

  /** Returns the Markdown shown (for the tests). */
  async show(): Promise<string> {
    await this.annotations.settled();
    const { sources } = liveSources(this.index, this.annotations);
    const name = vscode.workspace.name ?? 'workspace';
    const markdown = agreementMarkdown(computeAgreement(sources), `Agreement of the coders: ${name}`);
    const doc = await vscode.workspace.openTextDocument({ content: markdown, language: 'markdown' });
    try {
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    } catch {
      await vscode.window.showTextDocument(doc, { preview: false });
    }
    return markdown;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
