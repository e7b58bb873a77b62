import * as vscode from 'vscode';
import type { EntityType } from '../../core/analysis/types';
import type { AnnotationService } from '../services/annotationService';
import type { SourceIndex } from '../services/sourceIndex';
import type { Settings } from '../settings';

type Layer = EntityType | 'QUOTE' | 'ANNOTATION';

const COLOR_IDS: Record<Layer, string> = {
  PERSON: 'entity.person',
  ORG: 'entity.org',
  LOC: 'entity.loc',
  NORP: 'entity.norp',
  QUOTE: 'quote',
  ANNOTATION: 'annotation',
};

/** What the decorations show for one editor, by layer: exposed for tests. */
export type DecorationSnapshot = Partial<Record<Layer, vscode.Range[]>>;

/**
 * Highlights: one decoration type per entity type, one for quotes and one for annotations, all
 * in contributed theme colours with overview-ruler marks. Only visible editors are decorated;
 * the index debounces re-analysis while the user types, and decoration ranges move with edits
 * in between.
 */
export class Decorations implements vscode.Disposable {
  private readonly types = new Map<Layer, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly last = new Map<string, DecorationSnapshot>();
  /** Extension-host time of the last decoration passes, for the measured integration run. */
  readonly timings: number[] = [];

  constructor(
    private readonly index: SourceIndex,
    private readonly annotations: AnnotationService,
    private settings: Settings,
  ) {
    for (const layer of Object.keys(COLOR_IDS) as Layer[]) this.types.set(layer, makeType(layer));
    this.disposables.push(
      ...this.types.values(),
      index.onDidChange((uris) => this.refresh(uris)),
      annotations.onDidChange((uris) => this.refresh(uris)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh([])),
    );
    this.refresh([]);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.refresh([]);
  }

  /** What was last applied to the editor of this document. */
  snapshot(uri: vscode.Uri): DecorationSnapshot | undefined {
    return this.last.get(uri.toString());
  }

  refresh(uris: readonly vscode.Uri[]): void {
    const only = uris.length > 0 ? new Set(uris.map((u) => u.toString())) : undefined;
    for (const editor of vscode.window.visibleTextEditors) {
      if (only && !only.has(editor.document.uri.toString())) continue;
      this.decorate(editor);
    }
  }

  private decorate(editor: vscode.TextEditor): void {
    const t0 = performance.now();
    const doc = editor.document;
    const entry = this.index.get(doc.uri);
    const snap: DecorationSnapshot = {};
    const ranges = new Map<Layer, vscode.DecorationOptions[]>();
    for (const layer of this.types.keys()) ranges.set(layer, []);
    // Analysis offsets are valid only for the text they were computed on; skip stale results
    // (the index re-analyzes shortly, and VS Code moves the previous decorations meanwhile).
    const fresh = entry !== undefined && entry.text === doc.getText();
    if (entry && fresh) {
      const s = this.settings;
      if (s.layers.entities) {
        for (const m of entry.analysis.entities) {
          if (m.kind !== 'name' || !s.entityTypes.has(m.type)) continue;
          ranges.get(m.type)!.push({ range: new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)) });
        }
      }
      if (s.layers.quotes) {
        for (const q of entry.analysis.quotes) {
          if (wordCount(q.text) < s.minQuoteWords) continue;
          ranges.get('QUOTE')!.push({ range: new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end)) });
        }
      }
    }
    if (entry && this.settings.layers.annotations) {
      for (const a of this.annotations.anchored(doc.uri)) {
        ranges.get('ANNOTATION')!.push({ range: new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)) });
      }
    }
    if (!fresh && entry) {
      // Keep entity and quote decorations as VS Code moved them; refresh annotations only.
      editor.setDecorations(this.types.get('ANNOTATION')!, ranges.get('ANNOTATION')!);
      return;
    }
    for (const [layer, type] of this.types) {
      const opts = ranges.get(layer)!;
      editor.setDecorations(type, opts);
      if (opts.length > 0) snap[layer] = opts.map((o) => o.range);
    }
    this.last.set(doc.uri.toString(), snap);
    this.timings.push(performance.now() - t0);
    if (this.timings.length > 200) this.timings.splice(0, 100);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

function makeType(layer: Layer): vscode.TextEditorDecorationType {
  const id = COLOR_IDS[layer];
  const fg = new vscode.ThemeColor(`sourceAnnotator.${id}.foreground`);
  const bg = new vscode.ThemeColor(`sourceAnnotator.${id}.background`);
  const common: vscode.DecorationRenderOptions = {
    backgroundColor: bg,
    overviewRulerColor: fg,
    overviewRulerLane: layer === 'ANNOTATION' ? vscode.OverviewRulerLane.Left : layer === 'QUOTE' ? vscode.OverviewRulerLane.Center : vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  if (layer === 'QUOTE') return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'none none dotted none', borderWidth: '0 0 1px 0', borderColor: fg });
  if (layer === 'ANNOTATION') return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'solid', borderWidth: '1px', borderColor: fg, borderRadius: '2px' });
  return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'none none solid none', borderWidth: '0 0 1px 0', borderColor: fg });
}
