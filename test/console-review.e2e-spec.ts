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
  signIn,
  startService,
  waitForText as waitForTextOnly,
} from './support/console';

// The review page in a real browser, on the demo ledger (a week of synced calls): a day's
// pending items filtered, three approved at once, one adjusted, one rejected; a 409 when
// someone else acted first; the keys j/k/x/a/Enter; a viewer who sees no actions.
jest.setTimeout(180_000);

interface Item {
  id: number;
  status: string;
  amount: string;
  version: number;
  billingAccount: string | null;
  reviewReason: string | null;
  localStartTime: string;
}

interface ItemPage {
  items: Item[];
  totals: { count: number } | null;
}

describe('the console: review (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;
  /** A day of the hotel's source with pending items, and the day after (the API's `to`). */
  let day: string;
  let dayAfter: string;

  beforeAll(async () => {
    buildAll();
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    // The busiest day of the week's pending hotel calls, as the source's wall clock has it.
    const pending = await apiAs<ItemPage>(
      service,
      'GET',
      '/api/v1/line-items?sourceId=1&status=pending&limit=1000',
    );
    const perDay = new Map<string, number>();
    for (const item of pending.body.items) {
      const date = item.localStartTime.slice(0, 10);
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }
    day = [...perDay].sort((a, b) => b[1] - a[1])[0][0];
    const [y, m, d] = day.split('-').map(Number);
    dayAfter = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** Waits for a text; when it does not come, says what the page shows instead. */
  async function waitForText(page: Page, text: string): Promise<void> {
    try {
      await waitForTextOnly(page, text);
    } catch {
      const shown = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
      throw new Error(`"${text}" is not on the page; it shows:\n${shown.slice(0, 2000)}`);
    }
  }

  const item = async (id: number) =>
    (await apiAs<Item>(service, 'GET', `/api/v1/line-items/${id}`)).body;

  /** Signs the demo admin in and opens the review page. */
  async function openReview(as = service.demoUser): Promise<{ page: Page; problems: string[] }> {
    const opened = await openPage(browser);
    await signIn(opened.page, service.baseUrl, as.email, as.password);
    await opened.page.waitForSelector('::-p-aria(Sections)');
    await opened.page.click('::-p-aria(Review[role="link"])');
    await opened.page.waitForSelector('table[data-filter][aria-busy="false"]');
    return opened;
  }

  /** Waits until the queue shows the rows of exactly this filter. */
  async function rowsOf(page: Page, filter: string): Promise<number[]> {
    await page.waitForSelector(`table[data-filter="${filter}"][aria-busy="false"]`);
    return page.$$eval('tr[data-item-id]', (rows) =>
      rows.map((row) => Number(row.getAttribute('data-item-id'))),
    );
  }

  /**
   * Sets the date input labelled `label` to a day, as the browser's date picker does (its value,
   * then an input event).
   */
  async function fillDay(page: Page, label: string, date: string): Promise<void> {
    const input = await page.waitForSelector(`::-p-aria(${label})`);
    await input!.evaluate((element, value) => {
      const field = element as HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(field, value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, date);
  }

  /** Opens an item's detail from the queue by its time link. */
  async function openDetail(page: Page, id: number): Promise<void> {
    await page.click(`tr[data-item-id="${id}"] a`);
    await page.waitForSelector(`::-p-aria(Item ${id}[role="heading"])`);
    await page.waitForSelector('::-p-text(How the charge was computed)');
  }

  it('reviews a day: filters it, approves three rows at once, adjusts one, rejects one', async () => {
    const { page, problems } = await openReview();
    const status = await page.waitForSelector('::-p-aria(Status[role="combobox"])');
    await status!.select('pending');
    await rowsOf(page, 'status=pending');
    const source = await page.waitForSelector('::-p-aria(Source[role="combobox"])');
    await source!.select('1');
    await rowsOf(page, 'status=pending&sourceId=1');
    await fillDay(page, 'From', day);
    await fillDay(page, 'To', day);
    const filter = `status=pending&sourceId=1&from=${day}&to=${dayAfter}`;
    const ids = await rowsOf(page, filter);
    expect(page.url()).toContain(`/review?${filter}`);
    expect(ids.length).toBeGreaterThan(5);
    const expected = await apiAs<ItemPage>(
      service,
      'GET',
      `/api/v1/line-items?${filter}&limit=100`,
    );
    expect(ids).toEqual(expected.body.items.map((row) => row.id));
    await waitForText(page, `${expected.body.totals!.count} items match the filter`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'review-01-queue');

    // A reload keeps the filter.
    await page.reload();
    expect(await rowsOf(page, filter)).toEqual(ids);

    const three = ids.slice(0, 3);
    for (const id of three) await page.click(`::-p-aria(Select item ${id})`);
    await waitForText(page, '3 items selected.');
    await screenshot(page, 'review-02-selected');
    await clickButton(page, 'Approve');
    await waitForText(page, 'Approved 3 items.');
    for (const id of three) expect((await item(id)).status).toBe('approved');
    const approved = await apiAs<ItemPage>(
      service,
      'GET',
      `/api/v1/line-items?status=approved&sourceId=1&from=${day}&to=${dayAfter}&limit=100`,
    );
    expect(approved.body.items.map((row) => row.id).sort()).toEqual([...three].sort());
    // The pending queue no longer holds them.
    await page.waitForFunction(
      (gone: number[]) => gone.every((id) => !document.querySelector(`tr[data-item-id="${id}"]`)),
      {},
      three,
    );

    const [adjusted, rejected] = ids.slice(3, 5);
    await openDetail(page, adjusted);
    expect(page.url()).toContain(`/review/${adjusted}?${filter}`);
    await clickButton(page, 'Adjust');
    await fillLabelled(page, 'Amount', '1.23');
    await fillLabelled(page, 'Reason', 'Guest disputed the call');
    await clickButton(page, 'Save the new amount');
    await waitForText(page, `Item ${adjusted} adjusted.`);
    await waitForText(page, 'amount: ');
    await waitForText(page, 'Guest disputed the call');
    expect(await item(adjusted)).toMatchObject({ amount: '1.23', status: 'pending' });
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'review-03-detail');

    await page.click('::-p-text(Back to the queue)');
    await rowsOf(page, filter);
    await openDetail(page, rejected);
    await clickButton(page, 'Reject');
    // The reason is required: the dialog's button waits for one.
    await page.waitForSelector('dialog[open] button[type="submit"]:disabled');
    await fillLabelled(page, 'Reason', 'Wrong room: the guest had checked out');
    await clickButton(page, 'Reject the item');
    await waitForText(page, `Item ${rejected} rejected.`);
    expect(await item(rejected)).toMatchObject({
      status: 'rejected',
      reviewReason: 'Wrong room: the guest had checked out',
    });
    expect(problems).toEqual([]);
  });

  it('says what changed when someone acted first (409) and shows the new state on Reload', async () => {
    const { page, problems } = await openReview();
    const ids = await rowsOf(page, '');
    const pending = (await Promise.all(ids.slice(0, 40).map(item))).find(
      (row) => row.status === 'pending' && row.billingAccount !== null,
    )!;
    await openDetail(page, pending.id);
    // Another reviewer approves it through the API while the page shows it pending.
    const elsewhere = await apiAs(service, 'POST', `/api/v1/line-items/${pending.id}/approve`, {
      reason: 'Approved at the front desk',
    });
    expect(elsewhere.status).toBe(200);
    await clickButton(page, 'Reject');
    await fillLabelled(page, 'Reason', 'Not a guest call');
    await clickButton(page, 'Reject the item');
    await waitForText(page, 'This item changed since you opened it.');
    await waitForText(page, 'it is now approved');
    await waitForText(page, 'Nothing was changed.');
    await screenshot(page, 'review-04-conflict');
    expect((await item(pending.id)).status).toBe('approved');
    await clickButton(page, 'Reload');
    await page.waitForFunction(() => !document.body.innerText.includes('changed since you opened'));
    expect(await page.$eval('.item-head .status-badge', (badge) => badge.textContent)).toBe(
      'Approved',
    );
    await waitForText(page, 'Approved at the front desk');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('moves with j and k, selects with x, approves with a and opens with Enter', async () => {
    const { page, problems } = await openReview();
    const status = await page.waitForSelector('::-p-aria(Status[role="combobox"])');
    await status!.select('pending');
    const ids = await rowsOf(page, 'status=pending');
    const current = () =>
      page.$eval('tr.is-current', (row) => Number(row.getAttribute('data-item-id')));
    const isCurrent = (id: number) => page.waitForSelector(`tr.is-current[data-item-id="${id}"]`);
    // Not while typing: a j in a text field is a letter (and filters by it, once typing pauses).
    await page.click('::-p-aria(Billing account)');
    await page.keyboard.press('j');
    await rowsOf(page, 'status=pending&billingAccount=j');
    expect(await page.$('tr.is-current')).toBeNull();
    await page.keyboard.press('Backspace');
    expect(await rowsOf(page, 'status=pending')).toEqual(ids);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    await isCurrent(ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await isCurrent(ids[2]);
    await page.keyboard.press('k');
    await isCurrent(ids[1]);
    await page.keyboard.press('x');
    await page.waitForSelector(`input[aria-label="Select item ${ids[1]}"]:checked`);
    await waitForText(page, '1 item selected.');
    await page.keyboard.press('x');
    await waitForText(page, 'No rows selected');

    const target = (await item(ids[1])).billingAccount !== null ? ids[1] : ids[2];
    if (target !== ids[1]) await page.keyboard.press('j');
    await page.keyboard.press('a');
    await waitForText(page, `Approved item ${target}.`);
    expect((await item(target)).status).toBe('approved');
    // The approved row leaves the pending queue; the current row is the next one.
    await page.waitForFunction(
      (id: number) => !document.querySelector(`tr[data-item-id="${id}"]`),
      {},
      target,
    );
    const next = await current();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`::-p-aria(Item ${next}[role="heading"])`);
    // Escape goes back to the queue, at the same row.
    await page.keyboard.press('Escape');
    await rowsOf(page, 'status=pending');
    await isCurrent(next);
    expect(problems).toEqual([]);
  });

  it('rejects selected rows with a reason, then approves all that match, counted first', async () => {
    const { page, problems } = await openReview();
    // A room with at least three pending calls.
    const pending = await apiAs<ItemPage>(
      service,
      'GET',
      '/api/v1/line-items?sourceId=1&status=pending&limit=1000',
    );
    const perAccount = new Map<string, number>();
    for (const row of pending.body.items) {
      perAccount.set(row.billingAccount!, (perAccount.get(row.billingAccount!) ?? 0) + 1);
    }
    const account = [...perAccount].find(([, calls]) => calls >= 3)![0];
    const filter = `status=pending&sourceId=1&billingAccount=${account}`;
    await page.goto(`${service.baseUrl}/review?${filter}`);
    const ids = await rowsOf(page, filter);
    const count = ids.length - 1;

    await page.click(`::-p-aria(Select item ${ids[0]})`);
    await clickButton(page, 'Reject');
    await page.waitForSelector('dialog[open]');
    // The reason is required: the dialog's button waits for one.
    await page.waitForSelector('dialog[open] button[type="submit"]:disabled');
    await fillLabelled(page, 'Reason', 'Staff call, not the guest');
    await clickButton(page, 'Reject 1 item');
    await waitForText(page, 'Rejected 1 item.');
    expect(await item(ids[0])).toMatchObject({
      status: 'rejected',
      reviewReason: 'Staff call, not the guest',
    });
    await page.waitForFunction(
      (gone: number) => !document.querySelector(`tr[data-item-id="${gone}"]`),
      {},
      ids[0],
    );
    expect(await rowsOf(page, filter)).toEqual(ids.slice(1));

    await clickButton(page, `Select all ${count} items that match the filter`);
    await waitForText(page, `All ${count} items that match the filter are selected.`);
    await clickButton(page, 'Approve');
    await waitForText(page, `${count} items can be approved`);
    await screenshot(page, 'review-05-all-that-match');
    await clickButton(page, `Approve ${count} items`);
    await waitForText(page, `Approved ${count} items that matched the filter.`);
    for (const id of ids.slice(1)) expect((await item(id)).status).toBe('approved');
    await waitForText(page, 'No items match this filter.');
    expect(problems).toEqual([]);
  });

  it('shows a viewer the queue and the details without actions; the API refuses theirs (403)', async () => {
    const viewer = { email: 'auditor@grandhotel.example', password: 'a viewer reads only, 2026' };
    const created = await apiAs(service, 'POST', '/api/v1/users', {
      ...viewer,
      name: 'Outside Auditor',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const { page, problems } = await openReview(viewer);
    const ids = await rowsOf(page, '');
    expect(ids.length).toBeGreaterThan(0);
    expect(await page.$('input[type="checkbox"]')).toBeNull();
    expect(await page.$('::-p-aria(Approve[role="button"])')).toBeNull();
    expect(await page.$('::-p-aria(Selected items)')).toBeNull();
    await screenshot(page, 'review-06-viewer-queue');
    // On a tablet the table scrolls sideways inside its frame; nothing overlaps.
    await page.setViewport({ width: 820, height: 1100 });
    await screenshot(page, 'review-08-viewer-tablet');
    await page.setViewport({ width: 1280, height: 860 });
    const id = ids[10];
    await openDetail(page, id);
    for (const action of ['Approve', 'Reject', 'Adjust', 'Assign', 'Reset']) {
      expect(await page.$(`::-p-aria(${action}[role="button"])`)).toBeNull();
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'review-07-viewer-detail');
    const status = await page.evaluate(async (itemId: number) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1/line-items/${itemId}/approve`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: '{}',
      });
      return response.status;
    }, id);
    expect(status).toBe(403);
    expect(problems).toEqual([]);
  });
});
