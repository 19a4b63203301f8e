import type { Browser } from 'puppeteer-core';
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

// The rate plans pages in a real browser: the list, a plan's versions, a quote of one call,
// and a CSV rate table whose refusal names its lines, then imported as a new version.
jest.setTimeout(180_000);

const HEADER =
  'prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge';

describe('the console: rate plans (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    buildAll();
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('shows a plan, quotes a call, and imports a CSV rate table after naming its bad line', async () => {
    const plans = await apiAs<{ items: { id: number; name: string; kind: string }[] }>(
      service,
      'GET',
      '/api/v1/rate-plans',
    );
    const hotel = plans.body.items.find(
      (plan) => plan.kind === 'per-call' && /Grand/.test(plan.name),
    )!;
    const call = {
      callId: 'quote-1',
      startTime: '2026-03-10T14:05:00-06:00',
      direction: 'outbound',
      extension: '1012',
      dialedNumber: '9 (212) 555-0100',
      talkMs: 61_000,
      accountCode: null,
    };
    const expected = await apiAs<{ results: { total: string; explanation: string }[] }>(
      service,
      'POST',
      `/api/v1/rate-plans/${hotel.id}/quote`,
      { records: [call] },
    );
    expect(expected.status).toBe(200);

    const { page, problems } = await openPage(browser);
    await signIn(page, service.baseUrl, service.demoUser.email, service.demoUser.password);
    await page.waitForSelector('::-p-aria(Sections)');
    await page.goto(`${service.baseUrl}/rate-plans`, { waitUntil: 'networkidle0' });
    await waitForText(page, hotel.name);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rate-plans-01-list');

    await (await page.waitForSelector(`::-p-aria(${hotel.name}[role="link"])`))!.click();
    await waitForText(page, 'in force now');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rate-plans-02-plan');

    await fillLabelled(page, 'Start time', call.startTime);
    await fillLabelled(page, 'Extension', call.extension);
    await fillLabelled(page, 'Dialed number', call.dialedNumber);
    await fillLabelled(page, 'Talk time (seconds)', '61');
    await clickButton(page, 'Quote');
    await waitForText(page, expected.body.results[0].explanation);
    const total = `$${expected.body.results[0].total}`;
    await waitForText(page, total);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rate-plans-03-quote');

    const versions = async () =>
      (await apiAs<{ versions: unknown[] }>(service, 'GET', `/api/v1/rate-plans/${hotel.id}`)).body
        .versions.length;
    const before = await versions();
    const table = `${HEADER}\n1,long-distance,1.00,0.45,60,6,,\n44,uk,2.00,-1.20,60,60,3.00,\n`;
    await page.type('::-p-aria(Rate table (CSV))', table);
    await clickButton(page, 'Import as a new version');
    await waitForText(page, 'The table was not imported');
    await waitForText(page, 'Line 3');
    await waitForText(page, 'perMinute must not be negative');
    await waitForText(page, '44,uk,2.00,-1.20,60,60,3.00,');
    expect(await versions()).toBe(before);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rate-plans-04-import-refused');

    // The person mends line 3 (select all, type the table again).
    await page.click('::-p-aria(Rate table (CSV))');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.type(
      '::-p-aria(Rate table (CSV))',
      `${HEADER}\n1,long-distance,1.00,0.45,60,6,,\n44,uk,2.00,1.20,60,60,3.00,\n`,
    );
    await fillLabelled(page, 'In force from', '2027-01-01T00:00:00-07:00');
    await clickButton(page, 'Import as a new version');
    await waitForText(page, `Version ${before + 1} added`);
    expect(await versions()).toBe(before + 1);
    await waitForText(page, 'future');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rate-plans-05-imported');

    // What the import changed, version 1 to version 2, by section (the API's diff).
    await waitForText(page, `From version ${before} to version ${before + 1}:`);
    await waitForText(page, 'Destinations');
    await page.waitForSelector('.diff-section ::-p-text(removed)');
    const section = await page.$('::-p-aria(What changed)');
    await section!.scrollIntoView();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rate-plans-06-diff');
    await page.setViewport({ width: 800, height: 1000 });
    await screenshot(page, 'rate-plans-07-tablet');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
    expect(problems).toEqual([]);
  });

  it('shows an accountant the plans and the quote form, not the import', async () => {
    await apiAs(service, 'POST', '/api/v1/users', {
      email: 'clerk@porterlane.example',
      name: 'Billing Clerk',
      role: 'accountant',
      password: 'an accountant reads plans',
    });
    const plans = await apiAs<{ items: { id: number; kind: string }[] }>(
      service,
      'GET',
      '/api/v1/rate-plans',
    );
    const summary = plans.body.items.find((plan) => plan.kind === 'account-summary')!;
    const { page, problems } = await openPage(browser);
    await signIn(page, service.baseUrl, 'clerk@porterlane.example', 'an accountant reads plans');
    await page.waitForSelector('::-p-aria(Sections)');
    await page.goto(`${service.baseUrl}/rate-plans/${summary.id}`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'One account-code row');
    expect(await page.$('::-p-aria(Import as a new version)')).toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rate-plans-08-summary-plan-accountant');
    expect(problems).toEqual([]);
  });
});
