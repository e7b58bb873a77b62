/**
 * Putting text into Markdown that the editor renders (hovers, tooltips). User content (notes,
 * tags, names, source text) is rendered in MarkdownStrings that are not trusted, so command
 * links in it never run; these helpers make sure it also cannot form new syntax where it is
 * meant as plain text, and cannot load a remote resource where it is the user's own Markdown.
 */

/** Plain text as Markdown: every ASCII punctuation character escaped (CommonMark allows it), line breaks as spaces. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Text as a Markdown code span: literal (no backslashes shown), whatever backticks it holds. */
export function codeSpan(s: string): string {
  const text = s.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * The user's own Markdown (a note), rendered as written but never loading anything: images
 * (inline, reference or shortcut: every `![`) become their text, and raw HTML, which the
 * untrusted renderer does not run, is shown as text. A zero-width space between `!` and `[`
 * breaks the image syntax everywhere, code spans included, without changing what a reader sees.
 */
export function inertMarkdown(note: string): string {
  return note.replace(/!(\s*)\[/g, '!\u200b$1[').replace(/</g, '&lt;');
}
