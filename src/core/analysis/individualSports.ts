/**
 * News of a sport played by individuals (tennis, golf, boxing, athletics ...): its names are players,
 * not clubs. The typer, trained on team sports' tables and match reports, may read a player named
 * like a place ("Wimbledon finalist Tarek Lisbon", "said Lisbon") as a place or a team; there a
 * name the rules typed a person stays a person.
 */

/** Sports played by individuals, named in a wire slug or the first lines ("TENNIS - ..."). */
const INDIVIDUAL_SPORT = /\b(?:tennis|golf|boxing|squash|badminton|athletics|skiing|snooker|chess)\b/i;

/** Sports news names its sport in its headline or first lines; only those are searched. */
const HEAD_CHARS = 300;

/** Whether the text names a sport played by individuals near its start. */
export function namesAnIndividualSport(text: string): boolean {
  return INDIVIDUAL_SPORT.test(text.slice(0, HEAD_CHARS));
}
