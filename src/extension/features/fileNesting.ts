import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { SIDECAR_SUFFIX } from '../../core/store/sidecar';
import { PROVENANCE_SUFFIX } from '../../core/provenance/model';
import { readSettings } from '../settings';

/**
 * "Nest Sidecars Under Their Sources": offers VS Code's Explorer file nesting for this workspace
 * (never forced): `explorer.fileNesting.enabled` and one pattern per source extension of the
 * include globs (the annotations sidecar and the provenance file), added to the patterns the
 * workspace already has.
 */
export class FileNesting implements vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.commands.registerCommand(CommandIds.nestSidecars, () => this.nest());
  }

  /** The patterns to add: `*.txt` → `${capture}.txt.annotations.yaml, ${capture}.txt.provenance.yaml`, per extension of the include globs. */
  static patterns(include: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const g of include) {
      const m = /\*\.([A-Za-z0-9]+)$/.exec(g);
      if (m) out[`*.${m[1]}`] = `\${capture}.${m[1]}${SIDECAR_SUFFIX}, \${capture}.${m[1]}${PROVENANCE_SUFFIX}`;
    }
    return out;
  }

  async nest(): Promise<boolean> {
    if (!vscode.workspace.workspaceFolders?.length) return false;
    const wanted = FileNesting.patterns(readSettings().include);
    const config = vscode.workspace.getConfiguration('explorer.fileNesting');
    const current = config.inspect<Record<string, string>>('patterns')?.workspaceValue ?? {};
    const merged: Record<string, string> = { ...current };
    for (const [k, v] of Object.entries(wanted)) {
      const had = merged[k];
      if (!had) {
        merged[k] = v;
        continue;
      }
      const present = had.split(',').map((x) => x.trim());
      const missing = v.split(',').map((x) => x.trim()).filter((x) => !present.includes(x));
      merged[k] = missing.length > 0 ? `${had}, ${missing.join(', ')}` : had;
    }
    await config.update('enabled', true, vscode.ConfigurationTarget.Workspace);
    await config.update('patterns', merged, vscode.ConfigurationTarget.Workspace);
    void vscode.window.showInformationMessage('Source Annotator: sidecars are now nested under their sources in the Explorer (workspace setting explorer.fileNesting.patterns).');
    return true;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
