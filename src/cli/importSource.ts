import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../core/fileSystem';
import { IMPORT_SOURCE_USAGE } from './importSourceCommand';
import { DEFAULT_IMPORT_LIMITS, IMPORT_EXTENSIONS, SAVED_PAGE_EXTENSIONS, SourceImportError, type ImportedSource } from '../core/sourceImport/types';
import { DEFAULT_IMPORT_TIME_LIMIT_SECONDS, timeLimitProblem } from '../core/sourceImport/timeLimit';
import { writeImportedSource } from '../core/sourceImport/write';
import { fetchPage, urlFileName } from '../node/fetchPage';
import { SourceImportClient } from '../node/sourceImportClient';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export { IMPORT_SOURCE_USAGE };

/**
 * `import-source`: turn saved web pages, web archives, PDFs and Word documents (and pages
 * fetched from --url) into sources: `<title>.txt` in DIR (default: the current folder) with
 * `<title>.txt.provenance.yaml` beside it, and for a URL the fetched page as `<title>.html`.
 * Nothing is ever overwritten: a taken name gets `-2`, `-3`…. Each input stands alone: a bad
 * one is reported and writes nothing, the others are imported; the exit code is 1 when any
 * failed. The files are read on a worker thread (the editor's, see workerPath), ended when an
 * import passes --time-limit SECONDS (default 60), so a parser stuck on a hostile file cannot
 * hold the command.
 */
export async function runImportSource(argv: readonly string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const args = parseArgs(argv, { out: true, url: true, 'time-limit': true });
  const limits = args.flags.get('time-limit') ?? [];
  if (limits.length > 1) throw new UsageError('--time-limit is given once');
  const timeLimit = limits.length === 1 ? Number(limits[0]) : DEFAULT_IMPORT_TIME_LIMIT_SECONDS;
  const limitProblem = limits.length === 1 && !/^\s*\d*\.?\d+\s*$/.test(limits[0]) ? `--time-limit takes seconds (got '${limits[0]}')` : timeLimitProblem(timeLimit);
  if (limitProblem) throw new UsageError(`${limitProblem}\nusage: ${IMPORT_SOURCE_USAGE}`);
  const urls = args.flags.get('url') ?? [];
  if (args.positional.length === 0 && urls.length === 0) throw new UsageError(`import-source needs a FILE or --url URL\nusage: ${IMPORT_SOURCE_USAGE}`);
  const outs = args.flags.get('out') ?? [];
  if (outs.length > 1) throw new UsageError('--out is given once');
  const out = toPosix(path.resolve(io.cwd, outs[0] ?? '.'));
  const outStat = await io.fs.stat(out);
  if (!outStat || outStat.type !== 'directory') throw new UserError(`${outs[0] ?? out}: not a folder`);

  const importer = new SourceImportClient(workerPath());
  try {
    return await importAll(args, io, out, urls, (input) => importer.import(input, timeLimit), now);
  } finally {
    importer.dispose();
  }
}

async function importAll(
  args: ReturnType<typeof parseArgs>,
  io: CliIo,
  out: string,
  urls: readonly string[],
  importSource: SourceImportClient['import'],
  now: () => Date,
): Promise<number> {
  let failed = 0;
  const report = async (label: string, work: () => Promise<string>): Promise<void> => {
    try {
      io.stdout(`${await work()}\n`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      failed++;
      io.stderr(`${err instanceof SourceImportError || err.message.startsWith(label) ? '' : `${label}: `}${err.message}\n`);
    }
  };

  for (const file of args.positional) {
    await report(file, async () => {
      const abs = toPosix(path.resolve(io.cwd, file));
      const st = await io.fs.stat(abs);
      if (!st) throw new UserError(`${file}: no such file`);
      if (st.type !== 'file') throw new UserError(`${file}: not a file`);
      if (st.size > DEFAULT_IMPORT_LIMITS.maxBytes) throw new UserError(`${file}: the file is too large (${st.size} bytes; the limit is ${DEFAULT_IMPORT_LIMITS.maxBytes})`);
      const bytes = await io.fs.readFile(abs);
      const imported = await importSource({ bytes, name: path.basename(file), retrieved: now().toISOString() });
      const written = await writeImportedSource(io.fs, out, imported, { root: out });
      return done(file, imported, written.sourcePath, io.cwd);
    });
  }
  for (const url of urls) {
    await report(url, async () => {
      const page = await fetchPage(url);
      const imported = await importSource({ bytes: page.bytes, name: urlFileName(page.url), url: page.url, contentType: page.contentType, retrieved: now().toISOString() });
      const written = await writeImportedSource(io.fs, out, imported, { root: out, savedPage: { bytes: page.bytes, extension: SAVED_PAGE_EXTENSIONS[imported.format] } });
      return done(url, imported, written.sourcePath, io.cwd) + (written.savedPagePath ? ` (page saved as ${display(io.cwd, written.savedPagePath)})` : '');
    });
  }
  if (failed > 0) io.stderr(`${failed} input(s) not imported; Import Source reads ${IMPORT_EXTENSIONS.map((e) => '.' + e).join(', ')} and http(s) URLs\n`);
  return failed > 0 ? 1 : 0;
}

function done(input: string, imported: ImportedSource, sourcePath: string, cwd: string): string {
  const p = imported.provenance;
  const about = [p.outlet, p.published?.slice(0, 10)].filter((x) => x !== undefined).join(', ');
  const words = imported.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return `${input} -> ${display(cwd, sourcePath)} (${words} words${about ? `; ${about}` : ''}) + provenance`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function display(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}

/**
 * The importers' worker, the editor's: dist/sourceImportWorker.js beside this bundle, or under the
 * compiled tests out/src/extension/sourceImportWorker.js. This module never loads the importers
 * itself, so the command starts without parsing them twice.
 */
function workerPath(): string {
  const bundled = path.join(__dirname, 'sourceImportWorker.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'extension', 'sourceImportWorker.js');
}
