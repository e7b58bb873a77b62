/**
 * Which tags the tags quick pick has checked, reconciled with the workbench's selection events.
 *
 * VS Code names quick pick items by their index in the list the extension last set, and the
 * workbench echoes every list whose checks differ from its own back as a selection event, once it
 * shows it. An echo can arrive after a newer list was set (the user typed a tag and pressed Enter
 * before the workbench had drawn the previous list); it is then read against the newer list and
 * leaves out a tag just added at its end. So a check this pick changed itself stays as set until
 * an event agrees with it: the workbench's echoes arrive in order, and a person can click a row
 * only after the workbench shows it, so that agreeing echo always comes first.
 *
 * Pure: no `vscode` import, so the unit tests can replay event orders the workbench can produce.
 */
export class TagChecks {
  private readonly checked: Set<string>;
  private readonly unconfirmed = new Map<string, boolean>();

  constructor(initial: Iterable<string>) {
    this.checked = new Set(initial);
  }

  has(tag: string): boolean {
    return this.checked.has(tag);
  }

  /** The pick itself checks or unchecks a tag (Enter, Space). */
  set(tag: string, on: boolean): void {
    if (this.checked.has(tag) === on) return;
    if (on) this.checked.add(tag);
    else this.checked.delete(tag);
    this.unconfirmed.set(tag, on);
  }

  /** A selection event from the workbench: `rows` are the list's tags, `selected` those checked. */
  fromWorkbench(rows: readonly string[], selected: ReadonlySet<string>): void {
    for (const tag of rows) {
      const on = selected.has(tag);
      const expected = this.unconfirmed.get(tag);
      if (expected !== undefined) {
        if (expected !== on) continue; // an echo of an older list
        this.unconfirmed.delete(tag);
      }
      if (on) this.checked.add(tag);
      else this.checked.delete(tag);
    }
  }

  list(): string[] {
    return [...this.checked];
  }
}
