import type { AppConfig } from './config/app-config';

/**
 * What a person sees once the service listens. Printed to stdout, outside the structured log,
 * because in demo mode it holds the demo admin key, and no key may enter the log.
 */
export function printBanner(
  config: AppConfig,
  demoAdminKey: string | undefined,
  sandboxUrl: string | undefined,
): void {
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
  process.stdout.write(lines.join('\n') + '\n\n');
}
