/**
 * The small file protocol between a launcher and the Mocha suite inside the extension host.
 * The launcher passes the paths in environment variables; the suite writes its progress and
 * result there, and asks for screenshots, which only the launcher (driving the browser) can take.
 */
export const ENV_RESULT_FILE = 'SOURCE_ANNOTATOR_TEST_RESULT';
export const ENV_PROGRESS_FILE = 'SOURCE_ANNOTATOR_TEST_PROGRESS';
export const ENV_SCREENSHOT_DIR = 'SOURCE_ANNOTATOR_SCREENSHOT_DIR';
export const ENV_TEST_GREP = 'SOURCE_ANNOTATOR_TEST_GREP';
/** Set to '1' to run the tests that do NOT match the grep. */
export const ENV_TEST_INVERT = 'SOURCE_ANNOTATOR_TEST_INVERT';

/** Tests whose title contains this run only in the untrusted (Restricted Mode) pass. */
export const UNTRUSTED_SUITE = 'untrusted workspace';

export interface SuiteResult {
  readonly vscodeVersion: string;
  readonly passed: number;
  readonly failed: number;
  readonly failures: ReadonlyArray<{ readonly title: string; readonly error: string }>;
}

/** A screenshot request: the suite writes `<name>.request`, the launcher answers with `<name>.png`. */
export const SCREENSHOT_REQUEST_SUFFIX = '.request';

/**
 * A keyboard request: the suite writes `<name>.keys` (JSON KeyAction[]), the launcher types them
 * into the browser, as a person would, and answers with `<name>.done`.
 */
export const KEYS_REQUEST_SUFFIX = '.keys';

/**
 * Type text, press one key (Playwright key names), click what a selector finds, wait until it is
 * visible, or read what the visible elements it finds show (their text and link targets).
 */
export type KeyAction =
  | { readonly type: string }
  | { readonly press: string }
  | { readonly click: string }
  | { readonly waitFor: string }
  | { readonly read: string };

/** What a `read` action saw: one entry per element the selector found, in document order. */
export interface ReadElement {
  readonly text: string;
  /** A link's target (`data-href` as VS Code's Markdown renderer sets it, else `href`). */
  readonly href: string | null;
  readonly tag: string;
}

/** The launcher's answer to a keys request: the failure, if any, and one list per `read` action. */
export interface KeysAnswer {
  readonly failure?: string;
  readonly reads: ReadElement[][];
}
