import { main } from './cli/main';
import { NodeFileSystem } from './node/nodeFileSystem';

/** Every command but `analyze` (dist/cliMain.js), with the process's io: see src/cli.ts. */
export function run(argv: readonly string[], cliPath: string): Promise<number> {
  return main(argv, {
    fs: new NodeFileSystem(),
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTerminal: process.stdout.isTTY === true,
    cliPath,
  });
}
