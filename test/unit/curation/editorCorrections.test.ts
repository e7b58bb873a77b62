import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { analyzeDocument } from '../../../src/core/analysis';
import { CURATION_SCHEMA } from '../../../src/core/curation/schema';
import { CurationFile, parseCuration } from '../../../src/core/curation/file';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const ROOT = path.resolve(__dirname, '../../../..');

describe('curation: corrections of one quote or one mention', () => {
  it('media/schema/curation.schema.json is the core schema object, and schema and parser agree on samples', () => {
    const onDisk = JSON.parse(fs.readFileSync(path.join(ROOT, 'media/schema/curation.schema.json'), 'utf8')) as unknown;
    assert.deepStrictEqual(onDisk, JSON.parse(JSON.stringify(CURATION_SCHEMA)));
    const validate = new Ajv({ strict: false }).compile(CURATION_SCHEMA);
    const cases = [
      'version: 1\nspeakers:\n  - { quote: "We will not comment", speaker: Dmitry Peskov }\n',
      'notQuotes: [fake news]\n',
      'mentions:\n  - { text: May, prefix: "President in ", suffix: ", when" }\n  - { text: Trump, prefix: "", suffix: " Jr.", entity: Donald Trump Jr. }\n',
      'speakers:\n  - { quote: x }\n',
      'mentions:\n  - { prefix: a }\n',
      'mentions:\n  - { text: May, colour: red }\n',
      'notQuotes: [""]\n',
      'speakers: {}\n',
    ];
    for (const c of cases) {
      const byParser = parseCuration(c).ok;
      const bySchema = validate(parse(c)) === true;
      assert.strictEqual(bySchema, byParser, `${JSON.stringify(c)}: schema ${bySchema}, parser ${byParser}`);
    }
  });

  it('writes speaker, not-a-quote and mention corrections, and the analysis applies them', async () => {
    const fsys = new MemoryFileSystem({});
    const file = new CurationFile(fsys, '/ws');
    const text =
      'Theresa May met the President in May, when talks began. "The talks went well," the spokesman said. ' +
      'Critics called it a "charm offensive" on Tuesday. "We will not comment further," he added.\n';
    const before = analyzeDocument(text);
    assert.ok(before.quotes.some((q) => q.text === 'charm offensive'), 'the engine sees the scare quote as a quote');
    const may = before.entities.filter((e) => e.text === 'May');
    const at = text.indexOf('President in May') + 'President in '.length;
    await file.apply({ kind: 'mention', text: 'May', prefix: text.slice(at - 24, at), suffix: text.slice(at + 3, at + 27) });
    await file.apply({ kind: 'notQuote', quote: 'charm  offensive' });
    let rules = await file.apply({ kind: 'speaker', quote: 'The talks went well,', speaker: 'Dmitry Peskov' });
    assert.strictEqual(rules.speakers?.[0].quote, 'The talks went well,');
    const yaml = fsys.text('/ws/source-annotator.curation.yaml')!;
    assert.ok(parseCuration(yaml).ok, yaml);
    const after = analyzeDocument(text, rules);
    assert.ok(!after.entities.some((e) => e.start === at), 'that one "May" is no entity now');
    if (may.some((e) => e.start !== at)) assert.ok(after.entities.some((e) => e.text === 'May' && e.start !== at), 'the other mention of May stays');
    assert.ok(after.entities.some((e) => e.text === 'Theresa May'), 'Theresa May stays');
    assert.ok(!after.quotes.some((q) => q.text === 'charm offensive'), 'the scare quote is no quote');
    assert.strictEqual(after.quotes.find((q) => q.text.startsWith('The talks went well'))?.speaker, 'Dmitry Peskov');
    // Another entity for one mention.
    rules = await file.apply({ kind: 'mention', text: 'Theresa May', prefix: '', suffix: ' met the President in May', entity: 'Theresa Mary May' });
    const again = analyzeDocument(text, rules);
    assert.strictEqual(again.entities.find((e) => e.text === 'Theresa May')?.entity, 'Theresa Mary May');
    // Survives a reload from disk.
    const reloaded = await new CurationFile(fsys, '/ws').load();
    assert.deepStrictEqual(reloaded.issues, []);
    assert.strictEqual(reloaded.rules.mentions?.length, 2);
  });
});
