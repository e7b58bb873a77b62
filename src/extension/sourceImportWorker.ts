import { parentPort } from 'worker_threads';
import { serveSourceImports } from '../node/sourceImportWorkerMain';

/**
 * The Import Source worker (bundled apart as dist/sourceImportWorker.js, about 4.4 MB, most of
 * it pdf.js): Readability, pdf.js and mammoth run here, off the extension host's thread, so a
 * long page or PDF never pauses typing, and the libraries are loaded only when something is
 * imported. It also gives pdf.js a plain Node global scope (the extension host replaces
 * `navigator` with a getter that pdf.js cannot polyfill).
 */
if (parentPort) serveSourceImports(parentPort);
