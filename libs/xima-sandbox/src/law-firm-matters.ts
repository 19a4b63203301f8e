import { DEFAULT_SEED, DEFAULT_TIMEZONE } from './call-generator';
import { TYPO_ACCOUNT_CODES } from './call-mix';
import { csvLine } from './csv';
import { LocalClock } from './local-time';
import { pickOne, Random, randomInt, seededRandom } from './random';

/**
 * The sandbox's law firm's matter list, as its time-and-billing system would export it, made so
 * that every outcome of checking a call's account code against it happens: most codes the
 * attorneys dial are open and billable matters, one is not in the list, one closes on a day the
 * caller chooses, one is not billable, and the typos of call-mix.ts are one edit away from the
 * code meant and from no other matter.
 */
export interface LawFirmMatter {
  /** Five digits, leading zeros kept: `00417`. */
  readonly clientNumber: string;
  readonly clientName: string;
  /** Three digits: `012`. */
  readonly matterNumber: string;
  readonly matterName: string;
  readonly status: 'open' | 'closed';
  /** `YYYY-MM-DD` when closed, else `''`. */
  readonly closedDate: string;
  readonly billable: 'yes' | 'no';
}

/** The codes (of ACCOUNT_CODES) the list makes fail, one each way. */
export const LAW_FIRM_CODES = {
  /** Left out of the list: `unknown-matter`. */
  unknown: '77001-001',
  /** Closed on the list's `closedDate`: calls on later days are `closed-matter`. */
  closed: '58213-002',
  /** In the list, not billable: `non-billable-matter`. */
  nonBillable: '04460-100',
} as const;

/** How the law firm's plan splits a code into client and matter. */
export const LAW_FIRM_ACCOUNT_CODE_PATTERN = /^(?<client>\d{5})-(?<matter>\d{3})$/;

export const LAW_FIRM_MATTERS_CSV_HEADER =
  'clientNumber,clientName,matterNumber,matterName,status,closedDate,billable';

export const DEFAULT_MATTER_COUNT = 400;
export const MAX_MATTER_COUNT = 1_000_000;
export const DEFAULT_CLOSED_DATE = '2026-01-15';

export interface LawFirmMatterOptions {
  /** Default the sandbox's default seed; the same options always give the same list. */
  seed?: string;
  /** Matters in all, the fixed ones included; default 400, at most 1,000,000. */
  size?: number;
  /** The day LAW_FIRM_CODES.closed closed, `YYYY-MM-DD`; default `window`'s middle day. */
  closedDate?: string;
  /** When no `closedDate` is given, the matter closes on the middle day of this window. */
  window?: { fromMs: number; toMs: number; timezone?: string };
}

interface FixedMatter {
  readonly code: string;
  readonly name: string;
  readonly billable?: false;
}

interface FixedClient {
  readonly clientNumber: string;
  readonly clientName: string;
  readonly matters: readonly FixedMatter[];
}

const FIXED_CLIENTS: readonly FixedClient[] = [
  {
    clientNumber: '00001',
    clientName: 'Porter & Lane LLP',
    matters: [
      { code: '00001-001', name: 'Firm administration', billable: false },
      { code: '00001-002', name: 'Business development', billable: false },
      { code: '00001-003', name: 'Recruiting', billable: false },
    ],
  },
  {
    clientNumber: '00417',
    clientName: 'Estate of Margaret Ellison',
    matters: [
      { code: '00417-003', name: 'Trust accounting' },
      { code: '00417-012', name: 'Probate administration' },
    ],
  },
  {
    clientNumber: '04460',
    clientName: 'Front Range Tenants Association',
    matters: [{ code: '04460-100', name: 'Pro bono: habitability claims', billable: false }],
  },
  {
    clientNumber: '10234',
    clientName: 'Halvorsen Marine Holdings, Inc.',
    matters: [
      { code: '10234-001', name: 'General corporate' },
      { code: '10234-002', name: 'Vessel financing' },
      { code: '10234-015', name: 'Harbor lease dispute' },
    ],
  },
  {
    clientNumber: '20871',
    clientName: 'Cordillera Mining Co.',
    matters: [{ code: '20871-001', name: 'Environmental permits' }],
  },
  {
    clientNumber: '31502',
    clientName: 'Brightwater School District',
    matters: [
      { code: '31502-007', name: 'Employment: Diaz grievance' },
      { code: '31502-010', name: 'Bond counsel' },
    ],
  },
  {
    clientNumber: '58213',
    clientName: 'Redstone Biologics LLC',
    matters: [{ code: '58213-002', name: 'Series B financing' }],
  },
  // The client is known, matter 001 is not: LAW_FIRM_CODES.unknown.
  { clientNumber: '77001', clientName: 'Pioneer Freight Lines', matters: [] },
  {
    clientNumber: '90015',
    clientName: 'Aldana & Sons Bakery',
    matters: [{ code: '90015-044', name: 'Trademark portfolio' }],
  },
];

const MATTER_KINDS = [
  'General corporate',
  'Contract review',
  'Commercial lease',
  'Lease renewal',
  'Employment advice',
  'Wage and hour claim',
  'Trademark prosecution',
  'Patent licensing',
  'Tax audit',
  'Estate planning',
  'Real estate closing',
  'Zoning variance',
  'Insurance coverage',
  'Regulatory compliance',
  'Data privacy review',
  'Debt collection',
  'Supplier dispute',
  'Shareholder agreement',
  'Asset purchase',
  'Construction claim',
  'Immigration petitions',
  'Environmental review',
  'Franchise agreement',
  'Annual filings',
];

const SURNAMES = [
  'Abbott',
  'Barrera',
  'Castellanos',
  'Donnelly',
  'Eriksen',
  'Fairbanks',
  'Gallagher',
  'Hoshino',
  'Ibarra',
  'Jankowski',
  'Kaminski',
  'Lindgren',
  'Mahoney',
  'Nakamura',
  'Oyelaran',
  'Pacheco',
  'Quintero',
  'Rasmussen',
  'Salazar',
  'Thorne',
  'Underwood',
  'Valdez',
  'Whitaker',
  'Yamamoto',
  'Zielinski',
];

const GIVEN_NAMES = ['Ana', 'Ben', 'Carla', 'Dev', 'Elena', 'Frank', 'Gina', 'Hugo', 'Iris'];
const PLACES = ['Aspen', 'Boulder', 'Cherry Creek', 'Durango', 'Evergreen', 'Front Range'];
const TRADES = ['Builders', 'Dental', 'Logistics', 'Software', 'Farms', 'Outfitters', 'Energy'];
const FORMS = ['LLC', 'Inc.', 'Co.', 'LLP', 'Holdings', 'Partners'];

const FIXED_CODES = new Set(FIXED_CLIENTS.flatMap((c) => c.matters.map((m) => m.code)));

/**
 * Codes no generated matter may have: the typos themselves, every code one edit away from a typo
 * except the code it stands for (so the code meant is the typo's only neighbour), and the code
 * left out on purpose.
 */
const EXCLUDED_CODES: ReadonlySet<string> = (() => {
  const excluded = new Set<string>([LAW_FIRM_CODES.unknown]);
  for (const [typo, intended] of TYPO_ACCOUNT_CODES) {
    excluded.add(typo);
    for (const near of oneEditAway(typo)) if (near !== intended) excluded.add(near);
  }
  return excluded;
})();

/** Clients the typos seem to name but that do not exist, so a typo's client part stays unknown. */
const EXCLUDED_CLIENTS: ReadonlySet<string> = new Set(
  [...TYPO_ACCOUNT_CODES.keys()]
    .map((typo) => typo.slice(0, 5))
    .filter((client) => !FIXED_CLIENTS.some((c) => c.clientNumber === client)),
);

/** The firm's matters, sorted by client and matter number; see LawFirmMatterOptions. */
export function lawFirmMatters(options: LawFirmMatterOptions = {}): LawFirmMatter[] {
  const size = options.size ?? DEFAULT_MATTER_COUNT;
  if (!Number.isInteger(size) || size < FIXED_CODES.size || size > MAX_MATTER_COUNT) {
    throw new RangeError(
      `size must be a whole number from ${FIXED_CODES.size} to ${MAX_MATTER_COUNT}, got ${size}`,
    );
  }
  const closedDate = closedDateOf(options);
  const random = seededRandom(options.seed ?? DEFAULT_SEED, 'law-firm-matters');
  const rows: LawFirmMatter[] = [];

  for (const client of FIXED_CLIENTS) {
    for (const matter of client.matters) {
      const [clientNumber, matterNumber] = matter.code.split('-');
      const closed = matter.code === LAW_FIRM_CODES.closed;
      rows.push({
        clientNumber,
        clientName: client.clientName,
        matterNumber,
        matterName: matter.name,
        status: closed ? 'closed' : 'open',
        closedDate: closed ? closedDate : '',
        billable: matter.billable === false ? 'no' : 'yes',
      });
    }
  }

  const clientNumbers = new Set(FIXED_CLIENTS.map((c) => c.clientNumber));
  const clients: Array<{ clientNumber: string; clientName: string; count: number }> =
    FIXED_CLIENTS.map((c) => ({ ...c, count: randomInt(random, 3, 15) }));
  let planned = rows.length + clients.reduce((sum, c) => sum + c.count, 0);
  while (planned < size) {
    const clientNumber = String(randomInt(random, 100, 99_999)).padStart(5, '0');
    if (clientNumbers.has(clientNumber) || EXCLUDED_CLIENTS.has(clientNumber)) continue;
    clientNumbers.add(clientNumber);
    const count = randomInt(random, 1, 12);
    clients.push({ clientNumber, clientName: clientName(random), count });
    planned += count;
  }

  for (const client of clients) {
    // Matters are numbered in order, as firms open them, skipping the numbers taken or kept free.
    let made = 0;
    for (let number = 1; number <= 999 && made < client.count && rows.length < size; number++) {
      const code = `${client.clientNumber}-${String(number).padStart(3, '0')}`;
      if (FIXED_CODES.has(code) || EXCLUDED_CODES.has(code)) continue;
      rows.push(extraMatter(random, client, code));
      made++;
    }
  }
  return rows.sort(
    (a, b) => compare(a.clientNumber, b.clientNumber) || compare(a.matterNumber, b.matterNumber),
  );
}

/** The list as CSV: the header, then one line a matter, `\n` line ends, RFC 4180 quoting. */
export function lawFirmMattersCsv(matters: readonly LawFirmMatter[]): string {
  const lines = [LAW_FIRM_MATTERS_CSV_HEADER];
  for (const m of matters) {
    lines.push(
      csvLine([
        m.clientNumber,
        m.clientName,
        m.matterNumber,
        m.matterName,
        m.status,
        m.closedDate,
        m.billable,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The middle day, in `timezone`, of the window [fromMs, toMs]: `YYYY-MM-DD`. */
export function middleDayOf(fromMs: number, toMs: number, timezone = DEFAULT_TIMEZONE): string {
  return localDate(clockOf(timezone), Math.floor((fromMs + toMs) / 2));
}

function closedDateOf(options: LawFirmMatterOptions): string {
  if (options.closedDate !== undefined) {
    if (!isDate(options.closedDate)) {
      throw new RangeError(`closedDate must be a date YYYY-MM-DD, got ${options.closedDate}`);
    }
    return options.closedDate;
  }
  if (options.window !== undefined) {
    const { fromMs, toMs, timezone } = options.window;
    return middleDayOf(fromMs, toMs, timezone);
  }
  return DEFAULT_CLOSED_DATE;
}

function extraMatter(
  random: Random,
  client: { clientNumber: string; clientName: string },
  code: string,
): LawFirmMatter {
  const closed = random() < 0.3;
  const year = randomInt(random, 2019, 2025);
  const kind = pickOne(random, MATTER_KINDS);
  const name = random() < 0.3 ? `${kind} ${year}` : kind;
  return {
    clientNumber: client.clientNumber,
    clientName: client.clientName,
    matterNumber: code.slice(6),
    matterName: name,
    status: closed ? 'closed' : 'open',
    closedDate: closed
      ? `${year}-${pad2(randomInt(random, 1, 12))}-${pad2(randomInt(random, 1, 28))}`
      : '',
    billable: random() < 0.03 ? 'no' : 'yes',
  };
}

function clientName(random: Random): string {
  switch (randomInt(random, 0, 3)) {
    case 0:
      return `${pickOne(random, SURNAMES)}, ${pickOne(random, GIVEN_NAMES)}`;
    case 1:
      return `${pickOne(random, SURNAMES)} ${pickOne(random, TRADES)} ${pickOne(random, FORMS)}`;
    case 2:
      return `${pickOne(random, PLACES)} ${pickOne(random, TRADES)} ${pickOne(random, FORMS)}`;
    default:
      return `${pickOne(random, SURNAMES)} & ${pickOne(random, SURNAMES)} ${pickOne(random, FORMS)}`;
  }
}

/**
 * Every `ddddd-ddd` code one keying mistake away: one digit replaced, or two neighbouring digits
 * swapped (across the dash too: it is not keyed).
 */
export function oneEditAway(code: string): string[] {
  const digits = code.replace('-', '');
  const near = new Set<string>();
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit !== digits[i]) near.add(digits.slice(0, i) + digit + digits.slice(i + 1));
    }
    if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
      near.add(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
    }
  }
  return [...near].map((d) => `${d.slice(0, 5)}-${d.slice(5)}`);
}

const clocks = new Map<string, LocalClock>();

export function clockOf(timezone: string): LocalClock {
  let clock = clocks.get(timezone);
  if (clock === undefined) {
    clock = new LocalClock(timezone);
    clocks.set(timezone, clock);
  }
  return clock;
}

/** The instant's day in the clock's zone: `YYYY-MM-DD`. */
export function localDate(clock: LocalClock, utcMs: number): string {
  return new Date(clock.wallClockMs(utcMs)).toISOString().slice(0, 10);
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toISOString().startsWith(text);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
