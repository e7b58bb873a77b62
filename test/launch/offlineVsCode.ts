import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Installs, on first use, what the offline launcher needs into the git-ignored cache
 * .vscode-test/ and reuses it afterwards:
 *  - Node 24 from the npm package `node` (code-server 4.139 requires Node 24);
 *  - the npm package `code-server`, whose lib/vscode is the real VS Code server and web workbench.
 * The Debian packages (chromium, libkrb5-dev for code-server's native build) come from .ci/run.
 */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_SPEC = 'node@24';

export interface OfflineVsCode {
  readonly node: string;
  readonly serverMain: string;
  readonly vscodeVersion: string;
}

export function cacheDir(repoRoot: string): string {
  return path.join(repoRoot, '.vscode-test');
}

export function ensureOfflineVsCode(repoRoot: string, log: (line: string) => void): OfflineVsCode {
  const cache = cacheDir(repoRoot);
  const nodeDir = path.join(cache, 'node24');
  const node = path.join(nodeDir, 'node_modules', 'node', 'bin', 'node');
  const serverDir = path.join(cache, 'code-server');
  const vscodeDir = path.join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode');
  const serverMain = path.join(vscodeDir, 'out', 'server-main.js');
  const marker = path.join(serverDir, `.installed-${CODE_SERVER_VERSION}`);

  if (!fs.existsSync(node)) {
    log(`installing Node 24 (npm package ${NODE24_SPEC}) into ${path.relative(repoRoot, nodeDir)}/`);
    fs.mkdirSync(nodeDir, { recursive: true });
    npm(['install', '--prefix', nodeDir, '--no-audit', '--no-fund', '--no-save', NODE24_SPEC], repoRoot, process.env);
    if (!fs.existsSync(node)) throw new Error(`Node 24 did not install: ${node} is missing`);
  }

  if (!fs.existsSync(marker) || !fs.existsSync(serverMain)) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, serverDir)}/ (builds native modules; about 2-3 minutes)`);
    fs.mkdirSync(serverDir, { recursive: true });
    // npm 11 refuses --allow-scripts in project-scoped installs: allow code-server's postinstall here.
    fs.writeFileSync(
      path.join(serverDir, 'package.json'),
      JSON.stringify({ name: 'offline-vscode-host', private: true, allowScripts: { 'code-server': true } }, null, 2),
    );
    // Run npm itself on Node 24, in an environment without the outer npm's variables (under
    // `npm test` they point its scripts back at Node 20, and code-server's postinstall refuses it).
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD') env[k] = v;
    env.PATH = `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`;
    npm(['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], serverDir, env, node);
    if (!fs.existsSync(serverMain)) throw new Error(`code-server did not install: ${serverMain} is missing`);
    fs.writeFileSync(marker, new Date().toISOString());
  }

  const pkg = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'package.json'), 'utf8')) as { version: string };
  return { node, serverMain, vscodeVersion: pkg.version };
}

/** Run npm, on a given Node when `withNode` is set (npm's own CLI script, found from PATH). */
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv, withNode?: string): void {
  const r = withNode
    ? cp.spawnSync(withNode, [npmCli(), ...args], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] })
    : cp.spawnSync('npm', args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed with exit code ${String(r.status)}`);
}

function npmCli(): string {
  const fromEnv = process.env.npm_execpath;
  if (fromEnv && fs.existsSync(fromEnv) && fromEnv.endsWith('.js')) return fromEnv;
  const which = cp.spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) throw new Error('npm is not on PATH');
  return fs.realpathSync(bin);
}

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}
