import * as cp from 'child_process';
import * as path from 'path';
import { startServer } from './codeServerLauncher';
import { REPO_ROOT } from './runIntegration';

/**
 * `npm start`: open seeds/ in a real VS Code with the extension loaded. With `code` on PATH that
 * is the desktop VS Code (--extensionDevelopmentPath); otherwise the offline VS Code server, and
 * this prints the URL to open in a browser. Ctrl+C stops it.
 */
async function main(): Promise<void> {
  const seeds = path.join(REPO_ROOT, 'seeds');
  const which = cp.spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim() && !process.env.SOURCE_ANNOTATOR_SERVER) {
    console.log('Opening seeds/ in VS Code with the extension loaded...');
    const r = cp.spawnSync('code', ['--extensionDevelopmentPath', REPO_ROOT, seeds], { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
    return;
  }
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer({
    repoRoot: REPO_ROOT,
    extensionPath: REPO_ROOT,
    workspace: seeds,
    port,
    log: (l) => console.log(l),
  });
  const url = server.url([['extensionDevelopmentPath', server.remote(REPO_ROOT)]]);
  console.log('\nNo `code` on PATH: the offline VS Code server is running. Open this URL in a browser:\n');
  console.log(`  ${url}\n`);
  console.log('(From another machine, forward the port first: ssh -L ' + `${server.port}:127.0.0.1:${server.port} ...)`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
