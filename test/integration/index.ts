import * as fs from 'fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { ENV_PROGRESS_FILE, ENV_RESULT_FILE, ENV_TEST_GREP, ENV_TEST_INVERT, type SuiteResult } from '../launch/protocol';
import { listTests } from '../launch/listTests';

/**
 * The integration entry, loaded by VS Code as extensionTestsPath under both launchers. It runs
 * every out/test/integration/**\/*.test.js inside the real extension host and reports through
 * the files named in the environment (test/launch/protocol.ts).
 */
export async function run(): Promise<void> {
  const resultFile = process.env[ENV_RESULT_FILE];
  const progressFile = process.env[ENV_PROGRESS_FILE];
  const progress = (line: string): void => {
    if (progressFile) fs.appendFileSync(progressFile, line + '\n');
  };
  const grep = process.env[ENV_TEST_GREP];
  const invert = process.env[ENV_TEST_INVERT] === '1';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'dot', ...(grep ? { grep, invert } : {}) });
  for (const f of listTests(__dirname)) mocha.addFile(f);

  const failures: Array<{ title: string; error: string }> = [];
  let passed = 0;
  await mocha.loadFilesAsync();
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t: Mocha.Test) => {
      passed++;
      progress(`  ok   ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t: Mocha.Test, err: Error) => {
      failures.push({ title: t.fullTitle(), error: err.stack ?? err.message });
      progress(`  FAIL ${t.fullTitle()}: ${err.message}`);
    });
  });
  const result: SuiteResult = { vscodeVersion: vscode.version, passed, failed: failures.length, failures };
  if (resultFile) {
    // written beside and renamed: the launcher polls for the file and must never read it half written
    fs.writeFileSync(`${resultFile}.part`, JSON.stringify(result));
    fs.renameSync(`${resultFile}.part`, resultFile);
  }
  if (failures.length > 0) throw new Error(`${failures.length} integration tests failed`);
}
