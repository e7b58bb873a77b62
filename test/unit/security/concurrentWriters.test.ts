import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseSidecar } from '../../../src/core/store/sidecar';
import { AnnotationStore } from '../../../src/core/store/store';
import { lockFile } from '../../../src/node/fileLock';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { TempWorkspace } from './tempWorkspace';

const CLI = path.resolve(__dirname, '../../../src/cli.js');

function annotate(cwd: string, occurrence: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'annotate', 'a.txt', '--exact', 'word', '--occurrence', String(occurrence), '--author', 'A'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

/** Stops in its next writeFile (after the store's last re-read, before the rename) until released. */
class PausingFileSystem extends NodeFileSystem {
  private gate: { entered: () => void; wait: Promise<void> } | undefined;

  pauseNextWrite(): { entered: Promise<void>; release: () => void } {
    let release!: () => void;
    let entered!: () => void;
    const wait = new Promise<void>((r) => (release = r));
    const enteredP = new Promise<void>((r) => (entered = r));
    this.gate = { entered, wait };
    return { entered: enteredP, release };
  }

  override async writeFile(p: string, data: Uint8Array): Promise<void> {
    const g = this.gate;
    this.gate = undefined;
    if (g) {
      g.entered();
      await g.wait;
    }
    return super.writeFile(p, data);
  }
}

describe('security: concurrent writers lose nothing they reported as saved', function () {
  this.timeout(120_000);
  let t: TempWorkspace;
  beforeEach(() => (t = new TempWorkspace()));
  afterEach(() => t.dispose());

  it('a writer that reads while another is between its last check and its rename waits for it (deterministic)', async () => {
    const text = 'one two three four';
    const src = t.write('ws/a.txt', text);
    const slow = new PausingFileSystem();
    const a = new AnnotationStore(slow, t.ws, { author: 'A' });
    const b = new AnnotationStore(new NodeFileSystem(), t.ws, { author: 'B' });
    await a.add(src, text, { start: 0, end: 3 }, 'first', []);
    const pause = slow.pauseNextWrite();
    const pa = a.add(src, text, { start: 4, end: 7 }, 'a', []);
    await pause.entered;
    // Without the lock, b read the file, wrote its annotation, and a's rename then dropped it.
    const pb = b.add(src, text, { start: 8, end: 13 }, 'b', []);
    const early = await Promise.race([pb.then(() => 'b finished'), new Promise((r) => setTimeout(() => r('b waits'), 300))]);
    pause.release();
    const [ida, idb] = [(await pa).id, (await pb).id];
    const parsed = parseSidecar(t.read('ws/a.txt.annotations.yaml')!);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.sidecar.annotations.map((x) => x.note), ['first', 'a', 'b']);
    assert.ok([ida, idb].every((id) => parsed.sidecar.annotations.some((x) => x.id === id)));
    assert.strictEqual(early, 'b waits');
  });

  it('12 annotate processes, 8 at a time, on one source with a 300-entry sidecar: every printed id is in the file', async () => {
    const words = Array.from({ length: 400 }, (_, i) => `word ${i}.`).join(' ');
    t.write('ws/a.txt', words);
    // A large existing sidecar makes each read-check-write take long enough to overlap.
    const lines = ['version: 1', 'annotations:'];
    for (let i = 0; i < 300; i++) {
      const start = words.indexOf(`word ${i}.`);
      lines.push(`  - id: a-${i.toString(16).padStart(10, '0')}`, `    target: { exact: "word", start: ${start}, end: ${start + 4} }`, '    author: B', '    created: 2026-01-01T00:00:00.000Z', '    modified: 2026-01-01T00:00:00.000Z');
    }
    t.write('ws/a.txt.annotations.yaml', lines.join('\n') + '\n');
    const saved: string[] = [];
    const failures: string[] = [];
    for (let wave = 0; wave < 2; wave++) {
      const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => annotate(t.ws, 301 + wave * 6 + i)));
      for (const r of runs) {
        if (r.code === 0) saved.push(r.out.trim());
        else failures.push(r.err);
      }
    }
    const parsed = parseSidecar(t.read('ws/a.txt.annotations.yaml')!);
    assert.ok(parsed.ok);
    const ids = new Set(parsed.sidecar.annotations.map((a) => a.id));
    const lost = saved.filter((id) => !ids.has(id));
    assert.deepStrictEqual(lost, [], `${lost.length} of ${saved.length} saved annotations are missing`);
    assert.strictEqual(saved.length, 12, `every writer waited for the lock and saved: ${failures.join(' | ')}`);
    assert.strictEqual(parsed.sidecar.annotations.length, 312);
    assert.deepStrictEqual(fs.readdirSync(t.ws).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp')), [], 'no lock or temporary file is left');
  });

  it('a lock left by a killed process is taken over; a live one makes the writer wait, then give up with a message', async () => {
    const target = t.write('ws/x.yaml', 'x');
    const lock = path.join(t.ws, '.x.yaml.lock');
    fs.writeFileSync(lock, '999999999\nsome-other-host\n');
    // from another host and a minute old: stale
    fs.utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const release = await lockFile(target, 1000);
    assert.notStrictEqual(fs.readFileSync(lock, 'utf8'), '999999999\nsome-other-host\n');
    await assert.rejects(lockFile(target, 200), /being written by another process/);
    await release();
    assert.ok(!fs.existsSync(lock));
    const again = await lockFile(target, 200);
    await again();
  });
});
