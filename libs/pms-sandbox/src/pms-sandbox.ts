import { EventEmitter } from 'node:events';
import net from 'node:net';
import {
  decodeText,
  encodeRecord,
  FiasCharset,
  FiasFramer,
  FiasRecord,
  isFiasCharset,
  parseRecord,
  preview,
  recordText,
} from '@app/pms';
import { DEFAULT_TIMEZONE, isKnownTimeZone, SANDBOX_AGENTS } from '@app/xima-sandbox';
import { DAY_MS, HotelClock } from './hotel-clock';
import { Guest, Hotel, HotelError, StaySegment } from './hotel';
import { HotelEvent, Random, scriptHotel, seeded } from './hotel-script';
import { PmsFaults, SplitMode } from './pms-faults';
import { checkPosting, PostingFields } from './posting-check';

export const DEFAULT_PMS_SANDBOX_SEED = 'pms-sandbox';
export const DEFAULT_SCRIPT_DAYS = 7;

/** The Xima sandbox's guest rooms (1001–1940): the hotel's rooms by default. */
export const SANDBOX_ROOMS: readonly string[] = SANDBOX_AGENTS.filter(
  (agent) => agent.role === 'room',
).map((agent) => agent.extension);

export interface PmsSandboxOptions {
  /** Interface to bind; default '127.0.0.1'. */
  host?: string;
  /** Default 0: an ephemeral port (read it from PmsSandbox.port). */
  port?: number;
  /** The link's charset; default 'ascii'. */
  charset?: FiasCharset;
  /** Seed of the scripted hotel; default 'pms-sandbox'. */
  seed?: string;
  /** The hotel's rooms; default the Xima sandbox's 1001–1940. */
  rooms?: readonly string[];
  /** The hotel's IANA zone, in which `DA`/`TI` are read and written; default 'America/Denver'. */
  timezone?: string;
  /** The clock (ms since the epoch); default Date.now. */
  now?: () => number;
  /**
   * Days of scripted hotel before and after the start (default 7): the past is the hotel as the
   * link finds it, the future is played as its time comes. 0: an empty hotel, driven by calls.
   */
  scriptDays?: number;
  /** Share of vacant rooms taken each afternoon by the script, 0 to 1; default 0.7. */
  occupancy?: number;
  /** Accept postings for a guest who has checked out (a late charge); default false: `NG`. */
  lateCharges?: boolean;
  /** Wait this long before each `PA`; default 0. */
  answerDelayMs?: number;
  /** Send `LS` as soon as a client connects (default true); false: wait for the client's `LS`. */
  linkStartFirst?: boolean;
  faults?: PmsFaults;
  /** One line per connection, record and fault. */
  logger?: (line: string) => void;
}

export class PmsSandboxOptionsError extends Error {
  override name = 'PmsSandboxOptionsError';
}

/** A posting the sandbox accepted (`PA` `OK`), with the reservation it went to. */
export interface AcceptedPosting extends Omit<PostingFields, 'reservation'> {
  readonly reservation: string;
  readonly guestName: string;
  readonly acceptedAt: number;
}

/** A `PS` whose `P#` had been accepted already: answered `OK`, not posted again. */
export interface DuplicatePosting {
  readonly postingNumber: number;
  readonly at: number;
  /** Whether room, amount, digits, duration and start were those of the first. */
  readonly sameContent: boolean;
}

export interface ReceivedRecord {
  readonly at: number;
  /** Which connection (1, 2, ...) it came on. */
  readonly connection: number;
  /** Null when the data did not parse as a record. */
  readonly record: FiasRecord | null;
  readonly text: string;
}

export interface SentRecord {
  readonly at: number;
  readonly connection: number;
  readonly record: FiasRecord;
}

/** What the hotel shows to tests: who is in which room, and every stay so far. */
export type HotelView = Pick<
  Hotel,
  | 'rooms'
  | 'hasRoom'
  | 'guest'
  | 'inHouse'
  | 'guestsIn'
  | 'isOccupied'
  | 'stays'
  | 'currentStay'
  | 'holderAt'
>;

export interface PmsSandboxEvents {
  connection: [connection: number];
  disconnect: [connection: number];
  linked: [connection: number];
  received: [received: ReceivedRecord];
  sent: [sent: SentRecord];
}

export interface CheckInOptions {
  reservation?: string;
  name?: string;
  sharer?: boolean;
  /** Default now. */
  at?: number;
  /** Expected departure; default a day after `at`. */
  departsAt?: number;
  language?: string;
}

interface Link {
  readonly id: number;
  readonly socket: net.Socket;
  readonly framer: FiasFramer;
  state: 'starting' | 'linked';
  readonly outbox: Array<Buffer | 'close'>;
  pumping: boolean;
  mergeScheduled: boolean;
  closed: boolean;
  readonly timers: Set<NodeJS.Timeout>;
}

// Junk a line or a modem leaves between records: never STX, so it cannot open a record.
const NOISE = [
  Buffer.from('\r\n'),
  Buffer.from([0xff, 0x00]),
  Buffer.from('xx'),
  Buffer.from([0x03]),
];

/**
 * A stand-in PMS: the server side of a FIAS link on TCP, with a scripted hotel, the PMS's
 * answers to postings, an accounting of every posting, and faults on demand. Start it with
 * startPmsSandbox; see docs/pms-sandbox.md.
 */
export class PmsSandbox extends EventEmitter<PmsSandboxEvents> {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly hotelState: Hotel;
  private readonly clock: HotelClock;
  private readonly now: () => number;
  private readonly charset: FiasCharset;
  private readonly logger: ((line: string) => void) | undefined;
  private readonly linkStartFirst: boolean;
  private lateCharges: boolean;
  private readonly script: HotelEvent[];
  private scriptIndex = 0;
  private scriptTimer: NodeJS.Timeout | null = null;
  private readonly cuts: Random;

  private current: Link | null = null;
  private connectionCount = 0;
  private closing = false;

  private readonly accepted = new Map<number, AcceptedPosting>();
  private readonly counts = new Map<number, number>();
  private readonly duplicateList: DuplicatePosting[] = [];
  private readonly receivedList: ReceivedRecord[] = [];
  private readonly sentList: SentRecord[] = [];

  private readonly roomAnswers = new Map<string, string>();
  private retries = 0;
  private swallows: boolean[] = [];
  private dropsBefore: boolean[] = [];
  private dropsAfter = 0;
  private restartPending = false;
  private nightAudit = false;
  private nightAuditTimer: NodeJS.Timeout | null = null;
  private nightAuditAtLink: number | null = null;
  private split: SplitMode | null = null;
  private merge = false;
  private noise = false;
  private noiseIndex = 0;
  private answerDelayMs: number;

  host = '';
  port = 0;

  /** Use startPmsSandbox. */
  constructor(options: PmsSandboxOptions = {}) {
    super();
    const charset = options.charset ?? 'ascii';
    if (!isFiasCharset(charset)) {
      throw new PmsSandboxOptionsError(`unknown charset "${String(charset)}"`);
    }
    const timezone = options.timezone ?? DEFAULT_TIMEZONE;
    if (!isKnownTimeZone(timezone)) throw new PmsSandboxOptionsError(`unknown zone "${timezone}"`);
    const scriptDays = options.scriptDays ?? DEFAULT_SCRIPT_DAYS;
    if (!Number.isInteger(scriptDays) || scriptDays < 0 || scriptDays > 366) {
      throw new PmsSandboxOptionsError(`scriptDays must be 0 to 366, got ${scriptDays}`);
    }
    const occupancy = options.occupancy ?? 0.7;
    if (!(occupancy >= 0 && occupancy <= 1)) {
      throw new PmsSandboxOptionsError(`occupancy must be 0 to 1, got ${occupancy}`);
    }
    const rooms = options.rooms ?? SANDBOX_ROOMS;
    if (rooms.length === 0) throw new PmsSandboxOptionsError('rooms must not be empty');
    this.charset = charset;
    this.clock = new HotelClock(timezone);
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
    this.linkStartFirst = options.linkStartFirst ?? true;
    this.lateCharges = options.lateCharges ?? false;
    this.answerDelayMs = this.checkDelay(options.answerDelayMs ?? 0);
    const seed = options.seed ?? DEFAULT_PMS_SANDBOX_SEED;
    this.cuts = seeded(seed, 'cuts');
    const now = this.now();
    this.script =
      scriptDays === 0
        ? []
        : scriptHotel({
            seed,
            rooms,
            clock: this.clock,
            fromMs: now - scriptDays * DAY_MS,
            toMs: now + scriptDays * DAY_MS,
            occupancy,
          });
    const lastScripted = this.script.reduce(
      (max, event) => (event.kind === 'check-in' ? Math.max(max, Number(event.reservation)) : max),
      0,
    );
    this.hotelState = new Hotel(rooms, lastScripted > 0 ? lastScripted + 1 : 100_001);
    this.playDue(false);
    this.applyFaults(options.faults ?? {});
  }

  /** Listens; resolves once bound. Use startPmsSandbox rather than this. */
  async listen(host: string, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as net.AddressInfo;
    this.host = host;
    this.port = address.port;
    this.server.on('error', (error) => this.log(`server error: ${error.message}`));
    this.scheduleScript();
  }

  /** `host:port`, for a log line or a link's settings. */
  get address(): string {
    return `${this.host}:${this.port}`;
  }

  get hotel(): HotelView {
    return this.hotelState;
  }

  /** A client is connected. */
  get connected(): boolean {
    return this.current !== null;
  }

  /** The connected client finished the link start (its `LA` answered). */
  get linked(): boolean {
    return this.current?.state === 'linked';
  }

  /** Connections accepted so far. */
  get connections(): number {
    return this.connectionCount;
  }

  get nightAuditRunning(): boolean {
    return this.nightAudit;
  }

  // --- accounting ---

  /** Every accepted posting, in the order accepted (each `P#` once). */
  postings(): AcceptedPosting[] {
    return [...this.accepted.values()];
  }

  posting(postingNumber: number): AcceptedPosting | undefined {
    return this.accepted.get(postingNumber);
  }

  /** How many `PS` came with this `P#` (accepted or not, duplicates included). */
  psCount(postingNumber: number): number {
    return this.counts.get(postingNumber) ?? 0;
  }

  /** `PS` received per `P#`. */
  psCounts(): ReadonlyMap<number, number> {
    return this.counts;
  }

  get duplicates(): readonly DuplicatePosting[] {
    return this.duplicateList;
  }

  /** Every record received, in order, on every connection. */
  get received(): readonly ReceivedRecord[] {
    return this.receivedList;
  }

  /** Every record sent, in order, on every connection. */
  get sent(): readonly SentRecord[] {
    return this.sentList;
  }

  /** The next received record of this type (or one already received after `since` records). */
  waitForRecord(
    type: string,
    timeoutMs = 5000,
    since = this.receivedList.length,
  ): Promise<ReceivedRecord> {
    const seen = this.receivedList.slice(since).find((r) => r.record?.type === type);
    if (seen) return Promise.resolve(seen);
    return this.waitFor('received', (r) => r.record?.type === type, timeoutMs, `${type} record`);
  }

  /** Whether postings for a guest who has checked out are taken (late charges) from now on. */
  acceptLateCharges(on = true): void {
    this.lateCharges = on;
  }

  /** Resolves when a client is linked (at once if one is). */
  waitForLinked(timeoutMs = 5000): Promise<void> {
    if (this.linked) return Promise.resolve();
    return this.waitFor('linked', () => true, timeoutMs, 'the link start').then(() => undefined);
  }

  // --- the hotel ---

  /** Checks a guest in and sends its `GI`; throws HotelError when the hotel cannot. */
  checkIn(room: string, options: CheckInOptions = {}): Guest {
    const guest = this.hotelState.checkIn({ room, ...options, at: options.at ?? this.now() });
    this.sendGuest('GI', guest, guest.inRoomSince);
    return guest;
  }

  /** Checks out a reservation, or every guest of a room, and sends a `GO` for each. */
  checkOut(roomOrReservation: string, at = this.now()): Guest[] {
    const leaving = this.hotelState.checkOut(roomOrReservation, at);
    for (const guest of leaving) this.sendGuest('GO', guest, at);
    return leaving;
  }

  /** Moves a reservation to another room and sends a `GC` with `RO` (the old room). */
  move(reservation: string, toRoom: string, at = this.now()): Guest {
    const { guest, fromRoom } = this.hotelState.move(reservation, toRoom, at);
    this.sendGuest('GC', guest, at, fromRoom);
    return guest;
  }

  /** Plays every scripted event whose time has come (a timer does this too). */
  playDue(send = true): number {
    let played = 0;
    const now = this.now();
    while (this.scriptIndex < this.script.length && this.script[this.scriptIndex].at <= now) {
      const event = this.script[this.scriptIndex++];
      played++;
      try {
        this.playEvent(event, send);
      } catch (error) {
        if (!(error instanceof HotelError)) throw error;
        this.log(`scripted ${event.kind} skipped: ${error.message}`);
      }
    }
    return played;
  }

  /** Sends a database resync: `DS`, a `GI` with `SF` per guest in house, `DE`. */
  resync(): void {
    const link = this.linkedLink('resync');
    if (!link) return;
    this.send(link, this.stamped('DS'));
    for (const guest of this.hotelState.inHouse()) {
      this.send(link, this.guestRecord('GI', guest, guest.inRoomSince, null, true));
    }
    this.send(link, this.stamped('DE'));
  }

  // --- faults ---

  /** Answer postings to this room with `status` (`NG`, `NP`, `UR`, ...); null ends it. */
  failRoom(room: string, status: string | null = 'NG'): void {
    if (status === null) this.roomAnswers.delete(room);
    else this.roomAnswers.set(room, status);
  }

  /** Answer the next n postings `RY`. */
  retryNext(n = 1): void {
    this.retries += n;
  }

  /** Send no `PA` for the next n postings; `post` false: do not post them either. */
  swallowNext(n = 1, { post = true } = {}): void {
    for (let i = 0; i < n; i++) this.swallows.push(post);
  }

  /** Drop the connection instead of answering the next n postings (`post` as for swallowNext). */
  dropBeforeAnswer(n = 1, { post = true } = {}): void {
    for (let i = 0; i < n; i++) this.dropsBefore.push(post);
  }

  /** Drop the connection right after answering the next n postings. */
  dropAfterAnswer(n = 1): void {
    this.dropsAfter += n;
  }

  /** Sends `NS`, answers `NA` to every posting until endNightAudit (or `durationMs` passes). */
  startNightAudit({ durationMs }: { durationMs?: number } = {}): void {
    if (!this.nightAudit) {
      this.nightAudit = true;
      const link = this.current?.state === 'linked' ? this.current : null;
      if (link) this.send(link, this.stamped('NS'));
      this.log('night audit started');
    }
    if (this.nightAuditTimer) clearTimeout(this.nightAuditTimer);
    this.nightAuditTimer =
      durationMs === undefined ? null : setTimeout(() => this.endNightAudit(), durationMs);
  }

  /** Sends `NE`: postings are answered again. */
  endNightAudit(): void {
    if (this.nightAuditTimer) clearTimeout(this.nightAuditTimer);
    this.nightAuditTimer = null;
    if (!this.nightAudit) return;
    this.nightAudit = false;
    const link = this.current?.state === 'linked' ? this.current : null;
    if (link) this.send(link, this.stamped('NE'));
    this.log('night audit ended');
  }

  /** Sends `LE` (the PMS ends the link) and closes the connection. */
  sendLinkEnd(): void {
    const link = this.current;
    if (!link) return;
    this.send(link, this.stamped('LE'));
    this.enqueue(link, 'close');
  }

  /** The PMS "restarts": the client's next `LS` is answered `LS`, and the link starts again. */
  pretendRestart(): void {
    this.restartPending = true;
  }

  /** Drops the connection now. */
  dropConnection(): void {
    if (this.current) this.dropLink(this.current, 'dropped on demand');
  }

  /** Cut each record written into single bytes or random pieces (each its own write); null: whole. */
  splitWrites(mode: SplitMode | null): void {
    this.split = mode;
  }

  /** Write the records of one turn (a resync, a burst of guest records) in one write. */
  mergeWrites(on = true): void {
    this.merge = on;
  }

  /** Write junk bytes between records. */
  sendNoise(on = true): void {
    this.noise = on;
  }

  setAnswerDelay(ms: number): void {
    this.answerDelayMs = this.checkDelay(ms);
  }

  /** Sends any record as it is: for record types and fields the sandbox does not script. */
  sendRecord(record: FiasRecord): void {
    if (this.current) this.send(this.current, record);
  }

  /** Writes raw bytes (garbage, an oversized record) to the client. */
  sendRaw(bytes: Buffer): void {
    if (this.current) this.enqueue(this.current, bytes);
  }

  /**
   * The PMS's interface restarts: the client is dropped, the port is closed for `downMs`, then
   * listened on again. The hotel, the postings and every count are kept, as a PMS keeps them.
   */
  async restart({ downMs = 0 }: { downMs?: number } = {}): Promise<void> {
    if (this.current) this.dropLink(this.current, 'the PMS restarts');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.log(`restarting: port ${this.port} closed for ${downMs} ms`);
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    if (this.closing) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, this.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.log(`restarted on ${this.address}`);
  }

  /** Stops listening and drops the client. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.scriptTimer) clearTimeout(this.scriptTimer);
    if (this.nightAuditTimer) clearTimeout(this.nightAuditTimer);
    if (this.current) this.dropLink(this.current, 'sandbox closing');
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- connections ---

  private accept(socket: net.Socket): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const link: Link = {
      id: ++this.connectionCount,
      socket,
      framer: new FiasFramer(),
      state: 'starting',
      outbox: [],
      pumping: false,
      mergeScheduled: false,
      closed: false,
      timers: new Set(),
    };
    if (this.current) {
      this.log(`#${link.id} takes the port: dropping #${this.current.id}`);
      this.dropLink(this.current, 'a new client took the port');
    }
    this.current = link;
    this.restartPending = false;
    this.log(`#${link.id} connected from ${socket.remoteAddress}:${socket.remotePort}`);
    socket.on('data', (chunk: Buffer) => this.read(link, chunk));
    socket.on('error', (error) => this.log(`#${link.id} socket error: ${error.message}`));
    socket.on('close', () => this.dropLink(link, 'the client closed the connection'));
    this.emit('connection', link.id);
    if (this.linkStartFirst) this.send(link, this.stamped('LS'));
  }

  private dropLink(link: Link, reason: string): void {
    if (link.closed) return;
    link.closed = true;
    for (const timer of link.timers) clearTimeout(timer);
    link.timers.clear();
    link.socket.destroy();
    if (this.current === link) this.current = null;
    this.log(`#${link.id} closed: ${reason}`);
    this.emit('disconnect', link.id);
  }

  private read(link: Link, chunk: Buffer): void {
    if (link.closed) return;
    const frames = link.framer.push(chunk);
    if (frames.noiseBytes > 0) this.log(`#${link.id} skipped ${frames.noiseBytes} noise bytes`);
    if (frames.oversized > 0) this.log(`#${link.id} dropped ${frames.oversized} oversized records`);
    for (const data of frames.records) {
      if (link.closed) return;
      const parsed = parseRecord(data, this.charset);
      const received: ReceivedRecord = {
        at: this.now(),
        connection: link.id,
        record: parsed.ok ? parsed.record : null,
        text: parsed.ok ? decodeText(data, this.charset) : parsed.text,
      };
      this.receivedList.push(received);
      this.log(`#${link.id} <- ${preview(received.text)}`);
      this.emit('received', received);
      if (parsed.ok) this.handle(link, parsed.record);
      else this.log(`#${link.id} not a record: ${parsed.error}`);
    }
  }

  private handle(link: Link, record: FiasRecord): void {
    switch (record.type) {
      case 'LS':
        if (link.state === 'linked' && !this.restartPending) {
          this.send(link, this.stamped('LA'));
        } else {
          this.restartPending = false;
          link.state = 'starting';
          this.send(link, this.stamped('LS'));
        }
        return;
      case 'LD':
      case 'LR':
        return;
      case 'LA':
        if (link.state === 'starting') this.linkUp(link);
        return;
      case 'LE':
        link.state = 'starting';
        this.log(`#${link.id} the client ended the link`);
        return;
      case 'PS':
        if (link.state !== 'linked') {
          this.log(`#${link.id} PS before the link start: not answered`);
          return;
        }
        this.post(link, record);
        return;
      case 'DR':
        if (link.state === 'linked') this.resync();
        else this.log(`#${link.id} DR before the link start: ignored`);
        return;
      default:
        this.log(`#${link.id} ${record.type}: not a record the sandbox takes, ignored`);
    }
  }

  private linkUp(link: Link): void {
    link.state = 'linked';
    this.send(link, this.stamped('LA'));
    if (this.nightAudit) this.send(link, this.stamped('NS'));
    this.log(`#${link.id} linked`);
    this.emit('linked', link.id);
    if (this.nightAuditAtLink !== null) {
      const durationMs = this.nightAuditAtLink;
      this.nightAuditAtLink = null;
      this.startNightAudit(durationMs > 0 ? { durationMs } : {});
    }
  }

  // --- postings ---

  private post(link: Link, ps: FiasRecord): void {
    const numberText = ps.fields['P#'] ?? '';
    const number = /^\d{1,8}$/.test(numberText) ? Number(numberText) : null;
    if (number !== null) this.counts.set(number, (this.counts.get(number) ?? 0) + 1);
    const check = checkPosting(ps.fields, this.clock);
    if (!check.ok) {
      this.answer(link, { AS: 'UR', 'P#': numberText, RN: ps.fields.RN ?? '', CT: check.problem });
      return;
    }
    const posting = check.posting;
    const pa = (status: string, clearText?: string) => ({
      AS: status,
      'P#': String(posting.postingNumber),
      RN: posting.room,
      ...(clearText ? { CT: clearText.slice(0, 20) } : {}),
    });
    if (this.nightAudit) {
      this.answer(link, pa('NA', 'night audit'));
      return;
    }
    if (this.swallows.length > 0) {
      if (this.swallows.shift()) this.decideAndRecord(posting);
      this.log(`#${link.id} P#${posting.postingNumber}: no answer (fault)`);
      return;
    }
    if (this.dropsBefore.length > 0) {
      if (this.dropsBefore.shift()) this.decideAndRecord(posting);
      this.enqueue(link, 'close');
      this.log(`#${link.id} P#${posting.postingNumber}: dropping before the answer (fault)`);
      return;
    }
    if (this.retries > 0) {
      this.retries--;
      this.answer(link, pa('RY', 'busy, retry'));
      return;
    }
    const decision = this.decideAndRecord(posting);
    const dropAfter = this.dropsAfter > 0;
    if (dropAfter) this.dropsAfter--;
    this.answer(link, pa(decision.status, decision.clearText), dropAfter);
  }

  /** The PMS's answer to a well-formed posting; an `OK` is recorded once per `P#`. */
  private decideAndRecord(posting: PostingFields): { status: string; clearText?: string } {
    const first = this.accepted.get(posting.postingNumber);
    if (first) {
      this.duplicateList.push({
        postingNumber: posting.postingNumber,
        at: this.now(),
        sameContent:
          first.room === posting.room &&
          first.amountMinor === posting.amountMinor &&
          first.dialedDigits === posting.dialedDigits &&
          first.duration === posting.duration &&
          first.date === posting.date &&
          first.time === posting.time,
      });
      return { status: 'OK', clearText: 'duplicate P#' };
    }
    const fault = this.roomAnswers.get(posting.room);
    if (fault) return { status: fault, clearText: `room ${posting.room} ${fault}` };
    if (!this.hotelState.hasRoom(posting.room)) return { status: 'NG', clearText: 'unknown room' };
    const stay = this.stayFor(posting);
    if (typeof stay === 'string') return { status: 'NG', clearText: stay };
    const { reservation, ...fields } = posting;
    void reservation;
    this.accepted.set(posting.postingNumber, {
      ...fields,
      reservation: stay.reservation,
      guestName: stay.guestName,
      acceptedAt: this.now(),
    });
    return { status: 'OK' };
  }

  /** The stay a posting goes to, or why there is none. */
  private stayFor(posting: PostingFields): StaySegment | string {
    const hotel = this.hotelState;
    const holder = hotel.holderAt(posting.room, posting.startMs);
    let stay: StaySegment | null = holder;
    if (posting.reservation !== null) {
      const current = hotel.currentStay(posting.reservation);
      if (current?.room === posting.room) stay = current;
      else if (holder?.reservation !== posting.reservation) return 'G# not in room';
    }
    if (!stay) return 'room vacant';
    if (!hotel.guest(stay.reservation) && !this.lateCharges) return 'guest checked out';
    return stay;
  }

  private answer(link: Link, fields: Record<string, string>, dropAfter = false): void {
    const record: FiasRecord = {
      type: 'PA',
      fields: { ...fields, ...this.clock.fields(this.now()) },
    };
    const write = () => {
      this.send(link, record);
      if (dropAfter) {
        this.log(`#${link.id} dropping after the answer (fault)`);
        this.enqueue(link, 'close');
      }
    };
    if (this.answerDelayMs === 0) {
      write();
      return;
    }
    const timer = setTimeout(() => {
      link.timers.delete(timer);
      write();
    }, this.answerDelayMs);
    link.timers.add(timer);
  }

  // --- writing ---

  private send(link: Link, record: FiasRecord): void {
    if (link.closed) return;
    const bytes = encodeRecord(record, this.charset);
    const sent: SentRecord = { at: this.now(), connection: link.id, record };
    this.sentList.push(sent);
    this.log(`#${link.id} -> ${preview(recordText(record))}`);
    this.emit('sent', sent);
    this.enqueue(link, bytes);
  }

  private enqueue(link: Link, item: Buffer | 'close'): void {
    if (link.closed) return;
    link.outbox.push(item);
    if (!this.merge) {
      void this.pump(link);
      return;
    }
    if (link.mergeScheduled) return;
    link.mergeScheduled = true;
    setImmediate(() => {
      link.mergeScheduled = false;
      void this.pump(link);
    });
  }

  /** Writes the outbox in order: whole, merged or cut into pieces, with noise if asked. */
  private async pump(link: Link): Promise<void> {
    if (link.pumping) return;
    link.pumping = true;
    try {
      while (link.outbox.length > 0 && !link.closed) {
        const parts: Buffer[] = [];
        let close = false;
        while (link.outbox.length > 0) {
          const item = link.outbox.shift()!;
          if (item === 'close') {
            close = true;
            break;
          }
          if (this.noise) parts.push(NOISE[this.noiseIndex++ % NOISE.length]);
          parts.push(item);
          if (!this.merge) break;
        }
        const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
        if (this.split && bytes.length > 1) {
          for (const piece of this.cut(bytes)) {
            if (link.closed) return;
            link.socket.write(piece);
            await new Promise((resolve) => setImmediate(resolve));
          }
        } else if (bytes.length > 0) {
          link.socket.write(bytes);
        }
        if (close) {
          // Flush what was written, then close; a peer that closes first ends the wait too.
          await new Promise<void>((resolve) => {
            link.socket.once('close', () => resolve());
            link.socket.end(() => resolve());
          });
          this.dropLink(link, 'closed by the sandbox');
        }
      }
    } finally {
      link.pumping = false;
    }
  }

  private cut(bytes: Buffer): Buffer[] {
    const pieces: Buffer[] = [];
    let from = 0;
    while (from < bytes.length) {
      const size = this.split === 'bytes' ? 1 : 1 + Math.floor(this.cuts() * 8);
      pieces.push(bytes.subarray(from, from + size));
      from += size;
    }
    return pieces;
  }

  // --- records ---

  private stamped(type: string): FiasRecord {
    return { type, fields: this.clock.fields(this.now()) };
  }

  private sendGuest(type: 'GI' | 'GO' | 'GC', guest: Guest, at: number, oldRoom?: string): void {
    const link = this.linkedLink(type);
    if (link) this.send(link, this.guestRecord(type, guest, at, oldRoom ?? null, false));
  }

  private guestRecord(
    type: 'GI' | 'GO' | 'GC',
    guest: Guest,
    at: number,
    oldRoom: string | null,
    swap: boolean,
  ): FiasRecord {
    const fields: Record<string, string> = {
      RN: guest.room,
      'G#': guest.reservation,
      GS: guest.sharer ? 'Y' : 'N',
    };
    if (type !== 'GO') {
      fields.GN = guest.name;
      fields.GL = guest.language;
      fields.GA = this.clock.date(guest.arrivedAt);
      fields.GD = this.clock.date(guest.departsAt);
    }
    if (oldRoom !== null) fields.RO = oldRoom;
    if (swap) fields.SF = '';
    Object.assign(fields, this.clock.fields(at));
    return { type, fields };
  }

  private linkedLink(what: string): Link | null {
    if (this.current?.state === 'linked') return this.current;
    this.log(`${what} not sent: no client linked`);
    return null;
  }

  private playEvent(event: HotelEvent, send: boolean): void {
    switch (event.kind) {
      case 'check-in': {
        const { kind, ...request } = event;
        void kind;
        const guest = this.hotelState.checkIn(request);
        if (send) this.sendGuest('GI', guest, event.at);
        return;
      }
      case 'check-out': {
        for (const guest of this.hotelState.checkOut(event.reservation, event.at)) {
          if (send) this.sendGuest('GO', guest, event.at);
        }
        return;
      }
      case 'move': {
        const { guest, fromRoom } = this.hotelState.move(event.reservation, event.toRoom, event.at);
        if (send) this.sendGuest('GC', guest, event.at, fromRoom);
        return;
      }
    }
  }

  private scheduleScript(): void {
    if (this.closing || this.scriptIndex >= this.script.length) return;
    const waitMs = Math.max(0, this.script[this.scriptIndex].at - this.now());
    this.scriptTimer = setTimeout(
      () => {
        this.playDue();
        this.scheduleScript();
      },
      Math.min(waitMs, 2 ** 31 - 1),
    );
    this.scriptTimer.unref();
  }

  private applyFaults(faults: PmsFaults): void {
    for (const [room, status] of Object.entries(faults.roomAnswers ?? {})) {
      this.failRoom(room, status);
    }
    if (faults.retryNext) this.retryNext(faults.retryNext);
    if (faults.swallowNext) this.swallowNext(faults.swallowNext);
    if (faults.dropBeforeAnswer) this.dropBeforeAnswer(faults.dropBeforeAnswer);
    if (faults.dropAfterAnswer) this.dropAfterAnswer(faults.dropAfterAnswer);
    if (faults.nightAuditMs !== undefined) this.nightAuditAtLink = faults.nightAuditMs;
    if (faults.split) this.splitWrites(faults.split);
    if (faults.merge) this.mergeWrites(true);
    if (faults.noise) this.sendNoise(true);
  }

  private checkDelay(ms: number): number {
    if (!Number.isInteger(ms) || ms < 0) {
      throw new PmsSandboxOptionsError(`answerDelayMs must be a whole number >= 0, got ${ms}`);
    }
    return ms;
  }

  private waitFor<K extends keyof PmsSandboxEvents>(
    event: K,
    match: (...args: PmsSandboxEvents[K]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<PmsSandboxEvents[K][0]> {
    return new Promise((resolve, reject) => {
      const listener = (...args: PmsSandboxEvents[K]) => {
        if (!match(...args)) return;
        clearTimeout(timer);
        this.off(event, listener as never);
        resolve(args[0]);
      };
      const timer = setTimeout(() => {
        this.off(event, listener as never);
        reject(new Error(`pms-sandbox: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on(event, listener as never);
    });
  }

  private log(line: string): void {
    this.logger?.(line);
  }
}

/** Starts a stand-in PMS on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function startPmsSandbox(options: PmsSandboxOptions = {}): Promise<PmsSandbox> {
  const { host = '127.0.0.1', port = 0 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PmsSandboxOptionsError(`port must be a whole number from 0 to 65535, got ${port}`);
  }
  const sandbox = new PmsSandbox(options);
  await sandbox.listen(host, port);
  return sandbox;
}
