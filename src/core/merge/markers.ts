/**
 * Conflict markers left by a line-based merge (a hosting site, or `git merge` where the driver
 * is not set up):
 *
 *   <<<<<<< ours-label
 *   (ours)
 *   ||||||| base-label        (diff3 / zdiff3 only)
 *   (base)
 *   =======
 *   (theirs)
 *   >>>>>>> theirs-label
 *
 * Markers start at column 0, which no valid sidecar or curation file line can: a block scalar's
 * lines are indented, and a top-level key cannot start with `<`, `|`, `=` or `>`. Splitting the
 * text gives each side's file back exactly (lines outside the hunks belong to all three).
 */
export interface MarkerSplit {
  readonly ours: string;
  readonly theirs: string;
  /** The base, when every hunk carried it (diff3); otherwise the merge has no base. */
  readonly base: string | undefined;
  readonly hunks: number;
  /** 1-based line of the first marker. */
  readonly firstLine: number;
}

const START = /^<{7}(?:[ \t].*)?\r?$/;
const BASE = /^\|{7}(?:[ \t].*)?\r?$/;
const SEP = /^={7}\r?$/;
const END = /^>{7}(?:[ \t].*)?\r?$/;

/** The 1-based line of the first conflict marker, or undefined when there is none. Linear. */
export function findConflictMarker(text: string): number | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const c = text.charCodeAt(start);
    if ((c === 0x3c || c === 0x3e) && end - start >= 7) {
      const l = text.slice(start, end);
      if (START.test(l) || END.test(l)) return line;
    }
    if (nl < 0) break;
    start = nl + 1;
    line++;
  }
  return undefined;
}

/** Split a text with conflict markers into its sides; an error when the markers do not nest as git writes them. */
export function splitConflictMarkers(text: string): MarkerSplit | { readonly error: string; readonly line: number } {
  const lines = text.split(/(?<=\n)/);
  let ours = '';
  let theirs = '';
  let base = '';
  let everyBase = true;
  let state: 'out' | 'ours' | 'base' | 'theirs' = 'out';
  let hunks = 0;
  let firstLine = 0;
  let hunkHasBase = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const l = raw.replace(/\n$/, '');
    const n = i + 1;
    if (START.test(l)) {
      if (state !== 'out') return { error: 'a conflict starts inside another one', line: n };
      state = 'ours';
      hunks++;
      hunkHasBase = false;
      if (firstLine === 0) firstLine = n;
      continue;
    }
    if (state !== 'out' && BASE.test(l)) {
      if (state !== 'ours') return { error: "a '|||||||' marker out of place", line: n };
      state = 'base';
      hunkHasBase = true;
      continue;
    }
    if (state !== 'out' && SEP.test(l)) {
      if (state === 'theirs') return { error: "a second '=======' marker in one conflict", line: n };
      state = 'theirs';
      continue;
    }
    if (END.test(l)) {
      if (state !== 'theirs') return { error: "a '>>>>>>>' marker without its '<<<<<<<' and '=======' markers", line: n };
      state = 'out';
      if (!hunkHasBase) everyBase = false;
      continue;
    }
    if (state === 'out') {
      ours += raw;
      theirs += raw;
      base += raw;
    } else if (state === 'ours') ours += raw;
    else if (state === 'base') base += raw;
    else theirs += raw;
  }
  if (state !== 'out') return { error: 'a conflict is not closed (no >>>>>>> marker)', line: lines.length };
  if (hunks === 0) return { error: 'no conflict markers', line: 1 };
  return { ours, theirs, base: everyBase ? base : undefined, hunks, firstLine };
}
