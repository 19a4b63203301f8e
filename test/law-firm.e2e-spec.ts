import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  GeneratedCall,
  LAW_FIRM_CODES,
  LocalClock,
  LawFirmMatter,
  LawFirmTimekeeper,
  MATTER_OUTCOMES,
  MatterOutcome,
  RunningSandbox,
  SANDBOX_AGENTS,
  TYPO_ACCOUNT_CODES,
  countMatterOutcomes,
  expectedMatterOutcome,
  expectedTimekeeper,
  generateCalls,
  intendedAccountCode,
  lawFirmMatters,
  lawFirmMattersCsv,
  lawFirmTimekeepers,
  lawFirmTimekeepersCsv,
  startSandbox,
} from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { LEDES_FIELDS, validateLedes } from '@app/invoice-export';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

/**
 * Issue 16's acceptance, end to end with the Xima sandbox's law firm: a business of kind
 * law-firm, its plan reading client and matter from the account code, the firm's matter list
 * and timekeepers imported through the API, a month of its attorneys' calls synced. Every line
 * item is checked against the sandbox's ground truth (each call's matter outcome, its
 * timekeeper); a typo's suggestions put the matter meant first; a bulk assign; the month
 * invoiced per matter and exported as LEDES 1998B with the timekeepers.
 */

const TOKEN = 'sandbox-token-for-law-firm';
const ZONE = 'America/Denver';
const SEED = 'law-firm-end-to-end';
const CALLS_PER_DAY = 400;
// March 2026 in Denver; DST starts on the 8th. `to` is exclusive.
const SYNC = { from: '2026-03-01', to: '2026-04-01' };
const MONTH_MS = {
  from: Date.parse('2026-03-01T00:00:00-07:00'),
  to: Date.parse('2026-04-01T00:00:00-06:00'),
};
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };
const CLOSED_DATE = '2026-03-16';
const NEW_OWNER_FROM = '2026-03-09';

/** What rating decides before the code: nothing to bill, or nothing it can price. */
const DECIDED_BEFORE_THE_CODE = new Set([
  'unanswered',
  'grace',
  'free-destination',
  'feature-code',
  'unroutable-number',
  'no-rate',
]);

const EXPECTED: Record<MatterOutcome, { status: string; reason: string | null }> = {
  valid: { status: 'pending', reason: null },
  missing: { status: 'needs-review', reason: 'missing-account-code' },
  malformed: { status: 'needs-review', reason: 'unknown-account-code' },
  unknown: { status: 'needs-review', reason: 'unknown-matter' },
  closed: { status: 'needs-review', reason: 'closed-matter' },
  'non-billable': { status: 'no-charge', reason: 'non-billable-matter' },
};

const ATTORNEYS = SANDBOX_AGENTS.filter((agent) => agent.role === 'attorney');

interface ItemRow {
  id: number;
  call_id: string;
  extension: string | null;
  account_code: string | null;
  billing_account: string | null;
  start_time_ms: number;
  status: string;
  reason: string | null;
  amount_minor: number;
  tax_minor: number;
  total_minor: number;
  talk_seconds: number;
  billed_seconds: number;
  timekeeper_id: string | null;
  timekeeper_name: string | null;
  timekeeper_classification: string | null;
}

interface InvoiceView {
  id: number;
  number: string | null;
  status: string;
  billingAccount: string;
  total: string;
  lines: { lineNumber: number; lineItemId: number; total: string }[];
}

/** Minor units as `12.34`, without a float (never negative here). */
const money = (units: number) =>
  `${Math.trunc(units / 100)}.${String(units % 100).padStart(2, '0')}`;

const clock = new LocalClock(ZONE);
/** An instant on the firm's wall clock: `2026-03-16`, `14:05:09`. */
function localDateTime(ms: number): { date: string; time: string } {
  const iso = new Date(clock.wallClockMs(ms)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

/** "12.34" as minor units, digit by digit. */
function minor(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not an amount: ${text}`);
  const units = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -units : units;
}

describe('a law firm end to end: matters and timekeepers imported, a month synced, corrected, invoiced per matter (e2e)', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let db: DataSource;
  let firmId: number;
  let sourceId: number;
  const matters: LawFirmMatter[] = lawFirmMatters({ closedDate: CLOSED_DATE });
  /** The list as the firm has it now: `matters`, then with the matter a re-import adds. */
  let current = matters;
  const timekeepers: LawFirmTimekeeper[] = lawFirmTimekeepers({ effectiveFrom: NEW_OWNER_FROM });
  /** The attorneys' outbound calls of the month, as the sandbox makes them, by Call ID. */
  const calls = new Map<string, GeneratedCall>();
  const matterIds = new Map<string, number>();

  const http = () => request(t.app.getHttpServer());
  const api = (method: 'get' | 'post', path: string) =>
    http()
      [method](`/api/v1${path}`)
      .set(...bearer(t.adminKey));

  /** An invoice's export as text, read as bytes whatever its content type. */
  const exportText = async (invoiceId: number, format: string, template?: string) => {
    const res = await api('get', `/invoices/${invoiceId}/export`)
      .query({ format, ...(template ? { template } : {}) })
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect({ format, template, status: res.status }).toEqual({ format, template, status: 200 });
    return (res.body as Buffer).toString('utf8');
  };

  const items = (where = 'TRUE', params: unknown[] = []) =>
    db.query<ItemRow[]>(
      `SELECT id, call_id, extension, account_code, billing_account, start_time_ms, status, reason,
         amount_minor, tax_minor, total_minor, talk_seconds, billed_seconds, timekeeper_id,
         timekeeper_name, timekeeper_classification
       FROM line_items WHERE source_id = ? AND ${where} ORDER BY id`,
      [sourceId, ...params],
    );

  /**
   * Every item against the ground truth for a matter list: rating decided it before its code
   * exactly when the call was unanswered or dialed a number nobody is billed for; else its
   * status and reason are its code's outcome. Returns the counts, which must be the truth's.
   */
  async function checkAgainstTruth(list: LawFirmMatter[]): Promise<void> {
    const rows = await items();
    expect(rows.map((r) => r.call_id).sort()).toEqual([...calls.keys()].sort());
    const mismatches: unknown[] = [];
    const judged: GeneratedCall[] = [];
    const counted = Object.fromEntries(MATTER_OUTCOMES.map((o) => [o, 0])) as Record<
      MatterOutcome,
      number
    >;
    for (const row of rows) {
      const call = calls.get(row.call_id)!;
      const before =
        !call.answered || ['junk', 'emergency', 'toll-free'].includes(call.numberKind!);
      if (before !== DECIDED_BEFORE_THE_CODE.has(row.reason ?? '')) {
        mismatches.push({ callId: row.call_id, numberKind: call.numberKind, reason: row.reason });
      }
      if (before) continue;
      judged.push(call);
      const outcome = expectedMatterOutcome(call, list, ZONE);
      const got = { status: row.status, reason: row.reason };
      if (JSON.stringify(got) !== JSON.stringify(EXPECTED[outcome])) {
        mismatches.push({ callId: row.call_id, code: call.accountCode, outcome, got });
      }
      const found = MATTER_OUTCOMES.find(
        (o) => EXPECTED[o].status === row.status && EXPECTED[o].reason === row.reason,
      );
      if (found) counted[found]++;
    }
    expect(mismatches).toEqual([]);
    expect(counted).toEqual(countMatterOutcomes(judged, list, ZONE));
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: SEED, callsPerDay: CALLS_PER_DAY });
    const client = new XimaClient({ baseUrl: sandbox.url, token: TOKEN });
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN }, (builder) =>
      builder.overrideProvider(XIMA_GATEWAY).useValue(client),
    );
    db = t.app.get(DataSource);
    for (const call of generateCalls(
      { seed: SEED, callsPerDay: CALLS_PER_DAY, timezone: ZONE },
      MONTH_MS.from,
      MONTH_MS.to - 1,
    )) {
      if (call.direction === 'Outbound' && ATTORNEYS.some((a) => a.key === call.agent)) {
        calls.set(call.callId, call);
      }
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  it('sets up the firm: a business of kind law-firm, its plan, its matter list and timekeepers imported', async () => {
    const firm = await api('post', '/businesses')
      .send({ name: 'Porter & Lane', kind: 'law-firm', timezone: ZONE, invoicePrefix: 'PL' })
      .expect(201);
    firmId = firm.body.id as number;

    const imported = await api('post', `/businesses/${firmId}/matters/import`)
      .set('Content-Type', 'text/csv')
      .send(lawFirmMattersCsv(matters))
      .expect(200);
    expect(imported.body).toMatchObject({ added: matters.length, total: matters.length });
    const again = await api('post', `/businesses/${firmId}/matters/import`)
      .set('Content-Type', 'text/csv')
      .send(lawFirmMattersCsv(matters))
      .expect(200);
    expect(again.body).toMatchObject({ added: 0, unchanged: matters.length });

    const staff = await api('post', `/businesses/${firmId}/timekeepers/import`)
      .set('Content-Type', 'text/csv')
      .send(lawFirmTimekeepersCsv(timekeepers))
      .expect(200);
    expect(staff.body).toMatchObject({ added: timekeepers.length });

    let cursor: string | null = null;
    do {
      const page = await api('get', `/businesses/${firmId}/matters`)
        .query({ limit: 500, ...(cursor ? { cursor } : {}) })
        .expect(200);
      for (const m of page.body.items as {
        id: number;
        clientNumber: string;
        matterNumber: string;
      }[]) {
        matterIds.set(`${m.clientNumber}-${m.matterNumber}`, m.id);
      }
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(matterIds.size).toBe(matters.length);

    const plan = await api('post', '/rate-plans')
      .send({
        effectiveFrom: '2026-01-01T00:00:00-07:00',
        ...samplePlan<Record<string, unknown>>('porter-lane-calls'),
      })
      .expect(201);
    const source = await api('post', '/sources')
      .send({
        name: 'Porter & Lane attorneys',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: ZONE,
        businessId: firmId,
        // The firm's source asks Xima for its attorneys only, as its service user would.
        parameters: [
          {
            name: 'Agents',
            valueType: 'PBX_USERS',
            value: { type: 'PBX_USERS', pbxUsers: ATTORNEYS.map((a) => ({ key: a.key })) },
          },
        ],
      })
      .expect(201);
    sourceId = source.body.id as number;
  });

  it('syncs the month: one line item per outbound attorney call, each ending as the ground truth says', async () => {
    const run = await api('post', `/sources/${sourceId}/sync`).send(SYNC).expect(200);
    expect(run.body).toMatchObject({ status: 'succeeded', errors: 0 });

    const truth = countMatterOutcomes(
      [...calls.values()].filter(
        (c) => c.answered && !['junk', 'emergency', 'toll-free'].includes(c.numberKind!),
      ),
      matters,
      ZONE,
    );
    for (const outcome of MATTER_OUTCOMES) {
      expect({ outcome, some: truth[outcome] > 0 }).toEqual({ outcome, some: true });
    }
    await checkAgainstTruth(matters);
    // The closed matter was billed until its closing day, and needs review after it.
    const closedCode = await items(`account_code = ? AND status = 'pending'`, [
      LAW_FIRM_CODES.closed,
    ]);
    expect(closedCode.length).toBeGreaterThan(0);
  });

  it('gives every item the timekeeper in force on its day, the new owner of a desk from the day he took it', async () => {
    const rows = await items();
    const wrong = rows.flatMap((row) => {
      const expected = expectedTimekeeper(calls.get(row.call_id)!, timekeepers, ZONE);
      const got = [row.timekeeper_id, row.timekeeper_name, row.timekeeper_classification];
      const want = [
        expected?.timekeeperId ?? null,
        expected?.name ?? null,
        expected?.classification ?? null,
      ];
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ id: row.id, got, want }];
    });
    expect(wrong).toEqual([]);
    const desk = rows.filter((r) => r.extension === '521').map((r) => r.timekeeper_name);
    expect(new Set(desk)).toEqual(new Set(['Casey Moreno', 'Imani Brooks']));
  });

  it("re-validates on a re-import: the matter the list lacked makes yesterday's unknown code valid", async () => {
    const [client] = matters.filter((m) => m.clientNumber === LAW_FIRM_CODES.unknown.slice(0, 5));
    const added: LawFirmMatter = {
      ...client,
      matterNumber: LAW_FIRM_CODES.unknown.slice(6),
      matterName: 'Fleet contracts',
      status: 'open',
      closedDate: '',
      billable: 'yes',
    };
    const waiting = await items(`account_code = ? AND reason = 'unknown-matter'`, [
      LAW_FIRM_CODES.unknown,
    ]);
    expect(waiting.length).toBeGreaterThan(0);
    const res = await api('post', `/businesses/${firmId}/matters/import`)
      .set('Content-Type', 'text/csv')
      .send(lawFirmMattersCsv([...matters, added]))
      .expect(200);
    expect(res.body).toMatchObject({
      added: 1,
      unchanged: matters.length,
      revalidated: { changed: waiting.length },
    });
    const page = await api('get', `/businesses/${firmId}/matters`)
      .query({ q: LAW_FIRM_CODES.unknown.slice(0, 5) })
      .expect(200);
    const row = (page.body.items as { id: number; matterNumber: string }[]).find(
      (m) => m.matterNumber === added.matterNumber,
    );
    matterIds.set(LAW_FIRM_CODES.unknown, row!.id);
    current = [...matters, added];
    await checkAgainstTruth(current);
    for (const item of await items(`id IN (${waiting.map((w) => w.id).join(',')})`)) {
      expect(item).toMatchObject({ status: 'pending', reason: null });
    }
  });

  it('filters by reason', async () => {
    const unknown = await items(`reason = 'unknown-matter'`);
    const res = await api('get', '/line-items')
      .query({ sourceId, reason: 'unknown-matter', limit: 1000 })
      .expect(200);
    expect((res.body.items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b)).toEqual(
      unknown.map((r) => r.id),
    );
  });

  it('suggests the matter meant first for each one-digit typo, and assigning it makes the item billable', async () => {
    const unknown = await items(`reason = 'unknown-matter'`);
    const typos = unknown.filter((r) => intendedAccountCode(r.account_code ?? '') !== undefined);
    const seen = new Set(typos.map((r) => r.account_code!.trim()));
    expect(seen).toEqual(new Set(TYPO_ACCOUNT_CODES.keys()));
    for (const code of seen) {
      const item = typos.find((r) => r.account_code!.trim() === code)!;
      const res = await api('get', `/line-items/${item.id}/suggestions`).expect(200);
      const first = (res.body.suggestions as { matter: { code: string } }[])[0];
      expect({ code, first: first?.matter.code }).toEqual({
        code,
        first: intendedAccountCode(code),
      });
    }
    const [one] = typos;
    const intended = intendedAccountCode(one.account_code!)!;
    const assigned = await api('post', `/line-items/${one.id}/assign`)
      .send({ matterId: matterIds.get(intended), reason: 'Digits swapped' })
      .expect(200);
    expect(assigned.body).toMatchObject({ status: 'pending', billingAccount: intended });
  });

  it("bulk assigns an extension's unknown codes of a day to one matter", async () => {
    const unknown = await items(`reason = 'unknown-matter' AND status = 'needs-review'`);
    const dayOf = (ms: number) => localDateTime(ms).date;
    const groups = new Map<string, ItemRow[]>();
    for (const row of unknown) {
      const key = `${row.extension} ${dayOf(row.start_time_ms)}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const [key, group] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    const [extension, day] = key.split(' ');
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const res = await api('post', '/line-items/bulk')
      .send({
        action: 'assign',
        filter: {
          sourceId,
          extension,
          status: ['needs-review'],
          reason: ['unknown-matter'],
          from: day,
          to: next,
        },
        matterId: matterIds.get('10234-001'),
        reason: 'All of the day for Halvorsen',
      })
      .expect(200);
    expect(res.body).toEqual({ action: 'assign', count: group.length });
    for (const row of await items(`id IN (${group.map((g) => g.id).join(',')})`)) {
      expect(row).toMatchObject({ billing_account: '10234-001', status: 'pending' });
    }
    // The other extensions' and days' unknown codes wait as they were.
    const others = unknown.filter((row) => !group.includes(row));
    expect(others.length).toBeGreaterThan(0);
    expect(await items(`reason = 'unknown-matter' AND status = 'needs-review'`)).toEqual(others);
  });

  it('invoices the month per matter: one invoice per billable matter, LEDES 1998B with the timekeepers', async () => {
    const approve = await api('post', '/line-items/bulk')
      .send({ action: 'approve', filter: { sourceId, status: 'pending' }, reason: 'Month checked' })
      .expect(200);
    expect(approve.body.count).toBeGreaterThan(0);
    const approved = await items(`status = 'approved'`);
    const batch = await api('post', '/invoices/batch')
      .send({ ...PERIOD, sourceId, groupBy: 'billing-account' })
      .expect(201);
    const drafts = batch.body.items as InvoiceView[];
    const accounts = [...new Set(approved.map((r) => r.billing_account!))].sort();
    expect(drafts.map((d) => d.billingAccount).sort()).toEqual(accounts);
    const book = new Map(current.map((m) => [`${m.clientNumber}-${m.matterNumber}`, m]));
    for (const account of accounts) {
      expect({ account, matter: book.get(account)?.billable }).toEqual({ account, matter: 'yes' });
    }
    expect(accounts).not.toContain(LAW_FIRM_CODES.nonBillable);
    expect(accounts).toContain(LAW_FIRM_CODES.unknown);
    expect(accounts).toContain(LAW_FIRM_CODES.closed);

    const byId = new Map(approved.map((r) => [r.id, r]));
    for (const draft of drafts) {
      const final = (await api('post', `/invoices/${draft.id}/finalize`).expect(200))
        .body as InvoiceView;
      const invoice = (await api('get', `/invoices/${final.id}`).expect(200)).body as InvoiceView;
      expect(minor(invoice.total)).toBe(
        invoice.lines.reduce((sum, line) => sum + byId.get(line.lineItemId)!.total_minor, 0),
      );
      const text = await exportText(final.id, 'ledes1998b');
      expect({ account: draft.billingAccount, problems: validateLedes(text) }).toEqual({
        account: draft.billingAccount,
        problems: [],
      });
      const rows = text
        .split('\r\n')
        .slice(2, -1)
        .map((line) => line.slice(0, -2).split('|'));
      expect(rows).toHaveLength(invoice.lines.length);
      const field = (row: string[], name: (typeof LEDES_FIELDS)[number]) =>
        row[LEDES_FIELDS.indexOf(name)];
      const itemOfLine = new Map(invoice.lines.map((l) => [l.lineNumber, l.lineItemId]));
      const [client, matter] = draft.billingAccount.split('-');
      for (const row of rows) {
        const item = byId.get(itemOfLine.get(Number(field(row, 'LINE_ITEM_NUMBER')))!)!;
        expect({
          client: field(row, 'CLIENT_ID'),
          matter: field(row, 'LAW_FIRM_MATTER_ID'),
          id: field(row, 'TIMEKEEPER_ID'),
          name: field(row, 'TIMEKEEPER_NAME'),
          classification: field(row, 'TIMEKEEPER_CLASSIFICATION'),
        }).toEqual({
          client,
          matter,
          id: item.timekeeper_id,
          name: item.timekeeper_name,
          classification: item.timekeeper_classification,
        });
      }

      // The disbursement files, field by field: the generic one and Clio's activities import.
      const generic = await exportText(final.id, 'disbursements', 'generic');
      expect(await exportText(final.id, 'disbursements', 'generic')).toBe(generic);
      const lines = parse<Record<string, string>>(generic, { columns: true });
      expect(lines).toHaveLength(invoice.lines.length);
      for (const line of lines) {
        const item = byId.get(itemOfLine.get(Number(line.line_number))!)!;
        const { date, time } = localDateTime(item.start_time_ms);
        expect(line).toMatchObject({
          invoice_number: final.number,
          client_number: client,
          matter_number: matter,
          matter_code: draft.billingAccount,
          date,
          time,
          timekeeper_id: item.timekeeper_id ?? '',
          timekeeper_name: item.timekeeper_name ?? '',
          timekeeper_classification: item.timekeeper_classification ?? '',
          extension: item.extension,
          cost_code: 'E105',
          calls: '1',
          duration_seconds: String(item.talk_seconds),
          billed_seconds: String(item.billed_seconds),
          quantity: '1',
          unit_price: money(item.total_minor),
          amount: money(item.amount_minor),
          tax: money(item.tax_minor),
          total: money(item.total_minor),
          currency: 'USD',
          call_id: item.call_id,
        });
      }
      const clio = parse<Record<string, string>>(
        await exportText(final.id, 'disbursements', 'clio-activities'),
        { columns: true },
      );
      expect(clio).toHaveLength(invoice.lines.length);
      clio.forEach((line, i) => {
        const item = byId.get(invoice.lines[i].lineItemId)!;
        const [year, month, day] = localDateTime(item.start_time_ms).date.split('-');
        expect(line).toMatchObject({
          matter: draft.billingAccount,
          date: `${month}/${day}/${year}`,
          price: money(item.total_minor),
          quantity: '1',
          type: 'ExpenseEntry',
          activity_user: item.timekeeper_name ?? '',
        });
      });
    }
  });
});
