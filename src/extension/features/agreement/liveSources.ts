import * as vscode from 'vscode';
import type { AnnotatedSource } from '../../../core/annotations/model';
import type { AnnotationService } from '../../services/annotationService';
import type { SourceIndex } from '../../services/sourceIndex';

/** The annotated sources as the editor has them now (anchored annotations, positions in the current text), with their URIs. */
export interface LiveSources {
  readonly sources: AnnotatedSource[];
  readonly uris: ReadonlyMap<string, vscode.Uri>;
}

export function liveSources(index: SourceIndex, annotations: AnnotationService): LiveSources {
  const sources: AnnotatedSource[] = [];
  const uris = new Map<string, vscode.Uri>();
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  for (const e of index.sources()) {
    const st = annotations.state(e.uri);
    if (!st) continue;
    const anchored = st.annotations.filter((a) => a.status === 'anchored').map((a) => a.annotation);
    if (anchored.length === 0) continue;
    const folder = vscode.workspace.getWorkspaceFolder(e.uri);
    const path = multiRoot && folder ? `${folder.name}/${e.relPath}` : e.relPath;
    sources.push({ path, text: st.sourceText, annotations: anchored });
    uris.set(path, e.uri);
  }
  return { sources, uris };
}
