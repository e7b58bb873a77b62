import type { FileSystem } from '../fileSystem';
import { readProvenanceFile } from '../provenance/file';
import { findProvenanceFiles, sourcePathOf } from '../provenance/workspace';
import { RealPathGuard } from '../store/realPaths';
import { urlKey } from './w3c';

/**
 * The workspace's sources by the URL their provenance file gives (W3cImportOptions.sourcesByUrl):
 * every `*.provenance.yaml` under `root` (absolute, `/`-separated) whose real path stays inside
 * it and that is valid, as relative source paths, sorted. A URL that several sources share maps
 * to all of them (the import then refuses to choose).
 */
export async function sourcesByUrl(fs: FileSystem, root: string): Promise<Map<string, string[]>> {
  const guard = new RealPathGuard(fs, root);
  const prefix = root.endsWith('/') ? root : root + '/';
  const out = new Map<string, string[]>();
  for (const file of await findProvenanceFiles(fs, root)) {
    if (!file.startsWith(prefix) || (await guard.check(file).catch(() => 'unreadable')) !== undefined) continue;
    const r = await readProvenanceFile(fs, file);
    const url = r.kind === 'ok' ? r.provenance.url : undefined;
    if (url === undefined) continue;
    const key = urlKey(url);
    const list = out.get(key) ?? [];
    list.push(sourcePathOf(file).slice(prefix.length));
    out.set(key, list.sort());
  }
  return out;
}
