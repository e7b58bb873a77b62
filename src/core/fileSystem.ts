/**
 * The small file-system interface the core is given. The CLI adapts Node's fs to it
 * (src/node/nodeFileSystem.ts), the extension adapts vscode.workspace.fs, and tests use
 * the in-memory fake (test/unit/fakes/memoryFileSystem.ts).
 *
 * Paths are absolute and '/'-separated. The core never builds paths outside a root it was given.
 */
export interface FileStat {
  readonly type: 'file' | 'directory' | 'other';
  readonly size: number;
  /** Modification time in milliseconds since the epoch. */
  readonly mtime: number;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly type: 'file' | 'directory' | 'other';
}

export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** Must be atomic where the platform allows it (write a temporary file, then rename). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Returns undefined when nothing exists at the path. */
  stat(path: string): Promise<FileStat | undefined>;
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  rename(from: string, to: string): Promise<void>;
  delete(path: string): Promise<void>;
  /**
   * The path with every symbolic link resolved ('/'-separated), or undefined when nothing exists
   * there. File systems without links (virtual workspaces, the in-memory fake) leave it out; the
   * core then trusts the path's text (see store/realPaths.ts).
   */
  realPath?(path: string): Promise<string | undefined>;
  /**
   * Take an exclusive lock on `path` for a read-check-write, shared with other processes, and
   * return the function that releases it. Throws a UserError when another writer holds it too
   * long. File systems without it rely on the store's re-read right before writing.
   */
  lock?(path: string): Promise<() => Promise<void>>;
}

/** An error the user can act on: the CLI prints its message without a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message);
    this.name = 'UserError';
  }
}
