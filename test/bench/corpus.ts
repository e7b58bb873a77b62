/**
 * A generated news-like corpus for the benchmarks (no large files in git): people with titles,
 * places, organisations, and quotes drawn from a pool, so that some quotes recur across
 * documents, sometimes with a word changed, as re-reported quotes do.
 */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    // xorshift32
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 0x100000000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

const FIRST = ['Maria', 'John', 'Angela', 'Vladimir', 'Emmanuel', 'Sarah', 'David', 'Li', 'Ahmed', 'Olga', 'Carlos', 'Fatima', 'Peter', 'Helen', 'Kenji', 'Amina'];
const LAST = ['Schmidt', 'Okafor', 'Novak', 'Tanaka', 'Rossi', 'Haddad', 'Kowalski', 'Silva', 'Brennan', 'Lindqvist', 'Mbeki', 'Castillo', 'Petrov', 'Dubois', 'Nakamura', 'Osei'];
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Senator', 'Governor', 'Chancellor', 'Mayor'];
const PLACES = ['Germany', 'Brazil', 'Kenya', 'Japan', 'Berlin', 'Nairobi', 'Texas', 'Moscow', 'Paris', 'Canada', 'Mexico City', 'Ukraine'];
const DEMONYMS = ['German', 'Brazilian', 'Kenyan', 'Japanese', 'French', 'Russian', 'American'];
const ORGS = ['the United Nations', 'the World Bank', 'NATO', 'the European Union', 'Reuters', 'the Ministry of Finance', 'Amnesty International'];
const WORDS = 'the government said new plan would cut costs and raise taxes on imports while officials warned that talks could fail if both sides refuse to compromise over trade security and climate policy during the coming months'.split(' ');

export function quotePool(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 8 + Math.floor(rng.next() * 18);
    const ws: string[] = [];
    for (let k = 0; k < len; k++) ws.push(rng.pick(WORDS));
    ws.push(`number ${i}`);
    const s = ws.join(' ');
    out.push(s[0].toUpperCase() + s.slice(1));
  }
  return out;
}

export function makeDoc(rng: Rng, pool: readonly string[], targetChars: number): string {
  const parts: string[] = [];
  let size = 0;
  let para: string[] = [];
  while (size < targetChars) {
    const f = rng.pick(FIRST);
    const l = rng.pick(LAST);
    const r = rng.next();
    let s: string;
    if (r < 0.25) s = `${rng.pick(DEMONYMS)} ${rng.pick(TITLES)} ${f} ${l} met officials from ${rng.pick(ORGS)} in ${rng.pick(PLACES)} on Tuesday.`;
    else if (r < 0.45) {
      let q = rng.pick(pool);
      if (rng.next() < 0.3) q = q.replace(/ \w+ /, ' really ');
      s = rng.next() < 0.5 ? `"${q}," ${l} said.` : `${l} told reporters: “${q}.”`;
    } else if (r < 0.6) s = `According to ${rng.pick(ORGS)}, ${l} had said the ${rng.pick(DEMONYMS)} economy was "${rng.pick(WORDS)} ${rng.pick(WORDS)}" in ${rng.pick(PLACES)}.`;
    else {
      const ws: string[] = [];
      for (let k = 0; k < 14; k++) ws.push(rng.pick(WORDS));
      s = `In ${rng.pick(PLACES)}, ${ws.join(' ')}.`;
    }
    para.push(s);
    size += s.length + 1;
    if (para.length >= 4) {
      parts.push(para.join(' '));
      para = [];
    }
  }
  if (para.length > 0) parts.push(para.join(' '));
  return parts.join('\n\n') + '\n';
}


/** A small seeded generator of whole numbers below n (mulberry32), for the benches' corpora. */
export function rng(seed: number): (n: number) => number {
  let x = seed | 0;
  return (n) => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}
