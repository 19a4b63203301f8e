import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

/** Now: 03:00 UTC on 2026-03-31 is 21:00 on the 30th in Denver and 04:00 on the 31st in London. */
const NOW = Date.parse('2026-03-31T03:00:00Z');
const denver = (text: string) => Date.parse(`${text}-06:00`); // daylight time from 2026-03-08
const london = (text: string) => Date.parse(`${text}+01:00`); // summer time from 2026-03-29

describe('the overview (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let hotel: Seeded;
  let office: Seeded;
  let idleId: number;
  let viewerKey: string;

  beforeAll(async () => {
    t = await createTestApp({}, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => NOW }),
    );
    db = t.app.get(DataSource);
    hotel = await seedSource(t, 'Grand Hotel');
    office = await seedSource(
      t,
      'London Office',
      { ...samplePlan('grand-hotel'), currency: 'GBP', timezone: 'Europe/London' },
      { timezone: 'Europe/London' },
    );
    idleId = (await seedSource(t, 'Spa')).sourceId;
    await seedItems(db, hotel, [
      // 23:30 on the 2nd in Denver is 06:30 UTC on the 3rd: it is the 2nd's call.
      { startTimeMs: Date.parse('2026-03-02T23:30:00-07:00'), amountMinor: 150 },
      { startTimeMs: denver('2026-03-10T09:00:00'), amountMinor: 500, status: 'approved' },
      { startTimeMs: denver('2026-03-10T10:00:00'), amountMinor: 200, status: 'rejected' },
      { startTimeMs: denver('2026-03-10T11:00:00'), amountMinor: 0, status: 'no-charge' },
      {
        startTimeMs: denver('2026-03-10T12:00:00'),
        amountMinor: 900,
        status: 'needs-review',
        billingAccount: null,
        destinationClass: 'international',
      },
      { startTimeMs: denver('2026-03-12T08:00:00'), amountMinor: 300, billingAccount: 'ROOM-1013' },
      { startTimeMs: denver('2026-03-12T08:30:00'), amountMinor: 300, billingAccount: 'ROOM-1014' },
      { startTimeMs: denver('2026-03-12T09:00:00'), amountMinor: 300, billingAccount: 'ROOM-1014' },
    ]);
    await seedItems(db, office, [
      // 00:30 on the 30th in London is 23:30 UTC on the 29th.
      {
        startTimeMs: london('2026-03-30T00:30:00'),
        amountMinor: 1200,
        currency: 'GBP',
        billingAccount: 'DESK-7',
      },
      {
        startTimeMs: london('2026-03-10T09:00:00') - 3_600_000,
        amountMinor: 50,
        currency: 'GBP',
        billingAccount: 'DESK-7',
        status: 'approved',
      },
    ]);
    const viewer = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Night audit screen', role: 'viewer' })
      .expect(201);
    viewerKey = viewer.body.key;
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const get = (path: string, key = t.adminKey) =>
    http()
      .get(`/api/v1/overview${path}`)
      .set(...bearer(key));
  const usd = (amountMinor: number) => ({
    currency: 'USD',
    amountMinor,
    amount: (amountMinor / 100).toFixed(2),
  });
  const gbp = (amountMinor: number) => ({ ...usd(amountMinor), currency: 'GBP' });

  describe('GET /overview/daily', () => {
    it('gives every day of the range, days without calls included, on the local day of each call', async () => {
      const res = await get(
        `/daily?from=2026-03-01&to=2026-03-04&sourceId=${hotel.sourceId}`,
      ).expect(200);
      expect(res.body).toEqual({
        from: '2026-03-01',
        to: '2026-03-04',
        sourceId: hotel.sourceId,
        days: [
          { date: '2026-03-01', calls: 0, byCurrency: [] },
          { date: '2026-03-02', calls: 1, byCurrency: [usd(150)] },
          { date: '2026-03-03', calls: 0, byCurrency: [] },
          { date: '2026-03-04', calls: 0, byCurrency: [] },
        ],
      });
    });

    it('counts every call and bills all but rejected and no-charge items; currencies apart', async () => {
      const res = await get('/daily?from=2026-03-10&to=2026-03-10').expect(200);
      expect(res.body.days).toEqual([
        // 500 approved + 900 needs review; the rejected 200 and the free call are counted, not billed.
        { date: '2026-03-10', calls: 5, byCurrency: [gbp(50), usd(1400)] },
      ]);
    });

    it("reads each source's days in its own zone: the London call after midnight is the 30th's", async () => {
      const res = await get(`/daily?from=2026-03-29&to=2026-03-30&sourceId=${office.sourceId}`);
      expect(res.body.days).toEqual([
        { date: '2026-03-29', calls: 0, byCurrency: [] },
        { date: '2026-03-30', calls: 1, byCurrency: [gbp(1200)] },
      ]);
    });

    it("defaults to the 30 days that end today, today being the source's (or the default business's)", async () => {
      const denverDays = await get(`/daily?sourceId=${hotel.sourceId}`).expect(200);
      expect(denverDays.body).toMatchObject({ from: '2026-03-01', to: '2026-03-30' });
      expect(denverDays.body.days).toHaveLength(30);
      const londonDays = await get(`/daily?sourceId=${office.sourceId}`).expect(200);
      expect(londonDays.body).toMatchObject({ from: '2026-03-02', to: '2026-03-31' });
      // The default business's zone is UTC here.
      const all = await get('/daily').expect(200);
      expect(all.body).toMatchObject({ from: '2026-03-02', to: '2026-03-31', sourceId: null });
      const ending = await get('/daily?to=2026-02-10').expect(200);
      expect(ending.body).toMatchObject({ from: '2026-01-12', to: '2026-02-10' });
      const year = await get('/daily?from=2024-01-01&to=2024-12-31').expect(200);
      expect(year.body.days).toHaveLength(366);
    });

    it.each([
      ['from=2026-3-1', 'from', 'from must be a date such as 2026-03-02'],
      ['from=2026-03-01T00:00:00Z', 'from', 'from must be a date such as 2026-03-02'],
      ['to=soon', 'to', 'to must be a date such as 2026-03-02'],
      ['from=2026-02-30', 'from', 'from 2026-02-30 is not a day of the calendar'],
      ['from=2026-03-05&to=2026-03-04', 'to', 'to 2026-03-04 is before from 2026-03-05'],
      [
        'from=2025-01-01&to=2026-01-02',
        'from',
        'from 2025-01-01 to 2026-01-02 is 367 days: at most 366',
      ],
      [
        'sourceId=abc',
        'sourceId',
        'sourceId must not be less than 1; sourceId must be an integer number',
      ],
      ['sourceId=999', 'sourceId', 'sourceId 999 names no source'],
      ['day=2026-03-01', 'day', 'property day should not exist'],
    ])('answers 400 naming the parameter: %s', async (query, field, message) => {
      const res = await get(`/daily?${query}`).expect(400);
      expect(res.body.details).toEqual([{ field, message }]);
    });
  });

  describe('GET /overview/top', () => {
    it('ranks billing accounts by their largest amount, then calls, then name', async () => {
      const res = await get(`/top?by=billing-account&from=2026-03-01&to=2026-03-31`).expect(200);
      expect(res.body).toEqual({
        by: 'billing-account',
        from: '2026-03-01',
        to: '2026-03-31',
        sourceId: null,
        rows: [
          // 12.50 GBP is the largest amount written (no exchange rates).
          { key: 'DESK-7', label: 'DESK-7', calls: 2, byCurrency: [gbp(1250)] },
          { key: null, label: 'No billing account', calls: 1, byCurrency: [usd(900)] },
          // 1.50 + 5.00; the rejected 2.00 and the free call count as calls only.
          { key: 'ROOM-1012', label: 'ROOM-1012', calls: 4, byCurrency: [usd(650)] },
          { key: 'ROOM-1014', label: 'ROOM-1014', calls: 2, byCurrency: [usd(600)] },
          { key: 'ROOM-1013', label: 'ROOM-1013', calls: 1, byCurrency: [usd(300)] },
        ],
      });
    });

    it("keeps to one source's days and to `limit` rows", async () => {
      const res = await get(
        `/top?by=billing-account&from=2026-03-12&to=2026-03-12&sourceId=${hotel.sourceId}&limit=1`,
      ).expect(200);
      // That day ROOM-1014 bills 6.00 (two calls), ROOM-1013 3.00.
      expect(res.body.rows).toEqual([
        { key: 'ROOM-1014', label: 'ROOM-1014', calls: 2, byCurrency: [usd(600)] },
      ]);
    });

    it('ranks destinations as a person reads them: class and prefix', async () => {
      const res = await get(`/top?by=destination&from=2026-03-01&to=2026-03-31`).expect(200);
      expect(res.body.rows).toEqual([
        {
          key: 'long-distance:1',
          label: 'Long distance +1',
          calls: 9,
          byCurrency: [gbp(1250), usd(1550)],
        },
        { key: 'international:1', label: 'International +1', calls: 1, byCurrency: [usd(900)] },
      ]);
    });

    it.each([
      ['', 'by', 'by must be one of billing-account, destination'],
      ['by=room', 'by', 'by must be one of billing-account, destination'],
      ['by=destination&limit=0', 'limit', 'limit must not be less than 1'],
      ['by=destination&limit=101', 'limit', 'limit must not be greater than 100'],
      [
        'by=destination&from=2026-04-01&to=2026-03-01',
        'to',
        'to 2026-03-01 is before from 2026-04-01',
      ],
    ])('answers 400 naming the parameter: %s', async (query, field, message) => {
      const res = await get(`/top?${query}`).expect(400);
      expect(res.body.details).toEqual([{ field, message }]);
    });
  });

  describe('GET /overview/sources', () => {
    beforeAll(async () => {
      // Twelve runs of the hotel, one an hour; the last ten hold two failures and 3 + 4 bad rows.
      for (let n = 1; n <= 12; n++) {
        const startedAtMs = NOW - (13 - n) * 3_600_000;
        const failed = n === 3 || n === 8 || n === 11;
        await db.query(
          `INSERT INTO sync_runs (source_id, status, trigger, from_ms, to_ms, fetched, inserted,
             rated, errors, messages_json, started_at_ms, finished_at_ms)
           VALUES (?, ?, 'schedule', ?, ?, 100, 90, 40, ?, ?, ?, ?)`,
          [
            hotel.sourceId,
            failed ? 'failed' : 'succeeded',
            startedAtMs - 86_400_000,
            startedAtMs - 900_000,
            n === 1 ? 50 : n === 5 ? 3 : n === 12 ? 4 : 0,
            failed ? '["2026-03-30: Xima answered 503"]' : '[]',
            startedAtMs,
            startedAtMs + 4_000,
          ],
        );
      }
      await db.query(`UPDATE sources SET watermark_ms = ? WHERE id = ?`, [
        NOW - 1_500_000,
        hotel.sourceId,
      ]);
      await db.query(
        `INSERT INTO sync_runs (source_id, status, trigger, from_ms, to_ms, messages_json, started_at_ms)
         VALUES (?, 'running', 'manual', ?, ?, '[]', ?)`,
        [office.sourceId, NOW - 86_400_000, NOW - 900_000, NOW - 60_000],
      );
    });

    it("gives each source's last run, lag, recent errors and what waits for review", async () => {
      const res = await get('/sources', viewerKey).expect(200);
      expect(res.body.asOf).toBe('2026-03-31T03:00:00.000Z');
      const [grand, londonOffice, spa] = res.body.sources;
      expect(grand).toEqual({
        sourceId: hotel.sourceId,
        name: 'Grand Hotel',
        timeZone: 'America/Denver',
        enabled: true,
        watermark: '2026-03-31T02:35:00.000Z',
        lagSeconds: 1500,
        lastRun: {
          id: expect.any(Number),
          status: 'succeeded',
          trigger: 'schedule',
          from: '2026-03-30T02:00:00.000Z',
          to: '2026-03-31T01:45:00.000Z',
          startedAt: '2026-03-31T02:00:00.000Z',
          finishedAt: '2026-03-31T02:00:04.000Z',
          fetched: 100,
          rated: 40,
          errors: 4,
          error: null,
        },
        // Runs 3 to 12: the first run's 50 bad rows are older than the last ten.
        recentRuns: { total: 10, failed: 3, unreadableRows: 7 },
        // 1.50 and 3 x 3.00 pending, 9.00 needing review (no billing account).
        pending: { items: 5, needsReview: 1, byCurrency: [usd(150 + 900 + 900)] },
      });
      expect(londonOffice).toMatchObject({
        name: 'London Office',
        timeZone: 'Europe/London',
        watermark: null,
        lagSeconds: null,
        lastRun: { status: 'running', trigger: 'manual', finishedAt: null, error: null },
        recentRuns: { total: 1, failed: 0, unreadableRows: 0 },
        pending: { items: 1, needsReview: 0, byCurrency: [gbp(1200)] },
      });
      expect(spa).toEqual({
        sourceId: idleId,
        name: 'Spa',
        timeZone: 'America/Denver',
        enabled: true,
        watermark: null,
        lagSeconds: null,
        lastRun: null,
        recentRuns: { total: 0, failed: 0, unreadableRows: 0 },
        pending: { items: 0, needsReview: 0, byCurrency: [] },
      });
    });

    it("names a failed run's reason", async () => {
      await db.query(
        `UPDATE sync_runs SET status = 'failed', messages_json = '["2026-03-30: Xima answered 503"]'
         WHERE id = (SELECT max(id) FROM sync_runs WHERE source_id = ?)`,
        [hotel.sourceId],
      );
      const res = await get('/sources').expect(200);
      expect(res.body.sources[0].lastRun).toMatchObject({
        status: 'failed',
        error: '2026-03-30: Xima answered 503',
      });
      expect(res.body.sources[0].recentRuns).toEqual({ total: 10, failed: 4, unreadableRows: 7 });
    });
  });

  it('needs a key or a session, and a viewer may read every route', async () => {
    for (const path of ['/sources', '/daily', '/top?by=destination']) {
      await http().get(`/api/v1/overview${path}`).expect(401);
      await get(path, viewerKey).expect(200);
    }
  });
});
