import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_IMPORT_TIME_LIMIT_SECONDS, timeLimitProblem, withTimeLimit } from '../../../src/core/sourceImport/timeLimit';
import { SourceImportError } from '../../../src/core/sourceImport/types';
import { SourceImportClient } from '../../../src/node/sourceImportClient';

const STOPPED = /^slow\.pdf: the import was stopped after 0\.02 s, its time limit \(.*--time-limit SECONDS.*sourceAnnotator\.import\.timeLimitSeconds.*\); nothing was written$/;

describe('sourceImport: the time limit', () => {
  it('withTimeLimit: work that never ends is given up at the limit, with a clear error, and stop() is called once', async () => {
    let stops = 0;
    const never = new Promise<string>(() => undefined);
    await assert.rejects(withTimeLimit(never, 0.02, 'slow.pdf', () => stops++), (e: unknown) => e instanceof SourceImportError && e.problem === 'too-slow' && STOPPED.test(e.message));
    assert.strictEqual(stops, 1);
  });

  it('withTimeLimit: work that ends keeps its value or its error, and stop() is never called', async () => {
    let stops = 0;
    assert.strictEqual(await withTimeLimit(Promise.resolve('text'), 60, 'a.html', () => stops++), 'text');
    await assert.rejects(withTimeLimit(Promise.reject(new SourceImportError('a.html: no article found', 'no-article')), 60, 'a.html', () => stops++), /no article found/);
    assert.strictEqual(stops, 0);
  });

  it('a limit is a positive number of seconds, at most an hour', () => {
    assert.strictEqual(timeLimitProblem(DEFAULT_IMPORT_TIME_LIMIT_SECONDS), undefined);
    assert.strictEqual(timeLimitProblem(0.5), undefined);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 3601]) assert.ok(timeLimitProblem(bad), String(bad));
  });

  describe('on the worker (SourceImportClient)', () => {
    let dir: string;
    let worker: string;
    before(() => {
      // A stand-in importer: spins forever on a file named slow.pdf (as a parser stuck on a hostile
      // file would: the thread never yields), answers at once otherwise.
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-limit-'));
      worker = path.join(dir, 'worker.js');
      fs.writeFileSync(
        worker,
        `const { parentPort } = require('worker_threads');
parentPort.on('message', (req) => {
  if (req.input.name === 'slow.pdf') for (;;) {}
  if (req.input.name === 'crash.pdf') process.exit(3);
  if (req.input.name === 'throws.pdf') setImmediate(() => { throw new RangeError('out of memory, say'); });
  if (req.input.name.endsWith('.pdf') && req.input.name !== 'slow.pdf') return;
  parentPort.postMessage({ id: req.id, result: { format: 'html', text: 'ok\\n', provenance: { version: 1 }, baseName: req.input.name } });
});
`,
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a worker stuck at the limit is ended and the import fails with the message; the next import runs on a new worker', async () => {
      const client = new SourceImportClient(worker);
      try {
        const input = (name: string): { bytes: Uint8Array; name: string; retrieved: string } => ({ bytes: new Uint8Array([1]), name, retrieved: 'now' });
        assert.strictEqual((await client.import(input('first.html'), 60)).baseName, 'first.html');
        await assert.rejects(client.import(input('slow.pdf'), 0.02), (e: unknown) => e instanceof SourceImportError && e.problem === 'too-slow' && STOPPED.test(e.message));
        // The stuck thread could never answer this: a new worker does.
        assert.strictEqual((await client.import(input('next.html'), 60)).baseName, 'next.html');
      } finally {
        client.dispose();
      }
    });

    it('a worker that dies on a file fails that file alone, as a file the importer could not read; the next input gets a new worker', async () => {
      const client = new SourceImportClient(worker);
      try {
        const input = (name: string): { bytes: Uint8Array; name: string; retrieved: string } => ({ bytes: new Uint8Array([1]), name, retrieved: 'now' });
        for (const name of ['crash.pdf', 'throws.pdf']) {
          await assert.rejects(
            client.import(input(name), 60),
            (e: unknown) => e instanceof SourceImportError && e.problem === 'corrupt' && new RegExp(`^${name.replace('.', '\\.')}: the importer failed on this file \\(.+\\); nothing was written$`).test(e.message),
          );
          assert.strictEqual((await client.import(input('after.html'), 60)).baseName, 'after.html');
        }
      } finally {
        client.dispose();
      }
    });
  });
});
