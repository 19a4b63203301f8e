import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import {
  accessibilityProblems,
  apiAs,
  buildAll,
  clickButton,
  fillLabelled,
  launchBrowser,
  openPage,
  RunningService,
  screenshot,
  SCREENSHOTS,
  signIn,
  startInstance,
  startService,
  waitForText,
} from './support/console';
import { testLedgerDriver } from '@app/ledger/testing';

// The night auditor's pages, in a real browser, against the demo: the demo hotel is linked to the
// stand-in PMS, whose room 1013 guest has a no-post flag (NP) and whose vacant rooms' calls find
// no stay, so the exceptions queue fills by itself.
jest.setTimeout(240_000);

interface PmsLink {
  id: number;
  state: string;
  queue: Record<string, number>;
}

interface Posting {
  id: number;
  lineItemId: number;
  postingNumber: number;
  room: string;
  stayId: number | null;
  status: string;
  reason: string | null;
  reasonText: string | null;
  version: number;
  attempts: number;
}

describe('the console: PMS links and postings (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let link: PmsLink;

  beforeAll(async () => {
    buildAll();
    // Links run in the service unless turned off; said here so that the test does not depend on it.
    [service, browser] = await Promise.all([
      startService({ PMS_LINKS_ENABLED: 'true' }),
      launchBrowser(),
    ]);
    link = await linkedWithExceptions(service);
    ({ page, problems } = await openPage(browser));
    await page.setViewport({ width: 1280, height: 900 });
    await signIn(page, service.baseUrl, service.demoUser.email, service.demoUser.password);
    await page.waitForSelector('::-p-aria(Sections)');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  it('shows the link linked, when it last heard from the PMS, and its queue', async () => {
    await page.goto(`${service.baseUrl}/pms-links`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'Linked');
    await waitForText(page, 'Last heard from the PMS');
    const exceptions = await page.$eval(
      `section[aria-labelledby="link-${link.id}"] .pms-queue .bad dd`,
      (cell) => cell.textContent,
    );
    expect(Number(exceptions?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'postings-01-links');
  });

  it('asks an admin for a new link with labelled fields and shows what the API refused', async () => {
    await clickButton(page, 'New link');
    await page.waitForSelector('dialog[open]');
    await fillLabelled(page, 'Name', 'Second hotel');
    await page.click('dialog[open] button[type="submit"]');
    await page.waitForSelector('dialog[open] .field-error');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-01-new-link.png') });
    await clickButton(page, 'Cancel');
    await page.waitForSelector('dialog[open]', { hidden: true });
  });

  it('asks for a resync, and explains why a link with postings is not deleted (409)', async () => {
    await page.goto(`${service.baseUrl}/pms-links`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'Linked');
    await clickButton(page, 'Resync guests');
    await waitForText(page, 'for its guest list again');
    await clickButton(page, 'Delete…');
    await page.waitForSelector('dialog[open]');
    await clickButton(page, 'Delete the link');
    await waitForText(page, 'has postings or stays');
    await waitForText(page, 'disable it instead');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-01-delete-refused.png') });
    await clickButton(page, 'Cancel');
    await page.waitForSelector('dialog[open]', { hidden: true });
    const still = await apiAs(service, 'GET', `/api/v1/pms-links/${link.id}`);
    expect(still.status).toBe(200);
  });

  it('lists the exceptions with their reasons in words', async () => {
    await page.goto(`${service.baseUrl}/postings`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'Posting exceptions');
    const { body } = await apiAs<{ items: Posting[] }>(
      service,
      'GET',
      '/api/v1/postings?status=exception&limit=50',
    );
    const first = body.items[0];
    await page.waitForSelector(`tr[data-posting="${first.postingNumber}"]`);
    await waitForText(page, first.reasonText!);
    // The rows read their line items: the call's time in the source's zone.
    await page.waitForFunction(
      (number: number) =>
        document.querySelector(`tr[data-posting="${number}"]`)?.textContent?.includes('MST') ??
        false,
      {},
      first.postingNumber,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    // At 1280 px the whole row, its actions included, is in view without scrolling sideways.
    const overflow = await page.$eval('.table-wrap', (wrap) => wrap.scrollWidth - wrap.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'postings-02-exceptions');
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-02-exceptions-top.png') });
  });

  it('writes an exception off with a reason, and it leaves the queue', async () => {
    const target = await someException(service, (posting) => posting.reason === 'no-stay');
    const row = `tr[data-posting="${target.postingNumber}"]`;
    await page.waitForSelector(row);
    await page.click(`${row} button[aria-label^="Write off"]`);
    await page.waitForSelector('dialog[open]');
    await fillLabelled(page, 'Reason', 'Vacant room: a housekeeping call, not billed');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-03-write-off.png') });
    await page.click('dialog[open] button[type="submit"]');
    await page.waitForSelector(row, { hidden: true });
    await waitForText(page, `P# ${target.postingNumber} is written off.`);
    const after = await apiAs<Posting>(service, 'GET', `/api/v1/postings/${target.id}`);
    expect(after.body.status).toBe('written-off');
  });

  it('retries an exception: sent again to the PMS', async () => {
    const target = await someException(service, () => true);
    const row = `tr[data-posting="${target.postingNumber}"]`;
    await page.waitForSelector(row);
    await page.click(`${row} button[aria-label^="Retry"]`);
    await waitForText(page, `P# ${target.postingNumber} is queued to post again.`);
    const after = await apiAs<Posting>(service, 'GET', `/api/v1/postings/${target.id}`);
    expect(after.body.version).toBeGreaterThan(target.version);
    const audit = await apiAs<{ items: { action: string; entityId: string | number }[] }>(
      service,
      'GET',
      '/api/v1/audit-events?entityType=posting',
    );
    expect(
      audit.body.items.some(
        (event) => event.action === 'posting.retry' && Number(event.entityId) === target.id,
      ),
    ).toBe(true);
  });

  it('reroutes an exception to a room with a guest in house, and posts one with a stay late', async () => {
    const inHouse = await apiAs<{ items: { room: string }[] }>(
      service,
      'GET',
      `/api/v1/stays?at=${encodeURIComponent(new Date().toISOString())}&limit=1`,
    );
    const room = inHouse.body.items[0].room;
    const vacant = await someException(service, (posting) => posting.reason === 'no-stay');
    const row = `tr[data-posting="${vacant.postingNumber}"]`;
    await page.waitForSelector(row);
    await page.click(`${row} button[aria-label^="Reroute"]`);
    await page.waitForSelector('dialog[open]');
    await fillLabelled(page, 'Room', room);
    await page.click('dialog[open] button[type="submit"]');
    await waitForText(page, `P# ${vacant.postingNumber} is queued to post to room ${room}.`);
    const rerouted = await apiAs<Posting>(service, 'GET', `/api/v1/postings/${vacant.id}`);
    expect(rerouted.body.room).toBe(room);

    // Post late needs the stay the call was made in (a guest who left, or one the PMS refused).
    const left = await someException(service, (posting) => posting.stayId !== null);
    const lateRow = `tr[data-posting="${left.postingNumber}"]`;
    await page.waitForSelector(lateRow);
    await page.click(`${lateRow} button[aria-label^="Post late"]`);
    await waitForText(page, `P# ${left.postingNumber} is queued as a late charge`);
    const late = await apiAs<Posting & { late: boolean }>(
      service,
      'GET',
      `/api/v1/postings/${left.id}`,
    );
    expect(late.body.late).toBe(true);
  });

  it('offers a reload when the posting changed since the page loaded (409)', async () => {
    const target = await someException(service, () => true);
    await page.goto(`${service.baseUrl}/postings`, { waitUntil: 'networkidle0' });
    const row = `tr[data-posting="${target.postingNumber}"]`;
    await page.waitForSelector(row);
    // Someone else writes it off first.
    const gone = await apiAs(service, 'POST', `/api/v1/postings/${target.id}/write-off`, {
      version: target.version,
      reason: 'done at the front desk',
    });
    expect(gone.status).toBe(200);
    await page.click(`${row} button[aria-label^="Retry"]`);
    await waitForText(page, `P# ${target.postingNumber} was not changed`);
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-04-conflict.png') });
    await clickButton(page, 'Reload the queue');
    await page.waitForSelector(row, { hidden: true });
  });

  it('lists posted charges with their guests, and corrects one by a negative posting', async () => {
    await page.goto(`${service.baseUrl}/postings?status=posted`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'Call detail');
    const { body } = await apiAs<{ items: Posting[] }>(
      service,
      'GET',
      '/api/v1/postings?status=posted&limit=50',
    );
    const target = body.items.find((posting) => posting.postingNumber > 0 && !posting.reason)!;
    const row = `tr[data-posting="${target.postingNumber}"]`;
    await page.waitForSelector(row);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-05-posted.png') });
    await page.click(`${row} button[aria-label^="Correct"]`);
    await page.waitForSelector('dialog[open]');
    await fillLabelled(page, 'Reason', 'Guest disputed the call at check-out');
    await page.click('dialog[open] button[type="submit"]');
    await waitForText(page, 'is queued to post to room');
    const corrections = await apiAs<{ items: (Posting & { correctsPostingId: number | null })[] }>(
      service,
      'GET',
      `/api/v1/postings?lineItemId=${target.lineItemId}`,
    );
    expect(corrections.body.items.some((posting) => posting.correctsPostingId === target.id)).toBe(
      true,
    );
  });

  it("shows a line item's stay and postings on the review page", async () => {
    // Room 1013's guest has a no-post flag: the PMS refused the charge (NP); the item has a stay.
    const noPost = await apiAs<{ items: Posting[] }>(
      service,
      'GET',
      '/api/v1/postings?status=exception&limit=500',
    );
    const target =
      noPost.body.items.find((posting) => posting.reason === 'NP') ??
      (await someException(service, () => true));
    await page.goto(`${service.baseUrl}/review/${target.lineItemId}`, {
      waitUntil: 'networkidle0',
    });
    await waitForText(page, 'Guest stay and postings');
    await page.waitForSelector(`tr[data-posting="${target.postingNumber}"]`);
    await waitForText(page, target.reasonText!);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'postings-06-line-item');
  });

  it("looks up who was in a room at a time (the hotel's wall clock)", async () => {
    const { body } = await apiAs<{
      items: { id: number; room: string; guestName: string | null; from: string }[];
    }>(service, 'GET', '/api/v1/stays?limit=1');
    const stay = body.items[0];
    // A minute after the stay began, on Denver's wall clock (the demo hotel's zone).
    const wall = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'America/Denver',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(new Date(Date.parse(stay.from) + 60_000))
      .replace(' ', 'T');
    await page.goto(
      `${service.baseUrl}/postings/stays?room=${stay.room}&at=${encodeURIComponent(wall)}`,
      { waitUntil: 'networkidle0' },
    );
    await waitForText(page, 'Guest stays');
    await page.waitForSelector(`tr[data-stay="${stay.id}"]`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-08-stays.png') });
  });

  it('shows a viewer the queue without its actions', async () => {
    const viewer = {
      email: 'night@example.com',
      name: 'Night viewer',
      password: 'a long viewer password 1',
    };
    const made = await apiAs(service, 'POST', '/api/v1/users', { ...viewer, role: 'viewer' });
    expect(made.status).toBe(201);
    const other = await openPage(browser);
    await signIn(other.page, service.baseUrl, viewer.email, viewer.password);
    await other.page.waitForSelector('::-p-aria(Sections)');
    await other.page.goto(`${service.baseUrl}/postings`, { waitUntil: 'networkidle0' });
    await other.page.waitForSelector('tr[data-posting]');
    expect(await other.page.$$('tr[data-posting] button[aria-label^="Retry"]')).toHaveLength(0);
    await other.page.goto(`${service.baseUrl}/pms-links`, { waitUntil: 'networkidle0' });
    await waitForText(other.page, 'Linked');
    expect(await other.page.$$('::-p-aria(Resync guests[role="button"])')).toHaveLength(0);
    expect(other.problems).toEqual([]);
    await other.page.browserContext().close();
  });

  it('is usable on a tablet', async () => {
    await page.setViewport({ width: 800, height: 1000 });
    await page.goto(`${service.baseUrl}/postings`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'Posting exceptions');
    await page.waitForSelector('tr[data-posting]');
    await page.screenshot({ path: join(SCREENSHOTS, 'postings-07-tablet.png') });
    await page.setViewport({ width: 1280, height: 900 });
  });

  // Several instances share one PostgreSQL ledger (docs/postgres.md): a second one, with links
  // on, finds the link held by the first, and its pages say so. Last in this file: a production
  // start ends demo mode on the ledger (the demo's keys and user), so an admin is made first.
  (testLedgerDriver() === 'postgres' ? it : it.skip)(
    'on a second instance of the service, the link held by the first is on another instance',
    async () => {
      const admin = { email: 'ops@example.com', password: 'a long operator password 1' };
      const made = await apiAs(service, 'POST', '/api/v1/users', {
        ...admin,
        name: 'Operations',
        role: 'admin',
      });
      expect(made.status).toBe(201);
      // The demo user's page would hear 401s once its session ends: it leaves first.
      await page.goto('about:blank');
      const second = await startInstance(service.databaseUrl, { PMS_LINKS_ENABLED: 'true' });
      try {
        const view = await apiAs<PmsLink>(second, 'GET', `/api/v1/pms-links/${link.id}`);
        expect(view.body.state).toBe('elsewhere');
        const other = await openPage(browser);
        await other.page.setViewport({ width: 1280, height: 900 });
        await signIn(other.page, second.baseUrl, admin.email, admin.password);
        await other.page.waitForSelector('::-p-aria(Sections)');
        await other.page.goto(`${second.baseUrl}/pms-links`, { waitUntil: 'networkidle0' });
        await waitForText(other.page, 'On another instance');
        // Which instance, from the ledger's lease; what the PMS last said is known there only.
        const holder = await apiAs<{ instance: string | null }>(
          second,
          'GET',
          `/api/v1/pms-links/${link.id}`,
        );
        await waitForText(other.page, `It runs on ${holder.body.instance}.`);
        expect(await other.page.$eval('.pms-link .card-intro', (p) => p.textContent)).not.toContain(
          'Last heard',
        );
        expect(await accessibilityProblems(other.page)).toEqual([]);
        await screenshot(other.page, 'postings-08-other-instance');
        expect(other.problems).toEqual([]);
        await other.page.browserContext().close();
      } finally {
        await second.stop();
      }
    },
  );
});

/** Polls the API until the demo link is linked and its exceptions queue holds some postings. */
async function linkedWithExceptions(service: RunningService): Promise<PmsLink> {
  const deadline = Date.now() + 90_000;
  let seen: string;
  for (;;) {
    const { body } = await apiAs<{ items: PmsLink[] }>(service, 'GET', '/api/v1/pms-links');
    const link = body.items[0];
    seen = JSON.stringify(body.items.map(({ id, state, queue }) => ({ id, state, queue })));
    if (link?.state === 'linked' && link.queue.exception >= 3) return link;
    if (Date.now() > deadline) {
      throw new Error(`the demo link did not post: ${seen}\n${service.output().slice(-3000)}`);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
}

/** An exception the page shows (on its first page), chosen by `which`. */
async function someException(
  service: RunningService,
  which: (posting: Posting) => boolean,
): Promise<Posting> {
  const { body } = await apiAs<{ items: Posting[] }>(
    service,
    'GET',
    '/api/v1/postings?status=exception&limit=50',
  );
  const found = body.items.find(which);
  if (!found) throw new Error(`no such exception among ${JSON.stringify(body.items.slice(0, 5))}`);
  return found;
}
