import type { AnnotatedSource, Annotation } from '../annotations/model';
import type { DocumentAnalysis } from '../analysis/types';
import { firstUnits, lastUnits, OffsetMap, sliceCodePoints } from '../text/offsets';
import { stableGuid } from './ids';
import { LfText } from './lfText';
import type { ExportAnalysis, ExportOptions, LineEndings } from './types';
import { parseIsoDate } from '../provenance/dating';
import type { SourceProvenance } from '../provenance/workspace';

/** `@context` of every exported annotation and collection, exactly as the W3C model requires. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Source Annotator's own terms (`sa:`), in a second `@context` entry of the annotations that use
 * them (the model allows more contexts after anno.jsonld): `sa:adjudicated` records what an
 * adjudicated annotation was decided from, `{ "sa:from": [annotation IRIs], "sa:by", "sa:at" }`.
 */
export const SA_NAMESPACE = 'urn:source-annotator:ns#';
export const SA_CONTEXT: { readonly sa: string } = { sa: SA_NAMESPACE };

export interface W3cAdjudicated {
  'sa:from': string[];
  'sa:by': string;
  'sa:at': string;
}

/** Default base IRI of sources: a source's IRI is this followed by its percent-encoded relative path. */
export const DEFAULT_SOURCE_BASE = 'urn:source-annotator:source:';

/** Annotation ids become `ANNOTATION_ID_PREFIX + encodeURIComponent(id)`: a stable IRI that the import reads back. */
export const ANNOTATION_ID_PREFIX = 'urn:source-annotator:annotation:';

/** Ids of the detected entities and quotes (`--analysis`): the import skips them. */
export const ANALYSIS_ID_PREFIX = 'urn:source-annotator:analysis:';

/** Prefix and suffix length: at most this many code points and this many UTF-16 units. */
export const W3C_CONTEXT_LENGTH = 32;

export interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'identifying' | 'classifying';
  format?: string;
}

export type W3cSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number };

export interface W3cAnnotation {
  /** anno.jsonld, with SA_CONTEXT after it when the annotation uses our own terms. */
  '@context': string | [string, typeof SA_CONTEXT];
  id: string;
  type: 'Annotation';
  motivation: string;
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
  generator?: { type: 'Software'; name: string };
  body?: W3cTextualBody[];
  'sa:adjudicated'?: W3cAdjudicated;
  target: {
    /**
     * The workspace file's IRI; with provenance, the web page's URL when there is one (its
     * `<source>.provenance.yaml` gives `url`), and then `state` says which copy the selectors count in.
     */
    source: string;
    /** With a page URL: the workspace's plain-text copy the selectors count in (see W3cTimeState). */
    state?: W3cTimeState;
    /** With a page URL but no date for a TimeState (rare: no retrieval time and no file time): the URL here, `source` stays the file. */
    scope?: string;
    /** The TextQuoteSelector, then the TextPositionSelector when the positions can be given (see SelectorText). */
    selector: W3cSelector[];
  };
}

/**
 * W3C TimeState (Web Annotation Data Model §4.3.1): `cached` is "a copy of the Source resource's
 * representation, appropriate for the Annotation", here the workspace file's IRI (the plain text
 * the selectors count in, read back by the import); `sourceDate` is when the page was retrieved,
 * else the file's modification time (the model requires a date with a TimeState).
 */
export interface W3cTimeState {
  type: 'TimeState';
  cached: string;
  sourceDate: string;
}

export interface W3cCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** The IRI of a source: the base followed by the path, each segment percent-encoded. */
export function sourceIri(path: string, base: string = DEFAULT_SOURCE_BASE): string {
  return base + path.split('/').map(encodeURIComponent).join('/');
}

export function annotationIri(id: string): string {
  return ANNOTATION_ID_PREFIX + encodeURIComponent(id);
}

/**
 * Selectors in one source's text. Line endings (README, "W3C Web Annotation"):
 * - `file` (default): TextPositionSelector and TextQuoteSelector count the file's characters as
 *   stored, CRLF as two code points, like the sidecars and `analyze --json`.
 * - `lf`: both refer to the text with CRLF and lone CR turned into LF, which is what a browser
 *   shows of a .txt (and what the REFI-QDA export writes). Annotations whose text is not where
 *   they say (orphans, sources that are missing) get their quote with line endings normalised
 *   and no TextPositionSelector: there is no text to count positions in.
 * Prefix and suffix hold at most 32 code points and at most 32 UTF-16 units.
 */
export class SelectorText {
  private offsets: OffsetMap | undefined;
  private lfText: LfText | undefined;

  constructor(
    private readonly text: string,
    private readonly lineEndings: LineEndings = 'file',
  ) {}

  private get map(): OffsetMap {
    return (this.offsets ??= new OffsetMap(this.text));
  }

  /** Selectors of a user annotation (code points, as stored). */
  forAnnotation(a: Annotation): W3cSelector[] {
    const t = a.target;
    if (this.lineEndings === 'lf') {
      const anchored = t.exact !== '' && sliceCodePoints(this.text, this.map, t.start, t.end) === t.exact;
      return anchored ? this.forSpan16(this.map.toUtf16(t.start), this.map.toUtf16(t.end)) : [lfQuote(t.prefix, t.exact, t.suffix)];
    }
    return [quote(t.exact, t.prefix, t.suffix), { type: 'TextPositionSelector', start: t.start, end: t.end }];
  }

  /** Selectors of a span given in UTF-16 units of the text (the analysis engine's unit). */
  forSpan16(start16: number, end16: number): W3cSelector[] {
    if (this.lineEndings === 'lf') {
      const lf = (this.lfText ??= new LfText(this.text));
      const start = lf.fromUtf16(start16);
      const end = Math.max(start, lf.fromUtf16(end16));
      return [
        quote(sliceCodePoints(lf.text, lf.lf, start, end), sliceCodePoints(lf.text, lf.lf, start - W3C_CONTEXT_LENGTH, start), sliceCodePoints(lf.text, lf.lf, end, end + W3C_CONTEXT_LENGTH)),
        { type: 'TextPositionSelector', start, end },
      ];
    }
    const start = this.map.toCodePoint(start16);
    const end = Math.max(start, this.map.toCodePoint(end16));
    const m = this.map;
    return [
      quote(sliceCodePoints(this.text, m, start, end), sliceCodePoints(this.text, m, start - W3C_CONTEXT_LENGTH, start), sliceCodePoints(this.text, m, end, end + W3C_CONTEXT_LENGTH)),
      { type: 'TextPositionSelector', start, end },
    ];
  }
}

function quote(exact: string, prefix: string, suffix: string): W3cSelector {
  return { type: 'TextQuoteSelector', exact, prefix: lastUnits(prefix, W3C_CONTEXT_LENGTH), suffix: firstUnits(suffix, W3C_CONTEXT_LENGTH) };
}

/** A stored quote with its line endings normalised as one text (a CRLF split between prefix and exact stays one LF). */
function lfQuote(prefix: string, exact: string, suffix: string): W3cSelector {
  const lf = new LfText(prefix + exact + suffix);
  const a = lf.fromUtf16(prefix.length);
  const b = Math.max(a, lf.fromUtf16(prefix.length + exact.length));
  return quote(sliceCodePoints(lf.text, lf.lf, a, b), sliceCodePoints(lf.text, lf.lf, 0, a), sliceCodePoints(lf.text, lf.lf, b, lf.lf.codePointLength));
}

/** One annotation as a W3C Web Annotation. Positions are already code points in the model. */
export function toW3cAnnotation(path: string, a: Annotation, base: string = DEFAULT_SOURCE_BASE, selectors: SelectorText = new SelectorText('')): W3cAnnotation {
  const body: W3cTextualBody[] = [];
  if (a.note !== '') body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/markdown' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const out: W3cAnnotation = {
    '@context': W3C_CONTEXT,
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: a.note !== '' ? 'commenting' : a.tags.length > 0 ? 'tagging' : 'highlighting',
    created: a.created,
    modified: a.modified,
    target: { source: sourceIri(path, base), selector: selectors.forAnnotation(a) },
  };
  if (a.author !== '') out.creator = { type: 'Person', name: a.author };
  if (body.length > 0) out.body = body;
  if (a.adjudicated) {
    out['@context'] = [W3C_CONTEXT, SA_CONTEXT];
    out['sa:adjudicated'] = { 'sa:from': a.adjudicated.from.map(annotationIri), 'sa:by': a.adjudicated.by, 'sa:at': a.adjudicated.at };
  }
  return out;
}

const GENERATOR = { type: 'Software', name: 'Source Annotator' } as const;

/**
 * Detected entities and quotes of one source as annotations (`--analysis`): an entity mention is
 * `identifying`, with its canonical name (purpose identifying) and its type (classifying) as
 * bodies; a quote is `classifying`, with "quote" (classifying) and its speaker (identifying).
 * Ids are stable (ANALYSIS_ID_PREFIX + a GUID of path and span); `generator` names the software.
 */
export function analysisAnnotations(path: string, doc: DocumentAnalysis, selectors: SelectorText, base: string = DEFAULT_SOURCE_BASE): W3cAnnotation[] {
  const out: W3cAnnotation[] = [];
  const make = (kind: string, start16: number, end16: number, motivation: string, body: W3cTextualBody[]): W3cAnnotation => ({
    '@context': W3C_CONTEXT,
    id: ANALYSIS_ID_PREFIX + stableGuid(`w3c-${kind}`, `${path}\n${start16}\n${end16}`),
    type: 'Annotation',
    motivation,
    generator: GENERATOR,
    body,
    target: { source: sourceIri(path, base), selector: selectors.forSpan16(start16, end16) },
  } as W3cAnnotation);
  for (const e of doc.entities) {
    if (e.kind === 'role') continue; // role phrases ("his successor") are never entities
    out.push(make(`entity-${e.type}`, e.start, e.end, 'identifying', [
      { type: 'TextualBody', value: e.entity, purpose: 'identifying' },
      { type: 'TextualBody', value: e.type, purpose: 'classifying' },
    ]));
  }
  for (const q of doc.quotes) {
    const body: W3cTextualBody[] = [{ type: 'TextualBody', value: 'quote', purpose: 'classifying' }];
    if (q.speaker) body.push({ type: 'TextualBody', value: q.speaker, purpose: 'identifying' });
    out.push(make('quote', q.start, q.end, 'classifying', body));
  }
  return out;
}

/**
 * The W3C Web Annotation JSON-LD of every annotation: by default an AnnotationCollection whose
 * `first` AnnotationPage holds the items; with `w3cForm: 'array'` a plain array of annotations.
 * Every annotation carries its own @context either way, so each one stands alone. With
 * `includeAnalysis`, the detected entities and quotes of every analysed source follow.
 */
export function exportW3c(sources: readonly AnnotatedSource[], options: ExportOptions = {}): W3cCollection | W3cAnnotation[] {
  const base = options.sourceBase ?? DEFAULT_SOURCE_BASE;
  const asArray = options.w3cForm === 'array';
  const items: W3cAnnotation[] = [];
  sources.forEach((s, i) => {
    const selectors = new SelectorText(s.text, options.lineEndings);
    for (const a of s.annotations) items.push(toW3cAnnotation(s.path, a, base, selectors));
    options.onProgress?.(i + 1, sources.length);
  });
  if (options.includeAnalysis && options.analysis) items.push(...analysisItems(sources, options.analysis, options.lineEndings, base));
  if (options.provenance) {
    // The page's URL as the source, where the source's provenance file gives one; the workspace file as its cached copy.
    const pages = new Map<string, { url: string; sourceDate?: string }>();
    for (const [p, info] of options.provenance) {
      const url = info.provenance?.url;
      if (url) pages.set(sourceIri(p, base), { url, sourceDate: sourceDateOf(info) });
    }
    for (const it of items) {
      const page = pages.get(it.target.source);
      if (page === undefined) continue;
      const { source, selector } = it.target;
      it.target =
        page.sourceDate !== undefined
          ? { source: page.url, state: { type: 'TimeState', cached: source, sourceDate: page.sourceDate }, selector }
          : { source, scope: page.url, selector };
    }
  }
  if (asArray) return items;
  return {
    '@context': W3C_CONTEXT,
    id: 'urn:source-annotator:collection',
    type: 'AnnotationCollection',
    label: options.title ?? 'Source Annotator annotations',
    total: items.length,
    first: { id: 'urn:source-annotator:collection:page:0', type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** A TimeState's `sourceDate`: the retrieval time (a date-time), else the file's modification time; undefined when neither is known. */
function sourceDateOf(info: SourceProvenance): string | undefined {
  const retrieved = info.provenance?.retrieved;
  const at = retrieved !== undefined ? parseIsoDate(retrieved) : undefined;
  // As written when it has seconds (xsd:dateTime needs them), else the same instant in UTC.
  if (retrieved !== undefined && at?.precision === 'time') return /T\d{2}:\d{2}:\d{2}/.test(retrieved) ? retrieved : isoSeconds(at.time);
  if (info.fileTime !== undefined && Number.isFinite(info.fileTime) && info.fileTime > 0) return isoSeconds(info.fileTime);
  return undefined;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

function analysisItems(sources: readonly AnnotatedSource[], analysis: ExportAnalysis, lineEndings: LineEndings | undefined, base: string): W3cAnnotation[] {
  const texts = new Map(analysis.texts ?? []);
  for (const s of sources) if (s.text !== '' || !texts.has(s.path)) texts.set(s.path, s.text);
  const out: W3cAnnotation[] = [];
  for (const [path, doc] of [...analysis.byPath.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const text = texts.get(path);
    if (text !== undefined) out.push(...analysisAnnotations(path, doc, new SelectorText(text, lineEndings), base));
  }
  return out;
}

/** exportW3c serialised, pretty-printed, with a final newline. */
export function exportW3cJson(sources: readonly AnnotatedSource[], options: ExportOptions = {}): string {
  return JSON.stringify(exportW3c(sources, options), null, 2) + '\n';
}
