import * as path from 'path';
import { pathToFileURL } from 'url';
import { isDeepStrictEqual } from 'util';
import type { Annotation } from '../core/annotations/model';
import { DEFAULT_SOURCE_BASE } from '../core/export';
import { UserError } from '../core/fileSystem';
import { importW3c, newSidecarText, parseW3cJson, w3cSourcePaths, MAX_W3C_IMPORT_CHARS } from '../core/import';
import { AnnotationStore, type SourceAnnotations } from '../core/store/store';
import { checkedPath } from '../core/store/paths';
import { decodeSource } from '../core/text/decode';
import { lastFlag, parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const IMPORT_USAGE = 'source-annotator import --format w3c FILE [ROOT] [--source-base IRI]';

/**
 * `import`: re-create sidecars from W3C Web Annotation JSON (as `export --format w3c` writes).
 * Sources are found under ROOT (default: the current folder) by their IRI: the export's
 * `urn:source-annotator:source:<path>`, a file: URL under ROOT, a relative path, or one under
 * --source-base. Annotations keep their ids: one already in its sidecar unchanged is left alone,
 * one that differs is replaced. Everything is checked before anything is written (missing
 * sources, malformed sidecars, bad annotations: exit 1, nothing written).
 */
export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { format: true, 'source-base': true });
  const format = lastFlag(args, 'format');
  if (format === undefined) throw new UsageError(`import needs --format w3c\nusage: ${IMPORT_USAGE}`);
  if (format !== 'w3c') throw new UsageError(`import reads --format w3c only (got '${format}')\nusage: ${IMPORT_USAGE}`);
  if (args.positional.length < 1 || args.positional.length > 2) throw new UsageError(`import needs FILE and at most one ROOT\nusage: ${IMPORT_USAGE}`);

  const file = toPosix(path.resolve(io.cwd, args.positional[0]));
  const root = toPosix(path.resolve(io.cwd, args.positional[1] ?? '.'));
  const rootStat = await io.fs.stat(root);
  if (!rootStat || rootStat.type !== 'directory') throw new UserError(`${args.positional[1] ?? root}: not a folder`);
  const fileStat = await io.fs.stat(file);
  if (!fileStat) throw new UserError(`${args.positional[0]}: no such file`);
  if (fileStat.type !== 'file') throw new UserError(`${args.positional[0]}: not a file`);
  const json = decodeSource(await io.fs.readFile(file), args.positional[0], MAX_W3C_IMPORT_CHARS);

  const rootUrl = pathToFileURL(root.endsWith('/') ? root : root + '/').href;
  const sourceBases = [DEFAULT_SOURCE_BASE, rootUrl, ...(args.flags.get('source-base') ?? [])];
  const value = parseW3cJson(json);

  // Read every targeted source first: the import needs them, and a missing one stops everything.
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const rel of w3cSourcePaths(value, { sourceBases })) {
    const abs = checkedPath(root, `${root}/${rel}`);
    const st = await io.fs.stat(abs);
    if (!st || st.type !== 'file') {
      missing.push(rel);
      continue;
    }
    texts.set(rel, decodeSource(await io.fs.readFile(abs), rel));
  }
  if (missing.length > 0) {
    throw new UserError(`these sources are not under ${displayPath(io.cwd, root)}, nothing was imported:\n${missing.map((m) => `  ${m}`).join('\n')}`);
  }
  const result = importW3c(value, { sourceBases, textOf: (p) => texts.get(p) });
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);

  const store = new AnnotationStore(io.fs, root, { author: 'unknown' });
  const plans: Array<{ abs: string; text: string; state: SourceAnnotations; annotations: Annotation[] }> = [];
  for (const s of result.sources) {
    const abs = checkedPath(root, `${root}/${s.path}`);
    const text = texts.get(s.path)!;
    const state = await store.load(abs, text);
    if (state.readOnly) throw new UserError(`${displayPath(io.cwd, state.sidecarPath)} is malformed; fix it (see source-annotator check) and import again. Nothing was imported.`);
    plans.push({ abs, text, state, annotations: s.annotations });
  }

  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  let orphaned = 0;
  for (const p of plans) {
    if (!p.state.exists && p.annotations.length > 1 && !(await io.fs.stat(p.state.sidecarPath))) {
      // A new sidecar: written in one go (see newSidecarText), then anchored by the store.
      await io.fs.writeFile(p.state.sidecarPath, new TextEncoder().encode(newSidecarText(path.posix.basename(p.abs), p.annotations)));
      await store.saveAnchors(p.abs, p.text);
      const after = store.get(p.abs);
      added += p.annotations.length;
      orphaned += after ? after.annotations.filter((e) => e.status === 'orphan').length : 0;
      continue;
    }
    const current = new Map(p.state.annotations.map((e) => [e.annotation.id, e.annotation]));
    for (const a of p.annotations) {
      const existing = current.get(a.id);
      if (existing && isDeepStrictEqual(plain(existing), plain(a))) {
        unchanged++;
        continue;
      }
      if (existing) {
        await store.delete(p.abs, p.text, a.id);
        replaced++;
      } else {
        added++;
      }
      const entry = await store.restore(p.abs, p.text, a);
      if (entry.status === 'orphan') orphaned++;
    }
  }
  const total = added + replaced + unchanged;
  io.stdout(`imported ${total} annotation(s) into ${plans.length} sidecar(s): ${added} added, ${replaced} replaced, ${unchanged} unchanged\n`);
  if (orphaned > 0) io.stderr(`warning: ${orphaned} annotation(s) could not be anchored in their source (orphans); see source-annotator check\n`);
  return 0;
}

function plain(a: Annotation): unknown {
  return { ...a, target: { ...a.target }, tags: [...a.tags] };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
