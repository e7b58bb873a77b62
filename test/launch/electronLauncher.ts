import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { ENV_PROGRESS_FILE, ENV_RESULT_FILE, ENV_TEST_GREP, ENV_TEST_INVERT, type SuiteResult } from './protocol';

/**
 * The desktop launcher: @vscode/test-electron with a desktop VS Code, where one can be had
 * (set SOURCE_ANNOTATOR_VSCODE to its executable, or let test-electron download one online).
 * Runs the same Mocha suite as the offline launcher.
 */
export async function runTestsInElectron(opts: {
  extensionPath: string;
  testsPath: string;
  workspace: string;
  grep?: string;
  invertGrep?: boolean;
  log: (line: string) => void;
}): Promise<SuiteResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-electron-'));
  const resultFile = path.join(work, 'result.json');
  const progressFile = path.join(work, 'progress.log');
  try {
    await runTests({
      vscodeExecutablePath: process.env.SOURCE_ANNOTATOR_VSCODE,
      extensionDevelopmentPath: opts.extensionPath,
      extensionTestsPath: opts.testsPath,
      launchArgs: [opts.workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: {
        [ENV_RESULT_FILE]: resultFile,
        [ENV_PROGRESS_FILE]: progressFile,
        ...(opts.grep ? { [ENV_TEST_GREP]: opts.grep, [ENV_TEST_INVERT]: opts.invertGrep ? '1' : '0' } : {}),
      },
    });
  } catch {
    // runTests rejects when the suite fails; the result file says how.
  }
  if (fs.existsSync(progressFile)) for (const line of fs.readFileSync(progressFile, 'utf8').split('\n')) if (line) opts.log(line);
  if (!fs.existsSync(resultFile)) throw new Error('VS Code (electron) ended without a test result');
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
  fs.rmSync(work, { recursive: true, force: true });
  return result;
}
