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
  const t = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’‘`´]/g, '');
  const out: string[] = [];
  for (const w of t.split(/[^\p{L}\p{N}]+/u)) if (w !== '') out.push(w);
  return out;
}

interface Entry {
  readonly id: number;
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words: readonly string[];
  readonly keys: readonly string[];
}

/**
 * Quote clusters over a workspace, updated one document at a time. Candidate quotes are
 * retrieved through an index of word 3-shingles (short quotes: their whole wording), then
 * linked when most of the shorter one's shingles occur in the longer one: this tolerates
 * different marks, punctuation, case and a few changed words, and links excerpts to the
 * full quotation. Clusters are the connected components of those links.
 */
export class QuoteClusterIndex {
  private readonly entries = new Map<number, Entry>();
  private readonly byPath = new Map<string, number[]>();
  private readonly postings = new Map<string, Set<number>>();
  private readonly links = new Map<number, Set<number>>();
  private readonly cache = new Map<string, QuoteCluster>();
  private nextId = 1;

  /** Replace one document's quotes (an empty list removes them). */
  setDocument(path: string, quotes: readonly Pick<Quote, 'start' | 'end' | 'text'>[]): void {
    this.removeDocument(path);
    if (quotes.length === 0) return;
    const ids: number[] = [];
    for (const q of quotes) {
      const words = normalizeQuote(q.text);
      if (words.length === 0) continue;
      const e: Entry = { id: this.nextId++, path, start: q.start, end: q.end, text: q.text, words, keys: keysOf(words) };
      this.entries.set(e.id, e);
      ids.push(e.id);
      this.linkNew(e);
      for (const k of e.keys) {
        const p = this.postings.get(k);
        if (p) p.add(e.id);
        else this.postings.set(k, new Set([e.id]));
      }
    }
    this.byPath.set(path, ids);
  }

  removeDocument(path: string): void {
    const ids = this.byPath.get(path);
    if (!ids) return;
    for (const id of ids) {
      const e = this.entries.get(id);
      if (!e) continue;
      for (const k of e.keys) {
        const p = this.postings.get(k);
        if (p) {
          p.delete(id);
          if (p.size === 0) this.postings.delete(k);
        }
      }
      const ls = this.links.get(id);
      if (ls) for (const o of ls) this.links.get(o)?.delete(id);
      this.links.delete(id);
      this.entries.delete(id);
    }
    this.byPath.delete(path);
  }

  get documentCount(): number {
    return this.byPath.size;
  }

  private linkNew(e: Entry): void {
    const shared = new Map<number, number>();
    for (const k of e.keys) {
      const p = this.postings.get(k);
      if (!p || p.size > MAX_POSTING) continue;
      for (const o of p) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    for (const [o, n] of shared) {
      const other = this.entries.get(o);
      if (!other || (other.path === e.path && other.start === e.start)) continue;
      if (!similar(e, other, n)) continue;
      this.addLink(e.id, o);
    }
  }

  private addLink(a: number, b: number): void {
    const la = this.links.get(a);
    if (la) la.add(b);
    else this.links.set(a, new Set([b]));
    const lb = this.links.get(b);
    if (lb) lb.add(a);
    else this.links.set(b, new Set([a]));
  }

  /** All clusters, singletons included, sorted by first mention (path, then offset). */
  clusters(): QuoteCluster[] {
    const seen = new Set<number>();
    const out: QuoteCluster[] = [];
    const used = new Set<string>();
    const paths = [...this.byPath.keys()].sort();
    for (const path of paths) {
      for (const id of this.byPath.get(path) ?? []) {
        if (seen.has(id)) continue;
        const members = this.component(id, seen);
        out.push(this.build(members, used));
      }
    }
    // forget cached clusters that no longer exist
    if (this.cache.size > out.length * 2 + 64) {
      const live = new Set(out.map((c) => c.id));
      for (const [k, v] of this.cache) if (!live.has(v.id)) this.cache.delete(k);
    }
    return out;
  }

  /** The cluster holding the quote that starts at `start` in `path`, if any. */
  clusterAt(path: string, start: number): QuoteCluster | undefined {
    for (const id of this.byPath.get(path) ?? []) {
      const e = this.entries.get(id);
      if (e && e.start <= start && start < Math.max(e.end, e.start + 1)) return this.build(this.component(id, new Set()), new Set());
    }
    return undefined;
  }

  private component(id: number, seen: Set<number>): Entry[] {
    const members: Entry[] = [];
    const stack = [id];
    seen.add(id);
    while (stack.length > 0) {
      const x = stack.pop()!;
      const e = this.entries.get(x);
      if (e) members.push(e);
      for (const y of this.links.get(x) ?? []) {
        if (!seen.has(y)) {
          seen.add(y);
          stack.push(y);
        }
      }
    }
    members.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
    return members;
  }

  private build(members: Entry[], used: Set<string>): QuoteCluster {
    const key = members.map((m) => m.id).join(',');
    let c = this.cache.get(key);
    if (!c) {
      let longest = members[0];
      for (const m of members) if (m.words.length > longest.words.length) longest = m;
      const mentions: QuoteMentionRef[] = members.map((m) =>
        members.length > 1 ? { path: m.path, start: m.start, end: m.end, text: m.text, diff: wordDiff(longest.text, m.text) } : { path: m.path, start: m.start, end: m.end, text: m.text },
      );
      c = { id: 'q' + fnv1a(longest.words.join(' ')), mentions, text: longest.text, sources: new Set(members.map((m) => m.path)).size };
      this.cache.set(key, c);
    }
    if (used.has(c.id)) {
      let n = 2;
      while (used.has(`${c.id}-${n}`)) n++;
      c = { ...c, id: `${c.id}-${n}` };
    }
    used.add(c.id);
    return c;
  }
}

function keysOf(words: readonly string[]): string[] {
  if (words.length < K) return ['=' + words.join(' ')];
  const keys = new Set<string>();
  for (let i = 0; i + K <= words.length; i++) keys.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  return [...keys];
}

/** Share of the shorter quote's words that must appear, in order, in the longer one. */
const MIN_ALIGNED = 0.8;

function similar(a: Entry, b: Entry, shared: number): boolean {
  if (a.words.length < K || b.words.length < K) return a.words.join(' ') === b.words.join(' ');
  const small = a.words.length <= b.words.length ? a : b;
  const large = small === a ? b : a;
  if (small.keys.length === 1 && small.words.every((w) => STOP.has(w))) return false;
  if (shared / small.keys.length < MIN_CONTAINMENT / 2) return false;
  if (small.words.length * large.words.length > 1_000_000) return shared / small.keys.length >= MIN_CONTAINMENT;
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
