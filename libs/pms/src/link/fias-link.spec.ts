import { EventEmitter } from 'events';
import { FiasFramer } from '../wire/fias-framer';
import { encodeRecord, FiasRecord, parseRecord, recordText } from '../wire/fias-record';
import { FiasLink } from './fias-link';
import {
  FiasLinkOptions,
  GuestRecord,
  LinkState,
  PostingNotAnswered,
  PostingNotSent,
  PostingRequest,
} from './link-types';

/** A connection the test plays the PMS on: what the link writes is read back as records. */
class FakeSocket extends EventEmitter {
  readonly sent: FiasRecord[] = [];
  destroyed = false;
  private readonly framer = new FiasFramer();

  write(data: Buffer): boolean {
    for (const frame of this.framer.push(data).records) {
      const parsed = parseRecord(frame);
      if (!parsed.ok) throw new Error(parsed.error);
      this.sent.push(parsed.record);
    }
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('close');
  }

  receive(...records: string[]): void {
    this.emit('data', Buffer.concat(records.map((text) => record(text))));
  }

  types(): string[] {
    return this.sent.map((r) => r.type);
  }

  /** The records sent since the last call. */
  take(): string[] {
    return this.sent.splice(0).map(recordText);
  }
}

/** `PA|AS..|P#..|` as a framed record. */
function record(text: string): Buffer {
  const [type, ...parts] = text.split('|').filter((p) => p !== '');
  const fields = Object.fromEntries(parts.map((p) => [p.slice(0, 2), p.slice(2)]));
  return encodeRecord({ type, fields });
}

const START = Date.UTC(2026, 11, 7, 9, 30, 0);
const ANSWER_MS = 30_000;
const ALIVE_MS = 300_000;
const DESCRIPTION = [
  'LD|DA261207|TI093000|V#1.0|IFCA|',
  ...Array<string>(10).fill(expect.stringMatching(/^LR\|RI..\|FL/)),
  'LA|DA261207|TI093000|',
];

function harness(options: Partial<FiasLinkOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const logs: string[] = [];
  const states: LinkState[] = [];
  const guests: GuestRecord[] = [];
  const connects: [string, number][] = [];
  const link = new FiasLink(
    {
      host: 'pms.test',
      port: 5010,
      charset: 'ascii',
      answerTimeoutMs: ANSWER_MS,
      aliveIntervalMs: ALIVE_MS,
      interfaceVersion: '1.0',
      timeZone: 'UTC',
      ...options,
    },
    {
      connect: (host, port) => {
        connects.push([host, port]);
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
      random: () => 0.5,
    },
  );
  link.on('log', (level, message) => logs.push(`${level} ${message}`));
  link.on('state', (state) => states.push(state));
  link.on('guest', (guest) => guests.push(guest));
  const socket = () => sockets[sockets.length - 1];
  /** Connects, the PMS starts the link, answers our LA. */
  const linkUp = () => {
    link.start();
    socket().emit('connect');
    socket().receive('LS|DA261207|TI093000|');
    socket().receive('LA|DA261207|TI093000|');
    expect(link.state).toBe('linked');
    socket().take();
  };
  return { link, sockets, socket, logs, states, guests, connects, linkUp };
}

const posting = (postingNumber: number, room = '1012'): PostingRequest => ({
  postingNumber,
  room,
  amountMinor: 250,
  dialedDigits: '17025550100',
  durationSeconds: 61,
  start: { date: '261207', time: '091500' },
});

describe('FiasLink', () => {
  let h: ReturnType<typeof harness>;

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    h = harness();
  });

  afterEach(async () => {
    await h.link.stop();
    expect(jest.getTimerCount()).toBe(0);
    jest.useRealTimers();
  });

  describe('link start', () => {
    it('answers the PMS LS with LD, one LR per record type and LA; linked on the PMS LA', () => {
      h.link.start();
      expect(h.connects).toEqual([['pms.test', 5010]]);
      expect(h.link.state).toBe('connecting');
      h.socket().emit('connect');
      h.socket().receive('LS|DA261207|TI093000|');
      expect(h.socket().take()).toEqual(DESCRIPTION);
      expect(h.link.state).toBe('connecting');
      h.socket().receive('LA|DA261207|TI093000|');
      expect(h.link.state).toBe('linked');
      expect(h.states).toEqual(['connecting', 'linked']);
      expect(h.link.lastHeardAt).toBe(START);
    });

    it('sends LS itself when the PMS is silent for 3 s, then its description', () => {
      h.link.start();
      h.socket().emit('connect');
      jest.advanceTimersByTime(2_999);
      expect(h.socket().sent).toEqual([]);
      jest.advanceTimersByTime(1);
      const sent = h.socket().take();
      expect(sent.slice(0, 2)).toEqual([
        'LS|DA261207|TI093003|',
        'LD|DA261207|TI093003|V#1.0|IFCA|',
      ]);
      expect(sent.slice(2, 12)).toEqual(DESCRIPTION.slice(1, 11));
      expect(sent.slice(12)).toEqual(['LA|DA261207|TI093003|']);
      h.socket().receive('LA|');
      expect(h.link.state).toBe('linked');
    });

    it('sends the description again when the PMS answers our LS with its own', () => {
      h.link.start();
      h.socket().emit('connect');
      jest.advanceTimersByTime(3_000);
      h.socket().take();
      h.socket().receive('LS|');
      expect(h.socket().types()).toEqual(['LD', ...Array<string>(10).fill('LR'), 'LA']);
      h.socket().receive('LA|');
      expect(h.link.state).toBe('linked');
    });

    it('is not linked without the PMS LA: drops the connection and reconnects', () => {
      h.link.start();
      h.socket().emit('connect');
      h.socket().receive('LS|');
      h.socket().receive('LD|V#9|IFPM|', 'LR|RIGI|FLRNG#|');
      jest.advanceTimersByTime(ANSWER_MS - 1);
      expect(h.link.state).toBe('connecting');
      jest.advanceTimersByTime(1);
      expect(h.socket().destroyed).toBe(true);
      expect(h.link.state).toBe('down');
      expect(h.logs).toContainEqual(expect.stringContaining('no LA from the PMS within 30000 ms'));
      // first reconnect: 1 s with jitter in its upper half, 0.75 s at random() = 0.5
      jest.advanceTimersByTime(749);
      expect(h.sockets).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(h.sockets).toHaveLength(2);
      expect(h.link.state).toBe('connecting');
    });

    it('drops a connection that does not open within the answer timeout', () => {
      h.link.start();
      jest.advanceTimersByTime(ANSWER_MS);
      expect(h.socket().destroyed).toBe(true);
      expect(h.link.state).toBe('down');
    });

    it('refuses a posting before the link stands, without sending it', async () => {
      h.link.start();
      h.socket().emit('connect');
      await expect(h.link.post(posting(1))).rejects.toBeInstanceOf(PostingNotSent);
      await expect(h.link.post(posting(1))).rejects.toThrow('the link is connecting');
      expect(h.socket().sent).toEqual([]);
    });
  });

  describe('alive check', () => {
    it('sends LS after the alive interval of silence; LA back keeps the link', () => {
      h.linkUp();
      jest.advanceTimersByTime(ALIVE_MS - 1);
      expect(h.socket().sent).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(h.socket().take()).toEqual(['LS|DA261207|TI093500|']);
      h.socket().receive('LA|');
      jest.advanceTimersByTime(ANSWER_MS);
      expect(h.link.state).toBe('linked');
      expect(h.socket().destroyed).toBe(false);
      jest.advanceTimersByTime(ALIVE_MS - ANSWER_MS);
      expect(h.socket().types()).toEqual(['LS']);
    });

    it('counts the silence from the last record received', () => {
      h.linkUp();
      jest.advanceTimersByTime(ALIVE_MS - 10);
      h.socket().receive('GI|RN1012|G#1|GNA|');
      jest.advanceTimersByTime(ALIVE_MS - 10);
      expect(h.socket().sent).toEqual([]);
      jest.advanceTimersByTime(10);
      expect(h.socket().types()).toEqual(['LS']);
    });

    it('re-sends the description when the PMS answers LS (it restarted), linked on its LA', () => {
      h.linkUp();
      jest.advanceTimersByTime(ALIVE_MS);
      h.socket().take();
      h.socket().receive('LS|');
      expect(h.link.state).toBe('connecting');
      expect(h.socket().types()).toEqual(['LD', ...Array<string>(10).fill('LR'), 'LA']);
      h.socket().receive('LA|');
      expect(h.link.state).toBe('linked');
      expect(h.sockets).toHaveLength(1);
    });

    it('drops and reconnects when the LS gets no answer', () => {
      h.linkUp();
      jest.advanceTimersByTime(ALIVE_MS + ANSWER_MS - 1);
      expect(h.socket().destroyed).toBe(false);
      jest.advanceTimersByTime(1);
      expect(h.socket().destroyed).toBe(true);
      expect(h.link.state).toBe('down');
      expect(h.logs).toContainEqual(expect.stringContaining('no answer to our alive check'));
      jest.advanceTimersByTime(750);
      expect(h.sockets).toHaveLength(2);
    });
  });

  describe('LE', () => {
    it('stops sending, fails the posting in flight as link-down, reconnects later', async () => {
      h.linkUp();
      const answer = h.link.post(posting(7));
      h.socket().take();
      h.socket().receive('LE|');
      await expect(answer).rejects.toEqual(new PostingNotAnswered(7, 'link-down'));
      expect(h.socket().destroyed).toBe(true);
      expect(h.socket().sent).toEqual([]);
      expect(h.link.state).toBe('down');
      expect(h.logs).toContainEqual('log FIAS pms.test:5010: the PMS ended the link (LE)');
      jest.advanceTimersByTime(750);
      expect(h.sockets).toHaveLength(2);
    });
  });

  describe('postings', () => {
    it('sends the PS and resolves with the PA of its P#, ignoring a PA of another', async () => {
      h.linkUp();
      const answer = h.link.post(posting(12));
      expect(h.socket().take()).toEqual([
        'PS|RN1012|PTC|TA250|DD17025550100|DU000101|DA261207|TI091500|P#12|',
      ]);
      await expect(h.link.post(posting(13))).rejects.toThrow('P#12 is in flight');
      h.socket().receive('PA|ASOK|P#11|RN1012|');
      expect(h.logs).toContainEqual(expect.stringContaining('PA for P#11 (OK) ignored'));
      h.socket().receive('PA|ASOK|P#12|RN9999|DA261207|TI093001|');
      await expect(answer).resolves.toMatchObject({
        postingNumber: 12,
        status: 'OK',
        room: '9999',
      });
      await expect(h.link.whenReady()).resolves.toBeUndefined();
    });

    it('logs and ignores a PA with no posting in flight, or one without P#', () => {
      h.linkUp();
      h.socket().receive('PA|ASOK|P#5|', 'PA|ASOK|');
      expect(h.logs).toContainEqual(
        expect.stringContaining('PA for P#5 (OK) ignored: in flight none'),
      );
      expect(h.logs).toContainEqual(expect.stringContaining('PA ignored: PA without P#'));
      expect(h.link.state).toBe('linked');
    });

    it('rejects as timeout when no PA comes, then drops and reconnects (the link is suspect)', async () => {
      h.linkUp();
      const answer = h.link.post(posting(21));
      jest.advanceTimersByTime(ANSWER_MS);
      await expect(answer).rejects.toEqual(new PostingNotAnswered(21, 'timeout'));
      expect(h.socket().destroyed).toBe(true);
      expect(h.link.state).toBe('down');
      jest.advanceTimersByTime(750);
      expect(h.sockets).toHaveLength(2);
      // a late PA on the old connection changes nothing
      h.sockets[0].receive('PA|ASOK|P#21|');
      expect(h.link.state).toBe('connecting');
    });

    it('rejects as link-down when the connection closes first', async () => {
      h.linkUp();
      const answer = h.link.post(posting(22));
      h.socket().destroy();
      await expect(answer).rejects.toEqual(new PostingNotAnswered(22, 'link-down'));
      expect(h.link.state).toBe('down');
    });

    it('rejects a request it cannot write, and stays ready', async () => {
      h.linkUp();
      await expect(h.link.post(posting(0))).rejects.toThrow('P# 0');
      expect(h.socket().sent).toEqual([]);
      await expect(h.link.whenReady()).resolves.toBeUndefined();
    });

    it('lets the owner wait until a posting may go, or give up with a signal', async () => {
      h.link.start();
      const ready = h.link.whenReady();
      const controller = new AbortController();
      const abandoned = h.link.whenReady(controller.signal);
      controller.abort(new Error('shutting down'));
      await expect(abandoned).rejects.toThrow('shutting down');
      h.socket().emit('connect');
      h.socket().receive('LS|', 'LA|');
      await expect(ready).resolves.toBeUndefined();
    });
  });

  describe('resync', () => {
    it('sends DR; between DS and DE the state is resync, guests carry resync and postings wait', async () => {
      h.linkUp();
      const events: string[] = [];
      h.link.on('resync-start', () => events.push('start'));
      h.link.on('resync-end', () => events.push('end'));
      expect(h.link.requestResync()).toBe(true);
      expect(h.socket().take()).toEqual(['DR|DA261207|TI093000|']);
      h.socket().receive('DS|');
      expect(h.link.state).toBe('resync');
      await expect(h.link.post(posting(3))).rejects.toThrow('a database resync is running');
      expect(h.link.requestResync()).toBe(false);
      const ready = h.link.whenReady();
      h.socket().receive('GI|RN1012|G#1|GNA|SFN|', 'GI|RN1014|G#2|GNB|GSY|');
      h.socket().receive('DE|');
      await expect(ready).resolves.toBeUndefined();
      h.socket().receive('GI|RN1016|G#3|GNC|');
      expect(events).toEqual(['start', 'end']);
      expect(h.guests.map((g) => [g.room, g.sharer, g.resync])).toEqual([
        ['1012', false, true],
        ['1014', true, true],
        ['1016', false, false],
      ]);
      expect(h.states).toEqual(['connecting', 'linked', 'resync', 'linked']);
      expect(h.socket().sent).toEqual([]);
    });

    it('asks for no resync when not linked', () => {
      h.link.start();
      expect(h.link.requestResync()).toBe(false);
      expect(h.logs).toContainEqual(
        expect.stringContaining('not requested: the link is connecting'),
      );
    });

    it('passes on check-outs and room moves, and logs a guest record it cannot read', () => {
      h.linkUp();
      h.socket().receive('GO|RN1012|G#1|DA261207|TI110000|', 'GC|RN1014|G#1|RO1012|', 'GI|GNX|');
      expect(h.guests.map((g) => [g.kind, g.room, g.oldRoom])).toEqual([
        ['check-out', '1012', null],
        ['guest-change', '1014', '1012'],
      ]);
      expect(h.logs).toContainEqual(
        expect.stringContaining('guest record ignored: GI without RN, G#'),
      );
    });
  });

  describe('night audit', () => {
    it('pauses postings from NS to NE', async () => {
      h.linkUp();
      h.socket().receive('NS|DA261207|TI020000|');
      expect(h.link.state).toBe('night-audit');
      await expect(h.link.post(posting(4))).rejects.toThrow('night audit');
      h.socket().receive('NE|');
      expect(h.link.state).toBe('linked');
      expect(h.states).toEqual(['connecting', 'linked', 'night-audit', 'linked']);
    });

    it('enters the night audit on a PA with NA, and leaves it on a later LA', async () => {
      h.linkUp();
      const answer = h.link.post(posting(8));
      h.socket().receive('PA|ASNA|P#8|');
      await expect(answer).resolves.toMatchObject({ postingNumber: 8, status: 'NA' });
      expect(h.link.state).toBe('night-audit');
      let ready = false;
      void h.link.whenReady().then(() => (ready = true));
      jest.advanceTimersByTime(ALIVE_MS);
      await Promise.resolve();
      expect(ready).toBe(false);
      expect(h.socket().types()).toEqual(['PS', 'LS']);
      h.socket().receive('LA|');
      await Promise.resolve();
      expect(ready).toBe(true);
      expect(h.link.state).toBe('linked');
    });
  });

  describe('bad input', () => {
    it('logs garbage, oversized records, unknown types and unexpected LRs, and carries on', () => {
      h.linkUp();
      const oversized = Buffer.concat([
        Buffer.from([0x02]),
        Buffer.alloc(64 * 1024 + 1, 0x41),
        Buffer.from([0x03]),
      ]);
      h.socket().emit('data', Buffer.from('\r\nhello'));
      h.socket().emit('data', oversized);
      h.socket().emit('data', Buffer.from('\x02|no id|\x03'));
      h.socket().receive('ZZ|AB1|', 'LR|RIWR|FLRNDATI|');
      h.socket().receive('LA|');
      expect(h.logs.filter((line) => line.startsWith('warn') || line.startsWith('log '))).toEqual(
        expect.arrayContaining([
          'warn FIAS pms.test:5010: skipped 7 byte(s) outside STX…ETX',
          'warn FIAS pms.test:5010: dropped 1 record(s) over 65536 bytes',
          'warn FIAS pms.test:5010: unreadable record ignored: no record id at the start of "|no id|"',
          'warn FIAS pms.test:5010: unknown record type "ZZ" ignored',
          'log FIAS pms.test:5010: LR for "WR", a record this link does not use: ignored',
        ]),
      );
      expect(h.link.state).toBe('linked');
      expect(h.socket().destroyed).toBe(false);
    });

    it('reads records split across reads and several in one read', async () => {
      h.link.start();
      h.socket().emit('connect');
      const bytes = Buffer.concat([record('LS|'), record('LA|')]);
      for (const byte of bytes) h.socket().emit('data', Buffer.from([byte]));
      expect(h.link.state).toBe('linked');
      const answer = h.link.post(posting(9));
      h.socket().emit('data', Buffer.concat([record('PA|ASRY|P#9|'), record('GI|RN1|G#1|')]));
      await expect(answer).resolves.toMatchObject({ status: 'RY' });
      expect(h.guests).toHaveLength(1);
    });
  });

  describe('reconnect', () => {
    const refused = () => {
      const error = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:5010'), {
        code: 'ECONNREFUSED',
      });
      h.socket().emit('error', error);
    };
    const delays = () =>
      h.logs.flatMap((line) => /reconnecting in (\d+) ms/.exec(line)?.[1] ?? []).map(Number);

    it('backs off from 1 s doubling to 60 s, each delay in the upper half of its step', () => {
      h.link.start();
      for (let attempt = 0; attempt < 9; attempt++) {
        refused();
        jest.advanceTimersByTime(delays()[attempt]);
        expect(h.sockets).toHaveLength(attempt + 2);
      }
      expect(delays()).toEqual([750, 1500, 3000, 6000, 12000, 24000, 45000, 45000, 45000]);
      expect(h.logs).toContainEqual(
        'error FIAS pms.test:5010: connection error: ECONNREFUSED (connect ECONNREFUSED 10.0.0.1:5010)',
      );
    });

    it('starts from the first delay again after a link that stood', () => {
      h.link.start();
      refused();
      jest.advanceTimersByTime(750);
      refused();
      jest.advanceTimersByTime(1500);
      h.socket().emit('connect');
      h.socket().receive('LS|', 'LA|');
      jest.advanceTimersByTime(40_000);
      h.socket().receive('LE|');
      expect(delays()).toEqual([750, 1500, 750]);
    });
  });

  describe('stop', () => {
    it('closes the socket, sends nothing, clears its timers, fails what waits', async () => {
      h.linkUp();
      const answer = h.link.post(posting(30));
      h.socket().take();
      await h.link.stop();
      await expect(answer).rejects.toEqual(new PostingNotAnswered(30, 'stopped'));
      await expect(h.link.whenReady()).rejects.toThrow('not started');
      expect(h.socket().destroyed).toBe(true);
      expect(h.socket().sent).toEqual([]);
      expect(h.link.state).toBe('down');
      expect(jest.getTimerCount()).toBe(0);
      jest.advanceTimersByTime(10 * ALIVE_MS);
      expect(h.sockets).toHaveLength(1);
    });

    it('cancels a scheduled reconnect and rejects a waiting whenReady', async () => {
      h.link.start();
      h.socket().destroy();
      const ready = h.link.whenReady();
      await h.link.stop();
      await expect(ready).rejects.toThrow('stopped');
      jest.advanceTimersByTime(60_000);
      expect(h.sockets).toHaveLength(1);
    });
  });
});
