import * as assert from 'assert';
import type { EntityMention, Quote } from '../../../src/core/analysis';
import { nameWords, parseAnn, speakerMatches } from '../../eval/polnear';

/** A speech quote with a speaker (no speaker mention), as the engine gives it. */
function said(speaker: string | null): Quote {
  return { start: 0, end: 1, text: 'x', kind: 'speech', speaker, cue: 'said', speakerSpan: null };
}

describe('eval/polnear (how PolNeAR speakers are scored)', () => {
  it('takes the name that heads a Source, without titles, appositions, brackets or the words after it', () => {
    assert.deepStrictEqual(nameWords('Trump'), ['Trump']);
    assert.deepStrictEqual(nameWords('Sen. Marco Rubio (R-Fla.)'), ['Marco', 'Rubio']);
    assert.deepStrictEqual(nameWords('Harry Bond, 30, of Raleigh, N.C., who was among those polled,'), ['Harry', 'Bond']);
    assert.deepStrictEqual(nameWords("Iowa State University's Dianne Bystrom"), ['Dianne', 'Bystrom']);
    assert.deepStrictEqual(nameWords('Texas delegate Bill Eastland'), ['Bill', 'Eastland']);
    assert.deepStrictEqual(nameWords('Jeffrey Lewis of the James Martin Center for Nonproliferation Studies'), ['Jeffrey', 'Lewis']);
    assert.deepStrictEqual(nameWords('Robert Antonacci of the New York delegation'), ['Robert', 'Antonacci']);
    assert.deepStrictEqual(nameWords('master of ceremonies Asab Al-Tabchi, a Syrian engineer'), ['Asab', 'Al-Tabchi']);
    assert.deepStrictEqual(nameWords('her senior policy adviser, Jake Sullivan,'), ['Jake', 'Sullivan']);
    assert.deepStrictEqual(nameWords('the Washington Post'), ['Washington', 'Post']);
    assert.deepStrictEqual(nameWords('Clinton’s'), ['Clinton']);
    assert.deepStrictEqual(nameWords('Cuban'), ['Cuban']);
  });

  it('does not count descriptions, parties and peoples as names', () => {
    for (const d of ['the presumptive Republican presidential nominee', 'one senior Democrat', 'the Texan', 'Republicans', 'the Saudis', 'a spokesman for Bernie Sanders', 'the Florida senator', 'Sanders protesters', 'an interview with The New York Times Magazine', 'one Trump campaign source', 'he']) {
      assert.deepStrictEqual(nameWords(d), [], d);
    }
  });

  it('matches a speaker by the engine grouping the Source with it, or by a word of the name unless the first names differ', () => {
    const src = { start: 10, end: 15, text: 'Trump' };
    assert.ok(speakerMatches(said('Donald Trump'), src));
    assert.ok(!speakerMatches(said('Mike Pence'), src));
    assert.ok(!speakerMatches(said(null), src));
    // "Trump" in the Source is grouped by the engine with the speaker "Donald J. Trump"
    const trump: EntityMention[] = [{ start: 10, end: 15, text: 'Trump', type: 'PERSON', entity: 'Donald J. Trump', kind: 'name' }];
    assert.ok(speakerMatches(said('Donald J. Trump'), src, trump));
    // another person of the same surname is wrong, a middle name more or less is not
    const hillary = { start: 20, end: 35, text: 'Hillary Clinton' };
    assert.ok(!speakerMatches(said('Bill Clinton'), hillary));
    assert.ok(speakerMatches(said('Hillary Rodham Clinton'), hillary));
    assert.ok(!speakerMatches(said('Jane Sanders'), { start: 0, end: 25, text: 'Sen. Bernie Sanders (I-Vt.)' }));
    assert.ok(speakerMatches(said('Mitch McConnell'), { start: 0, end: 37, text: 'Senate Majority Leader Mitch McConnell' }));
    // a speaker mention that overlaps the Source is right whatever its name
    assert.ok(speakerMatches({ ...said('X'), speakerSpan: { start: 12, end: 14 } }, src));
  });

  it('reads brat attributions with code-point offsets into UTF-16 spans', () => {
    const text = '😀 "Go," Trump said.';
    const ann = ['T1\tContent 2 7\t"Go,"', 'T2\tSource 8 13\tTrump', 'T3\tCue 14 18\tsaid', 'E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2'].join('\n');
    const g = parseAnn(ann, text);
    assert.strictEqual(g.length, 1);
    assert.strictEqual(g[0].content.text, '"Go,"');
    assert.strictEqual(g[0].source?.text, 'Trump');
  });
});
