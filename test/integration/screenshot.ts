import * as fs from 'fs';
import * as path from 'path';
import { ENV_SCREENSHOT_DIR, SCREENSHOT_REQUEST_SUFFIX } from '../launch/protocol';

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
