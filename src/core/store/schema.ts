/**
 * The JSON Schema of a sidecar file (`<source>.annotations.yaml`), the one source of truth.
 * media/schema/annotations.schema.json is this object written out (a unit test checks they are
 * identical); the extension registers it with `contributes.yamlValidation` so the YAML
 * extension helps people who edit sidecars by hand. The core validates with
 * src/core/store/validate.ts, which implements exactly this schema and reports line:col.
 */
export const SIDECAR_SCHEMA_ID = 'https://source-annotator.invalid/schema/annotations.schema.json';

export const SIDECAR_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SIDECAR_SCHEMA_ID,
  title: 'Source Annotator sidecar',
  description: 'Annotations of one source file, stored next to it as <source file name>.annotations.yaml.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'annotations'],
  properties: {
    version: { description: 'Format version. Only 1 exists.', const: 1 },
    sourceHash: {
      description: 'Hash of the source text when the annotations were last anchored: fnv1a32 of its UTF-8 bytes.',
      type: 'string',
      pattern: '^fnv1a32:[0-9a-f]{8}$',
    },
    annotations: {
      description: 'One entry per annotation, ordered by position.',
      type: 'array',
      items: { $ref: '#/definitions/annotation' },
    },
  },
  definitions: {
    annotation: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'target', 'author', 'created', 'modified'],
      properties: {
        id: { description: 'Stable id, unique in the file, never reused.', type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
        target: { $ref: '#/definitions/target' },
        note: { description: 'Markdown.', type: 'string' },
        tags: { type: 'array', items: { type: 'string', minLength: 1 } },
        author: { type: 'string' },
        created: { description: 'ISO 8601 date-time.', type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' },
        modified: { description: 'ISO 8601 date-time.', type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' },
        original: {
          description: 'The text as annotated, kept when the wording of the source changed under the annotation, until the user accepts the new text or re-attaches it.',
          type: 'string',
          minLength: 1,
        },
        conflicts: {
          description: 'What a merge of two branches could not decide (source-annotator merge-driver): keep one value or the other to resolve it.',
          type: 'array',
          items: { $ref: '#/definitions/conflict' },
        },
      },
    },
    conflict: {
      description: 'A field both sides changed to different values (the annotation holds ours), or a deletion on one side of an annotation the other side changed.',
      type: 'object',
      additionalProperties: false,
      properties: {
        field: { enum: ['target', 'note', 'author', 'created', 'original'] },
        ours: { type: ['string', 'object'] },
        theirs: { type: ['string', 'object'] },
        deletedBy: { enum: ['ours', 'theirs'] },
      },
      oneOf: [
        {
          required: ['field', 'ours', 'theirs'],
          not: { required: ['deletedBy'] },
          if: { properties: { field: { const: 'target' } } },
          then: { properties: { ours: { $ref: '#/definitions/target' }, theirs: { $ref: '#/definitions/target' } } },
          else: { properties: { ours: { type: 'string' }, theirs: { type: 'string' } } },
        },
        { required: ['deletedBy'], not: { anyOf: [{ required: ['field'] }, { required: ['ours'] }, { required: ['theirs'] }] } },
      ],
    },
    target: {
      description: 'W3C Web Annotation TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end in Unicode code points, end exclusive).',
      type: 'object',
      additionalProperties: false,
      required: ['exact', 'start', 'end'],
      properties: {
        exact: { type: 'string', minLength: 1 },
        prefix: { type: 'string' },
        suffix: { type: 'string' },
        start: { type: 'integer', minimum: 0 },
        end: { type: 'integer', minimum: 0 },
      },
    },
  },
} as const;
