import type { CurationRules } from '../curation/rules';
import type { DocumentAnalysis, EntityMention, Quote } from './types';
import { Gazetteer } from './gazetteer';
import { EntityRecognizer, type RawMention } from './entities';
import { AliasGrouper, type WorkMention } from './aliases';
import { linkRoles } from './roles';
import { findQuotes } from './quotes';
import { attributeQuotes } from './speakers';
import { TokKind, tokenize, type Token } from './tokenizer';
import { applyCuration } from './curation';
import { countriesAsTeams, isAfterCapitalAll, isMatchReport, isPluralClub, isPluralClubBesideClub, namesASportAtStart, namesAnIndividualSport, namesItsSport } from './teams';
import { fillsClubPlace, isResultsTable, mayBeClubInTable } from './resultsTables';
import { datelineNames, groupCapitalPlaces } from './datelines';
import { isForm, looksLikeLabel } from './formLabels';
import { namesAnIndex } from './marketIndexes';
import { isSportOrEventWord, looksLikeCompetition, opensCupInCapitals, opensPossessiveEvent } from './competitions';
import { acronymCompounds, makerPairs, shortCompanyNames } from './companyPersons';
import { splitPersonAfterOrg } from './orgPersons';
import { joinSpelledAcronyms } from './acronymSpans';
import { joinOrgCountries } from './orgCountries';
import { personInitials } from './personInitials';
import { joinAdjacentOrgs, joinNationalPlaces, towersArePlaces } from './adjacentOrgs';
import { mayRevive, reviveDropped } from './revivedNames';
import { sentenceStartOrgWord } from './sentenceStartWords';
import { EntityTyper, typerDocFeatures, typerFeatures, type TyperCandidate, type TyperDocEvidence } from './typer';
import { TYPER_MODEL } from './typerModel';
import { workMentions } from './works';

/**
 * How much the typer's best type must beat the rules' type (in the model's integer score units) to
 * replace it, and how much a dropped name's best type must beat O to bring it back. Chosen on
 * CoNLL-2003 dev (margins 0, 100, 300, 1000, 2000, 5000 tried; see README, "Entity typer").
 */
const RETYPE_MARGIN = 1000;
const PROMOTE_MARGIN = 0;

/** Size of the pieces a long text is tokenized in, so memory stays bounded (UTF-16 units). */
const CHUNK = 64 * 1024;

/**
 * The analysis engine: entities with types and aliases, role mentions, direct quotes and
 * their speakers. Holds only immutable tables; analyse as many documents as you like.
 */
export class Analyzer {
  readonly gazetteer: Gazetteer;
  private readonly recognizer: EntityRecognizer;
  private readonly grouper: AliasGrouper;

  private readonly typer: EntityTyper | null;

  /** `typer: null` runs the rules alone (the baseline, and what the typer is trained on). */
  constructor(gazetteer: Gazetteer = new Gazetteer(), typer: EntityTyper | null = new EntityTyper(TYPER_MODEL)) {
    this.gazetteer = gazetteer;
    this.typer = typer;
    this.recognizer = new EntityRecognizer(gazetteer);
    this.grouper = new AliasGrouper(gazetteer);
  }

  analyze(text: string, rules?: CurationRules): DocumentAnalysis {
    const typer = this.typer;
    const gaz = this.gazetteer;
    const { ms, sentenceStarts, features, evidence } = this.collect(text, typer && ((toks, c) => typer.candidateScores(gaz, toks, c)));
    const kept: RawMention[] = [];
    // one-word names dropped by the rules or the typer, which the document may name elsewhere
    const dropped: RawMention[] = [];
    // the names of a dateline are places ("NEW YORK 1996-08-30"), decided by neither the rules nor the typer
    const dateline = datelineNames(text, ms);
    // whether the text is sports news, asked only once a plural club candidate appears
    let sports: boolean | null = null;
    // whether the text names its sport at its start, asked only once a name is followed as in a table line,
    // and whether it is a results table, asked only once a name fills a club's place in a table line
    let sportHead: boolean | null = null;
    let table: boolean | null = null;
    // whether the text is news of a sport played by individuals, asked only once the typer makes a person a team
    let individual: boolean | null = null;
    for (const m of ms) {
      // "the Cubs", "the All Blacks", "successes for Zorgans and Bristol" in sports news: a club, whatever the rules and the typer make of the word alone
      if ((isPluralClub(text, m, this.gazetteer) || isPluralClubBesideClub(text, m, this.gazetteer)) && (sports ??= namesItsSport(text))) {
        m.type = 'ORG';
        m.strength = 3;
        m.tentative = false;
        kept.push(m);
        continue;
      }
      // "the All Greens", "All Green hooker" in sports news: a club's name opened by "All"
      if (isAfterCapitalAll(text, m) && (sports ??= namesItsSport(text))) {
        m.start -= 4;
        m.text = text.slice(m.start, m.end);
        m.type = 'ORG';
        m.strength = 3;
        m.tentative = false;
        kept.push(m);
        continue;
      }
      // "Hartwell 2 Denby Rovers 1", "Hartwell 4 3 1 0 9 3 10" in a results table: clubs, whatever the rules and the typer make of the words alone
      if (table !== false && this.mayBeClub(text, m)) {
        if (!(sportHead ??= namesASportAtStart(text))) table = false;
        else if (fillsClubPlace(text, m.start, m.end) && (table ??= isResultsTable(text))) {
          m.type = 'ORG';
          m.strength = 3;
          m.tentative = false;
          kept.push(m);
          continue;
        }
      }
      // a single letter is no name: "C$ 0.45", "C-4", "Radnicki (N)", "N / A"
      if (m.kind === 'name' && m.end - m.start === 1) continue;
      if (dateline.has(m)) {
        m.type = 'LOC';
        m.tentative = false;
        kept.push(m);
        continue;
      }
      const f = features.get(m);
      const ev = evidence.get(m);
      if (typer && f && ev) {
        // the model types the names the rules kept, and may bring back one they dropped
        const all = typer.addDocScores(f, m.type, ev);
        if (ev.keptByRules) {
          let t = typer.retype(all, m.type, RETYPE_MARGIN) as RawMention['type'];
          // a player named like a place ("said Lisbon") in tennis or golf news is no place or team
          if (t !== 'PERSON' && m.type === 'PERSON' && (individual ??= namesAnIndividualSport(text))) t = 'PERSON';
          // a type the model is sure of against the rules' is strong evidence for the other mentions of the name
          if (t !== m.type) m.strength = 3;
          m.type = t;
        } else {
          // an English word the rules dropped ("talks on the Partnership") comes back only by the margin that
          // overrules the rules' type, unless the document writes it capitalised mid-sentence twice or more;
          // an unknown word ("Zembrix said") has nothing against it but the rules' guess
          const t = typer.promote(all, m.common && !ev.capsElsewhere ? RETYPE_MARGIN : PROMOTE_MARGIN);
          if (t === null || t === 'O') {
            if (mayRevive(m, text)) dropped.push(m);
            continue;
          }
          m.type = t;
          m.strength = 1;
          m.tentative = false;
        }
        kept.push(m);
      } else if (ev?.keptByRules) kept.push(m);
      else if (ev && mayRevive(m, text)) dropped.push(m);
    }
    // "Labour's shadow minister said" ... "Labour has a plan": a dropped sentence-initial word the document keeps elsewhere
    reviveDropped(kept, dropped);
    for (const m of kept) if (m.kind === 'name') this.withTownLetters(text, m);
    // Names dropped whatever the rules and the typer made of them (one pass, in place: a text
    // could hold a great many): a form's field labels ("ISSUER:", "SR MGR:"); "the Dow Jones
    // industrial average", "the FTSE 100 index" (an index, no organisation in that mention);
    // "First test match", "Second one-day international" (an ordinal before a lower-case word);
    // "the Continental League Central", "Division B" in sports news, "[Southern Nations]' Cup" (competitions);
    // a sport or an event's word alone ("SQUASH - ...", "STANDINGS AFTER THURSDAY'S GAMES"); "[VELMAR BANK] CUP" in capitals.
    let form: boolean | null = null;
    let sportsGame: boolean | null = null;
    let n = 0;
    // titles of works, vehicles and storms ("the TV series [Moonfall]"), and their other mentions (works.ts)
    const works = workMentions(text, kept, this.gazetteer);
    for (const m of kept) {
      const drop =
        m.kind === 'name' &&
        (works.has(m) ||
          (looksLikeLabel(text, m.start, m.end) && (form ??= isForm(text))) ||
          (m.type === 'ORG' &&
            (namesAnIndex(text, m.end) ||
              (looksLikeCompetition(m.text) && (sportHead ??= namesASportAtStart(text)) && ((table ??= isResultsTable(text)) || (sportsGame ??= isMatchReport(text) || ((sports ??= namesItsSport(text)) && A_SCORE.test(text))))) ||
              opensPossessiveEvent(text, m.text, m.end))) ||
          isOrdinalBeforeNoun(text, m) ||
          isSportOrEventWord(m.text) ||
          (opensCupInCapitals(text, m.end) && ((sports ??= namesItsSport(text)) || (sportHead ??= namesASportAtStart(text)))));
      if (!drop) kept[n++] = m;
    }
    kept.length = n;
    // "Police arrested the man." ... "the police" ... "the Dunmore Police Department": an organisation word opening a sentence is no name
    const startOrg = sentenceStartOrgWord(text, kept, this.gazetteer);
    n = 0;
    for (const m of kept) if (!startOrg(m)) kept[n++] = m;
    kept.length = n;
    // de-duplicate overlapping names (keep the first, longest); names may sit inside roles ("the [Russian] President");
    // MISC names (products, events) take their words from other names, and are then left out
    const clean: WorkMention[] = [];
    let lastNameEnd = -1;
    let lastRoleEnd = -1;
    for (const m of kept) {
      if (m.kind === 'name') {
        if (m.start < lastNameEnd) continue;
        lastNameEnd = m.end;
      } else {
        if (m.start < lastRoleEnd) continue;
        lastRoleEnd = m.end;
      }
      if (isOutputType(m)) clean.push(m);
    }
    // "Velmar Chemical" ... "the Velmar Chemical Co": a company, whatever the typer made of the short name
    shortCompanyNames(clean, this.gazetteer);
    // "Varnot Kessler", "Brask Kessler", "Varnot Ostwald-Rhein": a chassis and an engine, no people
    makerPairs(clean, this.gazetteer);
    // "KDP-Dunmore" (a consortium) ... "Dunmore": organisations
    acronymCompounds(clean);
    // "the Varnia Democratic Union (VDU)", "Partito 4 Fiumi (P4F)": one organisation, spelled out before its acronym
    joinSpelledAcronyms(text, clean);
    // "Grain Standards of Norland and Varnia", "Grain Standards Norland Varnia": a body named after the countries it serves
    joinOrgCountries(text, clean, this.gazetteer);
    // "a paper by JT Varlow": initials without periods open the person's name
    personInitials(text, clean, this.gazetteer);
    // "Norland State University Student Union": organisations with only a space between them are one
    joinAdjacentOrgs(text, clean, this.gazetteer);
    joinNationalPlaces(text, clean, this.gazetteer);
    // "taken to the Norland City Towers": a building
    towersArePlaces(clean);
    // "Norland State University Amira Velkov" ... "Velkov said": an organisation, then a person
    splitPersonAfterOrg(clean, this.gazetteer);
    countriesAsTeams(text, clean, this.gazetteer);
    this.grouper.group(clean);
    for (const m of clean) if (dateline.has(m)) m.type = 'LOC';
    // "LEEDS (Wire) -" ... "in Leeds": one place
    groupCapitalPlaces(clean);
    linkRoles(clean, text);
    const quoteSpans = findQuotes(text);
    const attributions = attributeQuotes(text, quoteSpans, clean, sentenceStarts, this.gazetteer.femaleNames);
    const entities: EntityMention[] = clean.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity, kind: m.kind }));
    const quotes: Quote[] = quoteSpans.map((q, i) => {
      const a = attributions[i];
      const sm = a.mention >= 0 ? clean[a.mention] : null;
      return {
        start: q.start,
        end: q.end,
        text: text.slice(q.start, q.end),
        kind: a.kind,
        speaker: sm ? sm.entity : a.description,
        cue: a.cue,
        openMark: q.openMark,
        closeMark: q.closeMark,
        speakerSpan: sm ? { start: sm.start, end: sm.end } : null,
      };
    });
    const result: DocumentAnalysis = { entities, quotes };
    return rules ? applyCuration(text, result, rules) : result;
  }
  /**
   * Whether a name may fill a club's place in a results, standings or fixtures line (the cheap test:
   * what follows it); a country (a national team, decided by teams.ts), a nationality and a person
   * named with a given name ("Tiger Woods") are left as they are.
   */
  private mayBeClub(text: string, m: RawMention): boolean {
    if (m.kind !== 'name' || m.type === 'NORP' || (m.type === 'PERSON' && m.strength >= 3)) return false;
    if (!mayBeClubInTable(text, m.start, m.end)) return false;
    return !(m.type === 'LOC' && this.gazetteer.countries.has(m.text.toLowerCase()));
  }

  /**
   * A club in a results table keeps the letters of its town in brackets ("Mladost (L) 4 2 1 1",
   * "Borac 1 Mladost (BJ) 2"): one or two capitals, then a number, a dash or the line's end. A
   * country's code ("(US)") stays apart. Such a name is a club (ORG).
   */
  private withTownLetters(text: string, m: RawMention): void {
    const e = m.end;
    if (text.charCodeAt(e) !== 32 || text.charCodeAt(e + 1) !== 40) return;
    let k = e + 2;
    while (k < e + 4 && k < text.length && text.charCodeAt(k) >= 65 && text.charCodeAt(k) <= 90) k++;
    if (k === e + 2 || text.charCodeAt(k) !== 41) return;
    const after = text.slice(k + 1, k + 3);
    if (!/^(?:$|\r|\n| \d| -)/.test(after)) return;
    if (this.gazetteer.countries.has(text.slice(e + 2, k).toLowerCase())) return;
    m.end = k + 1;
    m.text = text.slice(m.start, m.end);
    m.type = 'ORG';
    m.strength = 3;
  }

  /**
   * The rules' name candidates of a text with the typer's features: for test/eval/train-typer.ts,
   * which labels them against gold names.
   */
  typerCandidates(text: string): Array<{ start: number; end: number; ruleType: string; features: string[] }> {
    const { ms, features, evidence } = this.collect(text, (toks, c) => typerFeatures(this.gazetteer, toks, c));
    const out: Array<{ start: number; end: number; ruleType: string; features: string[] }> = [];
    for (const m of ms) {
      const f = features.get(m);
      const ev = evidence.get(m);
      if (f && ev) out.push({ start: m.start, end: m.end, ruleType: m.type, features: typerDocFeatures(f, m.type, ev) });
    }
    return out;
  }

  /**
   * Raw mentions of the whole text, with sentence starts and, per typed name, what `featuresOf` makes
   * of it (the typer's features, or its scores) and the document evidence.
   */
  private collect<F>(text: string, featuresOf: ((toks: readonly Token[], c: TyperCandidate) => F) | null): { ms: RawMention[]; sentenceStarts: number[]; features: Map<RawMention, F>; evidence: Map<RawMention, TyperDocEvidence> } {
    const sentenceStarts: number[] = [];
    const ms: RawMention[] = [];
    const features = new Map<RawMention, F>();
    const capsMid = new Map<string, number>();
    let sentId = 0;
    for (let from = 0; from < text.length; ) {
      const to = chunkEnd(text, from);
      const toks = tokenize(text, from, to);
      const raw: RawMention[] = this.recognizer.recognize(text, toks);
      raw.sort((a, b) => a.start - b.start || b.end - a.end);
      // sentence ids per token
      const sentOf = new Int32Array(toks.length);
      let prevStart = false;
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k];
        if (t.sentStart && !prevStart) {
          sentId++;
          sentenceStarts.push(t.start);
        }
        prevStart = t.sentStart;
        sentOf[k] = sentId;
        if (t.kind === TokKind.Word && t.cap && !t.sentStart && !t.allCaps) {
          const lw = t.lower;
          capsMid.set(lw, (capsMid.get(lw) ?? 0) + 1);
        }
      }
      let lastSent = -1;
      for (const r of raw) {
        const sid = sentOf[Math.min(r.tokenIndex, toks.length - 1)];
        const first = sid !== lastSent;
        lastSent = sid;
        r.sentId = sid;
        r.firstInSentence = first;
        ms.push(r);
        if (featuresOf && this.typerDecides(r)) {
          let e = r.tokenIndex;
          while (e < toks.length && toks[e].end <= r.end) e++;
          if (e > r.tokenIndex) features.set(r, featuresOf(toks, { s: r.tokenIndex, e, ruleType: r.type, strength: r.strength, tentative: r.tentative }));
        }
      }
      from = to;
    }
    // surnames of people named in full: a lone common word that ends one ("Theresa May" ... "May") may be a name
    const surnames = new Set<string>();
    for (const m of ms) {
      if (m.type === 'PERSON' && m.strength >= 2 && m.kind === 'name') {
        const sp = m.text.lastIndexOf(' ');
        if (sp > 0) surnames.add(m.text.slice(sp + 1));
      }
    }
    // the first word of a club named with its town ("Real Madrid" ... "Real") is a name like such a surname
    for (const m of ms) {
      if (m.type !== 'ORG' || m.kind !== 'name') continue;
      const sp = m.text.indexOf(' ');
      if (sp > 0 && sp === m.text.lastIndexOf(' ') && this.gazetteer.places.has(m.text.slice(sp + 1).toLowerCase())) surnames.add(m.text.slice(0, sp));
    }
    const evidence = new Map<RawMention, TyperDocEvidence>();
    for (const m of ms) {
      // how often the document writes the word capitalised mid-sentence
      const caps = capsMid.get(m.text.toLowerCase()) ?? 0;
      const capsElsewhere = caps >= 2;
      const surname = surnames.has(m.text);
      const keptByRules = this.keepByRules(m, surnames, caps);
      evidence.set(m, { keptByRules, capsElsewhere, surname });
    }
    return { ms, sentenceStarts, features, evidence };
  }

  /**
   * Whether the typer decides a name's type: not for nationalities, products and works (MISC), a
   * known organisation ("the White House" is a place in GUM, the administration in news) or a country
   * (a national team is decided by teams.ts): there the rules measure better.
   */
  private typerDecides(r: RawMention): boolean {
    if (r.kind !== 'name' || r.type === 'NORP' || r.type === 'MISC' || r.surnameOnly) return false;
    const lower = r.text.toLowerCase();
    if (r.type === 'ORG' && this.gazetteer.orgs.has(lower.startsWith('the ') ? lower.slice(4) : lower)) return false;
    return !(r.type === 'LOC' && this.gazetteer.countries.has(lower));
  }

  /**
   * The rules' decision on a raw mention: single sentence-initial words the rest of the document never
   * confirms as names, and common words kept as weak candidates unless they end a person's full name
   * ("Theresa May" ... "May"), are dropped. Sets the strength of a confirmed weak candidate. `capsMid`:
   * how often the document writes the word capitalised mid-sentence.
   */
  private keepByRules(m: RawMention, surnames: ReadonlySet<string>, capsMid: number): boolean {
    if (m.strength === 0) {
      if (surnames.has(m.text)) return true;
      if (!m.repeatable || capsMid < 2) return false;
      m.strength = 1;
      return true;
    }
    return !m.tentative || capsMid > 0;
  }
}

/** End of the chunk that starts at `from`: a line break near CHUNK, else a sentence end, else a space. */
function chunkEnd(text: string, from: number): number {
  if (text.length - from <= CHUNK) return text.length;
  const target = from + CHUNK;
  const nl = text.lastIndexOf('\n', target);
  if (nl > from + CHUNK / 2) return nl + 1;
  const dot = text.lastIndexOf('. ', target);
  if (dot > from + CHUNK / 2) return dot + 2;
  const sp = text.lastIndexOf(' ', target);
  if (sp > from + CHUNK / 2) return sp + 1;
  // never split a surrogate pair
  const c = text.charCodeAt(target - 1);
  return c >= 0xd800 && c <= 0xdbff ? target + 1 : target;
}

export type { RawMention };

/** Ordinal words that open a lower-case phrase ("First test match"). */
const ORDINALS = new Set(['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth']);

/** A one-word name that is an ordinal followed by a lower-case word: "First test match", no name. */
function isOrdinalBeforeNoun(text: string, m: RawMention): boolean {
  return ORDINALS.has(m.text) && /^ \p{Ll}/u.test(text.slice(m.end, m.end + 2));
}

/** A score ("5-3", "2-1"): with the sport named and sports words, the text reports a game, where a league is the competition ("Arab League" in a story on football diplomacy is not). */
const A_SCORE = /\b\d{1,3}-\d{1,3}\b/;

function isOutputType(m: RawMention): m is WorkMention {
  return m.type !== 'MISC';
}
