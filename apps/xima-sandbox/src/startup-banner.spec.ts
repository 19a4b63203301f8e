import { readSandboxEnv } from './sandbox-env';
import { exampleRequestBody, startupBanner } from './startup-banner';

const NOW = Date.parse('2024-07-15T18:00:00Z');

describe('exampleRequestBody', () => {
  it("asks for yesterday in the tenant's zone, in Xima's form", () => {
    expect(JSON.parse(exampleRequestBody('America/Denver', NOW))).toEqual({
      format: 'json',
      parameters: [
        {
          name: 'Report Timeframe',
          valueType: 'REPORT_TIMEFRAME',
          value: {
            type: 'REPORT_TIMEFRAME',
            start: '2024-07-14T00:00:00.000-06:00',
            end: '2024-07-14T23:59:59.000-06:00',
          },
        },
      ],
    });
  });
});

describe('startupBanner', () => {
  it('shows the URL, the report keys, and a curl with the dev token', () => {
    const banner = startupBanner('http://127.0.0.1:4010', readSandboxEnv({}), NOW);
    expect(banner).toContain('listening on http://127.0.0.1:4010');
    for (const key of ['CALLDTL1', 'CALLDTLX', 'ACCTSUM1']) expect(banner).toContain(key);
    expect(banner).toContain(
      'curl -s -X POST http://127.0.0.1:4010/rest/api/v1/historic-data/CALLDTL1',
    );
    expect(banner).toContain('Authorization: Bearer xima-sandbox-dev-token');
  });

  it('never prints a token that came from SANDBOX_TOKEN', () => {
    const banner = startupBanner(
      'http://127.0.0.1:4010',
      readSandboxEnv({ SANDBOX_TOKEN: 'real-secret' }),
      NOW,
    );
    expect(banner).not.toContain('real-secret');
    expect(banner).toContain('Bearer $SANDBOX_TOKEN');
  });
});
