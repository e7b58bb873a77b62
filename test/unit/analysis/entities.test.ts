import * as assert from 'assert';
import { analyzeDocument, type DocumentAnalysis, type EntityMention } from '../../../src/core/analysis';

function names(a: DocumentAnalysis): EntityMention[] {
  return a.entities.filter((e) => e.kind === 'name');
}

function find(a: DocumentAnalysis, text: string, nth = 0): EntityMention | undefined {
  return a.entities.filter((e) => e.text === text)[nth];
}

describe('analysis/entities', () => {
  it('splits "US President Donald Trump" CoNLL-style and drops the possessive of "Russia\'s"', () => {
    const text = "US President Donald Trump will speak with Russia's Vladimir Putin and Germany’s Angela Merkel.";
    const a = analyzeDocument(text);
    const got = names(a).map((e) => `${e.type}:${e.text}`);
    assert.deepStrictEqual(got, ['LOC:US', 'PERSON:Donald Trump', 'LOC:Russia', 'PERSON:Vladimir Putin', 'LOC:Germany', 'PERSON:Angela Merkel']);
    for (const e of a.entities) assert.strictEqual(text.slice(e.start, e.end), e.text);
  });

  it('types nationalities and political groups as NORP', () => {
    const a = analyzeDocument('Russian diplomats met Republicans and Muslims from the French delegation.');
    assert.deepStrictEqual(
      names(a).map((e) => `${e.type}:${e.text}`),
      ['NORP:Russian', 'NORP:Republicans', 'NORP:Muslims', 'NORP:French'],
    );
  });

  it('groups "Trump" and "President Trump" under "Donald Trump"', () => {
    const a = analyzeDocument('Donald Trump arrived on Monday. Later, President Trump spoke. "Fine," Trump said.');
    const persons = names(a).filter((e) => e.type === 'PERSON');
    assert.ok(persons.length >= 3);
    for (const p of persons) assert.strictEqual(p.entity, 'Donald Trump');
  });

  it('keeps two people with the same surname apart, a bare surname going to the nearest before', () => {
    const text = 'Donald Trump met Ivanka Trump at noon. Ivanka Trump left early. Then Trump, the president, spoke.';
    const a = analyzeDocument(text);
    const ents = new Set(names(a).filter((e) => e.type === 'PERSON').map((e) => e.entity));
    assert.ok(ents.has('Donald Trump') && ents.has('Ivanka Trump'));
    const bare = a.entities.find((e) => e.text === 'Trump');
    assert.strictEqual(bare?.entity, 'Ivanka Trump');
  });

  it('makes role descriptions role mentions linked to the person, never names', () => {
    const text = 'Russian President Vladimir Putin called. It was the first call between Trump and the Russian President. US President Donald Trump answered; the US President smiled. Sanctions began under his predecessor, President Barack Obama.';
    const a = analyzeDocument(text);
    const roles = a.entities.filter((e) => e.kind === 'role');
    const byText = new Map(roles.map((r) => [r.text, r]));
    assert.strictEqual(byText.get('the Russian President')?.entity, 'Vladimir Putin');
    assert.strictEqual(byText.get('the US President')?.entity, 'Donald Trump');
    assert.strictEqual(byText.get('his predecessor')?.entity, 'Barack Obama');
    assert.ok(!names(a).some((e) => /President/.test(e.text)), 'no name contains a title');
    // the nationality inside a role is still a NORP name
    assert.ok(names(a).some((e) => e.type === 'NORP' && e.text === 'Russian' && e.start > text.indexOf('the Russian President')));
  });

  it('recognises organisations by keyword, acronym and "of" phrases', () => {
    const a = analyzeDocument('He spoke to the Times of London, NATO officials and the University of Texas. The Kremlin declined.');
    assert.strictEqual(find(a, 'Times of London')?.type, 'ORG');
    assert.strictEqual(find(a, 'NATO')?.type, 'ORG');
    assert.strictEqual(find(a, 'University of Texas')?.type, 'ORG');
    assert.strictEqual(find(a, 'Kremlin')?.type, 'ORG');
  });

  it('does not make names of headline words and sentence-initial common words', () => {
    const a = analyzeDocument('JUST WATCHED Replay More Videos\n\nFlurry of calls\n\nBoth leaders agreed. Saturday was busy.');
    assert.deepStrictEqual(names(a), []);
  });

  it('handles empty text, text without punctuation and non-English text without crashing', () => {
    assert.deepStrictEqual(analyzeDocument(''), { entities: [], quotes: [] });
    const flat = analyzeDocument('the quick brown fox jumps over the lazy dog '.repeat(2000));
    assert.deepStrictEqual(flat.entities, []);
    const zh = analyzeDocument('習近平主席星期六與普京通電話。“我們會看看”，他說。');
    for (const e of zh.entities) assert.strictEqual(e.text, '習近平主席星期六與普京通電話。“我們會看看”，他說。'.slice(e.start, e.end));
    const de = analyzeDocument('Bundeskanzlerin Angela Merkel sagte: „Wir schaffen das.“');
    assert.ok(de.entities.some((e) => e.text === 'Angela Merkel' && e.type === 'PERSON'));
    assert.strictEqual(de.quotes.length, 1);
  });

  it('keeps UTF-16 offsets right around emoji and CRLF', () => {
    const text = '😀 Mayor Anne Hidalgo visited 👍🏽 Paris.\r\n\r\n"We will rebuild," Hidalgo said.';
    const a = analyzeDocument(text);
    for (const e of a.entities) assert.strictEqual(text.slice(e.start, e.end), e.text);
    assert.strictEqual(find(a, 'Anne Hidalgo')?.type, 'PERSON');
    assert.strictEqual(find(a, 'Paris')?.type, 'LOC');
    assert.strictEqual(a.quotes[0].text, 'We will rebuild,');
    assert.strictEqual(a.quotes[0].speaker, 'Anne Hidalgo');
  });
});

describe('analysis/teams', () => {
  const types = (text: string, name: string): string[] => analyzeDocument(text).entities.filter((e) => e.text === name && e.kind === 'name').map((e) => e.type);

  it('types countries as teams (ORG) in a match report, but not after a locative preposition', () => {
    const report = [
      'Sweden defeated South Korea 1 – 0 at the stadium in Nizhny Novgorod, and Belgium beat Panama 3-0 in Sochi.',
      'Sweden scored from the penalty spot after the referee checked the video. The match ended with Sweden winning.',
      'Belgium had the better of the match; the striker scored a header and the goalkeeper was beaten. Fans in Belgium celebrated the goal.',
    ].join('\n\n');
    assert.deepStrictEqual(types(report, 'Sweden'), ['ORG', 'ORG', 'ORG']);
    assert.deepStrictEqual(types(report, 'Belgium'), ['ORG', 'ORG', 'LOC']);
    assert.deepStrictEqual(types(report, 'Sochi'), ['LOC']);
  });

  it('leaves countries as places in news that is not a match report', () => {
    const news = 'Sweden and Belgium signed a trade deal on Monday. The vote was 52-48 in the Swedish parliament, and officials in Belgium said the goal was to cut tariffs.';
    assert.deepStrictEqual(types(news, 'Sweden'), ['LOC']);
    assert.deepStrictEqual(types(news, 'Belgium'), ['LOC', 'LOC']);
  });
  it('leaves products, works and events out, without typing their words as people or organisations', () => {
    const a = analyzeDocument('Users of Internet Explorer 6 and IE6 moved to Mozilla Firefox. Star Wars fans met at the Google Science Fair. The 22nd Fan Expo Canada took place in Toronto. The Clean Air Act passed.');
    assert.deepStrictEqual(names(a).map((e) => `${e.type}:${e.text}`), ['LOC:Toronto']);
  });

  it('keeps a country, place or nationality with the organisation it names, but not with a title', () => {
    const a = analyzeDocument('The US National Park Service, the United Kingdom Home Office and the Massachusetts Institute of Technology wrote to US President Donald Trump and the Italian Episcopal Conference.');
    assert.deepStrictEqual(names(a).map((e) => `${e.type}:${e.text}`), [
      'ORG:US National Park Service',
      'ORG:United Kingdom Home Office',
      'ORG:Massachusetts Institute of Technology',
      'LOC:US',
      'PERSON:Donald Trump',
      'ORG:Italian Episcopal Conference',
    ]);
  });

  it('keeps "of" and a place inside an organisation name, and types "the X Y" as an organisation', () => {
    const a = analyzeDocument('The Comic Corps of Canada and the Municipality of Livorno thanked the Sea Org. Farouk Ben Mustapha saved it.');
    assert.deepStrictEqual(names(a).map((e) => `${e.type}:${e.text}`), ['ORG:Comic Corps of Canada', 'ORG:Municipality of Livorno', 'ORG:Sea Org', 'PERSON:Farouk Ben Mustapha']);
  });
  it('keeps web domains, ordinals and "and" inside organisation names, but not a second organisation after "and"', () => {
    const a = analyzeDocument('The firm Secunia.com warned the 501st Legion. The Union of Rationalist Atheists and Agnostics wrote to the Massachusetts Institute of Technology and Colorado State University in Super Bowl XVII week.');
    assert.deepStrictEqual(names(a).map((e) => `${e.type}:${e.text}`), [
      'ORG:Secunia.com',
      'ORG:501st Legion',
      'ORG:Union of Rationalist Atheists and Agnostics',
      'ORG:Massachusetts Institute of Technology',
      'ORG:Colorado State University',
    ]);
  });
  it('leaves out a run of capitalised English words with no organisation, person or place evidence (a title or event, not an organisation)', () => {
    const a = analyzeDocument('Critics praised Quiet Morning Light at the show. The National Farmers Union and Mary Jones agreed.');
    assert.deepStrictEqual(names(a).map((e) => `${e.type}:${e.text}`), ['ORG:National Farmers Union', 'PERSON:Mary Jones']);
  });
  it('leaves out an acronym the text spells out in lower case, but keeps other acronyms as organisations', () => {
    const a = analyzeDocument('Doctors say chronic wasting disease spreads. CWD rose, the OECD said and vary.');
    assert.deepStrictEqual(names(a).map((e) => `${e.type}:${e.text}`), ['ORG:OECD']);
  });
});
