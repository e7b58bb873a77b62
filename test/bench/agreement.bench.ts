import type { AnnotatedSource, Annotation } from '../../src/core/annotations/model';
import { computeAgreement } from '../../src/core/agreement/report';
import { wordsOf } from '../../src/core/agreement/words';

/**
 * `npm run bench -- agreement`: the agreement report over 10,000 sources of about 3,000
 * characters, 5 coders, 20 annotations each per source (1,000,000 annotations), coders mostly
 * agreeing on 20 places per source with jittered boundaries, some tags swapped and some places
 * missed. Target: < 10 s. Baseline in the same run: finding the words of every text (the one
 * pass over the text the report cannot avoid). Prints the median of 3 runs.
 */
export async function bench(): Promise<void> {
  await Promise.resolve();
  const sources = corpus(10_000, 5, 20);
  const count = sources.reduce((n, s) => n + s.annotations.length, 0);
  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  console.log(`${count} annotations by 5 coders in ${sources.length} sources (${(chars / 1e6).toFixed(1)} M characters)`);
  const base = median(() => sources.reduce((n, s) => n + wordsOf(s.text).count, 0));
  console.log(`baseline (words of every text): ${base.ms.toFixed(0)} ms (${base.size} words)`);
  const r = median(() => {
    const rep = computeAgreement(sources);
    return rep.openDisagreements;
  });
  const rep = computeAgreement(sources);
  console.log(`agreement report: ${r.ms.toFixed(0)} ms (${(r.ms / base.ms).toFixed(1)}x baseline), ${r.size} open disagreements  ${r.ms < 10_000 ? 'ok (< 10 s)' : 'SLOW (>= 10 s)'}`);
  console.log(`overall: agreement ${(rep.overall.agreement * 100).toFixed(1)}%, mean kappa ${mean(rep.overall.pairs.map((p) => p.kappa)).toFixed(3)}, alpha ${rep.overall.alpha.toFixed(3)}, u-alpha ${rep.overall.unitizing.alpha.toFixed(3)}`);
}

export function corpus(n: number, coders: number, perCoder: number): AnnotatedSource[] {
  let seed = 42;
  const rnd = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % k;
  };
  const vocab = ['the', 'minister', 'said', 'taxes', 'would', 'fall', 'critics', 'argued', 'that', 'budget', 'deficit', 'Kremlin', 'Putin', 'election', 'report', 'officials', 'on', 'Tuesday', 'in', 'a'];
  const tags = ['claim', 'quote', 'person', 'org', 'place', 'number', 'to-verify', 'opinion'];
  const names = Array.from({ length: coders }, (_, i) => `coder-${i + 1}`);
  const out: AnnotatedSource[] = [];
  for (let s = 0; s < n; s++) {
    const words: string[] = [];
    let len = 0;
    while (len < 3000) {
      const w = vocab[rnd(vocab.length)];
      words.push(w);
      len += w.length + 1;
    }
    const text = `${words.join(' ')}.\n`;
    const annotations: Annotation[] = [];
    const slot = Math.floor(text.length / perCoder);
    for (let p = 0; p < perCoder; p++) {
      const start0 = p * slot + rnd(slot / 2);
      const end0 = Math.min(text.length, start0 + 10 + rnd(slot / 2));
      const tag0 = tags[rnd(tags.length)];
      for (const c of names) {
        // 20 per coder: at a missed place the coder annotates elsewhere in the slot
        const missed = rnd(10) === 0;
        const start = missed ? p * slot : Math.max(0, start0 + (rnd(4) === 0 ? rnd(7) - 3 : 0));
        const end = missed ? p * slot + 5 : Math.min(text.length, end0 + (rnd(4) === 0 ? rnd(7) - 3 : 0));
        const tag = rnd(8) === 0 ? tags[rnd(tags.length)] : tag0;
        annotations.push({
          id: `a-${s}-${p}-${c}`,
          target: { exact: text.slice(start, end), prefix: '', suffix: '', start, end },
          note: '',
          tags: [tag],
          author: c,
          created: '2026-11-30T10:00:00.000Z',
          modified: '2026-11-30T10:00:00.000Z',
        });
      }
    }
    out.push({ path: `s/${String(s).padStart(5, '0')}.txt`, text, annotations });
  }
  return out;
}

function median(fn: () => number): { ms: number; size: number } {
  let size = 0;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    size = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[1], size };
}

function mean(xs: readonly number[]): number {
  const f = xs.filter((x) => Number.isFinite(x));
  return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
}
