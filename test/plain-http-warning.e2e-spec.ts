import { createTestApp } from './support/test-app';

/**
 * Issue 10 (e), decision 0015: listening beyond loopback without TLS in front is warned about.
 * One app per file (the logger binds to the first app's log capture); the cases without a
 * warning are in apps/billing/src/http/plain-http-warning.spec.ts.
 */
describe('start-up warns when it listens beyond loopback in plain HTTP (e2e)', () => {
  it('HOST=0.0.0.0 without BEHIND_TLS_PROXY: one warning naming the fix', async () => {
    const t = await createTestApp({ HOST: '0.0.0.0' });
    try {
      const startup = t.logs.lines
        .map((line) => JSON.parse(line) as { level: number; msg: string; context?: string })
        .filter((line) => line.context === 'Startup');
      expect(startup.filter((line) => line.msg.includes('plain HTTP'))).toEqual([
        expect.objectContaining({
          level: 40,
          msg:
            'Listening on 0.0.0.0 in plain HTTP: API keys and invoices cross the network in ' +
            'clear. Put a TLS-terminating proxy in front and set BEHIND_TLS_PROXY=true, or ' +
            'listen on 127.0.0.1',
        }),
      ]);
    } finally {
      await t.close();
    }
  });
});
