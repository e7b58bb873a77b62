import { importSource } from '../../src/core/sourceImport';
import { writeImportedSource } from '../../src/core/sourceImport/write';
import { MemoryFileSystem } from '../unit/fakes/memoryFileSystem';
import { STATEMENT_PARAGRAPHS, breitbartPage, cnnPage, makePdf } from '../unit/sourceImport/fixtures';

/**
 * `npm run bench -- sourceImport`: Import Source on 1,000 saved pages (the CNN and Breitbart
 * layouts of the fixtures, each with 6-25 extra paragraphs so no two pages are alike) and on 100
 * PDFs of ten pages (36 paragraphs each), through the core importer and the writer (into memory),
 * one after the other as the CLI and the editor do. Baselines measured in the same run: building
 * the DOM alone (linkedom, what Readability works on) and pdf.js's own text extraction (unpdf
 * extractText, without our lines and paragraphs). Also the longest the event loop was held by one
 * input (what the editor's extension host waits at worst between two other tasks).
 */
export async function bench(): Promise<void> {
  const pages = Array.from({ length: 1000 }, (_, i) => {
    const extra = Array.from({ length: 6 + (i % 20) }, (_, k) => `Paragraph ${k} of page ${i}: the council met again on the ${k + 1}th day and said the toll "would stay for now," according to a spokesman who spoke on condition of anonymity.`);
    return new TextEncoder().encode(i % 2 === 0 ? cnnPage({ extra, canonical: `https://edition.cnn.com/p/${i}` }) : breitbartPage({ extra, canonical: `https://www.breitbart.com/p/${i}` }));
  });
  const pdfParagraphs = Array.from({ length: 6 }, (_, k) => STATEMENT_PARAGRAPHS.map((p) => `${p} (${k})`)).flat();
  const pdfs: Uint8Array[] = [];
  for (let i = 0; i < 100; i++) pdfs.push(await makePdf(pdfParagraphs.map((p) => `${p} [${i}]`), { title: `Statement ${i}`, pages: 10 }));
  const htmlBytes = pages.reduce((n, p) => n + p.length, 0);
  console.log(`inputs: 1,000 saved pages (${(htmlBytes / 1e6).toFixed(1)} MB), 100 PDFs of 10 pages (${(pdfs.reduce((n, p) => n + p.length, 0) / 1e6).toFixed(1)} MB)`);

  // Warm-up: load the libraries once.
  await importSource({ bytes: pages[0], name: 'w.html', retrieved: 'x' });
  await importSource({ bytes: pdfs[0], name: 'w.pdf', retrieved: 'x' });

  const { parseHTML } = await import('linkedom');
  const decoder = new TextDecoder();
  const domOnly = await timed(pages, (p) => {
    parseHTML(decoder.decode(p));
    return Promise.resolve();
  });
  const fs = new MemoryFileSystem({ '/ws/.keep': '' });
  const html = await timed(pages, async (p, i) => {
    const r = await importSource({ bytes: p, name: `page-${i}.html`, retrieved: '2026-11-30T12:00:00Z' });
    await writeImportedSource(fs, '/ws', r, { root: '/ws' });
  });
  report('saved pages', 1000, html, domOnly, 'linkedom DOM only');

  const { extractText } = await import('unpdf');
  const pdfjsOnly = await timed(pdfs, async (p) => {
    await extractText(new Uint8Array(p), { mergePages: true });
  });
  const pdf = await timed(pdfs, async (p, i) => {
    const r = await importSource({ bytes: p, name: `s-${i}.pdf`, retrieved: '2026-11-30T12:00:00Z' });
    await writeImportedSource(fs, '/ws', r, { root: '/ws' });
  });
  report('PDF pages', 1000, pdf, pdfjsOnly, 'unpdf extractText only');
  console.log(`written: ${fs.paths().length - 1} files (a source and its provenance per input)`);
}

interface Timing {
  readonly totalMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Longest event-loop block seen by a 5 ms timer while the inputs ran. */
  readonly maxLagMs: number;
}

async function timed(inputs: readonly Uint8Array[], fn: (input: Uint8Array, i: number) => Promise<void>): Promise<Timing> {
  const each: number[] = [];
  let last = performance.now();
  let maxLag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 5);
    last = now;
  }, 5);
  const t0 = performance.now();
  for (const [i, input] of inputs.entries()) {
    const s = performance.now();
    await fn(input, i);
    each.push(performance.now() - s);
    // Let the timer run between inputs, as the editor's progress loop does.
    await new Promise((r) => setImmediate(r));
  }
  const totalMs = performance.now() - t0;
  clearInterval(timer);
  each.sort((a, b) => a - b);
  return { totalMs, p50: each[Math.floor(each.length / 2)], p95: each[Math.floor(each.length * 0.95)], max: each[each.length - 1], maxLagMs: Math.max(0, maxLag) };
}

function report(what: string, pageCount: number, t: Timing, base: Timing, baseName: string): void {
  console.log(
    `${what}: ${pageCount} in ${(t.totalMs / 1000).toFixed(1)} s = ${((pageCount / t.totalMs) * 1000).toFixed(0)} pages/s; per input p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms; ` +
      `longest event-loop block ${t.maxLagMs.toFixed(0)} ms; baseline ${baseName}: ${(base.totalMs / 1000).toFixed(1)} s (${(t.totalMs / base.totalMs).toFixed(1)}x)`,
  );
}
