import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../core/fileSystem';
import { DRIVER_FULL_SCRIPT, DRIVER_LABEL, DRIVER_NAME, DRIVER_SCRIPT, driverCommand, parseDriverCommand, withGitattributes } from '../core/merge/setup';

/**
 * Real git for `git-setup`, `check` and the merge driver's fallback, shared by the CLI and the
 * editor's "Set Up Git Merge Driver" command. git always starts in the home folder and reaches
 * the repository through `-C` (see gitAuthor.ts: on Windows a program is looked up in the
 * working directory first, so a `git.exe` committed to a stranger's repository would run).
 */
export interface GitResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function git(folder: string, args: readonly string[], input?: string): GitResult {
  const r = spawnSync('git', ['-C', folder, ...args], { cwd: os.homedir(), encoding: 'utf8', input, windowsHide: true, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { status: null, stdout: '', stderr: r.error.message };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The repository's top folder, or undefined when `folder` is in none (or git is missing). */
export function repositoryRoot(folder: string): string | undefined {
  const r = git(folder, ['rev-parse', '--show-toplevel']);
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export interface SetupRuntime {
  /** The program that runs the CLI: an absolute Node, or VS Code's binary with `electron`. */
  readonly runtime: string;
  /** Absolute path of the script git runs: dist/mergeDriver.js, or dist/cli.js (see driverScript). */
  readonly cli: string;
  readonly electron?: boolean;
}

/** The script to register for a CLI at `cli`: the driver's own bundle beside it (it starts faster), else the CLI. */
export function driverScript(cli: string): string {
  const own = path.join(path.dirname(cli), DRIVER_SCRIPT);
  return fs.existsSync(own) && fs.existsSync(path.join(path.dirname(cli), DRIVER_FULL_SCRIPT)) ? own : cli;
}

/**
 * Register the merge driver in the repository that holds `folder`: the `.gitattributes` lines
 * at its top (added when missing, the rest of the file untouched) and `merge.source-annotator.*`
 * in its local config. Idempotent. Returns what it did, one line each.
 */
export function setUpMergeDriver(folder: string, rt: SetupRuntime): string[] {
  const top = repositoryRoot(folder);
  if (top === undefined) throw new UserError(`${folder} is not in a git repository (or git is not installed)`);
  if (!path.isAbsolute(rt.cli) || !fs.existsSync(rt.cli)) throw new UserError(`the CLI ${rt.cli} does not exist; build it first (npm run build)`);
  const done: string[] = [];
  const attributes = path.join(top, '.gitattributes');
  const st = fs.lstatSync(attributes, { throwIfNoEntry: false });
  if (st && !st.isFile()) throw new UserError(`${attributes} is not a regular file; nothing was changed`);
  const current = st ? fs.readFileSync(attributes, 'utf8') : undefined;
  const next = withGitattributes(current);
  if (next.added.length > 0) {
    fs.writeFileSync(attributes, next.text);
    done.push(`${attributes}: added ${next.added.map((l) => `'${l}'`).join(', ')} (commit it so that every clone uses the driver)`);
  } else {
    done.push(`${attributes}: already lists the driver`);
  }
  const command = driverCommand(rt.runtime, rt.cli, rt.electron === true);
  for (const [key, value] of [
    [`merge.${DRIVER_NAME}.name`, DRIVER_LABEL],
    [`merge.${DRIVER_NAME}.driver`, command],
  ] as const) {
    const cur = git(top, ['config', '--local', '--get', key]);
    if (cur.status === 0 && cur.stdout.replace(/\n$/, '') === value) {
      done.push(`git config ${key}: already set`);
      continue;
    }
    const w = git(top, ['config', '--local', key, value]);
    if (w.status !== 0) throw new UserError(`git config ${key} failed: ${w.stderr.trim()}`);
    done.push(`git config ${key} = ${value}`);
  }
  return done;
}

/**
 * What `check` says about the registration in the repository of `folder`: the driver points at
 * a CLI (or runtime) that no longer exists, or `.gitattributes` names the driver while this
 * clone has none registered (git then merges line by line). Undefined when all is well or the
 * folder is in no repository.
 */
export function inspectMergeDriver(folder: string): { readonly severity: 'error' | 'info'; readonly message: string } | undefined {
  const top = repositoryRoot(folder);
  if (top === undefined) return undefined;
  const r = git(top, ['config', '--get', `merge.${DRIVER_NAME}.driver`]);
  if (r.status !== 0 || r.stdout.trim() === '') {
    const attributes = path.join(top, '.gitattributes');
    const text = fs.existsSync(attributes) ? fs.readFileSync(attributes, 'utf8') : '';
    if (text.includes(`merge=${DRIVER_NAME}`)) return { severity: 'info', message: `.gitattributes uses the ${DRIVER_NAME} merge driver but this clone has not registered it: run source-annotator git-setup` };
    return undefined;
  }
  const parsed = parseDriverCommand(r.stdout.trim());
  if (!parsed) return { severity: 'info', message: `merge.${DRIVER_NAME}.driver is set to a command this version does not recognise: ${r.stdout.trim()}` };
  if (!fs.existsSync(parsed.cli)) return { severity: 'error', message: `the git merge driver points at ${parsed.cli}, which no longer exists: run source-annotator git-setup again` };
  const full = path.join(path.dirname(parsed.cli), DRIVER_FULL_SCRIPT);
  if (path.basename(parsed.cli) === DRIVER_SCRIPT && !fs.existsSync(full)) return { severity: 'error', message: `the git merge driver at ${parsed.cli} misses ${full} beside it: run source-annotator git-setup again with a complete build` };
  if (!fs.existsSync(parsed.runtime)) return { severity: 'error', message: `the git merge driver runs ${parsed.runtime}, which no longer exists: run source-annotator git-setup again` };
  return undefined;
}

/**
 * git's own line merge of one file (`git merge-file --diff3`), written into `ours`: the driver's
 * fallback when a version is not a valid file of its kind, so that both sides stay visible as
 * conflict markers (check --fix rebuilds the file once the sides are valid). Returns the number
 * of conflicts, or undefined when git could not run.
 */
export function gitMergeFile(folder: string, ours: string, base: string, theirs: string): number | undefined {
  const r = git(folder, ['merge-file', '--diff3', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs]);
  return r.status === null || r.status < 0 ? undefined : r.status;
}
