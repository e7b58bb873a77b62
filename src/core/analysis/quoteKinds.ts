import type { QuoteKind } from './types';
import type { QuoteSpan } from './quotes';

/**
 * Speech or term: is a quote someone's words, or other quoted text (a scare quote, the title
 * of a work, a nickname, a quoted term, a markup attribute)?
 *
 * Markup and data are terms: an attribute value (`id="…"`), a URL, a handle, no letters. A quote
 * with its cue after it ("…," she said) is speech. Otherwise a quote is a term when
 *  - words before it name a title or a term ("a book titled", "the so-called", "nicknamed",
 *    "the word"), or it is followed by "by" (a headline with its author);
 *  - it is in title case ("The Art of the Deal", "Comeback City");
 *  - it has no cue before it either (she said the plan was "…"), and is short (up to three
 *    words) and sits inside a sentence instead of being one.
 * Anything else (a sentence, a long partial quote) is speech: a passage's later quotes are often
 * unattributed, and are still someone's words.
 */

/** Words right before a quote that make it a title, name or term. Lower case. */
const TERM_BEFORE = new Set([
  'titled', 'entitled', 'headlined', 'dubbed', 'nicknamed', 'so-called', 'socalled', 'word', 'words', 'term', 'terms', 'phrase', 'slogan', 'hashtag', 'label',
  'labels', 'book', 'books', 'film', 'movie', 'show', 'series', 'song', 'album', 'column', 'op-ed', 'essay', 'article', 'headline', 'segment', 'program',
  'programme', 'podcast', 'documentary', 'play', 'musical', 'novel', 'memoir', 'poem', 'episode', 'exhibit', 'exhibition', 'initiative', 'motto',
  'marked', 'named', 'known', 'brand', 'branded', 'caption', 'category', 'option',
]);

/** Words right before a quote that make it words spoken, chanted or written, even short ones. Lower case. */
const SPEECH_BEFORE = new Set([
  'chanting', 'chanted', 'chant', 'chants', 'shouting', 'shouted', 'shouts', 'yelling', 'yelled', 'screaming', 'screamed', 'crying', 'cried', 'mouthing',
  'echoing', 'reading', 'read', 'reads', 'saying', 'said', 'says', 'replied', 'responded', 'answered', 'added', 'wrote', 'tweeted', 'declared', 'asked',
]);

/** Small words that title case leaves in lower case. */
const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'vs', 'via', 'into', 'over', 'up']);

const MAX_TERM_WORDS = 3;

/** Where the quote's cue was found: after it ("…," she said), before it (she said "…"), or nowhere. */
export type CuePlace = 'after' | 'before' | null;

export function quoteKind(text: string, q: QuoteSpan, cue: CuePlace): QuoteKind {
  if (isMarkupOrData(text, q)) return 'term';
  const inner = text.slice(q.start, q.end);
  const words = inner.split(/\s+/).filter((w) => w !== '');
  const before = wordBefore(text, q.openMark);
  // a short title, even with a cue after it: CBS's "Face the Nation," adding …
  if (words.length >= 2 && words.length <= 6 && titleCase(words)) return 'term';
  if (/so-?\s*called\s*$/i.test(text.slice(Math.max(0, q.openMark - 12), q.openMark))) return 'term';
  if (cue === 'after') return 'speech';
  if (speechVerbBefore(text, q.openMark)) return 'speech';
  if (TERM_BEFORE.has(before) || (before === 'as' && wordBefore(text, q.openMark - 3) === 'known')) return 'term';
  if (followedByBy(text, q.closeMark)) return 'term';
  if (words.length >= 2 && titleCase(words)) return 'term';
  if (cue === 'before') return 'speech';
  if (words.length <= MAX_TERM_WORDS && !isSentence(text, q, inner)) return 'term';
  return 'speech';
}

/** A verb of saying, chanting or writing among the three words before the quote, in its sentence ("chanted back at him, “…”", "chants of “…”"). */
function speechVerbBefore(text: string, openMark: number): boolean {
  const window = text.slice(Math.max(0, openMark - 40), openMark);
  const clause = window.slice(Math.max(window.lastIndexOf('.'), window.lastIndexOf('!'), window.lastIndexOf('?')) + 1);
  const words = clause.toLowerCase().split(/[^\p{L}-]+/u).filter((w) => w !== '');
  return words.slice(-3).some((w) => SPEECH_BEFORE.has(w));
}

/** An attribute value (`id="…"`), a URL, a handle or a number: no words at all. */
function isMarkupOrData(text: string, q: QuoteSpan): boolean {
  const prev = q.openMark > 0 ? text.charCodeAt(q.openMark - 1) : 32;
  if (prev === 61) return true; // =
  const inner = text.slice(q.start, q.end);
  if (!/\p{L}{2}/u.test(inner)) return true;
  return /^(https?:\/\/|www\.|@\w|#\w)\S*$/i.test(inner);
}

/** The lower-cased word that ends right before `pos` (spaces skipped), or ''. */
export function wordBefore(text: string, pos: number): string {
  let e = pos;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 0xa0)) e--;
  let s = e;
  while (s > 0 && s > e - 40 && /[\p{L}\p{N}'-]/u.test(text[s - 1])) s--;
  return text.slice(s, e).toLowerCase();
}

function followedByBy(text: string, closeMark: number): boolean {
  return /^[,]?\s+by\s+\p{Lu}/u.test(text.slice(closeMark + 1, closeMark + 40));
}

function titleCase(words: readonly string[]): boolean {
  let content = 0;
  let upper = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i].replace(/^[^\p{L}\p{N}]+/u, '');
    if (w === '') continue;
    if (i > 0 && MINOR.has(w.toLowerCase())) continue;
    content++;
    if (/^[\p{Lu}\p{N}]/u.test(w)) upper++;
  }
  // a title capitalises every content word; a sentence ("Yes We Can.") keeps its final punctuation
  return content >= 2 && upper === content && !/[.!?]$/.test(words[words.length - 1]);
}

/** The quote is a sentence of its own: it opens a sentence (or follows a colon) and ends with its own punctuation. */
function isSentence(text: string, q: QuoteSpan, inner: string): boolean {
  let p = q.openMark - 1;
  while (p >= 0 && /\s/.test(text[p])) p--;
  const opensSentence = p < 0 || '.!?:;—–-'.includes(text[p]) || text[p] === '\n' || /["”’]/.test(text[p]) || /\n\s*$/.test(text.slice(Math.max(0, q.openMark - 4), q.openMark));
  if (!opensSentence) return false;
  if (/[.!?…]$/.test(inner)) return true;
  // the sentence ends right after the closing mark
  return /^\s*[.!?]/.test(text.slice(q.closeMark + 1, q.closeMark + 3)) && /^\p{Lu}/u.test(inner);
}
