import * as path from 'path';

/**
 * The CLI entry (package.json "bin"; dist/cli.js): only picks the bundle beside it that runs the
 * command, dist/cliAnalyze.js for `analyze` (the engine alone: scripts run it on many files, and
 * reading and compiling the other commands' code cost it about a tenth of its start-up) or
 * dist/cliMain.js for the others (src/cli/main.ts). Under the compiled tests they are the modules
 * beside this one (out/src).
 */
type Entry = typeof import('./cliMain');

const argv = process.argv.slice(2);
// a computed path, so that the bundler leaves the command bundles out of this one
const file = path.join(__dirname, argv[0] === 'analyze' ? 'cliAnalyze.js' : 'cliMain.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
void (require(file) as Entry).run(argv, __filename).then((code) => {
  process.exitCode = code;
});
