import * as vscode from 'vscode';
import type { AnchoredAnnotation, StoreProblem } from '../../core/store/store';
import { CommandIds } from '../commandIds';
import type { AnnotationService } from '../services/annotationService';
import type { CurationCommands } from './curationCommands';
import type { SourceIndex } from '../services/sourceIndex';
import { rangeIn } from './quoteMentions';
import { isSidecarPath, sourcePathFor } from '../../core/store/paths';

/**
 * The Problems panel: malformed sidecars (at the sidecar's line and column), git conflict
 * markers and recorded merge conflicts in sidecars and in the curation file (with quick fixes, see
 * mergeActions), orphaned
 * annotations (on the source, where the text used to be, so that the quick fix can re-attach
 * the orphan to the selection), and sidecars whose source was deleted.
 */
export class Problems implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly source = 'source-annotator';
  private readonly collection = vscode.languages.createDiagnosticCollection('source-annotator');
  private readonly disposables: vscode.Disposable[] = [];
  private lastRefused = '';

  constructor(
    private readonly annotations: AnnotationService,
    private readonly index: SourceIndex,
    selector: vscode.DocumentSelector,
    private readonly curation?: Pick<CurationCommands, 'mergeProblems' | 'onDidChangeMergeProblems'>,
  ) {
    this.disposables.push(
      this.collection,
      annotations.onDidChange(() => this.refresh()),
      ...(curation ? [curation.onDidChangeMergeProblems(() => this.refresh())] : []),
      // Refused sources change rarely: refresh only when their set changed.
      index.onDidChange(() => {
        const refused = this.index.refusedSources().map((e) => e.key).join('\n');
        if (refused === this.lastRefused) return;
        this.lastRefused = refused;
        this.refresh();
      }),
      vscode.languages.registerCodeActionsProvider(selector, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    );
  }

  refresh(): void {
    const byFile = new Map<string, { uri: vscode.Uri; diags: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic): void => {
      const k = uri.toString();
      const cur = byFile.get(k) ?? { uri, diags: [] };
      cur.diags.push(d);
      byFile.set(k, cur);
    };
    for (const p of this.annotations.problems()) {
      const folderUri = this.folderUriFor(p);
      if (!folderUri) continue;
      if (p.kind === 'changed' && p.annotationId) {
        // Information on the annotation's new text: its wording differs from what was annotated.
        const source = folderUri.with({ path: p.sourcePath });
        const live = this.annotations.anchored(source).find((a) => a.annotation.id === p.annotationId);
        const entry = this.index.get(source);
        if (!live || !entry) continue;
        const d = new vscode.Diagnostic(rangeIn(entry.text, live.start, live.end), changedMessage(p), vscode.DiagnosticSeverity.Information);
        d.source = Problems.source;
        d.code = `changed:${p.annotationId}`;
        add(source, d);
      } else if (p.kind === 'orphan' && p.annotationId) {
        const source = folderUri.with({ path: p.sourcePath });
        const orphan = this.annotations.find(source, p.annotationId);
        const d = new vscode.Diagnostic(this.whereItWas(source, orphan), orphanMessage(p), vscode.DiagnosticSeverity.Warning);
        d.source = Problems.source;
        d.code = { value: `orphan:${p.annotationId}`, target: folderUri.with({ path: p.path }) };
        d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(folderUri.with({ path: p.path }), new vscode.Position(p.line - 1, p.col - 1)), 'stored in this sidecar')];
        add(source, d);
      } else {
        const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
        const error = p.kind === 'malformed' || p.kind === 'conflict-markers';
        const d = new vscode.Diagnostic(new vscode.Range(pos, pos), p.kind === 'conflict' || p.kind === 'conflict-markers' ? sentence(p.message) : p.message, error ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = Problems.source;
        // A recorded merge conflict names its annotation and entry, for the keep-one-side actions.
        d.code = p.kind === 'conflict' && p.annotationId !== undefined ? `conflict:${p.conflictIndex ?? 0}:${p.annotationId}` : p.kind;
        add(folderUri.with({ path: p.path }), d);
      }
    }
    // The curation file: conflict markers, and conflicts recorded by the merge driver.
    for (const { uri, problems } of this.curation?.mergeProblems() ?? []) {
      for (const p of problems) {
        const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
        const d = new vscode.Diagnostic(new vscode.Range(pos, pos), sentence(p.message), p.kind === 'conflict-markers' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = Problems.source;
        d.code = p.kind === 'conflict' ? `curation-conflict:${p.index}` : p.kind;
        add(uri, d);
      }
    }
    // Sources refused because a symbolic link leads out of the workspace.
    for (const entry of this.index.refusedSources()) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Not read: ${(entry.error ?? '').slice('refused: '.length)}.`, vscode.DiagnosticSeverity.Warning);
      d.source = Problems.source;
      d.code = 'outside-workspace';
      add(entry.uri, d);
    }
    this.collection.clear();
    for (const { uri, diags } of byFile.values()) this.collection.set(uri, diags);
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    // An orphan's new text is wherever the user selects it, away from the diagnostic: with a
    // selection, every orphan of the source is offered; without one, only the diagnostics asked about.
    const all = this.collection.get(document.uri) ?? [];
    const relevant = context.diagnostics.length > 0 || range.isEmpty ? context.diagnostics : all;
    for (const d of context.diagnostics) {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
      if (d.source !== Problems.source || !code.startsWith('changed:')) continue;
      const id = code.slice('changed:'.length);
      const accept = new vscode.CodeAction(`Accept the new wording of annotation ${id}`, vscode.CodeActionKind.QuickFix);
      accept.diagnostics = [d];
      accept.isPreferred = true;
      accept.command = { command: CommandIds.acceptChangedText, title: 'Accept the new wording', arguments: [{ uri: document.uri.toString(), id }] };
      actions.push(accept);
    }
    actions.push(...mergeActions(document, context.diagnostics, this.annotations, this.curation));
    for (const d of relevant) {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
      if (d.source !== Problems.source || !code.startsWith('orphan:')) continue;
      const id = code.slice('orphan:'.length);
      const editor = vscode.window.activeTextEditor;
      const hasSelection = editor?.document.uri.toString() === document.uri.toString() && !editor.selection.isEmpty;
      const action = new vscode.CodeAction(
        hasSelection ? `Re-attach annotation ${id} to the selection` : `Re-attach annotation ${id} (select its new text first)`,
        vscode.CodeActionKind.QuickFix,
      );
      action.diagnostics = [d];
      action.isPreferred = hasSelection;
      if (hasSelection) action.command = { command: CommandIds.reattachAnnotation, title: 'Re-attach', arguments: [{ uri: document.uri.toString(), id }] };
      else action.disabled = { reason: 'Select the text to attach the annotation to, then apply the quick fix.' };
      actions.push(action);
    }
    return actions;
  }

  /**
   * Where the orphan's text was: the place it was deleted in the editor when that is known, else
   * its stored start clamped to the current text (a line start, since the text around changed).
   */
  private whereItWas(source: vscode.Uri, orphan: AnchoredAnnotation | undefined): vscode.Range {
    const entry = this.index.get(source);
    if (!entry || !orphan) return new vscode.Range(0, 0, 0, 0);
    const text = this.annotations.state(source)?.sourceText ?? entry.text;
    if (orphan.lastSeen16 !== undefined) {
      const at = Math.min(orphan.lastSeen16, text.length);
      return rangeIn(text, at, at);
    }
    const at = Math.min(entry.offsets.toUtf16(orphan.annotation.target.start), text.length);
    const line = rangeIn(text, at, at).start.line;
    return new vscode.Range(line, 0, line, 0);
  }

  private folderUriFor(p: StoreProblem): vscode.Uri | undefined {
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      if (p.path === f.uri.path || p.path.startsWith(f.uri.path.endsWith('/') ? f.uri.path : f.uri.path + '/')) return f.uri;
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Quick fixes for git merges: rebuild a sidecar with conflict markers; keep one side of a recorded conflict. */
function mergeActions(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[], annotations: AnnotationService, curation: Pick<CurationCommands, 'mergeProblems'> | undefined): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const uri = document.uri.toString();
  for (const d of diagnostics) {
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
    if (d.source !== Problems.source) continue;
    if (code === 'conflict-markers') {
      const a = new vscode.CodeAction(`Rebuild the ${isSidecarPath(document.uri.path) ? 'sidecar' : 'curation file'} from both sides of the merge (nothing is lost)`, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [d];
      a.isPreferred = true;
      a.command = { command: CommandIds.repairConflictMarkers, title: 'Rebuild from both sides', arguments: [{ uri }] };
      actions.push(a);
      continue;
    }
    const cm = /^curation-conflict:(\d+)$/.exec(code);
    if (cm) {
      const index = Number(cm[1]);
      const p = curation?.mergeProblems().find((f) => f.uri.toString() === uri)?.problems.find((x) => x.kind === 'conflict' && x.index === index);
      if (p?.kind !== 'conflict') continue;
      for (const side of ['ours', 'theirs'] as const) {
        const a = new vscode.CodeAction(p.labels[side], vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: CommandIds.resolveMergeConflict, title: p.labels[side], arguments: [{ uri, index, side, record: p.record }] };
        actions.push(a);
      }
      continue;
    }
    const m = /^conflict:(\d+):(.+)$/.exec(code);
    if (!m) continue;
    const index = Number(m[1]);
    const id = m[2];
    const source = document.uri.with({ path: sourcePathFor(document.uri.path) });
    const c = annotations.find(source, id)?.annotation.conflicts?.[index];
    if (!c) continue;
    const labels: Record<'ours' | 'theirs', string> =
      'deletedBy' in c
        ? { ours: c.deletedBy === 'ours' ? 'Delete the annotation (as our side did)' : 'Keep the annotation (as our side did)', theirs: c.deletedBy === 'theirs' ? 'Delete the annotation (as their side did)' : 'Keep the annotation (as their side did)' }
        : { ours: `Keep our ${c.field}: ${show(c.ours)}`, theirs: `Keep their ${c.field}: ${show(c.theirs)}` };
    for (const side of ['ours', 'theirs'] as const) {
      const a = new vscode.CodeAction(labels[side], vscode.CodeActionKind.QuickFix);
      a.diagnostics = [d];
      a.command = { command: CommandIds.resolveMergeConflict, title: labels[side], arguments: [{ uri, id, index, side }] };
      actions.push(a);
    }
  }
  return actions;
}

function show(v: string | { readonly exact: string; readonly start: number; readonly end: number }): string {
  const clip = (s: string): string => (s.length > 50 ? s.slice(0, 47) + '...' : s);
  return typeof v === 'string' ? (v === '' ? '(none)' : JSON.stringify(clip(v.replace(/\s+/g, ' ')))) : `${JSON.stringify(clip(v.exact))} at ${v.start}..${v.end}`;
}

function changedMessage(p: StoreProblem): string {
  const text = p.message.charAt(0).toUpperCase() + p.message.slice(1);
  return `${text} (quick fix, or the annotation's hover).`;
}

function orphanMessage(p: StoreProblem): string {
  const text = p.message.charAt(0).toUpperCase() + p.message.slice(1);
  return `${text}. It stays in the sidecar: select its new text and use the quick fix.`;
}
