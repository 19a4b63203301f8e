import 'reflect-metadata';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Actor, Clock, CommonModule, DomainError, localDate } from '@app/common';
import { AuditEventStore, LedgerModule } from '@app/ledger';
import { ReviewModule } from '../review.module';
import { ReviewService } from './review.service';
import { TestLedgerLocation, testLedgerLocation } from '@app/ledger/testing';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const T0 = Date.parse('2026-03-02T07:00:00Z');
const actor: Actor = { keyId: 7, userId: null, name: 'night auditor' };

/** A small hotel plan: every number is international; one tax of 6.25 %. */
const PLAN = {
  name: 'Hotel',
  kind: 'per-call',
  currency: 'USD',
  timezone: 'America/Denver',
  rounding: 'half-up',
  dialPlan: { country: 'US', accessCode: '9' },
  gracePeriodSeconds: 0,
  markupPercent: '0',
  taxes: [{ name: 'State sales tax', ratePercent: '6.25' }],
  billingAccount: { by: 'extension', ranges: [{ from: '1001', to: '1999' }], prefix: 'ROOM-' },
  destinations: [{ prefix: '', class: 'international' }],
  rates: {
    international: {
      connectFee: '2.00',
      perMinute: '0',
      firstIncrementSeconds: 60,
      incrementSeconds: 60,
    },
  },
};

interface Seed {
  status?: string;
  billingAccount?: string | null;
  reason?: string | null;
  amountMinor?: number;
}

interface Item {
  id: number;
  status: string;
  billing_account: string | null;
  amount_minor: number;
  adjusted_amount_minor: number | null;
  tax_minor: number;
  total_minor: number;
  taxes_json: string;
  review_reason: string | null;
  version: number;
  updated_at_ms: number;
}

interface Event {
  occurred_at_ms: number;
  actor_key_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  old_json: string;
  new_json: string;
  reason: string | null;
}

/**
 * ReviewService on the ledger it runs on in production (the real migrations, on :memory:),
 * built by Nest from ReviewModule: each action, stale versions, bulk all-or-nothing, and the
 * audit event written in the action's own transaction.
 */
describe('ReviewService (real ledger on :memory:)', () => {
  /** The ledger of the driver under test: SQLite :memory:, or a PostgreSQL database. */
  let ledgerDb: TestLedgerLocation;
  let moduleRef: TestingModule;
  let db: DataSource;
  let review: ReviewService;
  let serial = 0;

  beforeEach(async () => {
    ledgerDb = await testLedgerLocation();
    moduleRef = await Test.createTestingModule({
      imports: [
        CommonModule,
        LedgerModule.forRootAsync({ useFactory: () => ledgerDb.location }),
        ReviewModule.forRootAsync({ useFactory: () => ({ adjustmentLimit: '100.00' }) }),
      ],
    })
      .overrideProvider(Clock)
      .useValue({ now: () => NOW })
      .compile();
    await moduleRef.init();
    db = moduleRef.get(DataSource);
    review = moduleRef.get(ReviewService);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    await db.query(
      `INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json,
         created_at_ms, created_by) VALUES (1, 1, 1, 0, ?, 0, 'test')`,
      [JSON.stringify(PLAN)],
    );
    await db.query(`INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id,
        business_id, timezone, created_at_ms, updated_at_ms)
      VALUES (1, 'Calls', 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await moduleRef.close();
    await ledgerDb.release();
  });

  /** A call record and its line item, as sync stores them; returns the item's id. */
  const seed = async (item: Seed = {}): Promise<number> => {
    const callId = `c${++serial}`;
    const [record] = await db.query<{ id: number }[]>(
      `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, extension,
         dialed_number, talk_ms, raw_json, created_at_ms)
       VALUES (1, ?, ?, 'outbound', '1012', '9 011 44 20 7946 0000', 61000, '{}', 0) RETURNING id`,
      [callId, T0 + serial],
    );
    const amount = item.amountMinor ?? 200;
    const tax = Math.round(amount * 0.0625);
    const [row] = await db.query<{ id: number }[]>(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
         extension, talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor,
         taxes_json, tax_minor, total_minor, status, reason, rate_plan_id, rate_plan_version_id,
         rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
       VALUES (1, ?, ?, ?, ?, '1012', 61, 120, 'USD', ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, '{}', 1, 1, ?)
       RETURNING id`,
      [
        record.id,
        callId,
        item.billingAccount === undefined ? 'ROOM-1012' : item.billingAccount,
        T0 + serial,
        amount,
        amount,
        JSON.stringify([{ name: 'State sales tax', ratePercent: '6.25', amountMinor: tax }]),
        tax,
        amount + tax,
        item.status ?? 'pending',
        item.reason ?? null,
        localDate(T0 + serial, 'America/Denver'),
      ],
    );
    return row.id;
  };

  const itemOf = async (id: number): Promise<Item> =>
    (await db.query<Item[]>('SELECT * FROM line_items WHERE id = ?', [id]))[0];
  const events = () => db.query<Event[]>('SELECT * FROM audit_events ORDER BY id');
  /**
   * An operation's DomainError code, or its error's message when it fails otherwise (a request that is
   * not one is refused before the operation starts: thrown, not rejected).
   */
  const failure = async (work: () => Promise<unknown>): Promise<string> => {
    const error = await Promise.resolve()
      .then(work)
      .then(
        () => null,
        (e: unknown) => e,
      );
    if (error === null) throw new Error('expected a failure');
    if (error instanceof DomainError) return error.code;
    return error instanceof Error ? error.message : 'not an Error';
  };

  describe('one item', () => {
    it('approves a pending item: its view at the next version, and an audit event', async () => {
      const id = await seed();
      const view = await review.act(id, 'approve', { reason: 'checked', version: 1 }, actor);
      expect(view).toMatchObject({
        id,
        status: 'approved',
        version: 2,
        reviewReason: 'checked',
        amount: '2.00',
        total: '2.13',
        updatedAt: new Date(NOW).toISOString(),
        localStartTime: '2026-03-02T00:00:00.001-07:00',
      });
      expect(await events()).toEqual([
        {
          id: 1,
          occurred_at_ms: NOW,
          actor_key_id: 7,
          actor_user_id: null,
          actor_name: 'night auditor',
          action: 'line-item.approve',
          entity_type: 'line-item',
          entity_id: String(id),
          old_json: JSON.stringify({
            status: 'pending',
            billingAccount: 'ROOM-1012',
            amount: '2.00',
            tax: '0.13',
            total: '2.13',
            version: 1,
          }),
          new_json: JSON.stringify({
            status: 'approved',
            billingAccount: 'ROOM-1012',
            amount: '2.00',
            tax: '0.13',
            total: '2.13',
            version: 2,
          }),
          reason: 'checked',
        },
      ]);
    });

    it('rejects with a reason, and refuses to without one', async () => {
      const id = await seed();
      expect(await failure(() => review.act(id, 'reject', {}, actor))).toBe('bad-request');
      await review.act(id, 'reject', { reason: 'guest disputed' }, actor);
      expect(await itemOf(id)).toMatchObject({
        status: 'rejected',
        review_reason: 'guest disputed',
        version: 2,
      });
    });

    it("adjusts the billed amount, its taxes recomputed with the item's plan version", async () => {
      const id = await seed({ status: 'approved' });
      const view = await review.act(id, 'adjust', { amount: '1.25', reason: 'goodwill' }, actor);
      // 6.25 % of 1.25 is 0.078125: 0.08.
      expect(view).toMatchObject({
        status: 'approved',
        amount: '1.25',
        ratedAmount: '2.00',
        adjusted: true,
        tax: '0.08',
        total: '1.33',
        taxes: [{ name: 'State sales tax', ratePercent: '6.25', amount: '0.08' }],
      });
      expect(await itemOf(id)).toMatchObject({
        adjusted_amount_minor: 125,
        amount_minor: 125,
        tax_minor: 8,
        total_minor: 133,
      });
      const [event] = await events();
      expect(JSON.parse(event.new_json)).toMatchObject({ amount: '1.25', total: '1.33' });
    });

    it('refuses an adjustment above the limit or with more decimals than the currency has', async () => {
      const id = await seed();
      for (const amount of ['100.01', '1.255']) {
        expect(await failure(() => review.act(id, 'adjust', { amount, reason: 'x' }, actor))).toBe(
          'bad-request',
        );
      }
      expect(await itemOf(id)).toMatchObject({ version: 1, amount_minor: 200 });
      expect(await events()).toEqual([]);
    });

    it('assigns another billing account, back to pending', async () => {
      const id = await seed({ status: 'needs-review', billingAccount: null, reason: 'no-rate' });
      await review.act(id, 'assign', { billingAccount: 'ROOM-2001', reason: 'moved' }, actor);
      expect(await itemOf(id)).toMatchObject({
        status: 'pending',
        billing_account: 'ROOM-2001',
        review_reason: 'moved',
      });
    });

    it('resets a decision to what rating made of the item', async () => {
      const priced = await seed({ status: 'approved' });
      const unpriced = await seed({ status: 'rejected', reason: 'no-rate' });
      await review.act(priced, 'reset', {}, actor);
      await review.act(unpriced, 'reset', {}, actor);
      expect((await itemOf(priced)).status).toBe('pending');
      expect((await itemOf(unpriced)).status).toBe('needs-review');
    });

    it('refuses a stale version with a conflict naming the current one, and changes nothing', async () => {
      const id = await seed();
      await review.act(id, 'approve', { version: 1 }, actor);
      const stale = review.act(id, 'reject', { reason: 'late', version: 1 }, actor);
      await expect(stale).rejects.toMatchObject({
        code: 'conflict',
        details: [
          { field: 'version', message: '2' },
          { field: 'status', message: 'approved' },
        ],
      });
      expect(await itemOf(id)).toMatchObject({ status: 'approved', version: 2 });
      expect(await events()).toHaveLength(1);
    });

    it('refuses what the state machine does not allow, and an item that does not exist', async () => {
      const free = await seed({ status: 'no-charge' });
      const orphan = await seed({ billingAccount: null });
      expect(await failure(() => review.act(free, 'approve', {}, actor))).toBe('conflict');
      expect(await failure(() => review.act(orphan, 'approve', {}, actor))).toBe('conflict');
      expect(await failure(() => review.act(999, 'approve', {}, actor))).toBe('not-found');
      expect(await events()).toEqual([]);
    });

    it('writes the change and its audit event in one transaction: no event, no change', async () => {
      const id = await seed();
      jest.spyOn(moduleRef.get(AuditEventStore), 'appender').mockReturnValue(() => {
        throw new Error('the audit trail is full');
      });
      expect(await failure(() => review.act(id, 'approve', {}, actor))).toBe(
        'the audit trail is full',
      );
      expect(await itemOf(id)).toMatchObject({ status: 'pending', version: 1, updated_at_ms: 1 });
    });
  });

  describe('bulk', () => {
    it('approves every item named, one event each', async () => {
      const ids = [await seed(), await seed(), await seed({ status: 'needs-review' })];
      await expect(
        review.bulk({ action: 'approve', ids: [...ids, ids[0]], reason: 'night audit' }, actor),
      ).resolves.toEqual({ action: 'approve', count: 3 });
      for (const id of ids) {
        expect(await itemOf(id)).toMatchObject({
          status: 'approved',
          version: 2,
          review_reason: 'night audit',
          updated_at_ms: NOW,
        });
      }
      expect((await events()).map((event) => [event.action, Number(event.entity_id)])).toEqual(
        ids.map((id) => ['line-item.approve', id]),
      );
    });

    it('acts on what a filter matches', async () => {
      const pending = [await seed(), await seed()];
      const approved = await seed({ status: 'approved' });
      await expect(
        review.bulk(
          {
            action: 'assign',
            filter: { status: ['pending'] },
            billingAccount: 'ROOM-9',
            reason: 'x',
          },
          actor,
        ),
      ).resolves.toEqual({ action: 'assign', count: 2 });
      for (const id of pending) expect((await itemOf(id)).billing_account).toBe('ROOM-9');
      expect(await itemOf(approved)).toMatchObject({ billing_account: 'ROOM-1012', version: 1 });
    });

    it('changes nothing when one item refuses the action: all or nothing', async () => {
      const ids = [await seed(), await seed({ status: 'no-charge' }), await seed()];
      const refused = review.bulk({ action: 'approve', ids }, actor);
      await expect(refused).rejects.toMatchObject({ code: 'conflict' });
      await expect(refused).rejects.toThrow('Cannot approve 1 of 3 items; nothing was changed');
      for (const id of ids) expect((await itemOf(id)).version).toBe(1);
      expect(await events()).toEqual([]);
    });

    it('changes nothing when an id names no item', async () => {
      const id = await seed();
      const missing = review.bulk({ action: 'approve', ids: [id, 998, 999] }, actor);
      await expect(missing).rejects.toMatchObject({ code: 'not-found' });
      await expect(missing).rejects.toThrow('Line items 998, 999 do not exist');
      expect((await itemOf(id)).version).toBe(1);
    });

    it('rolls back the items already changed when a later write fails', async () => {
      const ids = [await seed(), await seed(), await seed()];
      const store = moduleRef.get(AuditEventStore);
      // The items are changed, then their events fail: nothing of either stays.
      jest.spyOn(store, 'appendAll').mockRejectedValue(new Error('disk full'));
      expect(await failure(() => review.bulk({ action: 'approve', ids }, actor))).toBe('disk full');
      for (const id of ids)
        expect(await itemOf(id)).toMatchObject({ status: 'pending', version: 1 });
      expect(await events()).toEqual([]);
    });

    it('refuses a request that is not one: ids and filter, or a reject without its reason', async () => {
      const id = await seed();
      for (const input of [
        { action: 'approve' as const },
        { action: 'approve' as const, ids: [id], filter: {} },
        { action: 'reject' as const, ids: [id] },
        { action: 'assign' as const, ids: [id], reason: 'x' },
      ]) {
        expect(await failure(() => review.bulk(input, actor))).toBe('bad-request');
      }
    });
  });
});
