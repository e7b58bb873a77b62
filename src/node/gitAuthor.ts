import * as os from 'os';

/**
 * How to ask git for `user.name` without starting a program from the repository: on Windows a
 * program is looked up in the working directory before PATH, so a `git.exe` committed to a
 * stranger's repository would run. git therefore always starts in the home folder, and reads the
 * repository's configuration through `-C` when `folder` is given (else only the global identity).
 * Used by the CLI's `annotate` and by the editor's author resolver.
 */
export function gitUserNameCommand(folder: string | undefined): { readonly args: string[]; readonly cwd: string } {
  const args = folder === undefined ? ['config', '--global', 'user.name'] : ['-C', folder, 'config', 'user.name'];
  return { args, cwd: os.homedir() };
}
