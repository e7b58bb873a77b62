/**
 * The Import Source libraries (Readability, linkedom, pdf.js through unpdf, mammoth) are about
 * 4 MB of JavaScript: they are bundled apart into dist/sourceImport.js and loaded by the
 * Import Source commands on first use, so activation does not parse them.
 */
export { importSource, IMPORT_EXTENSIONS, DEFAULT_IMPORT_LIMITS, SourceImportError } from '../core/sourceImport';
export { writeImportedSource } from '../core/sourceImport/write';
export { fetchPage, urlFileName } from '../node/fetchPage';
