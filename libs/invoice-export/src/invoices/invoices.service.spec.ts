import 'reflect-metadata';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock, DomainError, localDate } from '@app/common';
import { AuditEventStore, InvoiceStore, LedgerModule } from '@app/ledger';
import { InvoicesService } from './invoices.service';
import { TestLedgerLocation, testLedgerLocation } from '@app/ledger/testing';

const DAY = 86_400_000;
const MARCH = { startMs: Date.UTC(2026, 2, 1), endMs: Date.UTC(2026, 3, 1) };
const ACTOR = { keyId: null, userId: null, name: 'accountant' };

interface Item {
  startTimeMs: number;
  billingAccount?: string;
  status?: string;
  amountMinor?: number;
  taxMinor?: number;
}

/**
 * The invoices service on the real ledger (Nest's LedgerModule, real migrations on
 * `:memory:`), without HTTP: drafts from approved items, gapless numbers, void, a finalised
 * invoice refusing changes, and each change committing with its audit event or not at all.
 */
describe('InvoicesService (ledger on :memory:)', () => {
  /** The ledger of the driver under test: SQLite :memory:, or a PostgreSQL database. */
  let ledgerDb: TestLedgerLocation;
  let moduleRef: TestingModule;
  let db: DataSource;
  let invoices: InvoicesService;
  let store: InvoiceStore;
  let audit: AuditEventStore;
  let now: number;
  let serial = 0;

  beforeEach(async () => {
    ledgerDb = await testLedgerLocation();
    now = Date.UTC(2026, 3, 2, 12);
    moduleRef = await Test.createTestingModule({
      imports: [LedgerModule.forRootAsync({ useFactory: () => ledgerDb.location })],
      providers: [InvoicesService, { provide: Clock, useValue: { now: () => now } }],
    }).compile();
    db = moduleRef.get(DataSource);
    invoices = moduleRef.get(InvoicesService);
    store = moduleRef.get(InvoiceStore);
    audit = moduleRef.get(AuditEventStore);
    // A hotel in Denver (business 2, GH) with one source rated by a plan in its zone.
    await db.query(`INSERT INTO businesses (id, name, kind, timezone, address_json, invoice_prefix,
        created_at_ms, updated_at_ms)
      VALUES (2, 'Grand Hotel', 'hotel', 'America/Denver', '["1 Main St"]', 'GH', 0, 0)`);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    await db.query(`INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms,
        plan_json, created_at_ms, created_by)
      VALUES (1, 1, 1, 0, '{"timezone":"America/Denver"}', 0, 'test')`);
    await db.query(`INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id,
        business_id, timezone, created_at_ms, updated_at_ms)
      VALUES (1, 'Calls', 'call-records', 'CALLDTL1', 1, 2, 'America/Denver', 0, 0)`);
  });

  afterEach(async () => {
    await moduleRef.close();
    await ledgerDb.release();
  });

  /** Calls and their line items as sync stores them; returns the items' ids. */
  async function seed(...items: Item[]): Promise<number[]> {
    const ids: number[] = [];
    for (const item of items) {
      const callId = `c${++serial}`;
      const [call] = await db.query<{ id: number }[]>(
        `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, dialed_number,
           talk_ms, raw_json, created_at_ms)
         VALUES (1, ?, ?, 'outbound', '9 1 303 555 0100', 61000, '{}', 0) RETURNING id`,
        [callId, item.startTimeMs],
      );
      const amount = item.amountMinor ?? 150;
      const tax = item.taxMinor ?? 9;
      const [row] = await db.query<{ id: number }[]>(
        `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
           extension, dialed_number, normalized_number, destination_class, talk_seconds,
           billed_seconds, currency, rated_amount_minor, amount_minor, taxes_json, tax_minor,
           total_minor, status, rate_plan_id, rate_plan_version_id, rate_plan_version_number,
           breakdown_json, created_at_ms, updated_at_ms, local_date)
         VALUES (1, ?, ?, ?, ?, '1012', '9 1 303 555 0100', '13035550100', 'long-distance', 61,
           66, 'USD', ?, ?, '[]', ?, ?, ?, 1, 1, 1, '{}', 0, 0, ?) RETURNING id`,
        [
          call.id,
          callId,
          item.billingAccount ?? 'ROOM-1012',
          item.startTimeMs,
          amount,
          amount,
          tax,
          amount + tax,
          item.status ?? 'approved',
          localDate(item.startTimeMs, 'America/Denver'),
        ],
      );
      ids.push(row.id);
    }
    return ids;
  }

  const items = (ids: number[]) =>
    db.query<{ id: number; status: string; invoice_id: number | null }[]>(
      `SELECT id, status, invoice_id FROM line_items WHERE id IN (${ids.join(', ')}) ORDER BY id`,
    );
  const events = () =>
    db.query<{ action: string; entity_id: string; new_json: string | null }[]>(
      'SELECT action, entity_id, new_json FROM audit_events ORDER BY id',
    );
  const lines = (invoiceId: number) =>
    store
      .lineReader(['lineItemId', 'description', 'amountMinor', 'totalMinor'])
      .page(invoiceId, 0, null);
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DomainError);
    return { status: (error as DomainError).status, message: (error as DomainError).message };
  };

  it("drafts an account's approved, uninvoiced items of the period: lines in start order, totals their sums, the items tied to it, its event", async () => {
    const [late, early, pending, april, otherRoom] = await seed(
      { startTimeMs: MARCH.startMs + 2 * DAY, amountMinor: 150, taxMinor: 9 },
      { startTimeMs: MARCH.startMs + DAY, amountMinor: 200, taxMinor: 13 },
      { startTimeMs: MARCH.startMs + DAY, status: 'pending' },
      { startTimeMs: MARCH.endMs },
      { startTimeMs: MARCH.startMs + DAY, billingAccount: 'ROOM-2001' },
    );
    const draft = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      businessId: 2,
      sourceId: 1,
      ratePlanId: 1,
      billingAccount: 'ROOM-1012',
      timezone: 'America/Denver',
      periodStartMs: MARCH.startMs,
      periodEndMs: MARCH.endMs,
      currency: 'USD',
      subtotalMinor: 350,
      taxMinor: 22,
      totalMinor: 372,
      createdAtMs: now,
    });
    await expect(lines(draft.id)).resolves.toEqual([
      {
        lineNumber: 1,
        lineItemId: early,
        description: 'Telephone: +13035550100, 2 min',
        amountMinor: 200,
        totalMinor: 213,
      },
      {
        lineNumber: 2,
        lineItemId: late,
        description: 'Telephone: +13035550100, 2 min',
        amountMinor: 150,
        totalMinor: 159,
      },
    ]);
    await expect(items([late, early, pending, april, otherRoom])).resolves.toEqual([
      { id: late, status: 'approved', invoice_id: draft.id },
      { id: early, status: 'approved', invoice_id: draft.id },
      { id: pending, status: 'pending', invoice_id: null },
      { id: april, status: 'approved', invoice_id: null },
      { id: otherRoom, status: 'approved', invoice_id: null },
    ]);
    const [event] = await events();
    expect(event).toMatchObject({ action: 'invoice.draft', entity_id: String(draft.id) });
    expect(JSON.parse(event.new_json!)).toEqual({
      billingAccount: 'ROOM-1012',
      period: ['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      lines: 2,
      total: '3.72',
    });
  });

  it('refuses a draft with nothing to take (409), and leaves no trace', async () => {
    await seed({ startTimeMs: MARCH.startMs + DAY, status: 'pending' });
    await expect(refusal(invoices.createDraft('ROOM-1012', MARCH, ACTOR))).resolves.toEqual({
      status: 409,
      message:
        'ROOM-1012 has no approved, uninvoiced items from 2026-03-01T00:00:00.000Z to 2026-04-01T00:00:00.000Z',
    });
    await expect(store.findMatching({}, 10)).resolves.toEqual([]);
    await expect(events()).resolves.toEqual([]);
  });

  it("finalize takes the business's next gapless number of its year, names the issuer for good and invoices the items", async () => {
    const [first] = await seed({ startTimeMs: MARCH.startMs + DAY });
    const [second] = await seed({ startTimeMs: MARCH.startMs + DAY, billingAccount: 'ROOM-2001' });
    const a = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    const b = await invoices.createDraft('ROOM-2001', MARCH, ACTOR);
    now += 1000;
    const finalized = await invoices.finalize(b.id, ACTOR);
    expect(finalized).toMatchObject({
      status: 'finalized',
      number: 'GH-2026-000001',
      numberYear: 2026,
      sequence: 1,
      finalizedAtMs: now,
      version: 2,
    });
    expect(JSON.parse(finalized.issuerJson!)).toEqual({
      name: 'Grand Hotel',
      kind: 'hotel',
      address: ['1 Main St'],
      taxId: null,
      paymentTerms: null,
    });
    await expect(invoices.finalize(a.id, ACTOR)).resolves.toMatchObject({
      number: 'GH-2026-000002',
    });
    await expect(items([first, second])).resolves.toEqual([
      { id: first, status: 'invoiced', invoice_id: a.id },
      { id: second, status: 'invoiced', invoice_id: b.id },
    ]);
    const finalizations = (await events()).filter((e) => e.action === 'invoice.finalize');
    expect(finalizations.map((e) => JSON.parse(e.new_json!))).toEqual([
      { status: 'finalized', number: 'GH-2026-000001', total: '1.59' },
      { status: 'finalized', number: 'GH-2026-000002', total: '1.59' },
    ]);
  });

  it("a number's year is the business's: New Year's Eve in Denver is still the old year", async () => {
    await seed({ startTimeMs: MARCH.startMs + DAY });
    const draft = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    now = Date.UTC(2027, 0, 1, 3); // 2026-12-31 20:00 in Denver
    await expect(invoices.finalize(draft.id, ACTOR)).resolves.toMatchObject({
      number: 'GH-2026-000001',
    });
  });

  it('commits a change with its audit event or not at all: a failed event leaves the draft and its number unused', async () => {
    const [item] = await seed({ startTimeMs: MARCH.startMs + DAY });
    const draft = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    jest.spyOn(audit, 'record').mockRejectedValueOnce(new Error('disk full'));
    await expect(invoices.finalize(draft.id, ACTOR)).rejects.toThrow('disk full');
    await expect(invoices.load(draft.id)).resolves.toMatchObject({ status: 'draft', number: null });
    await expect(items([item])).resolves.toEqual([
      { id: item, status: 'approved', invoice_id: draft.id },
    ]);
    expect((await events()).map((e) => e.action)).toEqual(['invoice.draft']);
    await expect(invoices.finalize(draft.id, ACTOR)).resolves.toMatchObject({
      number: 'GH-2026-000001',
    });
  });

  it('a finalised invoice refuses every change but voiding (409), whatever is asked', async () => {
    await seed({ startTimeMs: MARCH.startMs + DAY });
    const draft = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    await invoices.finalize(draft.id, ACTOR);
    for (const [action, attempt] of [
      ['refresh', () => invoices.refresh(draft.id, ACTOR)],
      ['delete', () => invoices.remove(draft.id, ACTOR)],
      ['finalize', () => invoices.finalize(draft.id, ACTOR)],
    ] as const) {
      await expect(refusal(attempt())).resolves.toEqual({
        status: 409,
        message: `Invoice ${draft.id} is finalized (GH-2026-000001): only a draft can ${action}; a finalized invoice never changes`,
      });
    }
    await expect(invoices.load(draft.id)).resolves.toMatchObject({
      status: 'finalized',
      number: 'GH-2026-000001',
      totalMinor: 159,
      version: 2,
    });
  });

  it('void keeps the number and totals and sends the items back to approved, free; only once', async () => {
    const [item] = await seed({ startTimeMs: MARCH.startMs + DAY });
    const draft = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    await invoices.finalize(draft.id, ACTOR);
    now += 1000;
    await expect(invoices.void(draft.id, 'Billed to the wrong room', ACTOR)).resolves.toMatchObject(
      {
        status: 'void',
        number: 'GH-2026-000001',
        totalMinor: 159,
        voidedAtMs: now,
        voidReason: 'Billed to the wrong room',
      },
    );
    await expect(items([item])).resolves.toEqual([
      { id: item, status: 'approved', invoice_id: null },
    ]);
    await expect(refusal(invoices.void(draft.id, 'again', ACTOR))).resolves.toEqual({
      status: 409,
      message: `Invoice ${draft.id} is void: only a finalized invoice can be voided`,
    });
    // The items can be invoiced again, under the next number.
    const again = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    await expect(invoices.finalize(again.id, ACTOR)).resolves.toMatchObject({
      number: 'GH-2026-000002',
    });
    expect((await events()).map((e) => e.action)).toEqual([
      'invoice.draft',
      'invoice.finalize',
      'invoice.void',
      'invoice.draft',
      'invoice.finalize',
    ]);
  });

  it('a draft refreshed takes the items approved since; a draft deleted lets its items go', async () => {
    const [first] = await seed({ startTimeMs: MARCH.startMs + DAY });
    const draft = await invoices.createDraft('ROOM-1012', MARCH, ACTOR);
    const [later] = await seed({ startTimeMs: MARCH.startMs + 3 * DAY, amountMinor: 300 });
    const refreshed = await invoices.refresh(draft.id, ACTOR);
    expect(refreshed).toMatchObject({ subtotalMinor: 450, totalMinor: 468 });
    expect((await lines(draft.id)).map((l) => l.lineItemId)).toEqual([first, later]);
    await invoices.remove(draft.id, ACTOR);
    await expect(store.findById(draft.id)).resolves.toBeNull();
    await expect(items([first, later])).resolves.toEqual([
      { id: first, status: 'approved', invoice_id: null },
      { id: later, status: 'approved', invoice_id: null },
    ]);
    expect((await events()).map((e) => e.action)).toEqual([
      'invoice.draft',
      'invoice.refresh',
      'invoice.delete',
    ]);
  });

  it('lists newest first a page at a time; a cursor belongs to its filter', async () => {
    await seed(
      ...['A', 'B', 'C', 'D', 'E'].map((room) => ({
        startTimeMs: MARCH.startMs + DAY,
        billingAccount: `ROOM-${room}`,
      })),
    );
    const { drafts } = await invoices.batch(MARCH, { sourceId: null, businessId: null }, ACTOR);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await invoices.list({ status: ['draft'], limit: 2, cursor });
      seen.push(...page.items.map((i) => i.billingAccount));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(drafts.map((d) => d.billingAccount)).toEqual([
      'ROOM-A',
      'ROOM-B',
      'ROOM-C',
      'ROOM-D',
      'ROOM-E',
    ]);
    expect(seen).toEqual(['ROOM-E', 'ROOM-D', 'ROOM-C', 'ROOM-B', 'ROOM-A']);
    const first = await invoices.list({ status: ['draft'], limit: 2 });
    await expect(
      refusal(invoices.list({ status: ['finalized'], limit: 2, cursor: first.nextCursor! })),
    ).resolves.toMatchObject({ status: 400 });
  });
});
