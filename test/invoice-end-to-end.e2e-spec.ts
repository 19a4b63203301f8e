import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { LEDES_FIELDS, validateLedes } from '@app/invoice-export';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { pdfTexts } from './support/pdf-text';
import { samplePlan } from './support/fixtures';

/**
 * The acceptance point of issue 6, end to end: calls from the Xima sandbox are synced by two
 * sources over the same sandbox (a hotel rated by room extension, a law firm rated by account
 * code: the sandbox makes both kinds of call), reviewed (an adjustment, a rejection, then
 * everything pending in the period approved by one filter bulk action), batched into one
 * draft per billing account, finalised, and exported in every format. Every number in every
 * file is checked against the line items, to the cent, with integer minor units only.
 */

const TOKEN = 'sandbox-token-for-invoice-end-to-end';
const ZONE = 'America/Denver';
// The sandbox's calls of Sun 1 to Wed 4 March 2026 (Denver) are synced; Mon and Tue are the
// invoice period. Sun and Wed are approved too, to show that items outside the period stay out.
const SYNC = { from: '2026-03-01', to: '2026-03-05' };
const PERIOD = { periodStart: '2026-03-02T00:00:00-07:00', periodEnd: '2026-03-04T00:00:00-07:00' };
const SYNCED = { from: '2026-03-01T00:00:00-07:00', to: '2026-03-05T00:00:00-07:00' };
const IN_PERIOD = { from: PERIOD.periodStart, to: PERIOD.periodEnd };
const PERIOD_MS = { start: Date.parse(PERIOD.periodStart), end: Date.parse(PERIOD.periodEnd) };

/** "12.34" / "-1.00" as minor units, read digit by digit: never through a float. */
function minor(text: unknown): number {
  const match = typeof text === 'string' ? /^(-?)(\d+)\.(\d{2})$/.exec(text) : null;
  if (!match) throw new Error(`not an amount with two decimals: ${JSON.stringify(text)}`);
  const units = BigInt(match[2]) * 100n + BigInt(match[3]);
  const value = match[1] === '-' ? -units : units;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || -value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`amount out of range: ${text as string}`);
  }
  return Number(value);
}

/** Minor units as a decimal string, for a request body (non-negative). */
const decimal = (units: number) =>
  `${Math.trunc(units / 100)}.${String(units % 100).padStart(2, '0')}`;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The tax rating gave an item, before any adjustment (as its breakdown keeps it). */
const ratedTax = (item: { breakdown_json: string; tax_minor: number }) =>
  (JSON.parse(item.breakdown_json) as { taxMinor?: number }).taxMinor ?? item.tax_minor;

/** The line item rows of a LEDES 1998B file, as fields. */
const ledesRows = (text: string) =>
  text
    .split('\r\n')
    .slice(2, -1) // the header lines, and what follows the last line's CRLF
    .map((line) => line.slice(0, -2).split('|'));
const field = (row: string[], name: (typeof LEDES_FIELDS)[number]) =>
  row[LEDES_FIELDS.indexOf(name)];

interface ItemRow {
  id: number;
  call_id: string;
  billing_account: string | null;
  start_time_ms: number;
  extension: string | null;
  normalized_number: string | null;
  talk_seconds: number;
  status: string;
  rated_amount_minor: number;
  adjusted_amount_minor: number | null;
  amount_minor: number;
  tax_minor: number;
  total_minor: number;
  breakdown_json: string;
  invoice_id: number | null;
}

interface ItemView {
  id: number;
  billingAccount: string | null;
  status: string;
  amount: string;
  tax: string;
  total: string;
  invoiceId: number | null;
}

interface InvoiceView {
  id: number;
  number: string | null;
  status: string;
  billingAccount: string;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  lines: { lineNumber: number; lineItemId: number; amount: string; tax: string; total: string }[];
}

interface JsonExport {
  id: number;
  number: string;
  status: string;
  draft: boolean;
  billingAccount: string;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  lines: {
    lineNumber: number;
    lineItemId: number;
    callId: string;
    ratedAmount: string;
    adjustment: string;
    amount: string;
    taxes: { amount: string }[];
    tax: string;
    total: string;
  }[];
}

interface Flow {
  sourceId: number;
  /** Every approved item of the source in the period, by id, as the ledger held it. */
  approved: Map<number, ItemRow>;
  /** The per-currency totals GET /line-items gave for them. */
  approvedTotals: { currency: string; count: number; amount: string; tax: string; total: string }[];
  adjustedId: number;
  rejectedId: number;
  /** Law firm: items a reviewer assigned to `assignedTo` (a wrong matter; a missing code). */
  assignedIds: number[];
  assignedTo: string;
  invoices: InvoiceView[];
}

describe('invoices end to end: sandbox -> sync -> bulk approve -> batch -> finalise -> every format (e2e)', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let db: DataSource;
  const flows: Record<'hotel' | 'lawFirm', Flow> = {} as Record<'hotel' | 'lawFirm', Flow>;

  const http = () => request(t.app.getHttpServer());
  const api = (method: 'get' | 'post', path: string) =>
    http()
      [method](`/api/v1${path}`)
      .set(...bearer(t.adminKey));

  /** The body as bytes, whatever the content type, so that every format is read the same way. */
  const exportAs = async (invoiceId: number, format: string): Promise<string> =>
    (await exportBytes(invoiceId, format)).toString('utf8');
  const exportBytes = async (invoiceId: number, format: string): Promise<Buffer> => {
    const res = await api('get', `/invoices/${invoiceId}/export`)
      .query({ format })
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect({ format, status: res.status }).toEqual({ format, status: 200 });
    return res.body as Buffer;
  };

  async function createSource(plan: string, name: string, businessId?: number): Promise<number> {
    const created = await api('post', '/rate-plans')
      .send({
        effectiveFrom: '2026-01-01T00:00:00-07:00',
        ...samplePlan<Record<string, unknown>>(plan),
      })
      .expect(201);
    const source = await api('post', '/sources')
      .send({
        name,
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: created.body.id,
        timezone: ZONE,
        businessId,
      })
      .expect(201);
    const run = await api('post', `/sources/${source.body.id}/sync`).send(SYNC).expect(200);
    expect(run.body).toMatchObject({ status: 'succeeded', errors: 0 });
    return source.body.id as number;
  }

  /** Line items of a source, straight from the ledger: `where` and `order` are SQL. */
  const items = (sourceId: number, where = '1', params: unknown[] = [], order = 'id') =>
    db.query<ItemRow[]>(
      `SELECT id, call_id, billing_account, start_time_ms, extension, normalized_number,
         talk_seconds, status, rated_amount_minor, adjusted_amount_minor, amount_minor, tax_minor,
         total_minor, breakdown_json, invoice_id
       FROM line_items WHERE source_id = ? AND ${where} ORDER BY ${order}`,
      [sourceId, ...params],
    );

  /** Every item GET /line-items matches, page after page, and the first page's totals. */
  async function listed(filter: Record<string, string | number>) {
    const all: ItemView[] = [];
    let cursor: string | undefined;
    let totals: Flow['approvedTotals'] | undefined;
    do {
      const res = await api('get', '/line-items')
        .query({ ...filter, limit: 1000, ...(cursor ? { cursor } : {}) })
        .expect(200);
      all.push(...(res.body.items as ItemView[]));
      totals ??= (res.body.totals as { byCurrency: Flow['approvedTotals'] }).byCurrency;
      cursor = (res.body.nextCursor as string | null) ?? undefined;
    } while (cursor);
    return { items: all, totals: totals ?? [] };
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'invoice-end-to-end', callsPerDay: 300 });
    const client = new XimaClient({ baseUrl: sandbox.url, token: TOKEN });
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN }, (builder) =>
      builder.overrideProvider(XIMA_GATEWAY).useValue(client),
    );
    db = t.app.get(DataSource);
    // The hotel is a business of its own (its invoices export as pms); the firm's calls stay
    // with the default business, of kind other, whose invoices export as LEDES.
    const grandHotel = await api('post', '/businesses')
      .send({ name: 'Grand Hotel', kind: 'hotel', timezone: ZONE, invoicePrefix: 'GH' })
      .expect(201);
    const hotel = await createSource('grand-hotel', 'Grand Hotel', grandHotel.body.id as number);
    const lawFirm = await createSource('porter-lane-calls', 'Porter & Lane');
    const flow = (sourceId: number): Flow => ({
      sourceId,
      approved: new Map(),
      approvedTotals: [],
      adjustedId: 0,
      rejectedId: 0,
      assignedIds: [],
      assignedTo: '',
      invoices: [],
    });
    flows.hotel = flow(hotel);
    flows.lawFirm = flow(lawFirm);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  describe.each([
    ['hotel (grand-hotel plan: room extensions; csv, json, pms)', 'hotel'],
    ['law firm (porter-lane-calls plan: account codes; ledes1998b, csv, json)', 'lawFirm'],
  ] as const)('%s', (_title, key) => {
    const flow = () => flows[key];

    it('the sandbox fed the source: several billing accounts with pending charges in the period', async () => {
      const pending = await items(
        flow().sourceId,
        `status = 'pending' AND start_time_ms >= ? AND start_time_ms < ?`,
        [PERIOD_MS.start, PERIOD_MS.end],
      );
      const accounts = new Set(pending.map((item) => item.billing_account));
      expect(pending.length).toBeGreaterThanOrEqual(20);
      expect(accounts.size).toBeGreaterThanOrEqual(3);
      expect(accounts.has(null)).toBe(false);
      if (key === 'hotel') {
        expect([...accounts].every((a) => /^ROOM-1\d{3}$/.test(a!))).toBe(true);
      } else {
        expect([...accounts].every((a) => /^\d{5}-\d{3}$/.test(a!))).toBe(true);
      }
    });

    it('a reviewer adjusts one charge down and rejects another; one filter bulk action approves everything else pending in the period', async () => {
      const { sourceId } = flow();
      const pending = await items(
        sourceId,
        `status = 'pending' AND start_time_ms >= ? AND start_time_ms < ? AND amount_minor >= 200`,
        [PERIOD_MS.start, PERIOD_MS.end],
      );
      expect(pending.length).toBeGreaterThanOrEqual(2);
      const [toAdjust, toReject] = [pending[0], pending[pending.length - 1]];
      const adjusted = await api('post', `/line-items/${toAdjust.id}/adjust`)
        .send({ amount: decimal(toAdjust.amount_minor - 100), reason: 'Goodwill: 1.00 off' })
        .expect(200);
      expect(adjusted.body).toMatchObject({ status: 'pending', adjusted: true });
      expect(minor(adjusted.body.amount)).toBe(toAdjust.amount_minor - 100);
      await api('post', `/line-items/${toReject.id}/reject`)
        .send({ reason: 'Disputed by the client' })
        .expect(200);
      flow().adjustedId = toAdjust.id;
      flow().rejectedId = toReject.id;
      if (key === 'lawFirm') {
        // The period's first call was billed to the wrong matter: it moves to another client's
        // matter. And an attorney's call without an account code gets one. Both are pending
        // again, to be approved with the rest.
        const [wrong] = await items(
          sourceId,
          `status = 'pending' AND start_time_ms >= ? AND id <> ?`,
          [PERIOD_MS.start, toAdjust.id],
          'start_time_ms, id LIMIT 1',
        );
        const to = wrong.billing_account!.startsWith('20871-') ? '31502-007' : '20871-001';
        const [missing] = await items(
          sourceId,
          `status = 'needs-review' AND reason = 'missing-account-code' AND length(extension) = 3
             AND amount_minor > 0 AND start_time_ms > ? AND start_time_ms < ?`,
          [wrong.start_time_ms, PERIOD_MS.end],
        );
        expect(missing).toBeDefined();
        for (const item of [wrong, missing]) {
          const res = await api('post', `/line-items/${item.id}/assign`)
            .send({ billingAccount: to, reason: 'Billed to the matter the call was for' })
            .expect(200);
          expect(res.body).toMatchObject({ status: 'pending', billingAccount: to });
        }
        flow().assignedIds = [wrong.id, missing.id];
        flow().assignedTo = to;
      }

      const before = await listed({ sourceId, status: 'pending', ...IN_PERIOD });
      const bulk = await api('post', '/line-items/bulk')
        .send({
          action: 'approve',
          filter: { sourceId, status: 'pending', ...IN_PERIOD },
          reason: 'Period checked',
        })
        .expect(200);
      expect(bulk.body).toEqual({ action: 'approve', count: before.items.length });
      expect((await listed({ sourceId, status: 'pending', ...IN_PERIOD })).items).toEqual([]);
      // The days before and after the period are approved too: they must stay off its invoices.
      const outside = await api('post', '/line-items/bulk')
        .send({ action: 'approve', filter: { sourceId, status: 'pending', ...SYNCED } })
        .expect(200);
      expect(outside.body.count).toBeGreaterThan(0);

      // What is to be invoiced: the approved items of the period, through the API (with its
      // totals) and in the ledger; both must say the same to the cent.
      const approved = await listed({ sourceId, status: 'approved', ...IN_PERIOD });
      const rows = await items(
        sourceId,
        `status = 'approved' AND start_time_ms >= ? AND start_time_ms < ?`,
        [PERIOD_MS.start, PERIOD_MS.end],
      );
      expect(approved.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(
        rows.map((row) => row.id),
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const view of approved.items) {
        const row = byId.get(view.id)!;
        expect([minor(view.amount), minor(view.tax), minor(view.total)]).toEqual([
          row.amount_minor,
          row.tax_minor,
          row.total_minor,
        ]);
        expect(row.total_minor).toBe(row.amount_minor + row.tax_minor);
        expect(view.invoiceId).toBeNull();
      }
      expect(approved.totals).toHaveLength(1);
      expect(approved.totals[0]).toMatchObject({ currency: 'USD', count: rows.length });
      expect(minor(approved.totals[0].total)).toBe(sum(rows.map((row) => row.total_minor)));
      expect(byId.get(toAdjust.id)).toMatchObject({
        adjusted_amount_minor: toAdjust.amount_minor - 100,
        amount_minor: toAdjust.amount_minor - 100,
      });
      expect(byId.has(toReject.id)).toBe(false);
      flow().approved = byId;
      flow().approvedTotals = approved.totals;
    });

    it('one batch makes one draft per billing account of the period; every draft is finalised', async () => {
      const { sourceId, approved } = flow();
      const batch = await api('post', '/invoices/batch')
        .send({ ...PERIOD, sourceId })
        .expect(201);
      const drafts = batch.body.items as InvoiceView[];
      const accounts = new Set([...approved.values()].map((item) => item.billing_account));
      expect(drafts.map((d) => d.billingAccount).sort()).toEqual([...accounts].sort());
      expect(drafts.every((d) => d.status === 'draft' && d.number === null)).toBe(true);
      // Nothing is left for a second batch of the same period.
      const again = await api('post', '/invoices/batch')
        .send({ ...PERIOD, sourceId })
        .expect(201);
      expect(again.body.items).toEqual([]);

      const finals: InvoiceView[] = [];
      for (const draft of drafts) {
        const res = await api('post', `/invoices/${draft.id}/finalize`).expect(200);
        finals.push(res.body as InvoiceView);
      }
      expect(finals.every((f) => f.status === 'finalized')).toBe(true);
      const prefix = key === 'hotel' ? 'GH' : 'INV';
      expect(finals.every((f) => new RegExp(`^${prefix}-\\d{4}-\\d{6}$`).test(f.number!))).toBe(
        true,
      );
      expect(new Set(finals.map((f) => f.number)).size).toBe(finals.length);
      flow().invoices = finals;
    });

    it("each invoice holds exactly its account's approved items of the period, and its totals are their sums", async () => {
      const { approved, invoices } = flow();
      for (const summary of invoices) {
        const invoice = (await api('get', `/invoices/${summary.id}`).expect(200))
          .body as InvoiceView;
        const expected = [...approved.values()].filter(
          (item) => item.billing_account === invoice.billingAccount,
        );
        const context = `${invoice.number} (${invoice.billingAccount})`;
        expect({
          context,
          ids: invoice.lines.map((l) => l.lineItemId).sort((a, b) => a - b),
        }).toEqual({
          context,
          ids: expected.map((item) => item.id),
        });
        expect(invoice.lines.map((l) => l.lineNumber)).toEqual(
          invoice.lines.map((_, index) => index + 1),
        );
        for (const line of invoice.lines) {
          const item = approved.get(line.lineItemId)!;
          expect({
            context,
            line: [minor(line.amount), minor(line.tax), minor(line.total)],
          }).toEqual({
            context,
            line: [item.amount_minor, item.tax_minor, item.total_minor],
          });
        }
        expect({
          context,
          subtotal: minor(invoice.subtotal),
          tax: minor(invoice.tax),
          total: minor(invoice.total),
        }).toEqual({
          context,
          subtotal: sum(expected.map((item) => item.amount_minor)),
          tax: sum(expected.map((item) => item.tax_minor)),
          total: sum(expected.map((item) => item.total_minor)),
        });
      }
    });

    it('json: every line, amount, tax and total agree with the line items and the invoice', async () => {
      const { approved, invoices } = flow();
      for (const invoice of invoices) {
        const body = JSON.parse(await exportAs(invoice.id, 'json')) as JsonExport;
        const context = `${invoice.number} json`;
        expect(body).toMatchObject({
          id: invoice.id,
          number: invoice.number,
          status: 'finalized',
          draft: false,
          billingAccount: invoice.billingAccount,
          currency: 'USD',
        });
        expect(body.lines).toHaveLength(invoice.lines.length);
        for (const line of body.lines) {
          const item = approved.get(line.lineItemId);
          expect({ context, found: item !== undefined }).toEqual({ context, found: true });
          expect({
            context,
            callId: line.callId,
            amount: minor(line.amount),
            tax: minor(line.tax),
            total: minor(line.total),
            taxes: sum(line.taxes.map((tax) => minor(tax.amount))),
            ratedAmount: minor(line.ratedAmount),
            adjustment: minor(line.adjustment),
          }).toEqual({
            context,
            callId: item!.call_id,
            amount: item!.amount_minor,
            tax: item!.tax_minor,
            total: item!.total_minor,
            taxes: item!.tax_minor,
            ratedAmount: item!.rated_amount_minor,
            adjustment: item!.total_minor - item!.rated_amount_minor - ratedTax(item!),
          });
        }
        expect(body.lines.map((l) => l.lineItemId).sort((a, b) => a - b)).toEqual(
          invoice.lines.map((l) => l.lineItemId).sort((a, b) => a - b),
        );
        expect({
          context,
          subtotal: minor(body.subtotal),
          tax: minor(body.tax),
          total: minor(body.total),
        }).toEqual({
          context,
          subtotal: sum(body.lines.map((l) => minor(l.amount))),
          tax: sum(body.lines.map((l) => minor(l.tax))),
          total: minor(invoice.total),
        });
        expect(minor(body.total)).toBe(sum(body.lines.map((l) => minor(l.total))));
      }
    });

    it('csv: one row per line; every amount, tax and total agrees with its line item; the rows add up to the invoice total', async () => {
      const { approved, invoices } = flow();
      const byCall = new Map([...approved.values()].map((item) => [item.call_id, item]));
      for (const invoice of invoices) {
        const text = await exportAs(invoice.id, 'csv');
        const context = `${invoice.number} csv`;
        expect(text.split('\r\n')[0]).toBe(
          'invoice_number,line_number,call_id,start_time,billing_account,extension,dialed_number,destination_class,talk_seconds,billed_seconds,amount,tax,total,currency,description,start_time_utc',
        );
        const rows = parse<Record<string, string>>(text, {
          columns: true,
          skip_empty_lines: true,
        });
        expect({ context, rows: rows.length }).toEqual({ context, rows: invoice.lines.length });
        const seen = new Set<number>();
        for (const [index, row] of rows.entries()) {
          const item = byCall.get(row.call_id);
          expect({ context, call: row.call_id, found: item !== undefined }).toEqual({
            context,
            call: row.call_id,
            found: true,
          });
          seen.add(item!.id);
          expect({
            context,
            invoice: row.invoice_number,
            line: row.line_number,
            account: row.billing_account,
            currency: row.currency,
            amount: minor(row.amount),
            tax: minor(row.tax),
            total: minor(row.total),
            start: DateTime.fromISO(row.start_time, { setZone: true }).toMillis(),
            startUtc: row.start_time_utc.endsWith('Z') ? Date.parse(row.start_time_utc) : null,
          }).toEqual({
            context,
            invoice: invoice.number,
            line: String(index + 1),
            account: invoice.billingAccount,
            currency: 'USD',
            amount: item!.amount_minor,
            tax: item!.tax_minor,
            total: item!.total_minor,
            start: item!.start_time_ms,
            startUtc: item!.start_time_ms,
          });
        }
        expect([...seen].sort((a, b) => a - b)).toEqual(
          invoice.lines.map((l) => l.lineItemId).sort((a, b) => a - b),
        );
        expect({ context, total: sum(rows.map((r) => minor(r.total))) }).toEqual({
          context,
          total: minor(invoice.total),
        });
        expect(sum(rows.map((r) => minor(r.amount)))).toBe(minor(invoice.subtotal));
        expect(sum(rows.map((r) => minor(r.tax)))).toBe(minor(invoice.tax));
      }
    });

    if (key === 'hotel') {
      it('pdf: read back by a text extractor, a row per line whose amounts add up to the subtotal; the tax and the total are the invoice totals', async () => {
        const { invoices } = flow();
        const texts = await pdfTexts(
          await Promise.all(invoices.map((invoice) => exportBytes(invoice.id, 'pdf'))),
        );
        for (const [index, invoice] of invoices.entries()) {
          const lines = texts[index].split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
          const context = `${invoice.number} pdf`;
          const amounts = lines
            .map((line) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} .* (-?\d+\.\d{2}) USD$/.exec(line))
            .filter((match) => match !== null)
            .map((match) => minor(match[1]));
          const amountOf = (label: string) =>
            lines
              .filter((line) => line.startsWith(`${label} `) && line.endsWith(' USD'))
              .map((line) => minor(line.slice(label.length + 1, -4)));
          expect({
            context,
            number: lines.includes(`Invoice: ${invoice.number}`),
            rows: amounts.length,
            rowsSum: sum(amounts),
            subtotal: amountOf('Subtotal'),
            tax: sum(amountOf('State sales tax')),
            total: amountOf('Total'),
          }).toEqual({
            context,
            number: true,
            rows: invoice.lines.length,
            rowsSum: minor(invoice.subtotal),
            subtotal: [minor(invoice.subtotal)],
            tax: minor(invoice.tax),
            total: [minor(invoice.total)],
          });
        }
      }, 30_000); // pdf.js reads every invoice's PDF in a child process: seconds on a busy machine

      it('pms: one PS posting per line; TA the total in minor units, P# the line item id, RN the room; the postings add up to the invoice total', async () => {
        const { approved, invoices } = flow();
        const posted = new Set<number>();
        for (const invoice of invoices) {
          const text = await exportAs(invoice.id, 'pms');
          const context = `${invoice.number} pms`;
          expect(text.endsWith('\r\n')).toBe(true);
          const records = text.slice(0, -2).split('\r\n');
          expect({ context, records: records.length }).toEqual({
            context,
            records: invoice.lines.length,
          });
          const postings = records.map((record) => {
            const match =
              /^PS\|RN(\d+)\|PTC\|TA(\d+)\|DD(\d*)\|DU(\d{6})\|DA(\d{6})\|TI(\d{6})\|P#(\d{1,8})\|$/.exec(
                record,
              );
            expect({ context, record, wellFormed: match !== null }).toEqual({
              context,
              record,
              wellFormed: true,
            });
            const [, room, ta, dd, , da, ti, posting] = match!;
            return { room, ta: Number(ta), dd, da, ti, posting: Number(posting) };
          });
          for (const posting of postings) {
            const item = approved.get(posting.posting);
            expect({ context, posting: posting.posting, found: item !== undefined }).toEqual({
              context,
              posting: posting.posting,
              found: true,
            });
            const start = DateTime.fromMillis(item!.start_time_ms, { zone: ZONE });
            expect({
              context,
              room: posting.room,
              ta: posting.ta,
              dd: posting.dd,
              da: posting.da,
              ti: posting.ti,
            }).toEqual({
              context,
              room: invoice.billingAccount.replace(/^ROOM-/, ''),
              ta: item!.total_minor,
              dd: item!.normalized_number,
              da: start.toFormat('yyMMdd'),
              ti: start.toFormat('HHmmss'),
            });
            expect(posted.has(posting.posting)).toBe(false);
            posted.add(posting.posting);
          }
          expect(postings.map((p) => p.posting).sort((a, b) => a - b)).toEqual(
            invoice.lines.map((l) => l.lineItemId).sort((a, b) => a - b),
          );
          expect({ context, total: sum(postings.map((p) => p.ta)) }).toEqual({
            context,
            total: minor(invoice.total),
          });
        }
      });
    }

    if (key === 'lawFirm') {
      it('ledes1998b: valid; a line per line item; LINE_ITEM_TOTAL its total, unit cost its rated total, adjustment the difference; INVOICE_TOTAL the invoice total', async () => {
        const { approved, invoices } = flow();
        for (const invoice of invoices) {
          const text = await exportAs(invoice.id, 'ledes1998b');
          const context = `${invoice.number} ledes1998b`;
          expect({ context, problems: validateLedes(text) }).toEqual({ context, problems: [] });
          const rows = ledesRows(text);
          expect({ context, rows: rows.length }).toEqual({ context, rows: invoice.lines.length });
          const itemOfLine = new Map(invoice.lines.map((l) => [l.lineNumber, l.lineItemId]));
          const [client, matter] = invoice.billingAccount.split('-');
          for (const row of rows) {
            const item = approved.get(itemOfLine.get(Number(field(row, 'LINE_ITEM_NUMBER')))!)!;
            const adjustment = field(row, 'LINE_ITEM_ADJUSTMENT_AMOUNT');
            expect({
              context,
              line: field(row, 'LINE_ITEM_NUMBER'),
              invoiceNumber: field(row, 'INVOICE_NUMBER'),
              invoiceTotal: minor(field(row, 'INVOICE_TOTAL')),
              total: minor(field(row, 'LINE_ITEM_TOTAL')),
              units: field(row, 'LINE_ITEM_NUMBER_OF_UNITS'),
              unitCost: minor(field(row, 'LINE_ITEM_UNIT_COST')),
              adjustment: adjustment === '0' ? 0 : minor(adjustment),
              date: field(row, 'LINE_ITEM_DATE'),
              timekeeper: field(row, 'TIMEKEEPER_ID'),
              client: field(row, 'CLIENT_ID'),
              matter: field(row, 'LAW_FIRM_MATTER_ID'),
              clientMatter: field(row, 'CLIENT_MATTER_ID'),
              firm: field(row, 'LAW_FIRM_ID'),
              period: [field(row, 'BILLING_START_DATE'), field(row, 'BILLING_END_DATE')],
            }).toEqual({
              context,
              line: field(row, 'LINE_ITEM_NUMBER'),
              invoiceNumber: invoice.number,
              invoiceTotal: minor(invoice.total),
              total: item.total_minor,
              units: '1',
              unitCost: item.rated_amount_minor + ratedTax(item),
              adjustment: item.total_minor - (item.rated_amount_minor + ratedTax(item)),
              date: DateTime.fromMillis(item.start_time_ms, { zone: ZONE }).toFormat('yyyyMMdd'),
              timekeeper: item.extension,
              client,
              matter,
              clientMatter: invoice.billingAccount,
              firm: '24-6437381',
              period: ['20260302', '20260303'],
            });
          }
          expect({
            context,
            total: sum(rows.map((r) => minor(field(r, 'LINE_ITEM_TOTAL')))),
          }).toEqual({
            context,
            total: minor(invoice.total),
          });
        }
        // The reviewer's reduction is on a LEDES line as a negative adjustment.
        const adjusted = flow().approved.get(flow().adjustedId)!;
        expect(adjusted.total_minor).toBeLessThan(adjusted.rated_amount_minor);
      });

      it('the items a reviewer assigned are billed to their new account, the re-assigned one first', () => {
        const { assignedIds, assignedTo, invoices } = flow();
        const invoice = invoices.find((i) => i.billingAccount === assignedTo)!;
        expect(invoice).toBeDefined();
        expect(invoice.lines.map((l) => l.lineItemId)).toEqual(expect.arrayContaining(assignedIds));
        expect(invoice.lines[0].lineItemId).toBe(assignedIds[0]);
        for (const other of invoices.filter((i) => i !== invoice)) {
          expect(other.lines.map((l) => l.lineItemId)).not.toEqual(
            expect.arrayContaining([assignedIds[0]]),
          );
        }
      });

      // `assign` changes an item's billing account but not the client and matter in its rating
      // breakdown: the export takes them from the invoice's account, not from a line.
      it('ledes1998b: CLIENT_ID and LAW_FIRM_MATTER_ID are those of the invoice account even when its first line was re-assigned', async () => {
        const { assignedTo, invoices } = flow();
        const invoice = invoices.find((i) => i.billingAccount === assignedTo)!;
        const rows = ledesRows(await exportAs(invoice.id, 'ledes1998b'));
        const [client, matter] = assignedTo.split('-');
        expect(
          rows.map((row) => [field(row, 'CLIENT_ID'), field(row, 'LAW_FIRM_MATTER_ID')]),
        ).toEqual(rows.map(() => [client, matter]));
      });
    }

    it('nothing lost, nothing double: the invoices add up to the approved items of the period; every one is invoiced, none left approved', async () => {
      const { sourceId, approved, approvedTotals, invoices, adjustedId, rejectedId } = flow();
      const lineIds = invoices.flatMap((invoice) => invoice.lines.map((l) => l.lineItemId));
      expect(new Set(lineIds).size).toBe(lineIds.length);
      expect([...lineIds].sort((a, b) => a - b)).toEqual([...approved.keys()]);
      expect(sum(invoices.map((i) => minor(i.total)))).toBe(minor(approvedTotals[0].total));
      expect(sum(invoices.map((i) => minor(i.subtotal)))).toBe(minor(approvedTotals[0].amount));
      expect(sum(invoices.map((i) => minor(i.tax)))).toBe(minor(approvedTotals[0].tax));
      expect(lineIds).toContain(adjustedId);
      expect(lineIds).not.toContain(rejectedId);

      const invoiceOf = new Map(
        invoices.flatMap((invoice) => invoice.lines.map((l) => [l.lineItemId, invoice.id])),
      );
      const now = await items(sourceId, `id IN (${[...approved.keys()].join(',')})`);
      expect(now.filter((item) => item.status !== 'invoiced')).toEqual([]);
      expect(now.filter((item) => item.invoice_id !== invoiceOf.get(item.id))).toEqual([]);
      // The ledger still holds the very numbers that were approved.
      expect(
        now.map((item) => [item.id, item.amount_minor, item.tax_minor, item.total_minor]),
      ).toEqual(
        [...approved.values()].map((item) => [
          item.id,
          item.amount_minor,
          item.tax_minor,
          item.total_minor,
        ]),
      );
      // Through the API too: nothing approved is left in the period, and all of it is invoiced.
      expect((await listed({ sourceId, status: 'approved', ...IN_PERIOD })).items).toEqual([]);
      const invoiced = await listed({ sourceId, status: 'invoiced', ...IN_PERIOD });
      expect(invoiced.items.map((item) => item.id).sort((a, b) => a - b)).toEqual([
        ...approved.keys(),
      ]);
      expect(minor(invoiced.totals[0].total)).toBe(minor(approvedTotals[0].total));
      // The rejected item and the day after the period stayed off the invoices.
      const [rejected] = await items(sourceId, 'id = ?', [rejectedId]);
      expect(rejected).toMatchObject({ status: 'rejected', invoice_id: null });
      const outside = await items(sourceId, `start_time_ms >= ?`, [PERIOD_MS.end]);
      expect(
        outside.filter((item) => item.invoice_id !== null || item.status === 'invoiced'),
      ).toEqual([]);
      expect(outside.some((item) => item.status === 'approved')).toBe(true);
      const before = await items(sourceId, `start_time_ms < ?`, [PERIOD_MS.start]);
      expect(
        before.filter((item) => item.invoice_id !== null || item.status === 'invoiced'),
      ).toEqual([]);
      expect(before.some((item) => item.status === 'approved')).toBe(true);
    });
  });

  it.each([
    ['hotel', 'GH'],
    ['lawFirm', 'INV'],
  ] as const)(
    'each business numbers its own (%s: %s): every finalised invoice has its own number, none skipped',
    (key, prefix) => {
      const numbers = flows[key].invoices.map((invoice) => invoice.number!).sort();
      const year = numbers[0].slice(prefix.length + 1, prefix.length + 5);
      expect(numbers).toEqual(
        numbers.map((_, index) => `${prefix}-${year}-${String(index + 1).padStart(6, '0')}`),
      );
    },
  );
});
