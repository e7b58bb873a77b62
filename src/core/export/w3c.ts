import type { AnnotatedSource, Annotation } from '../annotations/model';
import type { ExportOptions } from './types';

/** `@context` of every exported annotation and collection, exactly as the W3C model requires. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Default base IRI of sources: a source's IRI is this followed by its percent-encoded relative path. */
export const DEFAULT_SOURCE_BASE = 'urn:source-annotator:source:';

/** Annotation ids become `ANNOTATION_ID_PREFIX + encodeURIComponent(id)`: a stable IRI that the import reads back. */
export const ANNOTATION_ID_PREFIX = 'urn:source-annotator:annotation:';

export interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
}

export interface W3cAnnotation {
  '@context': string;
  id: string;
  type: 'Annotation';
  motivation: string;
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
  body?: W3cTextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
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

/** One annotation as a W3C Web Annotation. Positions are already code points in the model. */
export function toW3cAnnotation(path: string, a: Annotation, base: string = DEFAULT_SOURCE_BASE): W3cAnnotation {
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
    target: {
      source: sourceIri(path, base),
      selector: [
        { type: 'TextQuoteSelector', exact: a.target.exact, prefix: a.target.prefix, suffix: a.target.suffix },
        { type: 'TextPositionSelector', start: a.target.start, end: a.target.end },
      ],
    },
  };
  if (a.author !== '') out.creator = { type: 'Person', name: a.author };
  if (body.length > 0) out.body = body;
  return out;
}

/**
 * The W3C Web Annotation JSON-LD of every annotation: by default an AnnotationCollection whose
 * `first` AnnotationPage holds the items; with `w3cForm: 'array'` a plain array of annotations.
 * Every annotation carries its own @context either way, so each one stands alone.
 */
export function exportW3c(sources: readonly AnnotatedSource[], options: ExportOptions = {}): W3cCollection | W3cAnnotation[] {
  const base = options.sourceBase ?? DEFAULT_SOURCE_BASE;
  const asArray = options.w3cForm === 'array';
  const items: W3cAnnotation[] = [];
  sources.forEach((s, i) => {
    for (const a of s.annotations) items.push(toW3cAnnotation(s.path, a, base));
    options.onProgress?.(i + 1, sources.length);
  });
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

/** exportW3c serialised, pretty-printed, with a final newline. */
export function exportW3cJson(sources: readonly AnnotatedSource[], options: ExportOptions = {}): string {
  return JSON.stringify(exportW3c(sources, options), null, 2) + '\n';
}
