import type { Annotation } from '../annotations/model';
import { readSidecarFast } from '../store/sidecar';
import { sameStored } from './annotations';
import { planMerge, type MergeReport } from './plan';
import { orderEntries, renderEntries, verifyEntries } from './splice';

/**
 * The merge driver's fastest path, for three sidecars in the layout the store writes: each text
 * is cut at the line level into a header and one block per annotation (a `- id: ID` line at the
 * list's indent up to the next one). Only what differs is read: an entry whose bytes are the same
 * in ours and theirs merges to ours whatever the base says, so it is kept by its bytes and only
 * its start is taken from its lines (for the order); the other entries' blocks, of all three
 * sides, are read with the fast reader (which validates them). An entry changed on one side only
 * is that side's bytes; only entries the merge rewrites (changed on both sides, conflicts
 * recorded) are written by yaml, and read back to check them. So an entry that is the same on
 * both sides is not validated here: it was that way on both branches (`check` reports it).
 *
 * Any doubt about the layout declines (undefined) and the caller takes the general path: a CR,
 * a tab, a comment or blank line outside a block scalar, a flow collection other than tags, an
 * anchor, alias or tag, a `|+`/`>+` scalar's trailing blank
 * line, an entry not starting with `- id:`, an id that is not plain, a quoted or flow-style
 * oddity js-yaml and yaml could read differently (the fast reader's own doubts), anything after
 * the list, a missing or blank side, lists at different indents.
 */
export interface BlockSplit {
  readonly header: string;
  readonly indent: string;
  readonly hash: string | undefined;
  /** In file order; ids unique. */
  readonly blocks: ReadonlyArray<{ readonly id: string; readonly text: string }>;
}

const HEADER_LINE = /^(?:#.*|version: 1|sourceHash: fnv1a32:[0-9a-f]{8}|)$/;

const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const BLOCK_SCALAR = /^( *)(?:- )?[A-Za-z]+: [|>](?:[1-9]?[-+]?|[-+][1-9])$/;

/** Cut a sidecar text into header and per-annotation blocks, or undefined on any doubt. One linear scan. */
export function splitBlocks(text: string): BlockSplit | undefined {
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
  const blocks: Array<{ id: string; text: string }> = [];
  const ids = new Set<string>();
  let blockStart = at;
  let id: string | undefined;
  // The indentation of the key whose block scalar we are in, or -1.
  let scalarKey = -1;
  let blankBefore = false;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    let sp = at;
    while (text.charCodeAt(sp) === 0x20) sp++;
    const blank = sp === eol;
    const lead = sp - at;
    if (scalarKey >= 0 && !blank && lead <= scalarKey) scalarKey = -1;
    if (lead === n && text.charCodeAt(sp) === 0x2d /* - */ && text.charCodeAt(sp + 1) === 0x20) {
      if (blankBefore) return undefined;
      const m = /^- id: (\S+)$/.exec(text.slice(sp, eol));
      if (!m || !PLAIN_ID.test(m[1]) || ids.has(m[1])) return undefined;
      if (id !== undefined) blocks.push({ id, text: text.slice(blockStart, at) });
      id = m[1];
      ids.add(id);
      blockStart = at;
    } else if (blank) {
      if (scalarKey < 0) return undefined;
    } else if (scalarKey < 0) {
      // A line of the entry outside block scalar content: deeper than the dash, no comment.
      if (lead < n + 2) return undefined;
      const rest = text.slice(sp, eol);
      if (rest.includes('#') && /(?:^|\s)#/.test(rest)) return undefined;
      // No anchors, aliases or tags, even in entries that are not read.
      if ((rest.includes('&') || rest.includes('*') || rest.includes('!')) && /(?:^|[\s[{,:-])[&*!]\S/.test(rest.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""'))) return undefined;
      // Flow style only where the store writes it (tags: [ a, b ]).
      if ((rest.includes('{') || rest.includes('[')) && /^(?:- )?(?!tags:)[A-Za-z]+: *[{[]/.test(rest)) return undefined;
    }
    if (scalarKey < 0 && !blank) {
      const last = text.charCodeAt(eol - 1);
      // | > - + or a digit: maybe a block scalar header
      if (last === 0x7c || last === 0x3e || last === 0x2d || last === 0x2b || (last >= 0x31 && last <= 0x39)) {
        const line = text.slice(at, eol);
        const bs = BLOCK_SCALAR.exec(line);
        if (bs) {
          if (line.slice(line.lastIndexOf(':') + 1).includes('+')) return undefined;
          scalarKey = bs[1].length + (line.trimStart().startsWith('- ') ? 2 : 0);
        }
      }
    }
    blankBefore = blank;
    at = eol + 1;
  }
  if (blankBefore || id === undefined) return undefined;
  blocks.push({ id, text: text.slice(blockStart) });
  return { header, indent, hash, blocks };
}

/**
 * The start of an entry from its lines, for an entry that is not read: the `start:` key line of
 * its `target:` map (block scalar lines are indented deeper than both, so neither can be text).
 */
function startOf(block: string, indent: string): number | undefined {
  const t = block.indexOf(`\n${indent}  target:\n`);
  if (t < 0) return undefined;
  const inner = `${indent}    `;
  for (let at = t + indent.length + 11; at < block.length; ) {
    const eol = block.indexOf('\n', at);
    const line = block.slice(at, eol < 0 ? block.length : eol);
    if (!line.startsWith(inner) && !/^ *$/.test(line)) return undefined;
    const m = /^ *start: (0|[1-9]\d{0,14})$/.exec(line);
    if (m && line.length - line.trimStart().length === inner.length) return Number(m[1]);
    at = eol < 0 ? block.length : eol + 1;
  }
  return undefined;
}

/** Parse blocks (of one file: ids unique) with the fast reader; undefined when any is not plainly valid. */
function parseBlocks(blocks: ReadonlyArray<{ readonly id: string; readonly text: string }>): Annotation[] | undefined {
  if (blocks.length === 0) return [];
  const r = readSidecarFast(`version: 1\nannotations:\n${blocks.map((b) => b.text).join('')}`);
  if (!r || r.annotations.length !== blocks.length || !r.annotations.every((a, k) => a.id === blocks[k].id)) return undefined;
  return r.annotations;
}

export function mergeByBlocks(base: string, ours: string, theirs: string): { readonly text: string; readonly report: MergeReport } | undefined {
  const [B, O, T] = [splitBlocks(base), splitBlocks(ours), splitBlocks(theirs)];
  if (!B || !O || !T || B.indent !== O.indent || T.indent !== O.indent) return undefined;
  const oText = new Map(O.blocks.map((b) => [b.id, b.text]));
  const tText = new Map(T.blocks.map((b) => [b.id, b.text]));
  // Entries whose bytes are the same in ours and theirs merge to ours: they stay out of the plan
  // and are never read (only their start is taken, for the order).
  const same = (id: string): boolean => oText.get(id) === tText.get(id);
  const byText = new Map<string, Annotation>();
  const dataOf = (split: BlockSplit): Map<string, Annotation> | undefined => {
    const need = split.blocks.filter((b) => !same(b.id));
    const fresh = need.filter((b) => !byText.has(b.text));
    const parsed = parseBlocks(fresh);
    if (!parsed) return undefined;
    fresh.forEach((b, k) => byText.set(b.text, parsed[k]));
    return new Map(need.map((b) => [b.id, byText.get(b.text)!]));
  };
  const oData = dataOf(O);
  const bData = dataOf(B);
  const tData = dataOf(T);
  if (!oData || !bData || !tData) return undefined;
  const placed: Array<{ readonly id: string; readonly target: { readonly start: number } }> = [];
  for (const b of O.blocks) {
    const a = oData.get(b.id);
    const start = a ? a.target.start : startOf(b.text, O.indent);
    if (start === undefined) return undefined;
    placed.push(a ?? { id: b.id, target: { start } });
  }
  const plan = planMerge(
    B.blocks.filter((b) => !same(b.id)).map((b) => bData.get(b.id)!),
    O.blocks.filter((b) => !same(b.id)).map((b) => oData.get(b.id)!),
    T.blocks.filter((b) => !same(b.id)).map((b) => tData.get(b.id)!),
    [B.hash, O.hash, T.hash],
  );
  // What yaml must write: entries that are no side's bytes.
  const sideBytes = (a: Annotation): string | undefined => {
    const t = tData.get(a.id);
    return t !== undefined && sameStored(a, t) ? tText.get(a.id) : undefined;
  };
  const list = orderEntries(placed, plan, (_a, k) => O.blocks[k].text);
  // Without a slice, an entry is the plan's (an update or an insert): a whole annotation.
  const toRender = list.filter((x) => x.slice === undefined && sideBytes(x.a as Annotation) === undefined).map((x) => x.a as Annotation);
  const rendered = renderEntries(toRender, O.indent, '\n');
  if (!rendered || !verifyEntries(toRender, rendered)) return undefined;
  let header = O.header;
  if (plan.sourceHash !== O.hash) {
    if (O.hash === undefined || plan.sourceHash === undefined) return undefined;
    header = header.replace(/^sourceHash: .*$/m, `sourceHash: ${plan.sourceHash}`);
  }
  let body = '';
  for (const x of list) body += x.slice ?? sideBytes(x.a as Annotation) ?? rendered.get(x.a.id)!;
  return { text: header + body, report: plan.report };
}
