import type { AppConfig } from './config/app-config';
import type { DemoUser } from './startup.service';

/** What the banner shows: demo mode's key and user (this run's), and the sandbox's address. */
export interface BannerDemo {
  adminKey?: string;
  user?: DemoUser;
  sandboxUrl?: string;
}

/**
 * What a person sees once the service listens. Printed to stdout, outside the structured log,
 * because in demo mode it holds the demo admin key and the demo user's password, and no
 * secret may enter the log.
 */
export function printBanner(config: AppConfig, demo: BannerDemo): void {
  process.stdout.write(bannerText(config, demo));
}

export function bannerText(
  config: Pick<AppConfig, 'host' | 'port' | 'demoMode' | 'databaseUrl'>,
  { adminKey: demoAdminKey, user, sandboxUrl }: BannerDemo,
): string {
  const base = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `  xima-billing is listening on ${base}`,
    `  API docs:  ${base}/api/docs`,
    `  Health:    ${base}/health`,
  ];
  if (config.demoMode) {
    lines.push(
      '',
      '  DEMO MODE: no XIMA_BASE_URL / XIMA_API_KEY configured, so the bundled Xima sandbox',
      `  stands in for Xima${sandboxUrl ? ` at ${sandboxUrl}` : ''}. Sample plans (docs/rating.md) and two`,
      '  sources are in place, and the last 7 days of calls are being synced and rated.',
      `  Demo ledger: ${config.databaseUrl}`,
    );
    if (user) {
      lines.push(
        '',
        `  Open ${base}/ and sign in as the demo user (valid until the next start):`,
        `    Email:    ${user.email}`,
        `    Password: ${user.password}`,
      );
    }
    if (demoAdminKey) {
      const auth = `-H "Authorization: Bearer ${demoAdminKey}"`;
      lines.push(
        '',
        `  Demo admin key (valid until the next start): ${demoAdminKey}`,
        '',
        '  Try:',
        `    curl -s ${auth} ${base}/api/v1/sync-runs`,
        `    curl -s ${auth} ${base}/api/v1/rate-plans/1`,
        `    curl -s ${auth} -X POST -H "Content-Type: application/json" ${base}/api/v1/rate-plans/1/quote \\`,
        `         -d '{"records":[{"startTime":"2026-03-10T14:05:00-06:00","direction":"outbound","extension":"1012","dialedNumber":"9 (212) 555-0100","talkMs":61000}]}'`,
      );
    }
  }
  return lines.join('\n') + '\n\n';
}
