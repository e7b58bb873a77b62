import type { DomDocument } from './dom';
import { cleanParagraph, httpUrl, isoDate } from './text';

/** What a page says about itself. Every field may be missing. */
export interface PageMetadata {
  readonly title?: string;
  readonly outlet?: string;
  readonly authors?: string[];
  readonly published?: string;
  readonly url?: string;
}

const MAX_JSON_LD_CHARS = 1024 * 1024;
const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|ScholarlyArticle|WebPage|LiveBlogPosting)$/;

/**
 * Title, outlet, authors, publication date and address from a page's head, in this order of
 * preference: Open Graph and article:* meta tags, the JSON-LD article (schema.org), plain meta
 * tags, then the page body (`<time datetime>`, the host name of the address). `pageUrl` (where
 * the page was fetched from) resolves a relative canonical link and names the outlet when the
 * page does not.
 */
export function articleMetadata(doc: DomDocument, pageUrl?: string): PageMetadata {
  const ld = jsonLdArticle(doc);
  const meta = (sel: string): string | undefined => nonEmpty(doc.querySelector(sel)?.getAttribute('content'));
  const url =
    httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl) ??
    httpUrl(meta('meta[property="og:url"]'), pageUrl) ??
    httpUrl(typeof ld?.url === 'string' ? ld.url : undefined, pageUrl) ??
    httpUrl(pageUrl);
  const title = meta('meta[property="og:title"]') ?? ldString(ld?.headline) ?? meta('meta[name="twitter:title"]') ?? nonEmpty(doc.querySelector('title')?.textContent);
  const outlet =
    meta('meta[property="og:site_name"]') ??
    ldName(ld?.publisher) ??
    meta('meta[name="application-name"]') ??
    (url ? hostName(url) : undefined);
  const authors = ldAuthors(ld?.author) ?? metaAuthors(doc);
  const published =
    isoDate(meta('meta[property="article:published_time"]')) ??
    isoDate(ldString(ld?.datePublished)) ??
    isoDate(meta('meta[itemprop="datePublished"]')) ??
    isoDate(meta('meta[name="pubdate"]') ?? meta('meta[name="publishdate"]') ?? meta('meta[name="date"]') ?? meta('meta[name="dc.date"]') ?? meta('meta[name="DC.date.issued"]')) ??
    isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  return { title: title?.slice(0, 500), outlet: outlet?.slice(0, 200), authors, published, url };
}

type Json = Record<string, unknown>;

/** The page's first JSON-LD object of an article type (arrays and @graph are looked into). */
function jsonLdArticle(doc: DomDocument): Json | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i].textContent ?? '';
    if (raw.length > MAX_JSON_LD_CHARS) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    const found = findArticle(value, 0);
    if (found) return found;
  }
  return undefined;
}

function findArticle(value: unknown, depth: number): Json | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 100)) {
      const f = findArticle(v, depth + 1);
      if (f) return f;
    }
    return undefined;
  }
  const obj = value as Json;
  const types = Array.isArray(obj['@type']) ? (obj['@type'] as unknown[]) : [obj['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) && (obj.headline !== undefined || obj.datePublished !== undefined || obj.author !== undefined)) return obj;
  return findArticle(obj['@graph'], depth + 1);
}

function ldString(v: unknown): string | undefined {
  return typeof v === 'string' ? nonEmpty(v) : undefined;
}

function ldName(v: unknown): string | undefined {
  if (typeof v === 'string') return nonEmpty(v);
  if (Array.isArray(v)) return ldName(v[0]);
  if (v && typeof v === 'object') return ldString((v as Json).name);
  return undefined;
}

function ldAuthors(v: unknown): string[] | undefined {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const names = list.slice(0, 50).map(ldName).filter((n): n is string => n !== undefined && !/^https?:/i.test(n));
  return names.length > 0 ? unique(names) : undefined;
}

function metaAuthors(doc: DomDocument): string[] | undefined {
  const els = doc.querySelectorAll('meta[name="author"], meta[property="article:author"], meta[name="byl"]');
  const names: string[] = [];
  for (let i = 0; i < els.length && i < 50; i++) {
    const c = nonEmpty((els[i]).getAttribute('content'));
    if (c && !/^https?:/i.test(c)) names.push(c.replace(/^by\s+/i, ''));
  }
  return names.length > 0 ? unique(names) : undefined;
}

function unique(names: string[]): string[] {
  return [...new Set(names.map((n) => n.slice(0, 200)))];
}

function hostName(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function nonEmpty(s: string | null | undefined): string | undefined {
  const c = s ? cleanParagraph(s) : '';
  return c.length > 0 ? c : undefined;
}
