import * as os from 'os';
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
  lowerThisThreadsPriority();
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

/**
 * On Linux the nice value belongs to the thread, so this lowers the worker alone: on a busy
 * machine the scheduler then lets the extension host's thread (typing, hovers) run first, and
 * analysis takes the spare time. Elsewhere setpriority would apply to the whole extension host
 * process, so it is left alone.
 */
function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here (some sandboxes): analysis still runs, at normal priority.
  }
}
