import { CURATION_FILE_NAME } from '../curation/file';
import { SIDECAR_SUFFIX } from '../store/sidecar';
import { mergeCurationTexts } from './curationMerge';
import { summarizeMerge } from './plan';
import { mergeSidecarTexts } from './sidecarMerge';

/**
 * The pure half of `git-setup` and `merge-driver`: the lines `.gitattributes` needs, the
 * driver command git runs, reading that command back (for `check`), and the choice of merge by
 * file name. Running git is the adapters' business (src/node/git.ts).
 */
export const DRIVER_NAME = 'source-annotator';
export const DRIVER_LABEL = 'Source Annotator annotations (merged by id)';
export const GITATTRIBUTES_LINES: readonly string[] = [`*${SIDECAR_SUFFIX} merge=${DRIVER_NAME}`, `${CURATION_FILE_NAME} merge=${DRIVER_NAME}`];

/** `.gitattributes` with our lines added at the end when missing (its other lines untouched). */
export function withGitattributes(current: string | undefined): { readonly text: string; readonly added: readonly string[] } {
  const text = current ?? '';
  const present = new Set(text.split(/\r?\n/).map((l) => l.trim().replace(/\s+/g, ' ')));
  const added = GITATTRIBUTES_LINES.filter((l) => !present.has(l));
  if (added.length === 0) return { text, added };
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text === '' || text.endsWith('\n') ? '' : nl;
  const header = text.includes('# Source Annotator') ? '' : `# Source Annotator: merge annotations by id (source-annotator git-setup)${nl}`;
  return { text: text + sep + header + added.join(nl) + nl, added };
}

/** POSIX shell quoting (git runs a driver with sh, also Git for Windows). */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The merge driver's own bundle, beside dist/cli.js: only the merge code, so it starts fast. */
export const DRIVER_SCRIPT = 'mergeDriver.js';
/** The driver's second bundle, beside DRIVER_SCRIPT, with the YAML libraries: it loads it when its first try declines. */
export const DRIVER_FULL_SCRIPT = 'mergeDriverFull.js';

/**
 * The driver command: the driver script by its absolute path, run by an absolute Node (or by VS
 * Code's own binary as Node, `ELECTRON_RUN_AS_NODE=1`, when the editor registers it). The script
 * is dist/mergeDriver.js (`<node> <options> <mergeDriver.js> %O %A %B %P`) or, when given the CLI itself,
 * `<node> <cli.js> merge-driver %O %A %B %P`.
 */
export function driverCommand(runtime: string, script: string, electron = false): string {
  const own = (script.replace(/\\/g, '/').split('/').pop() ?? '') === DRIVER_SCRIPT;
  const options = own && !electron ? DRIVER_NODE_OPTIONS.map((o) => `${o} `).join('') : '';
  return `${electron ? 'ELECTRON_RUN_AS_NODE=1 ' : ''}${shellQuote(runtime)} ${options}${shellQuote(script)}${own ? '' : ' merge-driver'} %O %A %B %P`;
}

/**
 * Node's options for the driver's own bundle (not given to an editor's binary run as Node): a
 * young generation of 1 MB, and no optimising compiler. On a machine where each fresh page of
 * memory costs, a small young generation reused beats fewer scavenges over more pages, and a
 * process of a few tens of milliseconds (a few hundred for the largest sidecar the store takes)
 * spends more on compiling its hot loops than it gains. The driver turns the compiler back on
 * when it falls back to the YAML libraries (mergeDriver.ts), whose parse runs for seconds on a
 * large file. `npm run bench -- merge` measures the bundle with and without these options.
 */
export const DRIVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1', '--no-opt'];

/** The runtime and script paths of a driver command as driverCommand writes it (either form); undefined for anything else. */
export function parseDriverCommand(command: string): { readonly runtime: string; readonly cli: string } | undefined {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(command)) !== null) words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]);
  if (words[0] === 'ELECTRON_RUN_AS_NODE=1') words.shift();
  // Node's options between the runtime and the script.
  while (words.length > 1 && words[1].startsWith('--')) words.splice(1, 1);
  if (words.length < 3 || (words[2] !== 'merge-driver' && words[2] !== '%O')) return undefined;
  return { runtime: words[0], cli: words[1] };
}

/** Which merge a path takes: the curation file by its name, anything else as a sidecar. */
export function mergeKindOf(path: string): 'sidecar' | 'curation' {
  const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
  return name === CURATION_FILE_NAME ? 'curation' : 'sidecar';
}

export type FileMergeResult =
  | { readonly ok: true; readonly text: string; readonly conflicts: number; readonly summary: string }
  | { readonly ok: false; readonly message: string };

/** Merge one file's three versions with the rules of its kind. */
export function mergeFile(path: string, base: string, ours: string, theirs: string): FileMergeResult {
  if (mergeKindOf(path) === 'curation') {
    const r = mergeCurationTexts(base, ours, theirs);
    if (!r.ok) return { ok: false, message: `${r.side === 'result' ? 'the merged rules contradict each other' : `the ${r.side} version is not valid`}: ${r.issues[0].line}:${r.issues[0].col}: ${r.issues[0].message}` };
    return { ok: true, text: r.text, conflicts: r.conflicts, summary: r.conflicts > 0 ? `${r.conflicts} conflict(s) recorded under \`conflicts:\`` : 'merged cleanly' };
  }
  const name = (path.replace(/\\/g, '/').split('/').pop() ?? '').replace(SIDECAR_SUFFIX, '');
  const r = mergeSidecarTexts(base, ours, theirs, name);
  if (!r.ok) return { ok: false, message: `the ${r.side} version is not a valid sidecar: ${r.issues[0].line}:${r.issues[0].col}: ${r.issues[0].message}` };
  return { ok: true, text: r.text, conflicts: r.report.conflicted.length, summary: summarizeMerge(r.report) };
}
