import { UserError } from '../fileSystem';
import { SIDECAR_SUFFIX } from './sidecarName';

/**
 * Paths of sources and sidecars. Paths are absolute and '/'-separated (see core/fileSystem).
 * A sidecar's source is always derived from the sidecar's own name (never from its content), and
 * every path the store touches is checked to lie inside the workspace root.
 */

/** Resolve '.', '..' and repeated slashes of an absolute '/'-separated path. */
export function normalizePath(p: string): string {
  const drive = /^[A-Za-z]:/.test(p) ? p.slice(0, 2) : '';
  const rest = drive ? p.slice(2) : p;
  const out: string[] = [];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return drive + '/' + out.join('/');
}

export function isInside(root: string, p: string): boolean {
  const r = normalizePath(root);
  const n = normalizePath(p);
  return n !== r && n.startsWith(r === '/' || r.endsWith('/') ? r : r + '/');
}

/** The normalized path, or a UserError when it is not inside the root. */
export function checkedPath(root: string, p: string): string {
  if (p.includes('\0')) throw new UserError(`${p}: invalid path`);
  if (!p.startsWith('/') && !/^[A-Za-z]:\//.test(p)) throw new UserError(`${p}: expected an absolute path`);
  const n = normalizePath(p);
  if (!isInside(root, n)) throw new UserError(`${p}: outside the workspace folder ${root}`);
  return n;
}

export function sidecarPathFor(sourcePath: string): string {
  return sourcePath + SIDECAR_SUFFIX;
}

export function isSidecarPath(p: string): boolean {
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base.endsWith(SIDECAR_SUFFIX) && base.length > SIDECAR_SUFFIX.length;
}

export function sourcePathFor(sidecarPath: string): string {
  return sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Path relative to the root, '/'-separated (the form AnnotatedSource and the CLI use). */
export function relativeTo(root: string, p: string): string {
  const r = normalizePath(root);
  const n = normalizePath(p);
  if (n === r) return '';
  const prefix = r === '/' || r.endsWith('/') ? r : r + '/';
  return n.startsWith(prefix) ? n.slice(prefix.length) : n;
}
