import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PmsSandbox, SANDBOX_ROOMS, startPmsSandbox } from '@app/pms-sandbox';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { buildIfStale } from '../scripts/built.mjs';
import {
  BUILT_MAIN,
  BuiltService,
  callApi,
  spawnBuilt,
  untilStarted,
} from './support/built-service';
import { samplePlan } from './support/fixtures';

const root = resolve(__dirname, '..');
const TOKEN = 'sandbox-token-for-the-crash';
const ZONE = 'America/Denver';
const DAY = { from: '2026-03-02T00:00:00-07:00', to: '2026-03-03T00:00:00-07:00' };

/**
 * The service killed with SIGKILL between a posting's PS and its PA, and started again on the
 * same ledger: the posting was in flight, so the same P# goes first, and the PMS's duplicate
 * check keeps it from being charged twice. Nothing is lost: every charge ends posted once.
 */
describe('a crash between PS and PA (e2e, the built service)', () => {
  let dir: string;
  let xima: RunningSandbox;
  let pms: PmsSandbox;
  let service: BuiltService;
  const adminKey = `crash-admin-${randomBytes(24).toString('base64url')}`;

  const start = async (ledger: string): Promise<BuiltService> => {
    const service = await spawnBuilt({
      DATABASE_URL: `sqlite:${ledger}`,
      ADMIN_API_KEY: adminKey,
      XIMA_BASE_URL: xima.url,
      XIMA_API_KEY: TOKEN,
      SYNC_SCHEDULE_ENABLED: 'false',
      PMS_LINKS_ENABLED: 'true',
      // Started again under the same name, the instance takes back at once the link's and the
      // sync's leases its killed process held (under a new name it would wait for them to lapse).
      INSTANCE_ID: 'billing-pms-crash-test',
    });
    await untilStarted(service);
    return service;
  };

  const api = <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> => callApi<T>(service.baseUrl, adminKey, method, path, body);

  const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  };

  beforeAll(async () => {
    const built = buildIfStale(root, 'billing', BUILT_MAIN, () => undefined);
    if (built !== 0) throw new Error(`nest build billing exited with ${built}`);
    dir = mkdtempSync(join(tmpdir(), 'pms-crash-'));
    xima = await startSandbox({ token: TOKEN, seed: 'pms-crash', callsPerDay: 2000 });
    pms = await startPmsSandbox({ seed: 'pms-crash', timezone: ZONE, scriptDays: 0 });
    for (const room of SANDBOX_ROOMS) pms.checkIn(room, { at: Date.parse(DAY.from) - 86_400_000 });
    service = await start(join(dir, 'ledger.sqlite'));
  }, 180_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGTERM');
    await service?.exited;
    await pms?.close();
    await xima?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the same P# first after the restart, and the PMS charges it once', async () => {
    const plan = await api<{ id: number }>('POST', '/rate-plans', {
      effectiveFrom: '2026-01-01T00:00:00-07:00',
      ...samplePlan<object>('grand-hotel'),
    });
    const source = await api<{ id: number }>('POST', '/sources', {
      name: 'Grand Hotel',
      kind: 'call-records',
      historicDataKey: 'CALLDTLX',
      ratePlanId: plan.id,
      timezone: ZONE,
    });
    const link = await api<{ id: number }>('POST', '/pms-links', {
      name: 'Stand-in PMS',
      host: '127.0.0.1',
      port: pms.port,
      sourceIds: [source.id],
      postingMode: 'on-rating',
    });
    // The first link asks for the guests in house; wait until they are known.
    await until('the guests', async () => {
      const stays = await api<{ items: unknown[] }>('GET', `/stays?linkId=${link.id}&limit=500`);
      return stays.items.length === SANDBOX_ROOMS.length ? true : undefined;
    });
    // The PMS takes the 3rd posting and never answers it: the service dies waiting.
    const swallowedAfter = 2;
    let seen = 0;
    let swallowed: number | undefined;
    pms.on('received', (received) => {
      if (received.record?.type !== 'PS') return;
      seen++;
      if (seen === swallowedAfter + 1) {
        // Heard before it is handled: this very PS is taken and not answered.
        pms.swallowNext(1, { post: true });
        swallowed = Number(received.record.fields['P#']);
        service.child.kill('SIGKILL');
      }
    });
    await api('POST', `/sources/${source.id}/sync`, DAY).catch(() => undefined);
    await until('the kill', () => (swallowed !== undefined ? true : undefined));
    await service.exited;
    expect(pms.postings().map((p) => p.postingNumber)).toContain(swallowed);

    service = await start(join(dir, 'ledger.sqlite'));
    // The sync may have died with the service: run the day again (nothing is doubled).
    await api('POST', `/sources/${source.id}/sync`, DAY);
    const queue = await until('the queue to drain', async () => {
      const view = await api<{ queue: Record<string, number> }>('GET', `/pms-links/${link.id}`);
      return view.queue.pending === 0 && view.queue['in-flight'] === 0 ? view.queue : undefined;
    });
    expect(queue.exception).toBe(0);
    expect(queue.posted).toBeGreaterThan(swallowedAfter + 1);
    // The in-flight posting went first after the restart, with its number.
    const afterRestart = pms.received.filter((r) => r.record?.type === 'PS');
    const resent = afterRestart.findIndex(
      (r, i) => i > swallowedAfter && Number(r.record!.fields['P#']) === swallowed,
    );
    expect(resent).toBe(swallowedAfter + 1);
    expect(pms.psCount(swallowed!)).toBe(2);
    // Every charge posted once: the PMS's postings are exactly the ledger's posted ones.
    const posted = await api<{ items: { postingNumber: number }[] }>(
      'GET',
      `/postings?linkId=${link.id}&status=posted&limit=500`,
    );
    expect(posted.items.length).toBe(queue.posted);
    expect(
      pms
        .postings()
        .map((p) => p.postingNumber)
        .sort((a, b) => a - b),
    ).toEqual(posted.items.map((p) => p.postingNumber).sort((a, b) => a - b));
    for (const duplicate of pms.duplicates) expect(duplicate.sameContent).toBe(true);
  }, 180_000);
});
