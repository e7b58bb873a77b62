import type { Annotation } from '../annotations/model';
import { EntryReadMemo, readEntry, writeEntry } from '../store/entryLayout';
import { sameStored } from './annotations';
import { orderEntries } from './order';
import { planMerge, type MergeReport } from './plan';

/**
 * The merge driver's fastest path, for three sidecars in the layout the store writes: each text
 * is cut at the line level into a header and one block per annotation (a `- id: ID` line at the
 * list's indent up to the next one). Only what one side brings in or both sides changed is read:
 * an entry whose bytes are the same in ours and theirs merges to ours whatever the base says, and
 * one side as the base left it gives the other side whole (mergeAnnotation), so ours' own changes
 * are kept by their bytes, unread, and only their start is taken from their lines (for the
 * order). Theirs' changes and additions are read with the fast reader (which validates what comes
 * into ours), and so are the entries the plan must weigh: changed on both sides, or deleted on one
 * and changed on the other (every side that has them). Only entries the merge rewrites (changed on
 * both sides, conflicts recorded) are written, and read back to check them. So an entry is
 * validated here only when it comes from theirs or is rewritten; what ours kept or changed alone
 * was in ours' file already (`check` reports it).
 *
 * Any doubt about the layout declines (undefined) and the caller takes the general path: a CR,
 * a tab, a blank line before an entry or at the end (blank lines inside an entry are taken: yaml
 * writes them in a quoted value over a paragraph break), a comment outside a block scalar or a
 * flow collection other than tags in an entry that is read (with a YAML library given: anywhere
 * in ours or theirs; without one, such an entry of ours that is not read keeps its bytes, comment
 * and all, but a comment line right before an entry, which yaml gives to that entry, declines), an anchor, alias or tag on any side (or `&`, `*`, `!` before a word, even quoted),
 * a `|+`/`>+` scalar's trailing blank
 * line, an entry not starting with `- id:`, an id that is not plain, a quoted or flow-style
 * oddity js-yaml and yaml could read differently (the fast reader's own doubts), anything after
 * the list, a missing or blank side, lists at different indents.
 */
export interface BlockSplit {
  readonly header: string;
  readonly indent: string;
  readonly hash: string | undefined;
  /** The list: the text after the `annotations:` line. */
  readonly body: string;
  /** The entries' ids in file order, unique; entry k is `body.slice(k === 0 ? 0 : ends[k - 1], ends[k])` (blockText). */
  readonly ids: readonly string[];
  readonly ends: readonly number[];
  /** Each id's position in `ids`. */
  readonly index: ReadonlyMap<string, number>;
}

/** Entry k's block of a split (its lines, the last line break included). */
export function blockText(split: BlockSplit, k: number): string {
  return split.body.slice(k === 0 ? 0 : split.ends[k - 1], split.ends[k]);
}

/** Whether entry k of one split and entry j of another have the same bytes (lengths first: no slice when they differ). */
function sameBlock(x: BlockSplit, k: number, y: BlockSplit, j: number): boolean {
  const n = x.ends[k] - (k === 0 ? 0 : x.ends[k - 1]);
  return n === y.ends[j] - (j === 0 ? 0 : y.ends[j - 1]) && blockText(x, k) === blockText(y, j);
}

const HEADER_LINE = /^(?:#.*|version: 1|sourceHash: fnv1a32:[0-9a-f]{8}|)$/;

const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Cut a sidecar text into header and per-annotation blocks, or undefined on any doubt.
 * `boundaries` checks what the cut rests on (every line at the list's indent starts an entry, no
 * blank line before one) and anchors, not comments or flow style: for a side whose blocks reach
 * the result only through the entry-layout reader or as bytes ours has too (mergeByBlocks).
 */
export function splitBlocks(text: string, checks: 'all' | 'boundaries' = 'all'): BlockSplit | undefined {
  if (text === '' || !text.endsWith('\n') || text.includes('\r') || text.includes('\t')) return undefined;
  let at = 0;
  let hash: string | undefined;
  let versions = 0;
  for (;;) {
    const eol = text.indexOf('\n', at);
    const line = text.slice(at, eol);
    at = eol + 1;
    if (line === 'annotations:') break;
    if (!HEADER_LINE.test(line) || at >= text.length) return undefined;
    if (line === 'version: 1') versions++;
    else if (line.startsWith('sourceHash: ')) {
      if (hash !== undefined) return undefined;
      hash = line.slice('sourceHash: '.length);
    }
  }
  if (versions !== 1) return undefined;
  const header = text.slice(0, at);
  const first = /^( +)- id: /.exec(text.slice(at, at + 200));
  if (!first) return undefined;
  const indent = first[1];
  const n = indent.length;
  // The whole list is checked with a few scans of the text, each one native regular expression
  // over all lines (a cold process interprets a per-line loop slowly).
  const body = text.slice(at);
  // A line that is not blank, not an entry's `- id: ` line and not deeper than the dash (the
  // first line is an entry's; each other line follows a line break, which a native search finds).
  if (new RegExp(`\\n(?!$| {${n + 2}}|${indent}- id: | *\\n)`).test(body)) return undefined;
  // The last line blank: a `|+` scalar's or nobody's.
  if (/^ *$/.test(body.slice(body.lastIndexOf('\n', body.length - 2) + 1, -1))) return undefined;
  // An anchor or alias makes the file something the store refuses, on any side: checked
  // whenever one of its marks is there at all.
  if ((checks === 'all' || /[&*!]/.test(body)) && contentDoubts(body)) return undefined;
  // Entries: every line at the list's indent is an entry's `- id: ` line (the first scan left no
  // other line that shallow but blank ones; block scalar contents are deeper than the dash, so
  // none hides an entry), with no blank line before it. Cut with native searches and one short
  // step per entry: a cold process pays for every object and every match a loop makes.
  if (new RegExp(`\\n *\\n${indent}- `).test(body)) return undefined;
  const ids: string[] = [];
  const ends: number[] = [];
  const index = new Map<string, number>();
  const next = `\n${indent}- id: `;
  const head = n + '- id: '.length;
  for (let at = 0; at < body.length; ) {
    const to = body.indexOf(next, at + head);
    const end = to < 0 ? body.length : to + 1;
    const id = body.slice(at + head, body.indexOf('\n', at + head));
    if (!PLAIN_ID.test(id) || index.has(id)) return undefined;
    index.set(id, ids.length);
    ids.push(id);
    ends.push(end);
    at = end;
  }
  return { header, indent, hash, body, ids, ends, index };
}

/**
 * Comments outside block scalars; flow style other than tags (tags: [ a, b ]); anchors, aliases
 * and tags, even in entries that are not read (an alias in one could name an anchor in another).
 */
function contentDoubts(body: string): boolean {
  // Block scalar contents, where comments, flow and anchors are text.
  const contents: number[] = [];
  const scalarLines = new Map<number, RegExp>();
  const headers = /^( *)(?:- )?[A-Za-z]+: [|>](?:[1-9]?[-+]?|[-+][1-9])$/gm;
  for (let m = headers.exec(body); m; m = headers.exec(body)) {
    if (contents.length > 0 && m.index < contents[contents.length - 1]) continue;
    if (m[0].slice(m[0].lastIndexOf(':') + 1).includes('+')) return true;
    const key = m[1].length + (m[0].startsWith(`${m[1]}- `) ? 2 : 0);
    let lines = scalarLines.get(key);
    if (!lines) scalarLines.set(key, (lines = new RegExp(`(?:(?: {${key + 1},}[^\\n]*| *)\\n)*`, 'y')));
    lines.lastIndex = m.index + m[0].length + 1;
    lines.exec(body);
    contents.push(m.index + m[0].length + 1, lines.lastIndex);
    headers.lastIndex = Math.max(headers.lastIndex, lines.lastIndex);
  }
  // Ranges [start, end) in order: a binary search for the last start at or before pos.
  const inContent = (pos: number): boolean => {
    let lo = 0;
    let hi = contents.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (contents[2 * mid] <= pos) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && pos < contents[2 * hi + 1];
  };
  const lineAt = (pos: number): string => body.slice(body.lastIndexOf('\n', pos) + 1, body.indexOf('\n', pos));
  // Comments; flow style other than tags (tags: [ a, b ]); anchors, aliases and tags, even in
  // entries that are not read (an alias in one could name an anchor in another).
  for (const doubt of [/(?:^| )#/gm, /^ *(?:- )?(?!tags:)[A-Za-z]+: *[{[]/gm]) {
    for (let m = doubt.exec(body); m; m = doubt.exec(body)) if (!inContent(m.index)) return true;
  }
  const sigils = /[&*!]/g;
  for (let m = sigils.exec(body); m; m = sigils.exec(body)) {
    if (inContent(m.index)) continue;
    // Judged on the raw line, quotes and all: stripping quoted text first took quadratic time on
    // a line of quote marks, and an apostrophe in a plain value could hide an anchor.
    if (/(?:^|[\s[{,:-])[&*!]\S/.test(lineAt(m.index).trimStart())) return true;
    sigils.lastIndex = body.indexOf('\n', m.index) + 1;
  }
  return false;
}

/**
 * The start of an entry from its lines, for an entry that is not read: the `start:` key line of
 * its `target:` map. The map's lines at its own indent are its keys, deeper ones continue a quoted
 * value, blank ones break it (block scalar lines are indented deeper than both, so neither can be
 * text); anything else at that indent (a flow collection written over several lines, whose quoted
 * value could hold a `start:` line of its own) finds no start, and the merge declines. One
 * regular expression per list indent, made by startPattern.
 */
function startPattern(indent: string): RegExp {
  const inner = `${indent}    `;
  const n = '(?:0|[1-9]\\d{0,14})';
  // The kinds of line never overlap (a blank line is shorter than `inner`), so a failing match
  // backtracks linearly.
  return new RegExp(`\\n${indent}  target:\\n(?:${inner}(?: |(?!start: ${n}\\n)[A-Za-z]+:)[^\\n]*\\n| {0,${inner.length - 1}}\\n)*?${inner}start: (${n})\\n`);
}

function startOf(block: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(block);
  return m ? Number(m[1]) : undefined;
}

/**
 * What the block path hands to a YAML library, when given one: entries outside the store's entry
 * layout (store/entryLayout.ts) to read, and to write (each verified by reading it back). Without
 * it (the merge driver's first try, which loads no YAML library), such an entry declines.
 */
export interface YamlFallback {
  /** The annotations of these entry blocks (a list indented by `indent`), in order, or undefined when not all plainly valid. */
  readonly read: (blocks: readonly string[], indent: string) => Annotation[] | undefined;
  /** These annotations' entries in a list indented by `indent` (LF), by id, read back and verified; or undefined. */
  readonly write: (list: readonly Annotation[], indent: string) => ReadonlyMap<string, string> | undefined;
}

/** Read blocks (of one file: ids unique) in the entry layout, the others through the fallback; undefined when any is not plainly valid. */
function parseBlocks(blocks: ReadonlyArray<{ readonly id: string; readonly text: string }>, indent: string, yaml: YamlFallback | undefined, memo: EntryReadMemo): Annotation[] | undefined {
  const out = blocks.map((b) => readEntry(b.text, indent, memo));
  const rest = blocks.filter((_b, k) => out[k] === undefined);
  if (rest.length > 0) {
    const r = yaml?.read(rest.map((b) => b.text), indent);
    if (!r || r.length !== rest.length || !r.every((a, k) => a.id === rest[k].id)) return undefined;
    let k = 0;
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = r[k++];
  }
  return out.every((a, k) => a !== undefined && a.id === blocks[k].id) ? (out as Annotation[]) : undefined;
}

/** Entries written in the entry layout and read back the same, the others through the fallback; undefined when any cannot be. */
function writeBlocks(list: readonly Annotation[], indent: string, yaml: YamlFallback | undefined, memo: EntryReadMemo): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const rest: Annotation[] = [];
  for (const a of list) {
    const text = writeEntry(a, indent);
    const back = text === undefined ? undefined : readEntry(text, indent, memo);
    if (text !== undefined && back !== undefined && sameStored(back, a)) out.set(a.id, text);
    else rest.push(a);
  }
  if (rest.length > 0) {
    const r = yaml?.write(rest, indent);
    if (!r || !rest.every((a) => r.has(a.id))) return undefined;
    for (const a of rest) out.set(a.id, r.get(a.id)!);
  }
  return out;
}

export function mergeByBlocks(base: string, ours: string, theirs: string, yaml?: YamlFallback): { readonly text: string; readonly report: MergeReport } | undefined {
  const r = mergeBlockPieces(base, ours, theirs, yaml);
  return r && { text: r.pieces === undefined ? ours : r.pieces.join(''), report: r.report };
}

/**
 * mergeByBlocks' result as the pieces of its text in order (header, then one per entry: slices of
 * the sides' texts, or written entries), undefined when it is ours unchanged: the merge driver
 * writes them one after the other, never holding a second copy of the file.
 */
export function mergeBlockPieces(base: string, ours: string, theirs: string, yaml?: YamlFallback): { readonly pieces: readonly string[] | undefined; readonly report: MergeReport } | undefined {
  // Base's blocks are only read or compared, never written. Theirs' and ours' reach the result
  // either as bytes ours has (what ours kept, changed alone, or took from theirs unchanged) or
  // read and written again; without a YAML library only an entry in the entry layout is read (no
  // comment, anchor or alias: the reader takes nothing writeEntry would not write), so a comment
  // or flow style in ours stays where ours has it and is never dropped by a rewrite. With one, an
  // entry outside the layout could be read and written again without its comments, so theirs and
  // ours are checked in full.
  const checks = yaml ? 'all' : 'boundaries';
  const [B, O, T] = [splitBlocks(base, 'boundaries'), splitBlocks(ours, checks), splitBlocks(theirs, checks)];
  if (!B || !O || !T || B.indent !== O.indent || T.indent !== O.indent) return undefined;
  // A comment line right before an entry (or at the end) is that entry's for yaml, or the list's,
  // and the cut gives it to the entry before: a deletion or an insertion there would move or
  // drop it.
  if (checks === 'boundaries' && new RegExp(`\\n *#[^\\n]*\\n(?:${O.indent}- |$)`).test(O.body)) return undefined;
  // What each entry needs, from its bytes alone. The same in ours and theirs: ours. One side as
  // the base left it: the other side whole (mergeAnnotation), so ours' own change is ours' bytes,
  // unread, and theirs' change is theirs' bytes, read (which validates what comes into ours).
  // Deleted on one side, the other as the base left it: deleted. Everything else (changed on both
  // sides, added by theirs, deleted on one side and changed on the other) is read on every side
  // that has it and planned by planMerge. (Indexed loops, positions rather than texts: a cold
  // process pays for every object a loop makes, iterators' included.)
  type Block = { readonly id: string; readonly text: string };
  const block = (split: BlockSplit, k: number): Block => ({ id: split.ids[k], text: blockText(split, k) });
  const plannedO: Block[] = [];
  const plannedT: Block[] = [];
  const plannedB: Block[] = [];
  const theirsOnly: Block[] = [];
  const removals = new Set<string>();
  for (let k = 0; k < O.ids.length; k++) {
    const id = O.ids[k];
    const j = T.index.get(id);
    const i = B.index.get(id);
    if (j !== undefined ? sameBlock(O, k, T, j) || (i !== undefined && sameBlock(B, i, T, j)) : i === undefined) continue;
    // With a YAML library, theirs' bytes may differ from ours' for the same data (another
    // quoting): such an entry is planned, so that planMerge sees it is the same.
    // Ours as the base left it, bytes that may hold a comment (`#` anywhere): planned, so that ours
    // is read, and a comment declines rather than giving way to theirs' bytes of the same data.
    if (i !== undefined && sameBlock(B, i, O, k) && (j === undefined || (yaml === undefined && !blockText(O, k).includes('#')))) {
      if (j !== undefined) theirsOnly.push(block(T, j));
      else removals.add(id);
    } else {
      plannedO.push(block(O, k));
      if (j !== undefined) plannedT.push(block(T, j));
      if (i !== undefined) plannedB.push(block(B, i));
    }
  }
  let deletedByOurs = 0;
  for (let j = 0; j < T.ids.length; j++) {
    if (O.index.has(T.ids[j])) continue;
    const i = B.index.get(T.ids[j]);
    if (i !== undefined && sameBlock(B, i, T, j)) deletedByOurs++;
    else {
      plannedT.push(block(T, j));
      if (i !== undefined) plannedB.push(block(B, i));
    }
  }
  const memo = new EntryReadMemo();
  const oRead = parseBlocks(plannedO, O.indent, yaml, memo);
  const tRead = parseBlocks([...plannedT, ...theirsOnly], T.indent, yaml, memo);
  const bRead = parseBlocks(plannedB, B.indent, yaml, memo);
  if (!oRead || !tRead || !bRead) return undefined;
  const sub = planMerge(bRead, oRead, tRead.slice(0, plannedT.length), [B.hash, O.hash, T.hash]);
  const updates = new Map(sub.updates);
  for (const a of tRead.slice(plannedT.length)) updates.set(a.id, a);
  const deletedByTheirs = removals.size;
  for (const id of sub.removals) removals.add(id);
  const report: MergeReport = {
    conflicted: sub.report.conflicted,
    added: sub.report.added,
    deleted: sub.report.deleted + deletedByTheirs + deletedByOurs,
    merged: sub.report.merged + theirsOnly.length,
  };
  const plan = { updates, removals, inserts: sub.inserts, sourceHash: sub.sourceHash, report };
  const oData = new Map(oRead.map((a) => [a.id, a]));
  const tData = new Map(tRead.map((a) => [a.id, a]));
  const placed: Array<{ readonly id: string; readonly target: { readonly start: number } }> = [];
  const startLine = startPattern(O.indent);
  for (let k = 0; k < O.ids.length; k++) {
    const a = oData.get(O.ids[k]);
    const start = a ? a.target.start : startOf(blockText(O, k), startLine);
    if (start === undefined) return undefined;
    placed.push(a ?? { id: O.ids[k], target: { start } });
  }
  // What yaml must write: entries that are no side's bytes.
  const sideBytes = (a: Annotation): string | undefined => {
    const t = tData.get(a.id);
    return t !== undefined && sameStored(a, t) ? blockText(T, T.index.get(a.id)!) : undefined;
  };
  const list = orderEntries(placed, plan, (_a, k) => blockText(O, k));
  // Without a slice, an entry is the plan's (an update or an insert): a whole annotation.
  const theirBytes = new Map<string, string>();
  for (const x of list) {
    const bytes = x.slice === undefined ? sideBytes(x.a as Annotation) : undefined;
    if (bytes !== undefined) theirBytes.set(x.a.id, bytes);
  }
  const toRender = list.filter((x) => x.slice === undefined && !theirBytes.has(x.a.id)).map((x) => x.a as Annotation);
  const rendered = writeBlocks(toRender, O.indent, yaml, memo);
  if (!rendered) return undefined;
  let header = O.header;
  if (plan.sourceHash !== O.hash) {
    if (O.hash === undefined || plan.sourceHash === undefined) return undefined;
    header = header.replace(/^sourceHash: .*$/m, `sourceHash: ${plan.sourceHash}`);
  }
  // No entry left: the Document path writes `annotations: []`.
  if (list.length === 0) return undefined;
  // Ours' entries kept in a row are one slice of ours' list: a few hundred pieces, not thousands.
  const pieces = [header];
  let run = -1;
  let runEnd = -1;
  const endRun = (): void => {
    if (run >= 0) pieces.push(O.body.slice(run === 0 ? 0 : O.ends[run - 1], O.ends[runEnd]));
    run = -1;
  };
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (x.slice !== undefined) {
      const k = O.index.get(x.a.id)!;
      if (run >= 0 && k === runEnd + 1) runEnd = k;
      else {
        endRun();
        run = runEnd = k;
      }
      continue;
    }
    endRun();
    pieces.push(theirBytes.get(x.a.id) ?? rendered.get(x.a.id)!);
  }
  endRun();
  // Ours' bytes again (kept whole, or an entry written again as ours has it): ours, unchanged.
  let size = 0;
  for (let k = 0; k < pieces.length; k++) size += pieces[k].length;
  const unchanged = size === O.header.length + O.body.length && pieces.join('') === O.header + O.body;
  return { pieces: unchanged ? undefined : pieces, report };
}
