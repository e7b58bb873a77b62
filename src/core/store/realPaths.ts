import type { FileSystem } from '../fileSystem';
import { isInside, normalizePath } from './paths';

/**
 * Keeps reads and writes inside the workspace folder when symbolic links point out of it. A
 * path's text can be inside the root (checkedPath) while a link on the way leads elsewhere: a
 * source `notes.txt -> ../outside/secret.txt`, or a folder `sub -> /home/me`. `check` resolves
 * the real path (of the nearest existing ancestor, for a file about to be created) and compares
 * it with the root's real path. Links that stay inside the root are fine.
 */
export class RealPathGuard {
  private realRoot: Promise<string> | undefined;

  constructor(
    private readonly fs: FileSystem,
    readonly root: string,
  ) {}

  /** undefined when `path` really is inside the root; else why it is refused. */
  async check(path: string): Promise<string | undefined> {
    if (!this.fs.realPath) return undefined;
    const root = await (this.realRoot ??= this.resolve(normalizePath(this.root)));
    const real = await this.resolve(normalizePath(path));
    if (real === root || isInside(root, real)) return undefined;
    return `refused: its real path ${real} is outside the workspace folder (a symbolic link leads out of it)`;
  }

  /** The real path, resolving the nearest existing ancestor when the path does not exist yet. */
  private async resolve(path: string): Promise<string> {
    const rest: string[] = [];
    let cur = path;
    for (;;) {
      const real = await this.fs.realPath!(cur).catch(() => undefined);
      if (real !== undefined) return normalizePath([real, ...rest].join('/'));
      const slash = cur.lastIndexOf('/');
      if (slash <= 0 || /^[A-Za-z]:$/.test(cur.slice(0, slash))) return path;
      rest.unshift(cur.slice(slash + 1));
      cur = cur.slice(0, slash);
    }
  }
}
