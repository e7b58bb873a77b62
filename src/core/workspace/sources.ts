import type { FileSystem } from '../fileSystem';
import { UserError } from '../fileSystem';
import { RealPathGuard } from '../store/realPaths';
import { isProvenancePath } from '../provenance/model';

export const SOURCE_EXTENSIONS: readonly string[] = ['.txt', '.md'];

export function isSourcePath(p: string): boolean {
  if (isProvenancePath(p)) return false;
  const lower = p.toLowerCase();
  return SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Expand files and folders into the source files they name, sorted, without duplicates.
 * A folder yields every .txt and .md below it, skipping node_modules and dot-folders.
 * A file named explicitly is taken whatever its extension.
 * Throws UserError for a missing path or a folder without sources. A file found in a folder
 * whose real path is outside that folder (a symbolic link leading out) is left out and passed
 * to `refused`.
 */
export async function collectSources(fs: FileSystem, paths: readonly string[], refused?: (path: string, why: string) => void): Promise<string[]> {
  const found = new Set<string>();
  for (const p of paths) {
    const st = await fs.stat(p);
    if (!st) throw new UserError(`${p}: no such file or folder`);
    if (st.type === 'file') {
      found.add(p);
      continue;
    }
    if (st.type !== 'directory') throw new UserError(`${p}: not a file or folder`);
    const before = found.size;
    const inFolder = new Set<string>();
    await walk(fs, p, inFolder);
    const guard = new RealPathGuard(fs, p);
    for (const f of inFolder) {
      const why = await guard.check(f);
      if (why === undefined) found.add(f);
      else refused?.(f, why);
    }
    if (found.size === before) throw new UserError(`${p}: no .txt or .md sources in this folder`);
  }
  return [...found].sort();
}

async function walk(fs: FileSystem, dir: string, out: Set<string>): Promise<void> {
  const entries = await fs.readDirectory(dir);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const child = dir.endsWith('/') ? dir + e.name : `${dir}/${e.name}`;
    if (e.type === 'directory') {
      if (!isSkippedFolder(e.name)) await walk(fs, child, out);
    } else if (e.type === 'file' && isSourcePath(e.name)) {
      out.add(child);
    }
  }
}
