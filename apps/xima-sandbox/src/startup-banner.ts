import { HISTORIC_DATA_PATH, LocalClock, SANDBOX_REPORTS } from '@app/xima-sandbox';
import { SandboxEnv } from './sandbox-env';

const DAY_MS = 86_400_000;

/** Yesterday in the tenant's zone, as a REPORT_TIMEFRAME body like Xima's own example. */
export function exampleRequestBody(timezone: string, nowMs: number): string {
  const clock = new LocalClock(timezone);
  const wallDay = Math.floor(clock.wallClockMs(nowMs) / DAY_MS) - 1;
  const startMs = wallDay * DAY_MS - clock.offsetMs(wallDay * DAY_MS);
  const endMs = startMs + DAY_MS - 1000;
  return JSON.stringify({
    format: 'json',
    parameters: [
      {
        name: 'Report Timeframe',
        valueType: 'REPORT_TIMEFRAME',
        value: {
          type: 'REPORT_TIMEFRAME',
          start: clock.isoWithOffset(startMs),
          end: clock.isoWithOffset(endMs),
        },
      },
    ],
  });
}

/** What `npm run sandbox` prints once it listens; shows the token only when it is the dev default. */
export function startupBanner(url: string, env: SandboxEnv, nowMs: number): string {
  const token = env.tokenIsDefault ? env.token : '$SANDBOX_TOKEN';
  const reports = Object.values(SANDBOX_REPORTS).map(
    (report) =>
      `    ${report.key}  ${report.title} (${report.columns.map((c) => c.title).join(', ')})`,
  );
  return [
    `Xima sandbox listening on ${url}`,
    `  token:  ${env.tokenIsDefault ? `${env.token} (default; set SANDBOX_TOKEN to change it)` : 'from SANDBOX_TOKEN'}`,
    `  calls:  ${env.callsPerDay} per day, seed "${env.seed}", ${env.timezone}`,
    `  faults: ${env.faultSpec ?? 'none (set SANDBOX_FAULT, or send an X-Sandbox-Fault header)'}`,
    '  reports:',
    ...reports,
    '  try:',
    `    curl -s -X POST ${url}${HISTORIC_DATA_PATH}CALLDTL1 \\`,
    `      -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' \\`,
    `      -d '${exampleRequestBody(env.timezone, nowMs)}'`,
  ].join('\n');
}
