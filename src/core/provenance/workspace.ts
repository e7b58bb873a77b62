import type { FileSystem } from '../fileSystem';
import { RealPathGuard } from '../store/realPaths';
import { datingOf, type SourceDating } from './dating';
import { readProvenanceFile, type ProvenanceIssue } from './file';
import { isProvenancePath, PROVENANCE_SUFFIX, provenancePathFor, type Provenance } from './model';

/** What is known of one source's provenance: its file's content (when valid), its problems, its file time and the dating they give. */
export interface SourceProvenance {
  readonly provenance?: Provenance;
  /** Issues of a provenance file that exists but is refused (the source is then undated by it). */
  readonly issues?: readonly ProvenanceIssue[];
  /** The source file's modification time (ms since the epoch). */
  readonly fileTime?: number;
  readonly dating: SourceDating;
}

/**
 * The provenance of one source (absolute path): `<source>.provenance.yaml` beside it, read only
 * when its real path stays inside `guard`'s root (a symbolic link leading out is refused), and
 * the source's file time.
 */
export async function loadSourceProvenance(fs: FileSystem, sourcePath: string, guard?: RealPathGuard): Promise<SourceProvenance> {
  const st = await fs.stat(sourcePath).catch(() => undefined);
  const fileTime = st?.type === 'file' ? st.mtime : undefined;
  const p = provenancePathFor(sourcePath);
  const refused = guard ? await guard.check(p).catch(() => undefined) : undefined;
  if (refused) return { issues: [{ line: 1, col: 1, message: refused }], fileTime, dating: datingOf(undefined, fileTime) };
  const r = await readProvenanceFile(fs, p);
  if (r.kind === 'ok') return { provenance: r.provenance, fileTime, dating: datingOf(r.provenance, fileTime) };
  return { ...(r.kind === 'invalid' ? { issues: r.issues } : {}), fileTime, dating: datingOf(undefined, fileTime) };
}

/** The provenance of several sources (absolute paths), by path; at most `parallel` reads at once. */
export async function loadProvenances(fs: FileSystem, root: string, sourcePaths: readonly string[], parallel = 16): Promise<Map<string, SourceProvenance>> {
  const guard = new RealPathGuard(fs, root);
  const out = new Map<string, SourceProvenance>();
  for (let i = 0; i < sourcePaths.length; i += parallel) {
    const batch = sourcePaths.slice(i, i + parallel);
    const got = await Promise.all(batch.map((p) => loadSourceProvenance(fs, p, guard)));
    batch.forEach((p, j) => out.set(p, got[j]));
  }
  return out;
}

/** Every `*.provenance.yaml` under a folder (absolute paths, sorted), skipping node_modules and dot-folders. */
export async function findProvenanceFiles(fs: FileSystem, root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readDirectory(dir).catch(() => []);
    for (const e of entries) {
      const child = dir.endsWith('/') ? dir + e.name : `${dir}/${e.name}`;
      if (e.type === 'directory') {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) await walk(child);
      } else if (isProvenancePath(e.name)) out.push(child);
    }
  };
  await walk(root);
  return out.sort();
}

/** The source a provenance file describes: its path without the suffix. */
export function sourcePathOf(provenancePath: string): string {
  return provenancePath.slice(0, provenancePath.length - PROVENANCE_SUFFIX.length);
}

/** A short label of a source: "Title — Outlet", or the file name when there is no title. */
export function sourceLabel(provenance: Provenance | undefined, fileName: string): { label: string; outlet?: string } {
  const title = provenance?.title;
  return title ? { label: title, outlet: provenance?.outlet } : { label: fileName, outlet: provenance?.outlet };
}
