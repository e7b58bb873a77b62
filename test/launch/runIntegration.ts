import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTestsInCodeServer } from './codeServerLauncher';
import { runTestsInElectron } from './electronLauncher';
import { UNTRUSTED_SUITE, type SuiteResult } from './protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A fresh copy of seeds/ for each run, so tests that write sidecars leave the repository alone. */
export function makeTestWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-workspace-'));
  fs.cpSync(path.join(REPO_ROOT, 'seeds'), ws, { recursive: true });
  return ws;
}

/**
 * Runs the integration tier in a real VS Code: @vscode/test-electron when a desktop VS Code is
 * given (SOURCE_ANNOTATOR_LAUNCHER=electron, SOURCE_ANNOTATOR_VSCODE=<executable>), otherwise the
 * offline VS Code server from code-server in headless Chromium. It never skips: when no VS Code
 * can be started it throws, and the tier fails.
 */
export async function runIntegration(log: (line: string) => void): Promise<SuiteResult> {
  const extensionPath = REPO_ROOT;
  const testsPath = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
  const userGrep = process.env.SOURCE_ANNOTATOR_TEST_GREP;
  const launcher = process.env.SOURCE_ANNOTATOR_LAUNCHER ?? (process.env.SOURCE_ANNOTATOR_VSCODE ? 'electron' : 'code-server');
  if (launcher === 'electron') {
    log('integration: launcher @vscode/test-electron (the untrusted-workspace pass runs with the offline launcher only)');
    const workspace = makeTestWorkspace();
    try {
      return await runTestsInElectron({ extensionPath, testsPath, workspace, grep: userGrep ?? UNTRUSTED_SUITE, invertGrep: !userGrep, log });
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
  // Two passes in the offline VS Code server: everything in a trusted workspace, then the
  // untrusted-workspace suite in Restricted Mode.
  const passes: Array<{ title: string; grep: string; invert: boolean; untrusted: boolean }> = [];
  if (userGrep) passes.push({ title: 'trusted', grep: userGrep, invert: false, untrusted: false });
  else passes.push({ title: 'trusted', grep: UNTRUSTED_SUITE, invert: true, untrusted: false });
  if (!userGrep || new RegExp(userGrep).test(UNTRUSTED_SUITE)) passes.push({ title: 'untrusted', grep: UNTRUSTED_SUITE, invert: false, untrusted: true });
  const results: SuiteResult[] = [];
  for (const pass of passes) {
    log(`integration: launcher code-server (offline VS Code server in headless Chromium), ${pass.title} workspace`);
    const workspace = makeTestWorkspace();
    try {
      results.push(
        await runTestsInCodeServer({
          repoRoot: REPO_ROOT,
          extensionPath,
          testsPath,
          workspace,
          grep: pass.grep,
          invertGrep: pass.invert,
          untrusted: pass.untrusted,
          screenshotDir: path.join(REPO_ROOT, '.vscode-test', 'screenshots'),
          timeoutMs: 15 * 60_000,
          log,
        }),
      );
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
  return {
    vscodeVersion: results[0]?.vscodeVersion ?? 'unknown',
    passed: results.reduce((n, r) => n + r.passed, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
    failures: results.flatMap((r) => r.failures),
  };
}

export function printSuiteResult(result: SuiteResult, log: (line: string) => void): void {
  log(`integration: VS Code ${result.vscodeVersion}`);
  for (const f of result.failures) log(`integration: FAILED ${f.title}\n${f.error}`);
  log(`integration: ${result.passed} passed, ${result.failed} failed`);
}

if (require.main === module) {
  const log = (line: string): void => console.log(line);
  runIntegration(log)
    .then((result) => {
      printSuiteResult(result, log);
      process.exitCode = result.failed === 0 && result.passed > 0 ? 0 : 1;
    })
    .catch((err: unknown) => {
      console.error(`integration: could not run in VS Code: ${err instanceof Error ? err.message : String(err)}`);
      console.log('integration: 0 passed, 1 failed');
      process.exitCode = 1;
    });
}
