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

// Signing in, in a real browser: the page, a wrong password, the lockout, a one-time password
// that must be changed, signing out; the console's headers (CSP, caches, the page for client routes).
jest.setTimeout(120_000);

describe('the console: signing in (Chromium)', () => {
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

  it('serves the page with a CSP that allows no inline script, hashed assets cached for a year', async () => {
    const page = await fetch(`${service.baseUrl}/review`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
    expect(scriptSrc).toBe("'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const script = await fetch(`${service.baseUrl}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Travels gzipped to a browser that takes it (fetch asks for gzip and unpacks it).
    expect(script.headers.get('content-encoding')).toBe('gzip');
    // React's production build (its development build is twice the size).
    expect((await script.text()).length).toBeLessThan(350_000);
    // The API keeps its own answers: an unknown API path is the API's 404, not the page.
    const missing = await fetch(`${service.baseUrl}/api/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${service.baseUrl}/assets/nothing.js`)).status).toBe(404);
  });

  it('refuses a wrong password, then signs the demo user in and out', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${service.baseUrl}/`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('::-p-text(Sign in)');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '01-sign-in');

    await signIn(page, service.baseUrl, service.demoUser.email, 'not the password at all');
    await waitForText(page, 'the email or password is wrong');
    await screenshot(page, '02-sign-in-refused');

    await fillLabelled(page, 'Password', service.demoUser.password);
    await clickButton(page, 'Sign in');
    await page.waitForSelector('::-p-aria(Sections)');
    await waitForText(page, 'Demo admin');
    const cookies = await page.browserContext().cookies();
    const session = cookies.find((cookie) => cookie.name === 'xb_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await clickButton(page, 'Sign out');
    await page.waitForSelector('::-p-aria(Sign in[role="button"])');
    expect((await page.browserContext().cookies()).some((c) => c.name === 'xb_session')).toBe(
      false,
    );
    expect(problems).toEqual([]);
  });

  it('locks an email after five wrong passwords and says so in the same words', async () => {
    const email = 'front.desk@grandhotel.example';
    const created = await apiAs(service, 'POST', '/api/v1/users', {
      email,
      name: 'Front Desk',
      role: 'viewer',
      password: 'correct horse battery staple',
    });
    expect(created.status).toBe(201);
    const { page, problems } = await openPage(browser);
    await page.goto(`${service.baseUrl}/`, { waitUntil: 'networkidle0' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await fillLabelled(page, 'Email', email);
      await fillLabelled(page, 'Password', `wrong password ${attempt}`);
      await clickButton(page, 'Sign in');
      await waitForText(page, 'the email or password is wrong');
      await page.waitForSelector('::-p-aria(Sign in[role="button"]):not([disabled])');
    }
    await fillLabelled(page, 'Password', 'correct horse battery staple');
    await clickButton(page, 'Sign in');
    await waitForText(page, 'the email or password is wrong');
    await screenshot(page, '03-sign-in-locked');
    expect(await page.$('::-p-aria(Sections)')).toBeNull();
    const audit = await apiAs<{ items: { action: string }[] }>(
      service,
      'GET',
      '/api/v1/audit-events?action=sign-in.lockout',
    );
    expect(audit.body.items.map((event) => event.action)).toContain('sign-in.lockout');
    expect(problems).toEqual([]);
  });

  it('makes a person with a one-time password choose their own before anything else', async () => {
    const created = await apiAs<{ password: string }>(service, 'POST', '/api/v1/users', {
      email: 'night.audit@grandhotel.example',
      name: 'Night Auditor',
      role: 'accountant',
    });
    const { page, problems } = await openPage(browser);
    await signIn(page, service.baseUrl, 'night.audit@grandhotel.example', created.body.password);
    await waitForText(page, 'You signed in with a one-time password');
    // Nowhere else to go until the password is the person's own.
    expect(await page.$('::-p-aria(Review[role="link"])')).toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, '04-change-one-time-password');
    await fillLabelled(page, 'Current password', created.body.password);
    await fillLabelled(page, 'New password', 'a night auditor of the grand');
    await fillLabelled(page, 'New password again', 'a night auditor of the grand');
    await clickButton(page, 'Change password');
    await page.waitForSelector('::-p-aria(Review[role="link"])');
    await waitForText(page, 'Your password is changed');
    expect(problems).toEqual([]);
  });
});
