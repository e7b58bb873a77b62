import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Annotation } from '../core/annotations/model';
import { DEFAULT_SOURCE_BASE } from '../core/export';
import { UserError } from '../core/fileSystem';
import { importW3c, parseW3cJson, sourcesByUrl, w3cSourcePaths, w3cSourceUrls, MAX_W3C_IMPORT_CHARS } from '../core/import';
import { AnnotationStore } from '../core/store/store';
import { checkedPath } from '../core/store/paths';
import { readSourceFile } from '../core/workspace/readSource';
import { lastFlag, parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const IMPORT_USAGE = 'source-annotator import --format w3c FILE [ROOT] [--source-base IRI]';

/**
 * `import`: re-create sidecars from W3C Web Annotation JSON (as `export --format w3c` writes).
 * Sources are found under ROOT (default: the current folder) by their IRI (the target's
 * `state.cached` copy first, then its `source`): the export's `urn:source-annotator:source:<path>`,
 * a file: URL under ROOT, a relative path, or one under --source-base; else a page URL is
 * looked up in the provenance files (exactly one source must give it). Annotations keep their ids: one already in its sidecar unchanged is left alone,
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
  const json = await readSourceFile(io.fs, file, args.positional[0], MAX_W3C_IMPORT_CHARS);
  if (json === undefined) throw new UserError(`${args.positional[0]}: no such file`);

  const rootUrl = pathToFileURL(root.endsWith('/') ? root : root + '/').href;
  const sourceBases = [DEFAULT_SOURCE_BASE, rootUrl, ...(args.flags.get('source-base') ?? [])];
  const value = parseW3cJson(json);
  // Targets whose source is a web page without a workspace copy named: found through the provenance files' URLs.
  const byUrl = w3cSourceUrls(value, { sourceBases }).length > 0 ? await sourcesByUrl(io.fs, root) : undefined;

  // Read every targeted source first: the import needs them, and a missing one stops everything.
  const store = new AnnotationStore(io.fs, root, { author: 'unknown' });
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const rel of w3cSourcePaths(value, { sourceBases, sourcesByUrl: byUrl })) {
    const abs = checkedPath(root, `${root}/${rel}`);
    const outside = await store.outsideRoot(abs);
    if (outside) throw new UserError(`${rel}: ${outside}; nothing was imported`);
    const text = await readSourceFile(io.fs, abs, rel);
    if (text === undefined) missing.push(rel);
    else texts.set(rel, text);
  }
  if (missing.length > 0) {
    throw new UserError(`these sources are not under ${displayPath(io.cwd, root)}, nothing was imported:\n${missing.map((m) => `  ${m}`).join('\n')}`);
  }
  const result = importW3c(value, { sourceBases, sourcesByUrl: byUrl, textOf: (p) => texts.get(p) });
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);

  // One plan per file: two spellings of one path (a.txt, x%2F..%2Fa.txt) are the same sidecar,
  // and an id given under both is refused here, before anything is written.
  const plans = new Map<string, { abs: string; text: string; annotations: Annotation[] }>();
  for (const s of result.sources) {
    const abs = checkedPath(root, `${root}/${s.path}`);
    const plan = plans.get(abs) ?? { abs, text: texts.get(s.path)!, annotations: [] };
    for (const a of s.annotations) {
      if (plan.annotations.some((b) => b.id === a.id)) throw new UserError(`the id ${a.id} is imported twice into ${displayPath(io.cwd, abs)} (under two spellings of its path); nothing was imported`);
      plan.annotations.push(a);
    }
    plans.set(abs, plan);
  }
  for (const p of plans.values()) {
    const state = await store.load(p.abs, p.text);
    if (state.readOnly) throw new UserError(`${displayPath(io.cwd, state.sidecarPath)} is malformed or refused (${state.problems[0]?.message ?? 'see source-annotator check'}); fix it and import again. Nothing was imported.`);
  }

  // Each sidecar is written once, atomically, with all its changes.
  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  let orphaned = 0;
  for (const p of plans.values()) {
    const r = await store.merge(p.abs, p.text, p.annotations);
    added += r.added;
    replaced += r.replaced;
    unchanged += r.unchanged;
    orphaned += r.orphaned;
  }
  const total = added + replaced + unchanged;
  io.stdout(`imported ${total} annotation(s) into ${plans.size} sidecar(s): ${added} added, ${replaced} replaced, ${unchanged} unchanged\n`);
  if (orphaned > 0) io.stderr(`warning: ${orphaned} annotation(s) could not be anchored in their source (orphans); see source-annotator check\n`);
  return 0;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
