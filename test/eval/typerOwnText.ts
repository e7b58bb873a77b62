import { readConll, type ConllDoc } from './conllFormat';

/**
 * Training text written for this project (MIT, like the code): sports results, tables and match
 * reports, and business news, where teams are named after their towns, counties or countries
 * ("Chelsea", "Bayern", "Surrey") and companies by one unknown word. GUM and wikigold have little
 * of either. Built from the templates and word lists below with a fixed-seed generator, so the
 * same documents come out every time. Team, company and person names are a mix of well-known and
 * made-up ones; places used as places are there too, so that a town is not always a team.
 */

const CLUBS = ['Chelsea', 'Arsenal', 'Everton', 'Liverpool', 'Bayern Munich', 'Bayern', 'Juventus', 'Ajax', 'Feyenoord', 'Benfica', 'Porto', 'Celtic', 'Rangers', 'Barcelona', 'Real Madrid', 'Valencia', 'Sevilla', 'Lazio', 'Napoli', 'Monaco', 'Lyon', 'Marseille', 'Nantes', 'Anderlecht', 'Galatasaray', 'Fenerbahce', 'Spartak Moscow', 'Dynamo Kiev', 'Sparta Prague', 'Legia Warsaw', 'Rapid Vienna', 'Werder Bremen', 'Schalke', 'Hamburg', 'Leeds', 'Newcastle', 'Aston Villa', 'Middlesbrough', 'Southampton', 'Wimbledon', 'Coventry', 'Sheffield Wednesday', 'PSV Eindhoven', 'Vitesse Arnhem', 'Zaragoza', 'Bordeaux', 'Auxerre', 'Inter', 'Parma', 'Sampdoria', 'Brondby', 'Rosenborg', 'Kortavo', 'Dremlin', 'Vostok Borsk', 'Halvik', 'Stalwen', 'Ruvenna', 'Olmetz'];
const COUNTIES = ['Surrey', 'Essex', 'Kent', 'Somerset', 'Yorkshire', 'Lancashire', 'Durham', 'Sussex', 'Hampshire', 'Middlesex', 'Glamorgan', 'Derbyshire', 'Nottinghamshire', 'Warwickshire', 'Worcestershire', 'Gloucestershire', 'Leicestershire', 'Northamptonshire'];
const CITY_TEAMS = ['Chicago', 'Houston', 'Atlanta', 'Montreal', 'Boston', 'Baltimore', 'Cleveland', 'Detroit', 'Seattle', 'Toronto', 'Oakland', 'Minnesota', 'Colorado', 'Florida', 'Pittsburgh', 'Cincinnati', 'Philadelphia', 'San Diego', 'Los Angeles', 'New York', 'Kansas City', 'Milwaukee', 'Texas', 'St Louis', 'San Francisco'];
const NATIONS = ['England', 'Scotland', 'Wales', 'Ireland', 'France', 'Germany', 'Italy', 'Spain', 'Brazil', 'Argentina', 'Russia', 'Romania', 'Bulgaria', 'Sweden', 'Norway', 'Denmark', 'Australia', 'South Africa', 'New Zealand', 'Pakistan', 'India', 'Sri Lanka', 'Japan', 'China', 'Nigeria', 'Cameroon', 'Mexico', 'Chile'];
const PLACES = ['London', 'Paris', 'Madrid', 'Rome', 'Berlin', 'Moscow', 'Lisbon', 'Vienna', 'Prague', 'Warsaw', 'Tokyo', 'Sydney', 'Lagos', 'Nairobi', 'Cairo', 'Karachi', 'Colombo', 'Bonn', 'Frankfurt', 'Geneva', 'Brussels', 'Amsterdam', 'Oslo', 'Stockholm', 'Helsinki', 'Dublin', 'Belgrade', 'Zagreb', 'Bucharest', 'Sofia', 'Ankara', 'Jakarta', 'Manila', 'Seoul', 'Beijing', 'Bangkok', 'Lima', 'Santiago', 'Bogota', 'Caracas', 'Quito', 'Vellmark', 'Tarnow', 'Oporto'];
const FIRST = ['John', 'Peter', 'Mark', 'Paul', 'David', 'Carlos', 'Luis', 'Jan', 'Hans', 'Pierre', 'Marco', 'Ivan', 'Sergei', 'Ahmed', 'Kenji', 'Wasim', 'Shane', 'Darren', 'Tomas', 'Anna', 'Maria', 'Steffi', 'Monica', 'Elena', 'Jana', 'Goran', 'Dragan', 'Nasser', 'Owen', 'Alec', 'Brett', 'Rui', 'Jurgen', 'Andres', 'Miroslav', 'Oleg'];
const LAST = ['Smith', 'Jones', 'Ruiz', 'Muller', 'Baggio', 'Petrov', 'Akram', 'Warne', 'Gough', 'Stewart', 'Klinsmann', 'Novak', 'Kowalski', 'Santos', 'Fernandez', 'Tanaka', 'Brennan', 'Walsh', 'Moreno', 'Lindqvist', 'Horvat', 'Cardoso', 'Nakamura', 'Quinlan', 'Varga', 'Delacroix', 'Eriksen', 'Pellegrini', 'Kaltenbrunner', 'Osterhuis', 'Dravenko', 'Mbeki', 'Okafor'];
const COMPANIES = ['Siemens', 'Daimler', 'Unilever', 'Nestle', 'Philips', 'Volvo', 'Fiat', 'Alcatel', 'Olivetti', 'Barclays', 'Lloyds', 'Glaxo', 'Reuters', 'Boeing', 'Chrysler', 'Texaco', 'Mobil', 'Kellogg', 'Heineken', 'Carlsberg', 'Nokia', 'Ericsson', 'Hyundai', 'Daewoo', 'Samsung', 'Mitsubishi', 'Toshiba', 'Kortexa', 'Velmar', 'Dunmore', 'Brixton', 'Ostrava', 'Ambrell', 'Quenton', 'Halloran', 'Tervina', 'Lumex', 'Corvallo', 'Sandvik'];
const SUFFIXES = ['Inc', 'Corp', 'Plc', 'AG', 'SA', 'Ltd', 'Group', 'Holdings', 'Bank', 'Co'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

class Rand {
  private seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  next(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/**
 * CoNLL lines for one template: {T} a team (from `team`), {P} a person, {S} a surname, {C} a company,
 * {L} a place, {K} a country as a place, {N} a number, {D} a day.
 */
function fill(tpl: string, r: Rand, team: () => string, mix = false): string[] {
  const out: string[] = [];
  const add = (words: string, tag: string): void => {
    for (const w of words.split(' ')) out.push(`${w} ${tag}`);
  };
  for (const part of tpl.split(' ')) {
    const slot = /^\{([A-Z])\}$/.exec(part)?.[1];
    if (part === '{N}-{N}') add(`${r.int(5)}-${r.int(5)}`, 'O');
    else if (slot === 'N') add(String(r.int(5)), 'O');
    else if (slot === 'D') add(r.pick(DAYS), 'O');
    else if (slot === 'T') add(team(), 'I-ORG');
    else if (slot === 'P') add(`${r.pick(FIRST)} ${mix && r.next() < 0.4 ? madeSurname(r) : r.pick(LAST)}`, 'I-PER');
    else if (slot === 'S') add(mix && r.next() < 0.4 ? madeSurname(r) : r.pick(LAST), 'I-PER');
    else if (slot === 'C' && mix) add(r.next() < 0.5 ? madeCompany(r) : r.pick(COMPANIES), 'I-ORG');
    else if (slot === 'C') add(r.next() < 0.4 ? `${r.pick(COMPANIES)} ${r.pick(SUFFIXES)}` : r.pick(COMPANIES), 'I-ORG');
    else if (slot === 'L') add(mix && r.next() < 0.3 ? madeTown(r) : r.pick(PLACES), 'I-LOC');
    else if (slot === 'K') add(r.pick(NATIONS), 'I-LOC');
    else if (slot === 'F') add(r.pick(COMPANY_FORMS), 'I-ORG');
    else if (slot === 'O') add(r.next() < 0.2 ? `${r.pick(PLACES)} ${r.pick(PARTY_ADJ)} ${r.pick(PARTY_HEAD)}` : `${r.pick(PARTY_ADJ)} ${r.pick(PARTY_HEAD)}`, 'I-ORG');
    else if (slot === 'G') add(r.pick(AGENCIES), 'I-ORG');
    else if (slot === 'B') add(r.pick(BODIES), 'I-ORG');
    else if (slot === 'W') add(r.pick(PRODUCTS), 'O');
    else add(part, 'O');
  }
  return out;
}

const RESULT_LINES = ['{T} {N} {T} {N}', '{T} {N} {T} {N}', '{T} {N} ( {S} {N} ) {T} {N}'];
const STANDING = '{T} {N} {N} {N} {N} {N} {N} {N}';
const SPORT_PROSE = [
  '{T} beat {T} {N}-{N} on {D} .',
  '{T} drew {N}-{N} with {T} in {L} on {D} .',
  '{P} scored twice as {T} beat {T} {N}-{N} .',
  '{T} coach {P} said his side had played well .',
  '{T} , who lost to {T} last week , stay top of the table .',
  'Leaders {T} were held to a goalless draw at {T} .',
  '{P} put {T} ahead after {N} minutes .',
  '{T} striker {P} was sent off .',
  'The match in {L} was watched by {N} fans .',
  '{T} v {T} ( {N} ) .',
  '{T} have won {N} of their last {N} games in {L} .',
  'Fans of {T} travelled from {L} for the final .',
  '{P} , who joined {T} from {T} last season , scored the winner .',
];
const CRICKET = [
  '{T} {N} and {N}-{N} ( {P} {N} ) beat {T} {N} by {N} wickets .',
  'At {L} : {T} {N} ( {P} {N} ) v {T} .',
  '{P} took four wickets as {T} beat {T} by an innings .',
];
const BUSINESS = [
  'Shares in {C} rose {N} percent to {N} pence in {L} .',
  '{C} said on {D} its net profit rose {N} percent .',
  '{C} said it agreed to buy {C} for {N} million dollars .',
  '{C} shares fell {N} cents after the company cut its forecast .',
  'Analysts at {C} said the outlook for {C} was weak .',
  '{P} , chief executive of {C} , told reporters in {L} that sales were strong .',
  '{C} will open a plant in {L} next year , a spokesman for {C} said .',
  'The {L} bank {C} raised its rates on {D} .',
  '{C} , the {K} carmaker , reported a loss .',
  '{C} said its first-half profit fell .',
  '{C} said it would cut {N} jobs in {L} .',
  'Shares of {C} closed up {N} cents .',
  '{C} shares rose {N} percent .',
  '{C} \'s chief executive {P} resigned on {D} .',
  'The deal values {C} at {N} billion dollars , {C} said .',
  '{C} , which makes engines , said sales in {K} rose .',
  'Trading in {C} was suspended in {L} on {D} .',
];
const NEWS = [
  '{P} arrived in {L} on {D} for talks with {P} .',
  'Police in {L} said {N} people were hurt .',
  'The {K} government said it would send troops to {L} .',
  '{P} , the {K} foreign minister , visited {L} .',
  'Talks between {K} and {K} resumed in {L} .',
  '{P} said {K} would not change its policy .',
];


/** Syllables for made-up names, so that the model learns contexts rather than a list of names by heart. */
const SYL_A = ['Kor', 'Vel', 'Tra', 'Ban', 'Lum', 'Nex', 'Dra', 'Cal', 'Sor', 'Mer', 'Pel', 'Ost', 'Gal', 'Fen', 'Riv', 'Tal', 'Bel', 'Cor', 'Dun', 'Hal', 'Zan', 'Quor', 'Mir', 'Ter', 'Vos', 'Lan', 'Brek', 'Sal', 'Ard', 'Elm'];
const SYL_B = ['vex', 'tana', 'mar', 'ico', 'ex', 'ora', 'ind', 'ton', 'ell', 'ia', 'on', 'is', 'co', 'tek', 'dal', 'ura', 'ova', 'esa', 'ant', 'oni'];
const SURNAME_END = ['ski', 'ov', 'ez', 'son', 'elli', 'ic', 'er', 'berg', 'ini', 'ard', 'ley', 'ens'];
const TOWN_END = ['ford', 'ton', 'burg', 'ville', 'stad', 'mouth', 'field', 'dorf', 'ham', 'wick'];
const CLUB_WORDS = ['United', 'City', 'Rovers', 'Athletic', 'Wanderers', 'Town', 'Albion', 'Dynamo', 'Sporting', 'Olympic'];
const PARTY_ADJ = ['Democratic', 'Liberal', 'National', 'Popular', 'Social', 'Progressive', 'Republican', 'Green', 'Labour', 'Conservative', 'Reform', 'People\'s'];
const PARTY_HEAD = ['Party', 'Front', 'Movement', 'Union', 'Alliance', 'Congress', 'League'];
const AGENCIES = ['Reuters', 'Interfax', 'Tanjug', 'Xinhua', 'Itar-Tass', 'Kyodo', 'Bernama', 'Anatolian', 'Antara', 'Yonhap'];
const BODIES = ['Finance Ministry', 'Central Bank', 'Supreme Court', 'Foreign Ministry', 'Interior Ministry', 'Parliament', 'Treasury', 'Senate', 'Stock Exchange', 'Football Association'];
const PRODUCTS = ['cables', 'tyres', 'steel', 'chemicals', 'software', 'seats', 'paper', 'beer', 'trucks', 'cement', 'insurance', 'drugs'];

function madeCompany(r: Rand): string {
  const w = r.pick(SYL_A) + r.pick(SYL_B);
  const u = r.next();
  if (u < 0.15) return w.toUpperCase().slice(0, 3 + r.int(2));
  return w;
}
function madeSurname(r: Rand): string {
  return r.pick(SYL_A) + r.pick(SYL_B).replace(/^[aeiou]/, '') + (r.next() < 0.5 ? r.pick(SURNAME_END) : '');
}
function madeTown(r: Rand): string {
  return r.pick(SYL_A) + r.pick(TOWN_END);
}

/**
 * The second set of templates (news written for this project in the style of agency copy):
 * {C} a company (known or made up), {T} a team, {P} a person, {S} a surname, {L} a place,
 * {K} a country, {O} a party or body, {G} a news agency, {W} a product word, {N} a number, {D} a day.
 */
const BUSINESS2 = [
  '{K} {W} giant {C} on {D} announced its long-awaited move into {K} .',
  '{C} is linking with {C} in a venture to be called {C} {F} .',
  '{C} was up {N} to {N} in early trading .',
  'It should give {C} the critical mass to be a bigger player in that market , analysts said .',
  '{C} \'s traditional strength has been {W} and {W} .',
  '{C} , {C} and {C} have been working to build up their {W} business .',
  '{C} CEO {P} told reporters in a conference call from {L} that he expects a stronger second half .',
  '{C} , the first foreign company to list on the {L} bourse , released its first half figures .',
  '" This is really positive news for {C} , " said analyst {P} of {C} in {L} .',
  'The acquisition will beef up {C} \'s {W} business , allowing it to compete with {C} .',
  '{C} said {P} had submitted his resignation and will be leaving {C} .',
  '{C} plunges on first half results .',
  '{C} to buy {C} for {N} million dollars .',
  '{C} shares jumped after the {W} maker said profits would rise .',
  'A spokeswoman for {C} declined to comment .',
  '{C} said in a statement that talks with {C} had ended .',
  '{C} , based in {L} , makes {W} and {W} .',
  '{P} , chairman of {C} , said the company would not raise its bid .',
  'Shares of {C} rose {N} cents to {N} dollars on the news .',
  '{C} posted a net loss of {N} million marks in the first half .',
  'Analysts expect {C} to report higher earnings on {D} .',
  '{C} agreed to sell its {W} unit to {C} .',
  'The {W} group {C} said on {D} it had won a contract in {L} .',
  '{P} , an analyst with {C} in {L} , said the results were in line with forecasts .',
  '{C} {F} said on {D} its {W} sales in {K} fell {N} percent .',
];
const COMPANY_FORMS = ['Inc', 'Corp', 'Ltd', 'Plc', 'AG', 'SpA', 'NV', 'Group', 'Holdings', 'International'];
const SPORT2 = [
  'At the Oval , {T} captain {P} continued to silence his critics with {N} not out .',
  'He was well backed by {P} who made {N} as {T} closed on {N} for seven .',
  'Title rivals {T} , {T} and {T} all closed in on victory .',
  '{T} all-rounder {P} was making his debut , replacing {T} batsman {P} .',
  'After bowling {T} out for {N} , {T} made {N} .',
  '{T} , who thrashed {T} by an innings , can take the day off .',
  '{P} moved from {T} to {T} for an undisclosed fee .',
  '{T} fans were locked out of the stadium after the violence in {L} .',
  '{P} will coach {T} next season , the club said .',
  '{T} scraped a {N}-{N} draw in the opening match of the season .',
  '{T} , the champions , lost at home to {T} .',
  '{P} ( {T} ) {N} .',
  '{T} have signed {P} from {T} on a two-year contract .',
  'The {T} manager {P} was fined by the league .',
  '{T} moved top of the table with a win over {T} .',
  '{P} hit a century for {T} against {T} at {L} .',
  '{T} lead {T} by {N} runs with {N} wickets in hand .',
  '{T} striker {P} missed a penalty .',
  '{T} beat {T} {N}-{N} in the first leg in {L} .',
];
const HEADLINES = [
  'SOCCER - {T} BEAT {T} IN CUP MATCH .',
  'SOCCER - {T} HELD TO DRAW AT {T} .',
  'CRICKET - {T} TAKE OVER AT TOP AFTER INNINGS VICTORY .',
  'SOCCER - {P} MOVES TO {T} .',
  'SOCCER - {T} FANS LOCKED OUT AFTER VIOLENCE .',
  'SOCCER - RESULTS OF {K} FIRST DIVISION MATCHES .',
  'TENNIS - RESULTS AT {L} OPEN .',
  'GOLF - LEADING SCORES AT {L} OPEN .',
  'BUSINESS - {C} PLUNGES ON FIRST HALF RESULTS .',
  'BUSINESS - {C} TO BUY {C} STAKE .',
  'POLITICS - {K} OPPOSITION WINS IN {L} .',
];
const POLITICS = [
  '{P} , leader of the {O} , said the government had failed .',
  'The {O} won {N} seats in the election in {K} .',
  'The {K} {B} said on {D} it would not change policy .',
  '{P} , a spokesman for the {O} , told {G} that talks would resume in {L} .',
  'The {O} called for a boycott of the vote .',
  '{G} news agency said {N} people were killed near {L} .',
  'The {B} in {L} rejected the appeal on {D} .',
  '{P} said on {D} the {O} would join the coalition .',
  'Members of the {O} marched through {L} on {D} .',
  'The {O} of {P} has ruled {K} since {N} .',
  '{P} told {G} in {L} that the {B} had approved the plan .',
];

/** A document of ready lines after a dateline ("NEW YORK 1996-08-30": a place). */
function docLines(r: Rand, lines: string[][]): string {
  const out: string[] = ['-DOCSTART- O', ''];
  if (lines.length > 0) out.push(...lines[0], '');
  const place = r.next() < 0.3 ? r.pick(['New York', 'Los Angeles', 'Hong Kong', 'Buenos Aires', 'Kuala Lumpur', 'San Francisco', 'Tel Aviv']) : r.pick(PLACES);
  out.push(...place.toUpperCase().split(' ').map((w) => `${w} I-LOC`), `1997-0${1 + r.int(9)}-1${r.int(9)} O`, '');
  for (const l of lines.slice(1)) out.push(...l, '');
  return out.join('\n');
}

function doc(r: Rand, lines: string[][], heading: string): string {
  const out: string[] = ['-DOCSTART- O', ''];
  for (const h of heading.split(' ')) out.push(`${h} O`);
  out.push('');
  const place = r.pick(PLACES);
  out.push(`${place.toUpperCase().split(' ').join(' I-LOC\n')} I-LOC`, `1997-0${1 + r.int(9)}-1${r.int(9)} O`, '');
  for (const l of lines) out.push(...l, '');
  return out.join('\n');
}

/** The documents (about 300: results with tables, match reports, cricket, business, politics, general news). */
export function ownTrainingDocs(): ConllDoc[] {
  const r = new Rand(20260601);
  const parts: string[] = [];
  for (let d = 0; d < 120; d++) {
    const kind = d % 6;
    // national teams are left out: CoNLL types them LOC, GUM ORG (teams.ts decides those)
    const pool = kind === 3 ? COUNTIES : kind === 2 ? CITY_TEAMS : CLUBS;
    const team = (): string => r.pick(pool);
    const upper = kind === 2 && r.next() < 0.5;
    const lines: string[][] = [];
    if (kind === 0 || kind === 1 || kind === 2) {
      for (let k = 0; k < 6; k++) lines.push(fill(r.pick(RESULT_LINES), r, upper ? () => team().toUpperCase() : team));
      for (let k = 0; k < 3; k++) lines.push(fill(r.pick(SPORT_PROSE), r, team));
      if (kind === 0) for (let k = 0; k < 5; k++) lines.push(fill(STANDING, r, team));
      lines.push(fill(r.pick(NEWS), r, team));
    } else if (kind === 3) {
      for (let k = 0; k < 5; k++) lines.push(fill(r.pick(CRICKET), r, team));
      lines.push(fill(r.pick(NEWS), r, team));
    } else if (kind === 4) {
      for (let k = 0; k < 6; k++) lines.push(fill(r.pick(BUSINESS), r, team));
    } else {
      for (let k = 0; k < 4; k++) lines.push(fill(r.pick(NEWS), r, team));
      lines.push(fill(r.pick(SPORT_PROSE), r, () => r.pick(CLUBS)));
      lines.push(fill(r.pick(BUSINESS), r, team));
    }
    parts.push(doc(r, lines, kind === 4 ? 'BUSINESS NEWS .' : kind === 5 ? 'WORLD NEWS .' : 'SPORTS RESULTS .'));
  }
  // the second set: agency-style business, sport and politics, with made-up names and capitalised headlines
  for (let d = 0; d < 180; d++) {
    const kind = d % 4;
    const towns = Array.from({ length: 6 }, () => madeTown(r));
    const teamOf = (): string => {
      const u = r.next();
      if (u < 0.3) return r.pick(CLUBS);
      if (u < 0.5) return r.pick(COUNTIES);
      if (u < 0.65) return r.pick(CITY_TEAMS);
      if (u < 0.85) return r.pick(towns);
      return `${r.pick(towns)} ${r.pick(CLUB_WORDS)}`;
    };
    const lines: string[][] = [];
    const headline = (pool: readonly string[]): void => {
      const l = fill(r.pick(pool), r, teamOf, true);
      lines.push(l.map((x) => {
        const sp = x.lastIndexOf(' ');
        return x.slice(0, sp).toUpperCase() + x.slice(sp);
      }));
    };
    if (kind === 0) {
      headline(HEADLINES.filter((h) => h.startsWith('BUSINESS')));
      for (let k = 0; k < 7; k++) lines.push(fill(r.pick(BUSINESS2), r, teamOf, true));
      lines.push(fill(r.pick(BUSINESS), r, teamOf, true));
    } else if (kind === 1) {
      headline(HEADLINES.filter((h) => h.startsWith('SOCCER') || h.startsWith('CRICKET')));
      for (let k = 0; k < 6; k++) lines.push(fill(r.pick(SPORT2), r, teamOf, true));
      for (let k = 0; k < 4; k++) lines.push(fill(r.pick(RESULT_LINES), r, teamOf, true));
      if (r.next() < 0.5) lines.push(fill(r.pick(NEWS), r, teamOf, true));
    } else if (kind === 2) {
      headline(HEADLINES.filter((h) => h.startsWith('POLITICS') || h.startsWith('TENNIS') || h.startsWith('GOLF')));
      for (let k = 0; k < 6; k++) lines.push(fill(r.pick(POLITICS), r, teamOf, true));
      lines.push(fill(r.pick(NEWS), r, teamOf, true));
    } else {
      for (let k = 0; k < 3; k++) lines.push(fill(r.pick(NEWS), r, teamOf, true));
      for (let k = 0; k < 2; k++) lines.push(fill(r.pick(POLITICS), r, teamOf, true));
      lines.push(fill(r.pick(BUSINESS2), r, teamOf, true));
      lines.push(fill(r.pick(SPORT2), r, teamOf, true));
    }
    parts.push(docLines(r, lines));
  }
  return readConll(parts.join('\n'), 'own-');
}
