/// <reference lib="dom" />
// The console in a real browser: the built service (dist/, apps/console/dist) started in demo
// mode on a ledger of the driver under test fed by the Xima sandbox, and Debian's Chromium driven by
// puppeteer-core (bench/chromium.ts, which bench:console shares). For the browser specs
// (test/console-*.e2e-spec.ts).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { testLedgerLocation } from '@app/ledger/testing';
import { buildConsoleIfStale, buildIfStale } from '../../scripts/built.mjs';
import { BUILT_MAIN, freePort, spawnBuilt, untilStarted } from './built-service';

export { freePort };

export {
  CHROMIUM,
  clickButton,
  fillLabelled,
  launchBrowser,
  openPage,
  signIn,
} from '../../bench/chromium';

const root = resolve(__dirname, '..', '..');

/** Where the screenshots of the browser specs go, for a person to look at. */
export const SCREENSHOTS = join(root, 'test-output', 'console');

/** Builds the service and the console when either is older than its sources. */
export function buildAll(): void {
  const service = buildIfStale(root, 'billing', BUILT_MAIN, () => undefined);
  if (service !== 0) throw new Error(`nest build billing exited with ${service}`);
  const console = buildConsoleIfStale(root, () => undefined);
  if (console !== 0) throw new Error(`vite build of the console exited with ${console}`);
}

export interface RunningService {
  baseUrl: string;
  /** Its ledger, as DATABASE_URL names it (another instance may be started on it). */
  databaseUrl: string;
  /** The demo admin key the banner printed (for the API side of a test). */
  adminKey: string;
  /** The demo user the banner printed (admin). */
  demoUser: { email: string; password: string };
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built service in demo mode (the bundled Xima sandbox, sample plans and sources, the last
 * 7 days synced) on a free loopback port, on a ledger of the driver under test: in memory on
 * SQLite, a test database of its own on PostgreSQL (`npm run test:postgres`), unless `env`
 * names one. Resolves once the banner is printed and the demo's first syncs have finished.
 */
export async function startService(env: Record<string, string> = {}): Promise<RunningService> {
  const ledger = env.DATABASE_URL === undefined ? await testLedgerLocation() : null;
  const databaseUrl = env.DATABASE_URL ?? ledger!.databaseUrl;
  const service = await spawnBuilt({
    DATABASE_URL: databaseUrl,
    DEMO: 'true',
    // The demo hotel's charges go to its stand-in PMS when links run: a spec of the review
    // or invoice pages works on charges nobody posts (the postings spec turns links on).
    PMS_LINKS_ENABLED: 'false',
    ...env,
  });
  const banner = /Demo admin key[^:]*: (\S+)/;
  try {
    await untilStarted(service, () => banner.test(service.stdout()));
  } catch (error) {
    await ledger?.release();
    throw error;
  }
  const stdout = service.stdout();
  const adminKey = banner.exec(stdout)![1];
  const email = /Email: +(\S+)/.exec(stdout)![1];
  const password = /Password: +(\S+)/.exec(stdout)![1];
  try {
    await waitForSyncs(service.baseUrl, adminKey);
  } catch (error) {
    await service.stop();
    await ledger?.release();
    throw error;
  }
  return {
    baseUrl: service.baseUrl,
    databaseUrl,
    adminKey,
    demoUser: { email, password },
    child: service.child,
    output: service.output,
    stop: async () => {
      await service.stop();
      await ledger?.release();
    },
  };
}

/**
 * Another instance of the built service on a running service's ledger, for what several
 * instances show; resolves once it serves. It starts as production does (its own ADMIN_API_KEY),
 * which ends demo mode on that ledger: the demo's keys are revoked and its user disabled.
 */
export async function startInstance(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Pick<RunningService, 'baseUrl' | 'adminKey' | 'output' | 'stop'>> {
  const adminKey = `instance-admin-${randomBytes(24).toString('base64url')}`;
  const service = await spawnBuilt({
    DATABASE_URL: databaseUrl,
    ADMIN_API_KEY: adminKey,
    // Not the demo's sandbox: this instance never syncs (its schedules are off).
    XIMA_BASE_URL: 'http://127.0.0.1:9',
    XIMA_API_KEY: 'not-used-by-this-instance',
    SYNC_SCHEDULE_ENABLED: 'false',
    ...env,
  });
  await untilStarted(service);
  return { baseUrl: service.baseUrl, adminKey, output: service.output, stop: service.stop };
}

/** Waits until no sync run of the demo is running (its first syncs fill the ledger). */
async function waitForSyncs(baseUrl: string, key: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/v1/sync-runs`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    const body = (await response.json()) as { items: { status: string }[] };
    if (body.items.length > 0 && body.items.every((run) => run.status !== 'running')) return;
    if (Date.now() > deadline) throw new Error('the demo syncs did not finish');
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** A JSON request to the service with the admin key (setting up or checking what a page did). */
export async function apiAs<T = unknown>(
  service: Pick<RunningService, 'baseUrl' | 'adminKey'>,
  method: string,
  path: string,
  body?: unknown,
  key = service.adminKey,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${service.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Waits until the page shows `text` somewhere. */
export async function waitForText(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (wanted: string) => document.body.innerText.includes(wanted),
    { timeout },
    text,
  );
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core in the page (evaluated through the DevTools protocol, which the page's CSP does not
 * govern): the serious and critical violations, as `rule: target` lines (empty when none).
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      }));
  });
  return violations.map((v) => `${v.id} (${v.help}): ${v.targets.join(', ')}`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** A full-page screenshot under test-output/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
  });
}

/** Writes a text file beside the screenshots (a downloaded export, for a person to read). */
export function keepOutput(name: string, content: string | Buffer): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, name), content);
}
