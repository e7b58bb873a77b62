import type { FileSystem } from '../core/fileSystem';

/** What a CLI command may touch. The real one wraps process and Node's fs; tests pass fakes. */
export interface CliIo {
  readonly fs: FileSystem;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stdout is a terminal: data printed there (exports, JSON) has its control characters neutralised too. */
  readonly stdoutIsTerminal?: boolean;
  /** Absolute path of the running CLI script (dist/cli.js), for `git-setup`. */
  readonly cliPath?: string;
}

/** A usage error: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
