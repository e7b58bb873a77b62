import { UserError } from '../fileSystem';
import type { Provenance } from '../provenance/model';

/** File extensions Import Source reads (for open dialogs and the CLI's messages). */
export const IMPORT_EXTENSIONS = ['html', 'htm', 'xhtml', 'mhtml', 'mht', 'pdf', 'docx'] as const;

/** The extension a fetched page is kept under, by the format its bytes showed. */
export const SAVED_PAGE_EXTENSIONS: Readonly<Record<SourceFormat, string>> = { html: 'html', mhtml: 'mhtml', pdf: 'pdf', docx: 'docx' };

/** The formats Import Source reads. */
export type SourceFormat = 'html' | 'mhtml' | 'pdf' | 'docx';

/** What an importer is given: the bytes and where they came from. Never a path to read. */
export interface ImportInput {
  readonly bytes: Uint8Array;
  /** The file's base name (a path is cut to its last segment), e.g. `statement.pdf`. */
  readonly name: string;
  /** The address the bytes were fetched from (URL import), if any. */
  readonly url?: string;
  /** The Content-Type the server sent (URL import), if any: its charset is used for HTML. */
  readonly contentType?: string;
  /** When the bytes were fetched or read (ISO 8601); the caller's clock, so tests are deterministic. */
  readonly retrieved: string;
}

export interface ImportLimits {
  /** Largest input, in bytes. */
  readonly maxBytes: number;
  /** Most PDF pages read. */
  readonly maxPdfPages: number;
  /** Most DOM elements Readability looks at (its own bound). */
  readonly maxHtmlElements: number;
  /** Longest text produced, in characters. */
  readonly maxTextChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPdfPages: 2000,
  maxHtmlElements: 200_000,
  maxTextChars: 16 * 1024 * 1024,
};

/** An imported source: its text (paragraphs separated by one blank line), and where it came from. */
export interface ImportedSource {
  readonly format: SourceFormat;
  readonly text: string;
  readonly provenance: Provenance;
  /** A file name for the source without extension, slugged from the title or the file name. */
  readonly baseName: string;
}

export type ImportProblem = 'too-large' | 'unsupported' | 'corrupt' | 'no-text' | 'no-article' | 'too-slow';

/** Bad input: the message says what is wrong with which file; nothing is written. */
export class SourceImportError extends UserError {
  constructor(
    message: string,
    readonly problem: ImportProblem,
  ) {
    super(message);
    this.name = 'SourceImportError';
  }
}
