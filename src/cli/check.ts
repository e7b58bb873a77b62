import * as path from 'path';
import { UserError } from '../core/fileSystem';
import { neutralizeControls } from '../core/text/terminal';
import { CurationFile } from '../core/curation/file';
import { AnnotationStore, type StoreProblem } from '../core/store/store';
import { parseArgs } from './args';
import { findProvenanceFiles, sourcePathOf } from '../core/provenance/workspace';
import { readProvenanceFile } from '../core/provenance/file';
import { RealPathGuard } from '../core/store/realPaths';
import { UsageError, type CliIo } from './io';

export const CHECK_USAGE = 'source-annotator check [ROOT] [--fix]';

/**
 * `check`: validate every sidecar and provenance file under ROOT (default: the current folder) and re-anchor its
 * annotations in the current sources. Prints `path:line:col: message` per problem (malformed
 * sidecar, orphaned annotation, missing source), and `path:line:col: info: message` for an
 * annotation whose text changed under it (that alone does not fail). `--fix` writes re-anchored positions back,
 * only for well-formed sidecars that did not change while being checked. Exit 0 clean, 1
 * problems, 2 usage.
 */
export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { fix: false });
  if (args.positional.length > 1) throw new UsageError(`check takes at most one ROOT\nusage: ${CHECK_USAGE}`);
  const root = toPosix(path.resolve(io.cwd, args.positional[0] ?? '.'));
  const st = await io.fs.stat(root);
  if (!st || st.type !== 'directory') throw new UsageError(`${args.positional[0] ?? root}: not a folder\nusage: ${CHECK_USAGE}`);
  const fix = args.flags.has('fix');

  const store = new AnnotationStore(io.fs, root, { author: 'unknown' });
  const w = await store.loadWorkspace();
  const problems: StoreProblem[] = [...w.problems];
  let stale = 0;
  let written = 0;
  for (const s of w.states) {
    if (!s.stale || s.readOnly) continue;
    stale++;
    if (!fix) continue;
    try {
      if (await store.saveAnchors(s.sourcePath, s.sourceText)) written++;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push({ kind: 'malformed', path: s.sidecarPath, line: 1, col: 1, sourcePath: s.sourcePath, message: `not fixed: ${err.message.replace(/\n/g, ' ')}` });
    }
  }
  // The workspace curation file, when there is one, is checked with the same rules.
  const curation = new CurationFile(io.fs, root);
  for (const i of (await curation.load()).issues) {
    problems.push({ kind: 'malformed', path: curation.path, line: i.line, col: i.col, sourcePath: curation.path, message: i.message });
  }
  // Provenance files (`<source>.provenance.yaml`): the same rules as the editor reads them with.
  const provenanceFiles = await findProvenanceFiles(io.fs, root);
  const guard = new RealPathGuard(io.fs, root);
  for (const p of provenanceFiles) {
    const source = sourcePathOf(p);
    const refused = await guard.check(p);
    if (refused) {
      problems.push({ kind: 'malformed', path: p, line: 1, col: 1, sourcePath: source, message: refused });
      continue;
    }
    const r = await readProvenanceFile(io.fs, p);
    if (r.kind === 'invalid') for (const i of r.issues) problems.push({ kind: 'malformed', path: p, line: i.line, col: i.col, sourcePath: source, message: i.message });
    const st = await io.fs.stat(source);
    if (!st || st.type !== 'file') problems.push({ kind: 'missing-source', path: p, line: 1, col: 1, sourcePath: source, message: `no source ${path.posix.basename(source)} beside this provenance file` });
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.col - b.col));
  for (const p of problems) io.stdout(neutralizeControls(`${displayPath(io.cwd, p.path)}:${p.line}:${p.col}: ${p.severity === 'info' ? 'info: ' : ''}${p.message.replace(/\r?\n/g, ' ')}`) + '\n');
  // Changed wording is information, not a fault: listed, but check still passes.
  const infos = problems.filter((p) => p.severity === 'info').length;
  const faults = problems.length - infos;
  const summary = [`checked ${w.states.length + w.problems.filter((p) => p.kind === 'missing-source' || p.kind === 'unreadable-source').length} sidecar(s)`];
  if (provenanceFiles.length > 0) summary.push(`${provenanceFiles.length} provenance file(s)`);
  summary.push(`${faults} problem(s)`);
  if (infos > 0) summary.push(`${infos} annotation(s) with changed wording`);
  if (fix) summary.push(`${written} sidecar(s) re-anchored and written`);
  else if (stale > 0) summary.push(`${stale} sidecar(s) have re-anchored positions; run check --fix to write them`);
  io.stderr(summary.join(', ') + '\n');
  return faults > 0 ? 1 : 0;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
