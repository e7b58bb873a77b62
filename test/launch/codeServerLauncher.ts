import * as cp from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureOfflineVsCode, findChromium } from './offlineVsCode';
import {
  ENV_PROGRESS_FILE,
  ENV_RESULT_FILE,
  ENV_SCREENSHOT_DIR,
  ENV_TEST_GREP,
  ENV_TEST_INVERT,
  SCREENSHOT_REQUEST_SUFFIX,
  KEYS_REQUEST_SUFFIX,
  type ReadElement,
  type KeyAction,
  type SuiteResult,
} from './protocol';

export interface ServerOptions {
  readonly repoRoot: string;
  readonly extensionPath: string;
  readonly workspace: string;
  readonly log: (line: string) => void;
  /** Extra environment for the server and so for the extension host. */
  readonly env?: NodeJS.ProcessEnv;
  /** Open the workspace untrusted (Restricted Mode) instead of disabling workspace trust. */
  readonly untrusted?: boolean;
  readonly port?: number;
}

export interface RunningServer {
  readonly port: number;
  readonly vscodeVersion: string;
  url(payload?: Array<[string, string]>): string;
  remote(p: string): string;
  stop(): Promise<void>;
}

/** Starts the real VS Code server (code-server's lib/vscode) on loopback. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = ensureOfflineVsCode(opts.repoRoot, opts.log);
  const port = opts.port ?? (await freePort());
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-vscode-'));
  const serverData = path.join(base, 'server-data');
  const machineSettings = path.join(serverData, 'data', 'Machine');
  fs.mkdirSync(machineSettings, { recursive: true });
  fs.writeFileSync(
    path.join(machineSettings, 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': !!opts.untrusted,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.untrustedFiles': 'open',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'chat.disableAIFeatures': true,
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'window.commandCenter': false,
      'editor.wordWrap': 'on',
      'editor.minimap.enabled': false,
    }),
  );
  // User settings of the web workbench live on the server too: same defaults there.
  const userSettings = path.join(base, 'user-data', 'User');
  fs.mkdirSync(userSettings, { recursive: true });
  fs.copyFileSync(path.join(machineSettings, 'settings.json'), path.join(userSettings, 'settings.json'));
  const args = [
    host.serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    ...(opts.untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-telemetry',
    '--user-data-dir', path.join(base, 'user-data'),
    '--server-data-dir', serverData,
    '--extensions-dir', path.join(base, 'extensions'),
  ];
  const serverLog = path.join(base, 'server.log');
  const out = fs.openSync(serverLog, 'a');
  const child = cp.spawn(host.node, args, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(base, { recursive: true, force: true });
  };

  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 60_000, () => child.exitCode !== null);
  } catch (err) {
    const tail = fs.existsSync(serverLog) ? fs.readFileSync(serverLog, 'utf8').slice(-3000) : '';
    await stop();
    throw new Error(`the VS Code server did not start: ${(err as Error).message}\n${tail}`);
  }
  opts.log(`VS Code server ${host.vscodeVersion} on http://127.0.0.1:${port}/`);

  const authority = `127.0.0.1:${port}`;
  const remote = (p: string): string => `vscode-remote://${authority}${p}`;
  return {
    port,
    vscodeVersion: host.vscodeVersion,
    remote,
    url(payload?: Array<[string, string]>): string {
      let u = `http://${authority}/?folder=${encodeURIComponent(opts.workspace)}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    stop,
  };
}

export interface TestRunOptions {
  readonly repoRoot: string;
  readonly extensionPath: string;
  readonly testsPath: string;
  readonly workspace: string;
  readonly screenshotDir: string;
  readonly timeoutMs: number;
  readonly grep?: string;
  readonly invertGrep?: boolean;
  readonly untrusted?: boolean;
  readonly log: (line: string) => void;
}

/** Runs the integration suite inside the real VS Code server, in headless Chromium. */
export async function runTestsInCodeServer(opts: TestRunOptions): Promise<SuiteResult> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: install the Debian package chromium (or set CHROMIUM_PATH)');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-run-'));
  const resultFile = path.join(work, 'result.json');
  const progressFile = path.join(work, 'progress.log');
  const requestDir = path.join(work, 'screenshots');
  fs.mkdirSync(requestDir);
  fs.mkdirSync(opts.screenshotDir, { recursive: true });

  const server = await startServer({
    repoRoot: opts.repoRoot,
    extensionPath: opts.extensionPath,
    workspace: opts.workspace,
    log: opts.log,
    untrusted: opts.untrusted,
    env: {
      [ENV_TEST_INVERT]: opts.invertGrep ? '1' : '0',
      [ENV_RESULT_FILE]: resultFile,
      [ENV_PROGRESS_FILE]: progressFile,
      [ENV_SCREENSHOT_DIR]: requestDir,
      ...(opts.grep ? { [ENV_TEST_GREP]: opts.grep } : {}),
    },
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = server.url([
      ['extensionDevelopmentPath', server.remote(opts.extensionPath)],
      ['extensionTestsPath', server.remote(opts.testsPath)],
    ]);
    await page.goto(url);
    return await waitForResult(page, resultFile, progressFile, requestDir, opts);
  } finally {
    if (browser) await browser.close();
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What a `read` action uses of a DOM element (this file is compiled without the DOM types). */
interface DomElement {
  getClientRects(): { readonly length: number };
  readonly innerText?: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  readonly tagName: string;
}

async function waitForResult(
  page: Page,
  resultFile: string,
  progressFile: string,
  requestDir: string,
  opts: TestRunOptions,
): Promise<SuiteResult> {
  const deadline = Date.now() + opts.timeoutMs;
  let printed = 0;
  const flushProgress = (): void => {
    if (!fs.existsSync(progressFile)) return;
    const text = fs.readFileSync(progressFile, 'utf8');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    if (complete.length > printed) {
      for (const line of complete.slice(printed).split('\n')) if (line) opts.log(line);
      printed = complete.length;
    }
  };
  while (Date.now() < deadline) {
    flushProgress();
    for (const f of fs.readdirSync(requestDir).sort()) {
      if (f.endsWith(SCREENSHOT_REQUEST_SUFFIX)) {
        const name = f.slice(0, -SCREENSHOT_REQUEST_SUFFIX.length);
        const target = path.join(opts.screenshotDir, `${name}.png`);
        await page.screenshot({ path: target });
        fs.renameSync(path.join(requestDir, f), path.join(requestDir, `${name}.done`));
      } else if (f.endsWith(KEYS_REQUEST_SUFFIX)) {
        const name = f.slice(0, -KEYS_REQUEST_SUFFIX.length);
        const actions = JSON.parse(fs.readFileSync(path.join(requestDir, f), 'utf8')) as KeyAction[];
        const answer: { failure?: string; reads: ReadElement[][] } = { reads: [] };
        try {
          for (const a of actions) {
            if ('type' in a) await page.keyboard.type(a.type, { delay: 15 });
            else if ('press' in a) await page.keyboard.press(a.press);
            else if ('click' in a) await page.click(a.click, { timeout: 10_000 });
            else if ('read' in a) {
              answer.reads.push(
                await page.$$eval(a.read, (found) =>
                  (found as unknown as DomElement[])
                    .filter((el) => el.getClientRects().length > 0)
                    .map((el) => ({ text: el.innerText ?? el.textContent ?? '', href: el.getAttribute('data-href') ?? el.getAttribute('href'), tag: el.tagName.toLowerCase() })),
                ),
              );
            } else await page.waitForSelector(a.waitFor, { state: 'visible', timeout: 10_000 });
          }
        } catch (err) {
          answer.failure = err instanceof Error ? err.message : String(err);
        }
        // The answer carries the failure, if any, for typeKeys to throw, and what was read.
        fs.writeFileSync(path.join(requestDir, f), JSON.stringify(answer));
        fs.renameSync(path.join(requestDir, f), path.join(requestDir, `${name}.done`));
      }
    }
    if (fs.existsSync(resultFile)) {
      flushProgress();
      return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
    }
    await delay(150);
  }
  await page.screenshot({ path: path.join(opts.screenshotDir, 'timeout.png') }).catch(() => undefined);
  throw new Error(`the integration suite did not finish within ${Math.round(opts.timeoutMs / 1000)} s (screenshot: timeout.png)`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('the server process exited');
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(url, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => {
        req.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await delay(250);
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}
