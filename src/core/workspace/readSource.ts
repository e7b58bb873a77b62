import { UserError, type FileSystem } from '../fileSystem';
import { MAX_SOURCE_BYTES, decodeSource } from '../text/decode';

/**
 * Read and decode a source file, checking what it is before reading a byte: a FIFO, a device or
 * a folder named like a source would hang the read or fail obscurely, and a file of gigabytes
 * would be read whole before the size limit refuses it (over 2 GiB Node cannot read it at all).
 * Throws a UserError naming `displayPath` for anything but a regular file within the limit;
 * undefined when nothing exists at the path.
 */
export async function readSourceFile(fs: FileSystem, path: string, displayPath: string, maxBytes = MAX_SOURCE_BYTES): Promise<string | undefined> {
  const st = await fs.stat(path);
  if (!st) return undefined;
  if (st.type !== 'file') throw new UserError(`${displayPath}: not a regular file (${st.type === 'directory' ? 'a folder' : 'a pipe, socket or device'})`);
  if (st.size > maxBytes) throw new UserError(`${displayPath}: file is too large (${st.size} bytes; the limit is ${maxBytes})`);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return undefined;
    throw err;
  }
  return decodeSource(bytes, displayPath, maxBytes);
}
