import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';

/**
 * A generic organisation word opening a sentence ("Police arrested the man."). The recogniser keeps
 * a lone sentence-initial word when the document writes it capitalised mid-sentence too; a word such
 * as "police" is capitalised mid-sentence inside a longer name ("the Dunmore Police Department")
 * without being a name alone. Acts after the typer.
 */

/**
 * Words that name one body of a country or a union when capitalised alone ("Parliament voted ...",
 * "Commission President ..."), whatever the document writes in lower case ("members of
 * parliament"): the rule leaves them.
 */
const SINGLE_BODIES = new Set(['parliament', 'commission', 'congress', 'senate', 'assembly', 'cabinet', 'bundestag', 'duma', 'knesset', 'politburo', 'vatican', 'kremlin', 'pentagon']);

/** Whether the name opens a sentence: only spaces, quotes or brackets between it and a sentence end, a line break or the text's start. */
function opensSentence(text: string, start: number): boolean {
  let k = start - 1;
  const stop = Math.max(-1, start - 6);
  while (k > stop) {
    const c = text[k];
    if (c === ' ' || c === '"' || c === '“' || c === '‘' || c === "'" || c === '(' || c === '[') {
      k--;
      continue;
    }
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === '\r' || c === ':';
  }
  return k < 0;
}

/**
 * Builds the check for one document's kept names: a one-word name opening a sentence that is an
 * organisation word ("Police", "Council"), which the document also writes in lower case ("the
 * police") and never names alone mid-sentence, is no name. The document's lower-case words and its
 * names are read once, when the first such name is met.
 */
export function sentenceStartOrgWord(text: string, kept: readonly RawMention[], gaz: Gazetteer): (m: RawMention) => boolean {
  let lower: Set<string> | null = null;
  let alone: Set<string> | null = null;
  return (m: RawMention): boolean => {
    if (m.kind !== 'name' || m.text.includes(' ')) return false;
    const lw = m.text.toLowerCase();
    if (m.text === lw || m.text === m.text.toUpperCase() || !gaz.orgWords.has(lw) || gaz.orgs.has(lw) || SINGLE_BODIES.has(lw)) return false;
    if (!opensSentence(text, m.start)) return false;
    if (lower === null) {
      lower = new Set<string>();
      for (const w of text.match(/(?<![\p{L}\p{N}])\p{Ll}{3,}(?![\p{L}\p{N}])/gu) ?? []) lower.add(w);
      alone = new Set<string>();
      for (const k of kept) if (k.kind === 'name' && !k.text.includes(' ') && !opensSentence(text, k.start)) alone.add(k.text);
    }
    return lower.has(lw) && !alone!.has(m.text);
  };
}
