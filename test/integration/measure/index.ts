import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PerformanceObserver } from 'perf_hooks';
import * as vscode from 'vscode';
import { ENV_PROGRESS_FILE, ENV_RESULT_FILE, type SuiteResult } from '../../launch/protocol';
import { makeDoc, quotePool, Rng } from '../../bench/corpus';
import { api, open, until } from '../helpers';
import { CommandIds } from '../../../src/extension/commandIds';
import type { ImportOutcome } from '../../../src/extension/features/importSourceCommands';
import { BREITBART_PARAGRAPHS, CNN_PARAGRAPHS, breitbartPage, cnnPage, makePdf } from '../../unit/sourceImport/fixtures';

/**
 * The measured integration run behind `npm run bench -- editor`: figures from inside the real
 * extension host. It prints numbers; it asserts no times.
 */
export async function run(): Promise<void> {
  const lines: string[] = [];
  const say = (line: string): void => {
    lines.push(line);
    const f = process.env[ENV_PROGRESS_FILE];
    if (f) fs.appendFileSync(f, line + '\n');
  };
  let failed = 0;
  const failures: Array<{ title: string; error: string }> = [];
  // MEASURE_ONLY=keystroke,coders runs only those phases.
  const only = process.env.MEASURE_ONLY?.split(',').map((x) => x.trim());
  const phases = (
    [
      ['activation', measureActivation],
      ['keystroke', measureKeystroke],
      ['coders', measureCoderKeystroke],
      ['indexing', measureIndexing],
      ['import', measureImport],
    ] as const
  ).filter(([name]) => !only || only.includes(name));
  for (const [name, m] of phases) {
    try {
      await m(say);
    } catch (err) {
      failed++;
      failures.push({ title: name, error: err instanceof Error ? err.stack ?? err.message : String(err) });
      say(`${name}: FAILED ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const result: SuiteResult = { vscodeVersion: vscode.version, passed: phases.length - failed, failed, failures };
  const rf = process.env[ENV_RESULT_FILE];
  if (rf) fs.writeFileSync(rf, JSON.stringify(result));
}

async function measureActivation(say: (l: string) => void): Promise<void> {
  const a = await api();
  say(`activation: activate() took ${a.activationMs.toFixed(1)} ms (target < 100 ms); indexing runs after it, in the background`);
}

function folder(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace');
  return f.uri.fsPath;
}

function corpusText(target: number): string {
  const seeds = fs.readdirSync(folder()).filter((n) => /^\d{3}_.*\.txt$/.test(n)).map((n) => fs.readFileSync(path.join(folder(), n), 'utf8'));
  let text = '';
  for (let i = 0; text.length < target; i++) text += seeds[i % seeds.length] + '\n\n';
  return text.slice(0, target);
}

async function measureKeystroke(say: (l: string) => void): Promise<void> {
  const a = await api();
  const file = path.join(folder(), 'measure-100k.txt');
  fs.writeFileSync(file, corpusText(100_000));
  await a.index.reindex();
  const editor = await open('measure-100k.txt');
  await until('decorations of the 100 KB source', () => a.decorations.snapshot(editor.document.uri)?.PERSON, 30_000);
  const host: number[] = [];
  const total: number[] = [];
  const decorate: number[] = [];
  for (let i = 0; i < 15; i++) {
    const before = a.index.lastRefresh;
    const pos = editor.document.positionAt(Math.floor(editor.document.getText().length / 2));
    await editor.edit((e) => e.insert(pos, 'x'));
    await until('re-analysis after the keystroke', () => a.index.lastRefresh !== before, 30_000);
    host.push(a.index.lastRefresh.hostMs);
    total.push(a.index.lastRefresh.totalMs);
    decorate.push(a.decorations.timings[a.decorations.timings.length - 1] ?? 0);
  }
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  say(`keystroke (100 KB source): extension-host time per update median ${med(host).toFixed(1)} ms, max ${Math.max(...host).toFixed(1)} ms (target < 16 ms)`);
  say(`keystroke (100 KB source): of which setDecorations median ${med(decorate).toFixed(1)} ms; analysis in the worker, request to result, median ${med(total).toFixed(1)} ms (debounced ${250} ms after typing stops)`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  fs.rmSync(file, { force: true });
}

/**
 * A keystroke in a 100 KB source with 5 coders' annotations shown (each coder in their colour):
 * the extension-host time of following the edit (moving the annotations, re-decorating them:
 * synchronous, on every keystroke) and of the re-analysis update that follows, against the same
 * source without annotations measured in the same run, alternating.
 */
async function measureCoderKeystroke(say: (l: string) => void): Promise<void> {
  const a = await api();
  const config = vscode.workspace.getConfiguration('sourceAnnotator');
  const file = path.join(folder(), 'measure-coders-100k.txt');
  const plainFile = path.join(folder(), 'measure-plain-100k.txt');
  const text = corpusText(100_000);
  fs.writeFileSync(file, text);
  fs.writeFileSync(plainFile, text);
  await a.index.reindex();
  const uri = vscode.Uri.file(file);
  // 5 coders, 40 annotations each, on words spread over the source (coders overlap, as in a real team).
  const coders = ['Ada', 'Bob', 'Cleo', 'Dev', 'Eun'];
  const words = [...text.matchAll(/\p{L}{5,}/gu)];
  try {
    for (let c = 0; c < coders.length; c++) {
      await config.update('author', coders[c], vscode.ConfigurationTarget.Global);
      for (let i = 0; i < 40; i++) {
        const w = words[Math.floor(((i * coders.length + c) / (40 * coders.length)) * words.length)];
        await a.annotations.add(uri, w.index, w.index + w[0].length, `note ${i} by ${coders[c]}`, [`code-${i % 7}`]);
      }
    }
  } finally {
    await config.update('author', undefined, vscode.ConfigurationTarget.Global);
  }
  await config.update('coders.shown', [], vscode.ConfigurationTarget.Global);
  await until('5 coders counted', () => coders.every((c) => a.coders.counts().has(c)), 30_000);
  const editor = await open('measure-coders-100k.txt');
  await until('5 coders\' colours in the editor', () => {
    const s = a.decorations.snapshot(uri);
    return s && Object.keys(s).filter((k) => k.startsWith('coder')).length === coders.length;
  }, 30_000);
  const plain = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plainFile), { preview: false, viewColumn: vscode.ViewColumn.Beside });
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  // CPU time of the extension host's own thread (what load on the machine does not inflate), when Node has it.
  const cpu = (): number => {
    const p = process as { threadCpuUsage?: () => { user: number; system: number } };
    const u = p.threadCpuUsage?.();
    return u ? (u.user + u.system) / 1000 : NaN;
  };
  type Figures = { follow: number[]; update: number[]; cpu: number[] };
  const figures: Record<'coders' | 'hidden' | 'plain', Figures> = {
    coders: { follow: [], update: [], cpu: [] },
    hidden: { follow: [], update: [], cpu: [] },
    plain: { follow: [], update: [], cpu: [] },
  };
  const keystroke = async (ed: vscode.TextEditor, into: Figures): Promise<void> => {
    const before = a.index.lastRefresh;
    const followed = a.annotations.editTimings.length;
    const pos = ed.document.positionAt(Math.floor(ed.document.getText().length / 2));
    const c0 = cpu();
    await ed.edit((e) => e.insert(pos, 'x'));
    await until('re-analysis after the keystroke', () => a.index.lastRefresh !== before, 30_000);
    into.cpu.push(cpu() - c0);
    if (a.annotations.editTimings.length > followed) into.follow.push(a.annotations.editTimings[a.annotations.editTimings.length - 1]);
    into.update.push(a.index.lastRefresh.hostMs);
  };
  const annotationLayer = async (on: boolean): Promise<void> => {
    await config.update('layers.annotations', on ? undefined : false, vscode.ConfigurationTarget.Global);
    await until('the annotation layer switched', () => {
      const s = a.decorations.snapshot(uri);
      return s && Object.keys(s).some((k) => k.startsWith('coder')) === on;
    }, 30_000);
  };
  // Alternating: 5 coders shown in 5 colours; the same annotations tracked but not drawn; a source without annotations.
  for (let i = 0; i < 12; i++) {
    await keystroke(editor, figures.coders);
    await annotationLayer(false);
    await keystroke(editor, figures.hidden);
    await annotationLayer(true);
    await keystroke(plain, figures.plain);
  }
  const f = (xs: number[]): string => (xs.length === 0 || xs.some(Number.isNaN) ? 'n/a' : `median ${med(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
  say(`coders (100 KB source, 5 coders × 40 annotations shown in 5 colours), load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores:`);
  say(`coders: following a keystroke (annotations moved and re-drawn, on every key): ${f(figures.coders.follow)}; the same annotations not drawn: ${f(figures.hidden.follow)}`);
  say(`coders: the re-analysis update after it: ${f(figures.coders.update)}; not drawn: ${f(figures.hidden.update)}; a source without annotations: ${f(figures.plain.update)} (target: a keystroke update < 16 ms)`);
  say(`coders: extension-host thread CPU per keystroke, everything included: ${f(figures.coders.cpu)}; not drawn: ${f(figures.hidden.cpu)}; no annotations: ${f(figures.plain.cpu)}`);
  await config.update('layers.annotations', undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await config.update('coders.shown', undefined, vscode.ConfigurationTarget.Global);
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.annotations.yaml`, { force: true });
  fs.rmSync(plainFile, { force: true });
  await a.index.reindex();
}

async function measureIndexing(say: (l: string) => void): Promise<void> {
  const a = await api();
  const dir = path.join(folder(), 'bulk');
  fs.mkdirSync(dir, { recursive: true });
  // The analysis bench's generated news corpus: 3,000 quotes recurring across documents.
  const rng = new Rng(11);
  const pool = quotePool(rng, 3000);
  const t0 = Date.now();
  for (let i = 0; i < 10_000; i++) fs.writeFileSync(path.join(dir, `doc-${String(i).padStart(5, '0')}.txt`), makeDoc(rng, pool, 3500));
  say(`indexing: wrote 10,000 sources (~35 MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // Two figures per 5 ms timer tick: the wall-clock gap (what a person would feel, but on this
  // 2-core machine it includes time the OS gave other processes), and the CPU time the extension
  // host's own thread used in that gap (the work it did without yielding: what the target is about).
  const threadCpuMs = (): number | undefined => {
    const p = process as { threadCpuUsage?: () => { user: number; system: number } };
    if (!p.threadCpuUsage) return undefined;
    const u = p.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  let maxGap = 0;
  let maxCpu = 0;
  let cpuInMaxGap = 0;
  let phase = 'indexing';
  const worst: Record<string, number> = {};
  const worstCpu: Record<string, number> = {};
  let last = performance.now();
  let lastCpu = threadCpuMs() ?? 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpuNow = threadCpuMs() ?? 0;
    const gap = now - last - 5;
    const cpu = cpuNow - lastCpu;
    if (gap > maxGap) cpuInMaxGap = cpu;
    maxGap = Math.max(maxGap, gap);
    maxCpu = Math.max(maxCpu, cpu);
    worst[phase] = Math.max(worst[phase] ?? 0, gap);
    worstCpu[phase] = Math.max(worstCpu[phase] ?? 0, cpu);
    last = now;
    lastCpu = cpuNow;
  }, 5);
  // Garbage collections on the extension host while indexing: the longest pause of each kind.
  const gcs: Record<string, { n: number; max: number; total: number }> = {};
  const gcKinds: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = gcKinds[(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
      const g = (gcs[kind] ??= { n: 0, max: 0, total: 0 });
      g.n++;
      g.total += e.duration;
      g.max = Math.max(g.max, e.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const heapBefore = process.memoryUsage();
  // MEASURE_PROFILE=file.cpuprofile: a CPU profile of the extension host over the whole phase.
  const profile = process.env.MEASURE_PROFILE ? await startProfile() : undefined;
  const s0 = performance.now();
  let secs = 0;
  let clusters = 0;
  let entities = 0;
  let queryMs = 0;
  try {
    await a.index.reindex();
    secs = (performance.now() - s0) / 1000;
    // What follows an indexing pass: the tree, status bar, Problems and annotations refresh.
    phase = 'after (views refresh)';
    await new Promise((r) => setTimeout(r, 3000));
    // Then what the views ask of the worker across sources: cluster and entity counts, the
    // entity list (the merge picker), the clusters of 50 sources (CodeLens, tree) and the most
    // mentioned entity with all its mentions (hover, references).
    phase = 'queries (clusters, entities)';
    const c0 = performance.now();
    clusters = await a.index.clusterCount();
    entities = await a.index.entityCount();
    const list = await a.index.entityList();
    for (const s of a.index.sources().slice(0, 50)) await a.index.clustersOf(s.key);
    const top = list.reduce((m, e) => (e.mentions > m.mentions ? e : m), list[0]);
    const summary = await a.index.entity(top.entity);
    queryMs = performance.now() - c0;
    say(`indexing: the most mentioned entity, ${top.entity}, has ${summary?.mentions.length ?? 0} mentions`);
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    clearInterval(timer);
    gcObserver.disconnect();
    if (profile) fs.writeFileSync(process.env.MEASURE_PROFILE!, JSON.stringify(await profile()));
  }
  const phases = (w: Record<string, number>): string => Object.entries(w).map(([p, g]) => `${p} ${g.toFixed(0)} ms`).join(', ');
  say(`indexing: ${a.index.sources().length} sources indexed in ${secs.toFixed(1)} s`);
  if (threadCpuMs() !== undefined) {
    say(`indexing: most CPU the extension-host thread used between two 5 ms ticks: ${maxCpu.toFixed(0)} ms (${phases(worstCpu)}) (target: never blocks more than 50 ms)`);
  }
  say(`indexing: longest wall-clock gap between ticks ${maxGap.toFixed(0)} ms (${phases(worst)}), of which the thread ran ${cpuInMaxGap.toFixed(0)} ms; the rest is time the OS gave other processes (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  const heap = process.memoryUsage();
  const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
  say(`indexing: extension-host heap ${mb(heapBefore.heapUsed)} before, ${mb(heap.heapUsed)} after; external ${mb(heapBefore.external)} -> ${mb(heap.external)}`);
  say(`indexing: garbage collections on the extension host: ${Object.entries(gcs).map(([k, g]) => `${k} ${g.n}× (longest ${g.max.toFixed(0)} ms, total ${g.total.toFixed(0)} ms)`).join(', ')}`);
  say(`indexing: then ${clusters} shared quote clusters and ${entities} entities; the queries took ${queryMs.toFixed(0)} ms in all, in the worker (the extension host only waits)`);
  fs.rmSync(dir, { recursive: true, force: true });
  await a.index.reindex();
}

async function startProfile(): Promise<() => Promise<unknown>> {
  const inspector = await import('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return async () => {
    const res = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    return res.profile;
  };
}

/**
 * Import Source in the editor: 200 saved pages and 10 PDFs of ten pages through the command (as
 * the open dialog or a drop calls it), while a 5 ms timer on the extension host records how long
 * its thread was held: the importers run on their own worker thread, so typing stays responsive.
 */
async function measureImport(say: (l: string) => void): Promise<void> {
  await api();
  const root = folder();
  const inbox = path.join(root, '.import-bench');
  const out = path.join(root, 'imported-bench');
  fs.mkdirSync(inbox, { recursive: true });
  fs.mkdirSync(out, { recursive: true });
  const files: string[] = [];
  try {
    const extra = [...CNN_PARAGRAPHS, ...BREITBART_PARAGRAPHS];
    for (let i = 0; i < 200; i++) {
      const f = path.join(inbox, `page-${String(i).padStart(3, '0')}.html`);
      fs.writeFileSync(f, i % 2 ? cnnPage({ extra }) : breitbartPage({ extra }));
      files.push(f);
    }
    const paragraphs = Array.from({ length: 60 }, (_, k) => `${extra[k % extra.length]} (${k + 1})`);
    for (let i = 0; i < 10; i++) {
      const f = path.join(inbox, `report-${i}.pdf`);
      fs.writeFileSync(f, await makePdf(paragraphs, { title: `Report ${i}`, pages: 10 }));
      files.push(f);
    }
    const threadCpuMs = (): number => {
      const p = process as { threadCpuUsage?: () => { user: number; system: number } };
      const u = p.threadCpuUsage ? p.threadCpuUsage() : { user: 0, system: 0 };
      return (u.user + u.system) / 1000;
    };
    let maxGap = 0;
    let maxCpu = 0;
    let last = performance.now();
    let lastCpu = threadCpuMs();
    const timer = setInterval(() => {
      const now = performance.now();
      const cpu = threadCpuMs();
      maxGap = Math.max(maxGap, now - last - 5);
      maxCpu = Math.max(maxCpu, cpu - lastCpu);
      last = now;
      lastCpu = cpu;
    }, 5);
    const t0 = performance.now();
    let r: ImportOutcome | undefined;
    try {
      r = await vscode.commands.executeCommand<ImportOutcome | undefined>(CommandIds.importSource, {
        files: files.map((f) => vscode.Uri.file(f).toString()),
        folder: vscode.Uri.file(out).toString(),
        open: false,
      });
    } finally {
      clearInterval(timer);
    }
    const secs = (performance.now() - t0) / 1000;
    if (!r) throw new Error('the import did not run');
    const pages = 200 + 10 * 10;
    say(`import: ${r.imported.length} imported, ${r.failed.length} failed, in ${secs.toFixed(1)} s: ${(pages / secs).toFixed(1)} pages/s (200 saved pages and 10 PDFs of 10 pages, one worker thread)`);
    say(`import: most CPU the extension-host thread used between two 5 ms ticks: ${maxCpu.toFixed(0)} ms; longest wall-clock gap ${maxGap.toFixed(0)} ms (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; target: never blocks more than 50 ms)`);
  } finally {
    fs.rmSync(inbox, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
}
