/**
 * Clubs in results tables. Sports news prints results and standings one to a line: "Hartwell 2
 * Denby Rovers 1" (a club, its score, a club, its score), "Hartwell 4 3 1 0 9 3 10" (a club, then
 * played, won, drawn, lost, goals for and against, points), "Postponed: Kelso (B) v Varna" (a
 * fixture). A name that fills a club's place in such a line is a club (an organisation),
 * whatever the rules and the typer made of the word alone (an English word such as "Harvest" or
 * "Blue Comet", a single word at a line's start that no sentence confirms). A text is such a table
 * only when three lines or more are results or standings (a fixture line alone counts for nothing),
 * or one line is a result between clubs of two countries.
 */

/** A club: one to four capitalised words, with the letters of its town in brackets ("Velmar (K)"). */
const CLUB = String.raw`\p{Lu}[\p{L}\p{M}'.&-]{0,24}(?: \p{Lu}[\p{L}\p{M}'.&-]{0,24}){0,3}(?: \([A-Z]{1,3}\))?`;
/** A remark in brackets at a line's end: "(halftime 1-0)", "(to be played on Sunday)". */
const REMARK = String.raw`(?: \([^()\n]{0,60}\))?`;
/** A result: a club, its score, a club, its score. */
const RESULT = new RegExp(String.raw`^(${CLUB}) \d{1,3} (${CLUB}) \d{1,3}${REMARK}$`, 'u');
/**
 * A standing: a club, then six to nine whole numbers (a golfer's four rounds and total are five), or
 * games won (drawn) and lost, the winning percentage and the games behind ("Hartwell 64 2 43 .596 -",
 * "Kelso 59 49 .545 5 1/2").
 */
const STANDING = new RegExp(String.raw`^(${CLUB})(?:(?: \d{1,3}){6,9}| \d{1,3} \d{1,3}(?: \d{1,3})? \.\d{3}(?: -| \d{1,2}(?: 1/2)?| 1/2)?)$`, 'u');
/** A country in brackets after a club: "(Norland)", "(U.S.)". */
const COUNTRY = String.raw` \(\p{Lu}[\p{L}.]{0,20}(?: \p{Lu}[\p{L}.]{0,20}){0,2}\)`;
/** A remark at a line's end whose bracket may close on the next line ("(halftime" / "47-47)"). */
const OPEN_REMARK = String.raw`(?: \([^()\n]{0,60}\)?)?`;
/**
 * A result between clubs of two countries: "Harvest (Norland) 92 Blue Comet (Varnia) 81", "Harvest
 * (Norland) beat Blue Comet (Varnia) 92-90". Players' results name them with their countries too,
 * but with their sets or games ("beat ... 6-3 6-4", "15-12 15-10"), never one score each or one
 * score of two digits or more a side. One such line makes a text a results table.
 */
const INTERNATIONAL = new RegExp(String.raw`^(${CLUB})${COUNTRY} (?:\d{1,3} (${CLUB})${COUNTRY} \d{1,3}|beat (${CLUB})${COUNTRY} \d{2,3}-\d{2,3})${OPEN_REMARK}$`, 'u');
/**
 * A fixture: "Kelso v Varna", "Postponed: Hartwell v Denby Rovers, Kelso vs. Varna". Not around a
 * dash ("Kelso - Varna (to be played on Sunday)"): measured, it lowered the held-out figures.
 */
const FIXTURE = new RegExp(String.raw`^(${CLUB}) (?:v|vs\.?) (${CLUB})${REMARK}$`, 'u');
/** The label before fixtures: "Postponed: ", "Playing Sunday: ". */
const FIXTURE_LABEL = /^\p{Lu}[\p{L} ]{0,30}: /u;
/** The letters of a club's town after its name. */
const TOWN_LETTERS = /^ \([A-Z]{1,3}\)$/;
/** Lines longer than this are prose, no table. */
const MAX_LINE = 160;
/** Result or standing lines that make a text a results table. */
const MIN_TABLE_LINES = 3;
/** What follows a club's name in a table line: a number, its town's letters, "v", a remark in brackets. */
const AFTER_CLUB = /^(?: \([A-Z]{1,3}\))?(?: \d| vs?\.? | \(|,|$|\r?\n)/;

/** Whether a name at `start`..`end` may fill a club's place in a table line (cheap: the next few characters). */
export function mayBeClubInTable(text: string, start: number, end: number): boolean {
  // the cheapest test first: a space, a line break or a comma after the name, or the text's end
  const c = text.charCodeAt(end);
  if (c !== 32 && c !== 10 && c !== 13 && c !== 44 && end < text.length) return false;
  if (!AFTER_CLUB.test(text.slice(end, end + 8))) return false;
  // the name opens its line, or follows a score, "v" or "vs.", a label's colon or a comma
  return start === 0 || text.charCodeAt(start - 1) === 10 || /(?:\d|\bvs?\.?|:|,) $/.test(text.slice(Math.max(0, start - 4), start));
}

/** The club names of a table line (results, standings, fixtures), or none. */
function clubsOfLine(line: string): string[] {
  if (line.length > MAX_LINE) return [];
  let m = RESULT.exec(line) ?? STANDING.exec(line) ?? INTERNATIONAL.exec(line);
  if (m) return m.slice(1).filter((x) => x !== undefined);
  const label = FIXTURE_LABEL.exec(line);
  const out: string[] = [];
  for (const part of (label ? line.slice(label[0].length) : line).split(', ')) {
    m = FIXTURE.exec(part);
    if (!m) return [];
    out.push(m[1], m[2]);
  }
  return out;
}

/** Whether the text holds at least three result or standing lines. Linear in the text. */
export function isResultsTable(text: string): boolean {
  let lines = 0;
  for (let s = 0; s < text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    if (e - s <= MAX_LINE && e > s) {
      const line = text.slice(s, e);
      if (INTERNATIONAL.test(line)) return true;
      if ((RESULT.test(line) || STANDING.test(line)) && ++lines >= MIN_TABLE_LINES) return true;
    }
    s = text.indexOf('\n', e);
    if (s < 0) break;
    s++;
  }
  return false;
}

/**
 * Whether the name at `start`..`end` fills a club's place in its line (the club's name, or the
 * club's name without its town's letters), the line being a result, a standing or fixtures. Looks
 * at most MAX_LINE characters around the name, so that a long line costs nothing per name.
 */
export function fillsClubPlace(text: string, start: number, end: number): boolean {
  let ls = start;
  while (ls > 0 && text.charCodeAt(ls - 1) !== 10) if (start - --ls > MAX_LINE) return false;
  let le = end;
  while (le < text.length && text.charCodeAt(le) !== 10) if (++le - ls > MAX_LINE) return false;
  if (le > ls && text.charCodeAt(le - 1) === 13) le--;
  const name = text.slice(start, end);
  for (const club of clubsOfLine(text.slice(ls, le))) if (club === name || (club.startsWith(name) && TOWN_LETTERS.test(club.slice(name.length)))) return true;
  return false;
}
