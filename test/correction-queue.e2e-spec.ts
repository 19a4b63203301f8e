import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, localDateOf, rebuildTotals, seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

/** 10:00 in Denver, the firm's zone, on 2026-03-02. */
const T0 = Date.parse('2026-03-02T17:00:00Z');
const DAY = 86_400_000;

const FIRM = {
  name: 'Porter & Lane LLP',
  kind: 'law-firm',
  timezone: 'America/Denver',
  invoicePrefix: 'PL',
};

/** The firm's matters: client, matter, status, closed date. */
const MATTERS: [string, string, 'open' | 'closed', string | null][] = [
  ['10234', '001', 'open', null],
  ['10234', '002', 'open', null],
  ['10234', '009', 'closed', '2026-02-27'],
  ['10243', '002', 'open', null],
  ['10243', '045', 'open', null],
  ['55555', '010', 'open', null],
];

interface FirmItem {
  startTimeMs: number;
  extension: string;
  accountCode: string | null;
  billingAccount?: string | null;
  status?: string;
  reason?: string | null;
  timekeeper?: [string, string, string];
}

describe('the correction queue: a law firm’s items that need a matter (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let firmId: number;
  let firm: Seeded;
  let hotel: Seeded;
  const matterIds = new Map<string, number>();
  let serial = 0;

  const http = () => request(t.app.getHttpServer());
  const get = (path: string) =>
    http()
      .get(path)
      .set(...bearer(t.adminKey));
  const post = (path: string, body: object) =>
    http()
      .post(path)
      .set(...bearer(t.adminKey))
      .send(body);
  const row = async (id: number) =>
    (
      await db.query<{ billing_account: string | null; status: string; version: number }[]>(
        'SELECT billing_account, status, version FROM line_items WHERE id = ?',
        [id],
      )
    )[0];

  /** Items of the firm's source as rating stores them, with their extension, code and reason. */
  async function seedFirmItems(items: FirmItem[]): Promise<number[]> {
    const ids: number[] = [];
    for (const item of items) {
      const callId = `firm-${++serial}`;
      const [record] = await db.query<{ id: number }[]>(
        `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, extension,
           dialed_number, talk_ms, account_code, raw_json, created_at_ms)
         VALUES (?, ?, ?, 'outbound', ?, '9 1 303 555 0100', 61000, ?, '{"values":{}}', 1)
         RETURNING id`,
        [firm.sourceId, callId, item.startTimeMs, item.extension, item.accountCode],
      );
      const [tk, name, classification] = item.timekeeper ?? [null, null, null];
      const [inserted] = await db.query<{ id: number }[]>(
        `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
           extension, account_code, dialed_number, normalized_number, destination_prefix,
           destination_class, talk_seconds, billed_seconds, currency, rated_amount_minor,
           amount_minor, taxes_json, tax_minor, total_minor, status, reason, rate_plan_id,
           rate_plan_version_id, rate_plan_version_number, breakdown_json, timekeeper_id,
           timekeeper_name, timekeeper_classification, created_at_ms, updated_at_ms, local_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, '9 1 303 555 0100', '13035550100', '1', 'long-distance', 61,
           66, 'USD', 150, 150, '[]', 0, 150, ?, ?, ?, ?, 1, ?, ?, ?, ?, 1, 1, ?) RETURNING id`,
        [
          firm.sourceId,
          record.id,
          callId,
          item.billingAccount === undefined ? item.accountCode : item.billingAccount,
          item.startTimeMs,
          item.extension,
          item.accountCode,
          item.status ?? (item.reason ? 'needs-review' : 'pending'),
          item.reason ?? null,
          firm.planId,
          firm.versionId,
          JSON.stringify({ status: 'pending', client: '10234', matter: '001' }),
          tk,
          name,
          classification,
          await localDateOf(db, firm.sourceId, item.startTimeMs),
        ],
      );
      ids.push(inserted.id);
    }
    await rebuildTotals(db);
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    firmId = (await post('/api/v1/businesses', FIRM).expect(201)).body.id;
    firm = await seedSource(t, 'Porter calls', samplePlan('porter-lane-calls'), {
      businessId: firmId,
    });
    hotel = await seedSource(t);
    // The matter list, straight into the ledger (its import is another part's).
    for (const [client, matter, status, closedDate] of MATTERS) {
      const [inserted] = await db.query<{ id: number }[]>(
        `INSERT INTO matters (business_id, client_number, client_name, matter_number, matter_name,
           status, closed_date, billable, created_at_ms, updated_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 1, 1) RETURNING id`,
        [firmId, client, `Client ${client}`, matter, `Matter ${matter}`, status, closedDate],
      );
      matterIds.set(`${client}-${matter}`, inserted.id);
    }
    await db.query('UPDATE businesses SET law_book_version = law_book_version + 1 WHERE id = ?', [
      firmId,
    ]);
    // Extension 253's habits in the 90 days before the typo: 10234-001 three times, 55555-010
    // five times; an item 100 days back is too old to count.
    const habits: FirmItem[] = [
      ...[1, 2, 3].map((d) => ({ startTimeMs: T0 - d * DAY, accountCode: '10234-001' })),
      ...[4, 5, 6, 7, 8].map((d) => ({ startTimeMs: T0 - d * DAY, accountCode: '55555-010' })),
      { startTimeMs: T0 - 100 * DAY, accountCode: '10243-045' },
    ].map((item) => ({
      ...item,
      extension: '253',
      timekeeper: ['TK-014', 'Ada Okafor', 'PARTNER'] as [string, string, string],
    }));
    await seedFirmItems(habits);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('filters', () => {
    it('reason (one or several) and extension narrow the list; timekeeper by its id', async () => {
      const [typo, closed] = await seedFirmItems([
        {
          startTimeMs: T0 + 1,
          extension: '300',
          accountCode: '77777-001',
          reason: 'unknown-matter',
        },
        {
          startTimeMs: T0 + 2,
          extension: '300',
          accountCode: '10234-009',
          reason: 'closed-matter',
        },
      ]);
      const one = await get('/api/v1/line-items?reason=unknown-matter&extension=300').expect(200);
      expect(one.body.items.map((i: { id: number }) => i.id)).toEqual([typo]);
      expect(one.body.items[0]).toMatchObject({ reason: 'unknown-matter', timekeeper: null });
      const both = await get(
        '/api/v1/line-items?reason=unknown-matter,closed-matter&extension=300',
      ).expect(200);
      expect(both.body.items.map((i: { id: number }) => i.id)).toEqual([typo, closed]);
      expect(both.body.totals.count).toBe(2);

      const byTimekeeper = await get('/api/v1/line-items?timekeeper=TK-014').expect(200);
      expect(byTimekeeper.body.totals.count).toBe(9);
      expect(byTimekeeper.body.items[0].timekeeper).toEqual({
        id: 'TK-014',
        name: 'Ada Okafor',
        classification: 'PARTNER',
      });
      const detail = await get(`/api/v1/line-items/${typo}`).expect(200);
      expect(detail.body.matter).toEqual({ client: '10234', matter: '001' });
    });

    it('refuses a reason rating never gives, naming the field', async () => {
      const res = await get('/api/v1/line-items?reason=unknown-matter,typo').expect(400);
      expect(res.body.message).toContain('reason must be one or more of');
      expect(res.body.details[0].field).toBe('reason');
    });
  });

  describe('suggestions', () => {
    it('a one-digit typo (10243-001 for 10234-001): the intended matter first, and why', async () => {
      const [typo] = await seedFirmItems([
        { startTimeMs: T0, extension: '253', accountCode: '10243-001', reason: 'unknown-matter' },
      ]);
      const res = await get(`/api/v1/line-items/${typo}/suggestions`).expect(200);
      expect(res.body).toMatchObject({
        lineItemId: typo,
        accountCode: '10243-001',
        reason: 'unknown-matter',
      });
      const ranked = res.body.suggestions as {
        matter: { code: string; id: number };
        score: number;
        why: string[];
      }[];
      expect(ranked.map((s) => [s.matter.code, s.score])).toEqual([
        ['10234-001', 6],
        ['10243-002', 5],
        ['55555-010', 2],
        ['10243-045', 1],
      ]);
      expect(ranked[0]).toEqual({
        matter: {
          id: matterIds.get('10234-001'),
          clientNumber: '10234',
          clientName: 'Client 10234',
          matterNumber: '001',
          matterName: 'Matter 001',
          code: '10234-001',
          status: 'open',
          billable: true,
        },
        score: 6,
        why: ['one edit from 10243-001', 'used 3 times by extension 253 in the last 90 days'],
      });
      expect(ranked[2].why).toEqual(['used 5 times by extension 253 in the last 90 days']);
      expect(ranked[3].why).toEqual(['an open matter of client 10243']);
    });

    it("no code at all: the extension's habits, most used first", async () => {
      const [missing] = await seedFirmItems([
        { startTimeMs: T0, extension: '253', accountCode: null, reason: 'missing-account-code' },
      ]);
      const res = await get(`/api/v1/line-items/${missing}/suggestions`).expect(200);
      expect(
        res.body.suggestions.map((s: { matter: { code: string }; why: string[] }) => [
          s.matter.code,
          s.why,
        ]),
      ).toEqual([
        ['55555-010', ['used 5 times by extension 253 in the last 90 days']],
        ['10234-001', ['used 3 times by extension 253 in the last 90 days']],
      ]);
    });

    it('never suggests a closed matter, even one edit away', async () => {
      const [typo] = await seedFirmItems([
        { startTimeMs: T0, extension: '400', accountCode: '10234-008', reason: 'unknown-matter' },
      ]);
      const res = await get(`/api/v1/line-items/${typo}/suggestions`).expect(200);
      const codes = res.body.suggestions.map((s: { matter: { code: string } }) => s.matter.code);
      expect(codes).toEqual(['10234-001', '10234-002']);
    });

    it('refuses an item that needs no matter, and one of a business that is not a law firm', async () => {
      const [fine] = await seedFirmItems([
        { startTimeMs: T0, extension: '253', accountCode: '10234-001' },
      ]);
      const notNeeded = await get(`/api/v1/line-items/${fine}/suggestions`).expect(409);
      expect(notNeeded.body.message).toContain('does not need a matter: its reason is none');
      const [hotelItem] = await seedItems(db, hotel, [{ startTimeMs: T0, status: 'needs-review' }]);
      const notAFirm = await get(`/api/v1/line-items/${hotelItem}/suggestions`).expect(409);
      expect(notAFirm.body.message).toContain('not a law firm');
      await get('/api/v1/line-items/999999/suggestions').expect(404);
    });
  });

  describe('assign and approve', () => {
    it('approve refuses an unknown matter until a matter is assigned; assign takes a matterId', async () => {
      const [typo] = await seedFirmItems([
        { startTimeMs: T0, extension: '253', accountCode: '10243-001', reason: 'unknown-matter' },
      ]);
      const refused = await post(`/api/v1/line-items/${typo}/approve`, {}).expect(409);
      expect(refused.body.message).toContain('is not a known matter: assign a matter first');

      const assigned = await post(`/api/v1/line-items/${typo}/assign`, {
        matterId: matterIds.get('10234-001'),
        reason: 'Digits swapped',
      }).expect(200);
      expect(assigned.body).toMatchObject({
        billingAccount: '10234-001',
        status: 'pending',
        reviewReason: 'Digits swapped',
      });
      const [event] = await db.query<{ action: string; new_json: string }[]>(
        `SELECT action, new_json FROM audit_events WHERE entity_type = 'line-item' AND entity_id = ?`,
        [String(typo)],
      );
      expect(event.action).toBe('line-item.assign');
      expect(JSON.parse(event.new_json)).toMatchObject({ billingAccount: '10234-001' });
      await post(`/api/v1/line-items/${typo}/approve`, {}).expect(200);
    });

    it('a closed matter may be approved (the reviewer bills after the closing)', async () => {
      const [late] = await seedFirmItems([
        { startTimeMs: T0, extension: '253', accountCode: '10234-009', reason: 'closed-matter' },
      ]);
      await post(`/api/v1/line-items/${late}/approve`, {}).expect(200);
    });

    it.each([
      [
        'a code that is not a matter',
        { billingAccount: '99999-001' },
        409,
        'client 99999, matter 001 is not a matter of law firm',
      ],
      [
        'a malformed code',
        { billingAccount: '1023-001' },
        409,
        "is not an account code of the plan's pattern",
      ],
      [
        'a matter closed before the call',
        { billingAccount: '10234-009' },
        409,
        "the matter closed on 2026-02-27, before the call's day 2026-03-02",
      ],
      ['a matter id of no matter', { matterId: 999999 }, 400, 'matterId 999999 is not a matter'],
      [
        'both a code and a matter',
        { billingAccount: '10234-001', matterId: 1 },
        400,
        'one of them, not both',
      ],
    ])('refuses %s, changing nothing', async (_, target, status, message) => {
      const [typo] = await seedFirmItems([
        { startTimeMs: T0, extension: '253', accountCode: '10243-001', reason: 'unknown-matter' },
      ]);
      const before = await row(typo);
      const res = await post(`/api/v1/line-items/${typo}/assign`, {
        ...target,
        reason: 'Fix',
      }).expect(status);
      expect(res.body.message).toContain(message);
      expect(await row(typo)).toEqual(before);
    });

    it('refuses the closed matter by id too, saying when it closed', async () => {
      const [typo] = await seedFirmItems([
        { startTimeMs: T0, extension: '253', accountCode: '10234-008', reason: 'unknown-matter' },
      ]);
      const res = await post(`/api/v1/line-items/${typo}/assign`, {
        matterId: matterIds.get('10234-009'),
        reason: 'Fix',
      }).expect(409);
      expect(res.body.message).toContain('closed on 2026-02-27');
    });

    it("refuses a matterId on a business that is not a law firm; a hotel's assign is as before", async () => {
      const [hotelItem] = await seedItems(db, hotel, [{ startTimeMs: T0, status: 'pending' }]);
      const res = await post(`/api/v1/line-items/${hotelItem}/assign`, {
        matterId: matterIds.get('10234-001'),
        reason: 'Fix',
      }).expect(409);
      expect(res.body.message).toContain('not a law firm');
      await post(`/api/v1/line-items/${hotelItem}/assign`, {
        billingAccount: 'ROOM-2001',
        reason: 'Moved',
      }).expect(200);
    });
  });

  describe('bulk assign by filter', () => {
    it("all of an extension's unknown-matter items of a day to one matter, audited", async () => {
      const day = [0, 1, 2].map((h) => T0 + h * 3_600_000);
      const ids = await seedFirmItems([
        ...day.map((startTimeMs) => ({
          startTimeMs,
          extension: '501',
          accountCode: '10243-001',
          reason: 'unknown-matter',
        })),
        // The next day, and another extension: not matched.
        {
          startTimeMs: T0 + DAY,
          extension: '501',
          accountCode: '10243-001',
          reason: 'unknown-matter',
        },
        { startTimeMs: T0, extension: '502', accountCode: '10243-001', reason: 'unknown-matter' },
      ]);
      const filter = {
        extension: '501',
        reason: ['unknown-matter'],
        from: '2026-03-02',
        to: '2026-03-03',
      };
      const refused = await post('/api/v1/line-items/bulk', {
        action: 'assign',
        filter,
        matterId: matterIds.get('10234-009'),
        reason: 'Closed one',
      }).expect(409);
      expect(refused.body.message).toContain('closed on 2026-02-27');
      expect((await row(ids[0])).billing_account).toBe('10243-001');

      const res = await post('/api/v1/line-items/bulk', {
        action: 'assign',
        filter,
        matterId: matterIds.get('10234-001'),
        reason: 'Digits swapped all day',
      }).expect(200);
      expect(res.body).toEqual({ action: 'assign', count: 3 });
      for (const id of ids.slice(0, 3)) {
        expect(await row(id)).toMatchObject({ billing_account: '10234-001', status: 'pending' });
      }
      for (const id of ids.slice(3)) {
        expect(await row(id)).toMatchObject({
          billing_account: '10243-001',
          status: 'needs-review',
        });
      }
      const [{ n }] = await db.query<{ n: number }[]>(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'line-item.assign'
           AND reason = 'Digits swapped all day'`,
      );
      expect(n).toBe(3);
      const approved = await post('/api/v1/line-items/bulk', {
        action: 'approve',
        ids: ids.slice(0, 3),
      }).expect(200);
      expect(approved.body.count).toBe(3);
    });

    it('bulk approve refuses unknown matters not yet assigned', async () => {
      const ids = await seedFirmItems([
        { startTimeMs: T0, extension: '600', accountCode: '10243-001', reason: 'unknown-matter' },
      ]);
      const res = await post('/api/v1/line-items/bulk', { action: 'approve', ids }).expect(409);
      expect(res.body.message).toContain('assign a matter first');
    });
  });
});
