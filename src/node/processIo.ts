import type { CliIo } from '../cli/io';
import { NodeFileSystem } from './nodeFileSystem';

/** The CLI's io for this process: Node's fs, the working folder, stdout and stderr. `cliPath` is dist/cli.js (for git-setup). */
export function processIo(cliPath: string): CliIo {
  return {
    fs: new NodeFileSystem(),
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTerminal: process.stdout.isTTY === true,
    cliPath,
  };
}
