import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-hand-checked-amounts';

/**
 * A week of sandbox calls synced with the Grand Hotel plan of docs/rating.md, and a sample of
 * its line items checked against amounts worked out by hand from docs/rating.md, step 5, not by
 * the engine. The calls are the sandbox's (seed "hand-check", 400 calls a day); their
 * ids, numbers and talk times were read from the sandbox once and are fixed by its seed.
 */
describe('sync: amounts of a synced week, checked by hand (e2e)', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'hand-check', callsPerDay: 400 });
    const client = new XimaClient({ baseUrl: sandbox.url, token: TOKEN });
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN }, (builder) =>
      builder.overrideProvider(XIMA_GATEWAY).useValue(client),
    );
    const http = () => request(t.app.getHttpServer());
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({
        effectiveFrom: '2026-01-01T00:00:00-07:00',
        ...samplePlan<Record<string, unknown>>('grand-hotel'),
      })
      .expect(201);
    const source = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Grand Hotel',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    const run = await http()
      .post(`/api/v1/sources/${source.body.id}/sync`)
      .set(...bearer(t.adminKey))
      .send({ from: '2026-03-02', to: '2026-03-09' }) // Monday to Monday, Denver
      .expect(200);
    expect(run.body).toMatchObject({ status: 'succeeded', errors: 0 });
  });

  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  const item = async (callId: string) => {
    const rows: Record<string, unknown>[] = await t.app.get(DataSource).query(
      `SELECT billing_account AS account, normalized_number AS normalized,
              destination_class AS class, time_band AS band, billed_seconds AS billed,
              amount_minor AS amount, tax_minor AS tax, total_minor AS total, status, reason
       FROM line_items WHERE call_id = ?`,
      [callId],
    );
    return rows;
  };

  it.each([
    // Mon 03:50, "9 1 (505) 555-0191", 65.101 s: 9 off -> 15055550191, prefix 1 (long distance,
    // no band on a Monday). d = 66, billed = 60 + ceil(6/6)*6 = 66, usage = 0.45 * 66/60 = 0.495,
    // charge 1.495 -> 1.50 (half-up); tax round(1.50 * 6.25%) = round(0.09375) = 0.09; 1.59.
    [
      '0259f6b6-1969387-0',
      { account: 'ROOM-1626', normalized: '15055550191', class: 'long-distance', band: null },
      { billed: 66, amount: 150, tax: 9, total: 159, status: 'pending', reason: null },
    ],
    // Sat 01:32, "9 1 719 555 0181", 31.982 s: d = 32 >= grace 30, billed = first 60; the
    // weekend band: 0.30 * 60/60 = 0.30, charge 1.30; tax round(0.08125) = 0.08; 1.38.
    [
      '0259f6b6-1969858-0',
      {
        account: 'ROOM-1626',
        normalized: '17195550181',
        class: 'long-distance',
        band: 'sat,sun 00:00-24:00',
      },
      { billed: 60, amount: 130, tax: 8, total: 138, status: 'pending', reason: null },
    ],
    // Mon 12:43, "9.305.555.0172" (no 1), 55.438 s: 3055550172 -> 13055550172, long distance;
    // d = 56, billed 60, usage 0.45, charge 1.45; tax round(0.090625) = 0.09; 1.54.
    [
      '0259f6b6-1969422-5',
      { account: 'ROOM-1220', normalized: '13055550172', class: 'long-distance', band: null },
      { billed: 60, amount: 145, tax: 9, total: 154, status: 'pending', reason: null },
    ],
    // Mon 06:47, "97205550100", 2098.953 s: 17205550100, prefix 1720 (local): d = 2099,
    // billed = ceil(2099/60)*60 = 2100, per minute 0, connect 0.75; tax round(0.046875) = 0.05.
    [
      '0259f6b6-1969399-1',
      { account: 'ROOM-1828', normalized: '17205550100', class: 'local', band: null },
      { billed: 2100, amount: 75, tax: 5, total: 80, status: 'pending', reason: null },
    ],
    // Tue 08:49, "+442079460388", 45.383 s: international as dialed, prefix 44 (uk): d = 46,
    // billed 60, 2.00 + 1.20 = 3.20 (over the 3.00 minimum); tax 0.20; 3.40.
    [
      '0259f6b6-1969503-3',
      { account: 'ROOM-1420', normalized: '442079460388', class: 'uk', band: null },
      { billed: 60, amount: 320, tax: 20, total: 340, status: 'pending', reason: null },
    ],
    // Mon 04:09, "901133199001870", 302.714 s: 9 off, 011 is the US exit code -> 33199001870,
    // prefix "" (international): d = 303, billed = 60 + ceil(243/60)*60 = 360,
    // usage 2.50 * 6 = 15.00, charge 17.00 (under the 150.00 maximum); tax round(1.0625) = 1.06.
    [
      '0259f6b6-1969388-0',
      { account: 'ROOM-1134', normalized: '33199001870', class: 'international', band: null },
      { billed: 360, amount: 1700, tax: 106, total: 1806, status: 'pending', reason: null },
    ],
    // Sat 08:32, "901133199009463", 574.036 s: d = 575, billed = 60 + ceil(515/60)*60 = 600,
    // usage 25.00, charge 27.00; tax round(1.6875) = 1.69 (half-up); 28.69.
    [
      '0259f6b6-1969886-1',
      { account: 'ROOM-1225', normalized: '33199009463', class: 'international', band: null },
      { billed: 600, amount: 2700, tax: 169, total: 2869, status: 'pending', reason: null },
    ],
    // "918775550140", 76.108 s: prefix 1877, toll free: no charge.
    [
      '0259f6b6-1969406-1',
      { account: 'ROOM-1715', normalized: '18775550140', class: 'toll-free', band: null },
      { amount: 0, tax: 0, total: 0, status: 'no-charge', reason: 'free-destination' },
    ],
    // "9911", 136.929 s: 911 (at least 3 digits remain), emergency: no charge.
    [
      '0259f6b6-1969459-0',
      { account: 'ROOM-1815', normalized: '911', class: 'emergency', band: null },
      { amount: 0, tax: 0, total: 0, status: 'no-charge', reason: 'free-destination' },
    ],
    // "93035550184", 29.000 s: d = 29 < grace 30: no charge.
    [
      '0259f6b6-1969397-0',
      { account: 'ROOM-1340', class: 'local' },
      { amount: 0, tax: 0, total: 0, status: 'no-charge', reason: 'grace' },
    ],
    // "915055550160", not answered (0 s): no charge.
    [
      '0259f6b6-1969412-2',
      { account: 'ROOM-1012', class: 'long-distance' },
      { amount: 0, tax: 0, total: 0, status: 'no-charge', reason: 'unanswered' },
    ],
  ])('call %s', async (callId, route, charge) => {
    const rows = await item(callId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ...route, ...charge });
  });

  it("ties every line item to its own call record, which keeps Xima's row", async () => {
    const db = t.app.get(DataSource);
    const [mismatched] = await db.query<{ n: number }[]>(
      `SELECT count(*) AS n FROM line_items li JOIN call_records cr ON cr.id = li.call_record_id
       WHERE cr.call_id <> li.call_id OR cr.start_time_ms <> li.start_time_ms`,
    );
    expect(mismatched.n).toBe(0);
    const [record] = await db.query<{ raw_json: string; talk_ms: number }[]>(
      `SELECT raw_json, talk_ms FROM call_records WHERE call_id = '0259f6b6-1969387-0'`,
    );
    const values = (JSON.parse(record.raw_json) as { values: Record<string, { value: unknown }> })
      .values;
    expect(Object.values(values).map((cell) => cell.value)).toEqual(
      expect.arrayContaining(['0259f6b6-1969387-0', '9 1 (505) 555-0191', 65101]),
    );
    expect(record.talk_ms).toBe(65101);
  });

  it.each([
    ['0259f6b6-1969374-0', 'an outbound call from a house phone (Lobby, extension 200)'],
    ['0259f6b6-1969373-0', 'an internal call from a room'],
  ])('stores %s but makes no line item: %s', async (callId) => {
    await expect(item(callId)).resolves.toEqual([]);
    const [records] = await t.app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*) AS n FROM call_records WHERE call_id = ?`, [callId]);
    expect(records.n).toBe(1);
  });
});
