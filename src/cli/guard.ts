import { UserError } from '../core/fileSystem';
import { neutralizeControls } from '../core/text/terminal';
import { UsageError, type CliIo } from './io';

/**
 * The io every command gets: messages (stderr) never carry control characters from a file to
 * the terminal; data on stdout is left byte for byte unless stdout is a terminal. Commands
 * neutralise the messages they print on stdout themselves (check's problem lines, analyze's summary).
 */
export function guardedIo(rawIo: CliIo): CliIo {
  return {
    ...rawIo,
    stderr: (t) => rawIo.stderr(neutralizeControls(t)),
    stdout: rawIo.stdoutIsTerminal ? (t) => rawIo.stdout(neutralizeControls(t)) : rawIo.stdout,
  };
}

/** Run one command and map its errors to exit codes: 1 error, 2 usage error. Never throws. */
export async function runGuarded(name: string, run: (argv: readonly string[], io: CliIo) => Promise<number>, argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
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
