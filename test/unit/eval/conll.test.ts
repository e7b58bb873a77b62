import * as assert from 'assert';
import { readConll } from '../../eval/conllFormat';

describe('eval/conllFormat (CoNLL-2003 and wikigold reader)', () => {
  const src = [
    '-DOCSTART- -X- -X- O',
    '',
    'Leicestershire NNP I-NP I-ORG',
    'beat VBD I-VP O',
    'Somerset NNP I-NP I-ORG',
    ', , O O',
    'Germany NNP I-NP I-LOC',
    "'s POS B-NP O",
    'Peter NNP I-NP I-PER',
    'Blackburn NNP I-NP I-PER',
    'said VBD I-VP O',
    '" " O O',
    'yes UH O O',
    '" " O O',
    '. . O O',
    '',
    'Paris NNP I-NP I-LOC',
    'Berlin NNP I-NP B-LOC',
    '-DOCSTART- -X- -X- O',
    '',
    'Two CD O O',
  ].join('\n');

  it('rebuilds running text (no space before punctuation and clitics, none inside quotes), one sentence a line', () => {
    const docs = readConll(src, 'x-');
    assert.deepStrictEqual(docs.map((d) => d.text), ['Leicestershire beat Somerset, Germany\'s Peter Blackburn said "yes".\nParis Berlin', 'Two']);
    assert.deepStrictEqual(docs.map((d) => d.name), ['x-001', 'x-002']);
  });

  it('reads names as maximal runs of one type, a B- tag starting a new one', () => {
    const [d] = readConll(src, 'x-');
    assert.deepStrictEqual(d.names.map((n) => `${n.type}:${d.text.slice(n.start, n.end)}`), ['ORG:Leicestershire', 'ORG:Somerset', 'LOC:Germany', 'PERSON:Peter Blackburn', 'LOC:Paris', 'LOC:Berlin']);
  });
});
