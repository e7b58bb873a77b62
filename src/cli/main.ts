import { UserError } from '../core/fileSystem';
import { neutralizeControls } from '../core/text/terminal';
import { ANALYZE_USAGE, runAnalyze } from './analyze';
import { ANNOTATE_USAGE, runAnnotate } from './annotate';
import { CHECK_USAGE, runCheck } from './check';
import { EXPORT_USAGE, runExport } from './export';
import { IMPORT_USAGE, runImport } from './import';
import { GIT_SETUP_USAGE, MERGE_DRIVER_USAGE, runGitSetup, runMergeDriver } from './merge';
import { IMPORT_SOURCE_USAGE, runImportSource } from './importSource';
import { UsageError, type CliIo } from './io';
import { QUOTES_USAGE, runQuotes } from './quotes';

/** One entry per subcommand. Each issue adds its own (annotate, check, export, import). */
export interface CliCommand {
  readonly usage: string;
  readonly summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  analyze: { usage: ANALYZE_USAGE, summary: 'find entities, quotes and speakers; --json for the documented JSON', run: runAnalyze },
  annotate: { usage: ANNOTATE_USAGE, summary: 'annotate the N-th occurrence of TEXT in PATH (sidecar YAML next to it); prints the new id', run: runAnnotate },
  check: { usage: CHECK_USAGE, summary: 'validate every sidecar and re-anchor after outside edits; --fix writes positions back', run: runCheck },
  export: { usage: EXPORT_USAGE, summary: 'export every annotation as a Markdown report, CSV, W3C Web Annotation JSON-LD or REFI-QDA (qdpx, qdc)', run: runExport },
  'merge-driver': { usage: MERGE_DRIVER_USAGE, summary: 'git merge driver for sidecars and the curation file (%O %A %B %P): merges by annotation id, records conflicts in valid YAML; exit 1 when it recorded any', run: runMergeDriver },
  'git-setup': { usage: GIT_SETUP_USAGE, summary: 'register the merge driver in this git repository (.gitattributes and git config), idempotent', run: runGitSetup },
  import: { usage: IMPORT_USAGE, summary: 're-create sidecars from W3C Web Annotation JSON (as export --format w3c writes)', run: runImport },
  quotes: { usage: QUOTES_USAGE, summary: 'quotes shared across sources: where each first appeared (provenance dates) and who changed its words; --altered, --json', run: runQuotes },
  'import-source': { usage: IMPORT_SOURCE_USAGE, summary: 'turn saved web pages, PDFs, Word documents and URLs into .txt sources with a .provenance.yaml beside each', run: (argv, io) => runImportSource(argv, io) },
};

export function usage(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `usage: source-annotator <command> [options]\n\ncommands:\n${rows.join('\n')}\n`;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 error, 2 usage error. Never throws. */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Messages (stderr) never carry control characters from a file to the terminal; data on
  // stdout is left byte for byte unless stdout is a terminal. Commands neutralise the messages
  // they print on stdout themselves (check's problem lines, analyze's summary).
  const io: CliIo = {
    ...rawIo,
    stderr: (t) => rawIo.stderr(neutralizeControls(t)),
    stdout: rawIo.stdoutIsTerminal ? (t) => rawIo.stdout(neutralizeControls(t)) : rawIo.stdout,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`source-annotator: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`source-annotator ${name}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UserError) {
      io.stderr(`source-annotator ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT' || code === 'EPERM') {
      io.stderr(`source-annotator ${name}: ${(err as Error).message}\n`);
      return 1;
    }
    io.stderr(`source-annotator ${name}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
