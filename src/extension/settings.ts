import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../core/analysis/types';
import type { LineEndings, PositionUnit } from '../core/export/types';

/** The extension's settings, typed. package.json contributes.configuration declares them. */
export interface Settings {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly layers: { readonly entities: boolean; readonly quotes: boolean; readonly annotations: boolean };
  readonly entityTypes: ReadonlySet<EntityType>;
  readonly minQuoteWords: number;
  readonly codeLens: boolean;
  readonly author: string;
  readonly exportIncludesAnalysis: boolean;
  /** REFI-QDA positions: code points (the standard) or UTF-16 units (QualCoder's coding view). */
  readonly exportPositions: PositionUnit;
  /** W3C selectors: against the file's text, or its LF-normalised text (browsers). */
  readonly exportLineEndings: LineEndings;
  /** The Sources view's order: by path, or by date (published, else retrieved, else file time). */
  readonly sortSourcesBy: 'path' | 'date';
}

export const SECTION = 'sourceAnnotator';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const types = c.get<string[]>('entityTypes', [...ENTITY_TYPES]).filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t));
  return {
    include: c.get<string[]>('sources.include', ['**/*.txt', '**/*.md']),
    exclude: c.get<string[]>('sources.exclude', ['**/node_modules/**', '**/.*/**']),
    layers: {
      entities: c.get<boolean>('layers.entities', true),
      quotes: c.get<boolean>('layers.quotes', true),
      annotations: c.get<boolean>('layers.annotations', true),
    },
    entityTypes: new Set(types),
    minQuoteWords: Math.max(1, c.get<number>('quotes.minLength', 2)),
    codeLens: c.get<boolean>('codeLens.enabled', true),
    author: c.get<string>('author', '').trim(),
    exportIncludesAnalysis: c.get<boolean>('export.includeAnalysis', false),
    exportPositions: c.get<string>('export.positions', 'codepoints') === 'utf16' ? 'utf16' : 'codepoints',
    exportLineEndings: c.get<string>('export.lineEndings', 'file') === 'lf' ? 'lf' : 'file',
    sortSourcesBy: c.get<string>('sources.sortBy', 'path') === 'date' ? 'date' : 'path',
  };
}

/**
 * Flip one highlight layer (the toggle commands). The new value goes where the current one comes
 * from: the workspace's settings when they set it (else a user-level write would be shadowed and
 * the toggle would seem stuck), the user's settings otherwise.
 */
export async function toggleLayer(layer: keyof Settings['layers']): Promise<boolean> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const key = `layers.${layer}`;
  const next = !c.get<boolean>(key, true);
  const where = c.inspect<boolean>(key);
  const target = where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await c.update(key, next, target);
  return next;
}

/** Set the Sources view's order (the title-bar toggle): where the setting comes from, as toggleLayer does. */
export async function setSourcesSort(by: 'path' | 'date'): Promise<void> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const where = c.inspect<string>('sources.sortBy');
  const target = where?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await c.update('sources.sortBy', by, target);
}
