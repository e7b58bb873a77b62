import * as path from 'path';
import { UserError } from '../core/fileSystem';
import { neutralizeControls } from '../core/text/terminal';
import { CurationFile } from '../core/curation/file';
import { curationConflicts } from '../core/merge/curationMerge';
import { findConflictMarker } from '../core/merge/markers';
import { repairConflictMarkers } from '../core/merge/repair';
import { AnnotationStore, markersMessage, type StoreProblem } from '../core/store/store';
import { inspectMergeDriver } from '../node/git';
import { parseArgs } from './args';
import { findProvenanceFiles, sourcePathOf } from '../core/provenance/workspace';
import { readProvenanceFile } from '../core/provenance/file';
import { RealPathGuard } from '../core/store/realPaths';
import { UsageError, type CliIo } from './io';

export const CHECK_USAGE = 'source-annotator check [ROOT] [--fix]';

/** The curation file's text, or undefined when there is none or it cannot be read as UTF-8 text. */
async function readText(io: CliIo, p: string): Promise<string | undefined> {
  const st = await io.fs.stat(p);
  if (!st || st.type !== 'file') return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await io.fs.readFile(p)).replace(/^\ufeff/, '');
  } catch {
    return undefined;
  }
}

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

  let store = new AnnotationStore(io.fs, root, { author: 'unknown' });
  let w = await store.loadWorkspace();
  let repaired = 0;
  const failedRepairs: StoreProblem[] = [];
  if (fix) {
    // Sidecars a line-based git merge left with conflict markers: rebuilt from both sides, by id.
    for (const p of w.problems.filter((x) => x.kind === 'conflict-markers')) {
      try {
        const r = await store.repairConflictMarkers(p.sourcePath);
        repaired++;
        io.stderr(`${displayPath(io.cwd, p.path)}: rebuilt from both sides of ${r.hunks} conflict(s)${r.threeWay ? ' with their base' : ''}${r.conflicts > 0 ? `, ${r.conflicts} annotation(s) with recorded conflicts` : ''}\n`);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        failedRepairs.push({ ...p, message: `not fixed: ${err.message.replace(/\n/g, ' ')}` });
      }
    }
    if (repaired > 0) {
      store = new AnnotationStore(io.fs, root, { author: 'unknown' });
      w = await store.loadWorkspace();
    }
  }
  const problems: StoreProblem[] = [...w.problems.filter((p) => !(p.kind === 'conflict-markers' && failedRepairs.some((f) => f.path === p.path))), ...failedRepairs];
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
  let curationText = await readText(io, curation.path);
  const marker = curationText === undefined ? undefined : findConflictMarker(curationText);
  if (curationText !== undefined && marker !== undefined) {
    const r = fix && !(await store.outsideRoot(curation.path)) ? repairConflictMarkers(curationText, 'curation') : undefined;
    if (r?.ok) {
      await io.fs.writeFile(curation.path, new TextEncoder().encode(r.text));
      curationText = r.text;
      io.stderr(`${displayPath(io.cwd, curation.path)}: rebuilt from both sides of ${r.hunks} conflict(s)\n`);
    } else {
      problems.push({ kind: 'conflict-markers', path: curation.path, line: marker, col: 1, sourcePath: curation.path, message: r ? `not fixed: ${r.message}` : markersMessage() });
    }
  }
  if (curationText === undefined || findConflictMarker(curationText) === undefined) {
    for (const i of (await curation.load()).issues) {
      problems.push({ kind: 'malformed', path: curation.path, line: i.line, col: i.col, sourcePath: curation.path, message: i.message });
    }
    if (curationText !== undefined) for (const c of curationConflicts(curationText)) problems.push({ kind: 'conflict', path: curation.path, line: c.line, col: c.col, sourcePath: curation.path, message: c.message });
  }
  // The git merge driver's registration, when the workspace is in a repository.
  const driver = inspectMergeDriver(root);
  if (driver) problems.push({ kind: 'malformed', path: root, line: 1, col: 1, sourcePath: root, message: driver.message, ...(driver.severity === 'info' ? { severity: 'info' as const } : {}) });
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
  if (repaired > 0) summary.push(`${repaired} sidecar(s) with conflict markers rebuilt`);
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
