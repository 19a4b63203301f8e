import type { PerCallPlan } from '../plan/rate-plan';
import { onTableLine, parseRateTable, withRateTable } from './rate-table-csv';

const HEADER =
  'prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

const plan: PerCallPlan = {
  name: 'Hotel',
  kind: 'per-call',
  currency: 'USD',
  timezone: 'America/Denver',
  billingAccount: { by: 'extension', ranges: [{ from: '1001', to: '1999' }] },
  destinations: [
    { prefix: '911', class: 'emergency' },
    { prefix: '1', class: 'long-distance' },
    { prefix: '', class: 'satellite' },
  ],
  rates: {
    emergency: { free: true },
    'long-distance': {
      perMinute: '0.45',
      timeBands: [{ days: ['sat'], from: '00:00', to: '24:00', perMinute: '0.30' }],
    },
    satellite: { perMinute: '9.00' },
  },
};

function table(text: string) {
  const parsed = parseRateTable(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.table;
}

describe('rate table CSV', () => {
  it('replaces destinations and rates; known classes keep free and time bands; others go', () => {
    const merged = withRateTable(
      plan,
      table(
        csv(
          '911,emergency,,,,,,',
          '1,long-distance,1.00,0.39,60,6,,',
          '44,uk,2.00,1.10,60,60,3.00,',
        ),
      ),
    );
    expect(merged.destinations).toEqual([
      { prefix: '911', class: 'emergency' },
      { prefix: '1', class: 'long-distance' },
      { prefix: '44', class: 'uk' },
    ]);
    expect(merged.rates).toEqual({
      emergency: { free: true },
      'long-distance': {
        connectFee: '1.00',
        perMinute: '0.39',
        firstIncrementSeconds: 60,
        incrementSeconds: 6,
        timeBands: plan.rates['long-distance'].timeBands,
      },
      uk: {
        connectFee: '2.00',
        perMinute: '1.10',
        firstIncrementSeconds: 60,
        incrementSeconds: 60,
        minimumCharge: '3.00',
      },
    });
    expect(merged.name).toBe('Hotel');
    expect(plan.rates.satellite).toEqual({ perMinute: '9.00' }); // the input is not changed
  });

  it.each([
    ['a wrong header', 'prefix,class\n1,x', 'line 1', /the header must be/],
    ['no rows', HEADER, 'line 2', /no rates/],
    ['a short row', csv('1,long-distance,1.00'), 'line 2', /has 3 fields, expected 8/],
    ['a prefix with a letter', csv('1a,x,,,,,,'), 'line 2', /prefix must be digits/],
    ['a class named __proto__', csv('1,__proto__,,,,,,'), 'line 2', /class must be/],
    [
      'a money cell that is not decimal',
      csv('1,x,1.0.0,,,,,'),
      'line 2',
      /^connectFee must be a decimal string such as "12.50"$/,
    ],
    ['a negative money cell', csv('1,x,,-0.45,,,,'), 'line 2', /^perMinute must not be negative$/],
    [
      'seconds that are not whole',
      csv('1,x,,,1.5,,,'),
      'line 2',
      /firstIncrementSeconds must be a whole/,
    ],
    ['a prefix twice', csv('1,x,,,,,,', '1,y,,,,,,'), 'line 3', /already on line 2/],
    [
      'one class with two rates',
      csv('1,x,1.00,,,,,', '2,x,2.00,,,,,'),
      'line 3',
      /other rates on line 2/,
    ],
  ])('refuses %s, naming the line', (_label, text, field, message) => {
    const parsed = parseRateTable(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0].field).toBe(field);
    expect(parsed.errors[0].message).toMatch(message);
  });

  it('tells plan validation errors by the line they come from', () => {
    const t = table(csv('1,long-distance,1.00,0.45,60,6,,', '44,uk,1.005,1.20,60,60,,'));
    expect(
      onTableLine(t, {
        field: 'rates.uk.connectFee',
        message: 'has more than 2 decimals (USD)',
      }),
    ).toEqual({
      field: 'line 3',
      message: 'connectFee has more than 2 decimals (USD) (class uk)',
    });
    expect(onTableLine(t, { field: 'destinations.1.prefix', message: 'bad' })).toEqual({
      field: 'line 3',
      message: 'prefix bad',
    });
    expect(onTableLine(t, { field: 'taxes.0.name', message: 'x' })).toEqual({
      field: 'taxes.0.name',
      message: 'x',
    });
  });
});
