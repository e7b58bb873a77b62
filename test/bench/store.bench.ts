import * as fs from 'fs';
import { rng } from './corpus';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { parse } from 'yaml';
import { Anchorer, makeTarget } from '../../src/core/anchoring/anchor';
import { loadApproxSearch } from '../../src/core/anchoring/matcher';
import { hashSourceText } from '../../src/core/annotations/hash';
import type { AnnotationTarget } from '../../src/core/annotations/model';
import { AnnotationStore } from '../../src/core/store/store';
import { OffsetMap } from '../../src/core/text/offsets';
import { NodeFileSystem } from '../../src/node/nodeFileSystem';
import { MemoryFileSystem } from '../unit/fakes/memoryFileSystem';

/**
 * `npm run bench -- store`:
 *  1. re-anchoring 1,000 annotations after an outside edit of a 1 MB source (target < 200 ms),
 *     baseline: a plain indexOf of every quote in the same text;
 *  2. loading 10,000 sidecars with their sources from disk (target < 5 s), baseline: reading and
 *     yaml.parse of the same sidecar files.
 */

function randomText(chars: number, seed: number): string {
  const rand = rng(seed);
  const parts: string[] = [];
  let len = 0;
  let sentence = 0;
  while (len < chars) {
    let w = '';
    const wl = 2 + rand(9);
    for (let i = 0; i < wl; i++) w += rand(200) === 0 ? '😀' : String.fromCharCode(97 + rand(26));
    sentence++;
    const sep = sentence % 120 === 0 ? '.\r\n\r\n' : ' ';
    parts.push(w + sep);
    len += w.length + sep.length;
  }
  return parts.join('');
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function fmt(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

async function benchReanchor(): Promise<void> {
  const search = await loadApproxSearch();
  const text = randomText(1_000_000, 1);
  const map = new OffsetMap(text);
  const rand = rng(2);
  const targets: AnnotationTarget[] = [];
  for (let i = 0; i < 1000; i++) {
    const s = map.toUtf16(map.toCodePoint(Math.floor((i * text.length) / 1000) + rand(500)));
    const e = map.toUtf16(map.toCodePoint(s + 10 + rand(60)));
    targets.push(makeTarget(text, map, s, e));
  }
  // The outside edit: a new paragraph at the top, a paragraph removed in the middle, and words
  // changed inside a few annotated quotes (a formatter or another editor).
  let edited = 'EDITOR NOTE: this article was updated 🚀.\r\n\r\n' + text;
  const mid = edited.indexOf('.\r\n\r\n', edited.length / 2) + 5;
  const midEnd = edited.indexOf('.\r\n\r\n', mid) + 5;
  edited = edited.slice(0, mid) + edited.slice(midEnd);
  for (let k = 0; k < 20; k++) {
    const t = targets[k * 50 + 7];
    const at = edited.indexOf(t.exact);
    if (at >= 0 && t.exact.length > 20) edited = edited.slice(0, at + 5) + 'Z' + edited.slice(at + 6);
  }
  const baseline = time(() => targets.map((t) => edited.indexOf(t.exact)));
  const run = time(() => new Anchorer(edited, search).anchorAll(targets, false));
  const counts = { position: 0, exact: 0, fuzzy: 0, orphan: 0 };
  for (const r of run.value) counts[r.status === 'orphan' ? 'orphan' : r.method]++;
  console.log(`re-anchor 1,000 annotations in a ${(edited.length / 1e6).toFixed(2)} MB source after an outside edit: ${fmt(run.ms)} (target < 200 ms)`);
  console.log(`  results: ${JSON.stringify(counts)}`);
  console.log(`  baseline, plain indexOf of every quote: ${fmt(baseline.ms)}; ratio ${(run.ms / Math.max(0.01, baseline.ms)).toFixed(1)}x`);

  // The same through the store: read and parse the sidecar, hash the source, anchor.
  const mem = new MemoryFileSystem({ '/ws/big.txt': text });
  const store = new AnnotationStore(mem, '/ws', { author: 'bench', search, newId: ((n) => () => `a-${(n++).toString(16).padStart(10, '0')}`)(0) });
  await store.load('/ws/big.txt', text);
  for (let i = 0; i < 1000; i += 100) {
    // Build the sidecar in a few writes, then put all 1,000 entries in with one write.
    await store.add('/ws/big.txt', text, { start: targets[i].start, end: targets[i].end }, 'note', ['t']);
  }
  const lines = ['version: 1', 'annotations:'];
  targets.forEach((t, i) => {
    lines.push(`  - id: b-${i}`, `    target: ${JSON.stringify(t)}`, '    note: "n"', '    tags: [t]', '    author: A', '    created: 2026-01-01T00:00:00Z', '    modified: 2026-01-01T00:00:00Z');
  });
  mem.set('/ws/big.txt.annotations.yaml', lines.join('\n') + '\n');
  const full = await timeAsync(() => new AnnotationStore(mem, '/ws', { author: 'bench', search }).load('/ws/big.txt', edited));
  const orphans = full.value.annotations.filter((a) => a.status === 'orphan').length;
  console.log(`  AnnotationStore.load (read + YAML + validate + hash + anchor), same edit: ${fmt(full.ms)}, ${orphans} orphans`);
}

async function benchWorkspace(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-store-'));
  try {
    const n = 10_000;
    const base = randomText(3_000, 3);
    const bmap = new OffsetMap(base);
    const sidecarText = (i: number): string => {
      const lines = ['# bench', 'version: 1', `sourceHash: ${hashSourceText(base)}`, 'annotations:'];
      for (let k = 0; k < 3; k++) {
        const s = 100 + k * 700 + (i % 50);
        const t = makeTarget(base, bmap, bmap.toUtf16(bmap.toCodePoint(s)), bmap.toUtf16(bmap.toCodePoint(s + 30)));
        lines.push(`  - id: a-${i.toString(16)}-${k}`, `    target: ${JSON.stringify(t)}`, `    note: "note ${k}"`, '    tags: [claim]', '    author: A', '    created: 2026-01-01T00:00:00Z', '    modified: 2026-01-01T00:00:00Z');
      }
      return lines.join('\n') + '\n';
    };
    const files: string[] = [];
    for (let i = 0; i < n; i++) {
      const sub = path.join(dir, `d${Math.floor(i / 500)}`);
      if (i % 500 === 0) fs.mkdirSync(sub);
      const src = path.join(sub, `s${i}.txt`);
      fs.writeFileSync(src, base);
      fs.writeFileSync(src + '.annotations.yaml', sidecarText(i));
      files.push(src + '.annotations.yaml');
    }
    const baseline = await timeAsync(async () => {
      let count = 0;
      for (const f of files) {
        const doc = parse(await fs.promises.readFile(f, 'utf8')) as { annotations: unknown[] };
        count += doc.annotations.length;
      }
      return count;
    });
    const io = await timeAsync(async () => {
      let next = 0;
      const all = files.flatMap((f) => [f, f.slice(0, -'.annotations.yaml'.length)]);
      const worker = async (): Promise<void> => {
        while (next < all.length) await fs.promises.readFile(all[next++]);
      };
      await Promise.all(Array.from({ length: 16 }, worker));
    });
    const root = dir.split(path.sep).join('/');
    const run = await timeAsync(() => new AnnotationStore(new NodeFileSystem(), root, { author: 'bench' }).loadWorkspace());
    const annotations = run.value.sources.reduce((a, s) => a + s.annotations.length, 0);
    console.log(`load ${n.toLocaleString('en')} sidecars with their sources: ${fmt(run.ms)} (target < 5 s): ${run.value.sources.length} sources, ${annotations} annotations, ${run.value.problems.length} problems`);
    console.log(`  baseline, read + yaml.parse of the same sidecars: ${fmt(baseline.ms)} (${baseline.value} annotations); ratio ${(run.ms / baseline.ms).toFixed(2)}x`);
    console.log(`  I/O floor, readFile of every sidecar and source (16 at a time): ${fmt(io.ms)}; ratio ${(run.ms / io.ms).toFixed(2)}x`);

    // The same files from memory: the CPU cost without the disk.
    const mem = new MemoryFileSystem();
    for (const f of files) {
      const rel = '/m/' + path.relative(dir, f).split(path.sep).join('/');
      mem.set(rel, fs.readFileSync(f));
      mem.set(rel.slice(0, -'.annotations.yaml'.length), base);
    }
    const texts = files.map((_, i) => sidecarText(i));
    const memBase = time(() => texts.reduce((a, t) => a + (parse(t) as { annotations: unknown[] }).annotations.length, 0));
    const memRun = await timeAsync(() => new AnnotationStore(mem, '/m', { author: 'bench' }).loadWorkspace());
    console.log(`  from an in-memory file system: ${fmt(memRun.ms)} (${memRun.value.sources.length} sources); baseline yaml.parse of ${n.toLocaleString('en')} sidecar texts: ${fmt(memBase.ms)}; ratio ${(memRun.ms / memBase.ms).toFixed(2)}x`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<void> {
  await benchReanchor();
  await benchWorkspace();
}
