import { isAscii } from 'buffer';
import { closeSync, constants, fchmodSync, fstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'fs';
import * as path from 'path';
import { decodeSidecar, MAX_SIDECAR_BYTES } from '../core/store/sidecarFile';

/**
 * The merge driver's first try reads its three files and writes its result through one buffer,
 * synchronously: a driver is one short process that git waits for, and on a machine where every
 * fresh page of memory costs, a second copy of each file (and of the result) cost more than the
 * merge. Undefined from `read` for anything it does not take (not a regular file, too large, not
 * UTF-8): the caller then hands the merge to the full driver, which says why.
 */
export class MergeDriverFiles {
  private scratch = Buffer.alloc(0);

  read(p: string): string | undefined {
    let fd: number;
    try {
      fd = openSync(p, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch {
      return undefined;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > MAX_SIDECAR_BYTES) return undefined;
      // Room for the result too: three bytes per UTF-16 unit of the largest side and a margin.
      if (this.scratch.length < st.size + 1) this.scratch = Buffer.allocUnsafe(3 * (st.size + 1) + 65536);
      let n = 0;
      for (let got = -1; got !== 0 && n <= st.size; n += got) got = readSync(fd, this.scratch, n, this.scratch.length - n, null);
      if (n > st.size) return undefined;
      const bytes = this.scratch.subarray(0, n);
      // ASCII without NUL is its own UTF-8 (no BOM, not UTF-16): one copy, no decoder.
      if (isAscii(bytes) && bytes.indexOf(0) < 0) return bytes.toString('latin1');
      const d = decodeSidecar(bytes);
      return 'text' in d ? d.text : undefined;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Replace the file at `p` (through a symbolic link, keeping its permissions) with the pieces
   * in order, by a rename over it, so that a failure leaves the old file whole. Not synced to
   * disk: the file is git's merge result, which git reads back at once and records itself.
   */
  write(p: string, pieces: readonly string[]): void {
    const target = realpathSync(p);
    const mode = statSync(target).mode & 0o7777;
    let size = 0;
    for (let k = 0; k < pieces.length; k++) size += pieces[k].length;
    if (this.scratch.length < 3 * size) this.scratch = Buffer.allocUnsafe(3 * size);
    let n = 0;
    for (let k = 0; k < pieces.length; k++) n += this.scratch.write(pieces[k], n, 'utf8');
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    const fd = openSync(tmp, 'wx', mode);
    try {
      try {
        for (let at = 0; at < n; ) at += writeSync(fd, this.scratch, at, n - at);
        fchmodSync(fd, mode);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, target);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }
}
