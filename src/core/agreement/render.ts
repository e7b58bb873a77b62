import { codeSpan, escapeMarkdown } from '../text/markdown';
import type { AgreementReport, TagAgreement } from './report';
import type { Place } from './places';

/** What the units are, in words, for every rendering of the report. */
export const UNITS_TEXT =
  'Units: the words of every source that at least two coders covered (a coder covers a source by annotating anything in it). ' +
  'Per tag, a word is 1 for a coder whose annotation with the tag covers any part of it, 0 for a coder who covered the source but not the word, and missing for a coder who did not cover the source. ' +
  'Overall pools every tag. Unitizing alpha compares the spans (code points) of each tag on the sources every coder covered.';

/** The report as JSON (format version 1; NaN, where a figure is undefined, becomes null). */
export function agreementJson(report: AgreementReport): string {
  return `${JSON.stringify({ version: 1, units: 'words', ...report }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

const fixed = (x: number | null, digits = 3): string => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits));
const percent = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
const kindText = (p: Place): string => p.kinds.map((k) => (k === 'missing' ? `missing: ${p.missing.join(', ')}` : k === 'span' ? 'spans differ' : 'tags differ')).join('; ');

/** Readable plain text, for the terminal. */
export function agreementText(report: AgreementReport): string {
  const out: string[] = [];
  const c = report.coders;
  out.push(`Agreement of ${c.length} coder(s)${c.length > 0 ? ` (${c.join(', ')})` : ''}: ${report.sources.compared} of ${report.sources.total} annotated source(s) covered by at least two coders, ${report.sources.byAllCoders} by all.`);
  out.push(UNITS_TEXT);
  out.push('');
  if (c.length < 2 || report.sources.compared === 0) {
    out.push('Nothing to compare: agreement needs sources that at least two coders annotated.');
    return `${out.join('\n')}\n`;
  }
  const rows = [...report.tags, report.overall];
  const name = (r: TagAgreement): string => r.tag ?? '(overall)';
  const width = Math.max(8, ...rows.map((r) => name(r).length));
  const kappaHead = c.length === 2 ? 'kappa' : 'kappa*';
  out.push(`${'tag'.padEnd(width)}  ${'annot.'.padStart(7)}  ${'words'.padStart(8)}  ${'agree'.padStart(7)}  ${kappaHead.padStart(7)}  ${'alpha'.padStart(7)}  ${'u-alpha'.padStart(7)}`);
  for (const r of rows) {
    const kappa = r.kappa ?? meanKappa(r);
    out.push(`${name(r).padEnd(width)}  ${String(r.annotations).padStart(7)}  ${String(r.words).padStart(8)}  ${percent(r.agreement).padStart(7)}  ${fixed(kappa).padStart(7)}  ${fixed(r.alpha).padStart(7)}  ${fixed(r.unitizing.alpha).padStart(7)}`);
  }
  if (c.length > 2) out.push(`* the mean of Cohen's kappa over the ${report.overall.pairs.length} pairs of coders (--json lists each pair; --coder A --coder B compares two).`);
  out.push('');
  const open = report.perSource.flatMap((s) => s.places.filter((p) => p.resolvedBy === undefined));
  out.push(`Disagreements: ${open.length} open${report.adjudicatedAnnotations > 0 ? `, ${report.adjudicatedAnnotations} adjudicated annotation(s)` : ''}.`);
  for (const s of report.perSource) {
    const places = s.places.filter((p) => p.resolvedBy === undefined);
    if (places.length === 0) continue;
    out.push(`${s.path} (${s.coders.join(', ')})`);
    for (const p of places) {
      out.push(`  line ${p.line}, ${p.start}-${p.end}: ${kindText(p)}`);
      for (const pc of p.coders) {
        for (const a of pc.annotations) {
          out.push(`    ${pc.coder}: ${a.start}-${a.end} ${JSON.stringify(clip(a.exact, 60))} [${a.tags.join(', ')}]${a.note ? ` note: ${JSON.stringify(clip(a.note, 80))}` : ''}`);
        }
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The report as Markdown for the editor's preview. Every piece of user content (coder names,
 * tags, paths, quoted text, notes) is escaped or put in code spans; notes are made inert.
 */
export function agreementMarkdown(report: AgreementReport, title: string): string {
  const out: string[] = [];
  const c = report.coders;
  out.push(`# ${escapeMarkdown(title)}`, '');
  out.push(`${c.length} coder(s): ${c.map((x) => codeSpan(x)).join(', ') || 'none'}. ${report.sources.compared} of ${report.sources.total} annotated source(s) covered by at least two coders, ${report.sources.byAllCoders} by all.`, '');
  out.push(`*${escapeMarkdown(UNITS_TEXT)}*`, '');
  if (c.length < 2 || report.sources.compared === 0) {
    out.push('Nothing to compare: agreement needs sources that at least two coders annotated.', '');
    return out.join('\n');
  }
  out.push('## Per tag', '');
  out.push(`| Tag | Annotations | Words | Agreement | ${c.length === 2 ? "Cohen's kappa" : "Cohen's kappa (mean of pairs)"} | Krippendorff's alpha | Unitizing alpha |`);
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of [...report.tags, report.overall]) {
    out.push(`| ${r.tag === null ? '**Overall**' : codeSpan(r.tag)} | ${r.annotations} | ${r.words} | ${percent(r.agreement)} | ${fixed(r.kappa ?? meanKappa(r))} | ${fixed(r.alpha)} | ${fixed(r.unitizing.alpha)} |`);
  }
  out.push('');
  if (c.length > 2) {
    out.push('## Pairs of coders (overall)', '', '| Coders | Words | Agreement | Cohen\'s kappa |', '|---|---:|---:|---:|');
    for (const p of report.overall.pairs) out.push(`| ${codeSpan(p.coders[0])} – ${codeSpan(p.coders[1])} | ${p.words} | ${percent(p.agreement)} | ${fixed(p.kappa)} |`);
    out.push('');
  }
  out.push('## Where coders disagree', '');
  const open = report.perSource.reduce((n, s) => n + s.places.filter((p) => p.resolvedBy === undefined).length, 0);
  out.push(`${open} open disagreement(s)${report.adjudicatedAnnotations > 0 ? `; ${report.adjudicatedAnnotations} adjudicated annotation(s)` : ''}.`, '');
  for (const s of report.perSource) {
    const places = s.places.filter((p) => p.resolvedBy === undefined);
    if (places.length === 0) continue;
    out.push(`### ${codeSpan(s.path)}`, '');
    for (const p of places) {
      out.push(`- **line ${p.line}** (${p.start}–${p.end}): ${escapeMarkdown(kindText(p))}`);
      for (const pc of p.coders) {
        for (const a of pc.annotations) {
          const note = a.note ? ` — ${escapeMarkdown(clip(a.note, 200))}` : '';
          out.push(`  - ${codeSpan(pc.coder)}: ${codeSpan(clip(a.exact, 80))} ${a.tags.map((t) => codeSpan(t)).join(' ')}${note}`);
        }
      }
    }
    out.push('');
  }
  return out.join('\n');
}

function meanKappa(r: TagAgreement): number {
  const ks = r.pairs.map((p) => p.kappa).filter((k) => Number.isFinite(k));
  return ks.length > 0 ? ks.reduce((a, b) => a + b, 0) / ks.length : NaN;
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}
