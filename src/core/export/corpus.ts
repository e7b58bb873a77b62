import type { AnnotatedSource, Annotation } from '../annotations/model';
import type { FileSystem } from '../fileSystem';
import { relativeTo } from '../store/paths';
import { decodeSidecar, MAX_SIDECAR_BYTES, parseSidecar } from '../store/sidecar';
import type { WorkspaceLoad } from '../store/store';

/**
 * What an export is made of, gathered the same way by the CLI and the editor: every source of
 * the workspace (a QDA project holds the corpus, and the Markdown summaries cover it), and, for
 * the lossless W3C export, every stored annotation: orphans (their text is gone) and the
 * annotations of sidecars whose source file is missing included.
 */
export interface ExportCorpus {
  /** Every source, annotated or not, with its anchored annotations; sorted by path. */
  readonly sources: AnnotatedSource[];
  /** Sources with stored annotations, as stored (orphans and missing sources included, text '' for those); sorted by path. */
  readonly lossless: AnnotatedSource[];
  /** Orphaned annotations (in `lossless`, not in `sources`). */
  readonly orphans: number;
  /** Annotations whose source file is missing (in `lossless` only). */
  readonly detached: number;
}

/** Annotations of one sidecar whose source is missing, by the source's workspace-relative path. */
export interface DetachedAnnotations {
  readonly path: string;
  readonly annotations: readonly Annotation[];
}

/**
 * @param load what AnnotationStore.loadWorkspace returned for `root`
 * @param texts the text of every source of the workspace by relative path (unreadable ones left out)
 * @param detached readDetached(…) of the same load
 */
export function buildCorpus(root: string, load: WorkspaceLoad, texts: ReadonlyMap<string, string>, detached: readonly DetachedAnnotations[] = []): ExportCorpus {
  const byPath = new Map<string, AnnotatedSource>();
  for (const [path, text] of texts) byPath.set(path, { path, text, annotations: [] });
  for (const s of load.sources) byPath.set(s.path, s);
  const lossless: AnnotatedSource[] = [];
  let orphans = 0;
  for (const st of load.states) {
    if (st.annotations.length === 0) continue;
    const path = relativeTo(root, st.sourcePath);
    orphans += st.annotations.filter((a) => a.status === 'orphan').length;
    lossless.push({ path, text: byPath.get(path)?.text ?? st.sourceText, annotations: st.annotations.map((a) => a.annotation) });
    if (!byPath.has(path)) byPath.set(path, { path, text: st.sourceText, annotations: [] });
  }
  for (const d of detached) if (d.annotations.length > 0) lossless.push({ path: d.path, text: '', annotations: [...d.annotations] });
  return {
    sources: [...byPath.values()].sort(byPathOrder),
    lossless: lossless.sort(byPathOrder),
    orphans,
    detached: detached.reduce((n, d) => n + d.annotations.length, 0),
  };
}

/**
 * The annotations of the sidecars whose source file is missing (the store reports them as
 * `missing-source` problems and loads nothing). Malformed or oversized sidecars are skipped:
 * the store reports those too.
 */
export async function readDetached(fs: FileSystem, root: string, load: WorkspaceLoad): Promise<DetachedAnnotations[]> {
  const out: DetachedAnnotations[] = [];
  const seen = new Set<string>();
  for (const p of load.problems) {
    if (p.kind !== 'missing-source' || seen.has(p.path)) continue;
    seen.add(p.path);
    const st = await fs.stat(p.path).catch(() => undefined);
    if (!st || st.type !== 'file' || st.size > MAX_SIDECAR_BYTES) continue;
    const decoded = decodeSidecar(await fs.readFile(p.path));
    if ('issue' in decoded) continue;
    const parsed = parseSidecar(decoded.text);
    if (parsed.ok) out.push({ path: relativeTo(root, p.sourcePath), annotations: parsed.sidecar.annotations });
  }
  return out;
}

function byPathOrder(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
