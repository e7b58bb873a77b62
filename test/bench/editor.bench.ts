import * as path from 'path';
import { runTestsInCodeServer } from '../launch/codeServerLauncher';
import { makeTestWorkspace, REPO_ROOT } from '../launch/runIntegration';
import * as fs from 'fs';

/**
 * The editor's figures, measured inside the real VS Code (the offline VS Code server in headless
 * Chromium): activation, extension-host time per keystroke in a 100 KB source, and how long
 * indexing 10,000 sources can block the extension host.
 */
export async function bench(): Promise<void> {
  const workspace = makeTestWorkspace();
  try {
    const r = await runTestsInCodeServer({
      repoRoot: REPO_ROOT,
      extensionPath: REPO_ROOT,
      testsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'measure', 'index.js'),
      workspace,
      screenshotDir: path.join(REPO_ROOT, '.vscode-test', 'screenshots'),
      timeoutMs: 20 * 60_000,
      log: (l) => console.log(l),
    });
    console.log(`editor measurements: ${r.passed} done, ${r.failed} failed (VS Code ${r.vscodeVersion})`);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
