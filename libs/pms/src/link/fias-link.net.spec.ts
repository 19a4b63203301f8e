import * as net from 'net';
import { FiasFramer } from '../wire/fias-framer';
import { encodeRecord, FiasRecord, parseRecord } from '../wire/fias-record';
import { FiasLink } from './fias-link';
import { FiasLinkOptions, PostingNotAnswered, PostingRequest } from './link-types';

const options = (port: number): FiasLinkOptions => ({
  host: '127.0.0.1',
  port,
  charset: 'cp850',
  answerTimeoutMs: 5_000,
  aliveIntervalMs: 60_000,
  interfaceVersion: '1.0',
  reconnectMinMs: 20,
  reconnectMaxMs: 2_000,
});

const posting = (postingNumber: number): PostingRequest => ({
  postingNumber,
  room: '1012',
  amountMinor: 250,
  dialedDigits: '5550100',
  durationSeconds: 61,
  start: { date: '261207', time: '091500' },
});

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * A PMS reduced to what these specs need: starts the link, answers our LA, answers each PS
 * with OK one byte per write, or (for the P#s in `dropOn`) closes the connection instead.
 */
function pms(dropOn: Set<number>) {
  const connections: net.Socket[] = [];
  const postings: number[] = [];
  const server = net.createServer((socket) => {
    connections.push(socket);
    const framer = new FiasFramer();
    const send = (record: FiasRecord) => socket.write(encodeRecord(record, 'cp850'));
    send({ type: 'LS', fields: { DA: '261207', TI: '093000' } });
    socket.on('data', (chunk) => {
      for (const data of framer.push(chunk).records) {
        const parsed = parseRecord(data, 'cp850');
        if (!parsed.ok) continue;
        const { type, fields } = parsed.record;
        if (type === 'LA') send({ type: 'LA', fields: {} });
        if (type !== 'PS') continue;
        const number = Number(fields['P#']);
        postings.push(number);
        if (dropOn.delete(number)) {
          socket.destroy();
          return;
        }
        const answer = encodeRecord({ type: 'PA', fields: { AS: 'OK', 'P#': fields['P#'] } });
        for (const byte of answer) socket.write(Buffer.from([byte]));
      }
    });
    socket.on('error', () => undefined);
  });
  return { server, connections, postings };
}

describe('FiasLink over TCP', () => {
  it('links, posts, and after the PMS drops the connection mid-posting, links again', async () => {
    const stand = pms(new Set([2]));
    const port = await listen(stand.server);
    const link = new FiasLink(options(port));
    const logs: string[] = [];
    link.on('log', (level, message) => logs.push(`${level} ${message}`));
    try {
      link.start();
      await link.whenReady();
      await expect(link.post(posting(1))).resolves.toMatchObject({ status: 'OK' });
      await expect(link.post(posting(2))).rejects.toEqual(new PostingNotAnswered(2, 'link-down'));
      await link.whenReady();
      expect(stand.connections).toHaveLength(2);
      await expect(link.post(posting(2))).resolves.toMatchObject({ postingNumber: 2 });
      expect(stand.postings).toEqual([1, 2, 2]);
      expect(link.lastHeardAt).not.toBeNull();
    } finally {
      await link.stop();
      await close(stand.server);
    }
    expect(link.state).toBe('down');
    expect(logs).toContainEqual(`warn FIAS 127.0.0.1:${port}: the PMS closed the connection`);
  });

  it('on a closed port: down, a log line naming host:port and ECONNREFUSED, growing retries', async () => {
    const probe = net.createServer();
    const port = await listen(probe);
    await close(probe);
    const link = new FiasLink(options(port), { random: () => 0.5 });
    const logs: string[] = [];
    const delays: number[] = [];
    const threeRetries = new Promise<void>((resolve) => {
      link.on('log', (level, message) => {
        logs.push(`${level} ${message}`);
        const delay = /reconnecting in (\d+) ms/.exec(message);
        if (delay !== null && delays.push(Number(delay[1])) === 3) resolve();
      });
    });
    link.start();
    await threeRetries;
    expect(link.state).toBe('down');
    await link.stop();
    // 20 ms doubling, each drawn from the upper half of its step
    expect(delays).toEqual([15, 30, 60]);
    expect(logs).toContainEqual(
      expect.stringMatching(
        new RegExp(`^error FIAS 127\\.0\\.0\\.1:${port}: connection error: ECONNREFUSED`),
      ),
    );
  });
});
