import * as vscode from 'vscode';
import { applyEditsToSpans, type Span16 } from '../../core/anchoring/edits';
import type { EntityType } from '../../core/analysis/types';
import type { AnnotationService } from '../services/annotationService';
import type { CoderService } from '../services/coders';
import type { SourceIndex } from '../services/sourceIndex';
import type { Settings } from '../settings';

type Layer = EntityType | 'QUOTE' | 'TERM' | 'ANNOTATION';
/** The annotations of the coder with palette colour N (1-based), when several coders are shown. */
type CoderLayer = `coder${number}`;
type Key = Layer | CoderLayer;

const COLOR_IDS: Record<Layer, string> = {
  PERSON: 'entity.person',
  ORG: 'entity.org',
  LOC: 'entity.loc',
  NORP: 'entity.norp',
  QUOTE: 'quote',
  TERM: 'quote.term',
  ANNOTATION: 'annotation',
};

/** What the decorations show for one editor, by layer: exposed for tests. */
export type DecorationSnapshot = Partial<Record<Key, vscode.Range[]>>;

type Spans = Span16[];

/** Per document: the spans last applied to its editors, moved along with edits since. */
interface Applied {
  readonly spans: Map<Key, Spans>;
  /** The editors (by identity) these spans were applied to. */
  readonly editors: Set<vscode.TextEditor>;
}

/**
 * Highlights: one decoration type per entity type, one for quotes, a lighter one for quoted terms
 * (scare quotes, titles, nicknames) and one for annotations, all
 * in contributed theme colours with overview-ruler marks. Only visible editors are decorated.
 * Annotations are those of the coders shown (CoderService); when more than one coder is shown,
 * each coder's are drawn in the coder's colour (one decoration type per palette colour, made
 * when first needed) instead of the one annotation colour.
 * While the user types, VS Code moves the decorations with the text and we move our copy of
 * their spans the same way; when the (debounced) re-analysis arrives, only the layers whose
 * spans really changed are set again. A keystroke that changes no highlight costs almost nothing.
 */
export class Decorations implements vscode.Disposable {
  private readonly types = new Map<Key, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly applied = new Map<string, Applied>();
  /** Extension-host time of the last decoration passes, for the measured run. */
  readonly timings: number[] = [];

  constructor(
    private readonly index: SourceIndex,
    annotations: AnnotationService,
    private readonly coders: CoderService,
    private settings: Settings,
  ) {
    for (const layer of Object.keys(COLOR_IDS) as Layer[]) this.types.set(layer, makeType(layer));
    this.disposables.push(
      index.onDidChange((uris) => this.refresh(uris)),
      coders.onDidChange(() => this.refresh([])),
      annotations.onDidChange((uris) => this.refresh(uris)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh([])),
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.applied.delete(d.uri.toString())),
    );
    this.refresh([]);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.applied.clear();
    this.refresh([]);
  }

  /** What is applied to the editor of this document now. */
  snapshot(uri: vscode.Uri): DecorationSnapshot | undefined {
    const a = this.applied.get(uri.toString());
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!a || !doc) return undefined;
    const snap: DecorationSnapshot = {};
    for (const [layer, spans] of a.spans) if (spans.length > 0) snap[layer] = spans.map((x) => new vscode.Range(doc.positionAt(x.start), doc.positionAt(x.end)));
    return snap;
  }

  refresh(uris: readonly vscode.Uri[]): void {
    const only = uris.length > 0 ? new Set(uris.map((u) => u.toString())) : undefined;
    for (const editor of vscode.window.visibleTextEditors) {
      if (only && !only.has(editor.document.uri.toString())) continue;
      this.decorate(editor);
    }
  }

  /** Move our copy of the applied spans through an edit, as VS Code moves the decorations. */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const a = this.applied.get(e.document.uri.toString());
    if (!a || e.contentChanges.length === 0) return;
    const edits = [...e.contentChanges]
      .sort((x, y) => y.rangeOffset - x.rangeOffset)
      .map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
    for (const [layer, spans] of a.spans) {
      a.spans.set(layer, applyEditsToSpans(spans, edits).filter((m) => !m.collapsed).map((m) => ({ start: m.start, end: m.end })));
    }
  }

  private decorate(editor: vscode.TextEditor): void {
    const t0 = performance.now();
    const doc = editor.document;
    const key = doc.uri.toString();
    const entry = this.index.get(doc.uri);
    const wanted = new Map<Key, Spans>();
    for (const layer of this.types.keys()) wanted.set(layer, []);
    // Analysis offsets are valid only for the text they were computed on. A stale result keeps
    // the entity and quote layers as they are (moved with the edits); the index re-analyzes soon.
    const fresh = entry !== undefined && entry.text === doc.getText();
    const s = this.settings;
    if (entry && fresh) {
      if (s.layers.entities) {
        for (const m of entry.analysis.entities) if (m.kind === 'name' && s.entityTypes.has(m.type)) wanted.get(m.type)!.push({ start: m.start, end: m.end });
      }
      if (s.layers.quotes) {
        for (const q of entry.analysis.quotes) if (wordCount(q.text) >= s.minQuoteWords) wanted.get(q.kind === 'term' ? 'TERM' : 'QUOTE')!.push({ start: q.start, end: q.end });
      }
    }
    if (entry && s.layers.annotations) {
      const perCoder = this.coders.perCoder;
      for (const a of this.coders.anchored(doc.uri)) {
        const key: Key = perCoder ? this.coderLayer(a.annotation.author) : 'ANNOTATION';
        let list = wanted.get(key);
        if (!list) wanted.set(key, (list = []));
        list.push({ start: a.start, end: a.end });
      }
    }
    let applied = this.applied.get(key);
    const newEditor = !applied?.editors.has(editor);
    if (!applied) {
      applied = { spans: new Map(), editors: new Set() };
      this.applied.set(key, applied);
    }
    applied.editors.add(editor);
    for (const [layer, type] of this.types) {
      if (entry && !fresh && !isAnnotationLayer(layer)) continue;
      const next = wanted.get(layer)!;
      const before = applied.spans.get(layer);
      if (!newEditor && before && sameSpans(before, next)) continue;
      editor.setDecorations(type, next.map((x) => new vscode.Range(doc.positionAt(x.start), doc.positionAt(x.end))));
      applied.spans.set(layer, next);
    }
    this.timings.push(performance.now() - t0);
    if (this.timings.length > 200) this.timings.splice(0, 100);
  }

  /** The layer of a coder's annotations, its decoration type made on first use. */
  private coderLayer(author: string): CoderLayer {
    const colour = this.coders.colourOf(author.trim());
    const key: CoderLayer = `coder${colour.slot + 1}`;
    if (!this.types.has(key)) this.types.set(key, makeCoderType(colour.foreground, colour.background));
    return key;
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isAnnotationLayer(key: Key): boolean {
  return key === 'ANNOTATION' || key.startsWith('coder');
}

/** A coder's annotations: the annotation box, in the coder's colour. */
function makeCoderType(foreground: string, background: string): vscode.TextEditorDecorationType {
  const fg = new vscode.ThemeColor(foreground);
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(background),
    overviewRulerColor: fg,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    borderStyle: 'solid',
    borderWidth: '1px',
    borderColor: fg,
    borderRadius: '2px',
  });
}

function sameSpans(a: Spans, b: Spans): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end) return false;
  return true;
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
    overviewRulerLane: layer === 'ANNOTATION' ? vscode.OverviewRulerLane.Left : layer === 'QUOTE' || layer === 'TERM' ? vscode.OverviewRulerLane.Center : vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  if (layer === 'QUOTE') return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'none none dotted none', borderWidth: '0 0 1px 0', borderColor: fg });
  // quoted terms (scare quotes, titles, nicknames): a lighter tint and a thin dashed line
  if (layer === 'TERM') return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'none none dashed none', borderWidth: '0 0 1px 0', borderColor: fg });
  if (layer === 'ANNOTATION') return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'solid', borderWidth: '1px', borderColor: fg, borderRadius: '2px' });
  return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'none none solid none', borderWidth: '0 0 1px 0', borderColor: fg });
}
