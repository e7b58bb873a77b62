import { cleanParagraph, isoDate, joinParagraphs, wordCount } from './text';
import { SourceImportError, type ImportLimits } from './types';

/** One run of text as pdf.js reports it (TextItem). */
export interface PdfTextItem {
  readonly str: string;
  /** [a, b, c, d, x, y]: x and y of the baseline start, in points from the page's bottom left. */
  readonly transform: readonly number[];
  readonly height: number;
  readonly hasEOL?: boolean;
}

export interface PdfMetadata {
  readonly title?: string;
  readonly authors?: string[];
  readonly published?: string;
}

export interface PdfText {
  readonly text: string;
  readonly pages: number;
  readonly meta: PdfMetadata;
}

/**
 * A PDF's text through pdf.js (the unpdf build, which runs in Node without a worker file or a
 * download; the bundled pdf.js has no code path that evaluates font data as code). Text items come in the
 * content stream's order, which is the reading order of the PDFs that journalists get
 * (statements, reports, printed web pages); they are grouped into lines, and lines into
 * paragraphs where the gap between lines is larger than the page's usual line spacing or a line
 * is indented. A word hyphenated at a line end is joined; a paragraph cut by a page break is
 * joined when it does not end a sentence and the next page starts in lower case; lines that are
 * only a page number are dropped.
 */
export async function importPdf(bytes: Uint8Array, displayName: string, limits: ImportLimits): Promise<PdfText> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') throw new SourceImportError(`${displayName}: the PDF is protected by a password`, 'unsupported');
    throw new SourceImportError(`${displayName}: not a readable PDF (${err instanceof Error ? err.message : String(err)})`, 'corrupt');
  }
  try {
    if (pdf.numPages > limits.maxPdfPages) throw new SourceImportError(`${displayName}: the PDF has ${pdf.numPages} pages; the limit is ${limits.maxPdfPages}`, 'too-large');
    const pages: string[][] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is PdfTextItem & typeof i => 'str' in i);
      const paragraphs = pageParagraphs(items);
      pages.push(paragraphs);
      page.cleanup();
      chars += paragraphs.reduce((s, p) => s + p.length, 0);
      if (chars > limits.maxTextChars) throw new SourceImportError(`${displayName}: the PDF's text is longer than ${limits.maxTextChars} characters`, 'too-large');
    }
    const text = joinParagraphs(joinAcrossPages(pages));
    if (wordCount(text) === 0) {
      throw new SourceImportError(`${displayName}: the PDF has no text layer (a scanned document?); run OCR on it first`, 'no-text');
    }
    const info = ((await pdf.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    return { text, pages: pdf.numPages, meta: pdfMetadata(info) };
  } catch (err) {
    if (err instanceof SourceImportError) throw err;
    throw new SourceImportError(`${displayName}: the PDF could not be read (${err instanceof Error ? err.message : String(err)})`, 'corrupt');
  } finally {
    await pdf.loadingTask.destroy();
  }
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** Lines, then paragraphs, of one page. */
export function pageParagraphs(items: readonly PdfTextItem[]): string[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  for (const it of items) {
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const size = Math.abs(it.transform[3] ?? 0) || it.height || 10;
    if (cur && it.str.length > 0 && Math.abs(cur.y - y) > size * 0.5) {
      lines.push(cur);
      cur = undefined;
    }
    if (it.str.length > 0) {
      if (!cur) cur = { text: '', x, y, size };
      cur.text += it.str;
      cur.size = Math.max(cur.size, size);
    }
    if (it.hasEOL && cur) {
      lines.push(cur);
      cur = undefined;
    }
  }
  if (cur) lines.push(cur);
  const kept = lines.filter((l) => l.text.trim().length > 0 && !isPageNumber(l.text));
  if (kept.length === 0) return [];

  const gaps = kept
    .slice(1)
    .map((l, i) => kept[i].y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const lineGap = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : 0;
  const left = Math.min(...kept.map((l) => l.x));

  const paragraphs: string[] = [];
  let para = kept[0].text;
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1];
    const line = kept[i];
    const gap = prev.y - line.y;
    const indented = line.x > left + line.size && prev.x <= left + line.size / 2;
    const newParagraph = gap <= 0 || (lineGap > 0 && gap > lineGap * 1.4) || indented;
    if (newParagraph) {
      paragraphs.push(para);
      para = line.text;
    } else {
      para = joinLines(para, line.text);
    }
  }
  paragraphs.push(para);
  return paragraphs.map(cleanParagraph).filter((p) => p.length > 0);
}

function joinLines(a: string, b: string): string {
  const left = a.replace(/\s+$/, '');
  const right = b.replace(/^\s+/, '');
  if (/\p{L}-$/u.test(left) && /^\p{Ll}/u.test(right)) return left.slice(0, -1) + right;
  return `${left} ${right}`;
}

function isPageNumber(line: string): boolean {
  return /^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i.test(line);
}

function joinAcrossPages(pages: readonly string[][]): string[] {
  const out: string[] = [];
  for (const page of pages) {
    page.forEach((p, i) => {
      const last = out.length - 1;
      if (i === 0 && last >= 0 && !/[.!?:;"”’)\]]$/.test(out[last]) && /^\p{Ll}/u.test(p)) out[last] = joinLines(out[last], p);
      else out.push(p);
    });
  }
  return out;
}

/** Title, author and creation date from the PDF's document information dictionary. */
export function pdfMetadata(info: Record<string, unknown>): PdfMetadata {
  const str = (k: string): string | undefined => {
    const v = info[k];
    const c = typeof v === 'string' ? cleanParagraph(v) : '';
    return c.length > 0 ? c : undefined;
  };
  const title = str('Title')?.replace(/^Microsoft Word - /, '');
  const author = str('Author');
  const authors = author
    ?.split(/\s*(?:;|,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { title: title?.slice(0, 500), authors: authors && authors.length > 0 ? authors : undefined, published: pdfDate(str('CreationDate')) };
}

/** A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, most parts optional) as ISO 8601. */
export function pdfDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return isoDate(value);
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', tz] = m;
  if (h === undefined) return isoDate(`${y}-${mo}-${d}`);
  const zone = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.slice(3).replace(/'/g, '').padEnd(2, '0')}`;
  return isoDate(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
}
