import * as cp from 'child_process';
import * as os from 'os';
import * as vscode from 'vscode';

/**
 * The author recorded on new annotations: the setting, else git's user.name (read once, in the
 * background), else the OS user name.
 */
export class AuthorResolver {
  private gitName: string | undefined;

  constructor(private readonly setting: () => string) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const cwd = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    try {
      cp.execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (err, stdout) => {
        if (!err && stdout.trim()) this.gitName = stdout.trim();
      });
    } catch {
      // no git: fall back below
    }
  }

  get(): string {
    const s = this.setting();
    if (s) return s;
    if (this.gitName) return this.gitName;
    try {
      return os.userInfo().username;
    } catch {
      return 'unknown';
    }
  }
}
