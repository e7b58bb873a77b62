import { Document, isScalar, visit } from 'yaml';
import type { Provenance } from '../provenance/model';

const ORDER: readonly (keyof Provenance)[] = ['version', 'title', 'outlet', 'authors', 'published', 'url', 'retrieved', 'original', 'importer'];

/**
 * A provenance file's text: a comment header, then the fields in a fixed order, empty ones left
 * out. Dates are double-quoted (a YAML 1.1 reader would otherwise turn them into timestamps);
 * other strings that YAML would read as something else (numbers, `yes`) are quoted by the yaml
 * library, so any reader gets them back as strings.
 */
export function formatProvenance(p: Provenance): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) {
    const v = p[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (key === 'original' && typeof v === 'object') {
      const o = Object.fromEntries(Object.entries(v as object).filter(([, x]) => x !== undefined));
      if (Object.keys(o).length === 0) continue;
      ordered[key] = o;
    } else {
      ordered[key] = v;
    }
  }
  const doc = new Document(ordered);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `# Source Annotator provenance: where this source came from (written by Import Source).\n${doc.toString({ lineWidth: 0 })}`;
}
