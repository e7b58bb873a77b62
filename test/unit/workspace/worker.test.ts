import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ModelOp, ModelReply, ModelRequest } from '../../../src/extension/services/modelProtocol';

const WORKER = path.resolve(__dirname, '../../../../dist/analysisWorker.js');

/** The nice value of every thread of this process, by thread id (Linux only). */
function threadNice(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; nice is field 19.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), Number(fields[19 - 3]));
  }
  return out;
}

function ask(w: Worker, req: ModelRequest): Promise<ModelReply> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.postMessage(req);
  });
}

describe('analysis worker (the bundled dist/analysisWorker.js)', function () {
  this.timeout(20000);
  let worker: Worker | undefined;
  afterEach(async () => {
    await worker?.terminate();
    worker = undefined;
  });

  it('answers model requests, and reports a failing request as an error rather than dying', async () => {
    assert.ok(fs.existsSync(WORKER), `${WORKER} is built`);
    worker = new Worker(WORKER);
    const count = await ask(worker, { id: 1, op: 'clusterCount', args: [] });
    assert.deepStrictEqual(count, { id: 1, result: 0 });
    const bad = await ask(worker, { id: 2, op: 'noSuchOp' as ModelOp, args: [] });
    assert.strictEqual(bad.id, 2);
    assert.ok('error' in bad && bad.error.length > 0, JSON.stringify(bad));
    assert.deepStrictEqual(await ask(worker, { id: 3, op: 'entityCount', args: [] }), { id: 3, result: 0 });
  });

  it('runs at a lower priority than the extension host on Linux, and leaves the host thread alone', async function () {
    if (process.platform !== 'linux') this.skip();
    const base = os.getPriority();
    const before = new Set(threadNice().keys());
    worker = new Worker(WORKER);
    await ask(worker, { id: 1, op: 'clusterCount', args: [] });
    const after = threadNice();
    assert.strictEqual(after.get(process.pid), base, 'the main thread keeps its priority');
    assert.strictEqual(os.getPriority(), base);
    if (base < os.constants.priority.PRIORITY_BELOW_NORMAL) {
      const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === os.constants.priority.PRIORITY_BELOW_NORMAL);
      assert.strictEqual(lowered.length, 1, `one new thread runs below normal: ${JSON.stringify([...after])}`);
    }
  });
});
