import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

/**
 * Dates as people type them (decision 0020): every date filter and period takes a plain date,
 * the midnight that starts it in the source's or business's zone, besides an instant with an
 * offset; views and exports carry the local time next to the UTC instant.
 *
 * The default business is in Asia/Tokyo; the hotel and its source in America/Denver, where
 * 2026-03-08 (clocks forward) is 23 hours long and 2026-11-01 (clocks back) 25.
 */
const FORMS = 'a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)';
const at = (iso: string) => Date.parse(iso);

// Around Denver's 2026-03-08 (MST -07:00 until 09:00 UTC, then MDT -06:00).
const MARCH = {
  a: at('2026-03-08T06:59:59.999Z'), // 2026-03-07 23:59:59.999 MST
  b: at('2026-03-08T07:00:00.000Z'), // 2026-03-08 00:00 MST: the day's first instant
  c: at('2026-03-09T05:59:59.999Z'), // 2026-03-08 23:59:59.999 MDT: its last
  d: at('2026-03-09T06:00:00.000Z'), // 2026-03-09 00:00 MDT
};
// Around Denver's November 2026 (clocks back on the 1st at 02:00 MDT).
const NOVEMBER = {
  before: at('2026-11-01T05:59:59.999Z'), // 2026-10-31 23:59:59.999 MDT
  first: at('2026-11-01T06:00:00.000Z'), // 2026-11-01 00:00 MDT
  last: at('2026-12-01T06:59:59.999Z'), // 2026-11-30 23:59:59.999 MST
  after: at('2026-12-01T07:00:00.000Z'), // 2026-12-01 00:00 MST
};

interface Item {
  id: number;
  startTime: string;
  localStartTime: string;
  status: string;
}

describe('dates as people type them (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let hotel: Seeded;
  let hotelBusinessId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({});
    db = t.app.get(DataSource);
    const [{ id: defaultId }] = await db.query<{ id: number }[]>(
      'SELECT id FROM businesses WHERE is_default = 1',
    );
    await http()
      .patch(`/api/v1/businesses/${defaultId}`)
      .set(...bearer(t.adminKey))
      .send({ timezone: 'Asia/Tokyo' })
      .expect(200);
    const business = await http()
      .post('/api/v1/businesses')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Grand Hotel Denver',
        kind: 'hotel',
        timezone: 'America/Denver',
        invoicePrefix: 'GH',
      })
      .expect(201);
    hotelBusinessId = business.body.id;
    hotel = await seedSource(t, 'Grand Hotel', samplePlan('grand-hotel'), {
      businessId: hotelBusinessId,
    });
    const seeded = await seedItems(db, hotel, [
      ...Object.values(MARCH).map((startTimeMs) => ({ startTimeMs, billingAccount: 'ROOM-1012' })),
      ...Object.values(NOVEMBER).map((startTimeMs) => ({
        startTimeMs,
        billingAccount: 'ROOM-2000',
        status: 'approved',
      })),
    ]);
    [...Object.keys(MARCH), ...Object.keys(NOVEMBER)].forEach((name, i) => {
      ids[name] = seeded[i];
    });
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const list = async (query: Record<string, string | number>): Promise<Item[]> =>
    (
      await http()
        .get('/api/v1/line-items')
        .query({ ...query, limit: 1000 })
        .set(...bearer(t.adminKey))
        .expect(200)
    ).body.items as Item[];
  const idsOf = (items: { id: number }[]) => items.map((item) => item.id);
  const named = (...names: string[]) => names.map((name) => ids[name]);
  /** What a refusal must leave as it was. */
  const ledgerState = () =>
    db.query(`SELECT
      (SELECT count(*) FROM line_items) AS items,
      (SELECT sum(version) FROM line_items) AS versions,
      (SELECT count(*) FROM invoices) AS invoices,
      (SELECT count(*) FROM audit_events) AS events,
      (SELECT count(*) FROM sync_runs) AS runs`);

  describe('line item filters', () => {
    it("reads plain dates as midnights in the filter's source's zone: Denver's 2026-03-08 is 23 hours", async () => {
      const day = await list({ sourceId: hotel.sourceId, from: '2026-03-08', to: '2026-03-09' });
      expect(idsOf(day)).toEqual(named('b', 'c'));
      expect(day.map((item) => item.localStartTime)).toEqual([
        '2026-03-08T00:00:00.000-07:00',
        '2026-03-08T23:59:59.999-06:00',
      ]);
      const after = await list({
        sourceId: hotel.sourceId,
        billingAccount: 'ROOM-1012',
        from: '2026-03-09',
      });
      expect(idsOf(after)).toEqual(named('d'));
      const before = await list({ sourceId: hotel.sourceId, to: '2026-03-08' });
      expect(idsOf(before)).toEqual(named('a'));
    });

    it('takes the same day as instants with offsets, and one of each form', async () => {
      const instants = await list({
        sourceId: hotel.sourceId,
        from: '2026-03-08T00:00:00-07:00',
        to: '2026-03-09T00:00:00-06:00',
      });
      expect(idsOf(instants)).toEqual(named('b', 'c'));
      const mixed = await list({
        sourceId: hotel.sourceId,
        from: '2026-03-08T07:00:00Z',
        to: '2026-03-09',
      });
      expect(idsOf(mixed)).toEqual(named('b', 'c'));
    });

    it("reads plain dates in the default business's zone when the filter names no source", async () => {
      // Tokyo's 2026-03-08 is [2026-03-07T15:00Z, 2026-03-08T15:00Z).
      const tokyo = await list({
        billingAccount: 'ROOM-1012',
        from: '2026-03-08',
        to: '2026-03-09',
      });
      expect(idsOf(tokyo)).toEqual(named('a', 'b'));
    });

    it('from=2026-11-01&to=2026-12-01 is November: the end date is the midnight that ends it (excluded)', async () => {
      const november = await list({
        sourceId: hotel.sourceId,
        billingAccount: 'ROOM-2000',
        from: '2026-11-01',
        to: '2026-12-01',
      });
      expect(idsOf(november)).toEqual(named('first', 'last'));
      expect(november.map((item) => [item.startTime, item.localStartTime])).toEqual([
        ['2026-11-01T06:00:00.000Z', '2026-11-01T00:00:00.000-06:00'],
        ['2026-12-01T06:59:59.999Z', '2026-11-30T23:59:59.999-07:00'],
      ]);
    });

    it('refuses a day that ends where it starts: to is excluded', async () => {
      const res = await http()
        .get('/api/v1/line-items')
        .query({ sourceId: hotel.sourceId, from: '2026-03-08', to: '2026-03-08' })
        .set(...bearer(t.adminKey))
        .expect(400);
      expect(res.body.details).toEqual([{ field: 'to', message: 'to must be after from' }]);
    });

    it('bulk and re-rate take the same filter: plain dates in the source zone', async () => {
      const bulk = await http()
        .post('/api/v1/line-items/bulk')
        .set(...bearer(t.adminKey))
        .send({
          action: 'approve',
          filter: { sourceId: hotel.sourceId, from: '2026-03-08', to: '2026-03-09' },
        })
        .expect(200);
      expect(bulk.body).toEqual({ action: 'approve', count: 2 });
      const statuses = await db.query<{ id: number; status: string }[]>(
        `SELECT id, status FROM line_items WHERE id IN (${named('a', 'b', 'c', 'd').join(',')}) ORDER BY start_time_ms`,
      );
      expect(statuses.map((row) => row.status)).toEqual([
        'pending',
        'approved',
        'approved',
        'pending',
      ]);
      for (const filter of [
        { from: '2026-03-08', to: '2026-03-09' },
        { from: '2026-03-08T00:00:00-07:00', to: '2026-03-09T06:00:00Z' },
      ]) {
        const reRate = await http()
          .post('/api/v1/line-items/re-rate')
          .set(...bearer(t.adminKey))
          .send({ filter: { sourceId: hotel.sourceId, ...filter } })
          .expect(200);
        expect(reRate.body.matched).toBe(2);
      }
    });
  });

  describe('audit events', () => {
    it("reads plain dates in the default business's zone", async () => {
      const events = [
        '2026-03-07T14:59:59.999Z',
        '2026-03-07T15:00:00.000Z', // Tokyo's 2026-03-08 begins
        '2026-03-08T14:59:59.999Z',
        '2026-03-08T15:00:00.000Z', // and ends
      ];
      for (const [i, iso] of events.entries()) {
        await db.query(
          `INSERT INTO audit_events (occurred_at_ms, actor_name, action, entity_type, entity_id)
           VALUES (?, 'test', 'dates.test', 'dates-test', ?)`,
          [at(iso), String(i)],
        );
      }
      const listed = async (query: Record<string, string>) =>
        (
          await http()
            .get('/api/v1/audit-events')
            .query({ entityType: 'dates-test', ...query })
            .set(...bearer(t.adminKey))
            .expect(200)
        ).body.items.map((event: { occurredAt: string }) => event.occurredAt);
      await expect(listed({ from: '2026-03-08', to: '2026-03-09' })).resolves.toEqual([
        '2026-03-08T14:59:59.999Z',
        '2026-03-07T15:00:00.000Z',
      ]);
      await expect(
        listed({ from: '2026-03-08T00:00:00+09:00', to: '2026-03-09T00:00:00+09:00' }),
      ).resolves.toEqual(['2026-03-08T14:59:59.999Z', '2026-03-07T15:00:00.000Z']);
    });
  });

  describe('invoice periods', () => {
    const draft = (body: object) =>
      http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .send(body);
    const batch = (body: object) =>
      http()
        .post('/api/v1/invoices/batch')
        .set(...bearer(t.adminKey))
        .send(body);
    const remove = (id: number) =>
      http()
        .delete(`/api/v1/invoices/${id}`)
        .set(...bearer(t.adminKey))
        .expect(204);
    const DENVER_DAY = {
      periodStart: '2026-03-08T07:00:00.000Z',
      periodEnd: '2026-03-09T06:00:00.000Z',
    };
    const lineIds = (invoice: { lines: { lineItemId: number }[] }) =>
      invoice.lines.map((line) => line.lineItemId);

    beforeAll(async () => {
      // A single action answers the item's view, local time included.
      for (const [name, local] of [
        ['a', '2026-03-07T23:59:59.999-07:00'],
        ['d', '2026-03-09T00:00:00.000-06:00'],
      ]) {
        const approved = await http()
          .post(`/api/v1/line-items/${ids[name]}/approve`)
          .set(...bearer(t.adminKey))
          .send({ version: 1 })
          .expect(200);
        expect(approved.body).toMatchObject({ status: 'approved', localStartTime: local });
      }
    });

    it("reads a draft's plain dates in the zone of its account's business, or of the business named", async () => {
      for (const extra of [{}, { businessId: hotelBusinessId }]) {
        const res = await draft({
          billingAccount: 'ROOM-1012',
          periodStart: '2026-03-08',
          periodEnd: '2026-03-09',
          ...extra,
        }).expect(201);
        expect(res.body).toMatchObject(DENVER_DAY);
        expect(lineIds(res.body)).toEqual(named('b', 'c'));
        await remove(res.body.id);
      }
    });

    it('takes instants with offsets as they are', async () => {
      const res = await draft({
        billingAccount: 'ROOM-1012',
        periodStart: '2026-03-08T00:00:00-07:00',
        periodEnd: '2026-03-09',
      }).expect(201);
      expect(res.body).toMatchObject(DENVER_DAY);
      await remove(res.body.id);
    });

    it("reads an account without approved items in the default business's zone (Tokyo)", async () => {
      const res = await draft({
        billingAccount: 'ROOM-NOBODY',
        periodStart: '2026-03-08',
        periodEnd: '2026-03-09',
      }).expect(409);
      expect(res.body.message).toBe(
        'ROOM-NOBODY has no approved, uninvoiced items from 2026-03-07T15:00:00.000Z to 2026-03-08T15:00:00.000Z',
      );
    });

    it("reads a batch's plain dates in the zone of the businesses with approved items, or the source's", async () => {
      for (const scope of [{}, { sourceId: hotel.sourceId }, { businessId: hotelBusinessId }]) {
        const res = await batch({
          periodStart: '2026-03-08',
          periodEnd: '2026-03-09',
          ...scope,
        }).expect(201);
        expect(res.body.items).toHaveLength(1);
        expect(res.body.items[0]).toMatchObject({ ...DENVER_DAY, billingAccount: 'ROOM-1012' });
        expect(lineIds(res.body.items[0])).toEqual(named('b', 'c'));
        await remove(res.body.items[0].id);
      }
    });

    it('carries the local time next to the UTC instant in every view and export, all agreeing', async () => {
      const created = await draft({
        billingAccount: 'ROOM-1012',
        periodStart: '2026-03-07',
        periodEnd: '2026-03-10',
      }).expect(201);
      const invoiceId = created.body.id;
      expect(lineIds(created.body)).toEqual(named('a', 'b', 'c', 'd'));
      await http()
        .post(`/api/v1/invoices/${invoiceId}/finalize`)
        .set(...bearer(t.adminKey))
        .expect(200);
      const expected = [
        ['2026-03-08T06:59:59.999Z', '2026-03-07T23:59:59.999-07:00'],
        ['2026-03-08T07:00:00.000Z', '2026-03-08T00:00:00.000-07:00'],
        ['2026-03-09T05:59:59.999Z', '2026-03-08T23:59:59.999-06:00'],
        ['2026-03-09T06:00:00.000Z', '2026-03-09T00:00:00.000-06:00'],
      ];
      // The line item list, each item's detail, the line item CSV.
      const items = await list({ sourceId: hotel.sourceId, billingAccount: 'ROOM-1012' });
      expect(items.map((item) => [item.startTime, item.localStartTime])).toEqual(expected);
      for (const [i, id] of named('a', 'b', 'c', 'd').entries()) {
        const detail = await http()
          .get(`/api/v1/line-items/${id}`)
          .set(...bearer(t.adminKey))
          .expect(200);
        expect([detail.body.startTime, detail.body.localStartTime]).toEqual(expected[i]);
      }
      const itemsCsv = await http()
        .get('/api/v1/line-items/export.csv')
        .query({
          sourceId: hotel.sourceId,
          billingAccount: 'ROOM-1012',
          from: '2026-03-07',
          to: '2026-03-10T00:00:00-06:00',
        })
        .set(...bearer(t.adminKey))
        .expect(200);
      const itemRows = parse<Record<string, string>>(itemsCsv.text, { columns: true });
      expect(itemRows.map((row) => [row.startTime, row.localStartTime])).toEqual(expected);
      // The invoice's CSV (start_time local, as docs/exports.md has it; start_time_utc last) and
      // JSON.
      const exported = (format: string) =>
        http()
          .get(`/api/v1/invoices/${invoiceId}/export`)
          .query({ format })
          .set(...bearer(t.adminKey))
          .buffer(true)
          .parse((res, done) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => done(null, text));
          })
          .expect(200);
      const invoiceCsv = parse<Record<string, string>>((await exported('csv')).body as string, {
        columns: true,
      });
      expect(invoiceCsv.map((row) => [row.start_time_utc, row.start_time])).toEqual(expected);
      const json = JSON.parse((await exported('json')).body as string) as {
        lines: { startTime: string; localStartTime: string }[];
      };
      expect(json.lines.map((line) => [line.startTime, line.localStartTime])).toEqual(expected);
    });
  });

  describe('refusals: 400 naming the field and both forms, on every endpoint, nothing changed', () => {
    const endpoints: [string, (value: string) => request.Test, string][] = [
      [
        'GET /line-items from',
        (value) =>
          http()
            .get('/api/v1/line-items')
            .query({ from: value })
            .set(...bearer(t.adminKey)),
        'from',
      ],
      [
        'GET /line-items/export.csv to',
        (value) =>
          http()
            .get('/api/v1/line-items/export.csv')
            .query({ to: value })
            .set(...bearer(t.adminKey)),
        'to',
      ],
      [
        'POST /line-items/bulk filter.from',
        (value) =>
          http()
            .post('/api/v1/line-items/bulk')
            .set(...bearer(t.adminKey))
            .send({ action: 'approve', filter: { from: value } }),
        'filter.from',
      ],
      [
        'POST /line-items/re-rate filter.to',
        (value) =>
          http()
            .post('/api/v1/line-items/re-rate')
            .set(...bearer(t.adminKey))
            .send({ filter: { to: value } }),
        'filter.to',
      ],
      [
        'GET /audit-events from',
        (value) =>
          http()
            .get('/api/v1/audit-events')
            .query({ from: value })
            .set(...bearer(t.adminKey)),
        'from',
      ],
      [
        'POST /invoices periodStart',
        (value) =>
          http()
            .post('/api/v1/invoices')
            .set(...bearer(t.adminKey))
            .send({ billingAccount: 'ROOM-1012', periodStart: value, periodEnd: '2026-03-09' }),
        'periodStart',
      ],
      [
        'POST /invoices/batch periodEnd',
        (value) =>
          http()
            .post('/api/v1/invoices/batch')
            .set(...bearer(t.adminKey))
            .send({ periodStart: '2026-03-01', periodEnd: value }),
        'periodEnd',
      ],
      [
        'POST /sources/:id/sync from',
        (value) =>
          http()
            .post(`/api/v1/sources/${hotel.sourceId}/sync`)
            .set(...bearer(t.adminKey))
            .send({ from: value, to: '2026-03-09' }),
        'from',
      ],
    ];
    const values: [string, (name: string) => string][] = [
      ['2026-02-30', (name) => `${name} 2026-02-30 is not a day of the calendar: send ${FORMS}`],
      [
        '2026-03-08T25:00:00Z',
        (name) =>
          `${name} 2026-03-08T25:00:00Z is not a date and time of the calendar: send ${FORMS}`,
      ],
      [
        '2026-03-08T00:00:00',
        (name) => `${name} has no offset (Z or ±hh:mm), so it names no instant: send ${FORMS}`,
      ],
      [
        '2026-03-08T00:00:00 07:00',
        (name) =>
          `${name} has a space before its offset (in a URL, write the offset's + as %2B): send ${FORMS}`,
      ],
      ['8 March 2026', (name) => `${name} must be ${FORMS}`],
    ];
    const cases = endpoints.flatMap(([endpoint, send, field]) =>
      values.map(([value, message]) => [endpoint, value, send, field, message] as const),
    );

    it.each(cases)('%s %j', async (_endpoint, value, send, field, message) => {
      const before = await ledgerState();
      const res = await send(value).expect(400);
      const name = field.split('.').pop()!;
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid request: ${field}: ${message(name)}`,
        details: [{ field, message: message(name) }],
      });
      await expect(ledgerState()).resolves.toEqual(before);
    });
  });

  describe('several businesses in several zones', () => {
    beforeAll(async () => {
      const london = await http()
        .post('/api/v1/businesses')
        .set(...bearer(t.adminKey))
        .send({
          name: 'London Desk',
          kind: 'other',
          timezone: 'Europe/London',
          invoicePrefix: 'LD',
        })
        .expect(201);
      const source = await seedSource(t, 'London', samplePlan('grand-hotel'), {
        businessId: london.body.id,
        timezone: 'Europe/London',
      });
      // The same room code, approved and uninvoiced, at a hotel in Denver and a desk in London.
      for (const seeded of [hotel, source]) {
        await seedItems(db, seeded, [
          {
            startTimeMs: at('2026-03-20T12:00:00Z'),
            billingAccount: 'ROOM-1012',
            status: 'approved',
          },
        ]);
      }
    });

    it("refuses plain dates that could be either business's days, and says how to mean one", async () => {
      const before = await ledgerState();
      const single = await http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .send({ billingAccount: 'ROOM-1012', periodStart: '2026-03-15', periodEnd: '2026-03-25' })
        .expect(400);
      expect(single.body.details).toEqual([
        {
          field: 'businessId',
          message:
            "ROOM-1012's approved items belong to businesses in America/Denver, Europe/London: name a businessId (its zone reads plain dates), or send date-times with an offset",
        },
      ]);
      const all = await http()
        .post('/api/v1/invoices/batch')
        .set(...bearer(t.adminKey))
        .send({ periodStart: '2026-03-15', periodEnd: '2026-03-25' })
        .expect(400);
      expect(all.body.details).toEqual([
        {
          field: 'businessId',
          message:
            'approved items belong to businesses in America/Denver, Europe/London: name a businessId or sourceId (its zone reads plain dates), or send date-times with an offset',
        },
      ]);
      await expect(ledgerState()).resolves.toEqual(before);
    });

    it('takes them once a business is named, and instants as they are', async () => {
      const named = await http()
        .post('/api/v1/invoices/batch')
        .set(...bearer(t.adminKey))
        .send({
          periodStart: '2026-03-20',
          periodEnd: '2026-03-21',
          businessId: (await db.query(`SELECT id FROM businesses WHERE name = 'London Desk'`))[0]
            .id,
        })
        .expect(201);
      expect(named.body.items).toHaveLength(1);
      expect(named.body.items[0]).toMatchObject({
        periodStart: '2026-03-20T00:00:00.000Z',
        periodEnd: '2026-03-21T00:00:00.000Z',
      });
      const instants = await http()
        .post('/api/v1/invoices/batch')
        .set(...bearer(t.adminKey))
        .send({ periodStart: '2026-03-20T00:00:00Z', periodEnd: '2026-03-21T00:00:00Z' })
        .expect(201);
      expect(instants.body.items).toEqual([
        expect.objectContaining({ businessId: hotelBusinessId, billingAccount: 'ROOM-1012' }),
      ]);
    });
  });

  describe('an account-summary plan that names no zone', () => {
    it('shows and invoices its items in UTC, alike', async () => {
      const plan = samplePlan('porter-lane-summary');
      delete plan.timezone;
      const firm = await seedSource(t, 'Porter Lane', plan, {
        kind: 'account-summary',
        historicDataKey: 'ACCTSUM',
      });
      const [id] = await seedItems(db, firm, [
        {
          startTimeMs: at('2026-04-01T06:00:00Z'),
          billingAccount: '10234-001',
          status: 'approved',
        },
      ]);
      const detail = await http()
        .get(`/api/v1/line-items/${id}`)
        .set(...bearer(t.adminKey))
        .expect(200);
      expect(detail.body.localStartTime).toBe('2026-04-01T06:00:00.000Z');
      const invoice = await http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .send({
          billingAccount: '10234-001',
          periodStart: '2026-04-01T00:00:00Z',
          periodEnd: '2026-05-01T00:00:00Z',
        })
        .expect(201);
      const json = await http()
        .get(`/api/v1/invoices/${invoice.body.id}/export`)
        .query({ format: 'json' })
        .set(...bearer(t.adminKey))
        .expect(200);
      expect(json.body).toMatchObject({
        timezone: 'UTC',
        lines: [
          { startTime: '2026-04-01T06:00:00.000Z', localStartTime: '2026-04-01T06:00:00.000Z' },
        ],
      });
    });
  });
});
