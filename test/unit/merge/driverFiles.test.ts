import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MergeDriverFiles } from '../../../src/node/mergeDriverFiles';
import { MAX_SIDECAR_BYTES } from '../../../src/core/store/sidecarFile';

/** The merge driver's first try reads and writes through one buffer (node/mergeDriverFiles.ts). */
describe('merge/driver files (one buffer, synchronous)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-driver-files-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = (name: string, bytes: string | Buffer): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  it('reads ASCII, UTF-8 (the BOM dropped) and a longer file after a shorter one through the same buffer', () => {
    const files = new MergeDriverFiles();
    assert.strictEqual(files.read(file('a', 'version: 1\n')), 'version: 1\n');
    assert.strictEqual(files.read(file('b', '\ufeffnote: caf\u00e9 \ud83d\ude00\r\n')), 'note: caf\u00e9 \ud83d\ude00\r\n');
    const long = 'x'.repeat(200_000);
    assert.strictEqual(files.read(file('c', long)), long);
    assert.strictEqual(files.read(file('d', 'short\n')), 'short\n');
  });

  it('declines what the full driver must judge: not UTF-8, NUL bytes, UTF-16, too large, a folder, a FIFO, a missing file', () => {
    const files = new MergeDriverFiles();
    assert.strictEqual(files.read(file('latin1', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))), undefined);
    assert.strictEqual(files.read(file('nul', 'a\u0000b\n')), undefined);
    assert.strictEqual(files.read(file('utf16', Buffer.from('\ufeffversion: 1\n', 'utf16le'))), undefined);
    const big = path.join(dir, 'big');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_SIDECAR_BYTES + 1);
    assert.strictEqual(files.read(big), undefined);
    assert.strictEqual(files.read(dir), undefined);
    assert.strictEqual(files.read(path.join(dir, 'missing')), undefined);
    if (process.platform !== 'win32') {
      const fifo = path.join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      assert.strictEqual(files.read(fifo), undefined);
    }
  });

  it('writes the pieces in order over the file, through a symbolic link, keeping its mode and leaving no temporary file', () => {
    const files = new MergeDriverFiles();
    const target = file('ours.yaml', 'old\n');
    fs.chmodSync(target, 0o640);
    const link = path.join(dir, 'link.yaml');
    fs.symlinkSync(target, link);
    files.read(target);
    const pieces = ['version: 1\n', 'annotations:\n', '  - note: caf\u00e9 \ud83d\ude00\n', 'y'.repeat(100_000), '\n'];
    files.write(link, pieces);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), pieces.join(''));
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.strictEqual(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['link.yaml', 'ours.yaml']);
  });

  it('leaves what was there and no temporary file when the rename fails', () => {
    const files = new MergeDriverFiles();
    // A folder in the file's place: the temporary file is written, the rename over it fails.
    const target = path.join(dir, 'ours.yaml');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'kept\n');
    assert.throws(() => files.write(target, ['new\n']));
    assert.strictEqual(fs.readFileSync(path.join(target, 'inside'), 'utf8'), 'kept\n');
    assert.deepStrictEqual(fs.readdirSync(dir), ['ours.yaml']);
  });
});
