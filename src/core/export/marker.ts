/**
 * Text exports (the Markdown report) start with this line, so that a report saved among the
 * sources, where `**\/*.md` matches it, is never analysed as a source by the editor or the CLI.
 * An HTML comment: Markdown renderers (GitHub, VS Code's preview) show nothing of it.
 */
export const EXPORT_MARKER = '<!-- source-annotator:export (a report, not a source) -->';

/** The text is one of our exports (its first line is the marker, after an optional BOM). */
export function isExportText(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text.startsWith(EXPORT_MARKER, start);
}
