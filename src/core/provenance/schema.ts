/**
 * The JSON Schema of `<source>.provenance.yaml` (see model.ts). media/schema/provenance.schema.json
 * is this object written out (a unit test checks they are identical, and that the schema and
 * parseProvenance agree on sample files); package.json `yamlValidation` registers it for
 * `*.provenance.yaml`, for people who write the file by hand.
 */
export const PROVENANCE_SCHEMA_ID = 'https://source-annotator.invalid/schema/provenance.schema.json';

/** ISO 8601 calendar date, optionally with a time and a UTC offset (the time needs the offset). */
export const ISO_DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$';
/** An absolute http(s) URL without white space or control characters. */
export const URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*$';
export const SHA256_PATTERN = '^[0-9a-f]{64}$';
export const MEDIA_TYPE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$';
/** A base name: no slash, backslash or control character, not `.` or `..`. */
export const FILE_NAME_PATTERN = '^(?!\\.\\.?$)[^/\\\\\\u0000-\\u001f]+$';

/** Longest text value (title, outlet, an author, importer). */
export const MAX_TEXT = 1000;
export const MAX_URL = 4096;
export const MAX_AUTHORS = 100;

const text = { type: 'string', minLength: 1, maxLength: MAX_TEXT, pattern: '\\S' } as const;

export const PROVENANCE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: PROVENANCE_SCHEMA_ID,
  title: 'Source Annotator provenance file',
  description: 'Where a source came from: the YAML file `<source>.provenance.yaml` beside it. Every field is optional but `version`.',
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { description: 'Format version. Only 1 exists.', const: 1 },
    title: { ...text, description: "The article's title." },
    outlet: { ...text, description: 'Outlet or site name, e.g. "CNN".' },
    authors: { description: 'Authors, as written.', type: 'array', maxItems: MAX_AUTHORS, items: text },
    published: { description: 'Publication date (2017-01-28) or date-time with offset (2017-01-28T14:05:00Z).', type: 'string', pattern: ISO_DATE_PATTERN },
    url: { description: "The page's address, when there is one (http or https).", type: 'string', maxLength: MAX_URL, pattern: URL_PATTERN },
    retrieved: { description: 'When the text was fetched or imported: a date or a date-time with offset.', type: 'string', pattern: ISO_DATE_PATTERN },
    original: {
      description: 'The file the text was imported from.',
      type: 'object',
      additionalProperties: false,
      properties: {
        file: { description: "The imported file's base name (never a path).", type: 'string', minLength: 1, maxLength: 255, pattern: FILE_NAME_PATTERN },
        sha256: { description: 'SHA-256 of the imported bytes, lowercase hex.', type: 'string', pattern: SHA256_PATTERN },
        mediaType: { description: 'Media type of the imported bytes, e.g. text/html.', type: 'string', maxLength: 255, pattern: MEDIA_TYPE_PATTERN },
      },
    },
    importer: { ...text, description: 'The software that wrote the file, with its version.' },
  },
} as const;
