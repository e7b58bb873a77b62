import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync, type Stats } from 'fs';
import * as fs from 'fs/promises';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { DirectoryEntry, FileStat, FileSystem } from '../core/fileSystem';
import { lockFile } from './fileLock';

/**
 * Node's fs adapted to the core's FileSystem interface. Used by the CLI.
 *
 * Reads (readFile, stat, readDirectory, realPath) use Node's synchronous calls behind the async
 * interface: the CLI is one short-lived process that reads its files one after the other, and a
 * round trip through libuv's thread pool per call cost more than the read itself (`analyze` on
 * 180 files made five such calls per file). Writes stay asynchronous.
 */
export class NodeFileSystem implements FileSystem {
  private readonly realDirs = new Map<string, string>();

  /**
   * Reads regular files only: the file is opened without blocking (a FIFO would otherwise wait
   * for a writer forever) and its type checked on the open handle before reading.
   */
  readFile(p: string): Promise<Uint8Array> {
    return settle(() => {
      const fd = openSync(p, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      try {
        const st = fstatSync(fd);
        if (!st.isFile()) throw Object.assign(new Error(`${p}: not a regular file`), { code: st.isDirectory() ? 'EISDIR' : 'EINVAL' });
        return readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    });
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

  stat(p: string): Promise<FileStat | undefined> {
    return settle(() => {
      try {
        const s = statSync(p);
        return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size, mtime: s.mtimeMs };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw err;
      }
    });
  }

  /**
   * A symbolic link to a file is listed as a file (as VS Code lists it; the core checks where it
   * really leads); a link to a folder is 'other', never walked into (links can make cycles).
   */
  readDirectory(p: string): Promise<DirectoryEntry[]> {
    return settle(() =>
      readdirSync(p, { withFileTypes: true }).map((e): DirectoryEntry => {
        if (e.isSymbolicLink()) {
          let target: Stats | undefined;
          try {
            target = statSync(path.join(p, e.name));
          } catch {
            target = undefined;
          }
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
  realPath(p: string): Promise<string | undefined> {
    return settle(() => {
      try {
        const st = lstatSync(p);
        const dir = path.dirname(p);
        if (st.isSymbolicLink() || dir === p) return toPosix(realpathSync.native(p));
        let d = this.realDirs.get(dir);
        if (d === undefined) {
          d = toPosix(realpathSync.native(dir));
          this.realDirs.set(dir, d);
        }
        return (d.endsWith('/') ? d : d + '/') + path.basename(p);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw err;
      }
    });
  }
}

/** The result of a synchronous call as a settled promise (a throw becomes a rejection). */
function settle<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
