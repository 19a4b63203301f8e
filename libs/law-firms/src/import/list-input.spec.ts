import { DomainError } from '@app/common';
import { MATTER_COLUMNS } from '../matters/matter-list';
import { MAX_IMPORT_ROWS, isCalendarDate, readCsvList, readJsonList } from './list-input';

const HEADER = MATTER_COLUMNS.join(',');

/** The 400 a call throws, as `{ message, details }`. */
function refusal(call: () => unknown): { message: string; details: DomainError['details'] } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(400);
    return { message: (error as DomainError).message, details: (error as DomainError).details };
  }
  throw new Error('expected a 400');
}

describe('readCsvList', () => {
  it('reads each row with its line in the file, skipping blank lines', () => {
    const csv = `${HEADER}\n10234,Acme,001,Lease,open,,yes\n\n10234,Acme,002,Suit,closed,2026-10-31,no\n`;
    const input = readCsvList(csv, MATTER_COLUMNS, 'matters');
    expect(input.format).toBe('csv');
    expect(input.rows.map((row) => row.where)).toEqual(['line 2', 'line 4']);
    expect(input.rows[1].values).toMatchObject({ matterNumber: '002', closedDate: '2026-10-31' });
  });

  it('reads quoted cells (commas, quotes, line breaks) and still names the line a row ends on', () => {
    const csv = `${HEADER}\r\n10234,"Acme, Inc.",001,"The ""big"" case",open,,yes\r\n\r\n10234,Acme,002,"Two\nlines",open,,yes\r\n10234,Acme,003,Three,open,,yes`;
    const input = readCsvList(csv, MATTER_COLUMNS, 'matters');
    expect(input.rows.map((row) => row.where)).toEqual(['line 2', 'line 5', 'line 6']);
    expect(input.rows[0].values).toMatchObject({
      clientName: 'Acme, Inc.',
      matterName: 'The "big" case',
    });
    expect(input.rows[1].values).toMatchObject({ matterName: 'Two\nlines' });
  });

  it('counts lines the same way with Windows line ends and a byte order mark', () => {
    const csv = `\uFEFF${HEADER}\r\n\r\n 10234 ,Acme,001,Lease,open,,yes\r\n`;
    const input = readCsvList(csv, MATTER_COLUMNS, 'matters');
    expect(input.rows).toEqual([
      { where: 'line 3', values: expect.objectContaining({ clientNumber: '10234' }) },
    ]);
  });

  it('names a missing column', () => {
    const csv = 'clientNumber,clientName,matterNumber,matterName,status,billable\n';
    expect(refusal(() => readCsvList(csv, MATTER_COLUMNS, 'matters')).details).toEqual([
      {
        field: 'line 1',
        message: `the header must be ${HEADER}: missing column closedDate`,
      },
    ]);
  });

  it('names a misspelled column as missing and unknown', () => {
    const csv = HEADER.replace('closedDate', 'closeDate') + '\n';
    const { message } = refusal(() => readCsvList(csv, MATTER_COLUMNS, 'matters'));
    expect(message).toContain('missing column closedDate; unknown column "closeDate"');
  });

  it('names an extra column, and columns in another order', () => {
    expect(
      refusal(() => readCsvList(`${HEADER},office\n`, MATTER_COLUMNS, 'matters')).message,
    ).toContain('unknown column "office"');
    const swapped = 'clientName,clientNumber,matterNumber,matterName,status,closedDate,billable';
    expect(refusal(() => readCsvList(swapped, MATTER_COLUMNS, 'matters')).message).toContain(
      'the columns are in another order',
    );
  });

  it('refuses an empty file by its header', () => {
    expect(refusal(() => readCsvList('', MATTER_COLUMNS, 'matters')).message).toContain(
      'missing column clientNumber',
    );
  });

  it('names every row with the wrong number of fields', () => {
    const csv = `${HEADER}\n10234,Acme,001,Lease,open,yes\n10234,Acme,002,Suit,open,,yes,extra\n`;
    expect(refusal(() => readCsvList(csv, MATTER_COLUMNS, 'matters')).details).toEqual([
      { field: 'line 2', message: `has 6 fields, expected 7 (${HEADER})` },
      { field: 'line 3', message: `has 8 fields, expected 7 (${HEADER})` },
    ]);
  });

  it(`takes ${MAX_IMPORT_ROWS} rows and refuses ${MAX_IMPORT_ROWS + 1}, naming the limit`, () => {
    const row = (i: number) =>
      `${10000 + Math.floor(i / 1000)},Client,${i % 1000},Matter,open,,yes`;
    const lines = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(i));
    const full = `${HEADER}\n${lines.join('\n')}\n`;
    expect(readCsvList(full, MATTER_COLUMNS, 'matters').rows).toHaveLength(MAX_IMPORT_ROWS);
    const over = `${full}99999,Client,1,Matter,open,,yes\n`;
    expect(refusal(() => readCsvList(over, MATTER_COLUMNS, 'matters')).details).toEqual([
      {
        field: 'file',
        message: `has more than ${MAX_IMPORT_ROWS} matters (the most one import takes): split the list, or ask for the limit to be raised`,
      },
    ]);
  });

  it('says what is wrong with CSV that does not parse', () => {
    const csv = `${HEADER}\n10234,"Acme,001,Lease,open,,yes\n`;
    expect(refusal(() => readCsvList(csv, MATTER_COLUMNS, 'matters')).details?.[0].field).toBe(
      'file',
    );
  });
});

describe('readJsonList', () => {
  it('names each row by its place, and refuses unknown and missing fields', () => {
    const body = {
      matters: [
        {
          clientNumber: '1',
          clientName: 'A',
          matterNumber: '1',
          matterName: 'M',
          status: 'open',
          billable: true,
        },
        {
          clientNumber: '1',
          clientName: 'A',
          matterNumber: '2',
          matterName: 'M',
          status: 'open',
          billable: true,
          colour: 'red',
        },
        { clientNumber: '1' },
        'x',
      ],
    };
    const { details } = refusal(() =>
      readJsonList(body, 'matters', MATTER_COLUMNS, ['closedDate']),
    );
    expect(details).toEqual([
      { field: 'matters.1', message: 'property colour should not exist' },
      { field: 'matters.2', message: 'clientName is missing' },
      { field: 'matters.2', message: 'matterNumber is missing' },
      { field: 'matters.2', message: 'matterName is missing' },
      { field: 'matters.2', message: 'status is missing' },
      { field: 'matters.2', message: 'billable is missing' },
      { field: 'matters.3', message: 'must be an object' },
    ]);
  });

  it('refuses a body without the list, or with more than the list', () => {
    expect(refusal(() => readJsonList({}, 'matters', MATTER_COLUMNS)).details).toEqual([
      { field: 'matters', message: 'matters must be an array' },
    ]);
    expect(
      refusal(() => readJsonList({ matters: [], extra: 1 }, 'matters', MATTER_COLUMNS)).details,
    ).toEqual([{ field: 'extra', message: 'property extra should not exist' }]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, () => {
    const matters = new Array<object>(MAX_IMPORT_ROWS + 1).fill({});
    expect(refusal(() => readJsonList({ matters }, 'matters', MATTER_COLUMNS)).message).toContain(
      `more than ${MAX_IMPORT_ROWS} matters`,
    );
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-01-01T00:00', false],
  ])('%s -> %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
