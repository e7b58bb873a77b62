import * as vscode from 'vscode';
import type { QuoteCluster } from '../../core/analysis/types';
import { datingOf } from '../../core/provenance/dating';
import { PROVENANCE_SUFFIX } from '../../core/provenance/model';
import { quoteOrigin, type QuoteOrigin } from '../../core/provenance/origins';
import { loadSourceProvenance, type SourceProvenance } from '../../core/provenance/workspace';
import { RealPathGuard } from '../../core/store/realPaths';
import type { SourceIndex } from './sourceIndex';
import { VsCodeFileSystem } from './vscodeFileSystem';

const NONE: SourceProvenance = { dating: datingOf(undefined) };
/** Provenance files (and file times) read at once while the whole workspace is asked for. */
const PARALLEL = 16;

/**
 * The provenance of every source (`<source>.provenance.yaml` beside it, and the source's file
 * time), read on first use through the core reader and kept until the file or its source
 * changes. It answers where a quote first appeared (core/provenance/origins) for the hover, the
 * Sources view and its "altered quotes" filter.
 */
export class ProvenanceIndex implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<SourceProvenance>>();
  private readonly guards = new Map<string, RealPathGuard>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a provenance file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly index: SourceIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${PROVENANCE_SUFFIX}`);
    const onFile = (uri: vscode.Uri): void => {
      this.cache.delete(uri.with({ path: uri.path.slice(0, -PROVENANCE_SUFFIX.length) }).toString());
      this.changed.fire();
    };
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      // A source saved or changed on disk has a new file time; [] is the whole workspace.
      index.onDidChange((uris) => {
        if (uris.length === 0) this.cache.clear();
        else for (const u of uris) this.cache.delete(u.toString());
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.cache.clear()),
    );
  }

  /** A source's provenance (by its key, uri.toString()). Never rejects. */
  info(key: string): Promise<SourceProvenance> {
    let p = this.cache.get(key);
    if (!p) {
      p = this.load(vscode.Uri.parse(key));
      this.cache.set(key, p);
    }
    return p;
  }

  private async load(uri: vscode.Uri): Promise<SourceProvenance> {
    try {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const fs = new VsCodeFileSystem(folder?.uri ?? uri);
      let guard: RealPathGuard | undefined;
      if (folder) {
        guard = this.guards.get(folder.uri.toString());
        if (!guard) {
          guard = new RealPathGuard(fs, folder.uri.path);
          this.guards.set(folder.uri.toString(), guard);
        }
      }
      const info = await loadSourceProvenance(fs, uri.path, guard);
      if (info.issues?.length) this.log.warn(`${vscode.workspace.asRelativePath(uri, false)}${PROVENANCE_SUFFIX}:${info.issues[0].line}:${info.issues[0].col}: ${info.issues[0].message} (not used)`);
      return info;
    } catch (err) {
      this.log.warn(`provenance of ${uri.toString()}: ${err instanceof Error ? err.message : String(err)}`);
      return NONE;
    }
  }

  /** The provenance of many sources, PARALLEL reads at a time. */
  async infos(keys: readonly string[]): Promise<Map<string, SourceProvenance>> {
    const out = new Map<string, SourceProvenance>();
    for (let i = 0; i < keys.length; i += PARALLEL) {
      const batch = keys.slice(i, i + PARALLEL);
      const got = await Promise.all(batch.map((k) => this.info(k)));
      batch.forEach((k, j) => out.set(k, got[j]));
    }
    return out;
  }

  /** Where a cluster's quote first appeared, and how each later mention's wording compares. */
  async origin(cluster: QuoteCluster): Promise<QuoteOrigin> {
    const infos = await this.infos([...new Set(cluster.mentions.map((m) => m.path))]);
    return quoteOrigin(
      cluster,
      (p) => infos.get(p)?.dating ?? NONE.dating,
      (p, s, e) => this.index.get(vscode.Uri.parse(p))?.text.slice(s, e),
    );
  }

  /**
   * Every quote of the workspace in a cluster whose words were changed after it first appeared,
   * as `key@start` (UTF-16) of each of the cluster's mentions, and the number of such clusters.
   */
  async alteredQuotes(): Promise<{ mentions: Set<string>; clusters: number }> {
    const seen = new Set<string>();
    const mentions = new Set<string>();
    let clusters = 0;
    for (const src of this.index.sources()) {
      for (const c of (await this.index.clustersOf(src.key)).values()) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        if (!(await this.origin(c)).altered) continue;
        clusters++;
        for (const m of c.mentions) mentions.add(`${m.path}@${m.start}`);
      }
    }
    return { mentions, clusters };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
