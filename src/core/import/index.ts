export { importW3c, importW3cJson, parseW3cJson, w3cSourcePaths, sourcePath, MAX_W3C_IMPORT_CHARS } from './w3c';
export type { ImportedSource, W3cImportOptions, W3cImportResult } from './w3c';
