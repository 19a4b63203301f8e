import { generateCalls } from './call-generator';
import { ACCOUNT_CODES, MALFORMED_ACCOUNT_CODES, TYPO_ACCOUNT_CODES } from './call-mix';
import { SANDBOX_AGENTS } from './directory';
import {
  DEFAULT_MATTER_COUNT,
  LAW_FIRM_CODES,
  LAW_FIRM_MATTERS_CSV_HEADER,
  LawFirmMatter,
  lawFirmMatters,
  lawFirmMattersCsv,
  middleDayOf,
  oneEditAway,
} from './law-firm-matters';
import {
  countMatterOutcomes,
  expectedMatterOutcome,
  intendedAccountCode,
  MATTER_OUTCOMES,
} from './law-firm-outcomes';
import {
  expectedTimekeeper,
  LAW_FIRM_TIMEKEEPERS_CSV_HEADER,
  lawFirmTimekeepers,
  lawFirmTimekeepersCsv,
  NEW_OWNER,
  NEW_OWNER_EXTENSION,
} from './law-firm-timekeepers';

const ZONE = 'America/Denver';
const DAY_MS = 86_400_000;
// March 2026 in Denver: 2026-03-01T00:00-07:00 to 2026-03-31T23:59:59.999-06:00 (DST on the 8th).
const MARCH = {
  fromMs: Date.parse('2026-03-01T07:00:00Z'),
  toMs: Date.parse('2026-04-01T06:00:00Z') - 1,
};

const codeOf = (m: LawFirmMatter) => `${m.clientNumber}-${m.matterNumber}`;
const byCode = (matters: LawFirmMatter[]) => new Map(matters.map((m) => [codeOf(m), m]));

/** A tiny CSV reader for the checks: quoted fields with doubled quotes, `\n` line ends. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const fields: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (line[i] === '"') {
            i++;
            break;
          } else value += line[i++];
        }
        fields.push(value);
        i++;
      } else {
        const end = line.indexOf(',', i);
        fields.push(line.slice(i, end < 0 ? line.length : end));
        i = end < 0 ? line.length + 1 : end + 1;
      }
    }
    rows.push(fields);
  }
  return rows;
}

describe('the law firm of the sandbox', () => {
  describe('lawFirmMatters', () => {
    const matters = lawFirmMatters({ closedDate: '2026-03-16' });
    const book = byCode(matters);

    it('has every code attorneys dial open and billable, except one left out, one closed, one not billable', () => {
      for (const code of ACCOUNT_CODES) {
        const matter = book.get(code);
        if (code === LAW_FIRM_CODES.unknown) {
          expect(matter).toBeUndefined();
        } else if (code === LAW_FIRM_CODES.closed) {
          expect(matter).toMatchObject({
            status: 'closed',
            closedDate: '2026-03-16',
            billable: 'yes',
          });
        } else if (code === LAW_FIRM_CODES.nonBillable) {
          expect(matter).toMatchObject({ status: 'open', closedDate: '', billable: 'no' });
        } else {
          expect({ code, matter }).toMatchObject({
            code,
            matter: { status: 'open', closedDate: '', billable: 'yes' },
          });
        }
      }
    });

    it('is a realistic list: 400 matters, unique, well formed, sorted, more matters of the same clients, open and closed', () => {
      expect(matters).toHaveLength(DEFAULT_MATTER_COUNT);
      expect(book.size).toBe(matters.length);
      const codes = matters.map(codeOf);
      expect([...codes].sort()).toEqual(codes);
      for (const m of matters) {
        expect(m.clientNumber).toMatch(/^\d{5}$/);
        expect(m.matterNumber).toMatch(/^\d{3}$/);
        expect(m.clientName.length).toBeGreaterThan(0);
        expect(m.matterName.length).toBeGreaterThan(0);
        expect(m.status === 'closed' ? m.closedDate : '').toBe(m.closedDate);
        if (m.status === 'closed') expect(m.closedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const ofClient = (client: string) => matters.filter((m) => m.clientNumber === client);
      expect(ofClient('10234').length).toBeGreaterThan(3);
      expect(ofClient('10234').some((m) => m.status === 'closed')).toBe(true);
      expect(ofClient('77001').length).toBeGreaterThan(0);
      expect(new Set(matters.map((m) => m.clientNumber)).size).toBeGreaterThan(30);
      const closed = matters.filter((m) => m.status === 'closed').length;
      expect(closed / matters.length).toBeGreaterThan(0.15);
      expect(closed / matters.length).toBeLessThan(0.4);
    });

    it('is the same list for the same options, another for another seed', () => {
      expect(lawFirmMatters({ closedDate: '2026-03-16' })).toEqual(matters);
      expect(lawFirmMatters({ closedDate: '2026-03-16', seed: 'other' })).not.toEqual(matters);
    });

    it('closes the closed matter on the day given, or on the middle day of a window', () => {
      const closedOf = (list: LawFirmMatter[]) =>
        byCode(list).get(LAW_FIRM_CODES.closed)?.closedDate;
      expect(closedOf(lawFirmMatters({ closedDate: '2026-11-30' }))).toBe('2026-11-30');
      expect(middleDayOf(MARCH.fromMs, MARCH.toMs, ZONE)).toBe('2026-03-16');
      expect(closedOf(lawFirmMatters({ window: { ...MARCH, timezone: ZONE } }))).toBe('2026-03-16');
      expect(() => lawFirmMatters({ closedDate: '2026-02-30' })).toThrow(/closedDate/);
      expect(() => lawFirmMatters({ size: 5 })).toThrow(/size must be/);
      expect(() => lawFirmMatters({ size: 1.5 })).toThrow(/size must be/);
    });

    it('keeps each typo one edit from the code meant and from no other matter', () => {
      for (const [typo, intended] of TYPO_ACCOUNT_CODES) {
        expect(typo).toMatch(/^\d{5}-\d{3}$/);
        expect(oneEditAway(typo)).toContain(intended);
        expect(book.get(typo)).toBeUndefined();
        expect(book.get(intended)).toMatchObject({ status: 'open', billable: 'yes' });
        const near = oneEditAway(typo).filter((code) => book.has(code));
        expect({ typo, near }).toEqual({ typo, near: [intended] });
      }
    });

    it('makes 50,000 matters deterministically, with the same guarantees', () => {
      const started = Date.now();
      const big = lawFirmMatters({ size: 50_000, closedDate: '2026-03-16' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(big).toHaveLength(50_000);
      const bigBook = byCode(big);
      expect(bigBook.size).toBe(50_000);
      expect(bigBook.has(LAW_FIRM_CODES.unknown)).toBe(false);
      for (const [typo, intended] of TYPO_ACCOUNT_CODES) {
        expect(oneEditAway(typo).filter((code) => bigBook.has(code))).toEqual([intended]);
      }
      expect(lawFirmMatters({ size: 50_000, closedDate: '2026-03-16' })).toEqual(big);
    });

    it('renders CSV with the import header, quoting names with commas', () => {
      const csv = lawFirmMattersCsv(matters);
      const rows = readCsv(csv);
      expect(csv.split('\n')[0]).toBe(LAW_FIRM_MATTERS_CSV_HEADER);
      expect(csv.endsWith('\n')).toBe(true);
      expect(rows).toHaveLength(matters.length + 1);
      expect(rows.slice(1)).toEqual(
        matters.map((m) => [
          m.clientNumber,
          m.clientName,
          m.matterNumber,
          m.matterName,
          m.status,
          m.closedDate,
          m.billable,
        ]),
      );
      expect(csv).toContain(
        '10234,"Halvorsen Marine Holdings, Inc.",001,General corporate,open,,yes',
      );
      expect(csv).toContain(
        `58213,Redstone Biologics LLC,002,Series B financing,closed,2026-03-16,yes`,
      );
    });
  });

  describe('expectedMatterOutcome', () => {
    const matters = lawFirmMatters({ closedDate: '2026-03-16' });
    // 2026-03-16 23:30 and 2026-03-17 00:30 in Denver (MDT, -06:00).
    const lastDayOpen = Date.parse('2026-03-17T05:30:00Z');
    const dayAfter = Date.parse('2026-03-17T06:30:00Z');
    const outcome = (accountCode: string | undefined, startMs = lastDayOpen) =>
      expectedMatterOutcome({ accountCode, startMs }, matters, ZONE);

    it('tells each way a code ends', () => {
      expect(outcome('10234-001')).toBe('valid');
      expect(outcome(' 10234-001 ')).toBe('valid');
      expect(outcome(undefined)).toBe('missing');
      expect(outcome('  ')).toBe('missing');
      expect(outcome('1023-01')).toBe('malformed');
      expect(outcome('10234001')).toBe('malformed');
      expect(outcome(LAW_FIRM_CODES.unknown)).toBe('unknown');
      expect(outcome('10243-001')).toBe('unknown');
      expect(outcome(LAW_FIRM_CODES.nonBillable)).toBe('non-billable');
      expect(outcome(LAW_FIRM_CODES.closed, lastDayOpen)).toBe('valid');
      expect(outcome(LAW_FIRM_CODES.closed, dayAfter)).toBe('closed');
    });

    it('knows the code meant by each typo', () => {
      expect(intendedAccountCode('10243-001')).toBe('10234-001');
      expect(intendedAccountCode('00417-021')).toBe('00417-012');
      expect(intendedAccountCode('10234-001')).toBeUndefined();
      expect(intendedAccountCode(undefined)).toBeUndefined();
    });

    it('over a month of attorneys calls, every outcome happens, typos among the unknown', () => {
      const calls = generateCalls({}, MARCH.fromMs, MARCH.toMs).filter(
        (c) => c.direction === 'Outbound' && /^\D+\([25]\d\d\)$/.test(c.agent),
      );
      const counts = countMatterOutcomes(calls, matters, ZONE);
      for (const o of MATTER_OUTCOMES) expect({ o, n: counts[o] > 0 }).toEqual({ o, n: true });
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(calls.length);
      const typos = calls.filter((c) => intendedAccountCode(c.accountCode) !== undefined);
      expect(typos.length).toBeGreaterThan(10);
      expect(typos.every((c) => expectedMatterOutcome(c, matters, ZONE) === 'unknown')).toBe(true);
      expect(new Set(typos.map((c) => c.accountCode)).size).toBe(TYPO_ACCOUNT_CODES.size);
      const malformed = calls.filter(
        (c) => expectedMatterOutcome(c, matters, ZONE) === 'malformed',
      );
      expect(malformed.every((c) => MALFORMED_ACCOUNT_CODES.includes(c.accountCode ?? ''))).toBe(
        true,
      );
      const closed = calls.filter((c) => c.accountCode === LAW_FIRM_CODES.closed);
      expect(closed.some((c) => c.startMs < MARCH.fromMs + 15 * DAY_MS)).toBe(true);
      expect(closed.some((c) => c.startMs > MARCH.fromMs + 17 * DAY_MS)).toBe(true);
    });
  });

  describe('lawFirmTimekeepers', () => {
    const timekeepers = lawFirmTimekeepers({ effectiveFrom: '2026-03-10' });
    const attorneys = SANDBOX_AGENTS.filter((a) => a.role === 'attorney');

    it('gives every attorney a timekeeper under the directory name, and one desk a new owner from a day', () => {
      expect(timekeepers).toHaveLength(attorneys.length + 1);
      for (const a of attorneys) {
        const first = timekeepers.find(
          (t) => t.extension === a.extension && t.effectiveFrom === '',
        );
        expect(first && `${first.name}(${first.extension})`).toBe(a.key);
      }
      expect(new Set(timekeepers.map((t) => t.timekeeperId)).size).toBe(timekeepers.length);
      expect(new Set(timekeepers.map((t) => t.classification))).toEqual(
        new Set(['PARTNER', 'ASSOCIATE', 'PARALEGAL']),
      );
      expect(timekeepers.filter((t) => t.effectiveFrom !== '')).toEqual([
        { extension: NEW_OWNER_EXTENSION, ...NEW_OWNER, effectiveFrom: '2026-03-10' },
      ]);
      expect(() => lawFirmTimekeepers({ effectiveFrom: 'soon' })).toThrow(/effectiveFrom/);
    });

    it('renders CSV with the import header', () => {
      const csv = lawFirmTimekeepersCsv(timekeepers);
      expect(csv.split('\n')[0]).toBe(LAW_FIRM_TIMEKEEPERS_CSV_HEADER);
      expect(csv).toContain('\n253,TK101,Spencer Porter,PARTNER,\n');
      expect(csv).toContain(`\n521,TK117,Imani Brooks,ASSOCIATE,2026-03-10\n`);
      expect(readCsv(csv)).toHaveLength(timekeepers.length + 1);
    });

    it('finds the owner of a desk on the day of a call', () => {
      const at = (iso: string, agent = 'Casey Moreno(521)') =>
        expectedTimekeeper({ agent, startMs: Date.parse(iso) }, timekeepers, ZONE)?.name;
      expect(at('2026-03-10T05:59:00Z')).toBe('Casey Moreno'); // 03-09 23:59 in Denver (MDT)
      expect(at('2026-03-10T06:00:00Z')).toBe('Imani Brooks');
      expect(at('2026-03-10T07:00:00Z', 'Spencer Porter(253)')).toBe('Spencer Porter');
      expect(at('2026-03-10T07:00:00Z', 'Room 1012(1012)')).toBeUndefined();
    });
  });
});
