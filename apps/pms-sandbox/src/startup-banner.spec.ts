import { startPmsSandbox } from '@app/pms-sandbox';
import { readPmsSandboxEnv } from './pms-sandbox-env';
import { startupBanner } from './startup-banner';

describe('startupBanner', () => {
  it('names the address, the link, the hotel and the faults', async () => {
    const env = readPmsSandboxEnv({ PMS_SANDBOX_PORT: '0', PMS_SANDBOX_FAULTS: 'ng:1012' });
    const sandbox = await startPmsSandbox({ port: 0, scriptDays: 1, faults: env.faults });
    try {
      const banner = startupBanner(sandbox, env);
      expect(banner).toContain(`listening on 127.0.0.1:${sandbox.port}`);
      expect(banner).toContain('sends LS on connect, charset ascii');
      expect(banner).toContain('rooms 1001–1940 (400)');
      expect(banner).toContain('faults: ng:1012');
    } finally {
      await sandbox.close();
    }
  });
});
