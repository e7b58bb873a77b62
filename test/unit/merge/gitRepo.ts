import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/**
 * A real git repository in a temporary folder, driven with Debian's git. Nothing reads or
 * changes the user's global or system git configuration: every git and CLI process gets
 * GIT_CONFIG_GLOBAL=/dev/null and GIT_CONFIG_NOSYSTEM=1, and identities are set per repository.
 */
export class GitRepo {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(readonly tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sa-git-')))) {
    this.dir = path.join(tmp, 'repo');
    fs.mkdirSync(this.dir);
    this.env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
    delete this.env.GIT_DIR;
    delete this.env.GIT_WORK_TREE;
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Coder A');
    this.git('config', 'user.email', 'a@example.org');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** git with its exit status (merges that stop on a conflict exit 1). */
  tryGit(...args: string[]): { status: number; out: string } {
    const r = spawnSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8' });
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  }

  /** The built CLI as a whole process. */
  cli(...args: string[]): { status: number; out: string; err: string } {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: this.dir, env: this.env, encoding: 'utf8' });
    return { status: r.status ?? -1, out: r.stdout, err: r.stderr };
  }

  annotate(file: string, exact: string, note: string, author: string, tags: string[] = []): string {
    const r = this.cli('annotate', file, '--exact', exact, '--note', note, '--author', author, ...tags.flatMap((t) => ['--tag', t]));
    if (r.status !== 0) throw new Error(`annotate ${exact}: ${r.err}`);
    return r.out.trim();
  }

  write(rel: string, text: string): void {
    const p = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  /** A file as committed at `rev` ('' when it is not there). */
  show(rev: string, rel: string): string {
    const r = spawnSync('git', ['show', `${rev}:${rel}`], { cwd: this.dir, env: this.env, encoding: 'utf8' });
    return r.status === 0 ? r.stdout : '';
  }

  commitAll(message: string, author = 'Coder A'): void {
    this.git('add', '-A');
    this.git('-c', `user.name=${author}`, 'commit', '-q', '-m', message);
  }

  dispose(): void {
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
