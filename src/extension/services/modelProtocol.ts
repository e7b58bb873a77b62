import type { WorkspaceModel } from '../../core/workspace/model';

/** The messages between the extension host and the analysis worker that holds the workspace model. */
export type ModelOp = 'analyze' | 'set' | 'setAnalysis' | 'remove' | 'clusterCount' | 'clustersOf' | 'entity' | 'entityInfo' | 'entityCount' | 'entityList' | 'searchEntities' | 'quotesBy';

export interface ModelRequest {
  readonly id: number;
  readonly op: ModelOp;
  readonly args: readonly unknown[];
}

export type ModelReply = { readonly id: number; readonly result: unknown } | { readonly id: number; readonly error: string };

/** A model method's arguments and result, by name. */
export type ModelMethod<K extends ModelOp> = WorkspaceModel[K] extends (...a: infer A) => infer R ? { args: A; result: R } : never;

/** Run one request against a model: shared by the worker and the in-process fallback. */
export function dispatch(model: WorkspaceModel, op: ModelOp, args: readonly unknown[]): unknown {
  const fn = (model[op] as (this: WorkspaceModel, ...a: unknown[]) => unknown).bind(model);
  return fn(...args);
}

/** The ArrayBuffers of the byte arrays at the top level of an answer, to transfer rather than copy. */
export function transferables(result: unknown): ArrayBuffer[] {
  if (typeof result !== 'object' || result === null) return [];
  const out: ArrayBuffer[] = [];
  for (const v of Object.values(result)) if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.push(v.buffer);
  return out;
}
