import request from 'supertest';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@app/common';
import {
  AuditEventStore,
  Ledger,
  PmsLink,
  PmsLinkStore,
  PostingMode,
  PostingStore,
  Stay,
  StayStore,
} from '@app/ledger';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { pdfTexts } from './support/pdf-text';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T15:00:00Z');
const ANSWER = { status: 'OK', text: null, record: 'PA|ASOK|' };

/**
 * Postings through the rest of the product: review (on-approval mode, refusals), line item
 * views, invoices (posted charges skipped, a batch per stay) and a stay's call detail. Links
 * and stays are made through the ledger's stores, as the PMS link would make them.
 */
describe('postings in review, line items and invoices (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let ledger: Ledger;
  let links: PmsLinkStore;
  let stays: StayStore;
  let postings: PostingStore;
  let viewerKey: string;

  beforeAll(async () => {
    t = await createTestApp({});
    db = t.app.get(DataSource);
    ledger = t.app.get(Ledger);
    links = t.app.get(PmsLinkStore);
    stays = t.app.get(StayStore);
    postings = t.app.get(PostingStore);
    viewerKey = (
      await http()
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: 'A viewer', role: 'viewer' })
        .expect(201)
    ).body.key as string;
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const post = (path: string, body: object) =>
    http()
      .post(path)
      .set(...bearer(t.adminKey))
      .send(body);
  const get = (path: string, key = t.adminKey) =>
    http()
      .get(path)
      .set(...bearer(key));
  const file = (path: string, key = t.adminKey) =>
    get(path, key)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  let linkSerial = 0;
  /** A PMS link posting the source, as the links API would store it. */
  const link = (sourceId: number, postingMode: PostingMode): Promise<PmsLink> =>
    ledger.transaction((tx) =>
      links.insert(
        tx,
        {
          name: `Link ${++linkSerial}`,
          host: '127.0.0.1',
          port: 9,
          charset: 'ascii',
          postingMode,
          answerTimeoutMs: 5000,
          aliveIntervalMs: 60_000,
          enabled: true,
          createdAtMs: 1,
          updatedAtMs: 1,
        },
        [sourceId],
      ),
    );
  const checkIn = (
    linkId: number,
    room: string,
    reservation: string,
    guestName: string,
    fromMs: number,
  ): Promise<Stay> =>
    ledger.transaction(
      async (tx) =>
        (
          await stays.checkIn(
            tx,
            linkId,
            { room, reservation, guestName, sharer: false },
            fromMs,
            fromMs,
          )
        ).stay,
    );
  const postingsOf = (itemId: number) =>
    db.query<
      { id: number; status: string; stay_id: number | null; posting_number: number; room: string }[]
    >(
      'SELECT id, status, stay_id, posting_number, room FROM postings WHERE line_item_id = ? ORDER BY id',
      [itemId],
    );
  /** The PMS answered `OK` to the item's posting. */
  const posted = async (itemId: number, atMs: number) => {
    const [posting] = await postingsOf(itemId);
    await ledger.preparedTransaction(async (tx) => {
      await postings.markSent(tx, posting.id, posting.room, atMs);
      await postings.markPosted(tx, posting.id, ANSWER, atMs);
    });
    return posting.id;
  };

  describe('on-approval mode', () => {
    let seeded: Seeded;
    let pmsLink: PmsLink;
    let stay: Stay;

    beforeAll(async () => {
      seeded = await seedSource(t, 'Approval Hotel');
      pmsLink = await link(seeded.sourceId, 'on-approval');
      stay = await checkIn(pmsLink.id, '1012', 'R-100', 'Okafor, Ada', T0 - HOUR);
    });

    it('approving an item gives it a posting, charged to the stay that held its room', async () => {
      const [id] = await seedItems(db, seeded, [{ startTimeMs: T0 }]);
      expect(await postingsOf(id)).toEqual([]);
      await post(`/api/v1/line-items/${id}/approve`, {}).expect(200);
      expect(await postingsOf(id)).toEqual([
        expect.objectContaining({ status: 'pending', stay_id: stay.id }),
      ]);
      const detail = await get(`/api/v1/line-items/${id}`).expect(200);
      expect(detail.body.stay).toEqual({
        id: stay.id,
        room: '1012',
        reservation: 'R-100',
        guestName: 'Okafor, Ada',
      });
      expect(detail.body.postings).toEqual([
        expect.objectContaining({
          linkId: pmsLink.id,
          postingNumber: expect.any(Number),
          room: '1012',
          amountMinor: 159,
          amount: '1.59',
          status: 'pending',
          late: false,
          sentAt: null,
          postedAt: null,
        }),
      ]);
    });

    it('bulk approve by filter enqueues every approved item in its transaction', async () => {
      const ids = await seedItems(db, seeded, [
        { startTimeMs: T0 + HOUR },
        { startTimeMs: T0 + 2 * HOUR },
      ]);
      const res = await post('/api/v1/line-items/bulk', {
        action: 'approve',
        filter: { sourceId: seeded.sourceId, status: ['pending'] },
      }).expect(200);
      expect(res.body.count).toBe(2);
      for (const id of ids) expect(await postingsOf(id)).toHaveLength(1);
      // Posting numbers follow item order, once each.
      const numbers = (await Promise.all(ids.map(postingsOf))).map(([p]) => p.posting_number);
      expect(numbers[1]).toBe(numbers[0] + 1);
    });

    it('refuses every review action on an item with a posting (409), naming the posting', async () => {
      const [id] = await seedItems(db, seeded, [{ startTimeMs: T0 + 3 * HOUR }]);
      await post(`/api/v1/line-items/${id}/approve`, {}).expect(200);
      const before = await get(`/api/v1/line-items/${id}`).expect(200);
      for (const [action, body] of [
        ['approve', {}],
        ['reject', { reason: 'Guest disputed it' }],
        ['adjust', { amount: '1.00', reason: 'Courtesy' }],
        ['assign', { billingAccount: 'ROOM-1013', reason: 'Moved' }],
        ['reset', {}],
      ] as const) {
        const res = await post(`/api/v1/line-items/${id}/${action}`, body).expect(409);
        expect(res.body.message).toContain('queued for the PMS');
        expect(res.body.message).toContain('corrections happen on its posting');
      }
      const bulk = await post('/api/v1/line-items/bulk', {
        action: 'reject',
        ids: [id],
        reason: 'x',
      }).expect(409);
      expect(bulk.body.message).toContain(`line item ${id}'s charge is queued for the PMS`);
      const reRate = await post('/api/v1/line-items/re-rate', {
        filter: { sourceId: seeded.sourceId },
        resetReview: true,
      }).expect(200);
      expect(reRate.body.skippedPosted).toBeGreaterThanOrEqual(4);
      const after = await get(`/api/v1/line-items/${id}`).expect(200);
      expect(after.body.version).toBe(before.body.version);

      // Posted: the message says so, and the item is listed under status=posted.
      const postingId = await posted(id, T0 + 4 * HOUR);
      const res = await post(`/api/v1/line-items/${id}/reject`, { reason: 'x' }).expect(409);
      expect(res.body.message).toContain('posted to the PMS');
      const list = await get(`/api/v1/line-items?status=posted&sourceId=${seeded.sourceId}`).expect(
        200,
      );
      expect(list.body.items.map((item: { id: number }) => item.id)).toEqual([id]);
      expect(list.body.items[0]).toMatchObject({
        status: 'posted',
        stay: { reservation: 'R-100' },
      });

      // The posting's own audit events are in the item's history.
      await ledger.transaction((tx) =>
        t.app.get(AuditEventStore).record(
          tx,
          SYSTEM_ACTOR,
          {
            action: 'posting.posted',
            entityType: 'posting',
            entityId: postingId,
            newValue: { status: 'posted', lineItemId: id },
          },
          T0 + 4 * HOUR,
        ),
      );
      const detail = await get(`/api/v1/line-items/${id}`).expect(200);
      expect(detail.body.postings[0]).toMatchObject({ status: 'posted', answerStatus: 'OK' });
      expect(detail.body.history.map((event: { action: string }) => event.action)).toEqual([
        'line-item.approve',
        'posting.posted',
      ]);
      expect(detail.body.history[1].postingId).toBe(postingId);
      const csv = await get(
        `/api/v1/line-items/export.csv?status=posted&sourceId=${seeded.sourceId}`,
      ).expect(200);
      const [header, row] = csv.text.trim().split('\n');
      expect(header).toMatch(/,status,.*,version,reservation,guestName$/);
      expect(row).toContain(',posted,');
      expect(row).toMatch(/,R-100,"Okafor, Ada"$/);
    });

    it('a bulk action with items of postings among others changes nothing and lists them', async () => {
      const [free] = await seedItems(db, seeded, [{ startTimeMs: T0 + 5 * HOUR }]);
      const [queued] = await seedItems(db, seeded, [{ startTimeMs: T0 + 6 * HOUR }]);
      await post(`/api/v1/line-items/${queued}/approve`, {}).expect(200);
      const res = await post('/api/v1/line-items/bulk', {
        action: 'reject',
        ids: [free, queued],
        reason: 'Test calls',
      }).expect(409);
      expect(res.body.message).toContain('1 of 2 items; nothing was changed');
      expect(res.body.message).toContain(`line item ${queued}'s charge is queued for the PMS`);
      const [row] = await db.query<{ status: string }[]>(
        'SELECT status FROM line_items WHERE id = ?',
        [free],
      );
      expect(row.status).toBe('pending');
    });

    it('an unlinked source approves as before: no posting', async () => {
      const other = await seedSource(t, 'Unlinked Hotel');
      const [id] = await seedItems(db, other, [{ startTimeMs: T0 }]);
      await post(`/api/v1/line-items/${id}/approve`, {}).expect(200);
      expect(await postingsOf(id)).toEqual([]);
      const detail = await get(`/api/v1/line-items/${id}`).expect(200);
      expect(detail.body).toMatchObject({ stay: null, postings: [] });
    });

    it('invoices skip items with a posting: a batch drafts the others, none fails', async () => {
      const [plain] = await seedItems(db, seeded, [{ startTimeMs: T0 + 7 * HOUR }]);
      await db.query(`UPDATE line_items SET status = 'approved' WHERE id = ?`, [plain]);
      const res = await post('/api/v1/invoices/batch', {
        periodStart: '2026-03-01',
        periodEnd: '2026-03-10',
        sourceId: seeded.sourceId,
      }).expect(201);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].lines.map((l: { lineItemId: number }) => l.lineItemId)).toEqual([
        plain,
      ]);
      const refreshed = await post(`/api/v1/invoices/${res.body.items[0].id}/refresh`, {}).expect(
        200,
      );
      expect(refreshed.body.lines).toHaveLength(1);
    });
  });

  describe('on-rating mode', () => {
    let seeded: Seeded;

    beforeAll(async () => {
      seeded = await seedSource(t, 'Rating Hotel');
      const pmsLink = await link(seeded.sourceId, 'on-rating');
      await checkIn(pmsLink.id, '1012', 'R-300', 'Cruz, Ana', T0 - HOUR);
    });

    it('an assign that makes a needs-review item pending gives it its posting', async () => {
      const [id] = await seedItems(db, seeded, [
        { startTimeMs: T0, status: 'needs-review', billingAccount: null },
      ]);
      await post(`/api/v1/line-items/${id}/assign`, {
        billingAccount: 'ROOM-1012',
        reason: 'Room phone',
      }).expect(200);
      expect(await postingsOf(id)).toEqual([expect.objectContaining({ status: 'pending' })]);
    });

    it('a re-rate gives the items it makes postable their postings, and skips those with one', async () => {
      const [id] = await seedItems(db, seeded, [
        { startTimeMs: T0 + HOUR, status: 'no-charge', amountMinor: 0, taxMinor: 0 },
      ]);
      expect(await postingsOf(id)).toEqual([]);
      const res = await post('/api/v1/line-items/re-rate', {
        filter: { sourceId: seeded.sourceId },
        resetReview: true,
      }).expect(200);
      expect(res.body).toMatchObject({ matched: 2, changed: 1, skippedPosted: 1 });
      const [row] = await db.query<{ status: string; total_minor: number }[]>(
        'SELECT status, total_minor FROM line_items WHERE id = ?',
        [id],
      );
      expect(row.total_minor).toBeGreaterThan(0);
      expect(await postingsOf(id)).toEqual([expect.objectContaining({ status: 'pending' })]);
    });
  });

  describe('an invoice per stay, and the call detail', () => {
    let seeded: Seeded;
    let pmsLink: PmsLink;
    let first: Stay;
    let moved: Stay;
    let next: Stay;

    beforeAll(async () => {
      seeded = await seedSource(t, 'Stay Hotel');
      pmsLink = await link(seeded.sourceId, 'on-approval');
      // Ada in 1012, then moved to 1014; then Ben checks into 1012.
      first = await checkIn(pmsLink.id, '1012', 'R-200', 'Okafor, Ada', T0 - 2 * HOUR);
      moved = await checkIn(pmsLink.id, '1014', 'R-200', 'Okafor, Ada', T0 + 2 * HOUR);
      next = await checkIn(pmsLink.id, '1012', 'R-201', 'Brandt, Ben', T0 + 3 * HOUR);
    });

    it('POST /invoices/batch groupBy stay: one draft a stay, its header the stay', async () => {
      // Approved items with no posting (approved before the link posted them), tied to stays.
      const ids = await seedItems(db, seeded, [
        { startTimeMs: T0, status: 'approved' },
        { startTimeMs: T0 + HOUR, status: 'approved' },
        { startTimeMs: T0 + 4 * HOUR, status: 'approved' },
      ]);
      await ledger.transaction(async (tx) => {
        await stays.tieCalls(tx, (await stays.findById(first.id, tx))!);
        await stays.tieCalls(tx, next);
      });
      const res = await post('/api/v1/invoices/batch', {
        periodStart: '2026-03-01',
        periodEnd: '2026-03-10',
        sourceId: seeded.sourceId,
        groupBy: 'stay',
      }).expect(201);
      expect(res.body.items).toHaveLength(2);
      const [ada, ben] = res.body.items;
      expect(ada.stay).toMatchObject({
        id: first.id,
        reservation: 'R-200',
        guestName: 'Okafor, Ada',
        room: '1012',
        from: new Date(T0 - 2 * HOUR).toISOString(),
        to: new Date(T0 + 2 * HOUR).toISOString(),
      });
      expect(ada.lines.map((l: { lineItemId: number }) => l.lineItemId)).toEqual(ids.slice(0, 2));
      expect(ben.stay).toMatchObject({ id: next.id, reservation: 'R-201', to: null });
      expect(ben.lines.map((l: { lineItemId: number }) => l.lineItemId)).toEqual([ids[2]]);

      // A refresh keeps a stay's draft to its stay.
      const refreshed = await post(`/api/v1/invoices/${ada.id}/refresh`, {}).expect(200);
      expect(refreshed.body.lines).toHaveLength(2);
      expect(refreshed.body.stay.id).toBe(first.id);

      await post(`/api/v1/invoices/${ada.id}/finalize`, {}).expect(200);
      const pdf = await file(`/api/v1/invoices/${ada.id}/export?format=pdf`).expect(200);
      const [text] = await pdfTexts([pdf.body as Buffer]);
      expect(text).toContain('Guest: Okafor, Ada');
      expect(text).toContain('Reservation: R-200');
      expect(text).toContain('Room: 1012');

      await post('/api/v1/invoices/batch', {
        periodStart: '2026-03-01',
        periodEnd: '2026-03-10',
        groupBy: 'room',
      }).expect(400);
    });

    it("GET /stays/:id/call-detail: the reservation's posted calls, as CSV and PDF, the same bytes each time", async () => {
      const ids = await seedItems(db, seeded, [
        { startTimeMs: T0 + 30 * 60_000, dialedNumber: '9 1 303 555 0101' },
        { startTimeMs: T0 + 2.5 * HOUR, dialedNumber: '9 1 303 555 0102', amountMinor: 300 },
        { startTimeMs: T0 + 5 * HOUR, dialedNumber: '9 1 303 555 0103' }, // Ben's
      ]);
      // The room move: the second call is from 1014.
      await db.query(`UPDATE line_items SET extension = '1014' WHERE id = ?`, [ids[1]]);
      await post('/api/v1/line-items/bulk', { action: 'approve', ids }).expect(200);
      for (const [index, id] of ids.entries()) await posted(id, T0 + 6 * HOUR + index);

      const csv = await file(`/api/v1/stays/${moved.id}/call-detail?format=csv`, viewerKey).expect(
        200,
      );
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="stay-R-200-1014.csv"');
      expect((csv.body as Buffer).toString()).toBe(
        [
          'date,time,room,number_dialled,duration,talk_seconds,amount,currency',
          '2026-03-02,08:30:00,1012,'.concat("'+13035550100,1:01,61,1.59,USD"),
          '2026-03-02,10:30:00,1014,'.concat("'+13035550100,1:01,61,3.19,USD"),
          'total,,,,,,4.78,USD',
          '',
        ].join('\n'),
      );
      const again = await file(`/api/v1/stays/${first.id}/call-detail?format=csv`).expect(200);
      expect(again.body).toEqual(csv.body);

      const pdf = await file(`/api/v1/stays/${first.id}/call-detail?format=pdf`).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const pdfAgain = await file(`/api/v1/stays/${first.id}/call-detail?format=pdf`).expect(200);
      expect(Buffer.compare(pdf.body as Buffer, pdfAgain.body as Buffer)).toBe(0);
      const [text] = await pdfTexts([pdf.body as Buffer]);
      for (const expected of [
        'Guest: Okafor, Ada',
        'Reservation: R-200',
        'Rooms: 1012, 1014',
        '2026-03-02 06:00 to in house',
        '4.78 USD',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('6.37'); // with Ben's call

      await get(`/api/v1/stays/999999/call-detail?format=pdf`).expect(404);
      await get(`/api/v1/stays/${first.id}/call-detail?format=xls`).expect(400);
      await http().get(`/api/v1/stays/${first.id}/call-detail?format=csv`).expect(401);
    });
  });
});
