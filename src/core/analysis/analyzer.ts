import type { CurationRules } from '../curation/rules';
import type { DocumentAnalysis, EntityMention, Quote } from './types';
import { Gazetteer } from './gazetteer';
import { EntityRecognizer, type RawMention } from './entities';
import { AliasGrouper, type WorkMention } from './aliases';
import { linkRoles } from './roles';
import { findQuotes } from './quotes';
import { attributeQuotes } from './speakers';
import { TokKind, tokenize } from './tokenizer';
import { applyCuration } from './curation';
import { countriesAsTeams } from './teams';

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

  constructor(gazetteer: Gazetteer = new Gazetteer()) {
    this.gazetteer = gazetteer;
    this.recognizer = new EntityRecognizer(gazetteer);
    this.grouper = new AliasGrouper(gazetteer);
  }

  analyze(text: string, rules?: CurationRules): DocumentAnalysis {
    const sentenceStarts: number[] = [];
    const ms: RawMention[] = [];
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
          const lw = t.text.toLowerCase();
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
      }
      from = to;
    }
    // drop single sentence-initial words the rest of the document never confirms as names
    // and common words kept as weak candidates unless they end a person's full name ("Theresa May" ... "May")
    const surnames = new Set<string>();
    for (const m of ms) {
      if (m.type === 'PERSON' && m.strength >= 2 && m.kind === 'name') {
        const sp = m.text.lastIndexOf(' ');
        if (sp > 0) surnames.add(m.text.slice(sp + 1));
      }
    }
    const kept = ms.filter((m) => {
      if (m.strength === 0) {
        if (surnames.has(m.text)) return true;
        if (!m.repeatable || (capsMid.get(m.text.toLowerCase()) ?? 0) < 2) return false;
        m.strength = 1;
        return true;
      }
      return !m.tentative || capsMid.has(m.text.toLowerCase());
    });
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
    countriesAsTeams(text, clean, this.gazetteer);
    this.grouper.group(clean);
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

function isOutputType(m: RawMention): m is WorkMention {
  return m.type !== 'MISC';
}
