import { parentPort } from 'worker_threads';
import { WorkspaceModel } from '../core/workspace/model';
import { dispatch, transferables, type ModelReply, type ModelRequest } from './services/modelProtocol';

/**
 * The analysis worker (bundled as dist/analysisWorker.js). It runs the core analyzer and holds
 * the workspace model (every source's analysis, quote clusters, entity summaries) off the
 * extension host's thread, so neither analysis nor the garbage collection of a large model ever
 * pauses typing.
 */
const port = parentPort;
if (port) {
  const model = new WorkspaceModel();
  port.on('message', (req: ModelRequest) => {
    let reply: ModelReply;
    try {
      reply = { id: req.id, result: dispatch(model, req.op, req.args) };
    } catch (err) {
      reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
    }
    // Byte arrays in the answer (analysis digests) move to the extension host without a copy.
    port.postMessage(reply, 'result' in reply ? transferables(reply.result) : []);
  });
}
