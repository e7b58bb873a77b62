import type { Quote, QuoteCluster, QuoteMentionRef, WordDiff } from './types';

/** Shingle length in words. */
const K = 3;
/** Nodes read, at most, from one shingle's posting (the oldest): longer postings are common phrases or much re-reported quotes. */
const MAX_POSTING = 400;
/** Posting entries read, at most, for one new node (over all its shingles), but at least MIN_POSTING_READ per shingle. */
const MAX_POSTINGS_READ = 2048;
const MIN_POSTING_READ = 16;
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
    // a word is a run of letters, digits and apostrophes (which are dropped: "don't" is "dont")
    let i = 0;
    while (i < text.length) {
      while (i < text.length && !isAsciiWordChar(text.charCodeAt(i))) i++;
      const s = i;
      let apostrophes = false;
      for (; i < text.length && isAsciiWordChar(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 96) apostrophes = true;
      if (i === s) break;
      const w = apostrophes ? text.slice(s, i).replace(/['`]/g, '') : text.slice(s, i);
      if (w !== '') out.push(w.toLowerCase());
    }
    return out;
  }
  const t = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’‘`´]/g, '');
  for (const w of t.split(/[^\p{L}\p{N}]+/u)) if (w !== '') out.push(w);
  return out;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 96;
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
  /** The node's component, or 0 while its component awaits recomputation (then it is in `dirty`). */
  comp: number;
}

/** A connected component of linked nodes: one cluster. */
interface Component {
  readonly id: number;
  readonly nodes: Set<Node>;
  cluster: QuoteCluster | null;
}

/** Candidates checked word by word for one new node, best first. */
const MAX_CANDIDATES = 64;
/** Links a new node makes, at most, into one existing component (they do not change the components). */
const LINKS_PER_COMPONENT = 8;
/** Nodes visited, at most, to show that a removed node's neighbours are still connected. */
const MAX_SPLIT_SEARCH = 4096;

/**
 * Quote clusters over a workspace, updated one document at a time. Quotes with the same
 * normalised words share a node. Candidate nodes are retrieved through an index of word
 * 3-shingles (short quotes: their whole wording), then linked when the shorter one's words
 * appear, in order, in the longer one (80%: an excerpt, a few words changed), or 75% of the longer
 * one's words appear in the shorter (up to a quarter of the words changed). Marks,
 * punctuation and case never matter. Clusters are the connected components.
 *
 * Work per change is bounded: a new node reads at most MAX_POSTING nodes of each of its
 * shingles' postings (the oldest) and compares words with at most MAX_CANDIDATES of them; a
 * link merges the smaller component into the larger; a removed node splits its component
 * only when a bounded search cannot reconnect its neighbours; `clusters()` rebuilds only the
 * clusters that changed and returns a cached list when nothing did.
 */
export class QuoteClusterIndex {
  private readonly nodes = new Map<string, Node>();
  private readonly byPath = new Map<string, Entry[]>();
  private readonly nodeOf = new Map<Entry, Node>();
  private readonly postings = new Map<string, Set<Node>>();
  private readonly comps = new Map<number, Component>();
  /** Nodes whose component must be recomputed (after a split). */
  private readonly dirty = new Set<Node>();
  private nextComp = 1;
  /** The last `clusters()` result while nothing has changed. */
  private cache: QuoteCluster[] | null = null;

  /** Replace one document's quotes (an empty list removes them). Quoted terms (kind 'term') are left out: they are nobody's words. */
  setDocument(path: string, quotes: readonly Pick<Quote, 'start' | 'end' | 'text' | 'kind'>[]): void {
    // the new quotes go in before the old ones go out, so that a node the document keeps keeps its links
    const old = this.byPath.get(path);
    this.byPath.delete(path);
    const list: Entry[] = [];
    for (const q of quotes) {
      if (q.kind === 'term') continue;
      const words = normalizeQuote(q.text);
      if (words.length === 0) continue;
      const e: Entry = { path, start: q.start, end: q.end, text: q.text };
      list.push(e);
      const key = words.join(' ');
      let node = this.nodes.get(key);
      if (!node) {
        node = { key, words, shingles: keysOf(words), entries: new Set(), links: new Set(), comp: 0 };
        this.nodes.set(key, node);
        const linked = this.linkNew(node);
        for (const k of node.shingles) {
          const p = this.postings.get(k);
          if (p) p.add(node);
          else this.postings.set(k, new Set([node]));
        }
        this.attach(node, linked);
      }
      node.entries.add(e);
      this.nodeOf.set(e, node);
      this.changed(node);
    }
    if (list.length > 0) this.byPath.set(path, list);
    if (old) for (const e of old) this.dropEntry(e);
  }

  removeDocument(path: string): void {
    const list = this.byPath.get(path);
    if (!list) return;
    this.byPath.delete(path);
    for (const e of list) this.dropEntry(e);
  }

  get documentCount(): number {
    return this.byPath.size;
  }

  private dropEntry(e: Entry): void {
    const node = this.nodeOf.get(e);
    this.nodeOf.delete(e);
    if (!node) return;
    node.entries.delete(e);
    this.changed(node);
    if (node.entries.size === 0) this.dropNode(node);
  }

  /** The last quote with these words is gone: drop the node and its links. */
  private dropNode(node: Node): void {
    for (const k of node.shingles) {
      const p = this.postings.get(k);
      if (p) {
        p.delete(node);
        if (p.size === 0) this.postings.delete(k);
      }
    }
    const neighbours = [...node.links];
    for (const o of neighbours) o.links.delete(node);
    node.links.clear();
    this.nodes.delete(node.key);
    this.dirty.delete(node);
    const c = node.comp !== 0 ? this.comps.get(node.comp) : undefined;
    node.comp = 0;
    // a neighbour left without links looks for similar quotes again (it linked only to older ones)
    let relinked = false;
    for (const o of neighbours) {
      if (o.links.size > 0) continue;
      for (const x of this.linkNew(o)) {
        relinked = true;
        if (x.comp !== 0 && x.comp !== o.comp) {
          const other = this.comps.get(x.comp);
          if (other) this.dissolve(other);
        }
      }
    }
    if (!c) return; // a dirty component: recomputed anyway
    c.nodes.delete(node);
    c.cluster = null;
    if (c.nodes.size === 0) this.comps.delete(c.id);
    else if (relinked || (neighbours.length > 1 && !connected(neighbours))) this.dissolve(c);
  }

  /** A node's entries changed: its cluster must be rebuilt. */
  private changed(node: Node): void {
    this.cache = null;
    const c = node.comp !== 0 ? this.comps.get(node.comp) : undefined;
    if (c) c.cluster = null;
  }

  /** A component may have split: its nodes are recomputed by the next `clusters()`. */
  private dissolve(c: Component): void {
    this.comps.delete(c.id);
    for (const n of c.nodes) {
      n.comp = 0;
      this.dirty.add(n);
    }
    this.cache = null;
  }

  /** Put a new node into a component: its own, or the union of its linked nodes' components. */
  private attach(node: Node, linked: readonly Node[]): void {
    this.cache = null;
    const targets = new Set<Component>();
    let unknown = false;
    for (const o of linked) {
      const c = o.comp !== 0 ? this.comps.get(o.comp) : undefined;
      if (c) targets.add(c);
      else unknown = true;
    }
    if (unknown) {
      // linked to a component awaiting recomputation: join it
      for (const c of targets) this.dissolve(c);
      this.dirty.add(node);
      return;
    }
    let into: Component | null = null;
    for (const c of targets) if (!into || c.nodes.size > into.nodes.size) into = c;
    if (!into) {
      into = { id: this.nextComp++, nodes: new Set(), cluster: null };
      this.comps.set(into.id, into);
    }
    for (const c of targets) {
      if (c === into) continue;
      for (const n of c.nodes) {
        n.comp = into.id;
        into.nodes.add(n);
      }
      this.comps.delete(c.id);
    }
    node.comp = into.id;
    into.nodes.add(node);
    into.cluster = null;
  }

  /** Link a new node to the similar nodes already indexed; returns them. */
  private linkNew(node: Node): Node[] {
    const shared = new Map<Node, number>();
    // a long posting is a common phrase or a much re-reported quote: its oldest nodes suffice
    const cap = Math.min(MAX_POSTING, Math.max(MIN_POSTING_READ, Math.floor(MAX_POSTINGS_READ / node.shingles.length)));
    for (const k of node.shingles) {
      const p = this.postings.get(k);
      if (!p) continue;
      let read = 0;
      for (const o of p) {
        if (++read > cap) break;
        if (o !== node) shared.set(o, (shared.get(o) ?? 0) + 1);
      }
    }
    let cands = [...shared.entries()];
    if (cands.length > MAX_CANDIDATES) cands = cands.sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    // among the best, the least linked first: links spread over a big cluster instead of piling on its oldest quotes
    if (cands.length > LINKS_PER_COMPONENT) cands.sort((a, b) => b[1] - a[1] || a[0].links.size - b[0].links.size);
    const linked: Node[] = [];
    // a few links into one component keep the node in it (and survive a removal or two); more only cost time
    const perComp = new Map<number, number>();
    for (const [o, n] of cands) {
      const seen = o.comp !== 0 ? (perComp.get(o.comp) ?? 0) : 0;
      if (seen >= LINKS_PER_COMPONENT) continue;
      if (!similar(node, o, n)) continue;
      node.links.add(o);
      o.links.add(node);
      linked.push(o);
      if (o.comp !== 0) perComp.set(o.comp, seen + 1);
    }
    return linked;
  }

  /** All clusters, singletons included. Clusters untouched since the last call are reused. */
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
      this.comps.set(id, { id, nodes: members, cluster: null });
    }
    this.dirty.clear();
    if (this.cache) return this.cache.slice();
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
    this.cache = out;
    return out.slice();
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

/**
 * Whether the given nodes (the neighbours of a removed node) are still connected to each other,
 * by a breadth-first search from the first that stops when all are found. False when the search
 * runs out of budget: the caller then recomputes the component.
 */
function connected(targets: readonly Node[]): boolean {
  const want = new Set(targets);
  const seen = new Set<Node>([targets[0]]);
  want.delete(targets[0]);
  const queue = [targets[0]];
  for (let i = 0; i < queue.length; i++) {
    for (const y of queue[i].links) {
      if (seen.has(y)) continue;
      seen.add(y);
      if (want.delete(y) && want.size === 0) return true;
      if (seen.size > MAX_SPLIT_SEARCH) return false;
      queue.push(y);
    }
  }
  return want.size === 0;
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
  // pairs of two common words ("of the") would make long postings and say nothing: left out when others exist
  const keys = new Set<string>();
  for (let i = 0; i + K <= words.length; i++) keys.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  return [...keys];
}

/** Share of the shorter quote's words that must appear, in order, in the longer one (an excerpt, a few words changed). */
const MIN_ALIGNED = 0.8;
/** Share of the longer quote's words the shorter one must keep, in order, when the two are about as long: a quarter may be changed. */
const MIN_ALIGNED_BOTH = 0.75;

function similar(a: Node, b: Node, shared: number): boolean {
  if (a.words.length < 3 || b.words.length < 3) return a.words.join(' ') === b.words.join(' ');
  const small = a.words.length <= b.words.length ? a : b;
  const large = small === a ? b : a;
  if (small.shingles.length === 1 && small.words.every((w) => STOP.has(w))) return false;
  // quotes of about the same length may have a quarter of their words changed, which leaves as
  // few as a quarter of the shingles shared; an excerpt keeps most of its own
  const comparable = small.words.length >= MIN_ALIGNED_BOTH * large.words.length;
  if (shared / small.shingles.length < (comparable ? MIN_CONTAINMENT / 4 : MIN_CONTAINMENT / 2)) return false;
  if (small.words.length * large.words.length > 1_000_000) return shared / small.shingles.length >= MIN_CONTAINMENT;
  // in-order word overlap: a few words may differ, an excerpt aligns completely
  const lcs = lcsLength(small.words, large.words);
  return lcs >= Math.max(3, Math.ceil(MIN_ALIGNED * small.words.length)) || (comparable && lcs >= Math.max(3, Math.ceil(MIN_ALIGNED_BOTH * large.words.length)));
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
