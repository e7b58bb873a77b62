import * as path from 'path';
import { guarded } from './commandGuard';
import * as vscode from 'vscode';
import { analyzeDocument, clusterQuotes, type DocumentAnalysis } from '../../core/analysis';
import type { AnnotatedSource } from '../../core/annotations/model';
import { exportWorkspace, type ExportAnalysis, type ExportFormat, type LineEndings, type PositionUnit } from '../../core/export';
import { buildCorpus, readDetached } from '../../core/export/corpus';
import type { SourceProvenance } from '../../core/provenance/workspace';
import type { ProvenanceIndex } from '../services/provenanceIndex';
import { relativeTo } from '../../core/store/paths';
import { AnnotationStore, type SourceAnnotations, type StoreProblem } from '../../core/store/store';
import { CommandIds } from '../commandIds';
import type { AnnotationService } from '../services/annotationService';
import type { SourceIndex } from '../services/sourceIndex';
import { VsCodeFileSystem } from '../services/vscodeFileSystem';
import { readSettings } from '../settings';

/** What the format quick pick offers: the core formats, and CSV with a BOM for Excel. */
export type ExportChoice = ExportFormat | 'csv-bom';

/** Arguments that skip the prompts (tests, scripts, keybindings). */
export interface ExportArgs {
  readonly format?: ExportChoice;
  /** Where to write: a URI string. */
  readonly target?: string;
  /** Overrides the setting sourceAnnotator.export.includeAnalysis. */
  readonly includeAnalysis?: boolean;
  /** Overrides the setting sourceAnnotator.export.positions (REFI-QDA). */
  readonly positions?: PositionUnit;
  /** Overrides the setting sourceAnnotator.export.lineEndings (W3C). */
  readonly lineEndings?: LineEndings;
}

/** What the commands return (undefined when cancelled or failed). */
export interface ExportOutcome {
  readonly target: string;
  readonly format: ExportChoice;
  readonly sources: number;
  readonly annotations: number;
  /** Orphaned annotations that are not in the export (W3C keeps them). */
  readonly leftOut: number;
  readonly bytes: number;
}

interface FormatInfo {
  readonly format: ExportFormat;
  readonly label: string;
  readonly detail: string;
  readonly extension: string;
  readonly filter: string;
  readonly bom?: boolean;
  readonly binary?: boolean;
}

const FORMATS: Readonly<Record<ExportChoice, FormatInfo>> = {
  md: { format: 'md', label: 'Markdown report', detail: 'Each annotation with its text, note, tags, author and date; a summary of tags, entities and shared quotes. Reads well on GitHub.', extension: 'md', filter: 'Markdown' },
  csv: { format: 'csv', label: 'CSV', detail: 'One row per annotation, UTF-8 (RFC 4180).', extension: 'csv', filter: 'CSV' },
  'csv-bom': { format: 'csv', label: 'CSV for Excel', detail: 'The same CSV, starting with a UTF-8 byte-order mark so Excel reads accents and emoji right.', extension: 'csv', filter: 'CSV', bom: true },
  w3c: { format: 'w3c', label: 'W3C Web Annotation (JSON-LD)', detail: 'An AnnotationCollection with TextQuote and TextPosition selectors; lossless (orphans and annotations of missing sources included), re-importable.', extension: 'jsonld', filter: 'JSON-LD' },
  qdpx: { format: 'qdpx', label: 'REFI-QDA project (.qdpx)', detail: 'Opens in NVivo, MAXQDA, ATLAS.ti, QualCoder: every source, tags as codes, annotations as coded selections.', extension: 'qdpx', filter: 'REFI-QDA project', binary: true },
  qdc: { format: 'qdc', label: 'REFI-QDA codebook (.qdc)', detail: 'The tags as a codebook, to share a coding scheme.', extension: 'qdc', filter: 'REFI-QDA codebook' },
};

const CHOICES: readonly ExportChoice[] = ['md', 'csv', 'csv-bom', 'w3c', 'qdpx', 'qdc'];

interface Collected {
  /** Every source, annotated or not, with its anchored annotations. */
  readonly sources: AnnotatedSource[];
  /** Annotated sources including orphans and sidecars whose source is missing, as stored (W3C). */
  readonly withOrphans: AnnotatedSource[];
  readonly leftOut: number;
  readonly problems: StoreProblem[];
  /** Exported path -> the source's URI, to find its analysis. */
  readonly uris: Map<string, vscode.Uri>;
}

/**
 * "Export Annotations…" (every source of the workspace) and "Export This Source…" (the tree's
 * source context menu, or the active source): a format quick pick, a save dialog, then the core
 * export with progress, written through vscode.workspace.fs. Annotations are read from the
 * sidecars through the core store (AnnotationStore.loadWorkspace), as the CLI does.
 */
export class ExportCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The folder of the last export in this window (the next save dialog starts there). */
  private lastFolder: vscode.Uri | undefined;

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
    private readonly provenance?: ProvenanceIndex,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(CommandIds.exportAnnotations, (args?: unknown) => this.guard(() => this.exportAll(asArgs(args)))),
      vscode.commands.registerCommand(CommandIds.exportSource, (node?: { uri?: unknown }, args?: ExportArgs) => this.guard(() => this.exportOne(node, args))),
    );
  }

  private guard<T>(f: () => Promise<T>): Promise<T | undefined> {
    return guarded(f, 'export failed: ');
  }


  private async exportAll(args: ExportArgs | undefined): Promise<ExportOutcome | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Source Annotator: open a folder of sources to export its annotations.');
      return undefined;
    }
    const choice = await this.pickFormat(args, 'Export Annotations: format');
    if (!choice) return undefined;
    const target = await this.pickTarget(args, choice, vscode.Uri.joinPath(this.defaultFolder(folders[0].uri), `annotations.${FORMATS[choice].extension}`));
    if (target) this.lastFolder = vscode.Uri.joinPath(target, '..');
    if (!target) return undefined;
    return this.run(choice, target, args, `Source Annotator: ${folders.map((f) => f.name).join(', ')}`, () => this.collectWorkspace(folders));
  }

  private async exportOne(node: { uri?: unknown } | undefined, args: ExportArgs | undefined): Promise<ExportOutcome | undefined> {
    const uri = typeof node?.uri === 'string' ? vscode.Uri.parse(node.uri) : node?.uri instanceof vscode.Uri ? node.uri : vscode.window.activeTextEditor?.document.uri;
    const entry = uri && this.index.get(uri);
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (!uri || !entry || !folder) {
      void vscode.window.showInformationMessage('Source Annotator: pick a source to export (in the Sources view, or open it).');
      return undefined;
    }
    const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const choice = await this.pickFormat(args, `Export ${base}: format`);
    if (!choice) return undefined;
    const target = await this.pickTarget(args, choice, uri.with({ path: `${uri.path.replace(/\.[^./]*$/, '')}.export.${FORMATS[choice].extension}` }));
    if (!target) return undefined;
    return this.run(choice, target, args, `Source Annotator: ${base}`, () => this.collectOne(folder, uri, entry.text));
  }

  private async pickFormat(args: ExportArgs | undefined, title: string): Promise<ExportChoice | undefined> {
    if (args?.format) {
      if (!CHOICES.includes(args.format)) throw new Error(`unknown export format '${String(args.format)}': use ${CHOICES.join(', ')}`);
      return args.format;
    }
    const pick = await vscode.window.showQuickPick(
      CHOICES.map((c) => ({ label: FORMATS[c].label, description: `.${FORMATS[c].extension}`, detail: FORMATS[c].detail, choice: c })),
      { title, placeHolder: 'Export in which format?', matchOnDetail: true },
    );
    return pick?.choice;
  }

  /**
   * Where the save dialog starts: the folder of the last export, else the folder that holds the
   * workspace folder, outside the sources, so that a report is not saved among them by default.
   */
  private defaultFolder(workspace: vscode.Uri): vscode.Uri {
    if (this.lastFolder) return this.lastFolder;
    const parent = vscode.Uri.joinPath(workspace, '..');
    return parent.path === workspace.path ? workspace : parent;
  }

  private async pickTarget(args: ExportArgs | undefined, choice: ExportChoice, defaultUri: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (args?.target) return vscode.Uri.parse(args.target);
    const info = FORMATS[choice];
    return vscode.window.showSaveDialog({ defaultUri, saveLabel: 'Export', title: `Export as ${info.label}`, filters: { [info.filter]: [info.extension], 'All files': ['*'] } });
  }

  private async run(choice: ExportChoice, target: vscode.Uri, args: ExportArgs | undefined, title: string, collect: () => Promise<Collected>): Promise<ExportOutcome | undefined> {
    const info = FORMATS[choice];
    const settings = readSettings(target);
    const includeAnalysis = args?.includeAnalysis ?? settings.exportIncludesAnalysis;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting annotations as ${info.label}`, cancellable: true },
      async (progress, token): Promise<ExportOutcome | undefined> => {
        progress.report({ message: 'reading annotations…' });
        await this.annotations.settled();
        const c = await collect();
        if (token.isCancellationRequested) return undefined;
        const sources = info.format === 'w3c' ? c.withOrphans : c.sources;
        const wantAnalysis = info.format === 'md' || includeAnalysis;
        progress.report({ message: wantAnalysis ? 'analyzing…' : 'writing…' });
        const analysis = wantAnalysis ? this.analysisFor(c) : undefined;
        // Where each source came from (title, outlet, date, URL), by export path.
        const provenance = new Map<string, SourceProvenance>();
        if (this.provenance) {
          const infos = await this.provenance.infos([...c.uris.values()].map((u) => u.toString()));
          for (const [p, u] of c.uris) {
            const info = infos.get(u.toString());
            if (info) provenance.set(p, info);
          }
        }
        let reported = 0;
        const result = exportWorkspace(info.format, sources, {
          bom: info.bom === true,
          analysis,
          includeAnalysis,
          linkBase: linkBase(target),
          positions: args?.positions ?? settings.exportPositions,
          lineEndings: args?.lineEndings ?? settings.exportLineEndings,
          title,
          provenance,
          onProgress: (done, total) => {
            const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
            if (pct > reported) {
              progress.report({ increment: pct - reported });
              reported = pct;
            }
          },
        });
        if (token.isCancellationRequested) return undefined;
        await vscode.workspace.fs.writeFile(target, result.data);
        const annotations = sources.reduce((n, s) => n + s.annotations.length, 0);
        return { target: target.toString(), format: choice, sources: sources.length, annotations, leftOut: info.format === 'w3c' ? 0 : c.leftOut, bytes: result.data.length };
      },
    );
    if (outcome) this.announce(outcome, target, info);
    return outcome;
  }

  private announce(o: ExportOutcome, target: vscode.Uri, info: FormatInfo): void {
    const where = vscode.workspace.asRelativePath(target);
    const parts = [`Exported ${o.annotations} ${o.annotations === 1 ? 'annotation' : 'annotations'} from ${o.sources} ${o.sources === 1 ? 'source' : 'sources'} to ${where}.`];
    if (o.leftOut > 0) parts.push(`${o.leftOut} orphaned ${o.leftOut === 1 ? 'annotation is' : 'annotations are'} not included (their text is gone; the W3C format keeps them).`);
    const actions = info.binary ? [] : ['Open'];
    void vscode.window.showInformationMessage(parts.join(' '), ...actions).then(async (a) => {
      if (a === 'Open') await vscode.window.showTextDocument(target, { preview: false });
    });
  }

  /**
   * Every source of every workspace folder (from the index, annotated or not) with the sidecars
   * read through the core store, as the CLI does (core/export/corpus.ts).
   */
  private async collectWorkspace(folders: readonly vscode.WorkspaceFolder[]): Promise<Collected> {
    const out: Collected = { sources: [], withOrphans: [], leftOut: 0, problems: [], uris: new Map() };
    let leftOut = 0;
    const entries = this.index.sources().filter((e) => e.error === undefined);
    for (const folder of folders) {
      const store = this.storeFor(folder);
      const load = await store.loadWorkspace();
      const prefix = folders.length > 1 ? `${folder.name}/` : '';
      const texts = new Map<string, string>();
      for (const e of entries) {
        if (vscode.workspace.getWorkspaceFolder(e.uri)?.uri.toString() !== folder.uri.toString()) continue;
        const rel = relativeTo(store.root, e.uri.path);
        texts.set(rel, e.text);
        out.uris.set(prefix + rel, e.uri);
      }
      const corpus = buildCorpus(store.root, load, texts, await readDetached(new VsCodeFileSystem(folder.uri), store.root, load));
      for (const s of corpus.sources) out.sources.push({ ...s, path: prefix + s.path });
      for (const s of corpus.lossless) out.withOrphans.push({ ...s, path: prefix + s.path });
      for (const st of load.states) {
        const rel = relativeTo(store.root, st.sourcePath);
        if (!out.uris.has(prefix + rel)) out.uris.set(prefix + rel, folder.uri.with({ path: st.sourcePath }));
      }
      leftOut += corpus.orphans;
      out.problems.push(...load.problems);
    }
    out.sources.sort(byPath);
    out.withOrphans.sort(byPath);
    return { ...out, leftOut };
  }

  /** One source's sidecar, anchored in the source's current text. */
  private async collectOne(folder: vscode.WorkspaceFolder, uri: vscode.Uri, text: string): Promise<Collected> {
    const store = this.storeFor(folder);
    const st: SourceAnnotations = await store.load(uri.path, text);
    const rel = relativeTo(store.root, uri.path);
    const anchored = st.annotations.filter((a) => a.status === 'anchored').map((a) => a.annotation);
    const all = st.annotations.map((a) => a.annotation);
    return {
      sources: [{ path: rel, text, annotations: anchored }],
      withOrphans: [{ path: rel, text, annotations: all }],
      leftOut: all.length - anchored.length,
      problems: [...st.problems],
      uris: new Map([[rel, uri]]),
    };
  }

  /** Entities and quotes of the exported sources: the index's (curated) analysis when it is for the same text. */
  private analysisFor(c: Collected): ExportAnalysis {
    const rules = this.index.curationRules;
    const docs = c.sources.map((s) => {
      const uri = c.uris.get(s.path);
      const entry = uri && this.index.get(uri);
      const analysis: DocumentAnalysis = entry && entry.text === s.text ? entry.analysis : analyzeDocument(s.text, rules);
      return { path: s.path, text: s.text, analysis };
    });
    return { byPath: new Map(docs.map((d) => [d.path, d.analysis])), clusters: clusterQuotes(docs), texts: new Map(docs.map((d) => [d.path, d.text])) };
  }

  private storeFor(folder: vscode.WorkspaceFolder): AnnotationStore {
    // Read-only use: a store of its own, so that exports never disturb the editor's state.
    return new AnnotationStore(new VsCodeFileSystem(folder.uri), folder.uri.path, { author: '' });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Markdown links from the report to the sources: the way from the report's folder to the (first) workspace folder. */
function linkBase(target: vscode.Uri): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root || root.scheme !== target.scheme || root.authority !== target.authority) return '';
  return path.posix.relative(path.posix.dirname(target.path), root.path);
}

function asArgs(a: unknown): ExportArgs | undefined {
  return a && typeof a === 'object' && ('format' in a || 'target' in a) ? (a as ExportArgs) : undefined;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
