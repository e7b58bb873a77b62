import * as assert from 'assert';
import { analyzeDocument, type DocumentAnalysis } from '../../../src/core/analysis';
import { isForm } from '../../../src/core/analysis/formLabels';
import { fillsClubPlace, isResultsTable } from '../../../src/core/analysis/resultsTables';

function typed(a: DocumentAnalysis): string[] {
  return a.entities.filter((e) => e.kind === 'name').map((e) => `${e.type}:${e.text}`);
}

// Issue 13, third round: rules for names in wire news. The sentences are made up for these tests.
describe('analysis/news names (issue 13: organisations in wire news)', () => {
  it('a wire sign-off\'s newsroom is an organisation, with its place ("-- Oslo Newsroom", "-- Grain Markets Newsroom")', () => {
    const a = analyzeDocument('Prices eased in thin trade.\n-- Kari Dahl, Oslo Newsroom +47 22 00 00 00\n-- Grain Markets Newsroom +44 20 0000 0000');
    const got = typed(a);
    assert.ok(got.includes('ORG:Oslo Newsroom'), got.join(' | '));
    assert.ok(got.includes('ORG:Grain Markets Newsroom'), got.join(' | '));
    assert.ok(!got.includes('LOC:Oslo'), got.join(' | '));
  });

  it('a legal form ends a company\'s name before "of" and its town ("Brantley Tooling Corp of Dayton")', () => {
    const a = analyzeDocument('Velco Holdings said it bought Brantley Tooling Corp of Dayton, Ohio, for $40 million.');
    const got = typed(a);
    assert.ok(got.includes('ORG:Brantley Tooling Corp'), got.join(' | '));
    assert.ok(got.includes('LOC:Dayton'), got.join(' | '));
  });

  it('an ampersand joins a firm\'s names ("Harwell & Voss"), but not two authors cited with a year', () => {
    const a = analyzeDocument('Shares of Harwell & Voss rose 3 percent on Tuesday. The method follows Okafor & Lindqvist (2011), as in earlier work (Baranek & Tull 2014) and Ferro & Quist [7].');
    const got = typed(a);
    assert.ok(got.includes('ORG:Harwell & Voss'), got.join(' | '));
    assert.ok(!got.some((g) => g.includes('&') && !g.includes('Harwell')), got.join(' | '));
  });

  it('a one-word name that ends a person named in full in the document is that person ("R. Wickremasuriya" ... "Wickremasuriya")', () => {
    const text = 'CRICKET - SCOREBOARD\nR. Wickremasuriya c Healy b Dunmore 44\nT. Dunmore not out 12\nBowling: Wickremasuriya 10-0-43-2, Dunmore 8-1-26-3';
    const a = analyzeDocument(text);
    const got = typed(a);
    const lone = got.filter((g) => g.endsWith(':Wickremasuriya') || g.endsWith(':Dunmore'));
    assert.ok(lone.length >= 2, got.join(' | '));
    assert.deepStrictEqual(lone.filter((g) => !g.startsWith('PERSON:')), [], got.join(' | '));
  });

  it('keeps a country a country beside a person of that surname', () => {
    const a = analyzeDocument('The striker Marcus Jordan flew to Jordan on Monday.');
    assert.ok(typed(a).includes('LOC:Jordan'), typed(a).join(' | '));
  });

  it('a one-word name that opens a company named in full in the document is that company ("Quorvex S.A." ... "Quorvex")', () => {
    const a = analyzeDocument('Shares of packaging firm Quorvex S.A. fell on Friday. Quorvex said profit would miss its goal. Analysts expect Quorvex to cut costs.');
    const got = typed(a).filter((g) => g.includes('Quorvex'));
    assert.ok(got.length >= 3, got.join(' | '));
    assert.deepStrictEqual(got.filter((g) => !g.startsWith('ORG:')), [], got.join(' | '));
  });

  it('an organisation named with "of" keeps its leading English words, not a month before them ("the March National Union of Grain Merchants")', () => {
    const a = analyzeDocument('Rates were held by the National Bank of Norland on Monday. Traders awaited the March National Union of Grain Merchants survey.');
    const got = typed(a);
    assert.ok(got.includes('ORG:National Bank of Norland'), got.join(' | '));
    assert.ok(got.includes('ORG:National Union of Grain Merchants'), got.join(' | '));
  });

  it('a connector does not join a day or a month to a name ("the Finance Ministry on Wednesday", "the Trade Council of March")', () => {
    const a = analyzeDocument('The figures were released by the Norland Finance Ministry on Wednesday and by the Trade Council of March, officials said.');
    const got = typed(a);
    assert.ok(got.includes('ORG:Norland Finance Ministry'), got.join(' | '));
    assert.ok(!got.some((g) => g.includes("Wednesday") || g.includes("March")), got.join(" | "));
  });

  it('English words joined by "and" to an organisation\'s name belong to it ("the Test and County Cricket Board"), other names do not', () => {
    const a = analyzeDocument('Fixtures were announced by the Test and County Cricket Board on Monday. Talks between Velmar and Okafor Holdings ended.');
    const got = typed(a);
    assert.ok(got.includes('ORG:Test and County Cricket Board'), got.join(' | '));
    assert.ok(got.includes('ORG:Okafor Holdings') && !got.some((g) => g.includes('Velmar and')), got.join(' | '));
  });

  it('a club named by a plural after "the" is an organisation in sports news ("the Pilgrims"), a people is not ("the Belgians")', () => {
    for (const club of ['Pilgrims', 'Mariners', 'Comets']) {
      const text = `BASEBALL - ROUNDUP\nThe visitors beat the ${club} 5-3 in the league match on Friday. Their coach said the ${club} scored too late, and the Belgians in the crowd cheered.`;
      const got = typed(analyzeDocument(text));
      assert.deepStrictEqual(got.filter((g) => g.endsWith(':' + club)), ['ORG:' + club, 'ORG:' + club], got.join(' | '));
      assert.ok(!got.includes('ORG:Belgians'), got.join(' | '));
    }
  });

  it('a person named in full right after an organisation\'s name is split from it ("the Velco Group Maria Lind", "... Council Oskar Tenhu told")', () => {
    const a = analyzeDocument('The chief of the Velco Group Maria Lind said costs rose. The head of the Tenant Council Oskar Tenhu told reporters the plan was late.');
    const got = typed(a);
    for (const want of ['ORG:Velco Group', 'PERSON:Maria Lind', 'ORG:Tenant Council', 'PERSON:Oskar Tenhu']) assert.ok(got.includes(want), want + ': ' + got.join(' | '));
  });

  it('a month\'s abbreviation with its dot before a day is no name ("Oct. 2", "Nov. 14")', () => {
    const got = typed(analyzeDocument('Talks are on Oct. 9 and Oct. 16.\nThe vote is set for Nov. 14, Maria Lind said.'));
    assert.ok(!got.some((g) => g.includes('Oct') || g.includes('Nov')), got.join(' | '));
    assert.ok(got.includes('PERSON:Maria Lind'), got.join(' | '));
  });

  it('a title word after a given name is a surname ("Maria Bishop"), and alone it is that person ("Bishop said"), not in other texts', () => {
    const a = analyzeDocument('Team captain Maria Bishop named her squad on Monday. "We are ready," Bishop said. The squad flies on Friday, said Bishop.');
    const got = typed(a);
    assert.ok(got.includes('PERSON:Maria Bishop'), got.join(' | '));
    assert.strictEqual(got.filter((g) => g === 'PERSON:Bishop').length, 2, got.join(' | '));
    assert.ok(a.entities.filter((e) => e.type === 'PERSON').every((e) => e.entity === 'Maria Bishop'), got.join(' | '));
    const other = typed(analyzeDocument('"We are ready," Bishop said on Monday.'));
    assert.ok(!other.includes('PERSON:Bishop'), other.join(' | '));
  });

  it('a club in a results table keeps its town\'s letters in brackets ("Dravina (K) 4 2 1 1"), a country code stays apart', () => {
    const text = 'SOCCER - LEAGUE RESULTS\nResults of league matches played on Saturday:\nVelmora 1 Dravina (K) 2\nStandings:\nDravina (K) 4 2 1 1 8 5 7\nVelmora 4 0 0 4 1 10 0\nThe winger Tomas Orlic (UK) 3 goals';
    const got = typed(analyzeDocument(text));
    const dravina = got.filter((g) => g.includes('Dravina'));
    assert.ok(dravina.length >= 1, got.join(' | '));
    assert.deepStrictEqual(dravina.filter((g) => g !== 'ORG:Dravina (K)'), [], got.join(' | '));
    assert.ok(!got.some((g) => g.includes('(UK)')), got.join(' | '));
  });

  it('Italian and Portuguese particles join a name ("Eco dello Stadio", "Jornal dos Esportes")', () => {
    const got = typed(analyzeDocument('The Eco dello Stadio said the deal was done, and the Jornal dos Esportes agreed.'));
    assert.ok(got.some((g) => g.endsWith(':Eco dello Stadio')) && got.includes('ORG:Jornal dos Esportes'), got.join(' | '));
  });

  it('an adjective made of a name is no name, nor part of one ("Dayton-based Velco Holdings", "Norland-born")', () => {
    const got = typed(analyzeDocument('The deal with Dayton-based Velco Holdings was signed by Norland-born banker Maria Lind on Monday.'));
    assert.ok(got.includes('ORG:Velco Holdings') && got.includes('PERSON:Maria Lind'), got.join(' | '));
    assert.ok(!got.some((g) => g.includes('-based') || g.includes('-born')), got.join(' | '));
  });

  it('a day of the week ends a name ("told Velco Radio Friday")', () => {
    const got = typed(analyzeDocument('Maria Lind told Velco Radio Friday that talks would resume.'));
    assert.ok(got.includes('ORG:Velco Radio') && !got.some((g) => g.includes('Friday')), got.join(' | '));
  });

  it('a name with a prefix such as "Ex-" or "Anti-" is an adjective, not part of the name after it ("Ex-Mariner Randy Okafor")', () => {
    const got = typed(analyzeDocument('Ex-Mariner Randy Okafor homered twice on Friday, and Anti-Velco protesters gathered outside.'));
    assert.ok(got.includes('PERSON:Randy Okafor'), got.join(' | '));
    assert.ok(!got.some((g) => g.includes('Ex-') || g.includes('Anti-')), got.join(' | '));
  });

  it('a place and a club word name one club ("Bristol Rovers", "Leeds United"), the place alone stays a place', () => {
    const got = typed(analyzeDocument('Fans of Bristol Rovers and Leeds United travelled from Bristol by train.'));
    assert.ok(got.includes('ORG:Bristol Rovers') && got.includes('ORG:Leeds United'), got.join(' | '));
    assert.ok(got.includes('LOC:Bristol'), got.join(' | '));
  });

  it('a name that "said in a statement" is an organisation, a given name still a person', () => {
    const got = typed(analyzeDocument('Prices rose on Monday. Brantcorp said in a statement that it would close two plants. Maria Lind said in a statement that she would resign.'));
    assert.ok(got.includes('ORG:Brantcorp') && got.includes('PERSON:Maria Lind'), got.join(' | '));
  });

  it('a name before "daily", "newspaper" or "news agency" is an organisation ("Novy Glas daily said"), also where it is named alone; a place stays a place', () => {
    const got = typed(analyzeDocument('Prices rose on Monday, Novy Glas daily said. Kestra news agency quoted Maria Lind as saying a Paris newspaper had the story first. Novy Glas said more talks were due.'));
    assert.deepStrictEqual(got.filter((g) => g.includes('Novy Glas')), ['ORG:Novy Glas', 'ORG:Novy Glas']);
    assert.ok(got.includes('ORG:Kestra'), got.join(' | '));
    assert.ok(got.includes('LOC:Paris') && got.includes('PERSON:Maria Lind'), got.join(' | '));
  });

  it('a one-word name that opens a club named with its town ("Zorvan Volgograd" ... "Zorvan") is that club', () => {
    const got = typed(analyzeDocument("The Russian club Zorvan Volgograd must play its next home game behind closed doors. The ban ended Zorvan's spell as league leaders, and Zorvan will play to empty stands."));
    assert.deepStrictEqual(got.filter((g) => g.includes('Zorvan')), ['ORG:Zorvan Volgograd', 'ORG:Zorvan', 'ORG:Zorvan']);
  });

  it('an English word that opens a club named with its town ("Real Madrid" ... "Real") is that club, also at a sentence start', () => {
    const got = typed(analyzeDocument('Okafor scored as Real Madrid drew 1-1 at Deportivo on Saturday. Real looked tired after the break, and the goal earned Real a point.'));
    assert.deepStrictEqual(got.filter((g) => g.includes('Real')), ['ORG:Real Madrid', 'ORG:Real', 'ORG:Real']);
  });

  it('a plural English noun opening a sentence is nobody\'s name ("Analysts said"), unless it is the surname of someone named in full ("Fields said")', () => {
    const got = typed(analyzeDocument('Prices fell on Monday. Analysts said the Velco bank would cut rates. Others said it would wait. The trader Maria Fields was calm. Fields said she was not surprised.'));
    assert.ok(!got.some((g) => g.includes('Analysts') || g.includes('Others')), got.join(' | '));
    assert.ok(got.includes('PERSON:Fields'), got.join(' | '));
  });

  it('an organisation word alone in a line in capitals is a heading\'s word ("EASTERN DIVISION"), not a name', () => {
    const got = typed(analyzeDocument('BASEBALL - STANDINGS.\nEASTERN DIVISION\nW L PCT GB\nVELMAR 75 59 .560 -\nOKAFOR CITY 71 63 .530 4\nThe Division voted on Monday.'));
    assert.ok(!got.some((g) => g.includes('DIVISION')), got.join(' | '));
    assert.ok(got.includes('ORG:Division'), got.join(' | '));
  });

  it('in sports news a plural after "the Braves and" or before a player\'s position ("Pilgrims shortstop") is a club', () => {
    const got = typed(analyzeDocument('BASEBALL - ROUNDUP.\nIn Chicago, the Braves and Pilgrims split a doubleheader in the league. Pilgrims shortstop Randy Okafor made three errors in the match, his coach said, and the Velmar Harriers lost in extra innings.'));
    assert.deepStrictEqual(got.filter((g) => g.includes('Pilgrims') || g.includes('Braves')), ['ORG:Braves', 'ORG:Pilgrims', 'ORG:Pilgrims']);
    assert.ok(got.includes('PERSON:Randy Okafor'), got.join(' | '));
  });

  // Issue 13, fifth round
  it('a word in a line in capitals that the document writes in lower case, or the same verb, is no name ("STOCKS SLIP", "VELMAR RETAINS")', () => {
    const got = typed(analyzeDocument('BOXING - VELMAR RETAINS GORLAN TITLE.\nDUBLIN 1996-08-31\nRandy Velmar retained his Gorlan featherweight title on Saturday.\n\nMARKETS - STOCKS SLIP AS KORVEX FALLS.\nBlue-chip stocks slipped on Tuesday.'));
    assert.ok(!got.some((g) => g.includes('STOCKS') || g.includes('RETAINS')), got.join(' | '));
    assert.ok(got.includes('PERSON:VELMAR'), got.join(' | '));
    assert.ok(got.includes('ORG:KORVEX'), got.join(' | '));
  });

  it('a place\'s suffix in capitals after the place is part of its name ("KANSAS CITY"), though a common word', () => {
    const got = typed(analyzeDocument('TRAVEL - FARES.\nKANSAS CITY 120 140\nThe city council met in Kansas City on Monday.'));
    assert.ok(got.some((g) => g.endsWith(':KANSAS CITY')), got.join(' | '));
    assert.ok(!got.some((g) => g.endsWith(':KANSAS')), got.join(' | '));
  });

  it('an abbreviation the text writes only after a count is a unit, not an organisation ("his 104 RBI", "three RBI")', () => {
    const got = typed(analyzeDocument('BASEBALL - ROUNDUP.\nRandy Okafor hit two homers and his 104 RBI lead the league. Tom Baker added three RBI for the Velmar Harriers, the NBA said.'));
    assert.ok(!got.some((g) => g.includes('RBI')), got.join(' | '));
    assert.ok(got.includes('ORG:NBA'), got.join(' | '));
  });

  it('a compass word the vocabulary lacks opens a heading in capitals ("CENTRAL DIVISION"), not a name', () => {
    const got = typed(analyzeDocument('BASEBALL - STANDINGS.\nCENTRAL DIVISION\nW L PCT GB\nVELMAR 75 59 .560 -\nOKAFOR CITY 71 63 .530 4'));
    assert.ok(!got.some((g) => g.includes('CENTRAL') || g.includes('DIVISION')), got.join(' | '));
  });

  it('a name before a part of a company ("Zoltari general manager", "Zoltari\'s board") is an organisation', () => {
    const text = 'Cofinec said Zoltari general manager Laszlo Sebesvari had resigned but will remain on Zoltari\'s board of directors.';
    const a = analyzeDocument(text);
    const at = (i: number) => a.entities.find((e) => e.start === i);
    assert.strictEqual(at(text.indexOf('Zoltari'))?.type, 'ORG', typed(a).join(' | '));
    assert.strictEqual(at(text.indexOf('Zoltari\'s'))?.type, 'ORG', typed(a).join(' | '));
    assert.ok(typed(a).includes('PERSON:Laszlo Sebesvari'), typed(a).join(' | '));
  });

  it('"Labour" is the party, an organisation, and Labour Day a holiday, no name', () => {
    const got = typed(analyzeDocument('Velmar said the Labour won the vote, and Norland is behind Labour and the Greens. Markets close on Monday for Labour Day.'));
    assert.deepStrictEqual(got.filter((g) => g.includes('Labour')), ['ORG:Labour', 'ORG:Labour'], got.join(' | '));
  });

  it('a country that is also a personal name, after a given name, is a surname, and alone that person ("Neil Jordan" ... "Jordan defends")', () => {
    const got = typed(analyzeDocument('Dublin-born director Neil Jordan says he never lost sleep over a film. Jordan defends his decision to make it, shot near Amman, Jordan.'));
    assert.deepStrictEqual(got.filter((g) => g.includes('Jordan')), ['PERSON:Neil Jordan', 'PERSON:Jordan', 'LOC:Jordan'], got.join(' | '));
  });

  it('a company named before a part of it is an organisation in its other mentions too, against the typer ("leaving Zoltari")', () => {
    const got = typed(analyzeDocument('Cofinec said profit fell, with the bulk of the decline due to the performance of Zoltari, one of its Hungarian units. Cofinec said Zoltari general manager Laszlo Sebesvari had resigned and will be leaving Zoltari but will remain on Zoltari\'s board of directors.'));
    assert.deepStrictEqual(got.filter((g) => g.includes('Zoltari')), ['ORG:Zoltari', 'ORG:Zoltari', 'ORG:Zoltari', 'ORG:Zoltari'], got.join(' | '));
  });

  it('a form\'s field labels in capitals ("ISSUER:", "SR MGR:") are no names; a transcript\'s speakers are no form', () => {
    const text = 'PRESALE - Velmar Co Water Auth\nAMT: 900,000 DATE: 10/02/96 CUSIP: 123456\nISSUER: Velmar County Water Authority ST: OH\nISSUE: Water revenue bonds TAX STAT: Exempt\nDTD: 10/01/96 BOOK ENTRY: Y\nDUE: 12/1/97-06 SR MGR:\nPAYING AGENT: Okafor National Bank, Dayton\nLAST SALE: None';
    const got = typed(analyzeDocument(text));
    for (const label of ['AMT', 'ISSUER', 'ISSUE', 'STAT', 'DTD', 'ENTRY', 'DUE', 'SR MGR', 'SALE']) {
      assert.ok(!got.some((g) => g.endsWith(`:${label}`)), `${label}: ${got.join(' | ')}`);
    }
    assert.ok(got.includes('ORG:Okafor National Bank'), got.join(' | '));
    assert.ok(isForm(text));
    assert.ok(!isForm('HARLOW: We began in 1990.\nQUIST: And the money?\nHARLOW: It came later.\nQUIST: From whom?'));
    // A hostile line of capitals without a colon: linear (it took 15 s for 80,000 words when a
    // label's words were unbounded; the suite's timeout stops a quadratic scan).
    assert.ok(!isForm(`${'AB '.repeat(400_000)}\n${'ISSUER: X ST: MI\n'.repeat(1)}`));
    assert.ok(isForm(`${'AB '.repeat(400_000)}\nISSUER: X ST: MI\nDUE: 1996 SR MGR: Y\n`));
  });

  it('a name before the word for a market index ("the Velmar Jones industrial average", "the KORTEX 100 index") is the index, no organisation', () => {
    const got = typed(analyzeDocument('The Velmar Jones industrial average fell 31 points to 5,616.21, while Oslo\'s KORTEX 100 index rose 0.4 percent. Shares of Harwell & Voss rose 3 percent.'));
    assert.ok(!got.some((g) => g.includes('Velmar') || g.includes('KORTEX')), got.join(' | '));
    assert.ok(got.includes('ORG:Harwell & Voss'), got.join(' | '));
  });

  it('an ordinal before a lower-case word ("First test match") is no name; "First Velmar Bank" still is', () => {
    const got = typed(analyzeDocument('TOUR ITINERARY\nJune 5-9 First test match (at Okafor Park, Dayton)\nJune 12 Second one-day international\nShares of First Velmar Bank rose 3 percent.'));
    assert.ok(!got.some((g) => g.endsWith(':First') || g.endsWith(':Second')), got.join(' | '));
    assert.ok(got.some((g) => g.includes('First Velmar Bank')), got.join(' | '));
  });
  // Issue 13, seventh round (part B)
  it('a name in a club\'s place in a results table is a club ("Harvest 2 Velmar (K) 0", "Blue Comet 4 4 0 0 9 3 12")', () => {
    const text = 'SOCCER - NORLAND LEAGUE RESULTS / STANDINGS.\nDUNMERE 1996-08-31\nResults of Norland league matches played on Saturday:\nHarvest 2 Velmar (K) 0\nZorvik 1 Blue Comet 3\nOkafor Town 1 Dunmere Rovers 1\nPostponed: Quarrel v Zorvik\nStandings (played, won, drawn, lost, goals for, goals against, points):\nBlue Comet 4 4 0 0 9 3 12\nHarvest 4 3 1 0 13 3 10\nQuarrel 3 2 1 0 5 2 7';
    const got = typed(analyzeDocument(text));
    for (const club of ['Harvest', 'Velmar (K)', 'Blue Comet', 'Quarrel']) assert.ok(got.includes(`ORG:${club}`), `${club}: ${got.join(' | ')}`);
    // prose and a golfer's four rounds and total are no table
    assert.ok(!isResultsTable('GOLF - SCORES.\nRandy Okafor 70 68 72 67 277\nTom Velmar 71 69 70 68 278\nKai Dunmere 70 70 70 70 280'));
    assert.ok(!fillsClubPlace('Harvest 2 pounds of apples cost 3 dollars', 0, 7));
    // hostile input: one long line of names and numbers costs linear time
    const long = `SOCCER - RESULTS.\n${'Abc 1 '.repeat(200_000)}\nHarvest 2 Velmar 0\nZorvik 1 Quarrel 3\nOkafor 1 Dunmere 1`;
    assert.ok(isResultsTable(long));
    assert.ok(analyzeDocument(long).entities.length > 0);
  });
  it('a result between clubs of two countries names clubs ("Harvest (Norland) 92 Blue Comet (Varnia) 81"); a player\'s sets do not', () => {
    const got = typed(analyzeDocument('BASKETBALL - TOURNAMENT RESULTS.\nDUNMERE 1996-08-31\nResults in an international basketball tournament on Saturday:\nFifth place:\nHarvest (Norway) 92 Blue Comet (Russia) 81 (halftime 50-28)\nThird place:\nQuarrel (Germany) beat Zorvik (Italy) 75-70 (halftime\n42-41)'));
    for (const club of ['Harvest', 'Blue Comet', 'Quarrel', 'Zorvik']) assert.ok(got.includes(`ORG:${club}`), `${club}: ${got.join(' | ')}`);
    assert.ok(!isResultsTable('TENNIS - RESULTS.\nFirst round:\nOkafor (Norway) beat Velmar (Russia) 6-3 6-4\nBADMINTON - RESULTS.\nDunmere (Germany) beat Quist (Italy) 15-12 15-10'));
  });
  it('"All" capitalised inside a sentence opens a club\'s name in sports news ("the All Greens", "All Green hooker"); at a sentence start it does not', () => {
    const got = typed(analyzeDocument('RUGBY UNION - VELMAR WIN.\nNorland avoided a fifth defeat at the hands of the All Greens with a 32-22 victory on Saturday. Okafor kicked a penalty before All Green hooker Randy Quist scored a try. The match ended the All Greens\' run. All Greens fans left early. The referee, the coach and the team were happy.'));
    assert.deepStrictEqual(got.filter((g) => g.includes('All')), ['ORG:All Greens', 'ORG:All Green', 'ORG:All Greens'], got.join(' | '));
  });
  it('a plural name coordinated with a town or another plural is a club in sports news ("successes for Zorgans and Bristol")', () => {
    const got = typed(analyzeDocument('RUGBY UNION - LEAGUE ROUND-UP.\nLONDON 1996-08-31\nOn the first day of the league season there were emphatic victories for the champions and narrow successes for Zorgans and Bristol. The coach said the referee and the team were happy with the match.'));
    assert.ok(got.includes('ORG:Zorgans'), got.join(' | '));
  });

  it('in sports news a league, division or group is the competition, no organisation ("Continental League Central", "NORLAND LEAGUE", "Division B"); elsewhere a league stays one', () => {
    const table = typed(analyzeDocument('SOCCER - NORLAND LEAGUE RESULTS.\nVELGRAD 1996-08-31\nResults of Norland league matches played on Saturday:\nDivision B\nZorvan 2 Dretnik 1\nKelmar 0 Ostrava 0\nBrask 3 Quellin 1\n'));
    assert.ok(!table.some((g) => /LEAGUE|Division/.test(g)), table.join(' | '));
    assert.ok(table.includes('ORG:Zorvan'), table.join(' | '));
    const report = typed(analyzeDocument("BASEBALL - PILGRIMS BEAT HAWKS.\nDAYTON 1996-08-31\nRandy Okafor homered twice and pitched seven innings as the Dayton Pilgrims beat the Hawks 5-3 on Friday.\nThe Pilgrims' lead over the Hawks in the Continental League Central dropped to nine games, and Okafor leads the Continental League with 40 homers.\n"));
    assert.ok(!report.some((g) => g.includes('League')), report.join(' | '));
    assert.ok(report.includes('ORG:Dayton Pilgrims'), report.join(' | '));
    const body = typed(analyzeDocument('The Norland Farmers League said on Monday it would sue the government over grain prices.'));
    assert.ok(body.includes('ORG:Norland Farmers League'), body.join(' | '));
  });

  it('a cup named after a plural possessive ("the Southern Nations\' Cup") is one event: the name before the apostrophe is no organisation', () => {
    const got = typed(analyzeDocument("Norland failed to qualify for the Southern Nations' Cup, its federation said on Saturday. Velmar Holdings sponsors the Harbour Traders' Trophy."));
    assert.ok(!got.some((g) => g.includes('Nations') || g.includes('Traders')), got.join(' | '));
    assert.ok(got.includes('ORG:Velmar Holdings'), got.join(' | '));
  });

  it('a name typed a person that opens a company named in full in the document is that company ("Velmar Chemical" ... "the Velmar Chemical Co"); a given name keeps the person', () => {
    const got = typed(analyzeDocument('Velmar Chemical in Norland venture.\nDAYTON 1996-08-30\nThe Velmar Chemical Co of the United States will invest $4 billion to build a plant. Velmar Chemical said the plant would open in 1999.\n'));
    assert.ok(got.filter((g) => g === 'ORG:Velmar Chemical').length === 2, got.join(' | '));
    const person = typed(analyzeDocument('Peter Okafor founded the Peter Okafor Foundation in 1990. Peter Okafor said the foundation would fund schools.'));
    assert.ok(person.includes('PERSON:Peter Okafor'), person.join(' | '));
  });

  // review of the seventh round: outside sports news these rules leave organisations and people alone
  it('outside sports news, an institution named after a person keeps the person; a league opening a line, a cup in capitals and a plural possessive keep their organisations', () => {
    const founder = typed(analyzeDocument('DAYTON - Arvind Kesari stepped down as chairman. The Arvind Kesari Trust Inc said it would fund hospitals. Arvind Kesari said he was proud.'));
    assert.ok(founder.filter((g) => g === 'PERSON:Arvind Kesari').length === 2, founder.join(' | '));
    const league = typed(analyzeDocument('Football diplomacy: Norland World Cup host talks\nVarnian League ministers met in Dunmere on Sunday to discuss the crisis.\nVarnian League chief Randy Okafor said the group would meet again.'));
    assert.ok(league.filter((g) => g === 'ORG:Varnian League').length === 2, league.join(' | '));
    const cup = typed(analyzeDocument('NEW YORK - Coffee chain news\nShares of VELMAR rose. Analysts said VELMAR CUP sales fell.'));
    assert.ok(cup.filter((g) => g === 'ORG:VELMAR').length === 2, cup.join(' | '));
    const union = typed(analyzeDocument("WASHINGTON - The talks went on. The Norland Steelworkers' Series of strikes continued, the union said."));
    assert.ok(union.some((g) => g.includes('Steelworkers')), union.join(' | '));
  });

  it('a chassis and an engine named in pairs ("Varnot Kessler", "Brask Kessler", "Varnot Ostwald-Rhein") are makers, no people; a family\'s names and initials stay people', () => {
    const got = typed(analyzeDocument('MOTOR RACING - LEADING QUALIFIERS.\nDAYTON 1996-08-31\nTop drivers in grid (tabulate by driver, country, chassis and motor):\n1. Randy Okafor (U.S.), Varnot Kessler, 53.980\n2. Tomas Lind (Sweden), Brask Kessler, 54.483\n3. Peter Dunmore (U.S.), Varnot Ostwald-Rhein, 54.507\n4. Mark Baranek (Canada), Quellin Ostwald-Rhein, 54.578\n5. Steve Baranek (U.S.), Varnot Kessler, 54.617\n'));
    for (const maker of ['Varnot Kessler', 'Brask Kessler', 'Varnot Ostwald-Rhein', 'Quellin Ostwald-Rhein']) assert.ok(got.includes(`ORG:${maker}`), got.join(' | '));
    for (const driver of ['Randy Okafor', 'Mark Baranek', 'Steve Baranek']) assert.ok(got.includes(`PERSON:${driver}`), got.join(' | '));
    const card = typed(analyzeDocument('CRICKET - SCOREBOARD.\nM. Dunmore c Lind b Okafor 44\nS. Dunmore b Okafor 12\nM. Baranek not out 30\nS. Baranek run out 2\n'));
    assert.ok(!card.some((g) => g.startsWith('ORG:') && g.includes('.')), card.join(' | '));
  });

  it('in tennis news a player named like a place ("Tarek Lisbon" ... "said Lisbon") stays a person, against the typer', () => {
    const got = typed(analyzeDocument('TENNIS - OKAFOR UPSETS LISBON UNDER THE LIGHTS.\nNEW YORK 1996-08-30\nWimbledon finalist Tarek Lisbon was not so fortunate on a night of upsets at the U.S. Open.\nThe 11th-seeded Lisbon lost to wildcard Randy Okafor 6-3 6-4 5-7 3-6 6-3 on the Stadium court.\nLisbon, who climbed back from a 1-5 deficit in the third set, looked poised for another comeback.\n"I think he got a little tight," said Lisbon.\n'));
    assert.ok(got.includes('PERSON:Tarek Lisbon'), got.join(' | '));
    assert.ok(!got.some((g) => /^(?:ORG|LOC):Lisbon$/.test(g)), got.join(' | '));
    assert.ok(got.includes('LOC:NEW YORK'), got.join(' | '));
  });

  it('a sport or the word for a sports event alone is no name ("SQUASH - ...", "AFTER THURSDAY\'S GAMES")', () => {
    const got = typed(analyzeDocument("SQUASH - NORLAND OPEN QUARTER-FINAL RESULTS.\nDAYTON 1996-08-30\nResults in the Norland Open on Friday: Randy Okafor (Norland) beat Tomas Lind (Sweden) 15-10 15-6 15-7\n\nBASEBALL - STANDINGS AFTER THURSDAY'S GAMES.\n"));
    assert.ok(!got.some((g) => /:(?:SQUASH|GAMES)$/.test(g)), got.join(' | '));
    assert.ok(got.includes('PERSON:Randy Okafor'), got.join(' | '));
  });

  it('a name in capitals before "CUP" opens the cup\'s name ("DRAW FOR 1997 VELMAR BANK CUP"), no organisation', () => {
    const got = typed(analyzeDocument('TENNIS - DRAW FOR 1997 VELMAR BANK CUP.\nNEW YORK 1996-08-31\nDraw for the 1997 Velmar Bank Cup team championships: Norland at Sweden.\n'));
    assert.ok(!got.some((g) => g.includes('VELMAR') || g.includes('Velmar')), got.join(' | '));
    assert.ok(got.includes('LOC:NEW YORK'), got.join(' | '));
  });

  it('an acronym joined by a hyphen to a name ("KDP-Velmar", a consortium) is an organisation, no person', () => {
    const got = typed(analyzeDocument('Two consortia -- KDP-Velmar and a group of Norland firms -- placed initial bids for the chain. Later Okafor decided to bid jointly with KDP-Velmar.\n'));
    assert.ok(got.filter((g) => g === 'ORG:KDP-Velmar').length === 2, got.join(' | '));
  });

  it('a partner named alone beside its consortium ("Dunmore" ... "KDP-Dunmore") is an organisation too', () => {
    const got = typed(analyzeDocument('Shares in press distributor Dunmore rose on Monday, Dunmore said. Two consortia -- KDP-Dunmore and a group of Norland firms -- placed initial bids for the chain. Later Okafor decided to bid jointly with KDP-Dunmore.\n'));
    assert.ok(got.filter((g) => g === 'ORG:Dunmore').length === 2, got.join(' | '));
    assert.ok(got.includes('PERSON:Okafor'), got.join(' | '));
  });

  // Issue 13, eighth round, part A. Made-up sentences.
  it('an organisation run into a person named alone elsewhere ("University of Norland Dunmore Azrin Velkov" ... "Velkov said") is the organisation, then the person', () => {
    const got = typed(analyzeDocument('A chemistry student at University of Norland Dunmore Azrin Velkov heard of the ruling and wrote to the mayor. Velkov said the council had acted too fast.'));
    assert.ok(got.includes('ORG:University of Norland Dunmore'), got.join(' | '));
    assert.ok(got.includes('PERSON:Azrin Velkov'), got.join(' | '));
  });

  it('an organisation word opening a sentence ("Police arrested ...") is no name when the document writes it in lower case and capitalised only inside longer names', () => {
    const got = typed(analyzeDocument('Police arrested the driver near the bridge. A spokesman for the Dunmore Police Department said the police had acted within the rules. Council members met on Friday with the Varnia City Council and said the council would vote.'));
    assert.ok(!got.includes('ORG:Police') && !got.includes('ORG:Council'), got.join(' | '));
    assert.ok(got.includes('ORG:Dunmore Police Department') && got.includes('ORG:Varnia City Council'), got.join(' | '));
  });

  it('a name spelled out before its acronym in brackets ("Movimento 7 Lune (M7L)") is one organisation, there and elsewhere in the document', () => {
    const got = typed(analyzeDocument('Deputies of Movimento 7 Lune (M7L) met the mayor. The Movimento 7 Lune said it would wait.'));
    assert.strictEqual(got.filter((g) => g === 'ORG:Movimento 7 Lune').length, 2, got.join(' | '));
    assert.ok(!got.includes('ORG:Lune'), got.join(' | '));
  });

  it('a body named after the two countries it serves ("Grain Standards of Chile and Peru", "Grain Standards Chile Peru") is one organisation; the countries alone stay places', () => {
    const got = typed(analyzeDocument('Farmers have asked the Grain Standards of Chile and Peru for new rules, he said. Ana Velkov for Grain Standards Chile Peru says they are looking at it. Talks between Chile and Peru went on.'));
    assert.ok(got.includes('ORG:Grain Standards of Chile and Peru') && got.includes('ORG:Grain Standards Chile Peru'), got.join(' | '));
    assert.strictEqual(got.filter((g) => g === 'LOC:Chile' || g === 'LOC:Peru').length, 2, got.join(' | '));
  });

  it('initials without periods after a lower-case word open a person\'s name ("a paper by AS Kowalczyk"); a country\'s or an organisation\'s letters do not', () => {
    const got = typed(analyzeDocument('Results of the field studies, published in a paper by AS Kowalczyk in 1989, show that beans lose more. The figures were sent by US Kessler to the board.'));
    assert.ok(got.includes('PERSON:AS Kowalczyk'), got.join(' | '));
    assert.ok(!got.some((g) => g.includes('US Kessler')), got.join(' | '));
  });

  it('two organisations with only a space between them are one ("the Norland State University Muslim Student Association"); a comma keeps them apart', () => {
    const got = typed(analyzeDocument('Kara Velt, president of the Norland State University Muslim Student Association, said the group would meet. Norland State University, Muslim Student Association members and others signed it.'));
    assert.ok(got.includes('ORG:Norland State University Muslim Student Association'), got.join(' | '));
    assert.ok(got.includes('ORG:Norland State University') && got.includes('ORG:Muslim Student Association'), got.join(' | '));
  });

  it('a place with only a space before an organisation names it with its town ("The Denver Orchestra"); the place alone stays a place', () => {
    const got = typed(analyzeDocument('The Denver Orchestra played on Sunday. Snow fell in Denver, Orchestra members said.'));
    assert.ok(got.includes('ORG:Denver Orchestra'), got.join(' | '));
    assert.ok(got.includes('LOC:Denver'), got.join(' | '));
  });

  it('a nationality with only a space before a place names one place ("Turkish Cyprus"); with a word between they stay apart', () => {
    const got = typed(analyzeDocument('She moved to Turkish Cyprus last year. Turkish officials in Cyprus said so.'));
    assert.ok(got.includes('LOC:Turkish Cyprus'), got.join(' | '));
    assert.ok(got.includes('LOC:Cyprus') && got.includes('NORP:Turkish'), got.join(' | '));
  });

  it('a word with a possessive opening a sentence ("Labour\'s shadow minister") is the organisation the document names by that word elsewhere', () => {
    const got = typed(analyzeDocument('The Home Office today rejects the plan. Labour\'s Shadow Home Secretary Ana Velt said her party has backed the idea. She continued: "Labour has a common-sense plan to fast-track cases."'));
    assert.strictEqual(got.filter((g) => g === 'ORG:Labour').length, 2, got.join(' | '));
  });

  it('a name ending in "Towers" typed an organisation is a building, a place ("the Norland City Towers")', () => {
    const got = typed(analyzeDocument('Instead of a hotel, he was taken to the Norland City Towers and questioned.'));
    assert.ok(got.includes('LOC:Norland City Towers'), got.join(' | '));
  });

  it('review of the eighth round, part A: lists, known names, other bodies and other people are left apart', () => {
    const list = typed(analyzeDocument('Tesla Toyota Ford Recall Millions Of Vehicles'));
    assert.ok(list.includes('ORG:Tesla') && list.includes('ORG:Toyota') && list.includes('ORG:Ford'), list.join(' | '));
    const region = typed(analyzeDocument('Artillery shelled the Ukrainian Kharkiv region overnight, and fighting spread in the Russian Far East.'));
    assert.ok(region.includes('LOC:Kharkiv') && region.includes('LOC:Russian Far East'), region.join(' | '));
    const pms = typed(analyzeDocument('The Prime Ministers of Norway and Denmark met on Monday. The Football Associations of Norway and Denmark said nothing.'));
    assert.ok(pms.includes('LOC:Norway') && pms.includes('LOC:Denmark') && !pms.some((g) => g.includes('of Norway and Denmark')), pms.join(' | '));
    const tv = typed(analyzeDocument('Speaking on TV Kessler said the vote would be close. Kessler later left.'));
    assert.ok(!tv.some((g) => g.includes('TV Kessler')), tv.join(' | '));
    const parliament = typed(analyzeDocument('Parliament voted 320 to 250 to approve the bill. Members of parliament cheered. The Norland Parliament will debate it next.'));
    assert.ok(parliament.includes('ORG:Parliament'), parliament.join(' | '));
    const lynch = typed(analyzeDocument('Bank of Norland Merrill Velkov advised on the deal. Former minister Loretta Velkov said no. Velkov declined to comment.'));
    assert.ok(!lynch.includes('PERSON:Merrill Velkov'), lynch.join(' | '));
  });
});

// Issue 13, eighth round, part B: names of works, vehicles and storms are no people, organisations
// or places. The sentences and names are made up for these tests.
describe('analysis/news names (issue 13, eighth round: works, vehicles, storms)', () => {
  it('a name right after the word for a kind of work or vehicle is no entity, nor its other mentions ("the TV series Moonfall", "the films Glass Orchard and Tin Hill")', () => {
    const text =
      'Dorin Vask is best known for the TV series Moonfall. He also starred in the films Glass Orchard and Tin Hill, and in the thriller Night of the Harrow. ' +
      'Vask and his Moonfall co-stars met fans in Leeds. The aircraft carrier Odo Renner sailed on Monday.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Moonfall', 'Glass Orchard', 'Tin Hill', 'Harrow', 'Odo Renner']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    assert.ok(got.includes('PERSON:Dorin Vask'), got.join(' | '));
    assert.ok(got.includes('LOC:Leeds'), got.join(' | '));
  });

  it('a kind word that is a verb or a relative clause after the name leaves the name alone ("to play Velmar", "the film Tarek Lisbon directed")', () => {
    const got = typed(analyzeDocument('They plan to film Dorin Vask in Leeds. The film Maria Okafor directed was shown in Oslo.'));
    assert.ok(got.includes('PERSON:Dorin Vask'), got.join(' | '));
    assert.ok(got.includes('PERSON:Maria Okafor'), got.join(' | '));
  });

  it('a capitalised word for a storm or a vessel opens its name ("Cyclone Tarvo", "Spacecraft Ilvermoor", "HMS Ardent"): no entity, nor the name alone later', () => {
    const text =
      'Cyclone Tarvo reached the coast of Norland on Friday, and Tarvo weakened inland, said Maria Okafor. ' +
      'The Spacecraft Ilvermoor landed in Utah; Ilvermoor carried dust, as did the Keldor spacecraft. HMS Ardent left Plymouth.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Cyclone Tarvo', 'Tarvo', 'Spacecraft Ilvermoor', 'Ilvermoor', 'Keldor', 'HMS Ardent', 'Ardent']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    assert.ok(got.includes('PERSON:Maria Okafor'), got.join(' | '));
    assert.ok(got.includes('LOC:Plymouth'), got.join(' | '));
  });

  it('a name inside a longer title in quotes ("Claim to Velmar Contest") is part of the title; a name filling the quote, named outside quotes, or known stays', () => {
    const text =
      'Maria Okafor won the 1999 "Claim to Velmar Contest" and wrote "Regularity in Dunmore Constructions" for a journal. ' +
      'Fans call her "Okafor" and she once sang "Songs of Norway" in Oslo.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Velmar Contest', 'Dunmore Constructions']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    assert.ok(got.includes('PERSON:Maria Okafor'), got.join(' | '));
    assert.ok(got.includes('LOC:Norway'), got.join(' | '));
  });

  it('a prize, a grant or a licence is no organisation or person ("the Royal Velmar Medal", "a Dunmore Indemnity Scholarship", "a Velmar Prize-winner")', () => {
    const text =
      'Maria Okafor, a Velmar Prize-winner, went to Oslo with a Dunmore Indemnity Scholarship and was awarded the Royal Velmar Medal by the Norland Institute. ' +
      'The code is under the Harwell Free Document License.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Velmar Prize-winner', 'Dunmore Indemnity Scholarship', 'Royal Velmar Medal', 'Harwell Free Document License']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    assert.ok(got.includes('PERSON:Maria Okafor'), got.join(' | '));
    assert.ok(got.includes('ORG:Norland Institute'), got.join(' | '));
  });

  it('a field of study after an academic post or degree, and a doctrine in one word, are no names ("Professor of Velmar Studies", "a Ph.D. in Dunmorics", "Velmarism")', () => {
    const text =
      'Maria Okafor was Professor of Velmar Studies at Harwell University after a Ph.D. in Dunmorics from the Norland Institute. ' +
      'She converted to Velmarism in Oslo, then took a degree in Paris and was a professor of Kessler University.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Velmar Studies', 'Dunmorics', 'Velmarism']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    for (const w of ['PERSON:Maria Okafor', 'ORG:Harwell University', 'LOC:Paris', 'ORG:Kessler University']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('a year before the kind word and a quote after it still make a title ("his 2004 film Velmar Road", \'the film "The Lantern Keeper"\')', () => {
    const text = 'Dorin Vask, whose 2004 film Velmar Road was a hit, said the film "The Lantern Keeper" would open in Leeds.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Velmar Road', 'Lantern Keeper']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    for (const w of ['PERSON:Dorin Vask', 'LOC:Leeds']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('a work\'s kind in apposition after its name makes it a title ("Cry Harrow, another horror film,"); "Okafor, a film student," stays a person', () => {
    const text = 'In 2005 Dorin Vask appeared in Cry Harrow, another horror film, as Tom. Maria Okafor, a film student, interviewed him in Leeds.';
    const got = typed(analyzeDocument(text));
    assert.ok(!got.some((g) => g.endsWith(':Cry Harrow')), got.join(' | '));
    for (const w of ['PERSON:Dorin Vask', 'PERSON:Maria Okafor', 'LOC:Leeds']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('an event or a period named by its last word is no organisation ("the Velmar Rising", "the Dunmore Affair"); "Council of the Velmar Revolution" stays one', () => {
    const text = 'The Velmar Rising of 1901 and the Dunmore Affair shook Norland, said the Council of the Velmar Revolution in Oslo.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Velmar Rising', 'Dunmore Affair']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    assert.ok(got.includes('ORG:Council of the Velmar Revolution'), got.join(' | '));
  });

  it('a list of works opened by "films include" or "film roles include" with years holds titles ("Glass Orchard (2004), Stoker (2009), The Tin Hill (2012)"); "roles include" a character does not', () => {
    const text =
      'Dorin Vask played in Leeds. His other film roles include Glass Orchard (2004), Stoker (2009), The Tin Hill (2012) and Dry Creek (2015). ' +
      'His television roles include Harald Okafor in a drama set in Leeds.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Glass Orchard', 'Tin Hill', 'Dry Creek']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    for (const w of ['PERSON:Dorin Vask', 'PERSON:Harald Okafor', 'LOC:Leeds']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('a code of capitals and digits typed a person ("Q7 learners") is no name, nor its other mentions; a party\'s code stays an organisation', () => {
    const text = 'Q7 learners improved, Maria Okafor said. Research on Q7 grammar in Leeds grew, and Q7 was studied by the K5V party in Norland.';
    const got = typed(analyzeDocument(text));
    assert.ok(!got.some((g) => g.endsWith(':Q7')), got.join(' | '));
    for (const w of ['PERSON:Maria Okafor', 'LOC:Leeds', 'ORG:K5V']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('a language before the word for it or its speakers is no name ("Nakamura languages", "Halvorsen speakers"), nor is one before "-speaking" ("Brandt-speaking") anywhere in the text', () => {
    const text =
      'Most Halvorsen speakers live in Oslo, said Maria Okafor. She studied Nakamura languages in Leeds. ' +
      'Most words are native Brandt words. The results give insight into interpretation by Brandt-speaking children.';
    const got = typed(analyzeDocument(text));
    for (const w of ['Halvorsen', 'Nakamura', 'Brandt', 'Brandt-speaking']) assert.ok(!got.some((g) => g.endsWith(':' + w)), `${w}: ${got.join(' | ')}`);
    for (const w of ['PERSON:Maria Okafor', 'LOC:Oslo', 'LOC:Leeds']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('a one-word name before a firearm\'s word is the firearm ("automatic Halvorsen rifles"), nor is it a name later in the text', () => {
    const text = 'More than ten weapons, including automatic Halvorsen rifles, were stolen from a store in Leeds. Police found Halvorsen, Brandt and Colt weapons, Maria Okafor said.';
    const got = typed(analyzeDocument(text));
    assert.ok(!got.some((g) => g.endsWith(':Halvorsen')), got.join(' | '));
    for (const w of ['PERSON:Maria Okafor', 'LOC:Leeds']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('a title named like a person is the title again after "the" ("the aircraft carrier Maria Okafor" ... "The Maria Okafor leads"); without "the" the person stays', () => {
    const text = 'Jets landed on the aircraft carrier Maria Okafor in the Gulf. The Maria Okafor leads a battle group, said Dorin Vask, who met Maria Okafor in Oslo.';
    const got = typed(analyzeDocument(text));
    assert.strictEqual(got.filter((g) => g.endsWith(':Maria Okafor')).length, 1, got.join(' | '));
    for (const w of ['PERSON:Dorin Vask', 'LOC:Oslo']) assert.ok(got.includes(w), `${w}: ${got.join(' | ')}`);
  });

  it('review of the eighth round, part B: known names, people named in full and clubs are no titles', () => {
    const known = typed(analyzeDocument('It is the largest telescope NASA has ever launched. It was the second tanker Iran has seized this year.'));
    assert.ok(known.includes('ORG:NASA') && known.includes('LOC:Iran'), known.join(' | '));
    const person = typed(analyzeDocument('Tomas Velkaro\'s next movie is set in Greece. The film Velkaro is shooting in Morocco is long. Velkaro, who won an award, declined.'));
    assert.strictEqual(person.filter((g) => g === 'PERSON:Velkaro').length, 2, person.join(' | '));
    const heat = typed(analyzeDocument('Temperatures reached 48 degrees in Jacobabad on Sunday.'));
    assert.ok(heat.includes('LOC:Jacobabad'), heat.join(' | '));
    const club = typed(analyzeDocument('The Norland Revolution beat Velmar City 2-1 on Saturday.'));
    assert.ok(club.includes('ORG:Norland Revolution'), club.join(' | '));
  });

  it('second review of the eighth round: movements, posts, match times, appositions with "of" and titles of office keep their names', () => {
    const movement = typed(analyzeDocument('Velmar Rebellion said the protest would continue. The Norland Revolution announced the signing of a striker.'));
    assert.ok(movement.some((g) => g.endsWith(':Velmar Rebellion')) && movement.some((g) => g.endsWith(':Norland Revolution')), movement.join(' | '));
    const society = typed(analyzeDocument('The Velmar Medal of Honor Society said 62 recipients were living.'));
    assert.ok(society.some((g) => g.endsWith(':Velmar Medal of Honor Society')), society.join(' | '));
    const post = typed(analyzeDocument('Ana Velt, a Member of the Norland Parliament (MNP), raised it.'));
    assert.ok(!post.some((g) => g.includes('Member of')), post.join(' | '));
    const game = typed(analyzeDocument('After the game Brentford\'s coach said his side had been brave.'));
    assert.ok(game.includes('ORG:Brentford'), game.join(' | '));
    const hero = typed(analyzeDocument('Kessler, the hero of the drama, said the company had ruined lives. Tomas Kessler was knighted in 2024.'));
    assert.ok(hero.includes('PERSON:Kessler'), hero.join(' | '));
    const heads = typed(analyzeDocument('The Heads of Mission of Norway and Denmark met in Oslo.'));
    assert.ok(heads.includes('LOC:Norway') && heads.includes('LOC:Denmark'), heads.join(' | '));
  });
});
