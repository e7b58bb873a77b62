import * as vscode from 'vscode';
import { UserError } from '../../core/fileSystem';
import { CommandIds } from '../commandIds';
import { readSettings } from '../settings';
import { DEFAULT_IMPORT_LIMITS, IMPORT_EXTENSIONS, SAVED_PAGE_EXTENSIONS } from '../../core/sourceImport/types';
import { writeImportedSource } from '../../core/sourceImport/write';
import { fetchPage, urlFileName } from '../../node/fetchPage';
import { SourceImportClient } from '../../node/sourceImportClient';
import { VsCodeFileSystem } from '../services/vscodeFileSystem';

/** Arguments that skip the dialogs (tests, scripts): URIs as strings or vscode.Uri. */
export interface ImportSourceArgs {
  /** Files to import (skips the open dialog). */
  readonly files?: readonly (string | vscode.Uri)[];
  /** The folder to write into (skips the folder choice); must be inside a workspace folder. */
  readonly folder?: string | vscode.Uri;
  /** Open the first new source (default true). */
  readonly open?: boolean;
}

export interface ImportUrlArgs {
  /** The address (skips the input box). */
  readonly url?: string;
  readonly folder?: string | vscode.Uri;
  readonly open?: boolean;
}

/** What the commands return, for tests: each written source, each refused input with why. */
export interface ImportOutcome {
  readonly imported: { readonly input: string; readonly source: string; readonly provenance: string; readonly savedPage?: string }[];
  readonly failed: { readonly input: string; readonly message: string }[];
  readonly cancelled: boolean;
}

/**
 * "Import Source…" (an open dialog for web pages, web archives, PDFs and Word documents) and
 * "Import Source from URL…" (an input box): each input becomes `<title>.txt` with its
 * `<title>.txt.provenance.yaml` in the chosen folder (a workspace folder, or the folder of the
 * Sources view's selected source), through the same core as the CLI. Progress in a
 * notification, cancellable between files and during a download; each file's import is stopped
 * at `sourceAnnotator.import.timeLimitSeconds` (its worker ended, nothing written). Needs a trusted workspace:
 * it writes files.
 */
export class ImportSourceCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly importer: SourceImportClient;
  /** The last command's error message, if it failed (shown in a notification; read by tests). */
  lastError: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.importer = new SourceImportClient(vscode.Uri.joinPath(this.extensionUri, 'dist', 'sourceImportWorker.js').fsPath);
    this.disposables.push(
      this.importer,
      vscode.commands.registerCommand(CommandIds.importSource, (arg?: unknown, selection?: unknown) => this.guard(() => this.importFiles(arg, selection))),
      vscode.commands.registerCommand(CommandIds.importSourceFromUrl, (arg?: unknown) => this.guard(() => this.importUrl(arg))),
    );
  }

  private async guard<T>(f: () => Promise<T>): Promise<T | undefined> {
    this.lastError = undefined;
    try {
      return await f();
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      if (!(err instanceof UserError)) this.log.error(`Import Source: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      void vscode.window.showErrorMessage(`Source Annotator: import failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  private checkTrust(): void {
    if (!vscode.workspace.isTrusted) throw new UserError('Import Source writes files: trust the workspace first.');
  }

  private async importFiles(arg: unknown, selection: unknown): Promise<ImportOutcome | undefined> {
    this.checkTrust();
    const args = isArgs(arg) ? (arg as ImportSourceArgs) : {};
    // From a tree row or the Explorer: the row's folder is where the new sources go.
    const clicked = arg instanceof vscode.Uri ? arg : nodeUri(arg);
    let files = (args.files ?? []).map(toUri);
    // From the Explorer's context menu: the selected files (or the clicked one).
    if (files.length === 0 && Array.isArray(selection) && selection.every((s) => s instanceof vscode.Uri) && selection.length > 0 && selection.every(isImportable)) files = selection;
    else if (files.length === 0 && arg instanceof vscode.Uri && isImportable(arg)) files = [arg];
    const folder = await this.pickFolder(args.folder !== undefined ? toUri(args.folder) : clicked ? vscode.Uri.joinPath(clicked, '..') : undefined);
    if (!folder) return undefined;
    if (files.length === 0) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: true,
        openLabel: 'Import',
        title: 'Import Source: web pages, PDFs, Word documents',
        defaultUri: folder.folder,
        filters: { 'Web pages, PDFs, Word documents': [...IMPORT_EXTENSIONS], 'All files': ['*'] },
      });
      if (!picked || picked.length === 0) return undefined;
      files = picked;
    }
    return this.run(folder, files.map((f) => ({ label: baseName(f.path), read: () => this.readFile(f) })), args.open !== false);
  }

  private async importUrl(arg: unknown): Promise<ImportOutcome | undefined> {
    this.checkTrust();
    const args = isArgs(arg) ? (arg as ImportUrlArgs) : {};
    const folder = await this.pickFolder(args.folder !== undefined ? toUri(args.folder) : nodeUri(arg) ? vscode.Uri.joinPath(nodeUri(arg)!, '..') : undefined);
    if (!folder) return undefined;
    const url =
      args.url ??
      (await vscode.window.showInputBox({
        title: 'Import Source from URL',
        prompt: 'The page is fetched once, saved beside the new source, and its article imported.',
        placeHolder: 'https://…',
        ignoreFocusOut: true,
        validateInput: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? undefined : 'An http:// or https:// address'),
      }));
    if (!url) return undefined;
    const address = url.trim();
    return this.run(
      folder,
      [
        {
          label: address,
          read: async (signal) => {
            const page = await fetchPage(address, undefined, signal);
            return { bytes: page.bytes, name: urlFileName(page.url), url: page.url, contentType: page.contentType, keep: true };
          },
        },
      ],
      args.open !== false,
    );
  }

  private async readFile(uri: vscode.Uri): Promise<Input> {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.size > DEFAULT_IMPORT_LIMITS.maxBytes) throw new UserError(`${baseName(uri.path)}: the file is too large (${st.size} bytes; the limit is ${DEFAULT_IMPORT_LIMITS.maxBytes})`);
    return { bytes: await vscode.workspace.fs.readFile(uri), name: baseName(uri.path) };
  }

  /** The folder to write into, and the workspace folder it is in (its root for the real-path check). */
  private async pickFolder(hint: vscode.Uri | undefined): Promise<{ folder: vscode.Uri; root: vscode.WorkspaceFolder } | undefined> {
    if (hint) {
      const root = vscode.workspace.getWorkspaceFolder(hint);
      if (!root) throw new UserError(`${hint.fsPath || hint.toString()} is not in a workspace folder`);
      return { folder: hint, root };
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) throw new UserError('open a folder first: the imported sources are written into it.');
    const root = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Import into which folder?' });
    return root ? { folder: root.uri, root } : undefined;
  }

  private async run(target: { folder: vscode.Uri; root: vscode.WorkspaceFolder }, inputs: readonly Job[], open: boolean): Promise<ImportOutcome> {
    const fs = new VsCodeFileSystem(target.root.uri);
    const outcome: { imported: ImportOutcome['imported'][number][]; failed: ImportOutcome['failed'][number][]; cancelled: boolean } = { imported: [], failed: [], cancelled: false };
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Source Annotator: importing', cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => {
          abort.abort();
          this.importer.cancel();
        });
        try {
          for (const [i, job] of inputs.entries()) {
            if (token.isCancellationRequested) {
              outcome.cancelled = true;
              break;
            }
            progress.report({ message: `${job.label} (${i + 1} of ${inputs.length})`, increment: 100 / inputs.length });
            try {
              const input = await job.read(abort.signal);
              const imported = await this.importer.import(
                { bytes: input.bytes, name: input.name, url: input.url, contentType: input.contentType, retrieved: new Date().toISOString() },
                readSettings(target.root.uri).importTimeLimitSeconds,
              );
              if (token.isCancellationRequested) {
                outcome.cancelled = true;
                break;
              }
              const written = await writeImportedSource(fs, target.folder.path, imported, {
                root: target.root.uri.path,
                savedPage: input.keep ? { bytes: input.bytes, extension: SAVED_PAGE_EXTENSIONS[imported.format] } : undefined,
              });
              outcome.imported.push({ input: job.label, source: fs.uri(written.sourcePath).toString(), provenance: fs.uri(written.provenancePath).toString(), savedPage: written.savedPagePath ? fs.uri(written.savedPagePath).toString() : undefined });
            } catch (err) {
              if (token.isCancellationRequested) {
                outcome.cancelled = true;
                break;
              }
              if (!(err instanceof UserError) && !(err instanceof vscode.FileSystemError)) throw err;
              outcome.failed.push({ input: job.label, message: err.message });
            }
          }
        } finally {
          sub.dispose();
        }
      },
    );
    if (outcome.failed.length > 0) {
      void vscode.window.showErrorMessage(`Source Annotator: not imported: ${outcome.failed.map((f) => f.message).join('; ')}`);
    }
    if (outcome.imported.length > 0) {
      if (open) await vscode.window.showTextDocument(vscode.Uri.parse(outcome.imported[0].source), { preview: false });
      if (outcome.imported.length > 1) void vscode.window.showInformationMessage(`Source Annotator: imported ${outcome.imported.length} sources, each with its provenance file.`);
    }
    return outcome;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Drop files (from the Explorer or the desktop) or links (from a browser) onto the Sources view:
 * pages, PDFs and Word documents are imported as by Import Source…, next to the source they are
 * dropped on (else into the workspace folder); an http(s) link is imported as by Import Source
 * from URL…. Other files are ignored. Nothing is dragged out of the view.
 */
export class ImportDropController implements vscode.TreeDragAndDropController<unknown> {
  readonly dropMimeTypes = ['text/uri-list'];
  readonly dragMimeTypes: string[] = [];

  async handleDrop(target: unknown, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const item = data.get('text/uri-list');
    if (!item) return;
    const lines = (await item.asString())
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('#'));
    if (token.isCancellationRequested) return;
    const uris = lines.flatMap((l) => {
      try {
        return [vscode.Uri.parse(l, true)];
      } catch {
        return [];
      }
    });
    const hint = nodeUri(target);
    const folder = hint ? vscode.Uri.joinPath(hint, '..') : undefined;
    const files = uris.filter((u) => u.scheme !== 'http' && u.scheme !== 'https' && isImportable(u));
    if (files.length > 0) await vscode.commands.executeCommand(CommandIds.importSource, { files, folder } satisfies ImportSourceArgs);
    for (const link of uris.filter((u) => u.scheme === 'http' || u.scheme === 'https').slice(0, 10)) {
      if (token.isCancellationRequested) return;
      await vscode.commands.executeCommand(CommandIds.importSourceFromUrl, { url: link.toString(true), folder } satisfies ImportUrlArgs);
    }
  }
}

interface Input {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly url?: string;
  readonly contentType?: string;
  /** Keep the bytes beside the source (a fetched page). */
  readonly keep?: boolean;
}

interface Job {
  readonly label: string;
  read(signal: AbortSignal): Promise<Input>;
}

function isArgs(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && ('files' in arg || 'folder' in arg || 'url' in arg || 'open' in arg);
}

function nodeUri(arg: unknown): vscode.Uri | undefined {
  const uri = typeof arg === 'object' && arg !== null && 'uri' in arg ? arg.uri : undefined;
  return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : undefined;
}

function toUri(u: string | vscode.Uri): vscode.Uri {
  return typeof u === 'string' ? vscode.Uri.parse(u) : u;
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function isImportable(u: vscode.Uri): boolean {
  return /\.(html?|xhtml|mhtml?|pdf|docx)$/i.test(u.path);
}
