import * as assert from 'assert';
import { analyzeDocument, type DocumentAnalysis } from '../../../src/core/analysis';
import { EntityTyper, TYPER_CLASSES } from '../../../src/core/analysis/typer';
import { TYPER_MODEL } from '../../../src/core/analysis/typerModel';

function typed(a: DocumentAnalysis): string[] {
  return a.entities.filter((e) => e.kind === 'name').map((e) => `${e.type}:${e.text}`);
}

// Unless a test says otherwise, the names below are not in the typer's training text (test/eval/typerOwnText.ts).
describe('analysis/typer (issue 13: entity errors on other outlets\' news)', () => {
  it('"the President in May" (the month) is not Theresa May, who is named in the same text', () => {
    const text = 'Prime Minister Theresa May met the French President in May. The talks will resume on June 3, May said.';
    const a = analyzeDocument(text);
    const mays = a.entities.filter((e) => e.entity === 'Theresa May').map((e) => e.start);
    assert.deepStrictEqual(mays, [text.indexOf('Theresa May'), text.indexOf('May said')]);
    assert.ok(!a.entities.some((e) => e.start === text.indexOf('May.')));
  });

  it('types the issue\'s teams named after places ("Chelsea", "Bayern") as organisations in a match report', () => {
    // these two are also in the typer's own training text
    const a = analyzeDocument('Chelsea beat Bayern 2-1 on Saturday. Chelsea coach Tom Baker said his side had played well.');
    assert.deepStrictEqual(typed(a), ['ORG:Chelsea', 'ORG:Bayern', 'ORG:Chelsea', 'PERSON:Tom Baker']);
  });

  it('types teams named after places that are in no training text as organisations', () => {
    const a = analyzeDocument('Fulham drew 1-1 with Burnley in the league on Sunday.');
    assert.deepStrictEqual(typed(a), ['ORG:Fulham', 'ORG:Burnley']);
  });

  it('types teams in a results table as organisations, and the dateline as a place', () => {
    const a = analyzeDocument('BASEBALL RESULTS.\nLONDON 1996-08-30\nMontreal 5 Houston 3\nAtlanta 2 Cincinnati 1');
    assert.deepStrictEqual(typed(a), ['LOC:LONDON', 'ORG:Montreal', 'ORG:Houston', 'ORG:Atlanta', 'ORG:Cincinnati']);
  });

  it('types a company named by one unknown word as an organisation', () => {
    const a = analyzeDocument('Shares in Zembrix rose 5 percent on Monday. Zembrix said its profit rose.');
    assert.deepStrictEqual(typed(a), ['ORG:Zembrix', 'ORG:Zembrix']);
  });

  it('types a town the text uses as a team ("Carlisle captain", "title rivals Carlisle") as an organisation in sports news, a place outside it', () => {
    const sport = analyzeDocument('Title rivals Carlisle closed in on victory on Friday. Carlisle captain John Hale made 80 not out as the match went into a third day, and the bowlers took four wickets in the final innings.');
    assert.deepStrictEqual(typed(sport), ['ORG:Carlisle', 'ORG:Carlisle', 'PERSON:John Hale']);
    const council = analyzeDocument('Carlisle captain John Hale said the council would meet in Carlisle on Monday.');
    assert.deepStrictEqual(typed(council), ['LOC:Carlisle', 'PERSON:John Hale', 'LOC:Carlisle']);
  });

  it('types a dateline as the place a story was filed from, even where the same name is a team in the results below', () => {
    const text = 'BASEBALL - MAJOR LEAGUE RESULTS.\nNEW YORK 1996-08-30\nResults of games played on Thursday:\nDETROIT 4 Kansas City 1\nSan Diego 3 NEW YORK 2\nChicago 4 Atlanta 2';
    const dateline = analyzeDocument(text).entities.find((e) => e.start === text.indexOf('NEW YORK'));
    assert.strictEqual(dateline && `${dateline.type}:${dateline.text}`, 'LOC:NEW YORK');
  });

  it('does not take the English words of a headline in capitals for names ("SOCCER - ROMANIA BEAT LITHUANIA")', () => {
    const a = analyzeDocument('SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH.\nBUCHAREST 1996-08-30\nRomania beat Lithuania 2-1 in a European under-21 qualifier on Friday.');
    const names = typed(a).map((x) => x.split(':')[1]);
    assert.ok(!names.includes('SOCCER') && !names.includes('BEAT') && !names.includes('MATCH'), names.join(', '));
    assert.ok(names.includes('ROMANIA') && names.includes('LITHUANIA'), names.join(', '));
  });

  it('keeps capitalised words joined by an ampersand as one firm ("Douglas & Lomason")', () => {
    const a = analyzeDocument('The acquisition of Harwell & Brandt will close next month, the company said.');
    assert.deepStrictEqual(typed(a), ['ORG:Harwell & Brandt']);
  });

  it('keeps a place a place outside sports ("talks in Montreal")', () => {
    const a = analyzeDocument('The ministers met for talks in Montreal on Monday, officials said.');
    assert.deepStrictEqual(typed(a), ['LOC:Montreal']);
  });

  it('ships a model of bounded size with the expected classes', () => {
    assert.deepStrictEqual([...TYPER_MODEL.classes], [...TYPER_CLASSES]);
    assert.ok(TYPER_MODEL.features.length + TYPER_MODEL.weights.length < 3 * 1024 * 1024);
    assert.doesNotThrow(() => new EntityTyper(TYPER_MODEL));
  });

  it('refuses a damaged model: weights that do not match the features, bad numbers, other classes', () => {
    const classes = TYPER_MODEL.classes;
    assert.throws(() => new EntityTyper({ classes, features: 'a\nb', weights: '1,2,3,4' }), /do not match/);
    assert.throws(() => new EntityTyper({ classes, features: 'a', weights: '1,2,x,4' }), /bad weight/);
    assert.throws(() => new EntityTyper({ classes: ['A', 'B', 'C', 'D'], features: 'a', weights: '1,2,3,4' }), /classes/);
    assert.throws(() => new EntityTyper({ classes, features: 'a'.repeat(17 * 1024 * 1024), weights: '' }), /too large/);
  });
});
