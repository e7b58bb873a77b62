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
function fill(tpl: string, r: Rand, team: () => string): string[] {
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
    else if (slot === 'P') add(`${r.pick(FIRST)} ${r.pick(LAST)}`, 'I-PER');
    else if (slot === 'S') add(r.pick(LAST), 'I-PER');
    else if (slot === 'C') add(r.next() < 0.4 ? `${r.pick(COMPANIES)} ${r.pick(SUFFIXES)}` : r.pick(COMPANIES), 'I-ORG');
    else if (slot === 'L') add(r.pick(PLACES), 'I-LOC');
    else if (slot === 'K') add(r.pick(NATIONS), 'I-LOC');
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

function doc(r: Rand, lines: string[][], heading: string): string {
  const out: string[] = ['-DOCSTART- O', ''];
  for (const h of heading.split(' ')) out.push(`${h} O`);
  out.push('');
  const place = r.pick(PLACES);
  out.push(`${place.toUpperCase().split(' ').join(' I-LOC\n')} I-LOC`, `1997-0${1 + r.int(9)}-1${r.int(9)} O`, '');
  for (const l of lines) out.push(...l, '');
  return out.join('\n');
}

/** The documents (about 120: results with tables, match reports, cricket, business, general news). */
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
  return readConll(parts.join('\n'), 'own-');
}
