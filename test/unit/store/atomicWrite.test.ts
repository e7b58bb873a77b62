import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationStore } from '../../../src/core/store/store';
import { parseSidecar } from '../../../src/core/store/sidecar';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';

/** A valid sidecar of about `n` annotations whose notes all read `word`. */
function sidecar(n: number, word: string): string {
  const lines = ['version: 1', 'annotations:'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - id: a-${i.toString(16).padStart(10, '0')}`,
      `    target: { exact: "q", prefix: "", suffix: "", start: ${i}, end: ${i + 1} }`,
      `    note: "${word} ${'x'.repeat(200)}"`,
      '    author: A',
      '    created: 2026-01-01T00:00:00Z',
      '    modified: 2026-01-01T00:00:00Z',
    );
  }
  return lines.join('\n') + '\n';
}

describe('store: atomic writes survive a killed writer', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-atomic-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a process killed in the middle of writing leaves the old or the new file, valid', async () => {
    const target = path.join(dir, 'a.txt.annotations.yaml');
    const oldText = sidecar(1500, 'old');
    const newText = sidecar(1500, 'new');
    fs.writeFileSync(target, oldText);
    const fsModule = path.resolve(__dirname, '../../../src/node/nodeFileSystem.js');
    const script = path.join(dir, 'writer.js');
    fs.writeFileSync(
      script,
      `const { NodeFileSystem } = require(${JSON.stringify(fsModule)});
       const fs = new NodeFileSystem();
       const [target, a, b] = [process.argv[2], require('fs').readFileSync(process.argv[3]), require('fs').readFileSync(process.argv[4])];
       (async () => { process.stdout.write('ready\\n'); for (let i = 0; ; i++) await fs.writeFile(target, i % 2 ? a : b); })();`,
    );
    fs.writeFileSync(path.join(dir, 'old.bin'), oldText);
    fs.writeFileSync(path.join(dir, 'new.bin'), newText);
    const seen = new Set<string>();
    for (const delay of [5, 25, 50, 75]) {
      const child = spawn(process.execPath, [script, target, path.join(dir, 'old.bin'), path.join(dir, 'new.bin')], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('error', reject);
      });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = fs.readFileSync(target, 'utf8');
      assert.ok(now === oldText || now === newText, `after a kill at ${delay} ms the file is neither the old nor the new one (${now.length} chars)`);
      assert.ok(parseSidecar(now).ok);
      seen.add(now === oldText ? 'old' : 'new');
    }
    // Leftover temporary files (the kill can leave one) are never taken for sidecars.
    const store = new AnnotationStore(new NodeFileSystem(), dir.split(path.sep).join('/'), { author: 'A' });
    assert.deepStrictEqual((await store.findSidecars()).map((p) => path.basename(p)), ['a.txt.annotations.yaml']);
    assert.ok(seen.size >= 1);
  });
});
