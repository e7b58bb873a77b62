import * as path from 'path';
import { analyzeDocument, canonicalizeAcrossDocuments, clusterQuotes, type DocumentAnalysis } from '../core/analysis';
import type { AnnotatedSource } from '../core/annotations/model';
import { CurationFile } from '../core/curation/file';
import { exportWorkspace, isExportFormat, type ExportAnalysis } from '../core/export';
import { buildCorpus, readDetached } from '../core/export/corpus';
import { onlyAdjudicated } from '../core/agreement/adjudicated';
import { UserError } from '../core/fileSystem';
import { CoderFilter, coderLabel, countCoders, keepCoders } from '../core/coders/coders';
import { AnnotationStore, type WorkspaceLoad } from '../core/store/store';
import { relativeTo } from '../core/store/paths';
import { isExportText } from '../core/export/marker';
import { readSourceFile } from '../core/workspace/readSource';
import { collectSources } from '../core/workspace/sources';
import { lastFlag, parseArgs } from './args';
import { loadProvenances, type SourceProvenance } from '../core/provenance/workspace';
import { UsageError, type CliIo } from './io';

export const EXPORT_USAGE =
  'source-annotator export --format md|csv|w3c|qdpx|qdc [--out FILE] [--bom] [--analysis] [--source-base IRI] [--line-endings file|lf] [--positions codepoints|utf16] [--annotated-only] [--adjudicated] [--coder NAME]... [ROOT]';

/**
 * `export`: every annotation under ROOT (default: the current folder) in one format, to stdout
 * or to --out FILE (qdpx, a zip, needs --out). --bom starts a CSV with a UTF-8 BOM (Excel);
 * --analysis adds detected entities and quotes (codes in qdpx/qdc, rows with a `kind` in csv,
 * identifying/classifying annotations in w3c; the Markdown report always summarises them).
 * The analysis applies the workspace's curation file, as the editor does. --source-base sets
 * the IRI W3C source paths are resolved against (default urn:source-annotator:source:; import
 * with the same --source-base); --line-endings lf counts W3C selectors in the LF-normalised
 * text. --positions utf16 counts REFI-QDA positions in UTF-16 units; --annotated-only leaves
 * sources without annotations out of a qdpx. --coder NAME (repeatable) keeps only the annotations
 * of those coders (their `author`), in every format; the sources stay. --adjudicated exports only
 * adjudicated annotations (those recorded by adjudicating coders' disagreements). Problems with sidecars are warned about on
 * stderr. Exit 1 on errors, 2 usage.
 */
export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { format: true, out: true, bom: false, analysis: false, 'source-base': true, 'line-endings': true, positions: true, 'annotated-only': false, coder: true, adjudicated: false });
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
  const lineEndings = lastFlag(args, 'line-endings');
  if (lineEndings !== undefined && format !== 'w3c') throw new UsageError('--line-endings applies to --format w3c only');
  if (lineEndings !== undefined && lineEndings !== 'file' && lineEndings !== 'lf') throw new UsageError(`--line-endings is file or lf (got '${lineEndings}')`);
  const positions = lastFlag(args, 'positions');
  if (positions !== undefined && format !== 'qdpx') throw new UsageError('--positions applies to --format qdpx only');
  if (positions !== undefined && positions !== 'codepoints' && positions !== 'utf16') throw new UsageError(`--positions is codepoints or utf16 (got '${positions}')`);
  if (args.flags.has('annotated-only') && format !== 'qdpx') throw new UsageError('--annotated-only applies to --format qdpx only');
  const coderNames = args.flags.get('coder') ?? [];
  if (coderNames.some((c) => c.trim() === '')) throw new UsageError('--coder needs a name (the author recorded on the annotations)');
  const coders = new CoderFilter(coderNames);

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
  const texts = await readTexts(io, root, load.sources, outFile);
  const corpus = buildCorpus(root, load, texts, format === 'w3c' ? await readDetached(io.fs, root, load) : []);
  const all = keepCoders(format === 'w3c' ? corpus.lossless : corpus.sources, coders);
  const sources = args.flags.has('adjudicated') ? onlyAdjudicated(all) : all;
  if (coders.active) {
    const found = countCoders(corpus.lossless.flatMap((s) => s.annotations));
    for (const c of coders.shown) if (!found.has(c)) io.stderr(`warning: no annotations by coder '${c}'${found.size > 0 ? ` (coders here: ${[...found.keys()].map(coderLabel).join(', ')})` : ''}\n`);
  }
  if (corpus.orphans > 0 && format !== 'w3c') io.stderr(`warning: ${corpus.orphans} orphaned annotation(s) are not in this export (their text is gone); the w3c format keeps them\n`);

  // Where each source came from: its provenance file (invalid ones are warned about and not used).
  const provenance = new Map<string, SourceProvenance>();
  for (const [abs, info] of await loadProvenances(io.fs, root, corpus.sources.map((s) => `${root.replace(/\/$/, '')}/${s.path}`))) {
    const rel = relativeTo(root, abs);
    for (const i of info.issues ?? []) io.stderr(`warning: ${displayPath(io.cwd, abs)}.provenance.yaml:${i.line}:${i.col}: ${i.message} (not used)\n`);
    provenance.set(rel, info);
  }
  const wantAnalysis = format === 'md' || args.flags.has('analysis');
  const analysis = wantAnalysis ? await analyseWorkspace(io, root, corpus.sources) : undefined;
  const result = exportWorkspace(format, sources, {
    bom: args.flags.has('bom'),
    analysis,
    includeAnalysis: args.flags.has('analysis'),
    sourceBase,
    lineEndings: lineEndings === 'lf' ? 'lf' : 'file',
    positions: positions === 'utf16' ? 'utf16' : 'codepoints',
    annotatedOnly: args.flags.has('annotated-only'),
    provenance,
    // Markdown links to sources are relative to the report: to the --out file's folder, else to
    // the current folder (where `> report.md` lands).
    linkBase: toPosix(path.relative(outFile === undefined ? io.cwd : path.posix.dirname(outFile), root)),
    title: `Source Annotator: ${path.posix.basename(root) || root}`,
  });

  const count = sources.reduce((n, s) => n + s.annotations.length, 0);
  if (count === 0) io.stderr(`warning: no ${args.flags.has('adjudicated') ? 'adjudicated ' : ''}annotations found under ${displayPath(io.cwd, root)}\n`);
  if (outFile === undefined) {
    io.stdout(new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.data));
  } else {
    await io.fs.writeFile(outFile, result.data);
    io.stderr(`exported ${count} annotation(s) from ${sources.length} source(s) to ${displayPath(io.cwd, outFile)}\n`);
  }
  return 0;
}

/** The text of every source under the root (annotated ones as loaded); unreadable sources are skipped with a warning. */
async function readTexts(io: CliIo, root: string, annotated: readonly AnnotatedSource[], outFile: string | undefined): Promise<Map<string, string>> {
  const texts = new Map(annotated.map((s) => [s.path, s.text]));
  const refused = (file: string, why: string): void => io.stderr(`warning: ${relativeTo(root, file)}: ${why} (not analysed)\n`);
  for (const file of await collectSources(io.fs, [root], refused).catch(() => [] as string[])) {
    const rel = relativeTo(root, file);
    if (texts.has(rel) || file === outFile) continue;
    try {
      const text = await readSourceFile(io.fs, file, rel);
      if (text !== undefined && !isExportText(text)) texts.set(rel, text);
    } catch (err) {
      io.stderr(`warning: ${err instanceof Error ? err.message : String(err)} (not exported)\n`);
    }
  }
  return texts;
}

/**
 * Entities and quotes of every source under the root (not only the annotated ones), so that the
 * quotes shared across sources are found, with the workspace's curation file applied as in the
 * editor (a malformed curation file is warned about and not applied).
 */
async function analyseWorkspace(io: CliIo, root: string, sources: readonly AnnotatedSource[]): Promise<ExportAnalysis> {
  const curation = new CurationFile(io.fs, root);
  const { rules, issues } = await curation.load();
  for (const i of issues) io.stderr(`warning: ${displayPath(io.cwd, curation.path)}:${i.line}:${i.col}: ${i.message} (the curation file is not applied)\n`);
  const analysed: Array<{ path: string; text: string; analysis: DocumentAnalysis }> = sources.map((s) => ({ path: s.path, text: s.text, analysis: analyzeDocument(s.text, rules) }));
  const docs = canonicalizeAcrossDocuments(analysed);
  return { byPath: new Map(docs.map((d) => [d.path, d.analysis])), clusters: clusterQuotes(docs), texts: new Map(docs.map((d) => [d.path, d.text])) };
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
