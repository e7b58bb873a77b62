/**
 * A source's opening words, for the Sources view when it has no title: its first non-empty line
 * (a Markdown heading's marks removed) without the dateline news agencies put first ("date
 * 2017-01-28", "(CNN)", "WASHINGTON (Reuters) -"), so that the label starts with the story.
 * The dateline is kept when nothing else is on the line.
 */
export function openingLine(text: string): string {
  let i = 0;
  while (i < text.length && /\s/.test(text[i])) i++;
  const nl = text.indexOf('\n', i);
  const line = text
    .slice(i, nl < 0 ? Math.min(text.length, i + 400) : Math.min(nl, i + 400))
    .replace(/^#+\s*/, '')
    .trim();
  const story = line.replace(DATELINE, '').trim();
  return story || line;
}

/**
 * "date 2017-01-28 ", "(CNN) ", "(CNN) -- ", "WASHINGTON (Reuters) - ", "LONDON, Jan 5 (AP) — ",
 * in any combination at the start. Bounded repetitions: linear on any line.
 */
const DATELINE =
  /^(?:(?:date:?\s+\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2})\s*)?(?:[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Za-z0-9 .]{1,20})?\s+)?(?:\((?:[A-Z][A-Za-z.&]{1,20})(?: [A-Z][A-Za-z.&]{1,20}){0,2}\)\s*)(?:(?:--|[-–—])\s*)?/;
