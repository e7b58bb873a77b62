import { main } from './cli/main';
import { processIo } from './node/processIo';

/** Every command but `analyze` (dist/cliMain.js), with the process's io: see src/cli.ts. */
export function run(argv: readonly string[], cliPath: string): Promise<number> {
  return main(argv, processIo(cliPath));
}
