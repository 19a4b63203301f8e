import request from 'supertest';
import { DataSource } from 'typeorm';
import { localDate } from '@app/common';
import { Ledger, LineItemTotalsStore } from '@app/ledger';
import { TestApp, bearer } from './test-app';
import { samplePlan } from './fixtures';

export interface SeedItem {
  startTimeMs: number;
  billingAccount?: string | null;
  amountMinor?: number;
  taxMinor?: number;
  status?: string;
  destinationClass?: string;
  dialedNumber?: string | null;
  accountCode?: string | null;
  currency?: string;
}

export interface Seeded {
  planId: number;
  versionId: number;
  sourceId: number;
}

/**
 * A plan (the hotel sample unless `plan` says otherwise) named `${name} plan`, and a source
 * `name` rated with it, through the API: for items seeded straight into the ledger.
 */
export async function seedSource(
  t: TestApp,
  name = 'Grand Hotel',
  plan: Record<string, unknown> = samplePlan('grand-hotel'),
  sourceFields: Record<string, unknown> = {},
): Promise<Seeded> {
  const http = () => request(t.app.getHttpServer());
  const created = await http()
    .post('/api/v1/rate-plans')
    .set(...bearer(t.adminKey))
    .send({ ...plan, name: `${name} plan` })
    .expect(201);
  const source = await http()
    .post('/api/v1/sources')
    .set(...bearer(t.adminKey))
    .send({
      name,
      kind: 'call-records',
      historicDataKey: 'CALLDTLX',
      ratePlanId: created.body.id,
      timezone: 'America/Denver',
      ...sourceFields,
    })
    .expect(201);
  const [version] = await t.app
    .get(DataSource)
    .query<{ id: number }[]>('SELECT id FROM rate_plan_versions WHERE rate_plan_id = ?', [
      created.body.id,
    ]);
  return { planId: created.body.id, versionId: version.id, sourceId: source.body.id };
}

let serial = 0;

/** The date of `ms` on the wall clock of the source's zone, as the ledger dates its items. */
export async function localDateOf(db: DataSource, sourceId: number, ms: number): Promise<string> {
  const [source] = await db.query<{ timezone: string }[]>(
    'SELECT timezone FROM sources WHERE id = ?',
    [sourceId],
  );
  return localDate(ms, source.timezone);
}

/**
 * The overview's sums made again from the items: items inserted with SQL (not by the ledger's
 * inserter, which adds them as it stores them) are then counted as sync's are.
 */
export async function rebuildTotals(db: DataSource): Promise<void> {
  const ledger = new Ledger(db);
  await ledger.transaction((tx) => new LineItemTotalsStore(ledger).rebuild(tx));
}

/**
 * Call records and their line items, inserted as sync would store them (with the overview's
 * sums made again); returns the item ids.
 */
export async function seedItems(
  db: DataSource,
  seeded: Seeded,
  items: SeedItem[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const item of items) {
    const callId = `seed-${++serial}`;
    const inserted = await db.query<{ id: number }[]>(
      `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, extension,
         dialed_number, talk_ms, account_code, raw_json, created_at_ms)
       VALUES (?, ?, ?, 'outbound', '1012', ?, 61000, ?, '{"values":{}}', 1) RETURNING id`,
      [
        seeded.sourceId,
        callId,
        item.startTimeMs,
        item.dialedNumber ?? '9 1 303 555 0100',
        item.accountCode ?? null,
      ],
    );
    const amount = item.amountMinor ?? 150;
    const tax = item.taxMinor ?? Math.round(amount * 0.0625);
    const [row] = await db.query<{ id: number }[]>(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
         extension, account_code, dialed_number, normalized_number, destination_prefix,
         destination_class, talk_seconds, billed_seconds, currency, rated_amount_minor,
         amount_minor, taxes_json, tax_minor, total_minor, status, rate_plan_id,
         rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms,
         local_date)
       VALUES (?, ?, ?, ?, ?, '1012', ?, ?, '13035550100', '1', ?, 61, 66, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1,
         '{"status":"pending"}', 1, 1, ?) RETURNING id`,
      [
        seeded.sourceId,
        inserted[0].id,
        callId,
        item.billingAccount === undefined ? 'ROOM-1012' : item.billingAccount,
        item.startTimeMs,
        item.accountCode ?? null,
        item.dialedNumber ?? '9 1 303 555 0100',
        item.destinationClass ?? 'long-distance',
        item.currency ?? 'USD',
        amount,
        amount,
        JSON.stringify([{ name: 'State sales tax', ratePercent: '6.25', amountMinor: tax }]),
        tax,
        amount + tax,
        item.status ?? 'pending',
        seeded.planId,
        seeded.versionId,
        await localDateOf(db, seeded.sourceId, item.startTimeMs),
      ],
    );
    ids.push(row.id);
  }
  await rebuildTotals(db);
  return ids;
}
