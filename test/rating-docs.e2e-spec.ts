import request from 'supertest';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

/** Every worked example of docs/rating.md, through the real API. */
describe('docs/rating.md examples (e2e)', () => {
  let t: TestApp;
  const planIds: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const name of ['grand-hotel', 'porter-lane-calls', 'porter-lane-summary']) {
      const res = await request(t.app.getHttpServer())
        .post('/api/v1/rate-plans')
        .set(...bearer(t.adminKey))
        .send(samplePlan(name))
        .expect(201);
      planIds[name] = res.body.id;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const quote = async (plan: string, records: object[]) => {
    const res = await request(t.app.getHttpServer())
      .post(`/api/v1/rate-plans/${planIds[plan]}/quote`)
      .set(...bearer(t.adminKey))
      .send({ records })
      .expect(200);
    return res.body.results as Record<string, unknown>[];
  };

  const TUESDAY = '2026-03-10T14:05:00-06:00';
  const SATURDAY = '2026-03-14T14:05:00-06:00';
  const room = (dialedNumber: string, talkMs: number, startTime = TUESDAY, extension = '1012') => ({
    callId: `${dialedNumber}@${startTime}/${talkMs}`,
    startTime,
    direction: 'outbound',
    extension,
    dialedNumber,
    talkMs,
  });

  it.each([
    [
      'long distance, Tuesday, 61 s',
      room('9 (212) 555-0100', 61_000),
      'long-distance',
      66,
      '1.50',
      '0.09',
      '1.59',
    ],
    [
      'long distance, Saturday band, 61 s',
      room('9 (212) 555-0100', 61_000, SATURDAY),
      'long-distance',
      66,
      '1.33',
      '0.08',
      '1.41',
    ],
    ['local, 5 min', room('9-303-555-0100', 300_000), 'local', 300, '0.75', '0.05', '0.80'],
    ['local, 7 digits, 61 s', room('9 555-0100', 61_000), 'local', 120, '0.75', '0.05', '0.80'],
    [
      'UK, 30.5 s, over the minimum',
      room('9 011 44 20 7946 0000', 30_500),
      'uk',
      60,
      '3.20',
      '0.20',
      '3.40',
    ],
    [
      'France, 12 min 5 s',
      room('9 011 33 1 42 68 53 00', 725_000),
      'international',
      780,
      '34.50',
      '2.16',
      '36.66',
    ],
    [
      'France, 70 min, capped',
      room('9 011 33 1 42 68 53 00', 4_200_000),
      'international',
      4200,
      '150.00',
      '9.38',
      '159.38',
    ],
  ])('hotel: %s', async (_name, record, destinationClass, billedSeconds, amount, tax, total) => {
    const [result] = await quote('grand-hotel', [record]);
    expect(result).toMatchObject({
      status: 'pending',
      billingAccount: 'ROOM-1012',
      destinationClass,
      billedSeconds,
      amount,
      taxes: [{ name: 'State sales tax', ratePercent: '6.25', amount: tax }],
      total,
      currency: 'USD',
      ratePlanVersion: 1,
    });
  });

  it('hotel: the explanation shows the arithmetic of the first example', async () => {
    const [result] = await quote('grand-hotel', [room('9 (212) 555-0100', 61_000)]);
    expect(result.normalizedNumber).toBe('12125550100');
    expect(result.charge).toBe('1.495');
    expect(result.explanation).toEqual(expect.stringContaining('1.495'));
    expect(result.explanation).toEqual(expect.stringContaining('1.50'));
  });

  it('hotel: 411 and *67 wait for a person, unless nothing was billed', async () => {
    const results = await quote('grand-hotel', [
      room('411', 45_000),
      room('*67 212 555 0100', 120_000),
      room('411', 0),
      room('*67', 20_000),
    ]);
    expect(results[0]).toMatchObject({
      status: 'needs-review',
      reason: 'unroutable-number',
      normalizedNumber: '411',
      destinationClass: null,
      amount: '0.00',
    });
    expect(results[1]).toMatchObject({
      status: 'needs-review',
      reason: 'feature-code',
      destinationClass: null,
      amount: '0.00',
    });
    expect(results[2]).toMatchObject({ status: 'no-charge', reason: 'unanswered' });
    expect(results[3]).toMatchObject({ status: 'no-charge', reason: 'grace' });
  });

  it('hotel: grace, free and house phones', async () => {
    const results = await quote('grand-hotel', [
      room('9 (212) 555-0100', 29_000),
      room('9911', 120_000),
      room('9 (212) 555-0100', 300_000, TUESDAY, '200'),
    ]);
    expect(results[0]).toMatchObject({
      status: 'no-charge',
      reason: 'grace',
      amount: '0.00',
      total: '0.00',
    });
    expect(results[1]).toMatchObject({
      status: 'no-charge',
      reason: 'free-destination',
      destinationClass: 'emergency',
      amount: '0.00',
    });
    expect(results[2]).toEqual({
      callId: expect.any(String),
      status: 'not-billable',
      reason: 'not-a-billing-extension',
    });
  });

  const attorney = (accountCode: string | undefined, dialedNumber: string, talkMs: number) => ({
    startTime: TUESDAY,
    direction: 'outbound',
    extension: '253',
    dialedNumber,
    talkMs,
    ...(accountCode === undefined ? {} : { accountCode }),
  });

  it.each([
    [
      'code 10234-001, 4 min 10 s',
      attorney('10234-001', '9 (212) 555-0100', 250_000),
      'pending',
      null,
      '10234-001',
      252,
      '0.39',
    ],
    [
      'no code',
      attorney(undefined, '9 (212) 555-0100', 250_000),
      'needs-review',
      'missing-account-code',
      null,
      252,
      '0.39',
    ],
    [
      'malformed code',
      attorney('1023-01', '9 (212) 555-0100', 250_000),
      'needs-review',
      'unknown-account-code',
      null,
      252,
      '0.39',
    ],
    [
      'Germany, 40 s, over the minimum',
      attorney('10234-001', '9 011 49 30 1234567', 40_000),
      'pending',
      null,
      '10234-001',
      60,
      '1.10',
    ],
  ])(
    'law firm per call: %s',
    async (_name, record, status, reason, billingAccount, billedSeconds, amount) => {
      const [result] = await quote('porter-lane-calls', [record]);
      expect(result).toMatchObject({
        status,
        reason,
        billedSeconds,
        amount,
        total: amount,
        taxes: [],
      });
      if (billingAccount) expect(result.billingAccount).toBe(billingAccount);
    },
  );

  it('law firm summary: per-account override and increments', async () => {
    const period = {
      periodStart: '2026-03-01T00:00:00-07:00',
      periodEnd: '2026-04-01T00:00:00-06:00',
    };
    const results = await quote('porter-lane-summary', [
      { accountCode: '10234-001', calls: 37, totalTalkMs: 7_980_000, ...period },
      { accountCode: '10234-002', calls: 5, totalTalkMs: 1_234_567, ...period },
    ]);
    expect(results[0]).toMatchObject({
      billingAccount: '10234-001',
      calls: 37,
      billedSeconds: 7980,
      amount: '23.65',
      total: '23.65',
    });
    expect(results[1]).toMatchObject({
      billingAccount: '10234-002',
      calls: 5,
      billedSeconds: 1260,
      amount: '5.75',
      total: '5.75',
    });
  });
});
