import * as path from 'path';
import { UserError } from '../core/fileSystem';
import { mergeFile } from '../core/merge/setup';
import { decodeSidecar } from '../core/store/sidecar';
import { driverScript, gitMergeFile, setUpMergeDriver } from '../node/git';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const MERGE_DRIVER_USAGE = 'source-annotator merge-driver BASE OURS THEIRS [PATH]';
export const GIT_SETUP_USAGE = 'source-annotator git-setup [ROOT]';

/**
 * `merge-driver %O %A %B %P`: git's merge driver for sidecars and the curation file. Merges the
 * three versions by id (src/core/merge) and writes the result into OURS, as git expects. Exit 0
 * merged cleanly, 1 conflicts recorded (inside valid YAML, never markers). When a version is
 * not a valid file of its kind the merge falls back to git's line merge with diff3 markers
 * (both sides visible; `check --fix` rebuilds the file once they are valid) and exits 1.
 */
export async function runMergeDriver(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {});
  if (args.positional.length < 3 || args.positional.length > 4) throw new UsageError(`merge-driver takes BASE OURS THEIRS and optionally PATH\nusage: ${MERGE_DRIVER_USAGE}`);
  const [basePath, oursPath, theirsPath] = args.positional.slice(0, 3).map((p) => toPosix(path.resolve(io.cwd, p)));
  const name = args.positional[3] ?? args.positional[1];
  const read = async (p: string): Promise<string> => {
    const st = await io.fs.stat(p);
    if (!st) return '';
    if (st.type !== 'file') throw new UserError(`${p}: not a regular file`);
    const d = decodeSidecar(await io.fs.readFile(p));
    if ('issue' in d) throw new UserError(`${p}: ${d.issue.message}`);
    return d.text;
  };
  const [base, ours, theirs] = [await read(basePath), await read(oursPath), await read(theirsPath)];
  const r = mergeFile(name, base, ours, theirs);
  if (!r.ok) {
    io.stderr(`source-annotator merge-driver: ${name}: ${r.message}; merging it line by line instead\n`);
    const n = gitMergeFile(io.cwd, oursPath, basePath, theirsPath);
    if (n === undefined) io.stderr(`source-annotator merge-driver: ${name}: git merge-file could not run; the file keeps our version, theirs is in the index (git checkout --theirs)\n`);
    return 1;
  }
  if (r.text !== ours) await io.fs.writeFile(oursPath, new TextEncoder().encode(r.text));
  io.stderr(`source-annotator merge-driver: ${name}: ${r.summary}\n`);
  return r.conflicts > 0 ? 1 : 0;
}

/**
 * `git-setup [ROOT]`: register the merge driver in the repository holding ROOT (default: the
 * current folder): `.gitattributes` lines and `git config merge.source-annotator.*`, running the
 * driver's own bundle beside this CLI (dist/mergeDriver.js) by its absolute path with the current
 * Node, so no global install is needed. Idempotent.
 */
export function runGitSetup(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {});
  if (args.positional.length > 1) throw new UsageError(`git-setup takes at most one ROOT\nusage: ${GIT_SETUP_USAGE}`);
  const root = path.resolve(io.cwd, args.positional[0] ?? '.');
  if (!io.cliPath) throw new UserError('git-setup must run from the built CLI (dist/cli.js)');
  const done = setUpMergeDriver(root, { runtime: process.execPath, cli: driverScript(path.resolve(io.cliPath)) });
  for (const line of done) io.stdout(line + '\n');
  io.stderr('the source-annotator merge driver is set up for this clone; each clone runs git-setup once\n');
  return Promise.resolve(0);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
