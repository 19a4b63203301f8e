/// <reference lib="dom" />
// Debian's Chromium driven by puppeteer-core: launching it, a page that collects its problems,
// signing in and the controls a person uses. Shared by bench:console and the browser specs
// (test/support/console.ts), which is why it lives here: the build compiles bench/, not test/.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Chromium's path: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's flags for a headless run in a container without a GPU or the network. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Headless Chromium (Debian's), failing with a clear message when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    defaultViewport: { width: 1280, height: 860 },
  });
}

/**
 * A new page that fails the test on a page error or a Content-Security-Policy refusal (an inline
 * script would be one), collected in `problems`.
 */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
  });
  return { page, problems };
}

/** Signs in through the sign-in page (the fields labelled Email and Password, the Sign in button). */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle0' });
  await fillLabelled(page, 'Email', email);
  await fillLabelled(page, 'Password', password);
  await clickButton(page, 'Sign in');
}

/** Types into the input labelled `label` (its <label> text), replacing what it held. */
export async function fillLabelled(page: Page, label: string, value: string): Promise<void> {
  const input = await page.waitForSelector(
    `::-p-aria(${label}[role="textbox"]), ::-p-aria(${label})`,
    {
      visible: true,
    },
  );
  await input!.click({ count: 3 });
  await input!.press('Backspace');
  await input!.type(value);
}

/** Clicks the button whose accessible name is `name`. */
export async function clickButton(page: Page, name: string): Promise<void> {
  const button = await page.waitForSelector(`::-p-aria(${name}[role="button"])`, { visible: true });
  await button!.click();
}
