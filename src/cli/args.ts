import { UsageError } from './io';

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
}

/**
 * A small, strict argument parser. `spec` maps each allowed long flag to whether it takes a
 * value. Unknown flags are usage errors. `--` ends the flags.
 */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, boolean>>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (!(name in spec)) throw new UsageError(`unknown option --${name}`);
      let value = '';
      if (spec[name]) {
        if (eq >= 0) value = a.slice(eq + 1);
        else if (i + 1 < argv.length) value = argv[++i];
        else throw new UsageError(`--${name} needs a value`);
      } else if (eq >= 0) {
        throw new UsageError(`--${name} takes no value`);
      }
      const list = flags.get(name) ?? [];
      list.push(value);
      flags.set(name, list);
    } else if (a.startsWith('-') && a.length > 1) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

export function lastFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}
