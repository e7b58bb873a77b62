import { Readability } from '@mozilla/readability';
import type { Provenance } from '../provenance/model';
import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom';
import { articleMetadata, type PageMetadata } from './htmlMetadata';
import { cleanParagraph, joinParagraphs, wordCount } from './text';
import { SourceImportError, type ImportLimits } from './types';

/** Fewest words an article must have: less is a page without an article (an index, a login wall). */
export const MIN_ARTICLE_WORDS = 40;
/** Most of an article's text is not link text. */
const MAX_LINK_DENSITY = 0.5;

export interface HtmlArticle {
  readonly text: string;
  readonly meta: PageMetadata;
}

/**
 * A saved web page's article: Readability (Firefox's reader view) finds the article in a DOM
 * built by linkedom, leaving out menus, ads, "related" lists and other furniture; the article's
 * block elements (paragraphs, headings, list items, quotes) become paragraphs. Metadata is read
 * from the page before Readability changes it (see htmlMetadata.ts).
 */
export async function importHtml(html: string, displayName: string, limits: ImportLimits, pageUrl?: string): Promise<HtmlArticle> {
  // linkedom ships as an ES module (its types say so); a dynamic import loads it from CommonJS.
  const { parseHTML } = await import('linkedom');
  const document = (parseHTML(html) as unknown as { document: DomDocument }).document;
  const meta = articleMetadata(document, pageUrl);
  let article: { title?: string | null; content?: unknown; byline?: string | null; siteName?: string | null; publishedTime?: string | null } | null;
  try {
    const reader = new Readability(document, {
      maxElemsToParse: limits.maxHtmlElements,
      serializer: (node: unknown) => node,
    });
    article = reader.parse();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/elements found/i.test(message)) throw new SourceImportError(`${displayName}: the page is too large to read (more than ${limits.maxHtmlElements} elements)`, 'too-large');
    throw new SourceImportError(`${displayName}: the page could not be read (${message})`, 'corrupt');
  }
  const root = article?.content as DomNode | null | undefined;
  const paragraphs = root ? blockTexts(root) : [];
  const text = joinParagraphs(paragraphs);
  if (wordCount(text) < MIN_ARTICLE_WORDS || (root !== null && root !== undefined && linkDensity(root) > MAX_LINK_DENSITY)) {
    throw new SourceImportError(`${displayName}: no article found in the page (only menus, links or too little text)`, 'no-article');
  }
  return {
    text,
    meta: {
      ...meta,
      title: meta.title ?? nonEmpty(article?.title),
      outlet: meta.outlet ?? nonEmpty(article?.siteName),
      authors: meta.authors ?? bylineAuthors(article?.byline, meta.outlet ?? article?.siteName ?? undefined),
      published: meta.published ?? nonEmpty(article?.publishedTime),
    },
  };
}

/** Share of the text inside links: a list of links (an index page, a menu) is not an article. */
function linkDensity(root: DomNode): number {
  const all = cleanParagraph(root.textContent ?? '').length;
  if (all === 0) return 1;
  let linked = 0;
  const links = (root as DomElement).querySelectorAll?.('a') ?? [];
  for (let i = 0; i < links.length; i++) linked += cleanParagraph(links[i].textContent ?? '').length;
  return linked / all;
}

/** Provenance fields from a page's metadata. */
export function pageProvenance(meta: PageMetadata): Omit<Provenance, 'version'> {
  return { title: meta.title, outlet: meta.outlet, authors: meta.authors, published: meta.published, url: meta.url };
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'BUTTON', 'IFRAME', 'OBJECT']);

/** The text of each block element in document order; inline elements join their block's text. */
export function blockTexts(root: DomNode): string[] {
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim().length > 0) out.push(current);
    current = '';
  };
  // An explicit stack (articles can nest deeply; no recursion limit to hit).
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    const block = node.nodeType === ELEMENT_NODE && BLOCKS.has(node.nodeName.toUpperCase());
    if (exit) {
      if (block) flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(node.nodeName) || SKIPPED.has(node.nodeName.toUpperCase())) continue;
    if (block) flush();
    stack.push({ node, exit: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], exit: false });
  }
  flush();
  return out;
}

function nonEmpty(s: string | null | undefined): string | undefined {
  const c = s ? cleanParagraph(s) : '';
  return c.length > 0 ? c : undefined;
}

/**
 * Authors from a byline such as "By Jane Doe and John Roe, CNN": the leading "By", the outlet
 * and roles after a comma or bar are dropped, names split on commas, "and" and "&".
 */
export function bylineAuthors(byline: string | null | undefined, outlet: string | undefined): string[] | undefined {
  const b = nonEmpty(byline);
  if (!b || b.length > 200) return undefined;
  const names = b
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|\band\b|&|\||·)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && (!outlet || s.toLowerCase() !== outlet.toLowerCase()) && !/^(updated|published|staff|reporter|correspondent)\b/i.test(s) && !/\d/.test(s));
  return names.length > 0 ? names : undefined;
}

