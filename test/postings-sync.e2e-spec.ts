import request from 'supertest';
import { DataSource } from 'typeorm';
import { Ledger, PmsLinkStore, StayStore } from '@app/ledger';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-postings-sync';
const FROM = '2026-03-02T00:00:00-07:00';
const TO = '2026-03-03T00:00:00-07:00';

/** Sync in `on-rating` mode: a chunk's postable items get their postings as the chunk commits. */
describe('postings on sync (e2e, real sandbox)', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let db: DataSource;
  let linked: number;
  let unlinked: number;
  let room: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'postings-sync', callsPerDay: 300 });
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN });
    db = t.app.get(DataSource);
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    const source = async (name: string) =>
      (
        await http()
          .post('/api/v1/sources')
          .set(...bearer(t.adminKey))
          .send({
            name,
            kind: 'call-records',
            historicDataKey: 'CALLDTLX',
            ratePlanId: plan.body.id,
            timezone: 'America/Denver',
          })
          .expect(201)
      ).body.id as number;
    linked = await source('Linked Hotel');
    unlinked = await source('Unlinked Hotel');
  });

  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  const http = () => request(t.app.getHttpServer());
  const sync = (sourceId: number) =>
    http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send({ from: FROM, to: TO })
      .expect(200);
  /** What postings the source's items have, against the items a link posts on rating. */
  const tally = async (sourceId: number) =>
    (
      await db.query<{ postable: number; postings: number; numbers: number; stayed: number }[]>(
        `SELECT
           (SELECT count(*) FROM line_items WHERE source_id = ? AND status IN ('pending', 'approved')
              AND total_minor > 0 AND extension IS NOT NULL) AS postable,
           (SELECT count(*) FROM postings p JOIN line_items li ON li.id = p.line_item_id
              WHERE li.source_id = ?) AS postings,
           (SELECT count(DISTINCT p.posting_number) FROM postings p
              JOIN line_items li ON li.id = p.line_item_id WHERE li.source_id = ?) AS numbers,
           (SELECT count(*) FROM postings p JOIN line_items li ON li.id = p.line_item_id
              WHERE li.source_id = ? AND p.stay_id IS NOT NULL AND p.status = 'pending') AS stayed`,
        [sourceId, sourceId, sourceId, sourceId],
      )
    )[0];

  it('an unlinked source: its items get no posting', async () => {
    const res = await sync(unlinked);
    expect(res.body.status).toBe('succeeded');
    const after = await tally(unlinked);
    expect(after.postable).toBeGreaterThan(10);
    expect(after.postings).toBe(0);
    // The room with the most charges, for the linked source's guest.
    [{ room }] = await db.query<{ room: string }[]>(
      `SELECT extension AS room FROM line_items WHERE source_id = ? AND extension IS NOT NULL
         AND status IN ('pending', 'approved') AND total_minor > 0
       GROUP BY extension ORDER BY count(*) DESC, extension LIMIT 1`,
      [unlinked],
    );
  });

  it('a linked on-rating source: every postable new item gets one posting, with its stay', async () => {
    const ledger = t.app.get(Ledger);
    await ledger.transaction(async (tx) => {
      const link = await t.app.get(PmsLinkStore).insert(
        tx,
        {
          name: 'Front desk',
          host: '127.0.0.1',
          port: 9,
          charset: 'ascii',
          postingMode: 'on-rating',
          answerTimeoutMs: 5000,
          aliveIntervalMs: 60_000,
          enabled: true,
          createdAtMs: 1,
          updatedAtMs: 1,
        },
        [linked],
      );
      await t.app
        .get(StayStore)
        .checkIn(
          tx,
          link.id,
          { room: room, reservation: 'R-1', guestName: 'Guest', sharer: false },
          Date.parse(FROM) - 86_400_000,
          1,
        );
    });
    const res = await sync(linked);
    expect(res.body.status).toBe('succeeded');
    const after = await tally(linked);
    expect(after.postable).toBeGreaterThan(10);
    expect(after.postings).toBe(after.postable);
    expect(after.numbers).toBe(after.postings);
    // Calls from the occupied room are charged to its stay; the others wait for one (no-stay).
    const [fromRoom] = await db.query<{ count: number }[]>(
      `SELECT count(*) AS count FROM line_items WHERE source_id = ? AND extension = ?
         AND status IN ('pending', 'approved') AND total_minor > 0`,
      [linked, room],
    );
    expect(fromRoom.count).toBeGreaterThan(0);
    expect(after.stayed).toBe(fromRoom.count);
    const [exceptions] = await db.query<{ count: number }[]>(
      `SELECT count(*) AS count FROM postings WHERE status = 'exception' AND reason = 'no-stay'`,
    );
    expect(exceptions.count).toBe(after.postings - after.stayed);

    // The same window again: nothing new, no second posting.
    await sync(linked);
    expect((await tally(linked)).postings).toBe(after.postings);
  });
});
