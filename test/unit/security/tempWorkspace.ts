import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';

/** A real folder in the OS temp dir: `ws/` (the workspace) and `outside/` beside it. */
export class TempWorkspace {
  readonly dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sa-sec-')));
  readonly ws = path.join(this.dir, 'ws');
  readonly outside = path.join(this.dir, 'outside');

  constructor() {
    fs.mkdirSync(this.ws);
    fs.mkdirSync(this.outside);
  }

  /** Write a file (parents created) under the temp dir. */
  write(rel: string, text: string | Uint8Array): string {
    const p = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  }

  read(rel: string): string | undefined {
    const p = path.join(this.dir, rel);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
  }

  /** Every file below `outside/` with its content, to show nothing there changed. */
  snapshot(rel = 'outside'): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) out[path.relative(this.dir, p)] = fs.readFileSync(p, 'latin1');
      }
    };
    walk(path.join(this.dir, rel));
    return out;
  }

  /** Run the CLI in-process on the real file system, in `ws/` unless told otherwise. */
  async run(argv: string[], cwd = this.ws): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(argv, { fs: new NodeFileSystem(), cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
