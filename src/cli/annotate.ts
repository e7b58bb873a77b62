import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../core/fileSystem';
import { AnnotationStore } from '../core/store/store';
import { readSourceFile } from '../core/workspace/readSource';
import { gitUserNameCommand } from '../node/gitAuthor';
import { OffsetMap } from '../core/text/offsets';
import { lastFlag, parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const ANNOTATE_USAGE = 'source-annotator annotate PATH --exact TEXT [--occurrence N] [--note TEXT] [--tag T]... [--author NAME]';

/**
 * `annotate`: add an annotation on the N-th (1-based) occurrence of TEXT in PATH and print its
 * id. Exit 1 when TEXT is not found, or occurs more than once and --occurrence is missing.
 */
export async function runAnnotate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { exact: true, occurrence: true, note: true, tag: true, author: true });
  if (args.positional.length !== 1) throw new UsageError(`annotate needs exactly one PATH\nusage: ${ANNOTATE_USAGE}`);
  const exact = lastFlag(args, 'exact');
  if (exact === undefined || exact === '') throw new UsageError(`annotate needs --exact TEXT (not empty)\nusage: ${ANNOTATE_USAGE}`);
  const occText = lastFlag(args, 'occurrence');
  let occurrence: number | undefined;
  if (occText !== undefined) {
    if (!/^[1-9][0-9]{0,8}$/.test(occText)) throw new UsageError(`--occurrence must be a whole number from 1 (got '${occText}')`);
    occurrence = Number(occText);
  }
  const file = toPosix(path.resolve(io.cwd, args.positional[0]));
  const display = displayPath(io.cwd, file);
  const cwd = toPosix(path.resolve(io.cwd));
  const root = file.startsWith(cwd.endsWith('/') ? cwd : cwd + '/') ? cwd : path.posix.dirname(file);
  const author = lastFlag(args, 'author') ?? defaultAuthor(io.cwd);
  const store = new AnnotationStore(io.fs, root, { author });
  const outside = await store.outsideRoot(file);
  if (outside) throw new UserError(`${display}: ${outside}`);
  const text = await readSourceFile(io.fs, file, display);
  if (text === undefined) throw new UserError(`${display}: no such file`);

  const hits: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) hits.push(at);
  if (hits.length === 0) throw new UserError(`${display}: ${JSON.stringify(exact)} not found`);
  if (occurrence === undefined && hits.length > 1) {
    throw new UserError(`${display}: ${JSON.stringify(exact)} occurs ${hits.length} times; choose one with --occurrence 1..${hits.length}`);
  }
  const n = occurrence ?? 1;
  if (n > hits.length) throw new UserError(`${display}: ${JSON.stringify(exact)} occurs ${hits.length} time${hits.length === 1 ? '' : 's'}, not ${n}`);
  const map = new OffsetMap(text);
  const at = hits[n - 1];
  const span = { start: map.toCodePoint(at), end: map.toCodePoint(at + exact.length) };

  const a = await store.add(file, text, span, lastFlag(args, 'note') ?? '', args.flags.get('tag') ?? []);
  io.stdout(a.id + '\n');
  return 0;
}

/**
 * git's user.name (of the repository `folder` is in) when there is one, else the OS user name.
 * git never starts in `folder` (see gitUserNameCommand).
 */
export function defaultAuthor(folder: string): string {
  try {
    const { args, cwd } = gitUserNameCommand(folder);
    const name = execFileSync('git', args, { cwd, timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
    if (name) return name;
  } catch {
    // No git, no repository or no user.name: fall back.
  }
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // Some containers have no passwd entry.
  }
  return 'unknown';
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
