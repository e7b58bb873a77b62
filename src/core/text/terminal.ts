/**
 * Text from a sidecar or a source printed to a terminal must not drive it: ESC sequences set the
 * window title, clear the screen or draw hyperlinks, CR overwrites a line, and bidirectional
 * overrides reorder what is shown. Every such character is shown as a visible escape instead
 * (`\x1b`, `\u202e`); line feeds and tabs stay.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function neutralizeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
