import type { Provenance } from '../provenance/model';
import { importDocx } from './docx';
import { importHtml, pageProvenance } from './html';
import { decodeHtml } from './charset';
import { mhtmlPage } from './mhtml';
import { importPdf } from './pdf';
import { baseNameOf, sha256Hex, slugify, stem } from './text';
import { DEFAULT_IMPORT_LIMITS, IMPORT_EXTENSIONS, SourceImportError, type ImportedSource, type ImportInput, type ImportLimits, type SourceFormat } from './types';
import { importerLabel } from './versions';

export * from './types';
export { formatProvenance } from './provenanceYaml';
export { importerLabel, IMPORTER_VERSIONS } from './versions';
export { slugify } from './text';


const MEDIA_TYPES: Readonly<Record<SourceFormat, string>> = {
  html: 'text/html',
  mhtml: 'multipart/related',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The format of some bytes: their first bytes decide when they are telling (%PDF, a ZIP, an
 * MHTML header, an HTML tag), else the file name's extension, else the server's Content-Type.
 */
export function detectFormat(bytes: Uint8Array, name: string, contentType?: string): SourceFormat | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const ext = baseNameOf(name).toLowerCase().split('.').pop() ?? '';
  // The PDF header may follow some junk within the first 1024 bytes.
  if (head.startsWith('%PDF-') || (ext === 'pdf' && head.includes('%PDF-'))) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return ext === 'docx' || ext === '' || /wordprocessingml/.test(contentType ?? '') ? 'docx' : undefined;
  if (/^(?:From:|MIME-Version:|Content-Type:\s*multipart\/related|Snapshot-Content-Location:)/im.test(head.slice(0, 512)) && /multipart\/related/i.test(head)) return 'mhtml';
  if (ext === 'mhtml' || ext === 'mht') return 'mhtml';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (/^(?:\ufeff|\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|meta|title|!--)/i.test(head)) return 'html';
  if (/text\/html|application\/xhtml/i.test(contentType ?? '')) return 'html';
  return undefined;
}

/**
 * Turn a saved web page, web archive, PDF or Word document into a source: its text (paragraphs
 * separated by one blank line, ending with a newline) and its provenance (what the file says
 * about itself, plus where and when it came from). Pure: the caller reads the bytes and writes
 * the result (see write.ts). Throws a SourceImportError that names the file for bad input.
 */
export async function importSource(input: ImportInput, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportedSource> {
  const fileName = baseNameOf(input.name) || 'page';
  if (input.bytes.length > limits.maxBytes) throw new SourceImportError(`${fileName}: the file is too large (${input.bytes.length} bytes; the limit is ${limits.maxBytes})`, 'too-large');
  if (input.bytes.length === 0) throw new SourceImportError(`${fileName}: the file is empty`, 'corrupt');
  const format = detectFormat(input.bytes, fileName, input.contentType);
  if (!format) throw new SourceImportError(`${fileName}: not a web page, PDF or Word document (Import Source reads ${IMPORT_EXTENSIONS.map((e) => '.' + e).join(', ')})`, 'unsupported');

  let text: string;
  let fields: Omit<Provenance, 'version'>;
  switch (format) {
    case 'html':
    case 'mhtml': {
      const page = format === 'mhtml' ? mhtmlPage(input.bytes, fileName) : { html: decodeHtml(input.bytes, input.contentType), url: undefined };
      const article = await importHtml(page.html, fileName, limits, input.url ?? page.url);
      text = article.text;
      fields = pageProvenance(article.meta);
      break;
    }
    case 'pdf': {
      const pdf = await importPdf(input.bytes, fileName, limits);
      text = pdf.text;
      fields = { ...pdf.meta, url: input.url };
      break;
    }
    case 'docx': {
      const doc = await importDocx(input.bytes, fileName, limits);
      text = doc.text;
      fields = { ...doc.meta, url: input.url };
      break;
    }
  }
  if (text.length > limits.maxTextChars) throw new SourceImportError(`${fileName}: the text is longer than ${limits.maxTextChars} characters`, 'too-large');
  const provenance: Provenance = {
    version: 1,
    ...fields,
    retrieved: input.retrieved,
    original: { file: fileName, sha256: await sha256Hex(input.bytes), mediaType: MEDIA_TYPES[format] },
    importer: importerLabel(format),
  };
  return { format, text, provenance, baseName: slugify(fields.title, stem(fileName)) };
}
