import * as assert from 'assert';
import { analyzeDocument, type Quote } from '../../../src/core/analysis';
import type { WorkMention } from '../../../src/core/analysis/aliases';
import { findQuotes } from '../../../src/core/analysis/quotes';
import { attributeQuotes } from '../../../src/core/analysis/speakers';

function quotes(text: string): Quote[] {
  return [...analyzeDocument(text).quotes];
}

describe('analysis/speakers', () => {
  it('attributes "X said" and "said X" after the quote, with the cue verb', () => {
    const q = quotes('Angela Merkel met Boris Johnson. "We will talk," Merkel said. "Agreed," said Johnson.');
    assert.strictEqual(q[0].speaker, 'Angela Merkel');
    assert.strictEqual(q[0].cue, 'said');
    assert.strictEqual(q[1].speaker, 'Boris Johnson');
  });

  it('attributes "X told reporters" and "according to X"', () => {
    const q = quotes('Kremlin spokesman Dmitry Peskov spoke. "Let us wait," Peskov told reporters. The deal is "dead", according to Reuters.');
    assert.strictEqual(q[0].speaker, 'Dmitry Peskov');
    assert.strictEqual(q[0].cue, 'told');
    assert.strictEqual(q[1].speaker, 'Reuters');
    assert.strictEqual(q[1].cue, 'according to');
  });

  it('attributes "X said:" before the quote', () => {
    const q = quotes('Prime Minister Theresa May addressed Parliament. May said: "Brexit means Brexit."');
    assert.strictEqual(q[0].speaker, 'Theresa May');
  });

  it('resolves "he said" to the nearest fitting person before, and "she" by gender', () => {
    const text = 'Chancellor Angela Merkel met President François Hollande in Berlin. Hollande was outspoken. "There are challenges," he said. Merkel declined to comment. "Based on these values, we cooperate," she said.';
    const q = quotes(text);
    assert.strictEqual(q[0].speaker, 'François Hollande');
    assert.strictEqual(q[1].speaker, 'Angela Merkel');
  });

  it('lets an unattributed quote inherit from the attributed quote just before', () => {
    const q = quotes('"We\'re looking to have a great relationship," Donald Trump said. "If we can, I\'m all for that."');
    assert.strictEqual(q[1].speaker, 'Donald Trump');
    assert.strictEqual(q[1].cue, null);
  });

  it('leaves a truly unattributed quote with a null speaker', () => {
    const q = quotes('The sign read "closed for renovation" all summer.');
    assert.strictEqual(q.length, 1);
    assert.strictEqual(q[0].speaker, null);
  });

  it('uses a description when no entity speaks ("a senior official said")', () => {
    const q = quotes('"The plan is not to lift sanctions," a senior administration official said.');
    assert.strictEqual(q[0].speaker, 'a senior administration official');
  });
});

/** A person mention as the entity recogniser would give it (sentence ids by the caller). */
function person(text: string, word: string, sentId: number, entity = word): WorkMention {
  const start = text.indexOf(word);
  return { start, end: start + word.length, text: word, type: 'PERSON', kind: 'name', strength: 1, canonical: null, title: null, country: null, tentative: false, appositive: null, tokenIndex: 0, entity, sentId, firstInSentence: true, linkedTo: -1 };
}

/** The speaker forms of issue 13, each in sentences written for this test. */
describe('analysis/speakers: forms seen in other news', () => {
  it('takes the name before an apposition between it and the verb', () => {
    const q = quotes('"The data do not support that reading," Karen L. Whitfield, director of research at the Northfield Policy Institute, said in an e-mailed statement.');
    assert.strictEqual(q[0].speaker, 'Karen L. Whitfield');
    assert.strictEqual(q[0].cue, 'said');
  });

  it('takes the person after a team or organisation and a title ("said Rovers head coach Tom Baker")', () => {
    const q = quotes('"We were not good enough in the second half," said Rovers head coach Tom Baker.');
    assert.strictEqual(q[0].speaker, 'Tom Baker');
  });

  it('resolves a description that refers back to a person named before ("said the veteran striker")', () => {
    const q = quotes('Diego Ruiz scored twice on Sunday. "I have waited a long time for a night like this," said the veteran striker.');
    assert.strictEqual(q[0].speaker, 'Diego Ruiz');
  });

  it('does not make the translator or the medium the speaker ("according to a CNN translation")', () => {
    const q = quotes('The ministry said the sanctions "could further stimulate the crisis", according to a CNN translation of the Russian statement.');
    assert.notStrictEqual(q[0].speaker, 'CNN');
  });

  it('resolves "she" to a person of agreeing gender, past a group word between them', () => {
    const text = 'Mary Okafor leads the council. Indigenous groups joined the talks on Monday. "We are still far apart," she said.';
    assert.strictEqual(quotes(text)[0].speaker, 'Mary Okafor');
  });

  it('prefers a person of agreeing gender to a one-word name of unknown gender, even one mistyped as a person', () => {
    // the recogniser typed "Indigenous" as a person: "she" must still go to the woman named before
    const text = 'Mary Okafor leads the council. Indigenous groups joined the talks. "We are still far apart," she said.';
    const ms = [person(text, 'Mary Okafor', 1), person(text, 'Indigenous', 2)];
    const a = attributeQuotes(text, findQuotes(text), ms, [0, text.indexOf('Indigenous'), text.indexOf('"')]);
    assert.strictEqual(a[0].mention, 0);
  });

  it('never resolves a pronoun to a group or nationality word', () => {
    const text = 'Indigenous leaders met in the capital. "Nothing has changed," he said.';
    const q = quotes(text)[0];
    assert.ok(q.speaker === null || !/indigenous/i.test(q.speaker), String(q.speaker));
  });

  it('attributes a quote over several sentences, with the attribution at its end', () => {
    const q = quotes('Mayor Lena Hart spoke last. "The bridge is safe. The engineers checked it twice. We will reopen it on Friday," Hart said.');
    assert.strictEqual(q.length, 1);
    assert.strictEqual(q[0].speaker, 'Lena Hart');
  });

  it('attributes a quote over several paragraphs, with the attribution at the end of the last', () => {
    const text = 'The council met on Monday.\n\n"The first paragraph of the statement.\n\n"The second paragraph of it.\n\n"And the last one," Omar Haddad said.\n';
    const q = quotes(text);
    assert.strictEqual(q.length, 1);
    assert.strictEqual(q[0].speaker, 'Omar Haddad');
  });

  it('gives the speaker of the next quote to an unattributed quote that runs straight into it', () => {
    const text = 'The council met on Monday.\n\n"We heard every resident who came."\n\n"Now the decision is ours," Omar Haddad said.\n';
    const q = quotes(text);
    assert.strictEqual(q.length, 2);
    assert.strictEqual(q[0].speaker, 'Omar Haddad');
    assert.strictEqual(q[1].speaker, 'Omar Haddad');
  });

  it('takes a signature line or a heading line as the speaker of a quote in its own paragraph', () => {
    const signed = quotes('Voters spoke.\n\n“I am voting for her because she listens.”\n\n— Maria Lopez, 45, Texas\n\n“Nobody asked me.”\n\n— Jose Ramirez, 30, Arizona\n');
    assert.deepStrictEqual(signed.map((x) => x.speaker), ['Maria Lopez', 'Jose Ramirez']);
    const headed = quotes('Voters spoke.\n\nMaria Lopez, 45, Texas\n\n“I am voting for her because she listens.”\n\nJose Ramirez, 30, Arizona: “Nobody asked me.”\n');
    assert.deepStrictEqual(headed.map((x) => x.speaker), ['Maria Lopez', 'Jose Ramirez']);
  });

  it('keeps an organisation as the speaker when the text says so ("the Kremlin said")', () => {
    const q = quotes('"There is no plan for a meeting," the Kremlin said on Friday.');
    assert.strictEqual(q[0].speaker, 'Kremlin');
  });
  it('takes a signature after the quotation dash on the same line ("…” ― Name")', () => {
    const q = quotes('What readers wrote.\n\n“The bridge should have been fixed years ago.” ― Nora Lindqvist\n“Nobody asked the people who cross it.”― Tomas Ferreira.\n');
    assert.deepStrictEqual(q.map((x) => x.speaker), ['Nora Lindqvist', 'Tomas Ferreira']);
  });

  it('reads past a party and state code between the name and the verb ("Sen. Walter Brandt (R-Kan.) said")', () => {
    const q = quotes('"We will not vote for it," Sen. Walter Brandt (R-Kan.) said Saturday. "It costs too much," Rep. Lydia Moss, D-Ore., said.');
    assert.deepStrictEqual(q.map((x) => x.speaker), ['Walter Brandt', 'Lydia Moss']);
  });
  it('knows the cues of the issue after the quote: "concludes", "says", "told", "added", "according to"', () => {
    const text = 'Hanna Berg runs the clinic. "We are full every night," Berg concludes. "Nobody plans for winter," Berg says. "It is worse than last year," Berg told reporters. "And the rent went up," Berg added. The waiting list is "longer than ever," according to Berg.';
    const q = quotes(text);
    assert.deepStrictEqual(q.map((x) => x.speaker), ['Hanna Berg', 'Hanna Berg', 'Hanna Berg', 'Hanna Berg', 'Hanna Berg']);
    assert.deepStrictEqual(q.map((x) => x.cue), ['concludes', 'says', 'told', 'added', 'according to']);
  });

  it('knows two-word cues ("shot back", "went on", "as X put it")', () => {
    const text = 'Paul Okoro faced Ines Vidal in the debate. "You never answered the question," Okoro shot back. "I answered it twice," Vidal went on. As Vidal put it, "The numbers speak for themselves."';
    assert.deepStrictEqual(quotes(text).map((x) => x.speaker), ['Paul Okoro', 'Ines Vidal', 'Ines Vidal']);
  });

  it('does not let the people of the previous quote\'s attribution stop the next quote from inheriting its speaker', () => {
    const text = 'Carl Jensen leads the union. "The offer is fair," Jensen deputy Dana Whitley said. "But we will not sign it tonight."';
    const q = quotes(text);
    assert.strictEqual(q[0].speaker, 'Dana Whitley');
    assert.strictEqual(q[1].speaker, 'Dana Whitley');
  });
  it('resolves "he" to the subject of the sentence before, not to a person it governs or a place before it', () => {
    const text = 'Speaking at a rally in Dayton, Ohio, Mark Okoro went after Peter Vance, calling him "a total failure." He said, "Nobody would hire a man like that."';
    const q = quotes(text);
    assert.strictEqual(q[q.length - 1].speaker, 'Mark Okoro');
  });
  it('takes the name before a long apposition and its cue, also after a quote that ends in "!" or "?"', () => {
    const q = quotes('"Not ours, but we like it!" Mike Dorsey, the head of the Forward Together fund, tweeted on Friday. "Both of them scare me," Harold Bond, 30, of Raleigh, N.C., who was among those polled, said.');
    assert.deepStrictEqual(q.map((x) => x.speaker), ['Mike Dorsey', 'Harold Bond']);
  });

  it('takes the speaker after the cue when words stand between the quote and it ("…" about the vote, said X)', () => {
    const q = quotes('"We are extremely happy" about the vote, said Rosa Delgado, executive director of the nurses\' union.');
    assert.strictEqual(q[0].speaker, 'Rosa Delgado');
  });

  it('takes the name of "<name> <cue>." when the quote opens the next sentence ("Rubio disagreed. “…”")', () => {
    const q = quotes('Donald Trump spoke first. Marco Rubio disagreed. "Leadership is about solving the problem." The debate went on.');
    assert.strictEqual(q[0].speaker, 'Marco Rubio');
  });
});
