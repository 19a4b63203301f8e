import {
  firmSummaryPlan,
  grandHotelPlan,
  lawFirmPerCallPlan,
} from '../engine/fixtures/grand-hotel.plan';
import { diffPlans } from './plan-diff';
import type { PerCallPlan, Rate, TimeBand } from './rate-plan';

/** The hotel plan, changed by `edit` on a deep copy. */
const hotel = (edit: (plan: PerCallPlan) => void = () => undefined): PerCallPlan => {
  const plan = structuredClone(grandHotelPlan);
  edit(plan);
  return plan;
};

describe('diffPlans', () => {
  it('finds nothing between a plan and itself', () => {
    expect(diffPlans(hotel(), hotel())).toEqual({
      changes: [],
      summary: { added: 0, removed: 0, changed: 0 },
    });
  });

  it('finds nothing when only the order of rows, rates, keys or band days differs', () => {
    const reordered = hotel((plan) => {
      plan.destinations.reverse();
      plan.taxes!.push({ name: 'City tax', ratePercent: '1' });
      plan.rates = Object.fromEntries(Object.entries(plan.rates).reverse());
      plan.rates['long-distance'].timeBands![0].days = ['sun', 'sat'];
      plan.billingAccount = {
        prefix: 'ROOM-',
        ranges: [{ to: '1999', from: '1001' }],
        by: 'extension',
      };
    });
    const base = hotel((plan) => {
      plan.taxes!.unshift({ name: 'City tax', ratePercent: '1' });
    });
    expect(diffPlans(base, reordered).changes).toEqual([]);
  });

  it('shows a destination inserted in the middle as one added row, not a shifted table', () => {
    const after = hotel((plan) =>
      plan.destinations.splice(3, 0, { prefix: '1720', class: 'local' }),
    );
    expect(diffPlans(hotel(), after)).toEqual({
      changes: [
        {
          section: 'destinations',
          kind: 'added',
          key: '1720',
          after: { prefix: '1720', class: 'local' },
        },
      ],
      summary: { added: 1, removed: 0, changed: 0 },
    });
  });

  it('shows a removed row whole, and a changed field with its values before and after', () => {
    const after = hotel((plan) => {
      plan.destinations = plan.destinations.filter((d) => d.prefix !== '44');
      plan.destinations.find((d) => d.prefix === '1303')!.class = 'long-distance';
      plan.rates['long-distance'].perMinute = '0.50';
      plan.rates['long-distance'].maximumCharge = '100.00';
      delete plan.rates.uk.minimumCharge;
    });
    expect(diffPlans(hotel(), after).changes).toEqual([
      {
        section: 'destinations',
        kind: 'changed',
        key: '1303',
        field: 'class',
        before: 'local',
        after: 'long-distance',
      },
      {
        section: 'destinations',
        kind: 'removed',
        key: '44',
        before: { prefix: '44', class: 'uk' },
      },
      {
        section: 'rates',
        kind: 'changed',
        key: 'long-distance',
        field: 'maximumCharge',
        after: '100.00',
      },
      {
        section: 'rates',
        kind: 'changed',
        key: 'long-distance',
        field: 'perMinute',
        before: '0.45',
        after: '0.50',
      },
      { section: 'rates', kind: 'changed', key: 'uk', field: 'minimumCharge', before: '3.00' },
    ]);
  });

  it('lists a new rate class and its time bands, and changes of a band by its days and hours', () => {
    const weekend: TimeBand = {
      days: ['sat', 'sun'],
      from: '00:00',
      to: '24:00',
      perMinute: '0.90',
    };
    const mobile: Rate = { connectFee: '1.00', perMinute: '1.10', timeBands: [{ ...weekend }] };
    const after = hotel((plan) => {
      plan.rates.mobile = mobile;
      const longDistance = plan.rates['long-distance'];
      longDistance.timeBands![0].perMinute = '0.25';
      longDistance.timeBands!.push({
        days: ['mon'],
        from: '00:00',
        to: '06:00',
        perMinute: '0.20',
      });
    });
    const { changes, summary } = diffPlans(hotel(), after);
    expect(changes).toEqual([
      {
        section: 'rates',
        kind: 'added',
        key: 'mobile',
        after: { connectFee: '1.00', perMinute: '1.10' },
      },
      {
        section: 'timeBands',
        kind: 'added',
        key: 'long-distance: mon 00:00-06:00',
        after: { days: ['mon'], from: '00:00', to: '06:00', perMinute: '0.20' },
      },
      {
        section: 'timeBands',
        kind: 'changed',
        key: 'long-distance: sat,sun 00:00-24:00',
        field: 'perMinute',
        before: '0.30',
        after: '0.25',
      },
      { section: 'timeBands', kind: 'added', key: 'mobile: sat,sun 00:00-24:00', after: weekend },
    ]);
    expect(summary).toEqual({ added: 3, removed: 0, changed: 1 });
  });

  it('shows bands listed in another order as a change of order: the first band that covers a call wins', () => {
    const evening = { days: ['mon' as const], from: '18:00', to: '24:00', perMinute: '0.35' };
    const before = hotel((plan) => plan.rates['long-distance'].timeBands!.push(evening));
    const after = hotel((plan) => plan.rates['long-distance'].timeBands!.unshift(evening));
    expect(diffPlans(before, after).changes).toEqual([
      {
        section: 'timeBands',
        kind: 'changed',
        key: 'long-distance',
        field: 'order',
        before: ['long-distance: sat,sun 00:00-24:00', 'long-distance: mon 18:00-24:00'],
        after: ['long-distance: mon 18:00-24:00', 'long-distance: sat,sun 00:00-24:00'],
      },
    ]);
  });

  it('compares nested settings one value at a time, each group in its own section', () => {
    const after = hotel((plan) => {
      plan.timezone = 'America/Chicago';
      plan.markupPercent = '5';
      delete plan.gracePeriodSeconds;
      delete plan.dialPlan!.accessCode;
      plan.dialPlan!.areaCode = '720';
      plan.billingAccount = {
        by: 'extension',
        ranges: [
          { from: '1001', to: '1999' },
          { from: '2001', to: '2099' },
        ],
        prefix: 'RM-',
      };
      plan.ledes = { invoiceDescription: 'Guest telephone' };
      plan.taxes![0].ratePercent = '6.5';
    });
    expect(diffPlans(hotel(), after).changes).toEqual([
      { section: 'settings', kind: 'removed', key: 'gracePeriodSeconds', before: 30 },
      { section: 'settings', kind: 'changed', key: 'markupPercent', before: '0', after: '5' },
      {
        section: 'settings',
        kind: 'changed',
        key: 'timezone',
        before: 'America/Denver',
        after: 'America/Chicago',
      },
      { section: 'dialPlan', kind: 'removed', key: 'accessCode', before: '9' },
      { section: 'dialPlan', kind: 'changed', key: 'areaCode', before: '303', after: '720' },
      { section: 'billingAccount', kind: 'changed', key: 'prefix', before: 'ROOM-', after: 'RM-' },
      {
        section: 'extensionRanges',
        kind: 'added',
        key: '2001-2099',
        after: { from: '2001', to: '2099' },
      },
      {
        section: 'taxes',
        kind: 'changed',
        key: 'State sales tax',
        field: 'ratePercent',
        before: '6.25',
        after: '6.5',
      },
      { section: 'ledes', kind: 'added', key: 'invoiceDescription', after: 'Guest telephone' },
    ]);
  });

  it('follows a change of how accounts are billed: one value changed, others gone or new', () => {
    expect(diffPlans(grandHotelPlan, lawFirmPerCallPlan).changes).toEqual([
      {
        section: 'settings',
        kind: 'changed',
        key: 'name',
        before: 'Grand Hotel guest calls',
        after: 'Firm per-call recovery',
      },
      {
        section: 'billingAccount',
        kind: 'changed',
        key: 'by',
        before: 'extension',
        after: 'accountCode',
      },
      {
        section: 'billingAccount',
        kind: 'added',
        key: 'pattern',
        after: '^(?<client>\\d{5})-(?<matter>\\d{3})$',
      },
      { section: 'billingAccount', kind: 'removed', key: 'prefix', before: 'ROOM-' },
      {
        section: 'extensionRanges',
        kind: 'removed',
        key: '1001-1999',
        before: { from: '1001', to: '1999' },
      },
      { section: 'ledes', kind: 'added', key: 'invoiceDescription', after: 'Telephone charges' },
      { section: 'ledes', kind: 'added', key: 'lawFirmId', after: '24-6437381' },
    ]);
  });

  it('compares account-summary plans: the summary rate and the overrides by account code', () => {
    const after = structuredClone(firmSummaryPlan);
    after.summaryRate.perMinute = '0.30';
    after.accounts = [
      { accountCode: '10234-002', perCall: '0' },
      { accountCode: '10234-001', perMinute: '0.20' },
    ];
    expect(diffPlans(firmSummaryPlan, after).changes).toEqual([
      { section: 'summaryRate', kind: 'changed', key: 'perMinute', before: '0.25', after: '0.30' },
      {
        section: 'accounts',
        kind: 'changed',
        key: '10234-001',
        field: 'perMinute',
        before: '0.15',
        after: '0.20',
      },
      {
        section: 'accounts',
        kind: 'added',
        key: '10234-002',
        after: { accountCode: '10234-002', perCall: '0' },
      },
    ]);
  });

  it('reads backwards as the same changes, added and removed swapped', () => {
    const after = hotel((plan) => {
      plan.destinations.push({ prefix: '33', class: 'international' });
      plan.rates.local.connectFee = '0.50';
    });
    const forward = diffPlans(hotel(), after);
    const backward = diffPlans(after, hotel());
    expect(backward.summary).toEqual({ added: 0, removed: 1, changed: 1 });
    expect(backward.changes).toEqual(
      forward.changes.map(({ kind, before, after: value, ...rest }) => ({
        ...rest,
        kind: kind === 'added' ? 'removed' : kind === 'removed' ? 'added' : kind,
        ...(value === undefined ? {} : { before: value }),
        ...(before === undefined ? {} : { after: before }),
      })),
    );
  });

  it('diffs two rate tables of 10,000 rows, reordered, well within 2 s', () => {
    const rows = 10_000;
    const carrier = (edit: (index: number, rate: Rate) => Rate | null): PerCallPlan => {
      const destinations: PerCallPlan['destinations'] = [];
      const rates: PerCallPlan['rates'] = {};
      for (let i = 0; i < rows; i += 1) {
        const prefix = String(100_000 + i * 7);
        const rate = edit(i, { connectFee: '0.10', perMinute: (0.01 + i / 1e6).toFixed(6) });
        if (rate === null) continue;
        destinations.push({ prefix, class: `c${prefix}` });
        rates[`c${prefix}`] = rate;
      }
      return { ...hotel(), destinations, rates };
    };
    const before = carrier((_i, rate) => rate);
    // 100 rows repriced, 50 gone; then 50 new ones in between, and the whole table reversed.
    const after = carrier((i, rate) =>
      i % 100 === 0 ? { ...rate, perMinute: '0.5' } : i % 200 === 1 ? null : rate,
    );
    for (let i = 0; i < 50; i += 1) {
      const prefix = String(100_000 + i * 7 * 200 + 3);
      after.destinations.splice(i * 150, 0, { prefix, class: `c${prefix}` });
      after.rates[`c${prefix}`] = { perMinute: '0.02' };
    }
    after.destinations.reverse();

    const started = performance.now();
    const { summary } = diffPlans(before, after);
    const elapsedMs = performance.now() - started;
    // Rows: 50 destinations and their rates removed, 50 of each added; 100 rates changed.
    expect(summary).toEqual({ added: 100, removed: 100, changed: 100 });
    expect(elapsedMs).toBeLessThan(2000);
  });
});
