import { chmod, realpath, stat } from 'fs/promises';
import * as vscode from 'vscode';
import { lockFile } from '../../node/fileLock';
import type { DirectoryEntry, FileStat, FileSystem } from '../../core/fileSystem';

/**
 * vscode.workspace.fs adapted to the core's FileSystem. Core paths are the URI paths of one
 * workspace folder's scheme and authority, so this works for virtual workspaces too.
 */
export class VsCodeFileSystem implements FileSystem {
  constructor(private readonly base: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return this.base.with({ path });
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  /** Atomic where the file system allows it: write a temporary file beside the target, then rename over it. */
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    // A symbolic link is written through (the core checked its real path is inside the
    // workspace); on a local folder the new file keeps the old one's permissions.
    const real = (await this.realPath(path)) ?? path;
    const target = this.uri(real);
    const slash = real.lastIndexOf('/');
    const tmp = this.uri(`${real.slice(0, slash + 1)}.${real.slice(slash + 1)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    await vscode.workspace.fs.writeFile(tmp, data);
    if (target.scheme === 'file') {
      const mode = await stat(target.fsPath).then((s) => s.mode & 0o7777, () => undefined);
      if (mode !== undefined) await chmod(tmp.fsPath, mode).catch(() => undefined);
    }
    try {
      await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
    } catch (err) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw err;
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(this.uri(path));
      const type = s.type & vscode.FileType.Directory ? 'directory' : s.type & vscode.FileType.File ? 'file' : 'other';
      return { type, size: s.size, mtime: s.mtime };
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
      throw err;
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
    return entries.map(([name, t]) => ({ name, type: t & vscode.FileType.Directory ? 'directory' : t & vscode.FileType.File ? 'file' : 'other' }));
  }

  async rename(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(this.uri(from), this.uri(to), { overwrite: false });
  }

  /**
   * Symbolic links are resolved on local folders only (vscode.workspace.fs has no realpath);
   * other schemes have no links the core could follow out of the workspace.
   */
  async realPath(path: string): Promise<string | undefined> {
    const uri = this.uri(path);
    if (uri.scheme !== 'file') return path;
    try {
      return vscode.Uri.file(await realpath(uri.fsPath)).path;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw err;
    }
  }

  /** The lock file the CLI uses too (src/node/fileLock.ts), on local folders; elsewhere none. */
  async lock(path: string): Promise<() => Promise<void>> {
    const uri = this.uri(path);
    if (uri.scheme !== 'file') return () => Promise.resolve();
    return await lockFile(uri.fsPath);
  }

  async delete(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(path));
    } catch (err) {
      if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) throw err;
    }
  }
}
