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
  waitForText,
} from './support/console';
import { samplePlan } from './support/fixtures';

// The admin pages in a real browser, as the demo admin: sources (create one, sync a window now),
// sync runs, the audit log filtered by an action, users (one without a password, who then signs
// in), API keys (made, then revoked: the key gets 401), and what a viewer's navigation lacks.
jest.setTimeout(180_000);

interface Source {
  id: number;
  name: string;
}

describe('the console: sources, sync runs, audit log, users, API keys (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    buildAll();
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    ({ page, problems } = await openPage(browser));
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

  /** Opens a console path and waits until the page's title is there and nothing is loading. */
  async function open(path: string, title: string): Promise<void> {
    await page.goto(`${service.baseUrl}${path}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`::-p-aria(${title}[role="heading"])`);
    await page.waitForFunction(() => !document.querySelector('.state.loading'));
  }

  async function checked(name: string): Promise<void> {
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('shows each demo source on the overview, with its last sync and what waits for review', async () => {
    await open('/', 'Overview');
    await waitForText(page, 'Grand Hotel room calls (demo)');
    await waitForText(page, 'Porter & Lane account codes (demo)');
    await page.waitForFunction(
      () => !document.querySelector('table.data')?.textContent?.includes('…'),
    );
    const rows = await page.$$eval('table.data tbody tr', (trs) => trs.map((tr) => tr.textContent));
    expect(rows.filter((row) => row?.includes('(demo)') && row.includes('succeeded'))).toHaveLength(
      2,
    );
    await checked('admin-00-overview');
  });

  it('lists the demo sources, creates a source and shows it in the list', async () => {
    await open('/sources', 'Sources');
    await waitForText(page, 'Grand Hotel room calls (demo)');
    await waitForText(page, 'Porter & Lane account codes (demo)');
    await checked('admin-01-sources');

    await page.click('::-p-aria(New source)');
    await page.waitForSelector('::-p-aria(New source[role="heading"])');
    // Refused first: the API's 400 shows beside the field it names.
    await fillLabelled(page, 'Name', 'Front desk calls');
    await fillLabelled(page, 'Report key', 'not a key!');
    await clickButton(page, 'Create source');
    await waitForText(page, 'historicDataKey must be 1-64 letters');
    await checked('admin-02-source-refused');

    await fillLabelled(page, 'Report key', 'CALLDTL1');
    await page.select(
      '::-p-aria(Rate plan[role="combobox"])',
      await firstOption(page, 'Rate plan'),
    );
    await fillLabelled(page, 'Time zone', 'America/Denver');
    await clickButton(page, 'Create source');
    await page.waitForSelector('::-p-aria(Front desk calls[role="heading"])');
    await waitForText(page, 'Sync now');
    await checked('admin-03-source-detail');

    await open('/sources', 'Sources');
    await waitForText(page, 'Front desk calls');
    const sources = await apiAs<{ items: Source[] }>(service, 'GET', '/api/v1/sources');
    expect(sources.body.items.map((source) => source.name)).toContain('Front desk calls');
  });

  it('syncs a window now and shows the run it started, with its counts', async () => {
    const sources = await apiAs<{ items: Source[] }>(service, 'GET', '/api/v1/sources');
    const hotel = sources.body.items.find((s) => s.name === 'Front desk calls')!;
    await open(`/sources/${hotel.id}`, 'Front desk calls');
    await clickButton(page, 'Sync now');
    await page.waitForSelector('.run-result ::-p-text(Sync run #)');
    await page.waitForFunction(
      () => !document.querySelector('.run-result')?.textContent?.includes('still running'),
      { timeout: 60_000 },
    );
    await waitForText(page, 'fetched');
    await checked('admin-04-sync-now');

    await page.click('.run-result a');
    await page.waitForSelector('::-p-aria(Counts[role="heading"])');
    await page.waitForSelector('dt::-p-text(Unreadable rows)');
    const runId = Number(/\/sync-runs\/(\d+)/.exec(page.url())![1]);
    const run = await apiAs<{ status: string; fetched: number; sourceId: number }>(
      service,
      'GET',
      `/api/v1/sync-runs/${runId}`,
    );
    expect(run.body).toMatchObject({ sourceId: hotel.id, status: 'succeeded' });
    expect(run.body.fetched).toBeGreaterThan(0);
    await checked('admin-05-sync-run');

    await open('/sync-runs', 'Sync runs');
    await waitForText(page, `#${runId}`);
    await checked('admin-06-sync-runs');
  });

  it("lists a run's unreadable rows with why", async () => {
    // A plan in force only from next year: every call synced now is a row no version covers.
    const plan = await apiAs<{ id: number }>(service, 'POST', '/api/v1/rate-plans', {
      ...samplePlan<object>('grand-hotel'),
      name: 'Not in force yet',
      effectiveFrom: `${new Date().getUTCFullYear() + 1}-01-01T00:00:00Z`,
    });
    expect(plan.status).toBe(201);
    const source = await apiAs<{ id: number }>(service, 'POST', '/api/v1/sources', {
      name: 'Plan not yet in force',
      kind: 'call-records',
      historicDataKey: 'CALLDTL1',
      ratePlanId: plan.body.id,
      timezone: 'America/Denver',
    });
    const day = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const run = await apiAs<{ id: number; errors: number }>(
      service,
      'POST',
      `/api/v1/sources/${source.body.id}/sync`,
      { from: day(3), to: day(2) },
    );
    expect(run.body.errors).toBeGreaterThan(0);
    await open(`/sync-runs/${run.body.id}`, `Sync run #${run.body.id}`);
    await page.waitForSelector('::-p-aria(Unreadable rows[role="heading"])');
    await page.waitForSelector('td::-p-text(no version of rate plan)');
    const rowsShown = () =>
      page.$$eval('section[aria-labelledby="run-errors"] tbody tr', (rows) => rows.length);
    expect(await rowsShown()).toBe(Math.min(25, run.body.errors));
    await page.click('details summary');
    await checked('admin-06b-unreadable-rows');
    if (run.body.errors > 25) {
      await page.click('button::-p-text(Show more)');
      await page.waitForFunction(
        (wanted: number) =>
          document.querySelectorAll('section[aria-labelledby="run-errors"] tbody tr').length ===
          wanted,
        {},
        Math.min(125, run.body.errors),
      );
    }
  });

  it('filters the audit log by an action and names the demo admin who acted', async () => {
    await open('/audit', 'Audit log');
    await checked('admin-07-audit');
    await fillLabelled(page, 'Action', 'source.create');
    await clickButton(page, 'Filter');
    await page.waitForFunction(() => window.location.search.includes('action=source.create'));
    await page.waitForFunction(
      () =>
        document.querySelectorAll('table.data tbody tr').length > 0 &&
        Array.from(document.querySelectorAll('table.data tbody tr')).every((row) =>
          row.textContent?.includes('source.create'),
        ),
    );
    const rows = await page.$$eval('table.data tbody tr', (trs) => trs.map((tr) => tr.textContent));
    expect(rows.some((row) => row?.includes('Demo admin') && row.includes('person'))).toBe(true);
    await checked('admin-08-audit-filtered');
  });

  it('creates a user without a password, shows the one-time password once, and they sign in', async () => {
    await open('/users', 'Users');
    await checked('admin-09-users');
    await clickButton(page, 'New user');
    await fillLabelled(page, 'Email', 'billing.clerk@porterlane.example');
    await fillLabelled(page, 'Name', 'Billing Clerk');
    await page.select('::-p-aria(Role[role="combobox"])', 'viewer');
    await clickButton(page, 'Create user');
    await waitForText(page, 'shown only this once');
    const password = await page.$eval(
      '::-p-aria(One-time password[role="textbox"])',
      (input) => (input as HTMLInputElement).value,
    );
    expect(password.length).toBeGreaterThanOrEqual(12);
    await checked('admin-10-one-time-password');
    await clickButton(page, 'Done');
    await page.waitForFunction(
      (secret: string) => !document.body.innerText.includes(secret),
      {},
      password,
    );
    await waitForText(page, 'must change password');

    // The new person, in a browser context of their own.
    const other = await openPage(browser);
    await signIn(other.page, service.baseUrl, 'billing.clerk@porterlane.example', password);
    await waitForText(other.page, 'You signed in with a one-time password');
    await fillLabelled(other.page, 'Current password', password);
    await fillLabelled(other.page, 'New password', 'a clerk of porter and lane');
    await fillLabelled(other.page, 'New password again', 'a clerk of porter and lane');
    await clickButton(other.page, 'Change password');
    await waitForText(other.page, 'Your password is changed');
    // A viewer sees neither Users nor API keys in the navigation.
    const sections = await other.page.$$eval('nav[aria-label="Sections"] a', (links) =>
      links.map((link) => link.textContent),
    );
    expect(sections).toEqual(expect.arrayContaining(['Overview', 'Sources', 'Audit log']));
    expect(sections).not.toContain('Users');
    expect(sections).not.toContain('API keys');
    await other.page.goto(`${service.baseUrl}/sources`, { waitUntil: 'networkidle0' });
    await waitForText(other.page, 'Grand Hotel room calls (demo)');
    expect(await other.page.$('::-p-aria(New source)')).toBeNull();
    await screenshot(other.page, 'admin-11-viewer-sources');
    expect(other.problems).toEqual([]);
    await other.page.browserContext().close();
  });

  it('edits, disables and resets a user', async () => {
    await open('/users', 'Users');
    await clickButton(page, 'Edit Billing Clerk');
    await page.select('::-p-aria(Role[role="combobox"])', 'accountant');
    await clickButton(page, 'Save');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('table.data tbody tr')).some(
        (row) =>
          row.textContent?.includes('Billing Clerk') && row.textContent.includes('accountant'),
      ),
    );
    await clickButton(page, 'Disable Billing Clerk');
    await checked('admin-12-disable-user');
    await clickButton(page, 'Disable');
    await page.waitForSelector('::-p-aria(Enable Billing Clerk)');
    await clickButton(page, 'Reset password of Billing Clerk');
    await clickButton(page, 'Reset password');
    await waitForText(page, 'is reset and their sessions have ended');
    await clickButton(page, 'Done');
    // The admin's own row offers no way to disable oneself.
    expect(await page.$('::-p-aria(Disable Demo admin)')).toBeNull();
  });

  it('creates an API key shown once, then revokes it: the key gets 401', async () => {
    await open('/api-keys', 'API keys');
    await checked('admin-13-api-keys');
    await clickButton(page, 'New API key');
    await fillLabelled(page, 'Name', 'Front office PMS');
    await clickButton(page, 'Create key');
    await waitForText(page, 'shown only this once');
    const key = await page.$eval(
      '::-p-aria(API key[role="textbox"])',
      (input) => (input as HTMLInputElement).value,
    );
    await checked('admin-14-api-key-created');
    await clickButton(page, 'Done');
    expect((await apiAs(service, 'GET', '/api/v1/sources', undefined, key)).status).toBe(200);

    await clickButton(page, 'Revoke Front office PMS');
    await checked('admin-15-revoke-key');
    await clickButton(page, 'Revoke key');
    await waitForText(page, 'Front office PMS is revoked');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('table.data tbody tr')).some(
        (row) =>
          row.textContent?.includes('Front office PMS') && row.textContent.includes('revoked'),
      ),
    );
    const refused = await page.evaluate(async (secret: string) => {
      const response = await fetch('/api/v1/sources', {
        headers: { Authorization: `Bearer ${secret}` },
      });
      return response.status;
    }, key);
    expect(refused).toBe(401);
  });

  it('keeps every page usable at tablet width', async () => {
    await page.setViewport({ width: 800, height: 1000 });
    for (const [path, title, name] of [
      ['/sources', 'Sources', 'admin-16-sources-tablet'],
      ['/sync-runs', 'Sync runs', 'admin-17-sync-runs-tablet'],
      ['/audit', 'Audit log', 'admin-18-audit-tablet'],
    ] as const) {
      await open(path, title);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(overflow).toBe(false);
      await checked(name);
    }
    await page.setViewport({ width: 1280, height: 860 });
  });
});

/** The value of the first real option of a labelled select. */
async function firstOption(page: Page, label: string): Promise<string> {
  const select = await page.waitForSelector(`::-p-aria(${label}[role="combobox"])`);
  return select!.evaluate((element) => {
    const option = Array.from((element as HTMLSelectElement).options).find((o) => o.value !== '');
    return option?.value ?? '';
  });
}
