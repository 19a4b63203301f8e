import request from 'supertest';
import { DataSource } from 'typeorm';
import { formatMinor } from '@app/money';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-one-rate-path';
const WINDOW = { from: '2026-03-02', to: '2026-03-04' }; // Monday to Wednesday, Denver

/** A line item's columns that rating (and the record) decide: what must not depend on the path. */
const ITEM_COLUMNS = `call_id, start_time_ms, extension, account_code, dialed_number, billing_account,
  normalized_number, destination_prefix, destination_class, time_band, talk_seconds, billed_seconds,
  calls, currency, rated_amount_minor, adjusted_amount_minor, amount_minor, taxes_json, tax_minor,
  total_minor, status, reason, review_reason, rate_plan_id, rate_plan_version_id,
  rate_plan_version_number, breakdown_json, invoice_id`;

interface ItemRow {
  call_id: string;
  start_time_ms: number;
  extension: string | null;
  account_code: string | null;
  dialed_number: string | null;
  billing_account: string | null;
  normalized_number: string | null;
  destination_prefix: string | null;
  destination_class: string | null;
  time_band: string | null;
  talk_seconds: number;
  billed_seconds: number;
  calls: number;
  currency: string;
  amount_minor: number;
  taxes_json: string;
  total_minor: number;
  status: string;
  reason: string | null;
  rate_plan_id: number;
  rate_plan_version_id: number;
  rate_plan_version_number: number;
  breakdown_json: string;
}

/** What a quote answers, and what a line item shows, in the quote's terms. */
interface Rated {
  callId: string;
  status: string;
  reason: string | null;
  billingAccount: string | null;
  startTimeMs: number;
  extension: string | null;
  accountCode: string | null;
  dialedNumber: string | null;
  normalizedNumber: string | null;
  destinationPrefix: string | null;
  destinationClass: string | null;
  timeBand: string | null;
  talkSeconds: number;
  billedSeconds: number;
  calls: number;
  currency: string;
  amount: string;
  taxes: { name: string; ratePercent: string; amount: string }[];
  total: string;
  ratePlanId: number;
  ratePlanVersion: number;
  charge: string;
  rate: unknown;
  explanation: string;
}

function ratedItem(row: ItemRow): Rated {
  const money = (minor: number) => formatMinor(minor, row.currency);
  const breakdown = JSON.parse(row.breakdown_json) as Record<string, unknown>;
  return {
    callId: row.call_id,
    status: row.status,
    reason: row.reason,
    billingAccount: row.billing_account,
    startTimeMs: row.start_time_ms,
    extension: row.extension,
    accountCode: row.account_code,
    dialedNumber: row.dialed_number,
    normalizedNumber: row.normalized_number,
    destinationPrefix: row.destination_prefix,
    destinationClass: row.destination_class,
    timeBand: row.time_band,
    talkSeconds: row.talk_seconds,
    billedSeconds: row.billed_seconds,
    calls: row.calls,
    currency: row.currency,
    amount: money(row.amount_minor),
    taxes: (
      JSON.parse(row.taxes_json) as { name: string; ratePercent: string; amountMinor: number }[]
    ).map((tax) => ({
      name: tax.name,
      ratePercent: tax.ratePercent,
      amount: money(tax.amountMinor),
    })),
    total: money(row.total_minor),
    ratePlanId: row.rate_plan_id,
    ratePlanVersion: row.rate_plan_version_number,
    charge: breakdown.charge as string,
    rate: breakdown.rate,
    explanation: breakdown.explanation as string,
  };
}

function ratedQuote(result: Record<string, unknown>): Rated {
  const { startTime, ...rest } = result as unknown as Omit<Rated, 'startTimeMs'> & {
    startTime: string;
  };
  return { ...rest, startTimeMs: Date.parse(startTime) };
}

interface Scenario {
  plan: string;
  kind: 'call-records' | 'account-summary';
  historicDataKey: string;
  /** A change of the plan that re-rates every item to other amounts. */
  change: (plan: Record<string, unknown>) => Record<string, unknown>;
  /** What the records must hold for the comparison to mean something. */
  covers: (quoted: Record<string, unknown>[], items: ItemRow[]) => void;
}

const reasonsOf = (quoted: Record<string, unknown>[]) => new Set(quoted.map((q) => q.reason));

const SCENARIOS: Scenario[] = [
  {
    plan: 'grand-hotel',
    kind: 'call-records',
    historicDataKey: 'CALLDTLX',
    change: (plan) => ({ ...plan, markupPercent: '50' }),
    covers: (quoted, items) => {
      expect([...reasonsOf(quoted)]).toEqual(
        expect.arrayContaining([
          null,
          'unanswered',
          'grace',
          'free-destination',
          'feature-code',
          'inbound',
          'internal',
          'not-a-billing-extension',
        ]),
      );
      expect(new Set(items.map((item) => item.destination_class))).toEqual(
        new Set(['local', 'long-distance', 'uk', 'international', 'toll-free', 'emergency', null]),
      );
      // A local number dialed as 7 digits after the access code 9, rated with the area code.
      const sevenDigits = items.filter(
        (item) =>
          (item.dialed_number ?? '').replace(/\D/g, '').length === 8 &&
          item.destination_class === 'local' &&
          item.amount_minor > 0,
      );
      expect(sevenDigits.length).toBeGreaterThan(0);
    },
  },
  {
    plan: 'porter-lane-calls',
    kind: 'call-records',
    historicDataKey: 'CALLDTLX',
    change: (plan) => ({ ...plan, markupPercent: '40' }),
    covers: (quoted, items) => {
      expect([...reasonsOf(quoted)]).toEqual(
        expect.arrayContaining([null, 'missing-account-code', 'unknown-account-code', 'inbound']),
      );
      expect(items.filter((item) => item.billing_account !== null).length).toBeGreaterThan(0);
    },
  },
  {
    plan: 'porter-lane-summary',
    kind: 'account-summary',
    historicDataKey: 'ACCTSUM1',
    change: (plan) => ({
      ...plan,
      summaryRate: { perCall: '0.25', perMinute: '0.40', incrementSeconds: 60 },
    }),
    covers: (quoted, items) => {
      expect(items.length).toBeGreaterThan(5);
      expect(items.every((item) => item.calls > 0)).toBe(true);
      expect(quoted.some((q) => q.status === 'pending')).toBe(true);
    },
  },
];

/**
 * One way to rate a record (issue 13): the same records go through sync (from the sandbox),
 * re-rate (after a plan change and back, so that every item is re-made by the re-rate path) and
 * quote, and every rated field must come out the same, with the records rating does not bill
 * absent from the ledger and `not-billable` in the quote. The sources do not auto-approve,
 * as a quote does not (it has no source).
 */
describe('one rate path: sync, re-rate and quote make the same line items (e2e)', () => {
  let sandbox: RunningSandbox;
  let client: XimaClient;
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'one-rate-path', callsPerDay: 600 });
    client = new XimaClient({ baseUrl: sandbox.url, token: TOKEN });
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN }, (builder) =>
      builder.overrideProvider(XIMA_GATEWAY).useValue(client),
    );
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
    await client.close();
    await sandbox.close();
  });

  const http = () => request(t.app.getHttpServer());
  const post = (path: string, body: object, status = 200) =>
    http()
      .post(path)
      .set(...bearer(t.adminKey))
      .send(body)
      .expect(status);

  const createSource = async (name: string, scenario: Scenario, ratePlanId: number) =>
    (
      await post(
        '/api/v1/sources',
        {
          name,
          kind: scenario.kind,
          historicDataKey: scenario.historicDataKey,
          ratePlanId,
          timezone: 'America/Denver',
          autoApprove: false,
        },
        201,
      )
    ).body.id as number;

  const sync = async (sourceId: number) => {
    const run = await post(`/api/v1/sources/${sourceId}/sync`, WINDOW);
    expect(run.body).toMatchObject({ status: 'succeeded', errors: 0 });
  };

  /** A source's line items by call id. */
  const itemsOf = async (sourceId: number) =>
    new Map(
      (
        await db.query<ItemRow[]>(
          `SELECT ${ITEM_COLUMNS} FROM line_items WHERE source_id = ? ORDER BY id`,
          [sourceId],
        )
      ).map((row) => [row.call_id, row]),
    );

  /** A source's stored records, as a quote takes them. */
  const quoteRecordsOf = async (scenario: Scenario, sourceId: number): Promise<object[]> =>
    scenario.kind === 'call-records'
      ? db.query(
          `SELECT call_id AS "callId", start_time_ms AS "startTime", direction, extension,
             dialed_number AS "dialedNumber", talk_ms AS "talkMs", account_code AS "accountCode"
           FROM call_records WHERE source_id = ? ORDER BY id`,
          [sourceId],
        )
      : db.query(
          `SELECT account_code AS "accountCode", calls, total_talk_ms AS "totalTalkMs",
             period_start_ms AS "periodStart", period_end_ms AS "periodEnd"
           FROM account_summaries WHERE source_id = ? ORDER BY id`,
          [sourceId],
        );

  const quote = async (planId: number, records: object[]) => {
    const res = await post(`/api/v1/rate-plans/${planId}/quote`, { records });
    expect(res.body.results).toHaveLength(records.length);
    return res.body.results as Record<string, unknown>[];
  };

  /** Every quoted record against the items of each path: the same line item, or none. */
  const expectSame = (
    quoted: Record<string, unknown>[],
    paths: Record<string, Map<string, ItemRow>>,
  ) => {
    const billable = quoted.filter((q) => q.status !== 'not-billable');
    for (const [path, items] of Object.entries(paths)) {
      expect({ path, items: items.size }).toEqual({ path, items: billable.length });
    }
    for (const result of quoted) {
      const callId = result.callId as string;
      for (const [path, items] of Object.entries(paths)) {
        const item = items.get(callId);
        if (result.status === 'not-billable') {
          expect({ path, callId, item }).toEqual({ path, callId, item: undefined });
        } else {
          expect({ path, callId, rated: item && ratedItem(item) }).toEqual({
            path,
            callId,
            rated: ratedQuote(result),
          });
        }
      }
    }
  };

  /** Items column for column, but for the plan version that rated them. */
  const withoutVersion = (items: Map<string, ItemRow>) =>
    [...items.values()].map((row) => {
      const copy: Partial<ItemRow> = { ...row };
      delete copy.rate_plan_version_id;
      delete copy.rate_plan_version_number;
      return copy;
    });

  it.each(SCENARIOS.map((scenario) => [scenario.plan, scenario] as const))(
    '%s',
    async (_name, scenario) => {
      const document = samplePlan(scenario.plan);
      const planId = (await post('/api/v1/rate-plans', document, 201)).body.id as number;

      // (a) sync: the sandbox's records, rated with version 1.
      const synced = await createSource(`${scenario.plan} synced`, scenario, planId);
      await sync(synced);
      const syncedItems = await itemsOf(synced);
      const records = await quoteRecordsOf(scenario, synced);
      expect(records.length).toBeGreaterThan(0);

      // (c) quote: the same records, version 1.
      const quotedV1 = await quote(planId, records);
      scenario.covers(quotedV1, [...syncedItems.values()]);
      expect(
        quotedV1.filter((q) => q.status !== 'not-billable' && q.ratePlanVersion !== 1),
      ).toEqual([]);
      expectSame(quotedV1, { sync: syncedItems });

      // (b) re-rate: the plan changes (version 2: other amounts), then goes back (version 3:
      // the first document again); each time every item is rated again by the re-rate path.
      // Nobody reviewed them, so re-rate without `resetReview` must make what sync makes: an
      // unknown account code's item, whose account rating filled with the code as typed, stays
      // `needs-review` (re-rate once took any filled account for a reviewer's).
      await post(
        `/api/v1/rate-plans/${planId}/versions`,
        {
          effectiveFrom: '2026-01-01T00:00:00-07:00',
          ...scenario.change(document),
        },
        201,
      );
      const reRate = { filter: { sourceId: synced }, resetReview: false };
      const changed = await post('/api/v1/line-items/re-rate', reRate);
      expect(changed.body).toMatchObject({ matched: syncedItems.size, skippedNoVersion: 0 });
      expect(changed.body.changed).toBeGreaterThan(0);
      const changedItems = await itemsOf(synced);
      expect(
        [...changedItems.values()].filter(
          (item) => item.total_minor !== syncedItems.get(item.call_id)!.total_minor,
        ).length,
      ).toBeGreaterThan(0);

      await post(
        `/api/v1/rate-plans/${planId}/versions`,
        {
          effectiveFrom: '2026-02-01T00:00:00-07:00',
          ...document,
        },
        201,
      );
      const back = await post('/api/v1/line-items/re-rate', reRate);
      expect(back.body).toMatchObject({
        matched: syncedItems.size,
        changed: syncedItems.size,
        skippedNoVersion: 0,
      });
      const reRated = await itemsOf(synced);
      // Back on the first document: the items sync made, but for the version that rated them.
      expect(withoutVersion(reRated)).toEqual(withoutVersion(syncedItems));
      expect(new Set([...reRated.values()].map((item) => item.rate_plan_version_number))).toEqual(
        new Set([3]),
      );

      // The same records synced again now (another source), and quoted again: version 3 all.
      const resynced = await createSource(`${scenario.plan} synced again`, scenario, planId);
      await sync(resynced);
      const resyncedItems = await itemsOf(resynced);
      const quotedV3 = await quote(planId, records);
      expectSame(quotedV3, { 're-rate': reRated, sync: resyncedItems });
      expect(withoutVersion(reRated)).toEqual(withoutVersion(resyncedItems));
      expect([...reRated.values()].map((item) => item.breakdown_json)).toEqual(
        [...resyncedItems.values()].map((item) => item.breakdown_json),
      );
    },
  );
});
