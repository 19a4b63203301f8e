import request from 'supertest';
import { DataSource } from 'typeorm';
import { fiasDateTime, fiasDuration } from '@app/pms';
import { PmsSandbox, startPmsSandbox } from '@app/pms-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { generateCalls, RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-the-pms-link';
const SEED = 'pms-link-e2e';
const CALLS_PER_DAY = 500;
const ZONE = 'America/Denver';
const DAY1 = { from: '2026-03-02T00:00:00-07:00', to: '2026-03-03T00:00:00-07:00' };
const DAY2 = { from: '2026-03-03T00:00:00-07:00', to: '2026-03-04T00:00:00-07:00' };
const DAY3 = { from: '2026-03-04T00:00:00-07:00', to: '2026-03-05T00:00:00-07:00' };
const HOUR = 3_600_000;

interface ItemRow {
  id: number;
  extension: string;
  dialedNumber: string | null;
  talkSeconds: number;
  startTimeMs: number;
  totalMinor: number;
  status: string;
  stayId: number | null;
}

interface PostingRow {
  id: number;
  lineItemId: number;
  postingNumber: number;
  room: string;
  amountMinor: number;
  status: string;
  reason: string | null;
}

const BILLABLE_KINDS = new Set([
  'local-7',
  'local-10',
  'long-distance',
  'long-distance-no-1',
  'international-011',
  'international-plus',
]);

/**
 * The rooms with outbound calls in a window, as the Xima sandbox will report them, those with a
 * call that is surely billed (a charged kind of number, past the plan's grace period) first.
 */
function roomsCalling(fromIso: string, toIso: string): string[] {
  const calls = generateCalls(
    { seed: SEED, callsPerDay: CALLS_PER_DAY, timezone: ZONE },
    Date.parse(fromIso),
    Date.parse(toIso) - 1,
  );
  const rooms = new Set<string>();
  const billed = new Set<string>();
  for (const call of calls) {
    const room = /^Room (\d+)\(/.exec(call.agent)?.[1];
    if (!room || call.direction !== 'Outbound' || call.talkMs === 0) continue;
    rooms.add(room);
    if (BILLABLE_KINDS.has(call.numberKind ?? '') && call.talkMs >= 60_000) billed.add(room);
  }
  return [...[...billed].sort(), ...[...rooms].filter((room) => !billed.has(room)).sort()];
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Against the stand-in PMS, with calls synced from the Xima sandbox: check-ins, each billable
 * call of an occupied room posted once with the right fields, every refusal an exception and
 * nothing else, a room move, and the link's faults (a dropped link before and after a PA, a PA
 * that never comes, RY, a PMS restart): nothing lost, nothing posted twice.
 */
describe('the PMS link against the stand-in PMS (e2e)', () => {
  let xima: RunningSandbox;
  let pms: PmsSandbox;
  let t: TestApp;
  let db: DataSource;
  let sourceId: number;
  let linkId: number;
  const http = () => request(t.app.getHttpServer());
  const guests = new Map<string, string>();

  const rooms = roomsCalling(DAY1.from, DAY1.to);
  const [vacant, ngRoom, npRoom, outRoom, moveRoom, sharedRoom] = rooms;
  const everyRoom = new Set([...rooms, ...roomsCalling(DAY2.from, DAY3.to)]);
  const moveTo = ['1940', '1939', '1938', '1937'].find((room) => !everyRoom.has(room))!;

  beforeAll(async () => {
    xima = await startSandbox({ token: TOKEN, seed: SEED, callsPerDay: CALLS_PER_DAY });
    pms = await startPmsSandbox({ seed: SEED, timezone: ZONE, scriptDays: 0 });
    const client = new XimaClient({ baseUrl: xima.url, token: TOKEN });
    t = await createTestApp(
      { XIMA_BASE_URL: xima.url, XIMA_API_KEY: TOKEN, PMS_LINKS_ENABLED: 'true' },
      (builder) => builder.overrideProvider(XIMA_GATEWAY).useValue(client),
    );
    db = t.app.get(DataSource);
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({ effectiveFrom: '2026-01-01T00:00:00-07:00', ...samplePlan<object>('grand-hotel') })
      .expect(201);
    sourceId = (
      await http()
        .post('/api/v1/sources')
        .set(...bearer(t.adminKey))
        .send({
          name: 'Grand Hotel',
          kind: 'call-records',
          historicDataKey: 'CALLDTLX',
          ratePlanId: plan.body.id,
          timezone: ZONE,
        })
        .expect(201)
    ).body.id;
    linkId = (
      await http()
        .post('/api/v1/pms-links')
        .set(...bearer(t.adminKey))
        .send({
          name: 'Stand-in PMS',
          host: '127.0.0.1',
          port: pms.port,
          sourceIds: [sourceId],
          postingMode: 'on-rating',
          answerTimeoutMs: 1000,
        })
        .expect(201)
    ).body.id;
    await until('the link', async () => ((await linkView()).state === 'linked' ? true : undefined));
    // The first link of a link with no stays asks for the guests in house, once.
    await pms.waitForRecord('DR', 5000, 0);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await pms?.close();
    await xima?.close();
  });

  const linkView = async () =>
    (
      await http()
        .get(`/api/v1/pms-links/${linkId}`)
        .set(...bearer(t.adminKey))
        .expect(200)
    ).body as { state: string; queue: Record<string, number>; lastHeardAt: string | null };

  const items = () =>
    db.query<ItemRow[]>(
      `SELECT id, extension, dialed_number AS "dialedNumber", talk_seconds AS "talkSeconds",
         start_time_ms AS "startTimeMs", total_minor AS "totalMinor", status, stay_id AS "stayId"
       FROM line_items WHERE source_id = ? ORDER BY id`,
      [sourceId],
    );
  const postings = () =>
    db.query<PostingRow[]>(
      `SELECT id, line_item_id AS "lineItemId", posting_number AS "postingNumber", room,
         amount_minor AS "amountMinor", status, reason FROM postings ORDER BY id`,
    );
  /** Until nothing waits or is in flight. */
  const drained = () =>
    until(
      'the queue to drain',
      async () => {
        const { queue } = await linkView();
        return queue.pending === 0 && queue['in-flight'] === 0 ? queue : undefined;
      },
      60_000,
    ).catch(async (error: Error) => {
      const lines = t.logs.lines.filter((line) => /PmsLink|FIAS|Posting/i.test(line));
      throw new Error(
        `${error.message}: ${JSON.stringify(await linkView())}\n${lines.slice(-15).join('\n')}`,
      );
    });
  const stayOf = async (reservation: string) =>
    until(`the stay of ${reservation}`, async () => {
      const found = await http()
        .get(`/api/v1/stays?reservation=${reservation}`)
        .set(...bearer(t.adminKey))
        .expect(200);
      return found.body.items.length > 0 ? found.body.items : undefined;
    });

  it('keeps the stays the PMS sends: check-ins, a sharer, a room move, a check-out', async () => {
    const before = Date.parse(DAY1.from) - 24 * HOUR;
    for (const room of rooms.filter((r) => r !== vacant)) {
      guests.set(room, pms.checkIn(room, { at: before, name: `Guest ${room}` }).reservation);
    }
    pms.failRoom(ngRoom, 'NG');
    pms.failRoom(npRoom, 'NP');
    const sharer = pms.checkIn(sharedRoom, { at: before + HOUR, name: 'Sharer', sharer: true });
    await stayOf(sharer.reservation);
    pms.checkOut(outRoom, Date.parse(DAY1.to) - 60_000);
    pms.move(guests.get(moveRoom)!, moveTo, Date.parse(DAY1.to) - 30_000);
    const moved = await until('the move', async () => {
      const stays = await stayOf(guests.get(moveRoom)!);
      return stays.length === 2 ? stays : undefined;
    });
    expect(moved.map((s: { room: string; endedBy: string | null }) => [s.room, s.endedBy])).toEqual(
      [
        [moveTo, null],
        [moveRoom, 'move'],
      ],
    );
    await until('the check-out', async () => {
      const [stay] = await stayOf(guests.get(outRoom)!);
      return stay.endedBy === 'check-out' ? stay : undefined;
    });
    // Every guest's stay is known before the calls come.
    for (const reservation of guests.values()) await stayOf(reservation);
  });

  it('posts every billable call of an occupied room once, with its room, amount, digits, duration and time', async () => {
    await http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send(DAY1)
      .expect(200);
    await drained();
    const billable = (await items()).filter((item) => item.totalMinor > 0);
    expect(billable.length).toBeGreaterThan(20);
    const byItem = new Map<number, PostingRow[]>();
    for (const posting of await postings()) {
      byItem.set(posting.lineItemId, [...(byItem.get(posting.lineItemId) ?? []), posting]);
    }
    const expectedException = (item: ItemRow): string | null => {
      if (item.extension === vacant) return 'no-stay';
      if (item.extension === ngRoom) return 'NG';
      if (item.extension === npRoom) return 'NP';
      if (item.extension === outRoom) return 'checked-out';
      return null;
    };
    for (const item of billable) {
      const [posting, ...more] = byItem.get(item.id) ?? [];
      expect(more).toEqual([]);
      expect(posting).toBeDefined();
      const exception = expectedException(item);
      if (exception) {
        expect({ item: item.id, status: posting.status, reason: posting.reason }).toEqual({
          item: item.id,
          status: 'exception',
          reason: exception,
        });
        continue;
      }
      expect({ item: item.id, status: posting.status, itemStatus: item.status }).toEqual({
        item: item.id,
        status: 'posted',
        itemStatus: 'posted',
      });
      const accepted = pms.posting(posting.postingNumber)!;
      const start = fiasDateTime(item.startTimeMs, ZONE);
      const guestRoom = item.extension === moveRoom ? moveTo : item.extension;
      expect(accepted).toMatchObject({
        room: guestRoom,
        amountMinor: item.totalMinor,
        dialedDigits: (item.dialedNumber ?? '').replace(/\D/g, '').slice(0, 20),
        duration: fiasDuration(item.talkSeconds),
        date: start.date,
        time: start.time,
        reservation: guests.get(item.extension),
      });
      expect(pms.psCount(posting.postingNumber)).toBe(1);
    }
    // The room move: the old room's calls are the moved guest's, tied to the stay that held it.
    const movedCalls = billable.filter((item) => item.extension === moveRoom);
    expect(movedCalls.length).toBeGreaterThan(0);
    const [oldRoomStay] = (await stayOf(guests.get(moveRoom)!)).filter(
      (s: { room: string }) => s.room === moveRoom,
    );
    for (const item of movedCalls) expect(item.stayId).toBe(oldRoomStay.id);
    // Sharers: the primary guest's stay takes the room's calls.
    for (const item of billable.filter((i) => i.extension === sharedRoom)) {
      expect(pms.posting(byItem.get(item.id)![0].postingNumber)?.reservation).toBe(
        guests.get(sharedRoom),
      );
    }
    const numbers = (await postings()).map((p) => p.postingNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Free and unbillable items are never posted.
    const free = (await items()).filter((item) => item.totalMinor === 0);
    for (const item of free) expect(byItem.has(item.id)).toBe(false);
  }, 120_000);

  it('loses nothing and posts nothing twice through a dropped link, a PA that never comes, RY and a PMS restart', async () => {
    const before = new Set((await postings()).map((p) => p.id));
    pms.dropBeforeAnswer(1, { post: true });
    pms.dropAfterAnswer(1);
    pms.swallowNext(1, { post: true });
    pms.retryNext(1);
    await http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send(DAY2)
      .expect(200);
    await drained();
    await pms.restart({ downMs: 300 });
    await http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send(DAY3)
      .expect(200);
    await until('the link after the restart', async () =>
      (await linkView()).state === 'linked' ? true : undefined,
    );
    await drained();
    const fresh = (await postings()).filter((p) => !before.has(p.id));
    expect(fresh.length).toBeGreaterThan(20);
    for (const posting of fresh) {
      if (posting.status === 'exception') {
        expect(['no-stay', 'NG', 'NP', 'checked-out']).toContain(posting.reason);
        continue;
      }
      expect(posting.status).toBe('posted');
      const accepted = pms.posting(posting.postingNumber);
      expect(accepted).toBeDefined();
      expect(accepted!.amountMinor).toBe(posting.amountMinor);
    }
    // Each P# the PMS accepted is one of ours, posted; resends were the same posting.
    const ours = new Map((await postings()).map((p) => [p.postingNumber, p]));
    for (const accepted of pms.postings()) {
      expect(ours.get(accepted.postingNumber)?.status).toBe('posted');
    }
    expect(pms.postings().length).toBe(
      [...ours.values()].filter((p) => p.status === 'posted').length,
    );
    expect(pms.duplicates.length).toBeGreaterThanOrEqual(2);
    for (const duplicate of pms.duplicates) expect(duplicate.sameContent).toBe(true);
  }, 120_000);

  it("works the night auditor's exceptions: a late check-in, retry, reroute, post late, write off, correct", async () => {
    const post = (path: string, body: object) =>
      http()
        .post(`/api/v1${path}`)
        .set(...bearer(t.adminKey))
        .send(body);
    const exceptions = async (reason: string) =>
      (await postings()).filter((p) => p.status === 'exception' && p.reason === reason);
    const view = async (id: number) =>
      (
        await http()
          .get(`/api/v1/postings/${id}`)
          .set(...bearer(t.adminKey))
          .expect(200)
      ).body as { version: number; status: string; reason: string | null; late: boolean };

    // A guest the PMS tells of late: the vacant room's calls since their check-in go to them.
    const waiting = await exceptions('no-stay');
    const vacantCalls = new Set(
      (await items()).filter((item) => item.extension === vacant).map((item) => item.id),
    );
    const late = waiting.filter((p) => vacantCalls.has(p.lineItemId));
    expect(late.length).toBeGreaterThan(0);
    const lateGuest = pms.checkIn(vacant, { at: Date.parse(DAY1.from) - HOUR, name: 'Late' });
    await until("the late guest's calls to post", async () => {
      const now = await postings();
      return late.every((p) => now.find((q) => q.id === p.id)?.status === 'posted')
        ? true
        : undefined;
    });
    for (const p of late)
      expect(pms.posting(p.postingNumber)?.reservation).toBe(lateGuest.reservation);

    // NG mended at the PMS: retry; a stale version is a 409 and changes nothing.
    const [ng] = await exceptions('NG');
    const ngView = await view(ng.id);
    const stale = await post(`/postings/${ng.id}/retry`, { version: ngView.version + 1 }).expect(
      409,
    );
    expect(stale.body.message).toContain('reload');
    pms.failRoom(ngRoom, null);
    await post(`/postings/${ng.id}/retry`, { version: ngView.version }).expect(200);
    await until('the retried posting', async () =>
      (await view(ng.id)).status === 'posted' ? true : undefined,
    );

    // NP: one rerouted to a room with a guest, one written off.
    const [np1, np2] = await exceptions('NP');
    const otherRoom = rooms[6];
    await post(`/postings/${np1.id}/reroute`, {
      version: (await view(np1.id)).version,
      room: 'no room!',
    }).expect(400);
    const empty = await post(`/postings/${np1.id}/reroute`, {
      version: (await view(np1.id)).version,
      room: '1999',
    }).expect(409);
    expect(empty.body.message).toContain('no guest in house');
    const rerouted = await post(`/postings/${np1.id}/reroute`, {
      version: (await view(np1.id)).version,
      room: otherRoom,
    }).expect(200);
    expect(rerouted.body).toMatchObject({ status: 'pending', room: otherRoom });
    await until('the rerouted posting', async () =>
      (await view(np1.id)).status === 'posted' ? true : undefined,
    );
    expect(pms.posting(np1.postingNumber)?.reservation).toBe(guests.get(otherRoom));
    const writtenOff = await post(`/postings/${np2.id}/write-off`, {
      version: (await view(np2.id)).version,
      reason: 'Guest disputed the call',
    }).expect(200);
    expect(writtenOff.body).toMatchObject({
      status: 'written-off',
      reason: 'Guest disputed the call',
    });
    const [item] = await db.query<{ status: string; review_reason: string }[]>(
      `SELECT status, review_reason FROM line_items WHERE id = ?`,
      [np2.lineItemId],
    );
    expect(item).toEqual({
      status: 'rejected',
      review_reason: 'Written off: Guest disputed the call',
    });
    await post(`/postings/${np2.id}/retry`, { version: writtenOff.body.version }).expect(409);

    // A checked-out guest: posted late, refused by a PMS that takes no late charges, then taken.
    const [gone] = await exceptions('checked-out');
    // Not while the room has a new guest: the PMS would charge them.
    const newcomer = pms.checkIn(outRoom, { name: 'Newcomer' });
    await stayOf(newcomer.reservation);
    const occupied = await post(`/postings/${gone.id}/post-late`, {
      version: (await view(gone.id)).version,
    }).expect(409);
    expect(occupied.body.message).toContain('has a new guest');
    pms.checkOut(newcomer.reservation);
    await until('the newcomer to leave', async () => {
      const [stay] = await stayOf(newcomer.reservation);
      return stay.to !== null ? true : undefined;
    });
    await post(`/postings/${gone.id}/post-late`, { version: (await view(gone.id)).version }).expect(
      200,
    );
    const refused = await until('the PMS to refuse the late charge', async () => {
      const now = await view(gone.id);
      return now.status === 'exception' && now.reason === 'NG' ? now : undefined;
    });
    expect(refused.late).toBe(true);
    pms.acceptLateCharges();
    await post(`/postings/${gone.id}/retry`, { version: refused.version }).expect(200);
    await until('the late charge', async () =>
      (await view(gone.id)).status === 'posted' ? true : undefined,
    );
    expect(pms.posting(gone.postingNumber)?.reservation).toBe(guests.get(outRoom));

    // A posted charge is corrected by a negative posting, never edited.
    const posted = (await postings()).find((p) => p.status === 'posted' && p.amountMinor > 0)!;
    const correction = await post(`/postings/${posted.id}/correct`, {
      version: (await view(posted.id)).version,
      reason: 'Charged to the wrong guest',
    }).expect(201);
    expect(correction.body).toMatchObject({
      amountMinor: -posted.amountMinor,
      correctsPostingId: posted.id,
      lineItemId: posted.lineItemId,
    });
    await until('the correction', async () =>
      (await view(correction.body.id)).status === 'posted' ? true : undefined,
    );
    expect(pms.posting(correction.body.postingNumber)?.amountMinor).toBe(-posted.amountMinor);
    await post(`/postings/${posted.id}/correct`, {
      version: (await view(posted.id)).version,
      reason: 'again',
    }).expect(409);

    const audit = await http()
      .get('/api/v1/audit-events?entityType=posting&limit=500')
      .set(...bearer(t.adminKey))
      .expect(200);
    const actions = new Set(audit.body.items.map((e: { action: string }) => e.action));
    for (const action of [
      'posting.posted',
      'posting.exception',
      'posting.retry',
      'posting.reroute',
      'posting.write-off',
      'posting.post-late',
      'posting.correct',
    ]) {
      expect(actions).toContain(action);
    }
  }, 120_000);

  it('ends the stays of guests who left while the link was down, at the next resync', async () => {
    const room = rooms[7];
    const reservation = guests.get(room)!;
    const [before] = await stayOf(reservation);
    expect(before.to).toBeNull();
    // The PMS's side goes away; the guest checks out meanwhile (no GO reaches us).
    await pms.restart({ downMs: 200 });
    pms.checkOut(room);
    await until('the link', async () => ((await linkView()).state === 'linked' ? true : undefined));
    await http()
      .post(`/api/v1/pms-links/${linkId}/resync`)
      .set(...bearer(t.adminKey))
      .expect(200);
    const ended = await until('the resync', async () => {
      const [stay] = await stayOf(reservation);
      return stay.endedBy === 'resync' ? stay : undefined;
    });
    expect(ended.to).not.toBeNull();
    // Guests still in house keep their stays.
    const [kept] = await stayOf(guests.get(rooms[8])!);
    expect(kept.to).toBeNull();
  });

  it('shrugs off garbage, a record over 64 KiB, unknown records and an LR it did not ask for, and waits out a night audit', async () => {
    const logged = t.logs.lines.length;
    pms.sendRaw(Buffer.from('\x02\xff\xfe not a record\x03noise'));
    pms.sendRaw(Buffer.concat([Buffer.from([2]), Buffer.alloc(70 * 1024, 0x41), Buffer.from([3])]));
    pms.sendRecord({ type: 'WR', fields: { RN: '1012', DA: '260302', TI: '063000' } });
    pms.sendRecord({ type: 'LR', fields: { RI: 'XX', FL: 'RN' } });
    const lines = await until('the log lines', () => {
      const fresh = t.logs.lines
        .slice(logged)
        .map((line) => (JSON.parse(line) as { msg: string }).msg)
        .join('\n');
      return /over 65536 bytes/.test(fresh) &&
        /unknown record type "WR"/.test(fresh) &&
        /unreadable record/.test(fresh) &&
        /LR for "XX"/.test(fresh)
        ? fresh
        : undefined;
    });
    expect(lines).toMatch(/FIAS 127\.0\.0\.1:\d+/);
    expect((await linkView()).state).toBe('linked');
    // And it still posts, after the PMS's night audit: nothing goes while it runs.
    pms.startNightAudit();
    await until('the night audit', async () =>
      (await linkView()).state === 'night-audit' ? true : undefined,
    );
    const day = { from: '2026-03-05T00:00:00-07:00', to: '2026-03-06T00:00:00-07:00' };
    const before = (await postings()).length;
    await http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send(day)
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const during = await linkView();
    expect(during.queue.pending).toBeGreaterThan(0);
    expect((await postings()).slice(before).filter((p) => p.status === 'posted')).toEqual([]);
    pms.endNightAudit();
    await drained();
    const fresh = (await postings()).slice(before);
    expect(fresh.filter((p) => p.status === 'posted').length).toBeGreaterThan(0);
  }, 60_000);
});
