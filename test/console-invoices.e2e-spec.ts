import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import {
  accessibilityProblems,
  apiAs,
  buildAll,
  clickButton,
  keepOutput,
  launchBrowser,
  openPage,
  RunningService,
  screenshot,
  signIn,
  startService,
  waitForText,
} from './support/console';

// The invoices pages in a real browser: a batch drafted for the demo's days, a law firm's draft
// opened and finalized, its LEDES file downloaded and read; void with a reason; a viewer who
// sees no action. The demo has a law firm (Porter & Lane LLP, account-code summaries) whose
// invoices export as LEDES 1998B, and a hotel whose invoices export as PMS postings.
jest.setTimeout(180_000);

interface Source {
  id: number;
  name: string;
  businessId: number;
}

/** `YYYY-MM-DD`, `days` from today (UTC). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Sets a controlled input (a date field) as a person's typing would, found by its label. */
async function setLabelled(page: Page, label: string, value: string): Promise<void> {
  const input = await page.waitForSelector(`::-p-aria(${label})`, { visible: true });
  await input!.evaluate((element, text) => {
    const field = element as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Waits until a file has landed whole in `dir` and answers its name. */
async function downloaded(dir: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const done = readdirSync(dir).filter((name) => !name.endsWith('.crdownload'));
    if (done.length > 0) return done[0];
    if (Date.now() > deadline) throw new Error('no file was downloaded');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the console: invoices (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;
  let sources: Source[];
  const downloads = mkdtempSync(join(tmpdir(), 'console-invoices-'));

  beforeAll(async () => {
    buildAll();
    // One delivery attempt a sequence, so that a failed delivery is failed at once.
    [service, browser] = await Promise.all([
      startService({ DELIVERY_MAX_ATTEMPTS: '1', DELIVERY_TIMEOUT_MS: '2000' }),
      launchBrowser(),
    ]);
    sources = (await apiAs<{ items: Source[] }>(service, 'GET', '/api/v1/sources')).body.items;
    // The law firm's billing system is down: nothing listens on port 9 of this machine.
    for (const firm of sources.filter((source) => source.name.startsWith('Porter & Lane'))) {
      const billing = await apiAs(service, 'PATCH', `/api/v1/sources/${firm.id}`, {
        deliveryUrl: 'http://127.0.0.1:9/invoices',
        deliverySecret: 'a secret the billing system shares',
      });
      expect(billing.status).toBe(200);
    }
    // Something to invoice: every pending item of the demo's days approved.
    const approved = await apiAs<{ count: number }>(service, 'POST', '/api/v1/line-items/bulk', {
      action: 'approve',
      filter: { status: 'pending' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.count).toBeGreaterThan(0);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('drafts a batch, opens the law firm draft, finalizes it and downloads its LEDES file', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, service.baseUrl, service.demoUser.email, service.demoUser.password);
    await page.waitForSelector('::-p-aria(Sections)');
    await page.goto(`${service.baseUrl}/invoices`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'There are no invoices yet.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-01-empty');

    await clickButton(page, 'Draft invoices for a period');
    await page.waitForSelector('dialog[open]');
    await setLabelled(page, 'Period start', day(-10));
    await setLabelled(page, 'Period end (not included)', day(2));
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-02-batch-form');
    await clickButton(page, 'Draft invoices');
    // Hundreds of drafts on a shared machine: wait for the outcome or a refusal, then read it.
    await page.waitForFunction(
      () => /Drafted |did not work|Nothing to draft/.test(document.body.innerText),
      { timeout: 60_000 },
    );
    await screenshot(page, 'invoices-03-batch-made');
    await waitForText(page, 'Drafted ');
    await waitForText(page, 'Porter & Lane LLP');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-03-batch-made');

    // The law firm's first draft, from the batch's own list.
    const firm = sources.find((source) => source.name.startsWith('Porter & Lane'))!;
    const drafts = await apiAs<{ items: { id: number; businessId: number }[] }>(
      service,
      'GET',
      `/api/v1/invoices?status=draft&businessId=${firm.businessId}`,
    );
    const draftId = drafts.body.items[drafts.body.items.length - 1].id;
    const link = await page.waitForSelector(`dialog[open] ::-p-aria(Draft #${draftId})`);
    await link!.click();
    await page.waitForSelector(`::-p-aria(Draft invoice #${draftId}[role="heading"])`);
    await page.waitForSelector('dialog[open]', { hidden: true });
    await waitForText(page, 'America/Denver');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-04-draft');

    await page.goto(`${service.baseUrl}/invoices`, { waitUntil: 'networkidle0' });
    await waitForText(page, `Draft #${draftId}`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-05-list');
    await (await page.waitForSelector(`::-p-aria(Draft #${draftId}[role="link"])`))!.click();
    await page.waitForSelector(`::-p-aria(Draft invoice #${draftId}[role="heading"])`);

    await clickButton(page, 'Finalize');
    await page.waitForSelector('dialog[open]');
    await waitForText(page, 'next invoice number of Porter & Lane LLP');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-06-finalize-confirm');
    const confirm = await page.waitForSelector('dialog[open] ::-p-aria(Finalize[role="button"])');
    await confirm!.click();
    const heading = await page.waitForFunction(() => {
      const text = document.querySelector('h1')?.textContent ?? '';
      return /^Invoice PL-\d{4}-\d{6}$/.test(text) ? text : null;
    });
    const number = String(await heading.jsonValue()).replace('Invoice ', '');
    expect(number).toMatch(/^PL-\d{4}-\d{6}$/);
    await waitForText(page, 'Download LEDES 1998B');
    expect(await page.$('::-p-aria(Download PMS postings)')).toBeNull();

    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      browserContextId: page.browserContext().id,
      downloadPath: downloads,
      eventsEnabled: true,
    });
    await clickButton(page, 'Download LEDES 1998B');
    const name = await downloaded(downloads);
    expect(name).toBe(`${number}.txt`);
    const ledes = readFileSync(join(downloads, name), 'latin1');
    keepOutput(name, ledes);
    const lines = ledes.split('\r\n');
    expect(lines[0]).toBe('LEDES1998B[]');
    expect(lines[1]).toMatch(/^INVOICE_DATE\|INVOICE_NUMBER\|CLIENT_ID\|/);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines.slice(2, -1)) expect(line.split('|')[1]).toBe(number);
    expect(ledes.endsWith('[]\r\n')).toBe(true);
    // The disbursement file for Clio Manage, a download of its own.
    rmSync(join(downloads, name));
    await clickButton(page, 'Download Disbursements for Clio');
    const clioName = await downloaded(downloads);
    expect(clioName).toBe(`${number}-clio-activities.csv`);
    const clio = readFileSync(join(downloads, clioName), 'utf8');
    expect(clio.split('\r\n')[0]).toBe(
      'matter,date,activity_description,note,price,quantity,type,activity_user,non_billable',
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-07-finalized');

    // Its delivery failed (nothing listens): the log says so, and a retry makes attempt 2.
    await page.reload({ waitUntil: 'networkidle0' });
    await waitForText(page, 'network error');
    await clickButton(page, 'Retry delivery');
    await waitForText(page, 'Delivery started.');
    await page.waitForFunction(
      () => document.querySelectorAll('.invoice-deliveries tbody tr').length === 2,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-08-delivery-retried');
    expect(problems).toEqual([]);
  });

  it('voids an invoice only with a reason, after a confirmation', async () => {
    const finalized = await apiAs<{ items: { id: number; number: string }[] }>(
      service,
      'GET',
      '/api/v1/invoices?status=finalized',
    );
    const { id, number } = finalized.body.items[0];
    const { page, problems } = await openPage(browser);
    await signIn(page, service.baseUrl, service.demoUser.email, service.demoUser.password);
    await page.waitForSelector('::-p-aria(Sections)');
    await page.goto(`${service.baseUrl}/invoices/${id}`, { waitUntil: 'networkidle0' });
    await waitForText(page, `Invoice ${number}`);
    await clickButton(page, 'Void');
    await page.waitForSelector('dialog[open]');
    const voidButton = await page.waitForSelector(
      'dialog[open] ::-p-aria(Void invoice[role="button"])',
    );
    expect(await voidButton!.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(
      true,
    );
    await page.type('#void-reason', 'Billed to the wrong client');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-09-void-dialog');
    await voidButton!.click();
    await waitForText(page, 'Billed to the wrong client');
    await page.waitForSelector('dialog[open]', { hidden: true });
    await waitForText(page, 'Download JSON');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-10-void');
    const after = await apiAs<{ status: string; voidReason: string }>(
      service,
      'GET',
      `/api/v1/invoices/${id}`,
    );
    expect(after.body).toMatchObject({ status: 'void', voidReason: 'Billed to the wrong client' });
    expect(problems).toEqual([]);
  });

  it('shows a viewer the invoices and their files, and no action', async () => {
    await apiAs(service, 'POST', '/api/v1/users', {
      email: 'auditor@porterlane.example',
      name: 'Outside Auditor',
      role: 'viewer',
      password: 'a viewer reads invoices only',
    });
    const invoices = await apiAs<{ items: { id: number; status: string }[] }>(
      service,
      'GET',
      '/api/v1/invoices?status=draft',
    );
    const draft = invoices.body.items[0];
    const { page, problems } = await openPage(browser);
    await signIn(
      page,
      service.baseUrl,
      'auditor@porterlane.example',
      'a viewer reads invoices only',
    );
    await page.waitForSelector('::-p-aria(Sections)');
    await page.goto(`${service.baseUrl}/invoices`, { waitUntil: 'networkidle0' });
    await waitForText(page, `Draft #${draft.id}`);
    expect(await page.$('::-p-aria(Draft invoices for a period)')).toBeNull();
    // A filter lives in the address: a reload (or a shared link) keeps it.
    await page.goto(`${service.baseUrl}/invoices?status=void`, { waitUntil: 'networkidle0' });
    await waitForText(page, '1 invoice shown');
    await waitForText(page, 'Void');
    expect(
      await page.$eval('::-p-aria(Status)', (select) => (select as HTMLSelectElement).value),
    ).toBe('void');
    await screenshot(page, 'invoices-11-filtered-void');
    await page.goto(`${service.baseUrl}/invoices/${draft.id}`, { waitUntil: 'networkidle0' });
    await waitForText(page, 'Download JSON');
    for (const action of ['Finalize', 'Refresh', 'Delete draft', 'Void']) {
      expect(await page.$(`::-p-aria(${action}[role="button"])`)).toBeNull();
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-12-viewer-draft');
    // On a tablet: the tables scroll inside their frames, nothing overlaps.
    await page.setViewport({ width: 800, height: 1000 });
    await screenshot(page, 'invoices-13-tablet-draft');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
    await page.goto(`${service.baseUrl}/invoices`, { waitUntil: 'networkidle0' });
    await waitForText(page, `Draft #${draft.id}`);
    await screenshot(page, 'invoices-14-tablet-list');
    expect(problems).toEqual([]);
  });
});
