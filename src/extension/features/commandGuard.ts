import * as vscode from 'vscode';

/**
 * Runs a command's work and turns a failure into one error message instead of an unhandled
 * rejection: the commands' shared guard. `what` prefixes the message ("export failed: ").
 */
export async function guarded<T>(f: () => Promise<T>, what = ''): Promise<T | undefined> {
  try {
    return await f();
  } catch (err) {
    void vscode.window.showErrorMessage(`Source Annotator: ${what}${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
