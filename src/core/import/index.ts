export { importW3c, importW3cJson, parseW3cJson, w3cSourcePaths, w3cSourceUrls, sourcePath, urlKey, MAX_W3C_IMPORT_CHARS } from './w3c';
export { sourcesByUrl } from './provenanceUrls';
export type { ImportedSource, W3cImportOptions, W3cImportResult } from './w3c';
