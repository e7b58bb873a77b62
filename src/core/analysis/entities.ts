import type { EntityType } from './types';

import type { Gazetteer } from './gazetteer';
import { TokKind, isPossessive, type Token } from './tokenizer';

/**
 * The types the recogniser assigns: the output types, and MISC (CoNLL's name for products, works,
 * events and laws: "Internet Explorer", "Google Science Fair"). MISC names are recognised so that
 * their words are not typed as people or organisations; the analyzer does not output them yet.
 */
export type RawType = EntityType | 'MISC';

/** A name or role mention before alias grouping. UTF-16 offsets. */
export interface RawMention {
  start: number;
  end: number;
  text: string;
  type: RawType;
  kind: 'name' | 'role';
  /** How sure the type is: 3 gazetteer/title/first name, 2 context, 1 default guess. */
  strength: number;
  /** Canonical name from a gazetteer (countries), if any. */
  canonical: string | null;
  /** Title words directly before a person name ("President"), lower-case, or null. */
  title: string | null;
  /** Country named next to a person or role ("US President Donald Trump" -> "United States"). */
  country: string | null;
  /** A single sentence-initial word with no other evidence: kept only if the document confirms it. */
  tentative: boolean;
  /** A weak (strength 0) candidate the document may confirm by repeating it capitalised mid-sentence. */
  repeatable?: boolean;
  /** A weak (strength 0) candidate that is an English word (a common word, the lexicon's, or one the document writes in lower case). */
  common?: boolean;
  /** A title word alone ("King said"): a name only as the surname of a person named in full in the document. */
  surnameOnly?: boolean;
  /** A place after a locative preposition or after "Town," ("to Jordan", "Amman, Jordan"): no person's surname. */
  locative?: boolean;
  /** For role mentions: a person name in apposition (", President Barack Obama"). */
  appositive: RawMention | null;
  /** Index of the first token (within the chunk's token array) for context look-ups. */
  tokenIndex: number;
  /** Filled in by the analyzer and the alias grouper. */
  entity: string;
  sentId: number;
  firstInSentence: boolean;
  linkedTo: number;
}

/** Endings of English abstract nouns ("partnership", "convention"), for a lone word the lexicon lacks. */
const ABSTRACT_NOUN = /.{4}(?:ship|ism|hood|ness|tion|sion|ment)$/;

const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'de', 'del', 'della', 'dello', 'delle', 'degli', 'des', 'dos', 'das', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'the']);
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'dello', 'delle', 'degli', 'des', 'dos', 'das', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el']);
const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'our', 'a', 'an', 'this', 'that', 'whose']);
const ROLE_MODIFIERS = new Set(['new', 'former', 'current', 'then', 'late', 'incoming', 'outgoing', 'acting', 'deputy', 'vice', 'prime', 'foreign', 'senior', 'top', 'chief', 'defense', 'defence', 'interior', 'finance', 'press', 'white', 'house', 'state', 'national', 'security', 'general', 'attorney', 'first', 'chief', 'executive', 'american', 'government', 'administration', 'kremlin', 'campaign', 'party', 'opposition', 'military', 'police', 'health', 'education', 'trade', 'justice', 'homeland']);
const ROLE_HEADS = new Set(['president', 'vice-president', 'chancellor', 'premier', 'minister', 'secretary', 'senator', 'governor', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'predecessor', 'successor', 'ambassador', 'envoy', 'chairman', 'chairwoman', 'ceo', 'director', 'commander', 'general', 'official', 'adviser', 'advisor', 'counselor', 'strategist', 'president-elect', 'secretary-general', 'emperor', 'monarch', 'dictator', 'premier', 'head', 'founder', 'owner', 'coach', 'candidate', 'nominee']);
const PERSON_CUES = new Set(['said', 'says', 'told', 'tells', 'added', 'asked', 'stated', 'wrote', 'explained', 'noted', 'claimed', 'argued', 'insisted', 'warned', 'declared', 'replied', 'tweeted', 'admitted', 'recalled', 'testified', 'believes', 'thinks', 'wants', 'announced', 'urged', 'who', 'himself', 'herself']);
const PERSON_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'minister', 'official', 'leader', 'president', 'chancellor', 'actor', 'actress', 'singer', 'player', 'coach', 'striker', 'author', 'artist', 'writer', 'wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'mother', 'father', 'colleague', 'candidate', 'lawmaker', 'analyst', 'professor', 'researcher', 'scientist', 'expert', 'lawyer', 'judge', 'senator', 'director', 'ceo', 'founder', 'mr', 'mrs', 'ms', 'dr', 'friend', 'teacher', 'student', 'activist', 'journalist', 'reporter', 'correspondent', 'editor', 'photographer', 'astronaut', 'engineer', 'manager', 'chairman', 'secretary', 'governor', 'mayor', 'prosecutor', 'attorney', 'officer', 'detective', 'doctor', 'nurse', 'pilot', 'soldier', 'captain', 'boss', 'owner', 'designer', 'economist', 'historian', 'member', 'resident', 'citizen', 'victim', 'suspect', 'defendant', 'blogger', 'politician', 'diplomat', 'ambassador', 'envoy', 'adviser', 'advisor', 'aide', 'deputy', 'representative', 'chief', 'head', 'general', 'commander', 'pastor', 'priest', 'bishop', 'rabbi', 'imam', 'dissident', 'defector', 'hacker', 'musician', 'painter', 'poet', 'novelist', 'filmmaker', 'director', 'producer', 'athlete', 'champion', 'goalkeeper', 'midfielder', 'defender', 'forward', 'batsman', 'bowler', 'driver', 'cyclist', 'swimmer', 'runner', 'boxer', 'wrestler', 'candidate', 'nominee', 'incumbent', 'challenger', 'opponent', 'rival', 'partner']);
const ORG_NOUNS = new Set(['website', 'newspaper', 'publication', 'company', 'firm', 'group', 'agency', 'channel', 'network', 'magazine', 'broadcaster', 'party', 'organization', 'organisation', 'team', 'club', 'brand', 'app', 'site', 'startup', 'bank', 'band', 'carrier', 'airline', 'retailer', 'manufacturer', 'maker', 'giant', 'outlet', 'daily', 'tabloid', 'paper', 'station', 'charity', 'union', 'university', 'school', 'institute', 'studio', 'label', 'publisher', 'insurer', 'lender', 'operator', 'provider', 'developer', 'platform', 'service', 'blog', 'journal', 'broadsheet', 'weekly', 'movement', 'militia', 'faction', 'coalition', 'alliance', 'ministry', 'department', 'office', 'committee', 'council', 'court']);
/** Prepositions that put a place in space ("to Jordan", "in Chad"). */
const LOCATIVES = new Set(['in', 'to', 'from', 'at', 'near', 'into', 'across', 'through', 'of', 'outside', 'inside', 'toward', 'towards', 'via', 'visit', 'visited', 'visiting']);

/** Words of a compass direction the English vocabulary lacks, as in a heading ("CENTRAL DIVISION"). */
const COMPASS_WORDS = new Set(['central', 'west']);
/** Whether a word in capitals has another word in capitals beside it on its line (a headline, a table heading). */
function capsNeighbour(toks: readonly Token[], i: number): boolean {
  const capsWord = (k: number): boolean => k >= 0 && k < toks.length && toks[k].kind === TokKind.Word && toks[k].allCaps;
  const prevOnLine = i > 0 && !toks[i].breakBefore;
  const nextOnLine = i + 1 < toks.length && !toks[i + 1].breakBefore;
  return (prevOnLine && capsWord(i - 1)) || (nextOnLine && capsWord(i + 1)) || (i + 2 < toks.length && !toks[i + 1].breakBefore && !toks[i + 2].breakBefore && toks[i + 1].kind === TokKind.Punct && capsWord(i + 2));
}

/** Lower-case words after a name that say it is a publication or a broadcaster ("Le Soir daily", "Velco news agency"). */
const PUBLICATION_NOUNS = new Set(['newspaper', 'daily', 'weekly', 'tabloid', 'magazine', 'broadsheet', 'television', 'radio']);

/** Lower-case words after a name, or after its possessive, that name a part of a company ("Velco shareholders", "Velco's board"). */
const COMPANY_PARTS = new Set(['board', 'shareholders', 'stockholders', 'subsidiary', 'subsidiaries', 'management', 'executives']);

/** Whether the tokens from k name a part of a company: a board, shareholders, a general manager, a chief executive. */
function companyPartAfter(toks: readonly Token[], k: number): boolean {
  let j = k;
  if (j < toks.length && isPossessive(toks[j])) j++;
  if (j >= toks.length || toks[j].cap) return false;
  const w = toks[j].lower;
  if (COMPANY_PARTS.has(w)) return true;
  const w2 = j + 1 < toks.length ? toks[j + 1].lower : '';
  return (w === 'general' && w2 === 'manager') || (w === 'chief' && (w2 === 'executive' || w2 === 'financial'));
}

/** Whether the tokens from k name a publication or a news agency: "daily", "newspaper", "news agency", "press agency". */
function publicationAfter(toks: readonly Token[], k: number): boolean {
  const w = toks[k].lower;
  if (PUBLICATION_NOUNS.has(w)) return true;
  return (w === 'news' || w === 'press') && k + 1 < toks.length && toks[k + 1].lower === 'agency';
}

const PLACE_SUFFIX = new Set(['street', 'avenue', 'road', 'square', 'park', 'bridge', 'airport', 'station', 'hall', 'palace', 'tower', 'stadium', 'arena', 'river', 'lake', 'mountain', 'mountains', 'mount', 'island', 'islands', 'bay', 'coast', 'valley', 'county', 'province', 'state', 'city', 'district', 'region', 'peninsula', 'sea', 'ocean', 'desert', 'canyon', 'falls', 'beach', 'harbor', 'harbour', 'port', 'heights', 'hills', 'springs', 'plaza', 'center', 'centre', 'museum', 'gallery', 'cathedral', 'mosque', 'temple', 'synagogue', 'building', 'prison', 'base', 'camp', 'field', 'forest', 'gulf', 'strait', 'canal', 'boulevard', 'lane', 'village', 'town', 'cemetery', 'memorial']);
const PARTICLE_NAME = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|bint)-\p{Lu}/u;
const PLACE_ENDING = /(?:ville|burg|burgh|borough|shire|stan|polis|grad|abad)$/;
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'mid', 'inner', 'outer']);
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'this', 'that', 'these', 'those', 'both', 'all', 'some', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'as', 'at', 'in', 'on', 'for', 'of', 'to', 'with', 'by', 'from', 'so', 'yet', 'then', 'there', 'here', 'we', 'i', 'you', 'he', 'she', 'it', 'they', 'no', 'not', 'every', 'each', 'many', 'most', 'more', 'other', 'such']);
/** Organisation words that also open people's names or other names ("Post Malone", "House Speaker"). */
const NAME_LIKE_ORG_WORDS = new Set(['post', 'house', 'times', 'news', 'press', 'trust', 'fund', 'capital', 'front', 'review']);
/** Given names that are also particles inside Arabic and Berber names ("Farouk Ben Mustapha", "Abu Bakr"). */
const PARTICLE_FIRST_NAMES = new Set(['ben', 'abu', 'bin', 'ibn']);
/** Heads of organisation names after a place, besides the organisation words: "UK Government", and clubs' "Bristol Rovers", "Leeds United". */
const ORG_AFTER_PLACE = new Set(['government', 'weekly', 'navy', 'united', 'rovers', 'athletic', 'wanderers', 'albion', 'rangers', 'hotspur', 'orient']);
/** A name written as a web domain (the tokenizer keeps "Secunia.com" whole). */
const DOMAIN = /\.[a-z]{2,4}$/;
/** A hyphenated adjective made of a name: "Bergamo-based", "Irish-born", "British-ruled", "KDP-controlled". */
const NAME_ADJECTIVE = /-(?:based|born|bred|ruled|controlled|led|backed|owned|run|registered|made|built|funded|held|occupied|dominated|style|era|bound)$|^(?:[Ee]x|[Aa]nti|[Pp]ro|[Nn]on|[Pp]re)-/;
/** Roman numerals up to 39 ("II", "XVII"). */
const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/;
/** An ordinal before an organisation word: "501st Legion", "101st Airborne Division". */
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
/** A version number glued to a product name ("IE6", "HTML5"). */
const VERSION = /(?<=[a-z])\d{1,2}$/;
/** Legal forms that end a company's name: "Acme Inc of Dayton" is the company and its town. */
const COMPANY_SUFFIXES = new Set(['inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'spa', 'pty', 'bhd', 'lp', 'llp']);
const WEAK_ORG_WORDS = new Set(['post', 'times', 'news', 'review', 'press', 'front', 'force', 'guard', 'service', 'center', 'centre', 'office', 'house', 'trust', 'exchange', 'fund', 'capital', 'team', 'club', 'group', 'media', 'network', 'channel', 'radio', 'television', 'co', 'co.', 'sa', 'ag']);

/**
 * Finds name and role mentions in tokens. Pure and linear in the number of tokens
 * (each look-up is bounded by the gazetteer's longest phrase).
 */
export class EntityRecognizer {
  constructor(private readonly gaz: Gazetteer) {}

  /** Words seen written in lower case in the text being recognised (a per-call vocabulary). */
  private docLower: Set<string> = new Set();

  /** Acronyms the text spells out as lower-case words ("iodine deficiency disorders" ... "IDD"). */
  private commonAcronyms: Set<string> = new Set();

  recognize(text: string, toks: readonly Token[]): RawMention[] {
    const out: RawMention[] = [];
    this.docLower = new Set();
    for (const t of toks) if (t.kind === TokKind.Word && !t.cap && t.text.length > 2) this.docLower.add(t.text);
    this.commonAcronyms = commonNounAcronyms(toks);
    const n = toks.length;
    let i = 0;
    while (i < n) {
      const t = toks[i];
      if (i > 0 && toks[i - 1].end === t.start && (toks[i - 1].text === '@' || toks[i - 1].text === '#')) {
        i++; // handles and hashtags
        continue;
      }
      if ((!this.isNameWord(t) || this.headlineWord(toks, i) || isShortMonthDate(toks, i)) && !this.capsPhraseAt(toks, i)) {
        const role = this.roleAt(text, toks, i);
        if (role) {
          for (const m of role.mentions) out.push(m);
          i = role.next;
          continue;
        }
        i++;
        continue;
      }
      // Collect a run of capitalised words joined by single spaces, with connectors inside.
      let j = i + 1;
      let last = i;
      while (j < n) {
        const u = toks[j];
        if (!u.spaceBefore) break;
        const lw = u.lower;
        // Arabic particles written lower-case inside a name: "Suleiman al-Amr"
        if (u.kind === TokKind.Word && !u.cap && PARTICLE_NAME.test(u.text)) {
          last = j;
          j++;
          continue;
        }
        // a day of the week ends a name: "told CNBC Friday"
        if (WEEKDAYS.has(lw)) break;
        if ((this.isNameWord(u) && !this.headlineWord(toks, j)) || this.capsPlaceSuffix(toks, j)) {
          // a capitalised function word ("In", "The") starts a new phrase, it does not continue a name
          if (FUNCTION_WORDS.has(lw) && !u.allCaps) break;
          last = j;
          j++;
          continue;
        }
        // "Douglas & Lomason", "Bear Stearns & Co Inc": an ampersand joins the names of a firm
        if (u.text === '&' && this.ampersandJoins(toks, j)) {
          j++;
          continue;
        }
        if (u.kind === TokKind.Word && CONNECTORS.has(lw) && !u.cap && j + 1 < n && toks[j + 1].spaceBefore && this.mayJoinAcross(toks, i, j)) {
          // allow "of the" before a capitalised word
          let k = j + 1;
          if (toks[k].text === 'the' && k + 1 < n && toks[k + 1].spaceBefore) k++;
          // not a date after it: "the Treasury Department on Wednesday"
          if (this.isNameWord(toks[k]) && !toks[k].sentStart && !isTimeWord(toks[k].lower)) {
            j = k;
            continue;
          }
        }
        break;
      }
      // a product and its version, and words naming it further: "Internet Explorer 6 Countdown", "Windows 10"
      const product = this.productBefore(toks, i, last + 1);
      const v = last + 1;
      if (product >= 0 && v < n && toks[v].kind === TokKind.Number && toks[v].spaceBefore && toks[v].text.length <= 4) {
        let e = v + 1;
        while (e < n && toks[e].spaceBefore && this.isNameWord(toks[e]) && !FUNCTION_WORDS.has(toks[e].lower)) e++;
        const event = this.eventName(toks, i, last + 1);
        const from = event >= 0 ? event : product;
        if (from > i) this.segmentRun(text, toks, i, from, out);
        out.push(this.make(text, toks, from, e, 'MISC', 3, null));
        i = e;
        continue;
      }
      // "501st Legion"
      if (i > 0 && ORDINAL.test(toks[i - 1].text) && toks[i].spaceBefore && this.gaz.orgWords.has(toks[last].lower)) {
        out.push(this.make(text, toks, i - 1, last + 1, 'ORG', 3, null));
        i = last + 1;
        continue;
      }
      this.segmentRun(text, toks, i, last + 1, out);
      i = last + 1;
    }
    return out;
  }

  /**
   * Whether a connector ("of", "de") at toks[j] may join the capitalised words before it with those after:
   * "University of Texas", "Times of London", "Daughters of the American Revolution" yes;
   * "Claudia Mo of the Civic Party" no (a person's name ends before "of").
   */
  private mayJoinAcross(toks: readonly Token[], runStart: number, j: number): boolean {
    const lw = toks[j].lower;
    if (NAME_PARTICLES.has(lw) && lw !== 'la' && lw !== 'le') return true; // "Charles de Gaulle", "bin Laden"
    const known = this.longestPhrase(toks, j - 1, Math.min(toks.length, j + 3));
    if (known && known.end > j + 1) return true; // "Globe and Mail", "Trinidad and Tobago"
    const before = toks[j - 1].lower;
    const first = toks[runStart].lower;
    // "Union of Rationalist Atheists and Agnostics": "and" only inside an organisation's "of"/"for" phrase
    if (lw === 'and') {
      if (toks[j + 1]?.text === 'the') return false;
      if (this.hasOrgWordBeforeConnector(toks, runStart, j)) return !this.namesOrgAfter(toks, j + 1);
      // "Test and County Cricket Board", "Futures and Options Exchange": English words joined to an organisation's name
      return this.vocabBeforeOrg(toks, runStart, j);
    }
    // "Foundation for the Visual Arts", "Council on Foreign Relations": only after an organisation word
    if (lw === 'for' || lw === 'on') return this.gaz.orgWords.has(before);
    // "Colorado State University of the US": "of the" before a country locates, it does not name
    if (lw === 'of' && toks[j + 1]?.text === 'the' && j + 2 < toks.length && this.gaz.countries.has(toks[j + 2].lower)) return false;
    // "Members of the Sea Org", "Critics of Scientology": a plural noun opening a sentence
    if (j - runStart === 1 && toks[runStart].sentStart && before.endsWith('s') && this.isVocab(before) && !this.gaz.orgWords.has(before)) return false;
    // "Daniels Pharmaceuticals Inc of St. Petersburg": a legal form ends the company's name; the place is its town
    if (lw === 'of' && COMPANY_SUFFIXES.has(before)) return false;
    if (this.gaz.orgWords.has(before) || PLACE_SUFFIX.has(before) || this.gaz.titles.has(before)) return true;
    if (this.gaz.firstNames.has(first) || this.gaz.lastNames.has(before) || this.gaz.firstNames.has(before)) return false;
    return this.isVocab(before) || toks[j - 1].allCaps;
  }

  /**
   * Whether the ampersand at toks[j] joins the capitalised words around it into one firm's name: a
   * capitalised word follows it on the same line, and the words are no citation of two authors
   * ("Dye & Bavelier, 2010", "Martin & Clarke (2004)", "(Baron & Lind 2014)", "Carrano & Lind [7]").
   */
  private ampersandJoins(toks: readonly Token[], j: number): boolean {
    const n = toks.length;
    if (j + 1 >= n || !toks[j + 1].spaceBefore || toks[j + 1].breakBefore || !this.isNameWord(toks[j + 1]) || this.headlineWord(toks, j + 1)) return false;
    let e = j + 2;
    while (e < n && e < j + 6 && toks[e].spaceBefore && !toks[e].breakBefore && this.isNameWord(toks[e])) e++;
    if (e < n && toks[e].kind === TokKind.Number) return false; // "(Baron & Lind 2014)"
    if (e + 1 < n && (toks[e].text === ',' || toks[e].text === '(' || toks[e].text === '[') && toks[e + 1].kind === TokKind.Number) return false;
    return true;
  }

  /** An all-capitals common word that opens a known multi-word name ("NEW YORK", "SAN DIEGO" in a headline or table). */
  private capsPhraseAt(toks: readonly Token[], i: number): boolean {
    if (!toks[i].allCaps || toks[i].kind !== TokKind.Word) return false;
    const known = this.longestPhrase(toks, i, Math.min(toks.length, i + this.gaz.maxPhraseWords));
    return known !== null && known.end > i + 1;
  }

  /**
   * A common English word in a line written in capitals ("SOCCER - ... BEAT ...", "EASTERN DIVISION"), or a
   * word the document also writes in lower case: not a name, unless the word is also a known name, place or organisation word. A capitalised word
   * between lower-case words ("AIDS", "the ACT") is left to the other rules.
   */
  private headlineWord(toks: readonly Token[], i: number): boolean {
    const t = toks[i];
    if (!t.allCaps || t.text.length < 3 || t.kind !== TokKind.Word) return false;
    const lower = t.lower;
    const gaz = this.gaz;
    // an English word, or one the document also writes in lower case ("STOCKS SINK ..." over "stocks sank")
    if (!(gaz.vocab.has(lower) || COMPASS_WORDS.has(lower) || this.writesLower(lower)) || gaz.orgWords.has(lower) || gaz.orgs.has(lower) || gaz.places.has(lower) || gaz.countries.has(lower) || gaz.firstNames.has(lower) || gaz.lastNames.has(lower)) return false;
    return capsNeighbour(toks, i);
  }

  /** A place's suffix in capitals after the place, part of its name ("KANSAS CITY", "SALT LAKE CITY"), though a common word. */
  private capsPlaceSuffix(toks: readonly Token[], j: number): boolean {
    const u = toks[j];
    return u.allCaps && u.kind === TokKind.Word && j > 0 && toks[j - 1].allCaps && PLACE_SUFFIX.has(u.lower) && this.gaz.places.has(toks[j - 1].lower);
  }

  /** Whether the document writes the word in lower case, or the same verb ("RETAINS" ... "retained", "DEFENDS" ... "defending"). */
  private writesLower(lower: string): boolean {
    const d = this.docLower;
    if (d.has(lower)) return true;
    if (lower.length < 5 || !lower.endsWith('s')) return false;
    const stem = lower.slice(0, -1);
    return d.has(stem) || d.has(stem + 'ed') || d.has(stem + 'ing');
  }

  private isNameWord(t: Token): boolean {
    if (t.kind !== TokKind.Word || !t.cap) return false;
    // an adjective made of a name ("Bergamo-based", "Irish-born", "KDP-controlled") names nothing itself
    if (NAME_ADJECTIVE.test(t.text)) return false;
    const c1 = t.text.charCodeAt(1);
    if (t.text.charCodeAt(0) === 73 && (c1 === 39 || c1 === 0x2019)) return false; // I'm, I've
    if (t.allCaps) {
      if (ROMAN.test(t.text)) return false; // "Super Bowl XVII"
      const lower = t.lower;
      if (this.gaz.common.has(lower) && !this.gaz.orgs.has(lower) && !this.gaz.countries.has(lower)) return false;
    }
    return true;
  }

  /** Split a run [a, b) into typed mentions: gazetteer phrases, titles, names. */
  private segmentRun(text: string, toks: readonly Token[], a: number, b: number, out: RawMention[]): void {
    const gaz = this.gaz;
    let i = a;
    let pendingTitle: string | null = null;
    let pendingCountry: string | null = null;
    // an event or law name ("Google Science Fair", "Fan Expo Canada", "Clean Air Act") is one MISC name
    const misc = this.eventName(toks, a, b);
    if (misc >= 0) {
      out.push(this.make(text, toks, misc, b, 'MISC', 3, null));
      return;
    }
    // a country or nationality directly before the run ("Russia's Vladimir Putin") counts as its country
    if (a >= 2 && isPossessive(toks[a - 1]) && out.length > 0 && out[out.length - 1].end === toks[a - 1].start && (out[out.length - 1].type === 'LOC')) {
      pendingCountry = out[out.length - 1].canonical ?? out[out.length - 1].text;
    }
    while (i < b) {
      const t = toks[i];
      const lower = t.lower;
      // skip connectors at the start of a segment, and a leading "The" ("The Kremlin" -> "Kremlin")
      if (!t.cap || (lower === 'the' && i + 1 < b && toks[i + 1].lower !== 'hague')) {
        i++;
        continue;
      }
      // "US-Mexico": hyphenated places
      if (t.text.includes('-') && !gaz.countries.has(lower) && !gaz.places.has(lower)) {
        const parts = t.text.split('-');
        if (parts.length >= 2 && parts.every((p) => gaz.countries.has(p.toLowerCase()) || gaz.places.has(p.toLowerCase()))) {
          let off = t.start;
          for (const p of parts) {
            out.push({ start: off, end: off + p.length, text: p, type: 'LOC', kind: 'name', strength: 3, canonical: gaz.countries.get(p.toLowerCase()) ?? null, title: null, country: null, tentative: false, appositive: null, tokenIndex: i, entity: p, sentId: 0, firstInSentence: false, linkedTo: -1 });
            off += p.length + 1;
          }
          i++;
          continue;
        }
      }
      // 1. longest gazetteer phrase
      const phrase = this.longestPhrase(toks, i, b);
      if (phrase) {
        const { end, type, canonical } = phrase;
        // a gazetteer word followed by more unknown capitalised words may be a person ("Jordan Peterson")
        const isFirstName = gaz.firstNames.has(lower) && end === i + 1 && i + 1 < b && toks[i + 1].cap && !this.longestPhrase(toks, i + 1, b) && !gaz.titles.has(toks[i + 1].lower);
        if (!isFirstName && !((gaz.common.has(lower) || gaz.vocab.has(lower)) && end === i + 1 && canonical === null && !t.allCaps && i === a && t.sentStart)) {
          let e = end;
          let ty = type;
          // a country, place or nationality naming an organisation with it ("US Navy", "United Kingdom Home Office",
          // "Massachusetts Institute of Technology", "Italian Episcopal Conference"): one organisation
          const org = ty === 'LOC' || ty === 'NORP' ? this.orgAfter(toks, e, b) : -1;
          if (org > 0) {
            out.push(this.make(text, toks, i, org, 'ORG', 3, null));
            i = org;
            continue;
          }
          // ORG + of + place ("Times of London", "Bank of America", "University of California")
          if ((ty === 'ORG' || gaz.orgWords.has(toks[e - 1].lower)) && e + 1 < b && toks[e].text === 'of') {
            e = b;
            ty = 'ORG';
          }
          if (ty === 'MISC' && e < b && toks[e].cap) {
            // a product or work naming an organisation ("Doctor Who Society of Canada")
            const tail = this.orgAfter(toks, e, b);
            if (tail > 0) {
              e = tail;
              ty = 'ORG';
            }
          }
          if (e === end && canonical === null && ty !== 'NORP' && e < b && toks[e].cap && !gaz.titles.has(toks[e].lower) && !this.longestPhrase(toks, e, b)) {
            // "Trump Tower" style: known word + unknown capitalised word -> let the unknown segment decide
            const suffix = toks[b - 1].lower;
            if (gaz.orgWords.has(suffix) || PLACE_SUFFIX.has(suffix)) {
              e = b;
              ty = gaz.orgWords.has(suffix) && !PLACE_SUFFIX.has(suffix) ? 'ORG' : 'LOC';
            }
          }
          const m = this.make(text, toks, i, e, ty, 3, ty === 'LOC' ? (canonical ?? gaz.countries.get(joinLower(toks, i, e)) ?? null) : canonical);
          if (ty === 'LOC' && i > 0) {
            const before = toks[i - 1];
            m.locative = LOCATIVES.has(before.lower) || (before.text === ',' && i > 1 && toks[i - 2].cap);
          }
          if (ty === 'NORP' || (ty === 'LOC' && (m.canonical !== null || gaz.countries.has(joinLower(toks, i, e))))) pendingCountry = gaz.countryOf(joinLower(toks, i, e)) ?? m.canonical;
          out.push(m);
          i = e;
          continue;
        }
      }
      // 2. a title sequence followed by a name
      if (gaz.titles.has(lower) && !gaz.firstNames.has(lower)) {
        let k = i;
        let hasHead = false;
        while (k < b && (gaz.titles.has(toks[k].lower) || (toks[k].text === 'of' && k + 1 < b)) && !(k > i && gaz.firstNames.has(toks[k].lower) && k + 1 < b && !gaz.titles.has(toks[k + 1].lower))) {
          if (gaz.titleHeads.has(toks[k].lower)) hasHead = true;
          k++;
        }
        if (hasHead) {
          // a lone title word ("King said") may be the surname of a person named in full elsewhere ("Billie Jean
          // King"): a weak candidate the analyzer keeps only then
          const prev = i > 0 ? toks[i - 1] : null;
          if (i === a && k === b && k === i + 1 && !t.allCaps && !(prev && DETERMINERS.has(prev.lower))) {
            const m = this.make(text, toks, i, k, 'PERSON', 0, null);
            m.tentative = true;
            m.surnameOnly = true;
            out.push(m);
          }
          pendingTitle = joinLower(toks, i, k);
          i = k;
          continue;
        }
      }
      // 3. an unknown name: up to the next gazetteer phrase or title
      let k = i + 1;
      while (k < b) {
        const w = toks[k];
        const wl = w.lower;
        // "Comic Corps of Canada", "Medical Journal of Australia": the place belongs to the organisation's name
        const ofOrg = k >= i + 2 && toks[k - 1].text === 'of' && gaz.orgWords.has(toks[k - 2].lower);
        // a country that is also a personal name after a given name is a surname ("Neil Jordan")
        const surname = k === i + 1 && gaz.firstNames.has(toks[i].lower) && !gaz.places.has(toks[i].lower) && !gaz.norp.has(wl) && (gaz.firstNames.has(wl) || gaz.lastNames.has(wl));
        if (w.cap && (gaz.countries.has(wl) || gaz.norp.has(wl)) && !NAME_PARTICLES.has(toks[k - 1].lower) && !ofOrg && !surname) break;
        // a title word that ends the run after a given name is a surname ("Billie Jean King", "Stephen King")
        if (w.cap && gaz.titleHeads.has(wl) && !gaz.orgWords.has(wl) && !gaz.firstNames.has(wl) && !(k === b - 1 && gaz.firstNames.has(toks[k - 1].lower) && !gaz.titles.has(toks[k - 1].lower))) break;
        // "the Refugee Council Enver Solomon": a person named in full after an organisation's name
        if (this.personAfterOrg(toks, k, b)) break;
        const ph = this.longestPhrase(toks, k, b);
        if (ph && ph.end - k >= 2 && !ofOrg) break;
        k++;
      }
      // trim trailing connectors
      while (k > i + 1 && !toks[k - 1].cap && !PARTICLE_NAME.test(toks[k - 1].text)) k--;
      // leading common words are not names ("Replay More Videos", "Both", "Saturday")
      let s = i;
      // an organisation's name keeps its leading English words ("National Bank of Poland", "National Association of
      // Purchasing Management"), but not a date before it ("the August National Association ... index")
      const endsInOrgWord = k - i >= 2 && (gaz.orgWords.has(toks[k - 1].lower) || this.hasOrgWordBeforeConnector(toks, i, k));
      while (s < k && gaz.common.has(toks[s].lower) && !(gaz.firstNames.has(toks[s].lower) && s + 1 < k) && !(endsInOrgWord && !FUNCTION_WORDS.has(toks[s].lower) && !isTimeWord(toks[s].lower))) s++;
      if (s >= k) {
        // a lone common word mid-sentence may still be a surname ("May urged"): keep it as a weak candidate
        if (k === i + 1 && !toks[i].allCaps && !isDate(toks, i)) {
          const m = this.make(text, toks, i, k, 'PERSON', 0, null);
          m.tentative = true;
          m.common = true;
          out.push(m);
        }
        i = k;
        continue;
      }
      if (k < b && !pendingTitle) {
        const ph = this.longestPhrase(toks, k, b);
        if (ph && ph.type === 'LOC' && ph.end === b && k - s <= 3 && this.noPersonWords(toks, s, k)) {
          const dir = k - s === 1 && DIRECTIONS.has(toks[s].lower);
          out.push(this.make(text, toks, s, b, dir ? 'LOC' : 'ORG', 2, null));
          i = b;
          continue;
        }
      }
      for (let f = s + 1; f < k - 1 && f <= s + 2; f++) {
        const fl = toks[f].lower;
        // "Replay Ben Smith" starts at the given name; "Farouk Ben Mustapha" does not ("Ben" is also a particle there)
        if (gaz.firstNames.has(fl) && !PARTICLE_FIRST_NAMES.has(fl) && !gaz.firstNames.has(toks[s].lower) && !/^\p{Lu}\.$/u.test(toks[s].text) && !gaz.vocab.has(fl) && !gaz.orgWords.has(toks[k - 1].lower)) {
          s = f;
          break;
        }
      }
      const m = this.classify(text, toks, s, k, pendingTitle, pendingCountry);
      if (m) out.push(m);
      pendingTitle = null;
      i = k;
    }
    // a trailing title with no name after it is a role ("the German Chancellor")
    if (pendingTitle !== null && b - 1 >= a && gaz.titleHeads.has(toks[b - 1].lower) && !out.some((m) => m.start >= toks[b - 1].start)) {
      const role = this.roleBefore(text, toks, a, b, pendingCountry, out);
      if (role) out.push(role);
    }
  }

  private longestPhrase(toks: readonly Token[], i: number, b: number): { end: number; type: RawType; canonical: string | null } | null {
    const gaz = this.gaz;
    let key = '';
    let best: { end: number; type: RawType; canonical: string | null } | null = null;
    for (let k = i; k < b && k < i + gaz.maxPhraseWords; k++) {
      const w = toks[k].lower;
      key = k === i ? w : key + ' ' + w;
      if (k > i && !toks[k].cap && !CONNECTORS.has(w)) break;
      if (!toks[k].cap) continue;
      const country = gaz.countries.get(key);
      if (country !== undefined) best = { end: k + 1, type: 'LOC', canonical: country };
      else if (gaz.orgs.has(key) || (gaz.orgs.has(stripThe(key)) && k > i)) best = { end: k + 1, type: 'ORG', canonical: null };
      else if (gaz.places.has(key)) best = { end: k + 1, type: 'LOC', canonical: null };
      else if (gaz.norp.has(key)) best = { end: k + 1, type: 'NORP', canonical: null };
      else if (gaz.misc.has(key) || (k === i && gaz.misc.has(key.replace(VERSION, '')))) best = { end: k + 1, type: 'MISC', canonical: null };
    }
    return best;
  }

  private classify(text: string, toks: readonly Token[], s: number, k: number, title: string | null, country: string | null): RawMention | null {
    const gaz = this.gaz;
    const first = toks[s].lower;
    const lastTok = toks[k - 1];
    const lastL = lastTok.lower;
    const len = k - s;
    const prev = s > 0 ? toks[s - 1] : null;
    const prevL = prev ? prev.lower : '';
    const next = k < toks.length ? toks[k] : null;
    const nextL = next ? next.lower : '';
    let type: EntityType;
    let strength = 1;
    const secondL = len >= 3 ? toks[s + 1].lower : '';
    // a plural English noun opening a sentence ("Analysts said", "Others expect") is a name only as the surname of
    // someone the document names in full ("Maria Fields" ... "Fields said"): a weak candidate, like a lone common word
    if (len === 1 && title === null && toks[s].sentStart && !toks[s].allCaps && this.isPluralWord(first)) {
      const m = this.make(text, toks, s, k, 'PERSON', 0, null);
      m.tentative = true;
      m.common = true;
      return m;
    }
    if (title !== null && !gaz.orgWords.has(lastL)) {
      type = 'PERSON';
      strength = 3;
    } else if (len >= 3 && hasAmpersand(toks, s, k)) {
      // "Douglas & Lomason": a firm named after its founders
      type = 'ORG';
      strength = 3;
    } else if (this.hasOrgWordBeforeConnector(toks, s, k) || (len >= 2 && lastL === 'district' && toks[k - 2].lower === 'school')) {
      // "Comic Corps of Canada", "Australian Centre for Control of ...", "Irving Independent School District"
      type = 'ORG';
      strength = 3;
    } else if (secondL === 'of' && gaz.orgWords.has(first) && !PLACE_SUFFIX.has(first)) {
      type = 'ORG';
      strength = 3;
    } else if (secondL === 'of' && PLACE_SUFFIX.has(first)) {
      type = 'LOC';
      strength = 2;
    } else if (len === 1 && lastTok.allCaps && gaz.orgWords.has(first) && capsNeighbour(toks, s)) {
      // an organisation word alone in a line in capitals is a heading's word ("EASTERN DIVISION", "LEAGUE STANDINGS")
      return null;
    } else if (len === 1 && gaz.orgWords.has(first) && !WEAK_ORG_WORDS.has(first)) {
      type = 'ORG';
      strength = 1;
    } else if (len === 1 && DOMAIN.test(first)) {
      // a website: "Secunia.com"
      type = 'ORG';
      strength = 2;
    } else if (len === 1 && PLACE_ENDING.test(first)) {
      type = 'LOC';
      strength = 1;
    } else if (gaz.orgWords.has(lastL) && !WEAK_ORG_WORDS.has(lastL) && len >= 2) {
      type = 'ORG';
      strength = 3;
    } else if (PLACE_SUFFIX.has(lastL) && len >= 2) {
      type = 'LOC';
      strength = 2;
    } else if ((gaz.firstNames.has(first) && len >= 2 && len <= 4) || gaz.persons.has(joinLower(toks, s, k))) {
      type = 'PERSON';
      strength = 3;
    } else if (len >= 2 && gaz.orgWords.has(first) && !NAME_LIKE_ORG_WORDS.has(first)) {
      // "Group G", "Team Estonia", "Union Berlin"
      type = 'ORG';
      strength = 2;
    } else if (len >= 2 && prevL === 'the' && !(next && PERSON_CUES.has(nextL))) {
      // people are rarely "the X Y": "the Sea Org"
      type = 'ORG';
      strength = 1;
    } else if (lastTok.allCaps && len === 1 && lastTok.text.length <= 6) {
      // an acronym of a phrase the text writes in lower case abbreviates a common noun ("iodine
      // deficiency disorders" ... "IDD", "gross domestic product" ... "GDP"): no name at all
      if (this.commonAcronyms.has(lastTok.text)) return null;
      type = 'ORG';
      strength = 2;
    } else if (gaz.orgWords.has(lastL) && len >= 2) {
      type = 'ORG';
      strength = 2;
    } else if (next && !next.cap && publicationAfter(toks, k)) {
      // "Zycie Warszawy daily said", "Itar-Tass news agency quoted": a name before the word for what it is,
      // which holds for its other mentions too ("Zycie Warszawy said")
      type = 'ORG';
      strength = 3;
    } else if (next && companyPartAfter(toks, k) && !(prev && prev.cap && !toks[s].breakBefore)) {
      // "Petrovex general manager", "Petrovex's board of directors", "Petrovex shareholders": a company, also
      // in its other mentions ("leaving Petrovex"), even against the typer's guess for them alone
      type = 'ORG';
      strength = 4;
    } else if (prev && ORG_NOUNS.has(prevL) && !prev.cap) {
      type = 'ORG';
      strength = 2;
    } else if (prev && (PERSON_NOUNS.has(prevL) || gaz.personNouns.has(prevL)) && !prev.cap) {
      type = 'PERSON';
      strength = 2;
    } else if (next && (nextL === 'said' || nextL === 'says') && saysInStatement(toks, k + 1) && !gaz.firstNames.has(first)) {
      // "Velco said in a statement": organisations issue statements
      type = 'ORG';
      strength = 2;
    } else if (next && (PERSON_CUES.has(nextL) || (nextL === ',' && k + 1 < toks.length && toks[k + 1].lower === 'who'))) {
      type = 'PERSON';
      strength = 2;
    } else if (prev && (prevL === 'said' || prevL === 'says' || prevL === 'according' || prevL === 'by') && len <= 3) {
      type = 'PERSON';
      strength = 2;
    } else if (prev && (prevL === 'in' || prevL === 'near' || prevL === 'from' || prevL === 'to' || prevL === 'outside') && len <= 2) {
      type = 'LOC';
      strength = 1;
    } else if (len >= 2 && gaz.lastNames.has(lastL) && len <= 3) {
      type = 'PERSON';
      strength = 2;
    } else if (len >= 2 && len <= 3 && !this.hasVocabWord(toks, s, k)) {
      type = 'PERSON';
      strength = 1;
    } else if (len === 2 && !lastTok.allCaps && !this.isVocab(lastL) && !gaz.orgWords.has(lastL) && !PLACE_SUFFIX.has(lastL) && !gaz.orgWords.has(first)) {
      // an English word, then an unknown one: a given name and a surname ("Dries Mertens", "Park Joo-Ho")
      type = 'PERSON';
      strength = 1;
    } else if (len >= 2) {
      // capitalised English words with no organisation, place or person evidence ("Quiet Morning Light",
      // "Questions Wednesday"): in news these are titles of works, events, programmes or studies far more
      // often than organisations, whose names carry an organisation word or follow "the". Kept as MISC,
      // so the words are not typed as anything else, and left out.
      return this.make(text, toks, s, k, 'MISC', 1, null);
    } else if (gaz.lastNames.has(first)) {
      type = 'PERSON';
      strength = 1;
    } else {
      // a lone capitalised word with no evidence: a name only if it is the surname of a person named
      // in full, or (when not an English word) the document repeats it capitalised
      const m = this.make(text, toks, s, k, 'PERSON', 0, null);
      m.tentative = true;
      // people are rarely "the X" / "a X": a determiner before a lone unknown word rules out a person
      const vocab = this.isVocab(first);
      m.common = vocab || ABSTRACT_NOUN.test(first);
      m.repeatable = !vocab && !(prev && !prev.cap && DETERMINERS.has(prevL));
      return m;
    }
    const m = this.make(text, toks, s, k, type, strength, null);
    m.title = title;
    m.country = country;
    if (strength === 1 && len === 1 && toks[s].sentStart) m.tentative = true;
    return m;
  }

  /**
   * Start of an event or law name in the run [a, b): its last capitalised word before any trailing
   * places is an event or law word ("Science Fair", "Fan Expo Canada", "Clean Air Act"), and no word
   * makes it an organisation. -1 when it is none.
   */
  private eventName(toks: readonly Token[], a: number, b: number): number {
    const gaz = this.gaz;
    let s0 = a;
    while (s0 < b && (!toks[s0].cap || FUNCTION_WORDS.has(toks[s0].lower))) s0++;
    if (s0 + 1 < b && toks[s0].text === 'Operation') return s0; // "Operation Clambake"
    let e = b - 1;
    while (e > a && (gaz.countries.has(toks[e].lower) || gaz.places.has(toks[e].lower))) e--;
    if (e <= a || !toks[e].cap || !gaz.miscHeads.has(toks[e].lower)) return -1;
    let s = a;
    while (s < e && (!toks[s].cap || FUNCTION_WORDS.has(toks[s].lower))) s++;
    if (s >= e) return -1;
    for (let k = s; k < e; k++) if (this.gaz.orgWords.has(toks[k].lower) || this.gaz.titleHeads.has(toks[k].lower)) return -1;
    return s;
  }

  /** Start of the product name that ends the run [a, b) ("Internet Explorer", "Windows"), or -1. */
  private productBefore(toks: readonly Token[], a: number, b: number): number {
    for (let s = Math.max(a, b - 3); s < b; s++) if (this.gaz.misc.has(joinLower(toks, s, b))) return s;
    return -1;
  }

  /**
   * End of an organisation name that starts at e, after a place or product ("Navy", "Home Office",
   * "Institute of Technology", "Society of Canada"): capitalised words up to an organisation word, and
   * a connector phrase after it; -1 when the words are no organisation or a title intervenes ("US
   * President Donald Trump").
   */
  private orgAfter(toks: readonly Token[], e: number, b: number): number {
    const gaz = this.gaz;
    let end = -1;
    for (let k = e; k < b; k++) {
      const w = toks[k];
      const wl = w.lower;
      if (!w.cap) {
        if (end < 0 || !CONNECTORS.has(wl)) break;
        continue;
      }
      if ((gaz.titleHeads.has(wl) && !gaz.orgWords.has(wl)) || (k === e && gaz.firstNames.has(wl))) break;
      const known = this.longestPhrase(toks, k, b);
      if (known && known.type === 'ORG') {
        // a known organisation: "British Red Cross"
        end = known.end;
        k = known.end - 1;
      } else if (gaz.orgWords.has(wl) || ORG_AFTER_PLACE.has(wl) || end > 0) {
        // an organisation word, and what follows it ("Department of Agriculture", "Centre for Control of Iodine Deficiency Disorders")
        end = k + 1;
      }
    }
    return end;
  }

  /**
   * Whether a person's full name starts at k, right after an organisation word ("Refugee Council
   * Enver Solomon", "Velco Group Maria Lind"): a given name that is no English or organisation word,
   * then one or two capitalised words that end the run, none of them an organisation word.
   */
  private personAfterOrg(toks: readonly Token[], k: number, b: number): boolean {
    const gaz = this.gaz;
    const w = toks[k].lower;
    if (k + 1 >= b || b - k > 3 || !toks[k].cap || toks[k].allCaps || this.isVocab(w) || gaz.orgWords.has(w)) return false;
    // a known given name, or two unknown words the sentence makes a speaker ("... Enver Solomon told")
    const cue = b < toks.length && PERSON_CUES.has(toks[b].lower);
    if (!gaz.firstNames.has(w) && !(cue && b - k === 2 && !this.isVocab(toks[k + 1].lower))) return false;
    const prev = toks[k - 1].lower;
    if (!gaz.orgWords.has(prev) || PLACE_SUFFIX.has(prev)) return false;
    for (let x = k + 1; x < b; x++) if (!toks[x].cap || gaz.orgWords.has(toks[x].lower)) return false;
    return true;
  }

  /** Whether the capitalised words from k name an organisation of their own ("... and Colorado State University"). */
  private namesOrgAfter(toks: readonly Token[], k: number): boolean {
    for (let x = k; x < toks.length && x < k + 6 && toks[x].cap && (x === k || toks[x].spaceBefore); x++) {
      if (this.gaz.orgWords.has(toks[x].lower)) return true;
    }
    return false;
  }

  /**
   * Whether the capitalised words [s, j) before an "and" at j are English words naming what an
   * organisation after the "and" deals in ("Test and County Cricket Board", "Financial Futures and
   * Options Exchange"): the word before "and" is an English word, none is an organisation word or a
   * person's name, and the words after "and" end in an organisation word.
   */
  private vocabBeforeOrg(toks: readonly Token[], s: number, j: number): boolean {
    const before = toks[j - 1].lower;
    if (!(this.isVocab(before) || (before.endsWith('s') && this.isVocab(before.slice(0, -1)))) || this.gaz.places.has(before) || this.gaz.countries.has(before) || this.gaz.orgs.has(before)) return false;
    for (let x = s; x < j; x++) {
      const w = toks[x].lower;
      if (!toks[x].cap || this.gaz.orgWords.has(w) || this.gaz.firstNames.has(w) || this.gaz.lastNames.has(w) || this.gaz.titles.has(w)) return false;
    }
    return this.namesOrgAfter(toks, j + 1);
  }

  /** Whether [s, k) has an organisation word followed by "of", "for" or "on" ("Corps of", "Centre for"). */
  private hasOrgWordBeforeConnector(toks: readonly Token[], s: number, k: number): boolean {
    for (let x = s; x + 1 < k; x++) {
      const c = toks[x + 1].text;
      if (this.gaz.orgWords.has(toks[x].lower) && !PLACE_SUFFIX.has(toks[x].lower) && (c === 'of' || c === 'for' || c === 'on')) return true;
    }
    return false;
  }

  private noPersonWords(toks: readonly Token[], s: number, k: number): boolean {
    for (let i = s; i < k; i++) {
      const w = toks[i].lower;
      if (this.gaz.firstNames.has(w) || this.gaz.lastNames.has(w) || this.gaz.titles.has(w) || toks[i].allCaps) return false;
    }
    return true;
  }

  /** An English word: in the lexicon, or written in lower case elsewhere in this text. */
  /** An English plural ("analysts", "others") that is no known surname or given name ("Banks", "Evans"). */
  private isPluralWord(lower: string): boolean {
    if (lower.length <= 3 || !lower.endsWith('s') || !this.isVocab(lower)) return false;
    if (this.gaz.lastNames.has(lower) || this.gaz.firstNames.has(lower) || this.gaz.orgWords.has(lower)) return false;
    return this.isVocab(lower.slice(0, -1)) || (lower.endsWith('es') && this.isVocab(lower.slice(0, -2)));
  }

  private isVocab(lower: string): boolean {
    return this.gaz.vocab.has(lower) || this.docLower.has(lower);
  }

  private hasVocabWord(toks: readonly Token[], s: number, k: number): boolean {
    for (let i = s; i < k; i++) {
      const w = toks[i].lower;
      if (toks[i].cap && this.isVocab(w) && !this.gaz.firstNames.has(w) && !this.gaz.lastNames.has(w)) return true;
    }
    return false;
  }

  /** "the US President", "his predecessor", "the new American leader" starting at token i. */
  private roleAt(text: string, toks: readonly Token[], i: number): { mentions: RawMention[]; next: number } | null {
    const t = toks[i];
    const lower = t.lower;
    if (t.kind !== TokKind.Word || !DETERMINERS.has(lower)) return null;
    let k = i + 1;
    let country: string | null = null;
    const inner: RawMention[] = [];
    let steps = 0;
    while (k < toks.length && steps < 5) {
      const w = toks[k];
      if (!w.spaceBefore && !isPossessive(w)) break;
      const wl = w.lower;
      if (isPossessive(w)) {
        k++;
        steps++;
        continue;
      }
      const c = this.gaz.countryOf(wl);
      if (c !== null && w.cap) {
        country = c;
        const isCountry = this.gaz.countries.has(wl);
        inner.push(this.make(text, toks, k, k + 1, isCountry ? 'LOC' : 'NORP', 3, isCountry ? c : null));
        k++;
        steps++;
        continue;
      }
      if (ROLE_HEADS.has(wl) && w.kind === TokKind.Word) {
        // the head must end the phrase (not "the president's office" handled fine; not "the President Donald Trump")
        const nx = k + 1 < toks.length ? toks[k + 1] : null;
        if (nx && nx.spaceBefore && nx.cap && this.isNameWord(nx) && !this.gaz.common.has(nx.lower)) return null;
        if (nx && nx.spaceBefore && ROLE_HEADS.has(nx.lower)) {
          k++;
          steps++;
          continue;
        }
        if (wl === 'official' || wl === 'head' || wl === 'general' || wl === 'owner' || wl === 'founder') return null;
        const start = i;
        const m = this.make(text, toks, start, k + 1, 'PERSON', 2, null);
        m.kind = 'role';
        m.country = country;
        m.title = wl;
        // apposition: ", President Barack Obama"
        return { mentions: [...inner, m], next: k + 1 };
      }
      if (ROLE_MODIFIERS.has(wl) || (w.kind === TokKind.Word && !w.cap && wl.length > 2 && steps < 2 && /^[a-z-]+$/.test(wl) && !this.gaz.common.has(wl))) {
        k++;
        steps++;
        continue;
      }
      break;
    }
    return null;
  }

  /** A run ending in a title ("German Chancellor") preceded by "the": a role mention. */
  private roleBefore(text: string, toks: readonly Token[], a: number, b: number, country: string | null, out: RawMention[]): RawMention | null {
    const det = a > 0 ? toks[a - 1] : null;
    if (!det || !DETERMINERS.has(det.lower)) return null;
    // remove the NORP/LOC mention inside the role ("the Russian President": Russian stays a NORP mention; CoNLL keeps it)
    const head = toks[b - 1].lower;
    const m = this.make(text, toks, a - 1, b, 'PERSON', 2, null);
    m.kind = 'role';
    m.country = country;
    m.title = head;
    void out;
    return m;
  }

  private make(text: string, toks: readonly Token[], s: number, e: number, type: RawType, strength: number, canonical: string | null): RawMention {
    const start = toks[s].start;
    const end = toks[e - 1].end;
    const t = text.slice(start, end);
    return { start, end, text: t, type, kind: 'name', strength, canonical, title: null, country: null, tentative: false, appositive: null, tokenIndex: s, entity: t, sentId: 0, firstInSentence: false, linkedTo: -1 };
  }
}

/** Number words that count what follows ("three RBI"). */
const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'several', 'many']);

/**
 * Acronyms (2 to 6 upper-case letters) whose letters are the initials of a run
 * of lower-case words elsewhere in the same text. News writes an organisation's name capitalised, so an
 * acronym spelled out in lower case ("iodine deficiency disorders", "IDD") abbreviates a common noun.
 * Also an abbreviation the text writes only after a count, a unit ("his 121 RBI", "three RBI").
 * Linear: at most 6 initials are read from each lower-case word.
 */
function commonNounAcronyms(toks: readonly Token[]): Set<string> {
  const wanted = new Set<string>();
  for (const t of toks) {
    if (t.allCaps && t.kind === TokKind.Word && t.text.length <= 6 && /^[A-Z]+$/.test(t.text)) wanted.add(t.text);
  }
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  // an abbreviation the text writes only after a count is a unit ("his 121 RBI", "three RBI", "40 MW")
  const afterCount = new Map<string, boolean>();
  for (let p = 1; p < toks.length; p++) {
    const t = toks[p];
    if (!t.allCaps || !wanted.has(t.text)) continue;
    const prev = toks[p - 1];
    const count = t.spaceBefore && (prev.kind === TokKind.Number || COUNT_WORDS.has(prev.lower));
    afterCount.set(t.text, count && afterCount.get(t.text) !== false);
  }
  if (toks.length > 0 && wanted.has(toks[0].text)) afterCount.set(toks[0].text, false);
  for (const [w, unit] of afterCount) if (unit) found.add(w);
  // the words an acronym's letters may start: an initial no acronym begins with starts no run (most words)
  const firsts = new Set<string>();
  for (const w of wanted) firsts.add(w[0]);
  for (let p = 0; p < toks.length; p++) {
    const t = toks[p];
    if (t.kind !== TokKind.Word || t.cap || !firsts.has(t.text[0].toUpperCase()[0])) continue;
    let initials = '';
    for (let q = p; q < toks.length && q < p + 6; q++) {
      const w = toks[q];
      if (w.kind !== TokKind.Word || w.cap || (q > p && !w.spaceBefore)) break;
      initials += w.text[0].toUpperCase();
      if (q > p && wanted.has(initials)) found.add(initials);
    }
  }
  return found;
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Words that put a month in time ("in May", "since March", "early June"). */
const TIME_WORDS = new Set(['in', 'on', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'through', 'between', 'and', 'to', 'or']);

/** A month in a date ("in May", "May 5", "5 May", "May 2019"): no surname, even in a text about Theresa May. */
function isDate(toks: readonly Token[], i: number): boolean {
  if (!MONTHS.has(toks[i].lower)) return false;
  const prev = i > 0 ? toks[i - 1] : null;
  const next = i + 1 < toks.length ? toks[i + 1] : null;
  return (prev !== null && (prev.kind === TokKind.Number || TIME_WORDS.has(prev.lower))) || (next !== null && next.kind === TokKind.Number && next.spaceBefore);
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A month or a day of the week: a date before a name, never part of it. */
function isTimeWord(lower: string): boolean {
  return MONTHS.has(lower) || WEEKDAYS.has(lower);
}

const SHORT_MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * A month's abbreviation before a day ("Aug 30", "Sept. 4", as wire datelines write them): no
 * name. Only before a number, since "Jan" and "Mar" are also given names.
 */
function isShortMonthDate(toks: readonly Token[], i: number): boolean {
  // the tokenizer keeps an abbreviation's dot ("Oct."); a dot written apart is skipped below
  const lower = toks[i].lower;
  if (!SHORT_MONTHS.has(lower.endsWith('.') ? lower.slice(0, -1) : lower)) return false;
  let k = i + 1;
  if (k < toks.length && toks[k].text === '.' && toks[k].start === toks[i].end) k++;
  return k < toks.length && toks[k].kind === TokKind.Number && toks[k].spaceBefore;
}

/** "in a statement" / "in a news release" from toks[i]. */
function saysInStatement(toks: readonly Token[], i: number): boolean {
  if (i + 2 >= toks.length || toks[i].text !== 'in' || (toks[i + 1].text !== 'a' && toks[i + 1].text !== 'its')) return false;
  const w = toks[i + 2].lower;
  return w === 'statement' || w === 'release' || w === 'filing' || (w === 'news' && toks[i + 3]?.text === 'release');
}

function hasAmpersand(toks: readonly Token[], s: number, e: number): boolean {
  for (let k = s + 1; k < e - 1; k++) if (toks[k].text === '&') return true;
  return false;
}

function joinLower(toks: readonly Token[], s: number, e: number): string {
  let out = '';
  for (let k = s; k < e; k++) out += (k === s ? '' : ' ') + toks[k].lower;
  return out;
}

function stripThe(key: string): string {
  return key.startsWith('the ') ? key.slice(4) : key;
}

export const PERSON_CUE_WORDS: ReadonlySet<string> = PERSON_CUES;
