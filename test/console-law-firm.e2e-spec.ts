import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  signIn,
  startService,
  waitForText,
} from './support/console';

// The law firm billing clerk's pages, in a real browser, against the demo, on a law firm of its
// own that starts with no books (the demo's Porter & Lane LLP has its books imported): the
// clerk imports the firm's matter list as a CSV file picked on the computer, sees what changed
// or what is wrong with the file, the timekeepers, and adds a client rule.
jest.setTimeout(240_000);

interface Business {
  id: number;
  name: string;
  kind: string;
}

interface MatterRule {
  id: number;
  clientNumber: string;
  matterNumber: string | null;
  kind: string;
  markupPercent: string | null;
}

const MATTERS_CSV = `clientNumber,clientName,matterNumber,matterName,status,closedDate,billable
10234,Acme Holdings,001,Acme v. Widgets,open,,yes
10234,Acme Holdings,002,Acme lease review,closed,2026-10-31,yes
20001,Pro Bono Clinic,001,Tenant defence,open,,no
31502,Birch & Sons,004,Estate of H. Birch,open,,yes
`;

// Line 3: a closed matter without its date; line 4: an unknown status; line 5 repeats line 2.
const BAD_MATTERS_CSV = `clientNumber,clientName,matterNumber,matterName,status,closedDate,billable
10234,Acme Holdings,003,Acme patent filing,open,,yes
10234,Acme Holdings,004,Acme merger,closed,,yes
10234,Acme Holdings,005,Acme audit,pending,,yes
10234,Acme Holdings,003,Acme patent filing,open,,yes
`;

const TIMEKEEPERS_CSV = `extension,timekeeperId,name,classification,effectiveFrom
2101,JDOE,Jane Doe,PARTNER,
2102,RROE,Richard Roe,associate,
2102,MMAJ,Mary Major,PARALEGAL,2026-11-01
`;

describe('the console: a law firm’s matters, timekeepers and rules (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let firm: Business;
  let demoFirm: Business;
  let files: string;

  beforeAll(async () => {
    buildAll();
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    // A firm of its own, with no books yet (the demo's firm has its books imported).
    const made = await apiAs<Business>(service, 'POST', '/api/v1/businesses', {
      name: 'Hale & Ward LLP',
      kind: 'law-firm',
      timezone: 'America/Denver',
      invoicePrefix: 'HW',
    });
    expect(made.status).toBe(201);
    firm = made.body;
    // Its calls come as account-code summaries (a source that is not synced).
    const plans = await apiAs<{ items: { id: number; kind: string }[] }>(
      service,
      'GET',
      '/api/v1/rate-plans',
    );
    const summaryPlan = plans.body.items.find((plan) => plan.kind === 'account-summary')!;
    const source = await apiAs(service, 'POST', '/api/v1/sources', {
      name: 'Hale & Ward account codes',
      kind: 'account-summary',
      historicDataKey: 'ACCTSUM1',
      ratePlanId: summaryPlan.id,
      timezone: 'America/Denver',
      businessId: firm.id,
      enabled: false,
    });
    expect(source.status).toBe(201);
    const { body } = await apiAs<{ items: Business[] }>(service, 'GET', '/api/v1/businesses');
    demoFirm = body.items.find((business) => business.name === 'Porter & Lane LLP')!;
    files = mkdtempSync(join(tmpdir(), 'law-firm-console-'));
    ({ page, problems } = await openPage(browser));
    await page.setViewport({ width: 1280, height: 900 });
    await signIn(page, service.baseUrl, service.demoUser.email, service.demoUser.password);
    await page.waitForSelector('::-p-aria(Sections)');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  /** Picks `content` as the import's file (written to a temporary file) and sends it. */
  async function importFile(name: string, content: string): Promise<void> {
    const path = join(files, name);
    writeFileSync(path, content);
    const input = await page.waitForSelector('.import-card input[type="file"]');
    await input!.uploadFile(path);
    await clickButton(page, 'Import');
  }

  it('opens from the navigation on the firm, with no matters yet', async () => {
    await page.goto(`${service.baseUrl}/`, { waitUntil: 'networkidle0' });
    await page.click('nav[aria-label="Sections"] a[href="/matters"]');
    // Two firms: the picker chooses.
    const picker = await page.waitForSelector('::-p-aria(Law firm[role="combobox"])');
    await picker!.select(String(firm.id));
    await waitForText(page, 'The firm has no matters yet.');
    await waitForText(page, 'Hale & Ward LLP');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'law-firm-01-no-matters');
  });

  it('imports a matter list from a CSV file and says what changed', async () => {
    await importFile('matters.csv', MATTERS_CSV);
    await waitForText(page, 'Imported: 4 matters in the file.');
    const counts = await page.$$eval('.import-counts div', (entries) =>
      Object.fromEntries(
        entries.map((entry) => [
          entry.querySelector('dt')?.textContent,
          entry.querySelector('dd')?.textContent,
        ]),
      ),
    );
    expect(counts).toMatchObject({ 'New matters': '4', Closed: '0', Unchanged: '0' });
    // The list below shows them, read again after the import.
    await page.waitForSelector('tr[data-matter="10234-002"]');
    await page.waitForSelector('tr[data-matter="10234-002"] time[datetime="2026-10-31"]');
    await waitForText(page, 'No: not charged');
    const { body } = await apiAs<{ items: unknown[] }>(
      service,
      'GET',
      `/api/v1/businesses/${firm.id}/matters`,
    );
    expect(body.items).toHaveLength(4);
    // Which matters each count is, when asked.
    await page.click('.import-result details > summary');
    await waitForText(page, '10234-001, 10234-002, 20001-001, 31502-004');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'law-firm-02-imported');
  });

  it('says the same file again changes nothing', async () => {
    await importFile('matters-again.csv', MATTERS_CSV);
    await waitForText(page, 'Nothing changed');
  });

  it('lists a bad file’s problems by line, and nothing changes', async () => {
    await importFile('bad-matters.csv', BAD_MATTERS_CSV);
    await waitForText(page, 'Nothing was imported: bad-matters.csv has 3 problems.');
    const lines = await page.$$eval('.import-problems li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^Line 3: closedDate is required/),
      expect.stringMatching(/^Line 4: unknown status "pending"/),
      expect.stringMatching(/^Line 5: client 10234 matter 003 is already on line 2/),
    ]);
    const { body } = await apiAs<{ items: unknown[] }>(
      service,
      'GET',
      `/api/v1/businesses/${firm.id}/matters`,
    );
    expect(body.items).toHaveLength(4);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'law-firm-03-bad-file');
  });

  it('finds matters by name and status, the filter kept in the address', async () => {
    await page.goto(`${service.baseUrl}/matters?business=${firm.id}`, {
      waitUntil: 'networkidle0',
    });
    await fillLabelled(page, 'Client or matter', 'acme');
    await clickButton(page, 'Find');
    await page.waitForFunction(() => window.location.search.includes('q=acme'));
    await page.waitForSelector('tr[data-matter="31502-004"]', { hidden: true });
    await page.select('::-p-aria(Status)', 'closed');
    await page.waitForFunction(() => window.location.search.includes('status=closed'));
    await page.waitForSelector('tr[data-matter="10234-001"]', { hidden: true });
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('tr[data-matter="10234-002"]');
    expect(await page.$$('tr[data-matter]')).toHaveLength(1);
    await screenshot(page, 'law-firm-04-filtered');
  });

  it('shows a long list a page at a time, "more" reading the next', async () => {
    // 150 more matters (sent as JSON through the API): the list's first page holds 100.
    const matters = Array.from({ length: 150 }, (_, i) => ({
      clientNumber: '40000',
      clientName: 'Large Client Inc.',
      matterNumber: String(i + 1).padStart(3, '0'),
      matterName: `Matter ${i + 1}`,
      status: 'open',
      closedDate: null,
      billable: true,
    }));
    const imported = await apiAs(service, 'POST', `/api/v1/businesses/${firm.id}/matters/import`, {
      matters,
    });
    expect(imported.status).toBe(200);
    await page.goto(`${service.baseUrl}/matters?business=${firm.id}`, {
      waitUntil: 'networkidle0',
    });
    await waitForText(page, 'More matters (100 shown)');
    expect(await page.$$('tr[data-matter]')).toHaveLength(100);
    await clickButton(page, 'More matters (100 shown)');
    await waitForText(page, '154 matters.');
    expect(await page.$$('tr[data-matter]')).toHaveLength(154);
  });

  it('imports the timekeepers and lists them by extension and date', async () => {
    await page.goto(`${service.baseUrl}/matters/timekeepers?business=${firm.id}`, {
      waitUntil: 'networkidle0',
    });
    await waitForText(page, 'The firm has no timekeepers yet.');
    await importFile('timekeepers.csv', TIMEKEEPERS_CSV);
    await waitForText(page, 'Imported: 3 rows in the file.');
    await page.waitForSelector('tr[data-extension="2102"]');
    await waitForText(page, 'ASSOCIATE');
    await page.waitForSelector('tr[data-extension="2102"] time[datetime="2026-11-01"]');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'law-firm-05-timekeepers');
  });

  it('adds a markup rule for a client and lists it', async () => {
    await page.goto(`${service.baseUrl}/matters/rules?business=${firm.id}`, {
      waitUntil: 'networkidle0',
    });
    await waitForText(page, 'No client or matter has a rule');
    await clickButton(page, 'New rule…');
    await page.waitForSelector('dialog[open]');
    await fillLabelled(page, 'Client number', '31502');
    await fillLabelled(page, 'Markup (%)', '12.5');
    await fillLabelled(page, 'Note (optional)', 'Billed at cost plus handling');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'law-firm-06-new-rule');
    await clickButton(page, 'Add the rule');
    await page.waitForSelector('dialog[open]', { hidden: true });
    await waitForText(page, 'Markup 12.5%');
    await waitForText(page, 'Every matter');
    const { body } = await apiAs<{ items: MatterRule[] }>(
      service,
      'GET',
      `/api/v1/businesses/${firm.id}/matter-rules`,
    );
    expect(body.items).toMatchObject([
      { clientNumber: '31502', matterNumber: null, kind: 'markup', markupPercent: '12.5' },
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'law-firm-07-rules');
  });

  it('shows the API’s refusal of a second rule of the same day (409), then deletes the rule', async () => {
    await clickButton(page, 'New rule…');
    await page.waitForSelector('dialog[open]');
    await fillLabelled(page, 'Client number', '31502');
    await fillLabelled(page, 'Markup (%)', '20');
    await clickButton(page, 'Add the rule');
    await page.waitForSelector('dialog[open] .state.error');
    await screenshot(page, 'law-firm-08-rule-refused');
    await clickButton(page, 'Cancel');
    await page.waitForSelector('dialog[open]', { hidden: true });

    await clickButton(page, 'Delete the rule of client 31502…');
    await page.waitForSelector('dialog[open]');
    await clickButton(page, 'Delete the rule');
    await waitForText(page, 'No client or matter has a rule');
    const { body } = await apiAs<{ items: MatterRule[] }>(
      service,
      'GET',
      `/api/v1/businesses/${firm.id}/matter-rules`,
    );
    expect(body.items).toEqual([]);
  });

  it('offers the rate plans for a rule of its own, and says why a plan of another kind is refused', async () => {
    const { body } = await apiAs<{ items: { id: number; kind: string }[] }>(
      service,
      'GET',
      '/api/v1/rate-plans',
    );
    // The firm's source is rated by an account-code summary plan: a per-call plan does not fit.
    const perCall = body.items.find((plan) => plan.kind === 'per-call')!;
    await clickButton(page, 'New rule…');
    await page.waitForSelector('dialog[open]');
    await fillLabelled(page, 'Client number', '10234');
    await page.select('dialog[open] ::-p-aria(Rule)', 'rate-plan');
    await page.select('dialog[open] ::-p-aria(Rate plan)', String(perCall.id));
    await clickButton(page, 'Add the rule');
    await page.waitForSelector('dialog[open] .state.error');
    const refusal = await page.$eval('dialog[open] .state.error', (box) => box.textContent ?? '');
    expect(refusal).toMatch(/plan/i);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'law-firm-08b-rate-plan-refused');
    await clickButton(page, 'Cancel');
    await page.waitForSelector('dialog[open]', { hidden: true });
  });

  it('shows a viewer the books without the imports and rule actions', async () => {
    const viewer = {
      email: 'clerk@example.com',
      name: 'Billing clerk',
      password: 'a long viewer password 1',
    };
    const made = await apiAs(service, 'POST', '/api/v1/users', { ...viewer, role: 'viewer' });
    expect(made.status).toBe(201);
    const other = await openPage(browser);
    await signIn(other.page, service.baseUrl, viewer.email, viewer.password);
    await other.page.waitForSelector('::-p-aria(Sections)');
    await other.page.goto(`${service.baseUrl}/matters?business=${firm.id}`, {
      waitUntil: 'networkidle0',
    });
    await other.page.waitForSelector('tr[data-matter="10234-001"]');
    expect(await other.page.$$('.import-card')).toHaveLength(0);
    await other.page.goto(`${service.baseUrl}/matters/rules?business=${firm.id}`, {
      waitUntil: 'networkidle0',
    });
    await waitForText(other.page, 'Client and matter rules');
    expect(await other.page.$$('::-p-aria(New rule…[role="button"])')).toHaveLength(0);
    expect(other.problems).toEqual([]);
    await other.page.browserContext().close();
  });

  it('hides the navigation entry when no business is a law firm, and says why on the page', async () => {
    for (const business of [firm, demoFirm]) {
      const changed = await apiAs(service, 'PATCH', `/api/v1/businesses/${business.id}`, {
        kind: 'other',
      });
      expect(changed.status).toBe(200);
    }
    const other = await openPage(browser);
    await signIn(other.page, service.baseUrl, service.demoUser.email, service.demoUser.password);
    await other.page.waitForSelector('nav[aria-label="Sections"] a[href="/review"]');
    await other.page.goto(`${service.baseUrl}/matters`, { waitUntil: 'networkidle0' });
    await waitForText(other.page, 'No business is a law firm.');
    expect(await other.page.$$('nav[aria-label="Sections"] a[href="/matters"]')).toHaveLength(0);
    expect(await accessibilityProblems(other.page)).toEqual([]);
    await screenshot(other.page, 'law-firm-10-no-law-firm');
    expect(other.problems).toEqual([]);
    await other.page.browserContext().close();
    for (const business of [firm, demoFirm]) {
      const back = await apiAs(service, 'PATCH', `/api/v1/businesses/${business.id}`, {
        kind: 'law-firm',
      });
      expect(back.status).toBe(200);
    }
  });

  it('is usable on a tablet', async () => {
    await page.setViewport({ width: 800, height: 1000 });
    await page.goto(`${service.baseUrl}/matters?business=${firm.id}`, {
      waitUntil: 'networkidle0',
    });
    await page.waitForSelector('tr[data-matter]');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'law-firm-09-tablet');
    await page.setViewport({ width: 1280, height: 900 });
  });
});
