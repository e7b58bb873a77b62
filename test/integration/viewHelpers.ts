import type * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension/main';

/** Speech quotes of a source with at least two words (the default of sourceAnnotator.quotes.minLength), as the tree, Outline and status bar count them (quoted terms are not). */
export function visibleQuotes(a: SourceAnnotatorApi, uri: vscode.Uri): number {
  return a.index.get(uri)!.analysis.quotes.filter((q) => q.kind !== 'term' && q.text.split(/\s+/).filter(Boolean).length >= 2).length;
}

/** Distinct entities of a source as the tree and status bar count them: names, and roles resolved to a named entity. */
export function visibleEntities(a: SourceAnnotatorApi, uri: vscode.Uri): number {
  return new Set(a.index.get(uri)!.analysis.entities.filter((m) => m.kind === 'name' || m.entity !== m.text).map((m) => m.entity)).size;
}
