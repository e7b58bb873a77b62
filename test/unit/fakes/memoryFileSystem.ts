import type { DirectoryEntry, FileStat, FileSystem } from '../../../src/core/fileSystem';

/** In-memory FileSystem for unit tests of the core. Paths are absolute, '/'-separated. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private clock = 1_000;
  /** Paths whose next write throws, to simulate a failing disk. */
  readonly failWrites = new Set<string>();

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [p, v] of Object.entries(initial)) this.set(p, v);
  }

  set(path: string, value: string | Uint8Array): void {
    const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    this.files.set(normalize(path), { data, mtime: this.clock++ });
  }

  text(path: string): string | undefined {
    const f = this.files.get(normalize(path));
    return f ? new TextDecoder().decode(f.data) : undefined;
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(normalize(path));
    if (!f) return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
    return Promise.resolve(f.data.slice());
  }

  writeFile(path: string, data: Uint8Array): Promise<void> {
    const p = normalize(path);
    if (this.failWrites.has(p)) {
      this.failWrites.delete(p);
      return Promise.reject(new Error(`simulated write failure: ${p}`));
    }
    this.files.set(p, { data: data.slice(), mtime: this.clock++ });
    return Promise.resolve();
  }

  stat(path: string): Promise<FileStat | undefined> {
    const p = normalize(path);
    const f = this.files.get(p);
    if (f) return Promise.resolve({ type: 'file', size: f.data.length, mtime: f.mtime });
    const prefix = p === '/' ? '/' : p + '/';
    for (const k of this.files.keys()) {
      if (k.startsWith(prefix)) return Promise.resolve({ type: 'directory', size: 0, mtime: 0 });
    }
    return Promise.resolve(undefined);
  }

  readDirectory(path: string): Promise<DirectoryEntry[]> {
    const p = normalize(path);
    const prefix = p === '/' ? '/' : p + '/';
    const out = new Map<string, DirectoryEntry>();
    for (const k of this.files.keys()) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      out.set(name, { name, type: slash < 0 ? 'file' : 'directory' });
    }
    return Promise.resolve([...out.values()].sort((a, b) => a.name.localeCompare(b.name)));
  }

  rename(from: string, to: string): Promise<void> {
    const f = this.files.get(normalize(from));
    if (!f) return Promise.reject(Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' }));
    this.files.delete(normalize(from));
    this.files.set(normalize(to), f);
    return Promise.resolve();
  }

  delete(path: string): Promise<void> {
    this.files.delete(normalize(path));
    return Promise.resolve();
  }
}

function normalize(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}
