import type { FileSystem } from '../fileSystem';
import { UserError } from '../fileSystem';
import { provenancePathFor, type Provenance } from '../provenance/model';
import { RealPathGuard } from '../store/realPaths';
import { serializeProvenance } from '../provenance/file';
import type { ImportedSource } from './types';

export interface WrittenSource {
  readonly sourcePath: string;
  readonly provenancePath: string;
  /** The fetched page kept beside the source (URL import). */
  readonly savedPagePath?: string;
  readonly provenance: Provenance;
}

export interface WriteOptions {
  /** The workspace folder (or --out folder): nothing is written whose real path leaves it. */
  readonly root: string;
  /** The fetched bytes of a URL import, kept as `<name>.<extension>` beside the source. */
  readonly savedPage?: { readonly bytes: Uint8Array; readonly extension: string };
}

const MAX_TRIES = 1000;

/**
 * Write an imported source into `folder` as `<baseName>.txt` with `<baseName>.txt.provenance.yaml`
 * beside it (and the saved page for a URL import). Never overwrites: when any of the names is
 * taken, `<baseName>-2`, `-3`… is tried, and every name is checked again right before it is
 * written. When a later write fails, the files already written are removed, so a failed import
 * leaves nothing behind.
 */
export async function writeImportedSource(fs: FileSystem, folder: string, imported: ImportedSource, options: WriteOptions): Promise<WrittenSource> {
  const outside = await new RealPathGuard(fs, options.root).check(folder);
  if (outside) throw new UserError(`${folder}: ${outside}`);
  const dir = folder.replace(/\/+$/, '');
  // The names taken now, read once: the n-th page of one title costs one listing, not n stats
  // (each a round trip in the editor). A name free here is still checked before it is written.
  const taken = new Set((await fs.readDirectory(dir).catch(() => [])).map((e) => e.name));
  for (let n = 1; n <= MAX_TRIES; n++) {
    const base = n === 1 ? imported.baseName : `${imported.baseName}-${n}`;
    const sourcePath = `${dir}/${base}.txt`;
    const provenancePath = provenancePathFor(sourcePath);
    const savedPagePath = options.savedPage ? `${dir}/${base}.${options.savedPage.extension}` : undefined;
    const paths = [sourcePath, provenancePath, ...(savedPagePath ? [savedPagePath] : [])];
    if (paths.some((p) => taken.has(p.slice(dir.length + 1)))) continue;
    if (await anyExists(fs, paths)) continue;

    const provenance: Provenance = savedPagePath ? { ...imported.provenance, original: { ...imported.provenance.original, file: savedPagePath.slice(dir.length + 1) } } : imported.provenance;
    const files: [string, Uint8Array][] = [
      [sourcePath, new TextEncoder().encode(imported.text)],
      [provenancePath, new TextEncoder().encode(serializeProvenance(provenance))],
    ];
    if (savedPagePath && options.savedPage) files.push([savedPagePath, options.savedPage.bytes]);
    const written: string[] = [];
    try {
      for (const [p, data] of files) {
        if (await fs.stat(p)) throw new UserError(`${p} appeared while importing; nothing was overwritten`);
        await fs.writeFile(p, data);
        written.push(p);
      }
    } catch (err) {
      for (const p of written) await fs.delete(p).catch(() => undefined);
      throw err;
    }
    return { sourcePath, provenancePath, savedPagePath, provenance };
  }
  throw new UserError(`${dir}: no free name for ${imported.baseName}.txt (tried ${MAX_TRIES})`);
}

async function anyExists(fs: FileSystem, paths: readonly string[]): Promise<boolean> {
  for (const p of paths) if (await fs.stat(p)) return true;
  return false;
}
