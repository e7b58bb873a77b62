import * as fs from 'fs/promises';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { DirectoryEntry, FileStat, FileSystem } from '../core/fileSystem';

/** Node's fs adapted to the core's FileSystem interface. Used by the CLI. */
export class NodeFileSystem implements FileSystem {
  readFile(p: string): Promise<Uint8Array> {
    return fs.readFile(p);
  }

  /** Atomic: write a temporary file beside the target, fsync it, then rename over the target. */
  async writeFile(p: string, data: Uint8Array): Promise<void> {
    const tmp = path.join(path.dirname(p), `.${path.basename(p)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, p);
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

  async readDirectory(p: string): Promise<DirectoryEntry[]> {
    const entries = await fs.readdir(p, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' }));
  }

  rename(from: string, to: string): Promise<void> {
    return fs.rename(from, to);
  }

  delete(p: string): Promise<void> {
    return fs.rm(p, { force: true });
  }
}
