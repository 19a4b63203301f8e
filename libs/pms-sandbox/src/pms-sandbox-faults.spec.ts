import { PmsSandbox, PmsSandboxOptions, startPmsSandbox } from './pms-sandbox';
import { ps, RawFiasClient } from './testing/raw-fias-client';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('PmsSandbox faults on demand', () => {
  let sandbox: PmsSandbox;
  let client: RawFiasClient;
  const clients: RawFiasClient[] = [];

  async function connect() {
    client = await RawFiasClient.connect(sandbox.port);
    clients.push(client);
    await client.linkStart();
  }

  async function start(options: PmsSandboxOptions = {}) {
    sandbox = await startPmsSandbox({ scriptDays: 0, timezone: 'UTC', now: () => NOW, ...options });
    sandbox.checkIn('1012', { reservation: '1', at: NOW - HOUR });
    sandbox.checkIn('1013', { reservation: '2', at: NOW - HOUR });
    await connect();
  }

  async function post(fields: Record<string, string>) {
    client.send(ps(fields));
    return (await client.next('PA')).fields;
  }

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await sandbox.close();
  });

  it('answers NG, NP or any status for a room on demand, until cleared', async () => {
    await start();
    sandbox.failRoom('1012');
    sandbox.failRoom('1013', 'NP');
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'NG', CT: 'room 1012 NG' });
    await expect(post({ 'P#': '2', RN: '1013' })).resolves.toMatchObject({ AS: 'NP' });
    sandbox.failRoom('1012', null);
    await expect(post({ 'P#': '3' })).resolves.toMatchObject({ AS: 'OK' });
    expect(sandbox.postings().map((p) => p.postingNumber)).toEqual([3]);
  });

  it('answers RY to the next n postings, then posts the same P#', async () => {
    await start();
    sandbox.retryNext(2);
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'RY' });
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'RY' });
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK' });
    expect(sandbox.psCount(1)).toBe(3);
    expect(sandbox.postings()).toHaveLength(1);
  });

  it('runs a night audit: NS, NA to every PS, NE when ended', async () => {
    await start();
    sandbox.startNightAudit();
    await client.next('NS');
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'NA' });
    expect(sandbox.nightAuditRunning).toBe(true);
    sandbox.endNightAudit();
    await client.next('NE');
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK' });
  });

  it('ends a night audit by itself after its duration', async () => {
    await start();
    sandbox.startNightAudit({ durationMs: 30 });
    await client.next('NS');
    await client.next('NE');
    expect(sandbox.nightAuditRunning).toBe(false);
  });

  it('starts a night audit from the faults at the link start, with NS after the LA', async () => {
    sandbox = await startPmsSandbox({ scriptDays: 0, faults: { nightAuditMs: 0 } });
    await connect();
    await client.next('NS');
    expect(client.records.map((r) => r.type)).toEqual(['LS', 'LA', 'NS']);
  });

  it('sends no PA for a swallowed posting, posted all the same unless told not to', async () => {
    await start();
    sandbox.swallowNext(1);
    sandbox.swallowNext(1, { post: false });
    client.send(ps({ 'P#': '1' }));
    client.send(ps({ 'P#': '2' }));
    client.send(ps({ 'P#': '3' }));
    await expect(client.next('PA')).resolves.toMatchObject({ fields: { 'P#': '3' } });
    expect(client.records.filter((r) => r.type === 'PA')).toHaveLength(1);
    expect(sandbox.postings().map((p) => p.postingNumber)).toEqual([1, 3]);
  });

  it('drops the connection before the PA; the same P# resent is answered OK, posted once', async () => {
    await start();
    sandbox.dropBeforeAnswer();
    client.send(ps({ 'P#': '40' }));
    await client.closed;
    expect(client.records.some((r) => r.type === 'PA')).toBe(false);
    await connect();
    await expect(post({ 'P#': '40' })).resolves.toMatchObject({ AS: 'OK' });
    expect(sandbox.psCount(40)).toBe(2);
    expect(sandbox.postings()).toHaveLength(1);
  });

  it('drops the connection before the PA without posting when told', async () => {
    await start();
    sandbox.dropBeforeAnswer(1, { post: false });
    client.send(ps({ 'P#': '41' }));
    await client.closed;
    expect(sandbox.postings()).toEqual([]);
  });

  it('drops the connection right after the PA', async () => {
    await start();
    sandbox.dropAfterAnswer();
    client.send(ps({ 'P#': '50' }));
    await client.closed;
    expect(client.records.at(-1)).toMatchObject({ type: 'PA', fields: { AS: 'OK', 'P#': '50' } });
    expect(sandbox.connected).toBe(false);
  });

  it('waits answerDelayMs before each PA', async () => {
    await start({ answerDelayMs: 80 });
    const sent = Date.now();
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK' });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(70);
    sandbox.setAnswerDelay(0);
    await expect(post({ 'P#': '2' })).resolves.toMatchObject({ AS: 'OK' });
  });

  it('cuts records into single bytes, each its own write', async () => {
    await start();
    sandbox.splitWrites('bytes');
    const before = client.chunks;
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK' });
    expect(client.chunks - before).toBeGreaterThan(1);
  });

  it('cuts records at random points, and the records still read whole', async () => {
    await start({ faults: { split: 'random' } });
    for (let i = 0; i < 5; i++) sandbox.checkIn(`10${20 + i}`, { name: `Gäst ${i}` });
    await client.until((records) => records.filter((r) => r.type === 'GI').length === 5);
    expect(client.records.filter((r) => r.type === 'GI').map((r) => r.fields.GN)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `G?st ${i}`),
    );
  });

  it('merges the records of one turn into one write', async () => {
    await start();
    sandbox.mergeWrites();
    const before = client.chunks;
    sandbox.resync();
    await client.next('DE');
    expect(client.records.slice(-4).map((r) => r.type)).toEqual(['DS', 'GI', 'GI', 'DE']);
    expect(client.chunks - before).toBeLessThan(4);
  });

  it('writes noise between records, which a framer skips', async () => {
    await start();
    sandbox.sendNoise();
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK' });
    sandbox.resync();
    await client.next('DE');
    expect(client.noiseBytes).toBeGreaterThan(0);
  });

  it('writes raw bytes and any record on demand', async () => {
    await start();
    sandbox.sendRaw(Buffer.from('garbage'));
    sandbox.sendRecord({ type: 'WR', fields: { RN: '1012' } });
    await expect(client.next('WR')).resolves.toEqual({ type: 'WR', fields: { RN: '1012' } });
    expect(client.noiseBytes).toBe('garbage'.length);
  });

  it('restarts: drops the client, closes the port a while, keeps the postings and counts', async () => {
    await start();
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK' });
    const port = sandbox.port;
    const restarted = sandbox.restart({ downMs: 50 });
    await client.closed;
    await restarted;
    expect(sandbox.port).toBe(port);
    await connect();
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK', CT: 'duplicate P#' });
    expect(sandbox.psCount(1)).toBe(2);
    expect(sandbox.postings()).toHaveLength(1);
    expect(sandbox.hotel.guest('1')?.room).toBe('1012');
  });
});
