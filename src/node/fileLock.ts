import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { UserError } from '../core/fileSystem';

/** A lock from another machine older than this is stale (a writer holds it for seconds at most). */
export const STALE_LOCK_MS = 60_000;
/** How long a writer waits for the others before giving up with a message. */
export const LOCK_WAIT_MS = 60_000;

/**
 * An exclusive lock on a file, shared by every process that writes it (the CLI, the editor,
 * another editor on a shared folder): a lock file `.<name>.lock` beside it, created with O_EXCL,
 * holding the owner's pid and host. A lock whose owner is gone (this host, no such process), or
 * from another host and older than STALE_LOCK_MS, is taken over. Returns the function that releases it.
 */
export async function lockFile(target: string, waitMs = LOCK_WAIT_MS): Promise<() => Promise<void>> {
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.lock`);
  const me = `${process.pid}\n${os.hostname()}\n${randomBytes(6).toString('hex')}\n`;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(lock, me, { flag: 'wx' });
      return async () => {
        // Only our own lock is removed (a stale-lock recovery may have taken it over).
        const now = await fs.readFile(lock, 'utf8').catch(() => undefined);
        if (now === me) await fs.rm(lock, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const held = await fs.readFile(lock, 'utf8').catch(() => undefined);
    if (held !== undefined && (await isStale(lock, held))) {
      // Take the stale lock away under a unique name; put it back if it was not the one we saw.
      const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
      if (await fs.rename(lock, aside).then(() => true, () => false)) {
        const got = await fs.readFile(aside, 'utf8').catch(() => undefined);
        if (got === held) await fs.rm(aside, { force: true });
        else await fs.rename(aside, lock).catch(() => fs.rm(aside, { force: true }));
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new UserError(`${target} is being written by another process (lock file ${lock}); nothing was written, try again`);
    }
    await new Promise((r) => setTimeout(r, Math.min(100, 2 + attempt * 3) * (0.5 + Math.random())));
  }
}

async function isStale(lock: string, held: string): Promise<boolean> {
  const [pid, host] = held.split('\n');
  if (host === os.hostname() && /^\d+$/.test(pid ?? '')) {
    // On this machine the owner's pid says it all: a live writer may hold it for a while.
    try {
      process.kill(Number(pid), 0);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  const st = await fs.stat(lock).catch(() => undefined);
  return st !== undefined && Date.now() - st.mtimeMs > STALE_LOCK_MS;
}
