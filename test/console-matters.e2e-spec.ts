import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import {
  accessibilityProblems,
  apiAs,
  buildAll,
  clickButton,
  launchBrowser,
  openPage,
  RunningService,
  screenshot,
  signIn,
  startService,
  waitForText,
} from './support/console';
import { samplePlan } from './support/fixtures';

// The correction queue in a real browser, against the demo's law firm: a call-records source of
// its own (not synced), a few matters added to the firm's list and calls written straight into
// the ledger file. Extension 601 (no attorney of the demo's own calls) bills 10234-001 most
// days; three of its calls of one day dialed 10243-001 (two digits swapped), an unknown matter.
jest.setTimeout(240_000);

interface Item {
  id: number;
  billingAccount: string | null;
  status: string;
  reason: string | null;
}

const DAY = 86_400_000;
const MATTERS = ['10234-001', '10234-002', '10243-045', '55555-010'];

describe('the console: the correction queue (Chromium)', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let dir: string;
  let typoIds: number[];
  const intended = '10234-001';
  const typo = '10243-001';
  const extension = '601';

  beforeAll(async () => {
    buildAll();
    dir = mkdtempSync(join(tmpdir(), 'console-matters-'));
    const file = join(dir, 'ledger.sqlite');
    [service, browser] = await Promise.all([
      startService({ DATABASE_URL: `sqlite:${file}` }),
      launchBrowser(),
    ]);
    const businesses = await apiAs<{ items: { id: number; kind: string }[] }>(
      service,
      'GET',
      '/api/v1/businesses',
    );
    const firmId = businesses.body.items.find((b) => b.kind === 'law-firm')!.id;
    const plan = await apiAs<{ id: number }>(service, 'POST', '/api/v1/rate-plans', {
      ...samplePlan<Record<string, unknown>>('porter-lane-calls'),
      name: 'Porter calls plan',
    });
    expect(plan.status).toBe(201);
    const source = await apiAs<{ id: number }>(service, 'POST', '/api/v1/sources', {
      name: 'Porter calls',
      kind: 'call-records',
      historicDataKey: 'CALLDTLX',
      ratePlanId: plan.body.id,
      timezone: 'America/Denver',
      businessId: firmId,
      enabled: false,
    });
    expect(source.status).toBe(201);
    const db = new Database(file);
    db.pragma('busy_timeout = 10000');
    const { id: versionId } = db
      .prepare('SELECT id FROM rate_plan_versions WHERE rate_plan_id = ?')
      .get(plan.body.id) as { id: number };
    const insertMatter = db.prepare(
      // The demo firm's imported list may have some of them already.
      `INSERT OR IGNORE INTO matters (business_id, client_number, client_name, matter_number, matter_name,
         status, closed_date, billable, created_at_ms, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, 'open', NULL, 1, 1, 1)`,
    );
    const insertRecord = db.prepare(
      `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, extension,
         dialed_number, talk_ms, account_code, raw_json, created_at_ms)
       VALUES (?, ?, ?, 'outbound', ?, '9 1 303 555 0100', 61000, ?, '{"values":{}}', 1)`,
    );
    const insertItem = db.prepare(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
         extension, account_code, dialed_number, normalized_number, destination_prefix,
         destination_class, talk_seconds, billed_seconds, currency, rated_amount_minor,
         amount_minor, taxes_json, tax_minor, total_minor, status, reason, rate_plan_id,
         rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms,
         updated_at_ms, local_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, '9 1 303 555 0100', '13035550100', '1', 'long-distance', 61,
         66, 'USD', 135, 135, '[]', 0, 135, ?, ?, ?, ?, 1, '{"status":"pending"}', 1, 1, ?)`,
    );
    // Noon in Denver two days ago, and the days before it.
    const day = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10);
    const noon = Date.parse(`${day}T19:00:00Z`);
    let serial = 0;
    const call = (startMs: number, code: string, reason: string | null) => {
      const callId = `matters-${++serial}`;
      const record = insertRecord.run(source.body.id, callId, startMs, extension, code);
      const localDay = new Date(startMs - 7 * 3_600_000).toISOString().slice(0, 10);
      return Number(
        insertItem.run(
          source.body.id,
          record.lastInsertRowid,
          callId,
          code,
          startMs,
          extension,
          code,
          reason === null ? 'pending' : 'needs-review',
          reason,
          plan.body.id,
          versionId,
          localDay,
        ).lastInsertRowid,
      );
    };
    db.transaction(() => {
      for (const code of MATTERS) {
        const [client, matter] = code.split('-');
        insertMatter.run(firmId, client, `Client ${client}`, matter, `Matter ${matter}`);
      }
      db.prepare('UPDATE businesses SET law_book_version = law_book_version + 1 WHERE id = ?').run(
        firmId,
      );
      for (const d of [1, 2, 3]) call(noon - d * DAY, intended, null);
      for (const d of [4, 5]) call(noon - d * DAY, '55555-010', null);
      typoIds = [0, 1, 2].map((h) => call(noon + h * 3_600_000, typo, 'unknown-matter'));
    })();
    db.close();
    ({ page, problems } = await openPage(browser));
    await page.setViewport({ width: 1280, height: 900 });
    await signIn(page, service.baseUrl, service.demoUser.email, service.demoUser.password);
    await page.waitForSelector('::-p-aria(Sections)');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  it('lists the items that need a matter, filtered by extension and reason', async () => {
    await page.goto(`${service.baseUrl}/review`, { waitUntil: 'networkidle0' });
    await page.click('a[href="/review/matters"]');
    await waitForText(page, 'Matters to correct');
    await page.goto(
      `${service.baseUrl}/review/matters?reason=unknown-matter&extension=${extension}`,
      {
        waitUntil: 'networkidle0',
      },
    );
    await waitForText(page, `${typoIds.length} items need a matter`);
    await waitForText(page, typo);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'matters-01-queue');
  });

  it('suggests the intended matter first for the typo, saying why', async () => {
    await clickButton(page, `Suggest matters for item ${typoIds[0]}`);
    await page.waitForSelector('.matters-suggestions li');
    const first = await page.$eval('.matters-suggestions li', (li) => li.textContent ?? '');
    expect(first).toContain(intended);
    expect(first).toContain(`one edit from ${typo}`);
    expect(first).toContain(`by extension ${extension}`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'matters-02-suggestions');
  });

  it('assigns the suggestion to one item, then all the others that match at once', async () => {
    await clickButton(page, `Assign ${intended} to item ${typoIds[0]}`);
    await waitForText(page, `Item ${typoIds[0]} is billed to ${intended} now.`);
    const one = await apiAs<Item>(service, 'GET', `/api/v1/line-items/${typoIds[0]}`);
    expect(one.body).toMatchObject({ billingAccount: intended, status: 'pending' });

    const left = typoIds.length - 1;
    await waitForText(page, `${left} item${left === 1 ? '' : 's'} need a matter`);
    await clickButton(page, `Suggest matters for item ${typoIds[1]}`);
    await page.waitForSelector('.matters-suggestions li');
    if (left > 1) {
      await clickButton(page, `Assign all ${left} items to ${intended}`);
      await waitForText(page, `${left} items billed to ${intended} now.`);
    } else {
      await clickButton(page, `Assign ${intended} to item ${typoIds[1]}`);
    }
    await waitForText(page, 'No item needs a matter under this filter.');
    for (const id of typoIds) {
      const item = await apiAs<Item>(service, 'GET', `/api/v1/line-items/${id}`);
      expect(item.body).toMatchObject({ billingAccount: intended, status: 'pending' });
    }
    await screenshot(page, 'matters-03-assigned');
  });

  it('filters the review queue by reason and extension', async () => {
    await page.goto(`${service.baseUrl}/review?reason=unknown-matter&extension=${extension}`, {
      waitUntil: 'networkidle0',
    });
    await page.waitForSelector('table[aria-busy="false"]');
    const rows = await page.$$eval('tr[data-item-id]', (trs) =>
      trs.map((tr) => Number(tr.getAttribute('data-item-id'))),
    );
    expect(rows.sort()).toEqual([...typoIds].sort());
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'matters-04-review-filters');
  });
});
