import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../core/analysis/types';
import type { LineEndings, PositionUnit } from '../core/export/types';
import { DEFAULT_IMPORT_TIME_LIMIT_SECONDS, timeLimitProblem } from '../core/sourceImport/timeLimit';

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
  /** Coders (annotation authors) whose annotations the editor shows; empty: everyone's. */
  readonly codersShown: readonly string[];
  /** How the Sources view groups a source's annotations. */
  readonly groupAnnotationsBy: 'tag' | 'coder';
  /** The Sources view's order: by path, or by date (published, else retrieved, else file time). */
  readonly sortSourcesBy: 'path' | 'date';
  /** Import Source: wall-clock seconds one file may take before its worker is stopped. */
  readonly importTimeLimitSeconds: number;
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
    codersShown: stringList(c.get<unknown>('coders.shown', [])),
    groupAnnotationsBy: c.get<string>('tree.groupAnnotationsBy', 'tag') === 'coder' ? 'coder' : 'tag',
    sortSourcesBy: c.get<string>('sources.sortBy', 'path') === 'date' ? 'date' : 'path',
    importTimeLimitSeconds: timeLimit(c.get<unknown>('import.timeLimitSeconds', DEFAULT_IMPORT_TIME_LIMIT_SECONDS)),
  };
}

/** The import time limit as set, or the default when it is not a usable number of seconds (a hand-edited value). */
function timeLimit(v: unknown): number {
  return typeof v === 'number' && timeLimitProblem(v) === undefined ? v : DEFAULT_IMPORT_TIME_LIMIT_SECONDS;
}

/** A setting that should be a list of names: anything else in it (a hand-edited value) is left out. */
function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Write a setting where its current value comes from: the workspace's settings when they set it
 * (else a user-level write would be shadowed), the user's settings otherwise.
 */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const where = c.inspect(key);
  const target = where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await c.update(key, value, target);
}

/**
 * Flip one highlight layer (the toggle commands). The new value goes where the current one comes
 * from: the workspace's settings when they set it (else a user-level write would be shadowed and
 * the toggle would seem stuck), the user's settings otherwise.
 */
export async function toggleLayer(layer: keyof Settings['layers']): Promise<boolean> {
  const key = `layers.${layer}`;
  const next = !vscode.workspace.getConfiguration(SECTION).get<boolean>(key, true);
  await writeSetting(key, next);
  return next;
}

/** Set the Sources view's order (the title-bar toggle): where the setting comes from, as toggleLayer does. */
export async function setSourcesSort(by: 'path' | 'date'): Promise<void> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const where = c.inspect<string>('sources.sortBy');
  const target = where?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await c.update('sources.sortBy', by, target);
}
