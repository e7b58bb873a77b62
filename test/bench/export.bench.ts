import { unzipSync } from 'fflate';
import { EXPORT_FORMATS, exportWorkspace } from '../../src/core/export';
import { importW3cJson } from '../../src/core/import';
import { syntheticSources } from '../unit/export/fixtures';

/**
 * `npm run bench -- export`: exporting 10,000 annotations (100 sources of 100, with emoji and
 * CRLF) in every format, against a baseline measured in the same run: JSON.stringify of the same
 * data, encoded as UTF-8. Target: each format < 2 s. Prints the median of 5 runs (after a warm-up).
 */
export async function bench(): Promise<void> {
  await Promise.resolve();
  const sources = syntheticSources(10_000);
  const count = sources.reduce((n, s) => n + s.annotations.length, 0);
  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  console.log(`${count} annotations in ${sources.length} sources (${(chars / 1e6).toFixed(1)} M characters of text)`);

  const enc = new TextEncoder();
  const baseline = median(() => enc.encode(JSON.stringify(sources)).length);
  console.log(`baseline JSON.stringify + UTF-8: ${fmt(baseline.ms)} (${(baseline.size / 1e6).toFixed(1)} MB)`);

  const rows: string[] = [];
  for (const format of EXPORT_FORMATS) {
    const r = median(() => exportWorkspace(format, sources, { bom: format === 'csv' }).data.length);
    rows.push(`${format.padEnd(5)} ${fmt(r.ms).padStart(9)}  ${(r.size / 1e6).toFixed(2).padStart(6)} MB  ${(r.ms / baseline.ms).toFixed(1).padStart(5)}x baseline  ${r.ms < 2000 ? 'ok (< 2 s)' : 'SLOW (>= 2 s)'}`);
  }
  console.log(rows.join('\n'));

  const json = new TextDecoder().decode(exportWorkspace('w3c', sources).data);
  const imp = median(() => importW3cJson(json).sources.length);
  console.log(`import w3c ${fmt(imp.ms)} (${(imp.ms / baseline.ms).toFixed(1)}x baseline)`);
  const zip = exportWorkspace('qdpx', sources).data;
  console.log(`qdpx entries: ${Object.keys(unzipSync(zip)).length}`);
}

function median(fn: () => number): { ms: number; size: number } {
  let size = fn();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    size = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2], size };
}

function fmt(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}
