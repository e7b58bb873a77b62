import * as path from 'path';
import { guarded } from './commandGuard';
import * as vscode from 'vscode';
import { isSidecarPath, sourcePathFor } from '../../core/store/paths';
import { driverScript, setUpMergeDriver } from '../../node/git';
import { CommandIds } from '../commandIds';
import type { AnnotationService } from '../services/annotationService';
import type { CurationCommands } from './curationCommands';

/** Arguments of the merge quick fixes (Problems builds them; anything else is refused). */
export interface ConflictRef {
  /** The sidecar's URI. */
  readonly uri: string;
  readonly id?: string;
  readonly index?: number;
  readonly side?: 'ours' | 'theirs';
  /** A curation conflict record's JSON: the fix acts on that record wherever it now is. */
  readonly record?: string;
}

/**
 * The editor's half of team work in git (src/core/merge): "Set Up Git Merge Driver" (the same
 * code as `source-annotator git-setup`, trusted workspaces only), the quick fix that rebuilds a
 * sidecar (or the curation file) left with conflict markers, and the one that keeps one side of
 * a recorded conflict.
 */
export class MergeCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly annotations: AnnotationService,
    private readonly extensionUri: vscode.Uri,
    private readonly curation?: Pick<CurationCommands, 'isCurationFile' | 'repairConflictMarkers' | 'resolveConflict'>,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(CommandIds.setUpGitMergeDriver, () => this.guard(() => this.setUp())),
      vscode.commands.registerCommand(CommandIds.repairConflictMarkers, (ref?: ConflictRef) => this.guard(() => this.repair(ref))),
      vscode.commands.registerCommand(CommandIds.resolveMergeConflict, (ref?: ConflictRef) => this.guard(() => this.resolve(ref))),
    );
  }

  private guard<T>(f: () => Promise<T>): Promise<T | undefined> {
    return guarded(f);
  }


  private async setUp(): Promise<string[] | undefined> {
    if (!vscode.workspace.isTrusted) throw new Error('setting up the git merge driver needs a trusted workspace (it changes the repository configuration).');
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) throw new Error('open a folder on this computer first (the merge driver is registered in its git repository).');
    const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Set up the merge driver in the repository of which folder?' });
    if (!folder) return undefined;
    // The editor's Node is VS Code's own binary run as Node (ELECTRON_RUN_AS_NODE), unless it is a plain Node (code-server).
    const cli = vscode.Uri.joinPath(this.extensionUri, 'dist', 'cli.js').fsPath;
    const done = setUpMergeDriver(folder.uri.fsPath, { runtime: process.execPath, cli: driverScript(path.resolve(cli)), electron: typeof process.versions.electron === 'string' });
    void vscode.window.showInformationMessage(`Source Annotator: git merge driver set up. ${done.join('; ')}.`);
    return done;
  }

  private sourceOf(ref: ConflictRef | undefined): vscode.Uri {
    if (!ref || typeof ref.uri !== 'string') throw new Error('no sidecar given.');
    const uri = vscode.Uri.parse(ref.uri, true);
    if (!isSidecarPath(uri.path) || !vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`${ref.uri} is not a sidecar of this workspace.`);
    return uri.with({ path: sourcePathFor(uri.path) });
  }

  /** The curation file the quick fix names, when it names one (else the quick fix is a sidecar's). */
  private curationFile(ref: ConflictRef | undefined): vscode.Uri | undefined {
    if (!this.curation || !ref || typeof ref.uri !== 'string') return undefined;
    const uri = vscode.Uri.parse(ref.uri, true);
    return this.curation.isCurationFile(uri) ? uri : undefined;
  }

  private async repair(ref: ConflictRef | undefined): Promise<unknown> {
    const curationUri = this.curationFile(ref);
    if (curationUri && this.curation) {
      const r = await this.curation.repairConflictMarkers(curationUri);
      void vscode.window.showInformationMessage(
        `Source Annotator: rebuilt the curation file from both sides of ${r.hunks} conflict(s)${r.threeWay ? ' with their base' : ''}.${r.conflicts > 0 ? ` ${r.conflicts} entr${r.conflicts === 1 ? 'y has' : 'ies have'} conflicts to decide (see Problems).` : ''}`,
      );
      return r;
    }
    const source = this.sourceOf(ref);
    const r = await this.annotations.repairConflictMarkers(source);
    void vscode.window.showInformationMessage(
      `Source Annotator: rebuilt the sidecar from both sides of ${r.hunks} conflict(s)${r.threeWay ? ' with their base' : ''}.${r.conflicts > 0 ? ` ${r.conflicts} annotation(s) have conflicts to decide (see Problems).` : ''}`,
    );
    return r;
  }

  private async resolve(ref: ConflictRef | undefined): Promise<unknown> {
    const curationUri = this.curationFile(ref);
    if (curationUri && this.curation) {
      if (!ref || !Number.isSafeInteger(ref.index) || (ref.side !== 'ours' && ref.side !== 'theirs')) throw new Error('which conflict to resolve is missing.');
      await this.curation.resolveConflict(curationUri, ref.index!, ref.side, typeof ref.record === 'string' ? ref.record : undefined);
      return true;
    }
    const source = this.sourceOf(ref);
    if (!ref || typeof ref.id !== 'string' || !Number.isSafeInteger(ref.index) || (ref.side !== 'ours' && ref.side !== 'theirs')) throw new Error('which conflict to resolve is missing.');
    return (await this.annotations.resolveConflict(source, ref.id, ref.index!, ref.side)) ?? null;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
