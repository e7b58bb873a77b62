import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A REFI-QDA project reader of our own, written from the standard (REFI-QDA 1.5, QDA-XML
 * "mrt2019") and independent of the exporter: it unzips the .qdpx (fflate), parses project.qde
 * with a real XML parser (fast-xml-parser), resolves each TextSource's `plainTextPath`
 * (`internal://x` is `sources/x` in the zip), decodes it as UTF-8 and slices every
 * PlainTextSelection's [startPosition, endPosition) in code points (the standard's unit) or,
 * when asked, in UTF-16 units (as QualCoder's coding view counts).
 */
export interface ReadSelection {
  readonly guid: string;
  readonly source: string;
  readonly start: number;
  readonly end: number;
  /** The text the positions select. */
  readonly text: string;
  readonly description: string;
  /** Names of the codes of its codings. */
  readonly codes: string[];
}

export interface ReadCode {
  readonly guid: string;
  readonly name: string;
  readonly isCodable: boolean;
  readonly color: string | undefined;
}

export interface ReadProject {
  readonly sources: Array<{ readonly guid: string; readonly name: string; readonly text: string }>;
  readonly codes: ReadCode[];
  readonly selections: ReadSelection[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['User', 'Code', 'TextSource', 'PlainTextSelection', 'Coding']);

export function readQdpx(zip: Uint8Array, unit: 'codepoints' | 'utf16' = 'codepoints'): ReadProject {
  const files = unzipSync(zip);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  if (!files['project.qde']) throw new Error('no project.qde in the zip');
  const xml = utf8.decode(files['project.qde']);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`project.qde is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    trimValues: false,
    parseAttributeValue: false,
    parseTagValue: false,
    htmlEntities: true,
    isArray: (name) => ARRAYS.has(name),
  });
  const doc = parser.parse(xml) as Node;
  const project = doc.Project as Node | undefined;
  if (!project || project['@xmlns'] !== 'urn:QDA-XML:project:1.0') throw new Error('the root is not a REFI-QDA Project');

  const codes: ReadCode[] = [];
  const visit = (list: unknown): void => {
    for (const c of (list as Node[] | undefined) ?? []) {
      codes.push({ guid: String(c['@guid']), name: String(c['@name']), isCodable: c['@isCodable'] === 'true', color: c['@color'] as string | undefined });
      visit(c.Code);
    }
  };
  visit(((project.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code);
  const codeName = new Map(codes.map((c) => [c.guid, c.name]));

  const sources: ReadProject['sources'] = [];
  const selections: ReadSelection[] = [];
  for (const s of ((project.Sources as Node | undefined)?.TextSource as Node[] | undefined) ?? []) {
    const ref = String(s['@plainTextPath']);
    if (!ref.startsWith('internal://')) throw new Error(`source ${String(s['@name'])}: plainTextPath ${ref} is not internal://`);
    const bytes = files[`sources/${ref.slice('internal://'.length)}`];
    if (!bytes) throw new Error(`source ${String(s['@name'])}: ${ref} is not in the zip`);
    const text = utf8.decode(bytes);
    sources.push({ guid: String(s['@guid']), name: String(s['@name']), text });
    const units = unit === 'codepoints' ? Array.from(text) : null;
    for (const sel of (s.PlainTextSelection as Node[] | undefined) ?? []) {
      const start = Number(sel['@startPosition']);
      const end = Number(sel['@endPosition']);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) throw new Error(`selection ${String(sel['@guid'])}: bad positions ${start}-${end}`);
      const length = units ? units.length : text.length;
      if (end > length) throw new Error(`selection ${String(sel['@guid'])}: ends at ${end}, after the end of its source (${length})`);
      const d = sel.Description;
      const description = typeof d === 'string' ? d : typeof d === 'object' && d !== null && typeof (d as Node)['#text'] === 'string' ? ((d as Node)['#text'] as string) : '';
      selections.push({
        guid: String(sel['@guid']),
        source: String(s['@name']),
        start,
        end,
        text: units ? units.slice(start, end).join('') : text.slice(start, end),
        description,
        codes: ((sel.Coding as Node[] | undefined) ?? []).map((c) => codeName.get(String((c.CodeRef as Node)['@targetGUID'])) ?? '?'),
      });
    }
  }
  return { sources, codes, selections };
}
