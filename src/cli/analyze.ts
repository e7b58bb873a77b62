import * as path from 'path';
import { analyzeDocument, clusterQuotes, type DocumentAnalysis } from '../core/analysis';
import { OffsetMap } from '../core/text/offsets';
import { decodeSource } from '../core/text/decode';
import { collectSources } from '../core/workspace/sources';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const ANALYZE_USAGE = 'source-annotator analyze [--json] PATH...';

/** The `analyze --json` contract (documented in README.md). Offsets in code points. */
export interface AnalyzeJson {
  documents: Array<{
    path: string;
    entities: Array<{ start: number; end: number; text: string; type: string; entity: string }>;
    quotes: Array<{ start: number; end: number; text: string; speaker: string | null }>;
  }>;
  quoteClusters: Array<{ id: string; mentions: Array<{ path: string; start: number; end: number }> }>;
}

export async function runAnalyze(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { json: false });
  if (args.positional.length === 0) throw new UsageError(`analyze needs at least one PATH\nusage: ${ANALYZE_USAGE}`);
  const abs = args.positional.map((p) => toPosix(path.resolve(io.cwd, p)));
  const files = await collectSources(io.fs, abs);

  const docs: Array<{ path: string; text: string; analysis: DocumentAnalysis; map: OffsetMap }> = [];
  for (const file of files) {
    const display = displayPath(io.cwd, file);
    const text = decodeSource(await io.fs.readFile(file), display);
    docs.push({ path: display, text, analysis: analyzeDocument(text), map: new OffsetMap(text) });
  }
  const clusters = clusterQuotes(docs);
  const mapOf = new Map(docs.map((d) => [d.path, d.map]));

  const out: AnalyzeJson = {
    documents: docs.map((d) => ({
      path: d.path,
      entities: d.analysis.entities
        .filter((e) => e.kind === 'name')
        .map((e) => ({ start: d.map.toCodePoint(e.start), end: d.map.toCodePoint(e.end), text: e.text, type: e.type, entity: e.entity })),
      quotes: d.analysis.quotes.map((q) => ({ start: d.map.toCodePoint(q.start), end: d.map.toCodePoint(q.end), text: q.text, speaker: q.speaker })),
    })),
    quoteClusters: clusters.map((c) => ({
      id: c.id,
      mentions: c.mentions.map((m) => {
        const map = mapOf.get(m.path);
        return map ? { path: m.path, start: map.toCodePoint(m.start), end: map.toCodePoint(m.end) } : { path: m.path, start: m.start, end: m.end };
      }),
    })),
  };

  if (args.flags.has('json')) {
    io.stdout(JSON.stringify(out) + '\n');
  } else {
    io.stdout(formatSummary(out));
  }
  return 0;
}

function formatSummary(out: AnalyzeJson): string {
  const lines: string[] = [];
  for (const d of out.documents) {
    lines.push(`${d.path}: ${d.entities.length} entity mentions, ${d.quotes.length} quotes`);
    const byEntity = new Map<string, { type: string; count: number }>();
    for (const e of d.entities) {
      const cur = byEntity.get(e.entity) ?? { type: e.type, count: 0 };
      cur.count++;
      byEntity.set(e.entity, cur);
    }
    const top = [...byEntity.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, 8);
    if (top.length > 0) lines.push(`  entities: ${top.map(([name, v]) => `${name} (${v.type}, ${v.count})`).join(', ')}`);
    for (const q of d.quotes) {
      const words = q.text.length > 70 ? q.text.slice(0, 67) + '...' : q.text;
      lines.push(`  "${words}" - ${q.speaker ?? 'unattributed'}`);
    }
  }
  const shared = out.quoteClusters.filter((c) => new Set(c.mentions.map((m) => m.path)).size > 1).length;
  lines.push(`${out.documents.length} documents, ${out.quoteClusters.length} quote clusters (${shared} across sources)`);
  return lines.join('\n') + '\n';
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(cwd: string, abs: string): string {
  const rel = toPosix(path.relative(cwd, abs));
  return rel === '' || rel.startsWith('..') ? abs : rel;
}
