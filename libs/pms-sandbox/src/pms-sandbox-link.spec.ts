import { PmsSandbox, startPmsSandbox } from './pms-sandbox';
import { ps, RawFiasClient } from './testing/raw-fias-client';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('PmsSandbox link start and link records', () => {
  let sandbox: PmsSandbox;
  const clients: RawFiasClient[] = [];
  const connect = async () => {
    const client = await RawFiasClient.connect(sandbox.port);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    sandbox = await startPmsSandbox({ scriptDays: 0, timezone: 'UTC', now: () => NOW });
    sandbox.checkIn('1012', { reservation: '500', at: NOW - 3_600_000 });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await sandbox.close();
  });

  it('sends LS with its date and time on connect, and answers the LD/LR/LA with LA', async () => {
    const client = await connect();
    await expect(client.next('LS')).resolves.toEqual({
      type: 'LS',
      fields: { DA: '261207', TI: '120000' },
    });
    expect(sandbox.linked).toBe(false);
    const linked = sandbox.waitForLinked();
    await client.linkStart();
    await expect(linked).resolves.toBeUndefined();
    expect(sandbox.linked).toBe(true);
    expect(sandbox.received.map((r) => r.record?.type)).toEqual(['LD', 'LR', 'LA']);
  });

  it('answers no PS before the link start, and the first PS after it', async () => {
    const client = await connect();
    await client.next('LS');
    client.send(ps({ 'P#': '7' }));
    await sandbox.waitForRecord('PS');
    await client.linkStart();
    client.send(ps({ 'P#': '8' }));
    await expect(client.next('PA')).resolves.toMatchObject({ fields: { 'P#': '8', AS: 'OK' } });
    expect(client.records.filter((r) => r.type === 'PA')).toHaveLength(1);
    expect(sandbox.posting(7)).toBeUndefined();
  });

  it('stays silent when linkStartFirst is false, and answers the client LS with LS', async () => {
    await sandbox.close();
    sandbox = await startPmsSandbox({ scriptDays: 0, linkStartFirst: false });
    const client = await connect();
    client.send({ type: 'LS', fields: { DA: '261207', TI: '120000' } });
    await expect(client.next('LS')).resolves.toMatchObject({ type: 'LS' });
    await client.linkStart();
    // An LS sent on connect would have come before the answer to ours, on the same stream.
    expect(client.records.map((r) => r.type)).toEqual(['LS', 'LA']);
    expect(sandbox.linked).toBe(true);
  });

  it('answers an alive check (LS once linked) with LA', async () => {
    const client = await connect();
    await client.linkStart();
    client.send({ type: 'LS', fields: { DA: '261207', TI: '120500' } });
    await expect(client.next('LA')).resolves.toMatchObject({ type: 'LA' });
    expect(sandbox.linked).toBe(true);
  });

  it('pretends a restart: the next LS is answered LS, PS waits for a new link start', async () => {
    const client = await connect();
    await client.linkStart();
    sandbox.pretendRestart();
    client.send({ type: 'LS', fields: {} });
    await client.next('LS');
    await client.next('LS');
    expect(sandbox.linked).toBe(false);
    await client.linkStart();
    client.send(ps({ 'P#': '3' }));
    await expect(client.next('PA')).resolves.toMatchObject({ fields: { AS: 'OK' } });
  });

  it('serves one client per port: a second connection drops the first', async () => {
    const first = await connect();
    await first.linkStart();
    const second = await connect();
    await first.closed;
    expect(first.isOpen).toBe(false);
    await second.linkStart();
    expect(sandbox.connections).toBe(2);
    second.send(ps({ 'P#': '4' }));
    await expect(second.next('PA')).resolves.toMatchObject({ fields: { 'P#': '4' } });
    expect(sandbox.received.filter((r) => r.record?.type === 'PS')[0].connection).toBe(2);
  });

  it('sends LE and closes the connection on demand', async () => {
    const client = await connect();
    await client.linkStart();
    sandbox.sendLinkEnd();
    await client.closed;
    expect(client.records.at(-1)?.type).toBe('LE');
    expect(sandbox.connected).toBe(false);
  });

  it('records what does not parse and ignores record types it does not take', async () => {
    const client = await connect();
    await client.linkStart();
    client.sendBytes(Buffer.from('\x02|junk\x03\x02PS|ab1|\x00x|\x03'));
    client.send({ type: 'XX', fields: { AB: '1' } });
    await sandbox.waitForRecord('XX');
    expect(sandbox.received.some((r) => r.record === null && r.text === '|junk')).toBe(true);
    expect(sandbox.received.some((r) => r.text === 'PS|ab1|\x00x|')).toBe(true);
    client.send({ type: 'LS', fields: {} });
    await expect(client.next('LA')).resolves.toMatchObject({ type: 'LA' });
  });

  it('drops the connection on demand and takes the next one', async () => {
    const client = await connect();
    await client.linkStart();
    sandbox.dropConnection();
    await client.closed;
    const again = await connect();
    await again.linkStart();
    expect(sandbox.linked).toBe(true);
  });
});
