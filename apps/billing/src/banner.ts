import type { AppConfig } from './config/app-config';

/**
 * What a person sees once the service listens. Printed to stdout, outside the structured log,
 * because in demo mode it holds the demo admin key, and no key may enter the log.
 */
export function printBanner(config: AppConfig, demoAdminKey: string | undefined): void {
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
      '  DEMO MODE: no XIMA_BASE_URL / XIMA_API_KEY configured.',
      `  Demo ledger: ${config.databaseUrl}`,
      '  Sample rate plans, sources and a week of sandbox calls arrive with the sync module.',
    );
    if (demoAdminKey) {
      lines.push(
        '',
        `  Demo admin key (valid until the next start): ${demoAdminKey}`,
        '',
        '  Try:',
        `    curl -s ${base}/health`,
        `    curl -s -H "Authorization: Bearer ${demoAdminKey}" ${base}/api/v1/api-keys`,
        `    curl -s -X POST -H "Authorization: Bearer ${demoAdminKey}" -H "Content-Type: application/json" \\`,
        `         -d '{"name":"Front office","role":"accountant"}' ${base}/api/v1/api-keys`,
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
