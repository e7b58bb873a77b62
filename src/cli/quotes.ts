import * as path from 'path';
import { analyzeDocument, canonicalizeAcrossDocuments, clusterQuotes } from '../core/analysis';
import { CurationFile } from '../core/curation/file';
import { isExportText } from '../core/export/marker';
import { UserError } from '../core/fileSystem';
import { loadProvenances } from '../core/provenance/workspace';
import { formatOrigins, originsJson, sharedQuoteOrigins } from '../core/provenance/report';
import { relativeTo } from '../core/store/paths';
import { OffsetMap } from '../core/text/offsets';
import { neutralizeControls } from '../core/text/terminal';
import { readSourceFile } from '../core/workspace/readSource';
import { collectSources } from '../core/workspace/sources';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const QUOTES_USAGE = 'source-annotator quotes [--altered] [--json] [ROOT]';

/**
 * `quotes`: every quote found in more than one source under ROOT (default: the current folder),
 * with where it first appeared (by publication date, else retrieval time, else file time, from
 * the sources' provenance files) and, for every later mention, whether its wording is
 * identical, differs in punctuation or marks, is cut, or has words changed (with the word diff).
 * --altered lists only quotes with words changed; --json prints QuoteOriginsJson (positions in
 * code points). The workspace's curation file applies, as in the editor. Invalid provenance files
 * are warned about and date nothing. Exit 0, 1 on errors, 2 usage.
 */
export async function runQuotes(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { altered: false, json: false });
  if (args.positional.length > 1) throw new UsageError(`quotes takes at most one ROOT\nusage: ${QUOTES_USAGE}`);
  const root = toPosix(path.resolve(io.cwd, args.positional[0] ?? '.'));
  const st = await io.fs.stat(root);
  if (!st || st.type !== 'directory') throw new UsageError(`${args.positional[0] ?? root}: not a folder\nusage: ${QUOTES_USAGE}`);

  const files = await collectSources(io.fs, [root], (file, why) => io.stderr(`warning: ${relativeTo(root, file)}: ${why} (not analysed)\n`));
  const curation = new CurationFile(io.fs, root);
  const { rules, issues } = await curation.load();
  for (const i of issues) io.stderr(`warning: ${relativeTo(root, curation.path)}:${i.line}:${i.col}: ${i.message} (the curation file is not applied)\n`);
  const docs = [];
  for (const file of files) {
    const rel = relativeTo(root, file);
    let text: string | undefined;
    try {
      text = await readSourceFile(io.fs, file, rel);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.stderr(`warning: ${err.message} (not analysed)\n`);
      continue;
    }
    if (text === undefined || isExportText(text)) continue;
    docs.push({ path: rel, abs: file, text, analysis: analyzeDocument(text, rules) });
  }
  const canonical = canonicalizeAcrossDocuments(docs);
  const clusters = clusterQuotes(canonical);
  const provenances = await loadProvenances(io.fs, root, docs.map((d) => d.abs));
  const byRel = new Map(docs.map((d) => [d.path, provenances.get(d.abs)!]));
  for (const [rel, p] of byRel) for (const i of p.issues ?? []) io.stderr(`warning: ${rel}.provenance.yaml:${i.line}:${i.col}: ${i.message} (not used)\n`);
  const maps = new Map(docs.map((d) => [d.path, new OffsetMap(d.text)]));
  const texts = new Map(docs.map((d) => [d.path, d.text]));
  let origins = sharedQuoteOrigins({
    clusters,
    dating: (p) => byRel.get(p)!.dating,
    textOf: (p, s, e) => texts.get(p)?.slice(s, e),
  });
  if (args.flags.has('altered')) origins = origins.filter((o) => o.altered);
  const json = originsJson(origins, { provenance: (p) => byRel.get(p)?.provenance, toCodePoint: (p, n) => maps.get(p)?.toCodePoint(n) ?? n });
  if (args.flags.has('json')) io.stdout(JSON.stringify(json) + '\n');
  else io.stdout(neutralizeControls(formatOrigins(json)));
  return 0;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
