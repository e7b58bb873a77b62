import * as path from 'path';
import Mocha from 'mocha';
import { printSuiteResult, REPO_ROOT, runIntegration } from './runIntegration';
import { listTests } from './listTests';

/**
 * `npm test`: the unit tier (core and CLI in plain Node), then the integration tier (the same
 * Mocha suite inside a real VS Code), then one line `N passed, M failed` summing both.
 */
async function runUnit(): Promise<{ passed: number; failed: number }> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, reporter: 'spec' });
  const root = path.join(REPO_ROOT, 'out', 'test', 'unit');
  for (const f of listTests(root)) mocha.addFile(f);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 });
    });
  });
}

async function main(): Promise<void> {
  const log = (line: string): void => console.log(line);
  const unit = await runUnit();
  log(`unit: ${unit.passed} passed, ${unit.failed} failed`);
  let integration = { passed: 0, failed: 1 };
  try {
    const r = await runIntegration(log);
    printSuiteResult(r, log);
    integration = { passed: r.passed, failed: r.failed + (r.passed === 0 ? 1 : 0) };
  } catch (err) {
    log(`integration: could not run in VS Code: ${err instanceof Error ? err.message : String(err)}`);
    log('integration: 0 passed, 1 failed');
  }
  const passed = unit.passed + integration.passed;
  const failed = unit.failed + integration.failed;
  log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
