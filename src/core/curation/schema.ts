import { ENTITY_TYPES } from '../analysis/types';
import { MENTION_CONTEXT } from './rules';

/**
 * The JSON Schema of the workspace curation file (`source-annotator.curation.yaml`).
 * media/schema/curation.schema.json is this object written out (a unit test checks they are
 * identical, and that the schema and parseCuration agree on sample files); the extension
 * registers it with `contributes.yamlValidation` for people who edit the file by hand.
 */
export const CURATION_SCHEMA_ID = 'https://source-annotator.invalid/schema/curation.schema.json';

const text = { type: 'string', minLength: 1, pattern: '\\S' } as const;

export const CURATION_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: CURATION_SCHEMA_ID,
  title: 'Source Annotator curation file',
  description: "The user's corrections to entity and quote detection, applied to every source of the workspace.",
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    version: { description: 'Format version. Only 1 exists.', const: 1 },
    types: {
      description: 'Force the type of every mention with this exact text.',
      type: ['array', 'null'],
      items: { type: 'object', additionalProperties: false, required: ['text', 'type'], properties: { text, type: { enum: [...ENTITY_TYPES] } } },
    },
    merges: {
      description: 'Merge an entity (canonical name or surface text) into another.',
      type: ['array', 'null'],
      items: { type: 'object', additionalProperties: false, required: ['from', 'into'], properties: { from: text, into: text } },
    },
    notEntities: { description: 'Surface texts that are not entities.', type: ['array', 'null'], items: text },
    renames: {
      description: 'Rename a canonical name.',
      type: ['array', 'null'],
      items: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: text, to: text } },
    },
    speakers: {
      description: 'The speaker of every quote with this text (whitespace-normalised).',
      type: ['array', 'null'],
      items: { type: 'object', additionalProperties: false, required: ['quote', 'speaker'], properties: { quote: text, speaker: text } },
    },
    notQuotes: { description: "Quoted text that is nobody's words: scare quotes, titles, nicknames.", type: ['array', 'null'], items: text },
    mentions: {
      description: 'One mention, named by its text and the text around it: not an entity (no `entity`), or another entity.',
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text,
          prefix: { type: ['string', 'null'], maxLength: 4 * MENTION_CONTEXT },
          suffix: { type: ['string', 'null'], maxLength: 4 * MENTION_CONTEXT },
          entity: { type: ['string', 'null'], minLength: 1, pattern: '\\S' },
        },
      },
    },
    conflicts: {
      description: 'What a git merge of two branches could not decide (source-annotator merge-driver): both sides changed the same entry differently, or one deleted an entry the other changed. Keep one and remove the record.',
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['list'],
        properties: {
          list: { enum: ['types', 'merges', 'notEntities', 'renames', 'speakers', 'notQuotes', 'mentions'] },
          ours: {},
          theirs: {},
          deletedBy: { enum: ['ours', 'theirs'] },
        },
      },
    },
  },
} as const;
