import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { TempWorkspace } from './tempWorkspace';

const SIDECAR = [
  'version: 1',
  'annotations:',
  '  - id: a-0000000001',
  '    target: { exact: "text", start: 5, end: 9 }',
  '    author: A',
  '    created: 2026-01-01T00:00:00.000Z',
  '    modified: 2026-01-01T00:00:00.000Z',
  '',
].join('\n');

/** Reading one path fails as an unreadable file does (root reads through chmod 000, so it is faked). */
class UnreadableFileSystem extends MemoryFileSystem {
  constructor(
    files: Record<string, string>,
    private readonly unreadable: string,
  ) {
    super(files);
  }
  override readFile(p: string): Promise<Uint8Array> {
    if (p === this.unreadable) return Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' }));
    return super.readFile(p);
  }
}

describe('security: files that are not regular files are reported, and the run goes on', function () {
  this.timeout(20_000);
  let t: TempWorkspace;
  beforeEach(() => {
    t = new TempWorkspace();
    t.write('ws/good.txt', 'Some text here.');
    t.write('ws/good.txt.annotations.yaml', SIDECAR);
  });
  afterEach(() => t.dispose());

  it('a FIFO named like a source, and one as the curation file: check and export report them and finish', async () => {
    execFileSync('mkfifo', [path.join(t.ws, 'pipe.txt'), path.join(t.ws, 'source-annotator.curation.yaml')]);
    t.write('ws/pipe.txt.annotations.yaml', SIDECAR);
    const c = await t.run(['check']);
    assert.strictEqual(c.code, 1, c.err);
    assert.match(c.out, /pipe\.txt\.annotations\.yaml:1:1: cannot read its source: pipe\.txt: not a regular file/);
    assert.match(c.out, /source-annotator\.curation\.yaml:1:1: the file is not a regular file/);
    const e = await t.run(['export', '--format', 'md']);
    assert.strictEqual(e.code, 0, e.err);
    assert.match(e.err, /pipe\.txt: not a regular file/);
    assert.match(e.out, /Some text here|text/);
  });

  it('a folder named like the curation file is reported by name, not as a bare EISDIR', async () => {
    fs.mkdirSync(path.join(t.ws, 'source-annotator.curation.yaml'));
    const c = await t.run(['check']);
    assert.strictEqual(c.code, 1);
    assert.match(c.out, /source-annotator\.curation\.yaml:1:1: the file is not a regular file \(a folder\)/);
    assert.ok(!/EISDIR/.test(c.out + c.err));
  });

  it('a source over 2 GiB is refused by its size before it is read', async () => {
    const big = path.join(t.ws, 'big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 2 ** 31 + 10); // sparse: no disk space used
    t.write('ws/big.txt.annotations.yaml', SIDECAR);
    const c = await t.run(['check']);
    assert.strictEqual(c.code, 1, c.err);
    assert.match(c.out, /big\.txt\.annotations\.yaml:1:1: cannot read its source: big\.txt: file is too large \(2147483658 bytes; the limit is 67108864\)/);
    assert.ok(!/internal error/.test(c.err));
    const a = await t.run(['analyze', 'big.txt']);
    assert.strictEqual(a.code, 1);
    assert.match(a.err, /big\.txt: file is too large/);
  });

  it('one unreadable sidecar is reported, the others are checked and exported', async () => {
    const files = { '/ws/a.txt': 'Some text here.', '/ws/a.txt.annotations.yaml': SIDECAR, '/ws/b.txt': 'Some text here.', '/ws/b.txt.annotations.yaml': SIDECAR };
    const mem = new UnreadableFileSystem(files, '/ws/a.txt.annotations.yaml');
    let out = '';
    let err = '';
    const io = { fs: mem, cwd: '/ws', stdout: (s: string) => (out += s), stderr: (s: string) => (err += s) };
    assert.strictEqual(await main(['check'], io), 1, err);
    assert.match(out, /^a\.txt\.annotations\.yaml:1:1: cannot read the file: EACCES/m);
    assert.match(err, /checked 2 sidecar/);
    out = '';
    err = '';
    assert.strictEqual(await main(['export', '--format', 'csv'], io), 0, err);
    assert.match(err, /a\.txt\.annotations\.yaml:1:1: cannot read the file/);
    assert.match(out, /b\.txt/);
  });
});
