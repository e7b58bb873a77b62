import type { Quote, QuoteCluster, QuoteMentionRef, WordDiff } from './types';

/** Shingle length in words. */
const K = 3;
/** Postings longer than this are phrases too common to retrieve by ("one of the"). */
const MAX_POSTING = 400;
/** Share of the shorter quote's shingles that must also occur in the longer one. */
const MIN_CONTAINMENT = 0.5;
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'or', 'is', 'it', 'that', 'this', 'we', 'i', 'you', 'he', 'she', 'they', 'be', 'for', 'on', 'at', 'with', 'as', 'was', 'are', 'not', 'but', 'have', 'has', 'do', 'so', 'if', 'all', 'by', 'from']);

/** Quote words for matching: lower case, no accents, no marks or punctuation, apostrophes dropped. */
export function normalizeQuote(text: string): string[] {
  const out: string[] = [];
  // fast path for ASCII text: one pass, no regular expressions
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 127) ascii = false;
  if (ascii) {
    let cur = '';
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c === 39 || c === 96) continue;
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) cur += String.fromCharCode(c);
      else if (cur !== '') {
        out.push(cur);
        cur = '';
      }
    }
    if (cur !== '') out.push(cur);
    return out;
  }
  const t = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’‘`´]/g, '');
  for (const w of t.split(/[^\p{L}\p{N}]+/u)) if (w !== '') out.push(w);
  return out;
}

interface Entry {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** All quotes with the same normalised words share one node; nodes are what gets linked. */
interface Node {
  readonly key: string;
  readonly words: readonly string[];
  readonly shingles: readonly string[];
  readonly entries: Set<Entry>;
  readonly links: Set<Node>;
  comp: number;
}

/** Candidates checked word by word for one new node, best first. */
const MAX_CANDIDATES = 64;

/**
 * Quote clusters over a workspace, updated one document at a time. Quotes with the same
 * normalised words share a node. Candidate nodes are retrieved through an index of word
 * 3-shingles (short quotes: their whole wording), then linked when the shorter one's words
 * appear, in order, in the longer one (80%: a few changed words; 100%: an excerpt). Marks,
 * punctuation and case never matter. Clusters are the connected components; only the
 * components touched by a change are recomputed.
 */
export class QuoteClusterIndex {
  private readonly nodes = new Map<string, Node>();
  private readonly byPath = new Map<string, Entry[]>();
  private readonly nodeOf = new Map<Entry, Node>();
  private readonly postings = new Map<string, Set<Node>>();
  private readonly comps = new Map<number, { nodes: Set<Node>; cluster: QuoteCluster | null }>();
  private readonly dirty = new Set<Node>();
  private nextComp = 1;

  /** Replace one document's quotes (an empty list removes them). */
  setDocument(path: string, quotes: readonly Pick<Quote, 'start' | 'end' | 'text'>[]): void {
    this.removeDocument(path);
    if (quotes.length === 0) return;
    const list: Entry[] = [];
    for (const q of quotes) {
      const words = normalizeQuote(q.text);
      if (words.length === 0) continue;
      const e: Entry = { path, start: q.start, end: q.end, text: q.text };
      list.push(e);
      const key = words.join(' ');
      let node = this.nodes.get(key);
      if (!node) {
        node = { key, words, shingles: keysOf(words), entries: new Set(), links: new Set(), comp: 0 };
        this.nodes.set(key, node);
        this.linkNew(node);
        for (const k of node.shingles) {
          const p = this.postings.get(k);
          if (p) p.add(node);
          else this.postings.set(k, new Set([node]));
        }
      }
      node.entries.add(e);
      this.nodeOf.set(e, node);
      this.touch(node);
    }
    this.byPath.set(path, list);
  }

  removeDocument(path: string): void {
    const list = this.byPath.get(path);
    if (!list) return;
    for (const e of list) {
      const node = this.nodeOf.get(e);
      this.nodeOf.delete(e);
      if (!node) continue;
      node.entries.delete(e);
      this.touch(node);
      if (node.entries.size > 0) continue;
      // the last quote with these words is gone: drop the node and its links
      for (const k of node.shingles) {
        const p = this.postings.get(k);
        if (p) {
          p.delete(node);
          if (p.size === 0) this.postings.delete(k);
        }
      }
      for (const o of node.links) {
        o.links.delete(node);
        this.touch(o);
      }
      node.links.clear();
      this.nodes.delete(node.key);
      this.dirty.delete(node);
    }
    this.byPath.delete(path);
  }

  get documentCount(): number {
    return this.byPath.size;
  }

  /** Mark a node's component for recomputation. */
  private touch(node: Node): void {
    const id = node.comp;
    if (id !== 0) {
      const c = this.comps.get(id);
      this.comps.delete(id);
      if (c) {
        for (const n of c.nodes) {
          n.comp = 0;
          if (this.nodes.get(n.key) === n) this.dirty.add(n);
        }
      }
      node.comp = 0;
    }
    if (this.nodes.get(node.key) === node) this.dirty.add(node);
  }

  private linkNew(node: Node): void {
    const shared = new Map<Node, number>();
    for (const k of node.shingles) {
      const p = this.postings.get(k);
      if (!p || p.size > MAX_POSTING) continue;
      for (const o of p) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    let cands = [...shared.entries()];
    if (cands.length > MAX_CANDIDATES) cands = cands.sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    for (const [o, n] of cands) {
      if (!similar(node, o, n)) continue;
      node.links.add(o);
      o.links.add(node);
      this.touch(o);
    }
  }

  /** All clusters, singletons included. Components untouched since the last call are reused. */
  clusters(): QuoteCluster[] {
    for (const n of this.dirty) {
      if (n.comp !== 0 || this.nodes.get(n.key) !== n) continue;
      const id = this.nextComp++;
      const members = new Set<Node>();
      const stack = [n];
      n.comp = id;
      while (stack.length > 0) {
        const x = stack.pop()!;
        members.add(x);
        for (const y of x.links) {
          if (y.comp !== id) {
            if (y.comp !== 0) this.comps.delete(y.comp);
            y.comp = id;
            stack.push(y);
          }
        }
      }
      this.comps.set(id, { nodes: members, cluster: null });
    }
    this.dirty.clear();
    const out: QuoteCluster[] = [];
    const used = new Set<string>();
    for (const c of this.comps.values()) {
      if (!c.cluster) c.cluster = build(c.nodes);
      let cl = c.cluster;
      if (used.has(cl.id)) {
        let k = 2;
        while (used.has(`${cl.id}-${k}`)) k++;
        cl = c.cluster = { ...cl, id: `${cl.id}-${k}` };
      }
      used.add(cl.id);
      out.push(cl);
    }
    return out;
  }

  /** The cluster holding the quote that covers `offset` in `path`, if any. */
  clusterAt(path: string, offset: number): QuoteCluster | undefined {
    const e = (this.byPath.get(path) ?? []).find((x) => x.start <= offset && offset < Math.max(x.end, x.start + 1));
    if (!e) return undefined;
    const node = this.nodeOf.get(e);
    if (!node) return undefined;
    this.clusters();
    return this.comps.get(node.comp)?.cluster ?? undefined;
  }
}

/** A cluster mention; its word diff against the cluster's reference wording is computed on first use. */
class MentionRef implements QuoteMentionRef {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  private cached: readonly WordDiff[] | null = null;
  constructor(
    e: Entry,
    private readonly reference: string,
  ) {
    this.path = e.path;
    this.start = e.start;
    this.end = e.end;
    this.text = e.text;
  }
  get diff(): readonly WordDiff[] {
    if (this.cached === null) this.cached = wordDiff(this.reference, this.text);
    return this.cached;
  }
}

function build(nodes: ReadonlySet<Node>): QuoteCluster {
  const entries: Entry[] = [];
  let longest: Node | null = null;
  for (const n of nodes) {
    for (const e of n.entries) entries.push(e);
    if (!longest || n.words.length > longest.words.length || (n.words.length === longest.words.length && n.key < longest.key)) longest = n;
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  let ref = entries[0];
  for (const e of entries) if (longest && longest.entries.has(e)) {
    ref = e;
    break;
  }
  const mentions: QuoteMentionRef[] = entries.map((m) => new MentionRef(m, ref.text));
  return { id: 'q' + fnv1a(longest ? longest.key : ''), mentions, text: ref.text, sources: new Set(entries.map((m) => m.path)).size };
}

function keysOf(words: readonly string[]): string[] {
  if (words.length < K) return ['=' + words.join(' ')];
  const keys = new Set<string>();
  for (let i = 0; i + K <= words.length; i++) keys.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  return [...keys];
}

/** Share of the shorter quote's words that must appear, in order, in the longer one. */
const MIN_ALIGNED = 0.8;

function similar(a: Node, b: Node, shared: number): boolean {
  if (a.words.length < K || b.words.length < K) return a.words.join(' ') === b.words.join(' ');
  const small = a.words.length <= b.words.length ? a : b;
  const large = small === a ? b : a;
  if (small.shingles.length === 1 && small.words.every((w) => STOP.has(w))) return false;
  if (shared / small.shingles.length < MIN_CONTAINMENT / 2) return false;
  if (small.words.length * large.words.length > 1_000_000) return shared / small.shingles.length >= MIN_CONTAINMENT;
  // in-order word overlap: a few words may differ, an excerpt aligns completely
  return lcsLength(small.words, large.words) >= Math.max(K, Math.ceil(MIN_ALIGNED * small.words.length));
}

function lcsLength(x: readonly string[], y: readonly string[]): number {
  let prev = new Uint16Array(y.length + 1);
  let cur = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[y.length];
}

/**
 * Word-level diff of `mention` against `reference` (longest common subsequence over normalised
 * words; original spelling kept). Long pairs fall back to a single 'same' or a replace.
 */
export function wordDiff(reference: string, mention: string): WordDiff[] {
  const ra = reference.split(/\s+/).filter((w) => w !== '');
  const ma = mention.split(/\s+/).filter((w) => w !== '');
  const rn = ra.map((w) => normalizeQuote(w).join(''));
  const mn = ma.map((w) => normalizeQuote(w).join(''));
  const out: WordDiff[] = [];
  const push = (op: WordDiff['op'], w: string): void => {
    const last = out[out.length - 1];
    if (last && last.op === op) out[out.length - 1] = { op, words: last.words + ' ' + w };
    else out.push({ op, words: w });
  };
  if (ra.length * ma.length > 250_000) {
    if (rn.join(' ') === mn.join(' ')) return [{ op: 'same', words: mention }];
    return [{ op: 'missing', words: reference }, { op: 'added', words: mention }];
  }
  const n = ra.length;
  const m = ma.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = rn[i] === mn[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (rn[i] === mn[j]) {
      push('same', ma[j]);
      i++;
      j++;
    } else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) {
      push('missing', ra[i]);
      i++;
    } else {
      push('added', ma[j]);
      j++;
    }
  }
  while (i < n) push('missing', ra[i++]);
  while (j < m) push('added', ma[j++]);
  return out;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
