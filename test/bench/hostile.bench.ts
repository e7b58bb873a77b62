import { analyzeDocument } from '../../src/core/analysis';
import { main } from '../../src/cli/main';
import { parseSidecar } from '../../src/core/store/sidecar';
import { MemoryFileSystem } from '../unit/fakes/memoryFileSystem';

/**
 * `npm run bench -- hostile`: inputs a stranger's repository can hold, each against a baseline
 * of ordinary input of the same size measured in the same run. Nothing is asserted.
 *
 * - one-line texts of quotes (`"ab cd" x ` repeated): time per MB at growing sizes, against the
 *   same text broken into lines; it stays flat when the analysis is linear;
 * - sidecars of 40,000 and 300,000 unknown top-level keys, and 40,000 keys in a nested map,
 *   against a valid sidecar of the same size;
 * - `import` of 300 replaced annotations into one sidecar (was 67 s: a delete and a restore, two
 *   writes, per annotation), against one parseSidecar of that sidecar.
 */
function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function validSidecar(bytes: number): string {
  const lines = ['version: 1', 'annotations:'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const entry = [
      `  - id: a-${i.toString(16).padStart(10, '0')}`,
      `    target: { exact: "Vladimir Putin said", prefix: "the Kremlin on Tuesday, where ", suffix: " that the talks would go on", start: ${i * 100}, end: ${i * 100 + 19} }`,
      '    note: "Check this against the transcript"',
      '    tags: [claim, to-verify]',
      '    author: Jane Doe',
      '    created: 2026-01-01T00:00:00.000Z',
      '    modified: 2026-01-01T00:00:00.000Z',
    ];
    lines.push(...entry);
    size += entry.join('\n').length + 1;
  }
  return lines.join('\n') + '\n';
}

function keys(n: number, indent: string): string {
  const parts = ['version: 1\nannotations: []\n', indent ? 'extra:\n' : ''];
  for (let i = 0; i < n; i++) parts.push(`${indent}k${i}: 1\n`);
  return parts.join('');
}

export async function bench(): Promise<void> {
  await Promise.resolve();
  console.log('one-line texts of quotes: ms per MB (lines: the same text with a line break every 10 quotes)');
  for (const mbs of [0.5, 1, 2, 4]) {
    const one = '"ab cd" x '.repeat(Math.round((mbs * 1e6) / 10));
    const lines = ('"ab cd" x '.repeat(9) + '"ab cd" x\n').repeat(Math.round((mbs * 1e6) / 100));
    const a = time(() => analyzeDocument(one));
    const b = time(() => analyzeDocument(lines));
    console.log(`  ${mbs} MB: one line ${(a.ms / mbs).toFixed(0)} ms/MB, with lines ${(b.ms / mbs).toFixed(0)} ms/MB (${a.value.quotes.length} quotes)`);
  }
  console.log('pathological sidecars: parseSidecar');
  for (const [name, text] of [
    ['40,000 top-level keys', keys(40_000, '')],
    ['300,000 top-level keys', keys(300_000, '')],
    ['40,000 keys in a nested map', keys(40_000, '  ')],
  ] as const) {
    const bad = time(() => parseSidecar(text));
    const good = time(() => parseSidecar(validSidecar(text.length)));
    const outcome = bad.value.ok ? 'parsed' : bad.value.issues[0].message;
    console.log(`  ${name} (${(text.length / 1e6).toFixed(2)} MB): ${bad.ms.toFixed(0)} ms (${outcome}); a valid sidecar of the same size: ${good.ms.toFixed(0)} ms`);
  }
  const n = 300;
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  const lines = ['version: 1', 'annotations:'];
  let at = 0;
  for (let i = 0; i < n; i++) {
    lines.push(`  - id: a-${i.toString(16).padStart(10, '0')}`, `    target: { exact: "${words[i]}", start: ${at}, end: ${at + words[i].length} }`, '    note: old note', '    author: A', '    created: 2026-01-01T00:00:00.000Z', '    modified: 2026-01-01T00:00:00.000Z');
    at += words[i].length + 1;
  }
  const sidecarText = lines.join('\n') + '\n';
  const fs = new MemoryFileSystem({ '/ws/a.txt': words.join(' ') + '\n', '/ws/a.txt.annotations.yaml': sidecarText });
  let out = '';
  const io = { fs, cwd: '/ws', stdout: (t: string) => (out += t), stderr: () => undefined };
  await main(['export', '--format', 'w3c'], io);
  fs.set('/ws/in.jsonld', out.replace(/old note/g, 'new note'));
  const t0 = process.hrtime.bigint();
  const code = await main(['import', '--format', 'w3c', 'in.jsonld'], io);
  const importMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const parse = time(() => parseSidecar(sidecarText));
  console.log(`import of ${n} replacements into one sidecar: ${importMs.toFixed(0)} ms (exit ${code}); one parseSidecar of that sidecar: ${parse.ms.toFixed(0)} ms`);
}
