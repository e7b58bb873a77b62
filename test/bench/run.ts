import * as fs from 'fs';
import * as path from 'path';

/**
 * `npm run bench`: loads every test/bench/*.bench.js (compiled) and runs its exported
 * `bench()` in turn. Each bench prints its own figures and ratios against a baseline measured
 * in the same run; nothing here asserts a time. Pass names to run only some: npm run bench -- store
 */
interface BenchModule {
  bench(): Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const f of files) {
    console.log(`\n=== ${f.replace(/\.bench\.js$/, '')} ===`);
    const mod = (await import(path.join(__dirname, f))) as BenchModule;
    await mod.bench();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
