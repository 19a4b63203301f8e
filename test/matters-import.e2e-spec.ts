import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { runCli } from '../apps/billing/src/cli';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

const HEADER = 'clientNumber,clientName,matterNumber,matterName,status,closedDate,billable';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

const FIRST = csv(
  '10234,Acme Holdings,001,Acme v. Widgets,open,,yes',
  '10234,Acme Holdings,002,Acme lease review,open,,yes',
  '10234,Acme Holdings,003,Acme merger,closed,2026-01-31,yes',
  '20001,Pro Bono Clinic,001,Tenant defence,open,,yes',
  '30000,Old Client,001,Archive,open,,yes',
);

/** FIRST changed every way: 002 closed and renamed, 003 reopened, 20001-001 not billable, 30000-001 left out, 40000-001 added. */
const SECOND = csv(
  '10234,Acme Holdings,001,Acme v. Widgets,open,,yes',
  '10234,Acme Holdings,002,Acme lease renewal,closed,2026-11-30,yes',
  '10234,Acme Holdings,003,Acme merger,open,,yes',
  '20001,Pro Bono Clinic,001,Tenant defence,open,,no',
  '40000,New Client,001,Startup,open,,yes',
);

const TIMEKEEPERS = [
  'extension,timekeeperId,name,classification,effectiveFrom',
  '2101,JDOE,Jane Doe,partner,',
  '2102,RROE,Richard Roe,ASSOCIATE,',
  '2102,MMAJ,Mary Major,Paralegal,2026-11-01',
].join('\n');

const T0 = Date.parse('2026-11-02T17:00:00Z');

describe('law firms: matters, timekeepers and matter rules (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let accountantKey: string;
  let viewerKey: string;
  let firmId: number;
  let hotelId: number;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    for (const role of ['accountant', 'viewer'] as const) {
      const key = await http()
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: `${role} key`, role })
        .expect(201);
      if (role === 'accountant') accountantKey = key.body.key;
      else viewerKey = key.body.key;
    }
    const business = async (name: string, kind: string, invoicePrefix: string) =>
      (
        await http()
          .post('/api/v1/businesses')
          .set(...bearer(t.adminKey))
          .send({ name, kind, timezone: 'America/Denver', invoicePrefix })
          .expect(201)
      ).body.id as number;
    firmId = await business('Porter & Lane LLP', 'law-firm', 'PL');
    hotelId = await business('Grand Hotel', 'hotel', 'GH');
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const importCsv = (path: string, body: string, key = accountantKey) =>
    http()
      .post(path)
      .set(...bearer(key))
      .set('Content-Type', 'text/csv')
      .send(body);
  const importMatters = (body: string, businessId = firmId) =>
    importCsv(`/api/v1/businesses/${businessId}/matters/import`, body);
  const get = (path: string) =>
    http()
      .get(path)
      .set(...bearer(viewerKey));
  const scalar = async (sql: string, ...params: unknown[]) =>
    Object.values((await db.query<Record<string, number>[]>(sql, params))[0])[0];
  /** What a refused import must leave as it was. */
  const state = async () => ({
    matters: await scalar('SELECT count(*) FROM matters'),
    updated: await scalar('SELECT coalesce(max(updated_at_ms), 0) FROM matters'),
    timekeepers: await scalar('SELECT count(*) FROM timekeepers'),
    version: await scalar('SELECT law_book_version FROM businesses WHERE id = ?', firmId),
    events: await scalar('SELECT count(*) FROM audit_events'),
  });

  describe('matters', () => {
    it('imports a CSV list: a summary of what changed, the version bumped, one audit event', async () => {
      const res = await importMatters(FIRST).expect(200);
      expect(res.body).toEqual({
        added: 5,
        closed: 0,
        reopened: 0,
        renamed: 0,
        billableChanged: 0,
        unchanged: 0,
        notInFile: 0,
        total: 5,
        codes: {
          added: ['10234-001', '10234-002', '10234-003', '20001-001', '30000-001'],
          closed: [],
          reopened: [],
          renamed: [],
          billableChanged: [],
          notInFile: [],
        },
        lawBookVersion: 1,
        revalidated: { matched: 0, changed: 0 },
      });
      const [event] = await db.query<{ action: string; new_json: string }[]>(
        `SELECT action, new_json FROM audit_events WHERE action = 'matters.import'`,
      );
      expect(JSON.parse(event.new_json)).toMatchObject({ added: 5, total: 5, lawBookVersion: 1 });
    });

    it('lists the matters a page at a time, filtered by text and status', async () => {
      const page = await get(`/api/v1/businesses/${firmId}/matters?limit=2`).expect(200);
      expect(page.body.items.map((m: { matterName: string }) => m.matterName)).toEqual([
        'Acme v. Widgets',
        'Acme lease review',
      ]);
      const next = await get(
        `/api/v1/businesses/${firmId}/matters?limit=2&cursor=${page.body.nextCursor}`,
      ).expect(200);
      expect(next.body.items.map((m: { matterNumber: string }) => m.matterNumber)).toEqual([
        '003',
        '001',
      ]);
      const closed = await get(`/api/v1/businesses/${firmId}/matters?status=closed`).expect(200);
      expect(closed.body).toEqual({
        items: [
          expect.objectContaining({
            clientNumber: '10234',
            matterNumber: '003',
            status: 'closed',
            closedDate: '2026-01-31',
            billable: true,
          }),
        ],
        nextCursor: null,
      });
      const found = await get(`/api/v1/businesses/${firmId}/matters?q=pro%20bono`).expect(200);
      expect(found.body.items).toHaveLength(1);
      const foreign = await get(
        `/api/v1/businesses/${firmId}/matters?status=open&cursor=${page.body.nextCursor}`,
      ).expect(400);
      expect(foreign.body.details).toEqual([
        { field: 'cursor', message: expect.stringContaining('another filter') },
      ]);
    });

    it('changes nothing on a re-import of the same file: no writes, no version bump, all unchanged', async () => {
      const before = await state();
      const res = await importMatters(FIRST).expect(200);
      expect(res.body).toMatchObject({
        added: 0,
        closed: 0,
        reopened: 0,
        renamed: 0,
        billableChanged: 0,
        unchanged: 5,
        notInFile: 0,
        total: 5,
        lawBookVersion: 1,
        revalidated: { matched: 0, changed: 0 },
      });
      expect(await state()).toEqual(before);
    });

    it.each([
      [
        'a missing column',
        HEADER.replace(',closedDate', '') + '\n10234,Acme,001,X,open,yes\n',
        [{ field: 'line 1', message: `the header must be ${HEADER}: missing column closedDate` }],
      ],
      [
        'a misspelled column',
        csv('10234,Acme,001,X,open,,yes').replace('matterName', 'matterNmae'),
        [
          {
            field: 'line 1',
            message: `the header must be ${HEADER}: missing column matterName; unknown column "matterNmae"`,
          },
        ],
      ],
      [
        'a duplicate matter',
        csv(
          '10234,Acme,001,X,open,,yes',
          '50000,New,001,Y,open,,yes',
          '10234,Acme,001,Z,open,,yes',
        ),
        [{ field: 'line 4', message: 'client 10234 matter 001 is already on line 2' }],
      ],
      [
        'a bad date, an unknown status and an empty matter number',
        csv(
          '50000,New,001,X,closed,2026-02-30,yes',
          '50000,New,002,Y,archived,,yes',
          '50000,New,,Z,open,,yes',
        ),
        [
          { field: 'line 2', message: 'closedDate "2026-02-30" is not a date (YYYY-MM-DD)' },
          { field: 'line 3', message: 'unknown status "archived" (open or closed)' },
          { field: 'line 4', message: 'matterNumber is empty' },
        ],
      ],
    ])(
      'refuses %s with every problem by line, and changes nothing',
      async (_case, body, details) => {
        const before = await state();
        const res = await importMatters(body).expect(400);
        expect(res.body.details).toEqual(details);
        expect(res.body.message).toContain(`${details[0].field}: ${details[0].message}`);
        expect(await state()).toEqual(before);
      },
    );

    it('refuses 100,001 rows naming the limit, and changes nothing', async () => {
      const before = await state();
      const rows = Array.from({ length: 100_001 }, (_, i) => `6${i},C,001,M,open,,yes`);
      const res = await importMatters(csv(...rows)).expect(400);
      expect(res.body.message).toContain('more than 100000 matters (the most one import takes)');
      expect(await state()).toEqual(before);
    });

    it('refuses a body above 32 MB with a 413 naming the limit', async () => {
      const res = await importMatters(HEADER + '\n' + 'x'.repeat(33 * 1024 * 1024)).expect(413);
      expect(res.body.message).toBe(
        'The body is larger than 32 MB, the most an import takes: split the list',
      );
    });

    it('imports 100,000 matters within a few seconds, in one transaction, and again changes nothing', async () => {
      const rows = Array.from(
        { length: 100_000 },
        (_, i) =>
          `9${String(Math.floor(i / 100)).padStart(4, '0')},Client,${String(i % 100).padStart(3, '0')},Matter ${i},open,,yes`,
      );
      const big = csv(...rows);
      const started = performance.now();
      const res = await importCsv(`/api/v1/businesses/${hotelId}/matters/import`, big).expect(409);
      expect(res.body.message).toContain('is of kind hotel');
      const firm = (
        await http()
          .post('/api/v1/businesses')
          .set(...bearer(t.adminKey))
          .send({ name: 'Big Firm', kind: 'law-firm', timezone: 'UTC', invoicePrefix: 'BF' })
          .expect(201)
      ).body.id as number;
      const imported = await importMatters(big, firm).expect(200);
      // About a second on a laptop: generous for a loaded shared machine.
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(imported.body).toMatchObject({ added: 100_000, total: 100_000, lawBookVersion: 1 });
      expect(imported.body.codes.added).toHaveLength(50);
      expect(await scalar('SELECT count(*) FROM matters WHERE business_id = ?', firm)).toBe(
        100_000,
      );
      const again = await importMatters(big, firm).expect(200);
      expect(again.body).toMatchObject({ added: 0, unchanged: 100_000, lawBookVersion: 1 });
    }, 60_000);

    it('takes the list as JSON too, naming a bad row by its place', async () => {
      const before = await state();
      const bad = await http()
        .post(`/api/v1/businesses/${firmId}/matters/import`)
        .set(...bearer(accountantKey))
        .send({
          matters: [
            {
              clientNumber: '1',
              clientName: 'A',
              matterNumber: '1',
              matterName: 'M',
              status: 'open',
              billable: 'yes',
            },
          ],
        })
        .expect(400);
      expect(bad.body.details).toEqual([
        { field: 'matters.0', message: 'billable must be true or false' },
      ]);
      expect(await state()).toEqual(before);
      const malformed = await http()
        .post(`/api/v1/businesses/${firmId}/matters/import`)
        .set(...bearer(accountantKey))
        .set('Content-Type', 'application/json')
        .send('{"matters":[')
        .expect(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      // Far above the 1 MB of other JSON bodies: an import takes up to 32 MB.
      const firm = (
        await http()
          .post('/api/v1/businesses')
          .set(...bearer(t.adminKey))
          .send({ name: 'JSON Firm', kind: 'law-firm', timezone: 'UTC', invoicePrefix: 'JF' })
          .expect(201)
      ).body.id as number;
      const matters = Array.from({ length: 20_000 }, (_, i) => ({
        clientNumber: String(10_000 + Math.floor(i / 100)),
        clientName: `Client ${Math.floor(i / 100)}`,
        matterNumber: String(i % 100).padStart(3, '0'),
        matterName: `Matter number ${i}`,
        status: i % 2 ? 'closed' : 'open',
        closedDate: i % 2 ? '2026-10-31' : null,
        billable: i % 3 !== 0,
      }));
      expect(JSON.stringify({ matters }).length).toBeGreaterThan(2_000_000);
      const big = await http()
        .post(`/api/v1/businesses/${firm}/matters/import`)
        .set(...bearer(accountantKey))
        .send({ matters })
        .expect(200);
      expect(big.body).toMatchObject({ added: 20_000, total: 20_000, lawBookVersion: 1 });
    });

    it('re-validates the firm’s unsettled items when the list changes; settled ones stay', async () => {
      const seeded = await seedSource(t, 'Porter Lane calls', samplePlan('porter-lane-calls'), {
        businessId: firmId,
      });
      const [pending, review, free, approved, invoicedLike] = await seedItems(db, seeded, [
        { startTimeMs: T0, billingAccount: '40000-001', accountCode: '40000-001' },
        {
          startTimeMs: T0,
          billingAccount: '40000-001',
          accountCode: '40000-001',
          status: 'needs-review',
        },
        {
          startTimeMs: T0,
          billingAccount: '20001-001',
          accountCode: '20001-001',
          status: 'no-charge',
        },
        {
          startTimeMs: T0,
          billingAccount: '10234-001',
          accountCode: '10234-001',
          status: 'approved',
        },
        {
          startTimeMs: T0,
          billingAccount: '10234-001',
          accountCode: '10234-001',
          status: 'rejected',
        },
      ]);
      const versions = async () =>
        db.query<{ id: number; version: number }[]>(
          'SELECT id, version FROM line_items WHERE id IN (?, ?) ORDER BY id',
          [approved, invoicedLike],
        );
      const settled = await versions();
      const res = await importMatters(SECOND).expect(200);
      expect(res.body).toEqual({
        added: 1,
        closed: 1,
        reopened: 1,
        renamed: 1,
        billableChanged: 1,
        unchanged: 1,
        notInFile: 1,
        total: 5,
        codes: {
          added: ['40000-001'],
          closed: ['10234-002'],
          reopened: ['10234-003'],
          renamed: ['10234-002'],
          billableChanged: ['20001-001'],
          notInFile: ['30000-001'],
        },
        lawBookVersion: 2,
        revalidated: { matched: 3, changed: expect.any(Number) },
      });
      // Re-rated items are audited by the re-rate, each with its old and new rating.
      const reRated = await db.query<{ entity_id: string }[]>(
        `SELECT entity_id FROM audit_events WHERE action = 'line-item.re-rate' ORDER BY entity_id`,
      );
      expect(reRated.length).toBe(res.body.revalidated.changed);
      for (const { entity_id } of reRated) {
        expect([String(pending), String(review), String(free)]).toContain(entity_id);
      }
      expect(await versions()).toEqual(settled);
      // The matter left out of the file is kept as it was.
      const kept = await get(`/api/v1/businesses/${firmId}/matters?q=30000`).expect(200);
      expect(kept.body.items).toEqual([
        expect.objectContaining({ matterName: 'Archive', status: 'open' }),
      ]);
    });

    it('refuses a hotel (409 naming its kind), an unknown business (404), a viewer (403), text/plain (415)', async () => {
      const hotel = await importMatters(FIRST, hotelId).expect(409);
      expect(hotel.body.message).toBe(
        `Business ${hotelId} ("Grand Hotel") is of kind hotel: matters, timekeepers and matter rules are a law firm's (kind law-firm)`,
      );
      await importMatters(FIRST, 999).expect(404);
      await importCsv(`/api/v1/businesses/${firmId}/matters/import`, FIRST, viewerKey).expect(403);
      const plain = await http()
        .post(`/api/v1/businesses/${firmId}/matters/import`)
        .set(...bearer(accountantKey))
        .set('Content-Type', 'text/plain')
        .send(FIRST)
        .expect(415);
      expect(plain.body.message).toBe(
        'The request body has Content-Type text/plain: send application/json or text/csv',
      );
      // Elsewhere CSV is still refused.
      await http()
        .post('/api/v1/invoices')
        .set(...bearer(accountantKey))
        .set('Content-Type', 'text/csv')
        .send(FIRST)
        .expect(415);
    });
  });

  describe('timekeepers', () => {
    const importTimekeepers = (body: string, businessId = firmId) =>
      importCsv(`/api/v1/businesses/${businessId}/timekeepers/import`, body);

    it('imports the list with its history, upper-cased; the same file again changes nothing', async () => {
      const res = await importTimekeepers(TIMEKEEPERS).expect(200);
      expect(res.body).toMatchObject({ added: 3, removed: 0, changed: 0, unchanged: 0, total: 3 });
      const list = await get(`/api/v1/businesses/${firmId}/timekeepers`).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          extension: '2101',
          classification: 'PARTNER',
          effectiveFrom: null,
        }),
        expect.objectContaining({ extension: '2102', timekeeperId: 'RROE', effectiveFrom: null }),
        expect.objectContaining({
          extension: '2102',
          timekeeperId: 'MMAJ',
          classification: 'PARALEGAL',
          effectiveFrom: '2026-11-01',
        }),
      ]);
      const before = await state();
      const again = await importTimekeepers(TIMEKEEPERS).expect(200);
      expect(again.body).toMatchObject({
        added: 0,
        removed: 0,
        changed: 0,
        unchanged: 3,
        lawBookVersion: before.version,
      });
      expect(await state()).toEqual(before);
    });

    it('replaces the list: rows the file lacks are removed, changed ones changed', async () => {
      const next = TIMEKEEPERS.split('\n')
        .slice(0, 3)
        .join('\n')
        .replace('partner', 'SENIOR PARTNER');
      const res = await importTimekeepers(next).expect(200);
      expect(res.body).toMatchObject({ added: 0, removed: 1, changed: 1, unchanged: 1, total: 2 });
      expect(res.body.revalidated).toEqual({
        matched: expect.any(Number),
        changed: expect.any(Number),
      });
      const list = await get(`/api/v1/businesses/${firmId}/timekeepers`).expect(200);
      expect(list.body.items).toHaveLength(2);
    });

    it('refuses a duplicate extension and date naming both lines, and changes nothing', async () => {
      const before = await state();
      const res = await importTimekeepers(
        `${TIMEKEEPERS}\n2102,XX,Someone,PARTNER,2026-11-01`,
      ).expect(400);
      expect(res.body.details).toEqual([
        { field: 'line 5', message: 'extension 2102 from 2026-11-01 is already on line 4' },
      ]);
      expect(await state()).toEqual(before);
      await importTimekeepers(TIMEKEEPERS, hotelId).expect(409);
    });
  });

  describe('matter rules', () => {
    const rules = `/api/v1/businesses/${0}/matter-rules`;
    const path = () => rules.replace('/0/', `/${firmId}/`);
    const post = (body: object) =>
      http()
        .post(path())
        .set(...bearer(accountantKey))
        .send(body);

    it('adds, lists and deletes rules, each audited and bumping the version', async () => {
      const version = (await state()).version;
      const markup = await post({
        clientNumber: '10234',
        kind: 'markup',
        markupPercent: '12.5',
        effectiveFrom: '2026-12-01',
        note: 'Billed above cost',
      }).expect(201);
      expect(markup.body).toEqual({
        rule: expect.objectContaining({
          clientNumber: '10234',
          matterNumber: null,
          kind: 'markup',
          markupPercent: '12.5',
          ratePlanId: null,
        }),
        lawBookVersion: version + 1,
        revalidated: { matched: expect.any(Number), changed: expect.any(Number) },
      });
      await post({
        clientNumber: '20001',
        matterNumber: '001',
        kind: 'no-charge',
        effectiveFrom: '2026-01-01',
      }).expect(201);
      const list = await get(path()).expect(200);
      expect(list.body.items.map((r: { kind: string }) => r.kind)).toEqual(['markup', 'no-charge']);
      const deleted = await http()
        .delete(`${path()}/${markup.body.rule.id}`)
        .set(...bearer(accountantKey))
        .expect(200);
      expect(deleted.body.lawBookVersion).toBe(version + 3);
      expect((await get(path()).expect(200)).body.items).toHaveLength(1);
      const events = await db.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE entity_type = 'matter-rule' ORDER BY id`,
      );
      expect(events.map((e) => e.action)).toEqual([
        'matter-rule.create',
        'matter-rule.create',
        'matter-rule.delete',
      ]);
      await http()
        .delete(`${path()}/${markup.body.rule.id}`)
        .set(...bearer(accountantKey))
        .expect(404);
    });

    it('refuses a taken date (409) and fields that do not go with the kind (400, named)', async () => {
      const rule = { clientNumber: '30000', kind: 'no-charge', effectiveFrom: '2026-12-01' };
      await post(rule).expect(201);
      const taken = await post(rule).expect(409);
      expect(taken.body.message).toContain('is already for client 30000 from 2026-12-01');
      const bad = await post({
        clientNumber: '30000',
        kind: 'no-charge',
        markupPercent: '10',
        effectiveFrom: '2026-02-30',
      }).expect(400);
      expect(bad.body.details).toEqual([
        {
          field: 'effectiveFrom',
          message: 'effectiveFrom "2026-02-30" is not a date (YYYY-MM-DD)',
        },
        { field: 'markupPercent', message: 'markupPercent is only for kind markup' },
      ]);
      const free = await post({
        clientNumber: '30000',
        kind: 'markup',
        markupPercent: '-100',
        effectiveFrom: '2026-12-02',
      }).expect(400);
      expect(free.body.details[0]).toEqual({
        field: 'markupPercent',
        message: expect.stringContaining('above -100'),
      });
      await post({
        clientNumber: '30000',
        kind: 'markup',
        markupPercent: '1000.5',
        effectiveFrom: '2026-12-02',
      }).expect(400);
      await post({ clientNumber: '30000', kind: 'rate-plan', effectiveFrom: '2026-12-02' }).expect(
        400,
      );
      await post({
        clientNumber: '30000',
        kind: 'rate-plan',
        ratePlanId: 9999,
        effectiveFrom: '2026-12-02',
      }).expect(400);
      await post({ clientNumber: '30000', kind: 'surcharge', effectiveFrom: '2026-12-02' }).expect(
        400,
      );
    });

    it('takes a rate plan of the kind and currency of the firm’s sources, and refuses another (409 naming the difference)', async () => {
      const plan = async (body: Record<string, unknown>) =>
        (
          await http()
            .post('/api/v1/rate-plans')
            .set(...bearer(t.adminKey))
            .send(body)
            .expect(201)
        ).body.id as number;
      const atCost = await plan({
        ...samplePlan('porter-lane-calls'),
        name: 'At cost',
        markupPercent: '0',
      });
      await post({
        clientNumber: '10234',
        kind: 'rate-plan',
        ratePlanId: atCost,
        effectiveFrom: '2026-12-01',
      }).expect(201);
      const summary = await plan({ ...samplePlan('porter-lane-summary'), name: 'Summary plan' });
      const res = await post({
        clientNumber: '10234',
        kind: 'rate-plan',
        ratePlanId: summary,
        effectiveFrom: '2026-12-02',
      }).expect(409);
      expect(res.body.message).toContain('it has kind account-summary, not per-call');
    });

    it('needs the accountant role to change, and a law firm', async () => {
      await http()
        .post(path())
        .set(...bearer(viewerKey))
        .send({ clientNumber: '1', kind: 'no-charge', effectiveFrom: '2026-12-01' })
        .expect(403);
      await http()
        .post(`/api/v1/businesses/${hotelId}/matter-rules`)
        .set(...bearer(accountantKey))
        .send({ clientNumber: '1', kind: 'no-charge', effectiveFrom: '2026-12-01' })
        .expect(409);
    });
  });
});

describe('npm run cli -- matters import / timekeepers import (e2e, real ledger file)', () => {
  let dir: string;
  let firmId: number;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-cli-matters-'));
    const ledger = `sqlite:${join(dir, 'ledger.sqlite')}`;
    const t = await createTestApp({ DATABASE_URL: ledger });
    try {
      firmId = (
        await request(t.app.getHttpServer())
          .post('/api/v1/businesses')
          .set(...bearer(t.adminKey))
          .send({
            name: 'Porter & Lane LLP',
            kind: 'law-firm',
            timezone: 'America/Denver',
            invoicePrefix: 'PL',
          })
          .expect(201)
      ).body.id;
    } finally {
      await t.close();
    }
    process.env.DATABASE_URL = ledger;
    delete process.env.XIMA_BASE_URL;
    delete process.env.XIMA_API_KEY;
  });

  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, dir);
    return { code, out, err };
  }
  const counts = () => {
    const file = new Database(join(dir, 'ledger.sqlite'), { readonly: true });
    try {
      return file
        .prepare(
          `SELECT (SELECT count(*) FROM matters) AS matters, (SELECT count(*) FROM timekeepers) AS timekeepers,
             (SELECT law_book_version FROM businesses WHERE id = ?) AS version`,
        )
        .get(firmId);
    } finally {
      file.close();
    }
  };

  it('imports a matter list, prints the summary, and the same file again changes nothing', async () => {
    writeFileSync(join(dir, 'matters.csv'), FIRST);
    const first = await cli('matters', 'import', '--business', String(firmId), 'matters.csv');
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(first.out).toEqual([
      '5 matter(s) in the file',
      '  added: 5: 10234-001, 10234-002, 10234-003, 20001-001, 30000-001',
      '  closed: 0',
      '  reopened: 0',
      '  renamed: 0',
      '  billable changed: 0',
      '  unchanged: 0',
      '  not in the file (kept): 0',
      'Law book version 1',
      'Re-validated 0 unsettled line item(s): 0 changed',
    ]);
    const again = await cli('matters', 'import', '--business', String(firmId), 'matters.csv');
    expect(again.code).toBe(0);
    expect(again.out).toContain('  unchanged: 5');
    expect(counts()).toEqual({ matters: 5, timekeepers: 0, version: 1 });
  });

  it('prints every problem by line on stderr, exits 1 and changes nothing', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      csv(
        '10234,Acme,001,X,open,,yes',
        '10234,Acme,001,Y,open,,yes',
        '50000,New,002,Z,closed,2026-13-01,yes',
      ),
    );
    const res = await cli('matters', 'import', '--business', String(firmId), 'bad.csv');
    expect(res.code).toBe(1);
    expect(res.out).toEqual([]);
    expect(res.err).toEqual([
      expect.stringContaining(
        'Error: Invalid file: line 3: client 10234 matter 001 is already on line 2',
      ),
      '  line 3: client 10234 matter 001 is already on line 2',
      '  line 4: closedDate "2026-13-01" is not a date (YYYY-MM-DD)',
    ]);
    expect(counts()).toEqual({ matters: 5, timekeepers: 0, version: 1 });
  });

  it('imports timekeepers', async () => {
    writeFileSync(join(dir, 'timekeepers.csv'), TIMEKEEPERS);
    const res = await cli('timekeepers', 'import', '--business', String(firmId), 'timekeepers.csv');
    expect(res).toMatchObject({ code: 0, err: [] });
    expect(res.out).toContain('  added: 3');
    expect(counts()).toEqual({ matters: 5, timekeepers: 3, version: 2 });
    const missing = await cli('timekeepers', 'import', '--business', String(firmId), 'none.csv');
    expect(missing.code).toBe(1);
  });
});
