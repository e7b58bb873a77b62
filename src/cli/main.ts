import { AGREEMENT_USAGE, runAgreement } from './agreement';
import { ANALYZE_USAGE, runAnalyze } from './analyze';
import { ANNOTATE_USAGE, runAnnotate } from './annotate';
import { CHECK_USAGE, runCheck } from './check';
import { EXPORT_USAGE, runExport } from './export';
import { IMPORT_USAGE, runImport } from './import';
import { GIT_SETUP_USAGE, MERGE_DRIVER_USAGE, runGitSetup, runMergeDriver } from './merge';
import { IMPORT_SOURCE_USAGE, runImportSource } from './importSourceCommand';
import { guardedIo, runGuarded } from './guard';
import { type CliIo } from './io';
import { QUOTES_USAGE, runQuotes } from './quotes';

/** One entry per subcommand. Each issue adds its own (annotate, check, export, import). */
export interface CliCommand {
  readonly usage: string;
  readonly summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  agreement: { usage: AGREEMENT_USAGE, summary: "how far coders agree per tag (percentage, Cohen's kappa, Krippendorff's alpha, unitizing alpha) and where they disagree; --json", run: runAgreement },
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
export function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = guardedIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return Promise.resolve(name === undefined ? 2 : 0);
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`source-annotator: unknown command '${name}'\n${usage()}`);
    return Promise.resolve(2);
  }
  return runGuarded(name, (a, i) => command.run(a, i), rest, io);
}
