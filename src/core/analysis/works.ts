import type { RawMention } from './entities';
import type { Gazetteer } from './gazetteer';
import { wordBefore } from './quoteKinds';

/**
 * Names of things that are no person, organisation or place: titles of works (films, series,
 * books, albums, games, paintings), vehicles and spacecraft, storms. Plain text has no italics, so
 * the evidence is the word for the kind of thing right before the name ("the romantic comedy
 * [Velvet Harbour]", "the TV series [Moonfall]", "the aircraft carrier [Odo Renner]", "the films
 * [Glass Orchard] and [Tin Hill]"). Such a name is CoNLL's MISC and none of GUM's types: it is left
 * out, and so are its other mentions in the document when the kind word names the whole of it
 * ("Moonfall" ... "Moonfall co-stars"), unless it reads like a person's full name or is a known
 * place or organisation. Each test reads a bounded window around the name.
 */

/** Lower-case words for a kind of work, vehicle or storm, which may stand right before its name. */
const KIND_WORDS = new Set([
  'film', 'films', 'movie', 'movies', 'telefilm', 'series', 'miniseries', 'sitcom', 'sitcoms', 'drama', 'dramas', 'comedy', 'comedies',
  'thriller', 'thrillers', 'documentary', 'documentaries', 'novel', 'novels', 'novella', 'memoir', 'memoirs', 'album', 'albums',
  'song', 'songs', 'opera', 'operas', 'musical', 'musicals', 'poem', 'poems', 'painting', 'paintings', 'videogame', 'sequel', 'prequel',
  'spacecraft', 'probe', 'rover', 'lander', 'orbiter', 'telescope', 'vessel', 'vessels', 'warship', 'warships', 'submarine', 'frigate',
  'destroyer', 'cruiser', 'tanker', 'freighter', 'liner', 'yacht', 'cyclone', 'hurricane', 'typhoon',
  // also verbs or words of other senses: a determiner or a possessive must stand before them
  'play', 'plays', 'show', 'shows', 'book', 'books', 'game', 'games', 'single', 'feature', 'ship', 'ships', 'carrier', 'carriers', 'storm',
]);

/** Kind words that are also verbs or words of other senses ("to play Arsenal", "book Velmar"). */
const AMBIGUOUS_KIND = new Set(['play', 'plays', 'show', 'shows', 'book', 'books', 'game', 'games', 'single', 'feature', 'ship', 'ships', 'carrier', 'carriers', 'storm']);

/** Plural kind words (and "series"), which may open a list of names: "the films [A] and [B]". */
const PLURAL_KIND = /(?:s|series|spacecraft)$/;

/** Kind words for vehicles and storms. */
const VEHICLES = new Set(['spacecraft', 'rover', 'lander', 'orbiter', 'telescope', 'vessel', 'vessels', 'warship', 'warships', 'submarine', 'frigate', 'destroyer', 'cruiser', 'tanker', 'freighter', 'liner', 'yacht', 'cyclone', 'hurricane', 'typhoon', 'ship', 'ships', 'carrier', 'carriers', 'storm']);

/** Words before an ambiguous kind word that make it a noun. */
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'whose', 'aircraft', 'film', 'movie', 'cargo', 'container', 'video', 'board', 'computer', 'card', 'tv', 'television', 'radio', 'stage', 'comedy', 'drama', 'hit', 'debut', 'first', 'second', 'third', 'new', 'latest', 'next', 'last', 'tropical']);

/** Words before a kind word that make it a verb ("to film Velmar", "they book Velmar"). */
const VERB_CONTEXT = new Set(['to', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'did', 'do', 'does', 'not', "n't", 'i', 'we', 'you', 'they', 'he', 'she', 'who', 'also', 'and', 'or']);

/**
 * What may follow a title: the end of a clause, a bracket (a year), a comma, or a preposition or a
 * conjunction; any other lower-case word may be a relative clause's verb ("the film [Lanner]
 * directed", where the name is the director).
 */
const AFTER_TITLE = /(?:$|[.,;:!?)(\]"”'’\u2013\u2014-]| (?:in|of|as|and|or|with|at|on|for|from|by|to|about|starring|opposite|alongside|which|that|\(|\d|\p{Lu})| (?:was|is|has|had)(?! (?:\p{Ll}+ing|\p{Ll}+ed|ever|never|just|already|not|also|still|lost|won|made|seen|seized|sold|shot|built|written|begun|taken|given)\b))/uy;

/**
 * The word before a name on the same line and the word before that (a year too: "his 2004 film"),
 * possibly with an opening quote and a title's first words between the kind word and the name
 * ("the thriller Flight of the [Phoenix]", 'the film "The [Lantern Road]"'): at most four
 * capitalised words or small words.
 */
const TWO_WORDS_BEFORE = /(?:^|[\s(])([\p{L}\p{N}'’.-]+) ([\p{Ll}]+) ["\u201c]?((?:\p{Lu}[\p{L}'’-]* (?:(?:\p{Lu}[\p{L}'’-]*|of|the|a|an|and|in|on|to) ){0,3})?)$/u;

/**
 * Between two names of one list: a comma, "and", "or", possibly after the first title's further
 * capitalised words and a year in brackets, and titles that are no names ("Glass Orchard (2004),
 * Stoker (2009), The [Tin Hill]"); read over at most 80 characters.
 */
const LIST_GAP = /^(?: (?:[\p{Lu}\d][\p{L}\d'’-]*|of|the|a|in|on|at|to))*(?: \(\d{4}(?:[-\u2013]\d{2,4})?\))?(?:,(?: and| or)? | and | or )(?:(?:The |A |An )?[\p{Lu}\d][\p{L}\d'’-]*(?: (?:[\p{Lu}\d][\p{L}\d'’-]*|of|the|a|in|on|at|to))*(?: \(\d{4}(?:[-\u2013]\d{2,4})?\))?(?:,(?: and| or)? | and | or ))*(?:The |A |An )?$/u;

/**
 * A list of works opened by a plural kind word and "include", "including" or "such as" ("his films
 * include [Glass Orchard] (2004), ...", "television films, including Tin Hill, [Dry Creek]"): the
 * name opens the list or follows a comma or "and" in the same sentence, within 120 characters.
 * "Film roles" and "television credits" open such a list only of names followed by a year in
 * brackets ("roles include [Velmar Road] (2009)"; a role may be a character: "roles include Henry
 * Okafor").
 */
const INCLUDING_BEFORE = /(?:^|[^\p{L}])(films|movies|series|dramas|comedies|thrillers|documentaries|novels|books|albums|songs|plays|shows|operas|musicals|poems|paintings|games|(?:film|television|TV|stage|screen) (?:roles|credits)),? (?:include|includes|included|including|such as) ([^.;:!?\n]{0,120})$/u;
const LIST_ITEM_END = /(?:^|, (?:and )?| and )(?:The |A |An )?["\u201c]?$/;

/**
 * The cheap test before the pattern: a kind word right before the name, or before at most four
 * capitalised or small words and a quote; stops at the first other lower-case word.
 */
function kindWordNear(text: string, start: number): boolean {
  let e = start;
  const c = text.charCodeAt(e - 1);
  if (c === 0x22 || c === 0x201c) e--;
  for (let n = 0; n < 6; n++) {
    if (text.charCodeAt(e - 1) !== 32) return false;
    let b = e - 1;
    while (b > 0 && b > e - 20 && text.charCodeAt(b - 1) !== 32 && text.charCodeAt(b - 1) !== 10) b--;
    let w = text.slice(b, e - 1);
    if (KIND_WORDS.has(w)) return true;
    const q = w.charCodeAt(0);
    if (q === 0x22 || q === 0x201c) w = w.slice(1);
    if (!(UPPER_START.test(w) || TITLE_SMALL.has(w))) return false;
    e = b;
  }
  return false;
}

const UPPER_START = /^\p{Lu}/u;

/** A sentence opened by a time in a match or a show, right before a name: "After the game [Velmar] ...", "On the play [Okafor] ...". */
const SENTENCE_TIME = /(?:^|[.!?"”]\s+|\n)(?:After|During|On|Before|Since|Throughout|At|In|Until|From|Early in|Late in|Later in) the (?:game|games|play|plays|show|shows|single) $/u;

/**
 * The kind word right before a name (or before a title's first words) where it is a noun, or null;
 * no other name may stand between it and the name (`prevEnd`: where the previous name ends).
 */
function kindBefore(text: string, start: number, prevEnd: number): string | null {
  if (!kindWordNear(text, start)) return null;
  const window = text.slice(Math.max(0, start - 60), start);
  const m = TWO_WORDS_BEFORE.exec(window);
  if (!m || start - m[3].length < prevEnd) return null;
  const kind = m[2];
  if (!KIND_WORDS.has(kind)) return null;
  const before = m[1].toLowerCase();
  if (AMBIGUOUS_KIND.has(kind)) {
    if (!(DETERMINERS.has(before) || before.endsWith("'s") || before.endsWith('’s') || /^\d{4}$/.test(before))) return null;
    // "carrier" alone is also an airline ("the carrier Velmar Air"): only "aircraft carrier"
    if (kind.startsWith('carrier') && before !== 'aircraft') return null;
    // a time in a match opening the sentence, then its subject: "After the game Brentford's coach said"
    if (SENTENCE_TIME.test(window)) return null;
  } else if (VERB_CONTEXT.has(before)) return null;
  return kind;
}

/**
 * A capitalised word for a storm or a vessel opening a name, or standing right before it: "Cyclone
 * [Tarvo]", "Hurricane Tarvo", "Spacecraft Ilvermoor", "HMS Ardent"; the rest of the name is the
 * storm's or the vessel's.
 */
const KIND_FIRST = /^(?:Cyclone|Hurricane|Typhoon|Tropical Storm|Spacecraft|HMS|HMAS|HMCS|HMNZS|HMC|USS|USNS|RMS) /;
const KIND_FIRST_WORDS = new Set(['cyclone', 'hurricane', 'typhoon', 'storm', 'spacecraft', 'hms', 'hmas', 'hmcs', 'hmnzs', 'hmc', 'uss', 'usns', 'rms']);
const KIND_FIRST_BEFORE = /(?:^|[^\p{L}])(?:Cyclone|Hurricane|Typhoon|Tropical Storm|Spacecraft|HMS|HMAS|HMCS|HMNZS|HMC|USS|USNS|RMS) $/u;

/**
 * A lower-case word for a spacecraft, a storm or a firearm after its name: "the [Ilvermoor]
 * spacecraft", "the Galileo and [Ulysses] spacecraft", "automatic [Dravek] rifles".
 */
const KIND_AFTER = / (?:spacecraft|rover|lander|orbiter|cyclone|hurricane|typhoon|rifle|rifles|pistol|pistols|revolver|revolvers|carbine|carbines)\b/y;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Small words a title in title case may write in lower case. */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'into', 'de', 'la', 'le', 'et', 'vs', 'vs.', 'as']);

/**
 * The title-cased text in double quotes around a name, on its line and at most 100 characters long
 * ("Regularity in [Velmar] Constructions", "Claim to Fame Contest", "Night of the Harrow"), or null:
 * every word capitalised but small ones, the first capitalised, and more than the name. A quoted
 * sentence is no title.
 */
function quotedTitle(text: string, m: RawMention): string | null {
  let a = m.start - 1;
  const lo = Math.max(0, m.start - 100);
  let c = 0;
  while (a >= lo && (c = text.charCodeAt(a)) !== 0x22 && c !== 0x201c && c !== 0x201d && c !== 10) a--;
  if (a < lo || (c !== 0x22 && c !== 0x201c)) return null;
  if (a > 0 && LETTER_OR_DIGIT.test(text[a - 1])) return null;
  let b = m.end;
  const hi = Math.min(text.length, a + 102);
  while (b < hi && (c = text.charCodeAt(b)) !== 0x22 && c !== 0x201d && c !== 0x201c && c !== 10) b++;
  if (b >= hi || (c !== 0x22 && c !== 0x201d)) return null;
  if (b + 1 < text.length && LETTER_OR_DIGIT.test(text[b + 1])) return null;
  const inner = text.slice(a + 1, b);
  const words = inner.split(/[\s:;,!?.()\u2013\u2014-]+/).filter((w) => w !== '');
  if (words.length === 0 || !/^[\p{Lu}\p{N}]/u.test(words[0])) return null;
  for (const w of words) if (!/^[\p{Lu}\p{N}]/u.test(w) && !TITLE_SMALL.has(w)) return null;
  // a name that fills the quote ("Velmar", "The Velmar Brothers") may be quoted as a name or a nickname
  if (inner.replace(/^(?:The|A|An) /, '').replace(/[,.!?]$/, '') === m.text) return null;
  return inner;
}

/**
 * A prize, a grant or a licence: its word ends the name or comes before "of", "for" or "in" ("Royal
 * Velmar Medal", "Dunmore Indemnity Scholarship", "Velmar Free Document License", "Lifetime Award
 * of the Velmar Society"), or a prize's winner ("a Velmar Prize-winner").
 */
const PRIZE = /(?:^| )(?:Medal|Medals|Fellowship|Scholarship|Scholarships|License|Licence|Award|Awards|Prize|Prizes|Trophy)(?:$| (?:of|for|in) )|(?:Prize|Award|Medal)-win/;

/**
 * A field of study after an academic post or degree: "Professor of [Velmar Studies]", "a Ph.D. in
 * [Linguistics]", "a degree in [Asian Languages]"; a place or an organisation the gazetteer knows
 * ("a degree in Paris"), or a name ending in an organisation's word ("professor of Velmar
 * University"), is left alone.
 */
const DISCIPLINE_BEFORE = /(?:^|[^\p{L}])(?:[Pp]rofessor|[Pp]rofessorship|[Ll]ecturer|Ph\.? ?D\.?|[Dd]octorate|[Dd]egree|[Dd]iploma|[Mm]ajor|[Mm]ajored|[Mm]ajoring|Bachelor|Doctor) (?:of|in) $/u;

/** A doctrine, a religion or a prejudice named by one word: "Velmarism", "Islamophobia". */
const DOCTRINE = /^\p{Lu}\p{Ll}{3,}(?:ism|isms|phobia)$/u;

/**
 * A work's kind in apposition after its name: "[Cry Harrow], another horror film, ...", "[Velmar
 * Road], a 2004 comedy by ...": the kind word is the phrase's head (punctuation, the end, or a
 * preposition or a participle after it; "Okafor, a film student" is a person).
 */
const APPOSITIVE_KIND = /, (?:a|an|another|the|his|her|their|its)(?: (?!of\b|in\b|for\b|from\b|about\b|the\b|a\b|an\b)[\p{Ll}\d-]+){0,3}? (?:film|movie|telefilm|series|miniseries|sitcom|drama|comedy|thriller|documentary|novel|novella|memoir|album|song|opera|musical|poem|painting|videogame|sequel|prequel)(?:[.,;:!?)]|$| (?:by|in|of|that|which|about|from|with|starring|directed|released|written|set|based)\b)/uy;

/**
 * An event or a period named by its last word: "the Velmar Rising", "the Cultural Revolution", "the
 * Dunmore Affair", "the Middle Ages"; not with "of" inside ("Daughters of the Revolution").
 */
const EVENT_LAST = / (?:Revolution|Rising|Uprising|Rebellion|Revolt|Crisis|Massacre|Affair|Scandal|Riots|Insurrection|Genocide|Famine|Ages)$/;

/** Movements and clubs named like a revolt ("Extinction Rebellion", "the New England Revolution") act and speak. */
const REVOLT_LAST = / (?:Revolution|Rebellion)$/;
const AGENT_AFTER = / (?:said|says|say|announced|announces|claimed|claims|called|calls|urged|urges|wants|plans|planned|protested|activists|protesters|supporters|members|spokesman|spokeswoman|spokesperson|co-founder|founder)\b/y;

/** A verb of a match or a signing after a name: a club ("the Velmar Revolution beat ..."), not an event. */
const CLUB_VERB = / (?:beat|beats|won|win|wins|lost|lose|loses|drew|draw|draws|defeated|edged|host|hosts|hosted|face|faces|faced|play|plays|played|signed|sign|signs|coach|fans|striker|midfielder|defender|goalkeeper)\b/y;

/** Whether a name is an item of a list of works opened by "films include", "including" ... (above). */
function includedInList(text: string, m: RawMention): boolean {
  const window = text.slice(Math.max(0, m.start - 180), m.start);
  if (!window.includes(' includ') && !window.includes(' such as ')) return false;
  const w = INCLUDING_BEFORE.exec(window);
  if (w === null || !LIST_ITEM_END.test(w[2])) return false;
  return !w[1].endsWith('roles') && !w[1].endsWith('credits') ? true : / \(\d{4}\)/.test(text.slice(m.end, m.end + 7));
}

/**
 * A code of capitals and digits ("L2", "U2", "B-52"): no person's name; typed a person once, none of
 * its mentions is a name (an organisation's may be: "M5S").
 */
const CODE = /^\p{Lu}{1,3}-?\d+\p{L}?$/u;

/**
 * A language named before the word for it or its speakers ("[Velmaric] languages are ...", "the
 * [Dunmo] dialects", "[Velmaric] speakers"): that mention only (its other mentions may name the
 * people or the place); a name typed an organisation or known to the gazetteer is left alone ("the
 * Velmar Institute language codes"). A name ending in "-speaking" ("Velmaric-speaking") is no name,
 * nor is the language alone in the document.
 */
const LANGUAGE_AFTER = / (?:language|languages|dialect|dialects|speakers)\b/y;
const SPEAKING = /^(\p{Lu}[\p{L}'’]+)-speaking$/u;

/** Whether a sticky pattern matches the text at `at` (no copy of the text). */
function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Whether a name reads like a person's full name: a known given name and another word. */
function personLike(m: RawMention, gaz: Gazetteer): boolean {
  const words = m.text.split(' ');
  return words.length >= 2 && gaz.firstNames.has(words[0].toLowerCase());
}

/** A name's last word, lower-cased ("Velmar Medal of Honor Society" -> "society"). */
function lastWord(name: string): string {
  return name.slice(name.lastIndexOf(' ') + 1).toLowerCase();
}

/** Whether the gazetteer knows the name as a place, a country or an organisation. */
function known(m: RawMention, gaz: Gazetteer): boolean {
  return gaz.knowsPlaceOrOrg(m.text.toLowerCase());
}

/**
 * The names (of `ms`, in text order) that name a work, a vehicle or a storm, and the other mentions
 * of those names in the document. Reads at most 60 characters before each name and a few after it.
 */
export function workMentions(text: string, ms: readonly RawMention[], gaz: Gazetteer): Set<RawMention> {
  const out = new Set<RawMention>();
  const titles = new Set<string>();
  let listEnd = -1;
  let prevEnd = 0;
  // titles that read like a person's full name ("Odo Renner" after "the aircraft carrier")
  let theTitles: Set<string> | null = null;
  // whether the text says "include" or "such as" at all, asked once a name is met
  let including: boolean | null = null;
  // the words of people named in full ("Winston Velmar"): "the film [Velmar]" may be the person
  let personWords: Set<string> | null = null;
  const namedAsPerson = (m: RawMention): boolean => {
    if (m.text.includes(' ')) return false;
    if (personWords === null) {
      personWords = new Set<string>();
      for (const o of ms) if (o.kind === 'name' && o.type === 'PERSON' && o.text.includes(' ')) for (const w of o.text.split(' ')) personWords.add(w);
    }
    return personWords.has(m.text);
  };
  for (const m of ms) {
    if (m.kind !== 'name') continue;
    const before = prevEnd;
    prevEnd = Math.max(prevEnd, m.end);
    if (m.type === 'NORP' || m.type === 'MISC') continue;
    let hit = false;
    if (listEnd >= 0 && m.start - listEnd <= 80 && LIST_GAP.test(text.slice(listEnd, m.start))) hit = true;
    else if ((including ??= text.includes(' includ') || text.includes(' such as ')) && includedInList(text, m)) {
      hit = true;
      listEnd = m.end;
    } else {
      listEnd = -1;
      const kind = kindBefore(text, m.start, before);
      // a vehicle's name may be followed by any verb ("the aircraft carrier [Odo Renner] sailed"), so a
      // name the gazetteer knows is no vehicle's ("the largest telescope [NASA] has launched")
      if (kind !== null && (VEHICLES.has(kind) ? !known(m, gaz) : matchesAt(AFTER_TITLE, text, m.end)) && !namedAsPerson(m) && !gaz.titles.has(wordBefore(text, m.start))) {
        hit = true;
        if (PLURAL_KIND.test(kind)) listEnd = m.end;
      }
    }
    if (m.type === 'PERSON' && CODE.test(m.text)) {
      out.add(m);
      titles.add(m.text);
      continue;
    }
    const speaking = m.text.endsWith('-speaking') ? SPEAKING.exec(m.text) : null;
    if (speaking !== null) {
      out.add(m);
      titles.add(speaking[1]);
      continue;
    }
    if (!hit && m.type !== 'ORG' && matchesAt(LANGUAGE_AFTER, text, m.end) && !known(m, gaz)) {
      out.add(m);
      continue;
    }
    if ((/(?:ism|isms|phobia)$/.test(m.text) && DOCTRINE.test(m.text)) || (/(?:of|in) $/.test(text.slice(Math.max(0, m.start - 3), m.start)) && DISCIPLINE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)) && !known(m, gaz) && !gaz.orgWords.has(lastWord(m.text)))) {
      out.add(m);
      continue;
    }
    if (m.text.length > 5 && ((PRIZE.test(m.text) && !gaz.orgWords.has(lastWord(m.text))) || (EVENT_LAST.test(m.text) && !m.text.includes(' of ') && !matchesAt(CLUB_VERB, text, m.end) && !(REVOLT_LAST.test(m.text) && matchesAt(AGENT_AFTER, text, m.end))))) {
      out.add(m);
      continue;
    }
    // "Cyclone Tarvo": the name without its kind word is the storm's
    const first = KIND_FIRST.exec(m.text);
    if (!hit && first !== null) {
      out.add(m);
      titles.add(m.text.slice(first[0].length));
      continue;
    }
    if (!hit && matchesAt(APPOSITIVE_KIND, text, m.end) && !known(m, gaz) && !namedAsPerson(m)) hit = true;
    if (!hit && (KIND_FIRST_WORDS.has(wordBefore(text, m.start)) && KIND_FIRST_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start)) || (matchesAt(KIND_AFTER, text, m.end) && m.type !== 'ORG' && !m.text.includes(' ') && !/^\p{Lu}+$/u.test(m.text) && !known(m, gaz)))) hit = true;
    if (!hit) continue;
    out.add(m);
    if (listEnd >= 0) listEnd = m.end;
    // the whole title (no capitalised word after it), not a person's name nor a known place
    if (!/^ \p{Lu}/u.test(text.slice(m.end, m.end + 2)) && !known(m, gaz)) {
      if (!personLike(m, gaz)) titles.add(m.text);
      else (theTitles ??= new Set()).add(m.text);
    }
  }
  if (titles.size > 0) for (const m of ms) if (m.kind === 'name' && titles.has(m.text)) out.add(m);
  // a title named like a person ("the aircraft carrier Odo Renner") is the title again after "the"
  // ("The Odo Renner leads a battle group"); without it, it may be the person
  if (theTitles !== null) for (const m of ms) if (m.kind === 'name' && theTitles.has(m.text) && /(?:^|[^\p{L}])[Tt]he $/u.test(text.slice(Math.max(0, m.start - 5), m.start))) out.add(m);
  // a name inside a title in quotes ("The Emperor Velmar Bridge", "Night of the Harrow") is part of
  // the title, unless the document names it outside quotes too, the gazetteer knows it, or it opens
  // with a person's title
  let inQuotes: RawMention[] | null = null;
  for (const m of ms) {
    if (m.kind !== 'name' || m.type === 'NORP' || m.type === 'MISC' || out.has(m) || quotedTitle(text, m) === null || known(m, gaz)) continue;
    // a person's title in quotes ("Protector of Norland") is the person's
    if (gaz.titles.has(m.text.split(' ')[0].toLowerCase()) || personLike(m, gaz)) continue;
    (inQuotes ??= []).push(m);
  }
  if (inQuotes !== null) {
    const quoted = new Set(inQuotes);
    const outside = new Set<string>();
    for (const m of ms) if (m.kind === 'name' && !quoted.has(m)) outside.add(m.text);
    for (const m of inQuotes) if (!outside.has(m.text)) out.add(m);
  }
  return out;
}
