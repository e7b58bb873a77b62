import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/model';
import { addCounts, ALL_CODERS, CoderFilter, coderLabel, coderSlots, compareCoders, countCoders, PALETTE_NAMES } from '../../core/coders/coders';
import { ContextKeys } from '../commandIds';
import type { Settings } from '../settings';
import type { AnnotationService, LiveAnnotation } from './annotationService';

/** A coder's colour in the editor: the palette slot and the theme colours that draw it. */
export interface CoderColour {
  /** 0-based palette index (core/coders coderSlots). */
  readonly slot: number;
  /** The palette colour's name ("red"). */
  readonly name: string;
  /** Contributed theme colour ids: sourceAnnotator.coder<N>.foreground / .background. */
  readonly foreground: string;
  readonly background: string;
}

/**
 * The coders of the workspace (the authors of its annotations, with counts), which of them the
 * editor shows (sourceAnnotator.coders.shown), and their colours. Counts are kept per source
 * and updated only for the sources that changed, so a keystroke in an annotated source costs a
 * count of that source's annotations. onDidChange fires when the filter, the set of coders or
 * their colours change: not on every keystroke.
 *
 * What honours the filter: the highlights, hovers, the Outline and breadcrumbs, the Sources view,
 * the status bar, and the commands that act on "the annotation under the cursor". What does not:
 * Problems (an orphan or a malformed sidecar is a problem of the files whoever wrote it; `check`
 * reports it too), the tags offered when tagging (the team's codebook), and exports (all coders;
 * the CLI's --coder chooses).
 */
export class CoderService implements vscode.Disposable {
  private readonly perSource = new Map<string, Map<string, number>>();
  private totals: Map<string, number> | undefined;
  private slots = new Map<string, number>();
  private filter: CoderFilter;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly annotations: AnnotationService,
    settings: Settings,
  ) {
    this.filter = new CoderFilter(settings.codersShown);
    this.disposables.push(
      this.changed,
      annotations.onDidChange((uris) => this.recount(uris)),
    );
    this.recount([]);
    void vscode.commands.executeCommand('setContext', ContextKeys.codersFiltered, this.filter.active);
    this.announceCoders();
  }

  /** Whether the workspace has annotations by several coders: the Disagreements view shows only then. */
  private announceCoders(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.severalCoders, this.counts().size >= 2);
  }

  updateSettings(settings: Settings): void {
    const next = new CoderFilter(settings.codersShown);
    if (sameList(next.shown, this.filter.shown)) return;
    this.filter = next.active ? next : ALL_CODERS;
    void vscode.commands.executeCommand('setContext', ContextKeys.codersFiltered, this.filter.active);
    this.changed.fire();
  }

  /** The filter in force. */
  get current(): CoderFilter {
    return this.filter;
  }

  /** Annotations per coder in the workspace (orphans included), sorted by coder. */
  counts(): ReadonlyMap<string, number> {
    if (!this.totals) {
      const t = new Map<string, number>();
      for (const c of this.perSource.values()) addCounts(t, c);
      this.totals = new Map([...t].sort(([x], [y]) => compareCoders(x, y)));
    }
    return this.totals;
  }

  /** The workspace's coders that the filter shows. */
  shownCoders(): string[] {
    return [...this.counts().keys()].filter((c) => this.filter.showsCoder(c));
  }

  /** True when annotations are coloured per coder: more than one coder of the workspace is shown. */
  get perCoder(): boolean {
    return this.shownCoders().length > 1;
  }

  shows(a: Pick<Annotation, 'author'>): boolean {
    return this.filter.shows(a);
  }

  /** The items (anything carrying an annotation) whose coder is shown. */
  visible<T extends { readonly annotation: Annotation }>(items: readonly T[]): T[] {
    return this.filter.keep(items, (t) => t.annotation);
  }

  /** The anchored annotations of a source whose coder is shown (UTF-16 spans, by position). */
  anchored(uri: vscode.Uri): LiveAnnotation[] {
    return this.visible(this.annotations.anchored(uri));
  }

  /** The shown annotation at a UTF-16 offset of a source (the hover's, the one commands act on without arguments). */
  at(uri: vscode.Uri, offset: number): LiveAnnotation | undefined {
    return this.anchored(uri).find((a) => a.start <= offset && offset <= a.end);
  }

  /** A coder's colour (a coder not seen yet gets the colour its name would have). */
  colourOf(coder: string): CoderColour {
    const slot = this.slots.get(coder) ?? coderSlots([...this.slots.keys(), coder]).get(coder)!;
    return { slot, name: PALETTE_NAMES[slot], foreground: `sourceAnnotator.coder${slot + 1}.foreground`, background: `sourceAnnotator.coder${slot + 1}.background` };
  }

  /** "Ada and Bob", for messages. */
  describeShown(): string {
    const names = this.filter.shown.map(coderLabel);
    return names.length <= 1 ? (names[0] ?? 'everyone') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }

  private recount(uris: readonly vscode.Uri[]): void {
    const states = this.annotations.loadedStates();
    const keys = uris.length === 0 ? [...new Set([...this.perSource.keys(), ...states.keys()])] : uris.map((u) => u.toString());
    let coderSetChanged = false;
    for (const key of keys) {
      const st = states.get(key);
      const before = this.perSource.get(key);
      const after = st ? countCoders(st.annotations.map((a) => a.annotation)) : undefined;
      if (after && after.size > 0) this.perSource.set(key, after);
      else this.perSource.delete(key);
      if (!sameCounts(before, after)) {
        this.totals = undefined;
        // A keystroke moves annotations but never changes who made them: only a new or vanished coder fires.
        if (!sameList([...(before?.keys() ?? [])], [...(after?.keys() ?? [])])) coderSetChanged = true;
      }
    }
    if (!coderSetChanged) return;
    const coders = [...this.counts().keys()];
    const before = [...this.slots.keys()];
    this.slots = coderSlots(coders);
    this.announceCoders();
    if (!sameList(before, coders)) this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameCounts(a: ReadonlyMap<string, number> | undefined, b: ReadonlyMap<string, number> | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const [k, v] of a ?? []) if (b?.get(k) !== v) return false;
  return true;
}
