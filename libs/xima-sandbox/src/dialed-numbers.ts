import { pickOne, Random, randomInt, WeightedChoice } from './random';

/** What an outbound call dialed, as the generator intended it (the report shows only the text). */
export type NumberKind =
  | 'local-7'
  | 'local-10'
  | 'long-distance'
  | 'long-distance-no-1'
  | 'toll-free'
  | 'emergency'
  | 'international-011'
  | 'international-plus'
  | 'junk';

export interface DialedNumber {
  /** As recorded: may hold the access code 9, `+`, spaces, dashes, dots, parentheses. */
  readonly text: string;
  readonly kind: NumberKind;
  readonly viaAccessCode: boolean;
}

/** Who dials decides the mix: guests call home and restaurants, attorneys call clients far away. */
export type Dialer = 'hotel' | 'office';

const KINDS: Record<Dialer, WeightedChoice<NumberKind>> = {
  hotel: new WeightedChoice<NumberKind>([
    ['local-7', 10],
    ['local-10', 22],
    ['long-distance', 24],
    ['long-distance-no-1', 6],
    ['toll-free', 9],
    ['emergency', 1.5],
    ['international-011', 7],
    ['international-plus', 2],
    ['junk', 3],
  ]),
  office: new WeightedChoice<NumberKind>([
    ['local-7', 3],
    ['local-10', 22],
    ['long-distance', 32],
    ['long-distance-no-1', 6],
    ['toll-free', 6],
    ['emergency', 0.3],
    ['international-011', 12],
    ['international-plus', 6],
    ['junk', 1],
  ]),
};

const ACCESS_CODE_SHARE: Record<Dialer, number> = { hotel: 0.9, office: 0.85 };

const DENVER_NPAS = ['303', '720'];
// No 9xx area codes: a number dialed without the access code would start with 9 and read as if
// it had one. 604 is Vancouver (Canada is long distance within NANP); 719 is Colorado Springs.
const LONG_DISTANCE_NPAS = [
  '212',
  '312',
  '415',
  '617',
  '305',
  '702',
  '801',
  '505',
  '206',
  '404',
  '214',
  '602',
  '604',
  '719',
];
const TOLL_FREE_NPAS = ['800', '888', '877'];

type Separator = '' | ' ' | '-' | '.' | 'parens';
const NANP_STYLES = new WeightedChoice<Separator>([
  ['', 65],
  ['parens', 12],
  ['-', 10],
  ['.', 5],
  [' ', 8],
]);

interface Country {
  readonly code: string;
  readonly groups: (random: Random) => string[];
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

// Numbers from ranges reserved for drama and documentation where a country has one.
const COUNTRIES = new WeightedChoice<Country>([
  [{ code: '44', groups: (r) => ['20', '7946', `0${digits(r, 3)}`] }, 35],
  [{ code: '33', groups: (r) => ['1', '99', '00', digits(r, 2), digits(r, 2)] }, 15],
  [{ code: '52', groups: (r) => ['55', '5555', `01${digits(r, 2)}`] }, 25],
  [{ code: '49', groups: (r) => ['30', '23125', digits(r, 3)] }, 15],
  [{ code: '81', groups: (r) => ['3', '5555', `01${digits(r, 2)}`] }, 10],
]);

const JUNK = ['#', '*67', 'ABC', '', 'EXT 12', '411'];

/** 555-0100 to 555-0199: the NANP's fictional range. */
function subscriber(random: Random): [string, string] {
  return ['555', `01${digits(random, 2)}`];
}

function formatNanp(
  random: Random,
  prefix: string[],
  areaCode: string | undefined,
  exchange: string,
  line: string,
): string {
  const separator = NANP_STYLES.pick(random);
  if (separator === '') return prefix.join('') + (areaCode ?? '') + exchange + line;
  if (separator === 'parens') {
    const area = areaCode === undefined ? [] : [`(${areaCode})`];
    return [...prefix, ...area, `${exchange}-${line}`].join(' ');
  }
  const parts = areaCode === undefined ? [exchange, line] : [areaCode, exchange, line];
  return [...prefix, ...parts].join(separator);
}

function international(random: Random, accessCode: boolean): string {
  const country = COUNTRIES.pick(random);
  const groups = country.groups(random);
  const style = random();
  if (style < 0.6) return `${accessCode ? '9' : ''}011${country.code}${groups.join('')}`;
  const separator = style < 0.85 ? ' ' : '-';
  return [...(accessCode ? ['9'] : []), '011', country.code, ...groups].join(separator);
}

function plusInternational(random: Random): string {
  const country = COUNTRIES.pick(random);
  const groups = country.groups(random);
  return random() < 0.7
    ? `+${country.code} ${groups.join(' ')}`
    : `+${country.code}${groups.join('')}`;
}

export function dialNumber(random: Random, dialer: Dialer): DialedNumber {
  const kind = KINDS[dialer].pick(random);
  const viaAccessCode =
    kind !== 'international-plus' && kind !== 'junk' && random() < ACCESS_CODE_SHARE[dialer];
  const access = viaAccessCode ? ['9'] : [];
  let text: string;
  switch (kind) {
    case 'local-7':
      text = formatNanp(random, access, undefined, ...subscriber(random));
      break;
    case 'local-10':
      text = formatNanp(random, access, pickOne(random, DENVER_NPAS), ...subscriber(random));
      break;
    case 'long-distance':
      text = formatNanp(
        random,
        [...access, '1'],
        pickOne(random, LONG_DISTANCE_NPAS),
        ...subscriber(random),
      );
      break;
    case 'long-distance-no-1':
      text = formatNanp(random, access, pickOne(random, LONG_DISTANCE_NPAS), ...subscriber(random));
      break;
    case 'toll-free':
      text = formatNanp(
        random,
        [...access, '1'],
        pickOne(random, TOLL_FREE_NPAS),
        ...subscriber(random),
      );
      break;
    case 'emergency':
      text = viaAccessCode ? '9911' : '911';
      break;
    case 'international-011':
      text = international(random, viaAccessCode);
      break;
    case 'international-plus':
      text = plusInternational(random);
      break;
    case 'junk':
      text = pickOne(random, JUNK);
      break;
  }
  return { text, kind, viaAccessCode };
}

/** The caller of an inbound call as the report shows it; undefined when withheld. */
export function callerNumber(random: Random): string | undefined {
  const roll = random();
  const [exchange, line] = subscriber(random);
  if (roll < 0.3) return `303${exchange}${line}`;
  if (roll < 0.45) return `+1303${exchange}${line}`;
  if (roll < 0.6) return `720${exchange}${line}`;
  if (roll < 0.72) return `1${pickOne(random, LONG_DISTANCE_NPAS)}${exchange}${line}`;
  if (roll < 0.77) return plusInternational(random);
  if (roll < 0.82) return 'Anonymous';
  if (roll < 0.87) return '';
  return undefined;
}

/** The far end of an intersite call: an extension at the firm's other office. */
export function remoteExtension(random: Random): string {
  return `6${randomInt(random, 100, 399)}`;
}
