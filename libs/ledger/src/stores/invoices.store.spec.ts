import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Invoice, InvoiceLine } from '../entities';
import { Ledger } from '../ledger';
import {
  INVOICE_FIELDS,
  INVOICE_LINE_FIELDS,
  InvoiceStore,
  type NewInvoiceDraft,
  type NewInvoiceLine,
} from './invoices.store';
import { openTestLedger } from '../testing';

const DAY = 86_400_000;
const MARCH = Date.UTC(2026, 2, 1);

/**
 * The invoice store on the real migrations (`:memory:`): gapless numbers per business and year,
 * the list's filters and keyset pages, and the export's line pages.
 */
describe('InvoiceStore (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let store: InvoiceStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    store = new InvoiceStore(ledger);
    // Business 1 (INV) is the migrations' default; business 2 is a hotel of its own.
    await db.query(`INSERT INTO businesses (id, name, kind, timezone, invoice_prefix, created_at_ms,
        updated_at_ms) VALUES (2, 'Grand Hotel', 'hotel', 'America/Denver', 'GH', 0, 0)`);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    await db.query(`INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms,
        plan_json, created_at_ms, created_by) VALUES (1, 1, 1, 0, '{"name":"v1"}', 0, 'test')`);
    await db.query(`INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id,
        business_id, timezone, created_at_ms, updated_at_ms)
      VALUES (1, 'Calls', 'call-records', 'CALLDTL1', 1, 2, 'America/Denver', 0, 0)`);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const draft = (changes: Partial<NewInvoiceDraft> = {}): NewInvoiceDraft => ({
    billingAccount: 'ROOM-1012',
    businessId: 2,
    sourceId: 1,
    ratePlanId: 1,
    timezone: 'America/Denver',
    periodStartMs: MARCH,
    periodEndMs: MARCH + 31 * DAY,
    currency: 'USD',
    createdAtMs: 1,
    updatedAtMs: 1,
    ...changes,
  });

  /** Drafts made in order; returns their ids. */
  const drafts = (...made: Partial<NewInvoiceDraft>[]): Promise<number[]> =>
    ledger.transaction(async (tx) => {
      const ids: number[] = [];
      for (const d of made) ids.push(await store.insertDraft(tx, draft(d)));
      return ids;
    });

  /** Finalises a draft with a number taken from its business's sequence of `year`. */
  const finalize = (id: number, businessId: number, prefix: string, year: number) =>
    ledger.transaction(async (tx) => {
      const sequence = await store.takeNextSequence(tx, businessId, year);
      const number = `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
      await store.markFinalized(tx, id, {
        number,
        numberYear: year,
        sequence,
        issuerJson: '{}',
        finalizedAtMs: 5,
      });
      return number;
    });

  it('reads every field of an invoice and writes every field of a line (the entities, whole)', () => {
    const columns = (entity: Function) =>
      db.getMetadata(entity).columns.map((column) => column.propertyName);
    expect([...INVOICE_FIELDS].sort()).toEqual(columns(Invoice).sort());
    expect([...INVOICE_LINE_FIELDS, 'id'].sort()).toEqual(columns(InvoiceLine).sort());
  });

  it('reads an invoice as the entity reads it: camelCase fields, nothing else', async () => {
    const [id] = await drafts({});
    const invoice = await store.findById(id);
    expect(invoice).toEqual({
      id,
      ...draft(),
      status: 'draft',
      issuerJson: null,
      number: null,
      numberYear: null,
      sequence: null,
      subtotalMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      finalizedAtMs: null,
      voidedAtMs: null,
      voidReason: null,
      version: 1,
    });
    await expect(store.findById(id + 1)).resolves.toBeNull();
  });

  describe('numbering', () => {
    it('numbers each business gaplessly within a year, from 1, and starts again each year', async () => {
      const ids = await drafts({}, {}, { businessId: 1 }, {}, {});
      await expect(finalize(ids[0], 2, 'GH', 2026)).resolves.toBe('GH-2026-000001');
      await expect(finalize(ids[1], 2, 'GH', 2026)).resolves.toBe('GH-2026-000002');
      await expect(finalize(ids[2], 1, 'INV', 2026)).resolves.toBe('INV-2026-000001');
      await expect(finalize(ids[3], 2, 'GH', 2027)).resolves.toBe('GH-2027-000001');
      await expect(finalize(ids[4], 2, 'GH', 2026)).resolves.toBe('GH-2026-000003');
      const numbered = await store.findByIds(ids);
      expect(numbered.map((i) => [i.status, i.numberYear, i.sequence])).toEqual([
        ['finalized', 2026, 1],
        ['finalized', 2026, 2],
        ['finalized', 2026, 1],
        ['finalized', 2027, 1],
        ['finalized', 2026, 3],
      ]);
      await expect(store.findByNumber('GH-2026-000003')).resolves.toMatchObject({ id: ids[4] });
      await expect(store.findByNumber('GH-2026-000004')).resolves.toBeNull();
    });

    it('gives a number back when the finalisation that took it rolls back: no gap', async () => {
      const [first, second] = await drafts({}, {});
      await expect(
        ledger.transaction(async (tx) => {
          await store.takeNextSequence(tx, 2, 2026);
          throw new Error('the audit event failed');
        }),
      ).rejects.toThrow('the audit event failed');
      await expect(finalize(first, 2, 'GH', 2026)).resolves.toBe('GH-2026-000001');
      await expect(finalize(second, 2, 'GH', 2026)).resolves.toBe('GH-2026-000002');
    });

    it("never numbers two invoices alike: the ledger refuses a business's sequence twice", async () => {
      const [first, second] = await drafts({}, {});
      await expect(finalize(first, 2, 'GH', 2026)).resolves.toBe('GH-2026-000001');
      await expect(store.findById(second)).resolves.toMatchObject({ status: 'draft' });
      // SQLite's own error, made by the native module with the error class of the first test file
      // that loaded it in this worker: not an Error of this file's realm, so it is matched by its
      // message (toThrow would say nothing was thrown).
      await expect(
        ledger.transaction(async (tx) => {
          await store.markFinalized(tx, second, {
            number: 'GH-2026-000099',
            numberYear: 2026,
            sequence: 1,
            issuerJson: '{}',
            finalizedAtMs: 5,
          });
        }),
      ).rejects.toMatchObject({
        message: expect.stringMatching(
          /UNIQUE constraint failed|unique constraint "UQ_invoices_business_year_sequence"/,
        ),
      });
    });
  });

  describe('the list: filters and keyset pages, newest first', () => {
    it('pages through every invoice once, newest first, however many are added meanwhile', async () => {
      const ids = await drafts(...Array.from({ length: 7 }, () => ({})));
      const seen: number[] = [];
      let after: number | null = null;
      for (let page = 0; page < 10; page++) {
        const { items, more }: { items: Invoice[]; more: boolean } = await store.findPage(
          {},
          after,
          3,
        );
        seen.push(...items.map((i) => i.id));
        if (page === 0) await drafts({}); // newer than the first page: not in this walk
        if (!more) break;
        after = items[items.length - 1].id;
      }
      expect(seen).toEqual([...ids].reverse());
    });

    it('says there is no more when the last page is exactly full', async () => {
      await drafts({}, {}, {});
      await expect(store.findPage({}, null, 3)).resolves.toMatchObject({ more: false });
      await expect(store.findPage({}, null, 2)).resolves.toMatchObject({ more: true });
    });

    it('narrows by status, business, source, account and period start', async () => {
      const [a, b, c, d] = await drafts(
        {},
        { billingAccount: 'ROOM-2001' },
        {
          businessId: 1,
          sourceId: null,
          periodStartMs: MARCH + 31 * DAY,
          periodEndMs: MARCH + 61 * DAY,
        },
        { periodStartMs: MARCH + 10 * DAY },
      );
      await finalize(a, 2, 'GH', 2026);
      const ids = async (filter: Parameters<InvoiceStore['findMatching']>[0]) =>
        (await store.findMatching(filter, 100)).map((i) => i.id);
      await expect(ids({})).resolves.toEqual([a, b, c, d]);
      await expect(ids({ statuses: ['finalized'] })).resolves.toEqual([a]);
      await expect(ids({ statuses: ['draft', 'void'] })).resolves.toEqual([b, c, d]);
      await expect(ids({ businessId: 1 })).resolves.toEqual([c]);
      await expect(ids({ sourceId: 1 })).resolves.toEqual([a, b, d]);
      await expect(ids({ billingAccount: 'ROOM-2001' })).resolves.toEqual([b]);
      await expect(ids({ periodStartFromMs: MARCH + DAY })).resolves.toEqual([c, d]);
      await expect(ids({ periodStartBeforeMs: MARCH + 31 * DAY })).resolves.toEqual([a, b, d]);
      await expect(
        ids({ statuses: ['draft'], businessId: 2, periodStartFromMs: MARCH + DAY }),
      ).resolves.toEqual([d]);
      await expect(store.findMatching({}, 2)).resolves.toHaveLength(2);
    });

    it('matches a number by its beginning, where _ and % are themselves', async () => {
      await db.query(`INSERT INTO businesses (id, name, kind, timezone, invoice_prefix,
          created_at_ms, updated_at_ms) VALUES (3, 'Other', 'other', 'UTC', 'G_H', 0, 0)`);
      const [a, b, c] = await drafts({}, {}, { businessId: 3 });
      await finalize(a, 2, 'GH', 2026);
      await finalize(b, 2, 'GH', 2027);
      await finalize(c, 3, 'G_H', 2026);
      const ids = async (numberPrefix: string) =>
        (await store.findMatching({ numberPrefix }, 100)).map((i) => i.id);
      await expect(ids('GH-2026-')).resolves.toEqual([a]);
      await expect(ids('GH-')).resolves.toEqual([a, b]);
      await expect(ids('G_H')).resolves.toEqual([c]);
      await expect(ids('G%')).resolves.toEqual([]);
      await expect(ids('GH-2026-000001')).resolves.toEqual([a]);
    });
  });

  describe('lines', () => {
    const line = (n: number, changes: Partial<NewInvoiceLine> = {}) => ({
      lineNumber: n,
      lineItemId: n,
      callId: `c${n}`,
      startTimeMs: MARCH + n * 60_000,
      extension: '1012',
      dialedNumber: '9 1 303 555 0100',
      normalizedNumber: '13035550100',
      destinationClass: 'long-distance',
      talkSeconds: 61,
      billedSeconds: 66,
      calls: 1,
      description: `Telephone: +13035550100, 2 min`,
      ratedAmountMinor: 150,
      ratedTaxMinor: 9,
      ratedTotalMinor: 159,
      adjustmentMinor: 0,
      amountMinor: 150,
      taxesJson: '[]',
      taxMinor: 9,
      totalMinor: 159,
      timekeeperId: n === 1 ? 'TK-7' : null,
      timekeeperName: n === 1 ? 'Ada Porter' : null,
      timekeeperClassification: n === 1 ? 'PARTNER' : null,
      breakdownJson: '{}',
      ...changes,
    });

    /** A draft of `count` lines over line items 1..count (item 2 bills an account summary). */
    async function draftWithLines(count: number): Promise<number> {
      await db.query(`INSERT INTO account_summaries (id, source_id, account_code, period_start_ms,
          period_end_ms, calls, total_talk_ms, raw_json, created_at_ms)
        VALUES (7, 1, '10234', ${MARCH}, ${MARCH + DAY}, 3, 180000, '{}', 0)`);
      for (let n = 1; n <= count; n++) {
        const summary = n === 2;
        if (!summary) {
          await db.query(
            `INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction,
              talk_ms, raw_json, created_at_ms) VALUES (?, 1, ?, ?, 'outbound', 61000, '{}', 0)`,
            [n, `c${n}`, MARCH + n * 60_000],
          );
        }
        await db.query(
          `INSERT INTO line_items (id, source_id, call_record_id, account_summary_id, call_id,
             billing_account, start_time_ms, talk_seconds, billed_seconds, currency,
             rated_amount_minor, amount_minor, tax_minor, total_minor, status, rate_plan_id,
             rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms,
             updated_at_ms, local_date)
           VALUES (?, 1, ?, ?, ?, 'ROOM-1012', ?, 61, 66, 'USD', 150, 150, 9, 159, 'approved', 1, 1,
             1, '{}', 0, 0, '2026-03-01')`,
          [n, summary ? null : n, summary ? 7 : null, `c${n}`, MARCH + n * 60_000],
        );
      }
      return ledger.transaction(async (tx) => {
        const id = await store.insertDraft(tx, draft());
        const writer = store.lineWriter(tx, id);
        for (let n = 1; n <= count; n++) await writer.add(line(n, { amountMinor: 100 + n }));
        return id;
      });
    }

    it('adds them up, and reads the plan that rated the first', async () => {
      const id = await draftWithLines(4);
      await expect(store.lineTotals(id)).resolves.toEqual({
        lines: 4,
        amountMinor: 101 + 102 + 103 + 104,
        taxMinor: 36,
        totalMinor: 4 * 159,
        maxLineItemId: 4,
      });
      await expect(store.firstLinePlanJson(id)).resolves.toBe('{"name":"v1"}');
      const [empty] = await drafts({});
      await expect(store.lineTotals(empty)).resolves.toEqual({
        lines: 0,
        amountMinor: 0,
        taxMinor: 0,
        totalMinor: 0,
        maxLineItemId: 0,
      });
      await expect(store.firstLinePlanJson(empty)).resolves.toBeNull();
    });

    it('reads chosen fields a page at a time in line order, with the line number always', async () => {
      const id = await draftWithLines(5);
      const reader = store.lineReader(['callId', 'amountMinor', 'accountSummaryId']);
      await expect(reader.page(id, 0, 2)).resolves.toEqual([
        { lineNumber: 1, callId: 'c1', amountMinor: 101, accountSummaryId: null },
        { lineNumber: 2, callId: 'c2', amountMinor: 102, accountSummaryId: 7 },
      ]);
      expect((await reader.page(id, 2, 2)).map((l) => l.lineNumber)).toEqual([3, 4]);
      expect((await reader.page(id, 4, 2)).map((l) => l.lineNumber)).toEqual([5]);
      await expect(reader.page(id, 5, 2)).resolves.toEqual([]);
      await expect(reader.page(id, 0, null)).resolves.toHaveLength(5);
    });

    it('keeps the timekeeper a line was made with (LEDES TIMEKEEPER_*), or none', async () => {
      const id = await draftWithLines(2);
      const reader = store.lineReader([
        'timekeeperId',
        'timekeeperName',
        'timekeeperClassification',
      ]);
      await expect(reader.page(id, 0, null)).resolves.toEqual([
        {
          lineNumber: 1,
          timekeeperId: 'TK-7',
          timekeeperName: 'Ada Porter',
          timekeeperClassification: 'PARTNER',
        },
        {
          lineNumber: 2,
          timekeeperId: null,
          timekeeperName: null,
          timekeeperClassification: null,
        },
      ]);
    });

    it("removes a draft's lines, and the draft with them", async () => {
      const id = await draftWithLines(2);
      await ledger.transaction(async (tx) => {
        await store.removeLines(tx, id);
        await store.deleteDraft(tx, id);
      });
      await expect(store.findById(id)).resolves.toBeNull();
      await expect(store.lineTotals(id)).resolves.toMatchObject({ lines: 0 });
    });
  });
});
