import type { Browser, Page } from 'puppeteer-core';
import {
  accessibilityProblems,
  apiAs,
  buildAll,
  launchBrowser,
  openPage,
  RunningService,
  screenshot,
  signIn,
  startService,
  waitForText,
} from './support/console';

// The overview in a real browser, as the demo admin: each demo source with its last sync, lag
// and waiting items; the chart of the last 30 days (uPlot, its legend, a table of its numbers);
// the top billing accounts and destinations; the same at tablet width; a viewer sees it too.
jest.setTimeout(180_000);

interface SourcesOverview {
  sources: { sourceId: number; name: string; pending: { items: number } }[];
}

describe('the console: overview (Chromium)', () => {
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

  async function openOverview(query = ''): Promise<void> {
    await page.goto(`${service.baseUrl}/${query}`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('::-p-aria(Overview[role="heading"])');
    await page.waitForFunction(() => !document.querySelector('.state.loading'));
  }

  it('shows each demo source with its last sync and what waits for review', async () => {
    await openOverview();
    const overview = await apiAs<SourcesOverview>(service, 'GET', '/api/v1/overview/sources');
    expect(overview.body.sources.length).toBeGreaterThanOrEqual(2);
    for (const source of overview.body.sources) {
      await waitForText(page, source.name);
    }
    const rows = await page.$$eval('section[aria-labelledby="sources-title"] tbody tr', (trs) =>
      trs.map((tr) => tr.textContent ?? ''),
    );
    expect(rows.filter((row) => row.includes('(demo)') && row.includes('succeeded'))).toHaveLength(
      2,
    );
    const hotel = overview.body.sources.find((s) => s.name.startsWith('Grand Hotel'))!;
    expect(rows.find((row) => row.includes(hotel.name))).toContain(
      hotel.pending.items.toLocaleString('en-US'),
    );
  });

  it('draws the chart of the last 30 days with a legend, and its numbers as a table', async () => {
    await openOverview();
    await page.waitForSelector('.daily-chart canvas');
    const legend = await page.$$eval('.daily-chart .u-legend .u-label', (labels) =>
      labels.map((label) => label.textContent),
    );
    expect(legend).toEqual(expect.arrayContaining(['Calls', 'Charges (USD)']));
    const label = await page.$eval('.daily-chart', (chart) => chart.getAttribute('aria-label'));
    expect(label).toMatch(/calls in all/);
    await page.click('details.numbers summary');
    const days = await page.$$eval('details.numbers tbody tr', (rows) => rows.length);
    expect(days).toBe(30);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'overview-01');
  });

  it('lists the top billing accounts and destinations of the period', async () => {
    await openOverview();
    const top = await apiAs<{ rows: { label: string }[] }>(
      service,
      'GET',
      '/api/v1/overview/top?by=billing-account&limit=10',
    );
    expect(top.body.rows.length).toBeGreaterThan(0);
    await waitForText(page, top.body.rows[0].label);
    const destinations = await page.$$eval(
      'section[aria-labelledby="top-destination"] tbody tr',
      (rows) => rows.length,
    );
    expect(destinations).toBeGreaterThan(0);
  });

  it('narrows the chart and the top lists to one source, kept in the address', async () => {
    const overview = await apiAs<SourcesOverview>(service, 'GET', '/api/v1/overview/sources');
    const firm = overview.body.sources.find((s) => s.name.startsWith('Porter'))!;
    await openOverview();
    await page.select('::-p-aria(Source[role="combobox"])', String(firm.sourceId));
    await page.waitForFunction(
      (id: number) => window.location.search === `?source=${id}`,
      {},
      firm.sourceId,
    );
    await page.waitForFunction(() => !document.querySelector('.state.loading'));
    await page.waitForSelector('.daily-chart canvas');
    await waitForText(page, 'days in America/Denver');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'overview-02-one-source');
  });

  it('fits a tablet', async () => {
    await page.setViewport({ width: 800, height: 1000 });
    await openOverview();
    await page.waitForSelector('.daily-chart canvas');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    ).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'overview-03-tablet');
    await page.setViewport({ width: 1280, height: 860 });
  });
});
