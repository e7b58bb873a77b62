import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { cleanParagraph, isoDate, joinParagraphs, wordCount } from './text';
import { SourceImportError, type ImportLimits } from './types';

export interface DocxMetadata {
  readonly title?: string;
  readonly authors?: string[];
  readonly published?: string;
}

export interface DocxText {
  readonly text: string;
  readonly meta: DocxMetadata;
}

/** A .docx expands at most this many times its size (a zip bomb is refused before mammoth reads it). */
const MAX_EXPANSION = 100;

/**
 * A Word document's text through mammoth's raw text extraction (one paragraph per Word
 * paragraph, list items and table cells included), and its title, author and creation date
 * from docProps/core.xml. The archive's listed sizes are checked first, so a small file that
 * would expand to gigabytes is refused.
 */
export async function importDocx(bytes: Uint8Array, displayName: string, limits: ImportLimits): Promise<DocxText> {
  let core: Uint8Array | undefined;
  let expanded = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        expanded += f.originalSize;
        return f.name === 'docProps/core.xml' && f.originalSize < 1024 * 1024;
      },
    });
    core = files['docProps/core.xml'];
  } catch (err) {
    throw new SourceImportError(`${displayName}: not a readable Word document (${err instanceof Error ? err.message : String(err)})`, 'corrupt');
  }
  const maxExpanded = Math.min(limits.maxBytes * 4, Math.max(bytes.length * MAX_EXPANSION, 1024 * 1024));
  if (expanded > maxExpanded) throw new SourceImportError(`${displayName}: the document expands to ${expanded} bytes; the limit is ${maxExpanded}`, 'too-large');

  let raw: string;
  try {
    // mammoth's Node build reads a Buffer (its arrayBuffer input is for browsers).
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (err) {
    throw new SourceImportError(`${displayName}: not a readable Word document (${err instanceof Error ? err.message : String(err)})`, 'corrupt');
  }
  if (raw.length > limits.maxTextChars) throw new SourceImportError(`${displayName}: the document's text is longer than ${limits.maxTextChars} characters`, 'too-large');
  // mammoth ends every paragraph with a blank line; a line break inside a paragraph is one "\n".
  const text = joinParagraphs(raw.split(/\n\s*\n/));
  if (wordCount(text) === 0) throw new SourceImportError(`${displayName}: the document has no text`, 'no-text');
  return { text, meta: core ? coreProperties(new TextDecoder().decode(core)) : {} };
}

/** dc:title, dc:creator and dcterms:created (else dcterms:modified is not used: it is not a publication date). */
export function coreProperties(xml: string): DocxMetadata {
  const get = (tag: string): string | undefined => {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
    const v = m ? cleanParagraph(decodeXmlEntities(m[1])) : '';
    return v.length > 0 ? v : undefined;
  };
  const creator = get('dc:creator');
  const authors = creator
    ?.split(/\s*(?:;|,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { title: get('dc:title')?.slice(0, 500), authors: authors && authors.length > 0 ? authors : undefined, published: isoDate(get('dcterms:created')) };
}

function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const n = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}

