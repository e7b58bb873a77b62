import * as fs from 'fs';
import * as path from 'path';
import { ENV_SCREENSHOT_DIR, KEYS_REQUEST_SUFFIX, SCREENSHOT_REQUEST_SUFFIX, type KeyAction, type KeysAnswer, type ReadElement } from '../launch/protocol';

/**
 * Ask the launcher for a screenshot of what a person sees now. Only the offline launcher drives
 * a browser; under test-electron this returns false at once. Waits until the picture is taken.
 */
export async function screenshot(name: string, settleMs = 600): Promise<boolean> {
  const dir = process.env[ENV_SCREENSHOT_DIR];
  if (!dir) return false;
  await new Promise((r) => setTimeout(r, settleMs));
  fs.writeFileSync(path.join(dir, name + SCREENSHOT_REQUEST_SUFFIX), '');
  const done = path.join(dir, `${name}.done`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(done)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`screenshot ${name} was not taken within 20 s`);
}

/** True when a launcher drives a browser, so that screenshots and typed keys are possible. */
export function canDriveBrowser(): boolean {
  return !!process.env[ENV_SCREENSHOT_DIR];
}

/**
 * Ask the launcher to type into the browser, as a person would (page.keyboard). Waits until it
 * has. Returns what each `read` action saw, in order.
 */
export async function typeKeys(...actions: KeyAction[]): Promise<ReadElement[][]> {
  const dir = process.env[ENV_SCREENSHOT_DIR];
  if (!dir) throw new Error('no launcher drives a browser here');
  const name = `keys-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  fs.writeFileSync(path.join(dir, name + '.tmp'), JSON.stringify(actions));
  fs.renameSync(path.join(dir, name + '.tmp'), path.join(dir, name + KEYS_REQUEST_SUFFIX));
  const done = path.join(dir, `${name}.done`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(done)) {
      const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as KeysAnswer;
      if (answer.failure) throw new Error(`keys ${JSON.stringify(actions)}: ${answer.failure}`);
      return answer.reads;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`keys ${JSON.stringify(actions)} were not typed within 20 s`);
}

/** A key action that waits until the quick input (quick pick or input box) with this title has the keyboard focus. */
export function quickInputFocused(title: string): KeyAction {
  return { waitFor: `.quick-input-widget:has(.quick-input-title:has-text(${JSON.stringify(title)})) .quick-input-box input:focus` };
}
