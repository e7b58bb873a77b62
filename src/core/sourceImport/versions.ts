/**
 * Versions written into each provenance file's `importer` field. A unit test checks them
 * against package.json and the installed libraries, so they cannot drift.
 */
export const IMPORTER_VERSIONS = {
  sourceAnnotator: '0.1.0',
  readability: '0.6.0',
  linkedom: '0.18.15',
  unpdf: '1.8.1',
  mammoth: '1.13.0',
} as const;

export function importerLabel(format: 'html' | 'mhtml' | 'pdf' | 'docx'): string {
  const v = IMPORTER_VERSIONS;
  const libs =
    format === 'pdf' ? `unpdf ${v.unpdf}` : format === 'docx' ? `mammoth ${v.mammoth}` : `@mozilla/readability ${v.readability}, linkedom ${v.linkedom}`;
  return `source-annotator ${v.sourceAnnotator} ${format} (${libs})`;
}
