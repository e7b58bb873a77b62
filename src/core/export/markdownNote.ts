/**
 * A note (the user's Markdown, possibly a stranger's) made safe to embed in the Markdown report
 * so that it renders as written and cannot break the page:
 * - raw HTML is neutralised: every `<` that could open a tag, a comment (`<!--` would hide the
 *   rest of the report), a processing instruction or a declaration is written `&lt;`, so
 *   `<script>` and `<img>` show as text; an autolink `<https://…>` becomes a bare URL;
 * - images never load: `![alt](https://…)` and `![alt][ref]` become links (`!` escaped);
 * - line breaks are kept: a line followed by another line of the same paragraph ends in two
 *   spaces (a hard break; ignored at the end of a block);
 * - a code fence left open is closed, so the rest of the report is not swallowed.
 * Inside fenced code nothing is changed (CommonMark shows it literally anyway).
 */
export function noteMarkdown(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return '';
  const out: string[] = [];
  let fence: { char: string; length: number } | undefined;
  lines.forEach((line, i) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      return;
    }
    if (f) {
      fence = { char: f[1][0], length: f[1].length };
      out.push(line);
      return;
    }
    let safe = outsideCodeSpans(line, (t) => neutraliseHtml(t).replace(/!(?=\[)/g, '\\!'));
    const next = lines[i + 1];
    const hardBreak = next !== undefined && next.trim() !== '' && safe.trim() !== '' && !/^ {0,3}(`{3,}|~{3,})/.test(next);
    if (hardBreak && !/ {2}$/.test(safe) && !/\\$/.test(safe)) safe += '  ';
    out.push(safe);
  });
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}

/**
 * Apply `f` to the parts of a line outside code spans (a run of n backticks up to the next run of
 * exactly n): inside one, CommonMark shows `<` and `![` literally, so they are left as written.
 */
function outsideCodeSpans(line: string, f: (text: string) => string): string {
  let out = '';
  let i = 0;
  const runs = /`+/g;
  let text = 0;
  for (let m = runs.exec(line); m !== null; m = runs.exec(line)) {
    if (m.index < i) continue;
    const close = new RegExp(`(?<!\`)\`{${m[0].length}}(?!\`)`, 'g');
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(line);
    if (!c) break;
    out += f(line.slice(text, m.index)) + line.slice(m.index, c.index + c[0].length);
    i = text = c.index + c[0].length;
    runs.lastIndex = i;
  }
  return out + f(line.slice(text));
}

/** `<` before a letter, `/`, `!` or `?` (HTML tags, comments, declarations, autolinks) becomes `&lt;`. */
function neutraliseHtml(line: string): string {
  return line.replace(/<(https?:\/\/[^\s<>]*)>/gi, '$1').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}
