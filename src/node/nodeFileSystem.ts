import { constants } from 'fs';
import * as fs from 'fs/promises';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { DirectoryEntry, FileStat, FileSystem } from '../core/fileSystem';
import { lockFile } from './fileLock';

/** Node's fs adapted to the core's FileSystem interface. Used by the CLI. */
export class NodeFileSystem implements FileSystem {
  private readonly realDirs = new Map<string, Promise<string>>();

  /**
   * Reads regular files only: the file is opened without blocking (a FIFO would otherwise wait
   * for a writer forever) and its type checked on the open handle before reading.
   */
  async readFile(p: string): Promise<Uint8Array> {
    const handle = await fs.open(p, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw Object.assign(new Error(`${p}: not a regular file`), { code: st.isDirectory() ? 'EISDIR' : 'EINVAL' });
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /**
   * Atomic: write a temporary file beside the target, fsync it, then rename over the target.
   * A target that is a symbolic link is written through (the file it points to is replaced,
   * the link stays; the core has checked that the real path is inside the workspace), and the
   * new file keeps the old one's permissions.
   */
  async writeFile(p: string, data: Uint8Array): Promise<void> {
    let target = p;
    let mode: number | undefined;
    try {
      target = await fs.realpath(p);
      mode = (await fs.stat(target)).mode & 0o7777;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  async stat(p: string): Promise<FileStat | undefined> {
    try {
      const s = await fs.stat(p);
      return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size, mtime: s.mtimeMs };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw err;
    }
  }

  /**
   * A symbolic link to a file is listed as a file (as VS Code lists it; the core checks where it
   * really leads); a link to a folder is 'other', never walked into (links can make cycles).
   */
  async readDirectory(p: string): Promise<DirectoryEntry[]> {
    const entries = await fs.readdir(p, { withFileTypes: true });
    return await Promise.all(
      entries.map(async (e): Promise<DirectoryEntry> => {
        if (e.isSymbolicLink()) {
          const target = await fs.stat(path.join(p, e.name)).catch(() => undefined);
          return { name: e.name, type: target?.isFile() ? 'file' : 'other' };
        }
        return { name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' };
      }),
    );
  }

  rename(from: string, to: string): Promise<void> {
    return fs.rename(from, to);
  }

  delete(p: string): Promise<void> {
    return fs.rm(p, { force: true });
  }

  lock(p: string): Promise<() => Promise<void>> {
    return lockFile(p);
  }

  /**
   * One lstat per file: a file that is not a link has the real path of its folder, which is
   * resolved once per folder and remembered for this instance (the CLI is short-lived).
   */
  async realPath(p: string): Promise<string | undefined> {
    try {
      const st = await fs.lstat(p);
      const dir = path.dirname(p);
      if (st.isSymbolicLink() || dir === p) return toPosix(await fs.realpath(p));
      let real = this.realDirs.get(dir);
      if (!real) {
        real = fs.realpath(dir).then(toPosix);
        this.realDirs.set(dir, real);
        real.catch(() => this.realDirs.delete(dir));
      }
      const d = await real;
      return (d.endsWith('/') ? d : d + '/') + path.basename(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw err;
    }
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
