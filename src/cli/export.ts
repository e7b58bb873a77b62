import * as path from 'path';
import { analyzeDocument, canonicalizeAcrossDocuments, clusterQuotes, type DocumentAnalysis } from '../core/analysis';
import type { AnnotatedSource } from '../core/annotations/model';
import { exportWorkspace, isExportFormat, type ExportAnalysis } from '../core/export';
import { UserError } from '../core/fileSystem';
import { AnnotationStore, type WorkspaceLoad } from '../core/store/store';
import { relativeTo } from '../core/store/paths';
import { readSourceFile } from '../core/workspace/readSource';
import { collectSources } from '../core/workspace/sources';
import { lastFlag, parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const EXPORT_USAGE = 'source-annotator export --format md|csv|w3c|qdpx|qdc [--out FILE] [--bom] [--analysis] [--source-base IRI] [ROOT]';

/**
 * `export`: every annotation under ROOT (default: the current folder) in one format, to stdout
 * or to --out FILE (qdpx, a zip, needs --out). --bom starts a CSV with a UTF-8 BOM (Excel);
 * --analysis adds detected entities and quotes as codes to qdpx/qdc (the Markdown report always
 * summarises them). --source-base sets the IRI W3C source paths are resolved against (default
 * urn:source-annotator:source:; import with the same --source-base). Problems with sidecars are
 * warned about on stderr. Exit 1 on errors, 2 usage.
 */
export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { format: true, out: true, bom: false, analysis: false, 'source-base': true });
  if (args.positional.length > 1) throw new UsageError(`export takes at most one ROOT\nusage: ${EXPORT_USAGE}`);
  const format = lastFlag(args, 'format');
  if (format === undefined) throw new UsageError(`export needs --format\nusage: ${EXPORT_USAGE}`);
  if (!isExportFormat(format)) throw new UsageError(`unknown format '${format}': use md, csv, w3c, qdpx or qdc\nusage: ${EXPORT_USAGE}`);
  const outArg = lastFlag(args, 'out');
  if (outArg === '') throw new UsageError('--out needs a file name');
  if (format === 'qdpx' && outArg === undefined) throw new UsageError(`a qdpx project is a zip file: give --out FILE.qdpx\nusage: ${EXPORT_USAGE}`);
  if (args.flags.has('bom') && format !== 'csv') throw new UsageError('--bom applies to --format csv only');
  const sourceBase = lastFlag(args, 'source-base');
  if (sourceBase !== undefined && format !== 'w3c') throw new UsageError('--source-base applies to --format w3c only');
  if (sourceBase !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(sourceBase)) throw new UsageError(`--source-base must be an absolute IRI such as https://example.org/sources/ (got '${sourceBase}')`);

  const root = toPosix(path.resolve(io.cwd, args.positional[0] ?? '.'));
  const st = await io.fs.stat(root);
  if (!st || st.type !== 'directory') throw new UserError(`${args.positional[0] ?? root}: not a folder`);
  const outFile = outArg === undefined ? undefined : toPosix(path.resolve(io.cwd, outArg));
  if (outFile !== undefined) {
    const parent = await io.fs.stat(path.posix.dirname(outFile));
    if (!parent || parent.type !== 'directory') throw new UserError(`${outArg}: its folder does not exist`);
    const existing = await io.fs.stat(outFile);
    if (existing && existing.type !== 'file') throw new UserError(`${outArg}: not a file`);
  }

  const store = new AnnotationStore(io.fs, root, { author: 'unknown' });
  const load = await store.loadWorkspace();
  warnProblems(load, io);
  const sources = format === 'w3c' ? withOrphans(root, load) : load.sources;
  const orphans = load.states.reduce((n, s) => n + s.annotations.filter((a) => a.status === 'orphan').length, 0);
  if (orphans > 0 && format !== 'w3c') io.stderr(`warning: ${orphans} orphaned annotation(s) are not in this export (their text is gone); the w3c format keeps them\n`);

  const wantAnalysis = format === 'md' || ((format === 'qdpx' || format === 'qdc') && args.flags.has('analysis'));
  if (args.flags.has('analysis') && !wantAnalysis) throw new UsageError('--analysis applies to --format qdpx or qdc (md always includes it)');
  const analysis = wantAnalysis ? await analyseWorkspace(io, root, load.sources, outFile) : undefined;
  const result = exportWorkspace(format, sources, {
    bom: args.flags.has('bom'),
    analysis,
    includeAnalysis: args.flags.has('analysis'),
    sourceBase,
    title: `Source Annotator: ${path.posix.basename(root) || root}`,
  });

  const count = sources.reduce((n, s) => n + s.annotations.length, 0);
  if (count === 0) io.stderr(`warning: no annotations found under ${displayPath(io.cwd, root)}\n`);
  if (outFile === undefined) {
    io.stdout(new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.data));
  } else {
    await io.fs.writeFile(outFile, result.data);
    io.stderr(`exported ${count} annotation(s) from ${sources.length} source(s) to ${displayPath(io.cwd, outFile)}\n`);
  }
  return 0;
}

/** Annotated sources including orphans (as stored), for the lossless W3C export. */
function withOrphans(root: string, load: WorkspaceLoad): AnnotatedSource[] {
  const texts = new Map(load.sources.map((s) => [s.path, s.text]));
  return load.states
    .filter((s) => s.annotations.length > 0)
    .map((s) => {
      const rel = relativeTo(root, s.sourcePath);
      return { path: rel, text: texts.get(rel) ?? '', annotations: s.annotations.map((a) => a.annotation) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Entities and quotes of every source under the root (not only the annotated ones), so that the
 * quotes shared across sources are found. Unreadable sources are skipped with a warning.
 */
async function analyseWorkspace(io: CliIo, root: string, annotated: readonly AnnotatedSource[], outFile: string | undefined): Promise<ExportAnalysis> {
  const texts = new Map(annotated.map((s) => [s.path, s.text]));
  const refused = (file: string, why: string): void => io.stderr(`warning: ${relativeTo(root, file)}: ${why} (not analysed)\n`);
  for (const file of await collectSources(io.fs, [root], refused).catch(() => [] as string[])) {
    const rel = relativeTo(root, file);
    if (texts.has(rel) || file === outFile) continue;
    try {
      const text = await readSourceFile(io.fs, file, rel);
      if (text !== undefined) texts.set(rel, text);
    } catch (err) {
      io.stderr(`warning: ${err instanceof Error ? err.message : String(err)} (not analysed)\n`);
    }
  }
  const analysed: Array<{ path: string; text: string; analysis: DocumentAnalysis }> = [...texts.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([p, text]) => ({ path: p, text, analysis: analyzeDocument(text) }));
  const docs = canonicalizeAcrossDocuments(analysed);
  return { byPath: new Map(docs.map((d) => [d.path, d.analysis])), clusters: clusterQuotes(docs), texts };
}

function warnProblems(load: WorkspaceLoad, io: CliIo): void {
  for (const p of load.problems) {
    if (p.kind === 'orphan') continue;
    io.stderr(`warning: ${displayPath(io.cwd, p.path)}:${p.line}:${p.col}: ${p.message.replace(/\r?\n/g, ' ')}${p.kind === 'malformed' ? ' (its annotations are not exported)' : ''}\n`);
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
