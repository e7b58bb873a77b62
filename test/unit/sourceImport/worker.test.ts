import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SourceImportError } from '../../../src/core/sourceImport/types';
import { SourceImportClient } from '../../../src/node/sourceImportClient';
import { STATEMENT_PARAGRAPHS, cnnPage, makePdf } from './fixtures';

const WORKER = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'sourceImportWorker.js');

/** The editor's importer on its worker thread (the bundle `npm run build` makes). */
describe('sourceImport: the worker the editor uses', function () {
  before(function () {
    if (!fs.existsSync(WORKER)) this.skip();
  });

  it('imports on the worker, keeps the error kind, and cancel stops a running import; the next import starts a new worker', async () => {
    const client = new SourceImportClient(WORKER);
    try {
      const page = await client.import({ bytes: new TextEncoder().encode(cnnPage()), name: 'a.html', retrieved: 'now' });
      assert.strictEqual(page.provenance.outlet, 'CNN');
      await assert.rejects(client.import({ bytes: new TextEncoder().encode('%PDF-1.4 junk'), name: 'bad.pdf', retrieved: 'now' }), (e: unknown) => e instanceof SourceImportError && e.problem === 'corrupt');
      const big = await makePdf(Array.from({ length: 40 }, () => STATEMENT_PARAGRAPHS).flat(), { pages: 40 });
      const running = client.import({ bytes: big, name: 'big.pdf', retrieved: 'now' });
      client.cancel();
      await assert.rejects(running, /cancelled/);
      const again = await client.import({ bytes: big, name: 'big.pdf', retrieved: 'now' });
      assert.strictEqual(again.text.split('\n\n').length, 40 * STATEMENT_PARAGRAPHS.length);
    } finally {
      client.dispose();
    }
  });
});
