import * as path from 'path';
import { agreementJson, agreementText, computeAgreement } from '../core/agreement';
import { UserError } from '../core/fileSystem';
import { AnnotationStore } from '../core/store/store';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export const AGREEMENT_USAGE = 'source-annotator agreement [--tag T]... [--coder C]... [--json] [ROOT]';

/**
 * `agreement`: how far the coders (annotation authors) under ROOT agree, per tag and overall
 * (percentage agreement, Cohen's kappa, Krippendorff's alpha on word units, unitizing alpha on
 * spans), and where they disagree, source by source. --tag and --coder (repeatable) restrict
 * it; --json prints the documented JSON (README, "Agreement and adjudication"). Problems with
 * sidecars are warned about on stderr. Exit 0, 1 on errors, 2 usage.
 */
export async function runAgreement(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { tag: true, coder: true, json: false });
  if (args.positional.length > 1) throw new UsageError(`agreement takes at most one ROOT\nusage: ${AGREEMENT_USAGE}`);
  const tags = args.flags.get('tag') ?? [];
  const coders = args.flags.get('coder') ?? [];
  if (tags.some((t) => t === '')) throw new UsageError('--tag needs a tag');
  if (coders.some((c) => c === '')) throw new UsageError('--coder needs a name');
  if (coders.length === 1) throw new UsageError('--coder names the coders to compare: give at least two (or none for all)');

  const root = path.resolve(io.cwd, args.positional[0] ?? '.').split(path.sep).join('/');
  const st = await io.fs.stat(root);
  if (!st || st.type !== 'directory') throw new UserError(`${args.positional[0] ?? root}: not a folder`);
  const store = new AnnotationStore(io.fs, root, { author: 'unknown' });
  const load = await store.loadWorkspace();
  for (const p of load.problems) {
    if (p.kind === 'orphan') continue;
    const rel = path.relative(io.cwd, p.path).split(path.sep).join('/');
    io.stderr(`warning: ${rel.startsWith('..') || rel === '' ? p.path : rel}:${p.line}:${p.col}: ${p.message.replace(/\r?\n/g, ' ')}${p.kind === 'malformed' ? ' (not counted)' : ''}\n`);
  }
  const report = computeAgreement(load.sources, { tags, coders });
  for (const c of coders) if (!report.coders.includes(c)) io.stderr(`warning: no annotations by '${c}'\n`);
  io.stdout(args.flags.has('json') ? agreementJson(report) : agreementText(report));
  return 0;
}
