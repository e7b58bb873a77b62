import * as assert from 'assert';
import { parseGumDoc } from '../../eval/gum';

/** One token: form, XPOS, head (1-based in the sentence, 0 for the root), deprel, and the MISC column's Entity= value. */
type Tok = [form: string, xpos: string, head: number, deprel: string, entity?: string, noSpace?: boolean];

/** CoNLL-U of one paragraph per sentence, in GUM's style. */
function conllu(...sentences: Tok[][]): string {
  const out: string[] = ['# newdoc id = test'];
  for (const s of sentences) {
    out.push('# newpar');
    s.forEach(([form, xpos, head, deprel, entity, noSpace], i) => {
      const misc = [entity ? `Entity=${entity}` : '', noSpace ? 'SpaceAfter=No' : ''].filter((x) => x !== '').join('|') || '_';
      out.push([i + 1, form, form, '_', xpos, '_', head, deprel, '_', misc].join('\t'));
    });
    out.push('');
  }
  return out.join('\n');
}

/** CoNLL-U of several sentences in one paragraph (one "# newpar"). */
function paragraph(...sentences: Tok[][]): string {
  const [first, ...rest] = conllu(...sentences).split('\n# newpar\n');
  return `${first}\n# newpar\n${rest.join('\n')}`;
}

function names(...sentences: Tok[][]): string[] {
  return parseGumDoc('test', conllu(...sentences)).names.map((n) => `${n.type}:${n.text}`);
}

describe('eval/gum: gold names from GUM CoNLL-U', () => {
  it('rebuilds the text with SpaceAfter and paragraphs, and reads identities holding encoded brackets', () => {
    const doc = parseGumDoc(
      'test',
      conllu(
        [
          ['Freedom', 'NNP', 2, 'nsubj', '(1-organization-new-sssss-cf1-1-coref-Freedom_%28magazine%29)'],
          ['said', 'VBD', 0, 'root', undefined, true],
          ['.', '.', 2, 'punct'],
        ],
        [['Yes', 'UH', 0, 'root']],
      ),
    );
    assert.strictEqual(doc.text, 'Freedom said.\n\nYes\n');
    assert.deepStrictEqual(doc.names.map((n) => [n.text, n.type, n.identity]), [['Freedom', 'ORG', 'Freedom_%28magazine%29']]);
  });

  it('puts a sentence without final punctuation (a caption, a heading) on its own line', () => {
    const doc = parseGumDoc(
      'test',
      paragraph(
        [
          ['student', 'NN', 0, 'root', '(1-person-new-sssss-cf1-2,3-coref'],
          ['Ahmed', 'NNP', 1, 'flat'],
          ['Mohamed', 'NNP', 1, 'flat', '1)'],
        ],
        [
          ['Image', 'NN', 0, 'root', undefined, true],
          [':', ':', 3, 'punct'],
          ['Twitter', 'NNP', 1, 'dep', '(2-organization-new-sssss-cf1-1-sgl-Twitter)', true],
          ['.', '.', 1, 'punct'],
        ],
      ),
    );
    assert.strictEqual(doc.text, 'student Ahmed Mohamed\nImage: Twitter. ');
    assert.deepStrictEqual(doc.names.map((n) => n.text), ['Ahmed Mohamed', 'Twitter']);
  });

  it('splits "US President Donald Trump" into the place and the person; titles are not names', () => {
    assert.deepStrictEqual(
      names([
        ['US', 'NNP', 2, 'compound', '(1-person-new-sssss-cf1-4-coref-Donald_Trump(2-place-new-sssss-cf2-1-coref-United_States)'],
        ['President', 'NNP', 3, 'compound'],
        ['Donald', 'NNP', 5, 'nsubj'],
        ['Trump', 'NNP', 3, 'flat', '1)'],
        ['spoke', 'VBD', 0, 'root'],
        ['to', 'IN', 8, 'case'],
        ['the', 'DT', 8, 'det', '(3-person-new-sssss-cf3-2-coref'],
        ['Secretary', 'NNP', 5, 'obl', '3)'],
      ]),
      ['LOC:US', 'PERSON:Donald Trump'],
    );
  });

  it('takes a person named in apposition to a common noun ("president Sehar Memon")', () => {
    assert.deepStrictEqual(
      names([
        ['president', 'NN', 4, 'nsubj', '(1-person-new-sssss-cf1-2,3-coref'],
        ['Sehar', 'NNP', 1, 'flat'],
        ['Memon', 'NNP', 1, 'flat', '1)'],
        ['said', 'VBD', 0, 'root'],
      ]),
      ['PERSON:Sehar Memon'],
    );
  });

  it('keeps the outermost name: "Mexico City" is one place, "Irving Independent School District" one organisation', () => {
    assert.deepStrictEqual(
      names(
        [
          ['in', 'IN', 3, 'case'],
          ['Mexico', 'NNP', 3, 'compound', '(1-place-new-sssss-cf1-1,2-sgl-Mexico_City(2-place-new-sssss-cf2-1-sgl-Mexico)'],
          ['City', 'NNP', 0, 'root', '1)'],
        ],
        [
          ['the', 'DT', 5, 'det', '(3-organization-new-sssss-cf1-2-sgl'],
          ['Irving', 'NNP', 5, 'compound', '(4-place-new-sssss-cf2-1-sgl-Irving%2C_Texas)'],
          ['Independent', 'NNP', 5, 'compound'],
          ['School', 'NNP', 5, 'compound'],
          ['District', 'NNP', 0, 'root', '3)'],
        ],
      ),
      ['LOC:Mexico City', 'ORG:Irving Independent School District'],
    );
  });

  it('keeps "of"/"on" phrases and hyphens inside organisation names, without a leading "the"', () => {
    assert.deepStrictEqual(
      names([
        ['the', 'DT', 2, 'det', '(1-organization-new-sssss-cf1-2-sgl-Council_on_American%E2%80%93Islamic_Relations'],
        ['Council', 'NNP', 0, 'root'],
        ['on', 'IN', 7, 'case'],
        ['American', 'NNP', 7, 'amod', undefined, true],
        ['-', ':', 6, 'punct', undefined, true],
        ['Islamic', 'NNP', 4, 'conj'],
        ['Relations', 'NNPS', 2, 'nmod', '1)'],
      ]),
      ['ORG:Council on American-Islamic Relations'],
    );
  });

  it('stops at a locative "of the" place, a coordination of two names, and a possessive owner', () => {
    assert.deepStrictEqual(
      names(
        [
          ['the', 'DT', 2, 'det', '(1-organization-new-sssss-cf1-2-sgl-University_of_Sheffield'],
          ['University', 'NNP', 0, 'root'],
          ['of', 'IN', 4, 'case'],
          ['Sheffield', 'NNP', 2, 'nmod', '(2-place-new-sssss-cf2-1-sgl-Sheffield)'],
          ['of', 'IN', 7, 'case'],
          ['the', 'DT', 7, 'det', '(3-place-new-sssss-cf3-2-sgl-United_Kingdom'],
          ['UK', 'NNP', 4, 'nmod', '3)1)'],
        ],
        [
          ['the', 'DT', 2, 'det', '(4-organization-new-sssss-cf1-2-sgl'],
          ['State', 'NNP', 0, 'root', '(5-organization-new-sssss-cf2-1-sgl-United_States_Department_of_State)'],
          ['and', 'CC', 6, 'cc'],
          ['Homeland', 'NNP', 5, 'compound', '(6-organization-new-sssss-cf3-1,2-sgl-United_States_Department_of_Homeland_Security'],
          ['Security', 'NNP', 6, 'compound', '6)'],
          ['Departments', 'NNPS', 2, 'conj', '4)'],
        ],
        [
          ['Russia', 'NNP', 4, 'nmod:poss', '(7-organization-new-sssss-cf1-4-sgl(8-place-new-sssss-cf2-1-sgl-Russia', true],
          ["'s", 'POS', 1, 'case', '8)'],
          ['Foreign', 'NNP', 4, 'compound'],
          ['Ministry', 'NNP', 0, 'root', '7)'],
        ],
      ),
      ['ORG:University of Sheffield', 'LOC:UK', 'ORG:State', 'ORG:Homeland Security', 'LOC:Russia', 'ORG:Foreign Ministry'],
    );
  });

  it('keeps a possessive the Wikipedia title has ("Korean People\'s Army")', () => {
    assert.deepStrictEqual(
      names([
        ['the', 'DT', 5, 'det', "(1-organization-new-sssss-cf1-4-sgl-Korean_People's_Army"],
        ['Korean', 'NNP', 3, 'amod'],
        ['People', 'NNP', 5, 'nmod:poss', undefined, true],
        ["'s", 'POS', 3, 'case'],
        ['Army', 'NNP', 0, 'root', '1)'],
      ]),
      ["ORG:Korean People's Army"],
    );
  });

  it('leaves out groups of people, times, names inside event names, and names glued to a common word', () => {
    assert.deepStrictEqual(
      names(
        [
          ['Afghans', 'NNPS', 2, 'nsubj', '(1-person-new-sssss-cf1-1-sgl-Afghans)'],
          ['met', 'VBD', 0, 'root'],
          ['on', 'IN', 4, 'case'],
          ['Friday', 'NNP', 2, 'obl', '(2-time-new-sssss-cf2-1-sgl)'],
        ],
        [
          ['the', 'DT', 4, 'det', '(3-event-new-sssss-cf1-2,3,4-sgl-FIFA_World_Cup'],
          ['FIFA', 'NNP', 4, 'compound', '(4-organization-new-sssss-cf2-1-sgl-FIFA)'],
          ['World', 'NNP', 4, 'compound', '(5-place-new-sssss-cf3-1-sgl-World)'],
          ['Cup', 'NNP', 0, 'root', '3)'],
        ],
        [
          ['the', 'DT', 4, 'det', '(6-place-new-sssss-cf1-2-sgl'],
          ['Polaroid', 'NNP', 4, 'compound', undefined, true],
          ['-', 'HYPH', 2, 'punct', undefined, true],
          ['room', 'NN', 0, 'root', '6)'],
        ],
      ),
      [],
    );
  });
});
