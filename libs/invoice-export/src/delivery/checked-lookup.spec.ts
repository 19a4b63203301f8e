import type { LookupAddress, lookup } from 'node:dns';
import { Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { checkedLookup } from './billing-system-client';

/** A resolver that knows a few names (what DNS would answer), for the lookup under test. */
const NAMES: Record<string, LookupAddress[]> = {
  'billing.test': [{ address: '127.0.0.1', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'mixed.test': [
    { address: '127.0.0.1', family: 4 },
    { address: 'fe80::1', family: 6 },
  ],
};
const fakeResolve = ((
  hostname: string,
  options: { all?: boolean },
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
) => {
  const found = NAMES[hostname];
  if (!found) return callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
  if (options.all) return callback(null, found);
  callback(null, found[0].address, found[0].family);
}) as unknown as typeof lookup;

const resolve = (hostname: string, all: boolean) =>
  new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((done) =>
    checkedLookup(fakeResolve)(hostname, { all }, (error, address) => done({ error, address })),
  );

describe('delivery DNS: link-local and metadata addresses are refused after resolution (decision 0015)', () => {
  it.each([false, true])('passes an allowed address through (all: %s)', async (all) => {
    const { error, address } = await resolve('billing.test', all);
    expect(error).toBeNull();
    expect(address).toEqual(all ? NAMES['billing.test'] : '127.0.0.1');
  });

  it.each([
    ['metadata.test', false, '169.254.169.254'],
    ['metadata.test', true, '169.254.169.254'],
    ['mixed.test', true, 'fe80::1'],
  ])('refuses %s (all: %s): it resolves to %s', async (hostname, all, forbidden) => {
    const { error } = await resolve(hostname, all);
    expect(error).toMatchObject({
      code: 'EDELIVERYADDRESS',
      message: `${hostname} resolves to ${forbidden}, a link-local or cloud metadata address`,
    });
  });

  it('passes resolver errors on', async () => {
    await expect(resolve('nowhere.test', false)).resolves.toMatchObject({
      error: { code: 'ENOTFOUND' },
    });
  });

  describe('on the wire, through undici', () => {
    let server: Server;
    let port: number;
    let agent: Agent;
    let requests = 0;

    beforeAll(async () => {
      server = createServer((_req, res) => {
        requests++;
        res.end('ok');
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      port = (server.address() as AddressInfo).port;
      agent = new Agent({ connect: { lookup: checkedLookup(fakeResolve) } });
    });

    afterAll(async () => {
      await agent.close();
      await new Promise((done) => server.close(done));
    });

    it('connects to a name that resolves to an allowed address', async () => {
      const res = await request(`http://billing.test:${port}/`, { dispatcher: agent });
      await expect(res.body.text()).resolves.toBe('ok');
    });

    it('never connects to a name that resolves to a metadata address', async () => {
      const before = requests;
      await expect(
        request(`http://metadata.test:${port}/`, { dispatcher: agent }),
      ).rejects.toMatchObject({ code: 'EDELIVERYADDRESS' });
      expect(requests).toBe(before);
    });
  });
});
