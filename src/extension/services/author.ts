import * as cp from 'child_process';
import * as os from 'os';
import * as vscode from 'vscode';
import { gitUserNameCommand } from '../../node/gitAuthor';

/**
 * The author recorded on new annotations: the setting, else git's user.name (read once, in the
 * background), else the OS user name.
 */
export class AuthorResolver {
  private gitName: string | undefined;

  constructor(private readonly setting: () => string) {
    // In a trusted workspace, the folder's own git identity. In Restricted Mode git never runs
    // in the workspace: its config could name the author, and on Windows a git.exe committed to
    // the folder would be found before the one on PATH. There, only the global identity is read.
    // git itself always starts in the home folder (see gitUserNameCommand).
    const folder = vscode.workspace.workspaceFolders?.[0];
    const trusted = vscode.workspace.isTrusted;
    const { args, cwd } = gitUserNameCommand(trusted && folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
    try {
      cp.execFile('git', args, { cwd, timeout: 3000 }, (err, stdout) => {
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
