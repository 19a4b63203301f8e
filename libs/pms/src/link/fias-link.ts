import { EventEmitter } from 'events';
import * as net from 'net';
import { FiasFramer, MAX_RECORD_BYTES } from '../wire/fias-framer';
import {
  databaseResync,
  LINK_RECORD_FIELDS,
  linkDescriptionRecords,
  linkStart,
  postingSimple,
  readGuest,
  readPostingAnswer,
} from '../wire/fias-messages';
import { encodeRecord, FiasRecord, parseRecord } from '../wire/fias-record';
import { fiasDateTime } from '../wire/fias-time';
import {
  FiasDateTime,
  FiasLinkEvents,
  FiasLinkOptions,
  LinkState,
  PostingAnswer,
  PostingNotAnswered,
  PostingNotSent,
  PostingRequest,
} from './link-types';

/** What the link needs of a TCP connection: node's `net.Socket` has it, a test's fake too. */
export interface FiasSocket {
  on(event: 'connect' | 'close', listener: () => void): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'close', listener: () => void): unknown;
  write(data: Buffer): unknown;
  destroy(): unknown;
  readonly destroyed?: boolean;
}

export interface FiasLinkDeps {
  /** Opens the connection (default: `net.createConnection`, without Nagle's delay). */
  readonly connect?: (host: string, port: number) => FiasSocket;
  /** Epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** In [0, 1): the jitter of reconnect delays (default `Math.random`). */
  readonly random?: () => number;
}

/** Our wait for the PMS's `LS` after connecting, before we send ours. */
export const LINK_START_WAIT_MS = 3_000;
export const RECONNECT_MIN_MS = 1_000;
export const RECONNECT_MAX_MS = 60_000;
/** A link that stood this long was a good one: the next reconnect starts from the first delay. */
export const LINK_STOOD_MS = 30_000;

/**
 * Where the connection is: `connecting` (TCP connect), `waiting-ls` (connected, the PMS may send
 * `LS` first), `handshake` (our `LD`/`LR`s/`LA` sent, waiting for the PMS's `LA`), `linked`,
 * `down` (a reconnect is scheduled), `idle`/`stopped` (not started, or stopped by the owner).
 */
type Phase = 'idle' | 'connecting' | 'waiting-ls' | 'handshake' | 'linked' | 'down' | 'stopped';
type TimerName = 'step' | 'silence' | 'alive' | 'answer' | 'reconnect';

interface InFlight {
  readonly postingNumber: number;
  readonly resolve: (answer: PostingAnswer) => void;
  readonly reject: (error: Error) => void;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly done: () => void;
}

function defaultConnect(host: string, port: number): FiasSocket {
  const socket = net.createConnection({ host, port });
  // One record in flight at a time: each waits on a round trip, so never on Nagle's algorithm.
  socket.setNoDelay(true);
  return socket;
}

/**
 * One FIAS link to a PMS, as the client: connects, starts the link, keeps it alive, reconnects
 * with backoff when it drops, and sends one posting at a time. Never throws from its timers or
 * socket events: what goes wrong is a `log` event and a state. The owner keeps the queue: a
 * posting that was not answered is sent again, with the same `P#`, when `whenReady()` resolves.
 */
export class FiasLink extends EventEmitter<FiasLinkEvents> {
  private phase: Phase = 'idle';
  private socket: FiasSocket | null = null;
  private framer = new FiasFramer();
  private readonly timers = new Map<TimerName, NodeJS.Timeout>();
  private publicState: LinkState = 'down';
  private heardAt: number | null = null;
  private linkedAt: number | null = null;
  private attempts = 0;
  private resyncing = false;
  private nightAudit = false;
  private alivePending = false;
  private inFlight: InFlight | null = null;
  private readonly waiters = new Set<Waiter>();
  private readonly where: string;
  private readonly connectSocket: (host: string, port: number) => FiasSocket;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly options: FiasLinkOptions,
    deps: FiasLinkDeps = {},
  ) {
    super();
    this.where = `${options.host}:${options.port}`;
    this.connectSocket = deps.connect ?? defaultConnect;
    this.now = deps.now ?? (() => Date.now());
    this.random = deps.random ?? Math.random;
    // A version that cannot be written fails here, not in a timer.
    encodeRecord(linkDescriptionRecords(this.wallClock(), options.interfaceVersion)[0]);
  }

  get state(): LinkState {
    return this.publicState;
  }

  /** When the last record came from the PMS (epoch ms), or null before the first. */
  get lastHeardAt(): number | null {
    return this.heardAt;
  }

  /** Connects and keeps connecting until `stop()`. */
  start(): void {
    if (this.phase !== 'idle' && this.phase !== 'stopped') return;
    this.attempts = 0;
    this.connect();
  }

  /**
   * Closes the connection (sending nothing more), clears every timer, rejects a posting in
   * flight with PostingNotAnswered `stopped` and every `whenReady()` waiting.
   */
  async stop(): Promise<void> {
    if (this.phase === 'stopped' || this.phase === 'idle') return;
    const socket = this.socket;
    this.socket = null;
    this.phase = 'stopped';
    this.clearTimers();
    this.resetLinkFlags();
    this.linkedAt = null;
    this.failInFlight('stopped');
    for (const waiter of [...this.waiters]) {
      waiter.done();
      waiter.reject(new Error(`the FIAS link to ${this.where} was stopped`));
    }
    this.updateState();
    this.log('log', 'stopped');
    if (socket !== null) await closed(socket);
  }

  /**
   * Resolves when a posting may be sent: linked, no resync, no night audit, none in flight.
   * Rejects when `signal` aborts (with its reason) or the link is stopped.
   */
  whenReady(signal?: AbortSignal): Promise<void> {
    if (this.refusal() === null) return Promise.resolve();
    if (this.phase === 'stopped' || this.phase === 'idle') {
      return Promise.reject(new Error(`the FIAS link to ${this.where} is not started`));
    }
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        waiter.done();
        reject(abortReason(signal!));
      };
      const waiter: Waiter = {
        resolve,
        reject,
        done: () => {
          this.waiters.delete(waiter);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Sends a `PS` and resolves with the `PA` carrying its `P#`, whatever its status (`NA` also
   * puts the link in `night-audit`). Rejects PostingNotSent when a posting may not go now (see
   * `whenReady()`), FiasRecordError when the request cannot be written, PostingNotAnswered
   * `timeout` after `answerTimeoutMs` (the link is then dropped and started again),
   * `link-down` when the connection ends first, `stopped` on `stop()`.
   */
  post(request: PostingRequest): Promise<PostingAnswer> {
    const refusal = this.refusal();
    if (refusal !== null) {
      return Promise.reject(new PostingNotSent(request.postingNumber, this.state, refusal));
    }
    let record: FiasRecord;
    let bytes: Buffer;
    try {
      record = postingSimple(request);
      bytes = encodeRecord(record, this.options.charset);
    } catch (error) {
      return Promise.reject(isError(error) ? error : new Error(String(error)));
    }
    const { postingNumber } = request;
    return new Promise<PostingAnswer>((resolve, reject) => {
      this.inFlight = { postingNumber, resolve, reject };
      this.setTimer('answer', this.options.answerTimeoutMs, () => this.onAnswerTimeout());
      this.socket!.write(bytes);
      this.log('debug', `sent PS P#${postingNumber} room ${record.fields.RN}`);
    });
  }

  /**
   * Asks the PMS for every guest in house (`DR`). False, with a log line, when the link is not
   * linked or a resync is already running.
   */
  requestResync(): boolean {
    if (this.phase !== 'linked' || this.resyncing) {
      const why = this.resyncing ? 'a resync is already running' : `the link is ${this.state}`;
      this.log('warn', `database resync not requested: ${why}`);
      return false;
    }
    this.send(databaseResync(this.wallClock()));
    this.log('log', 'database resync requested (DR)');
    return true;
  }

  // --- connection ---

  private connect(): void {
    this.phase = 'connecting';
    this.framer = new FiasFramer();
    this.updateState();
    let socket: FiasSocket;
    try {
      socket = this.connectSocket(this.options.host, this.options.port);
    } catch (error) {
      this.log('error', `cannot connect: ${describe(error)}`);
      this.disconnected();
      return;
    }
    this.socket = socket;
    socket.on('connect', () => this.onConnect(socket));
    socket.on('data', (chunk) => this.onData(socket, chunk));
    socket.on('error', (error) => this.onError(socket, error));
    socket.on('close', () => this.onClose(socket));
    this.setTimer('step', this.options.answerTimeoutMs, () =>
      this.drop(`no connection within ${this.options.answerTimeoutMs} ms`),
    );
  }

  private onConnect(socket: FiasSocket): void {
    if (socket !== this.socket) return;
    this.phase = 'waiting-ls';
    this.log('log', 'connected; waiting for the PMS to start the link (LS)');
    const wait = this.options.linkStartWaitMs ?? LINK_START_WAIT_MS;
    this.setTimer('step', wait, () => {
      this.log('log', `no LS from the PMS within ${wait} ms: sending ours`);
      this.send(linkStart(this.wallClock()));
      this.sendDescription();
    });
  }

  private onError(socket: FiasSocket, error: Error): void {
    if (socket !== this.socket) return;
    this.log('error', `connection error: ${describe(error)}`);
    this.socket = null;
    socket.destroy();
    this.disconnected();
  }

  private onClose(socket: FiasSocket): void {
    if (socket !== this.socket) return;
    this.log('warn', 'the PMS closed the connection');
    this.socket = null;
    this.disconnected();
  }

  /** Closes the connection on our side and schedules the reconnect. */
  private drop(reason: string): void {
    const socket = this.socket;
    if (socket === null) return;
    this.log('warn', `${reason}: closing the connection`);
    this.socket = null;
    socket.destroy();
    this.disconnected();
  }

  private disconnected(): void {
    this.clearTimers();
    if (this.resyncing) this.log('warn', 'the database resync was cut short by the disconnect');
    this.resetLinkFlags();
    this.failInFlight('link-down');
    if (this.linkedAt !== null && this.now() - this.linkedAt >= LINK_STOOD_MS) this.attempts = 0;
    this.linkedAt = null;
    if (this.phase === 'stopped') return;
    this.phase = 'down';
    this.updateState();
    const delay = this.reconnectDelay(this.attempts++);
    this.log('log', `reconnecting in ${delay} ms`);
    this.setTimer('reconnect', delay, () => this.connect());
  }

  /** Doubling from the first delay to the longest, each drawn from its upper half (jitter). */
  private reconnectDelay(attempt: number): number {
    const min = this.options.reconnectMinMs ?? RECONNECT_MIN_MS;
    const max = this.options.reconnectMaxMs ?? RECONNECT_MAX_MS;
    const ceiling = Math.min(max, min * 2 ** Math.min(attempt, 30));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  // --- receiving ---

  private onData(socket: FiasSocket, chunk: Buffer): void {
    if (socket !== this.socket) return;
    const frames = this.framer.push(chunk);
    if (frames.noiseBytes > 0) {
      this.log('warn', `skipped ${frames.noiseBytes} byte(s) outside STX…ETX`);
    }
    if (frames.oversized > 0) {
      this.log('warn', `dropped ${frames.oversized} record(s) over ${MAX_RECORD_BYTES} bytes`);
    }
    for (const data of frames.records) {
      if (socket !== this.socket) return;
      const parsed = parseRecord(data, this.options.charset);
      if (!parsed.ok) {
        this.log('warn', `unreadable record ignored: ${parsed.error}`);
        continue;
      }
      this.handle(parsed.record);
      this.heardAt = this.now();
      this.restartSilence();
      this.emit('heard', this.heardAt);
    }
  }

  private handle(record: FiasRecord): void {
    this.log('debug', `received ${record.type}`);
    switch (record.type) {
      case 'LS':
        return this.onLinkStart();
      case 'LA':
        return this.onLinkAlive();
      case 'LE':
        this.log('log', 'the PMS ended the link (LE)');
        return this.drop('link ended by the PMS');
      case 'LD':
        return this.log(
          'log',
          `the PMS describes itself: V# ${record.fields['V#'] ?? '-'}, IF ${record.fields.IF ?? '-'}`,
        );
      case 'LR': {
        const id = record.fields.RI ?? '';
        if (id in LINK_RECORD_FIELDS) return this.log('debug', `the PMS registers ${id}`);
        return this.log('log', `LR for "${id}", a record this link does not use: ignored`);
      }
      case 'PA':
        return this.onPostingAnswer(record);
      case 'GI':
      case 'GO':
      case 'GC': {
        const guest = readGuest(record, this.resyncing);
        if (!guest.ok) return this.log('warn', `guest record ignored: ${guest.error}`);
        this.emit('guest', guest.value);
        return;
      }
      case 'DS':
        this.log('log', 'database resync started (DS)');
        this.resyncing = true;
        this.updateState();
        this.emit('resync-start');
        return;
      case 'DE':
        if (!this.resyncing) this.log('warn', 'DE without a DS before it');
        else this.log('log', 'database resync ended (DE)');
        this.resyncing = false;
        this.emit('resync-end');
        this.updateState();
        return;
      case 'NS':
        this.log('log', 'night audit started (NS): postings paused');
        this.nightAudit = true;
        return this.updateState();
      case 'NE':
        this.log('log', 'night audit ended (NE)');
        this.nightAudit = false;
        return this.updateState();
      default:
        this.log('warn', `unknown record type "${record.type}" ignored`);
    }
  }

  private onLinkStart(): void {
    switch (this.phase) {
      case 'waiting-ls':
        this.log('log', 'the PMS started the link (LS)');
        return this.sendDescription();
      case 'handshake':
        return this.sendDescription();
      case 'linked':
        // An LS on a standing link: the PMS started its side again and needs our description.
        this.log('log', 'the PMS started the link again (LS): sending our link description');
        if (this.resyncing) this.log('warn', 'the database resync was cut short by the LS');
        this.resetLinkFlags();
        this.clearTimer('silence');
        this.clearTimer('alive');
        return this.sendDescription();
      case 'idle':
      case 'connecting':
      case 'down':
      case 'stopped':
        return;
    }
  }

  private onLinkAlive(): void {
    if (this.phase === 'handshake') {
      this.clearTimer('step');
      this.phase = 'linked';
      this.linkedAt = this.now();
      this.nightAudit = false;
      this.log('log', 'linked: the PMS answered our link start (LA)');
      return this.updateState();
    }
    if (this.phase !== 'linked') {
      return this.log('debug', 'LA before the link start ignored');
    }
    if (this.alivePending) {
      this.alivePending = false;
      this.clearTimer('alive');
      this.log('debug', 'alive check answered (LA)');
    }
    if (this.nightAudit) {
      this.nightAudit = false;
      this.log('log', 'LA after the night audit: postings resume');
      this.updateState();
    }
  }

  private onPostingAnswer(record: FiasRecord): void {
    const read = readPostingAnswer(record);
    if (!read.ok) return this.log('warn', `PA ignored: ${read.error}`);
    const answer = read.value;
    const inFlight = this.inFlight;
    if (inFlight === null || inFlight.postingNumber !== answer.postingNumber) {
      const flying = inFlight === null ? 'none' : `P#${inFlight.postingNumber}`;
      return this.log(
        'warn',
        `PA for P#${answer.postingNumber} (${answer.status}) ignored: in flight ${flying}`,
      );
    }
    this.inFlight = null;
    this.clearTimer('answer');
    this.log('debug', `PA P#${answer.postingNumber} ${answer.status}`);
    if (answer.status === 'NA') {
      this.log('log', 'the PMS answered NA (night audit): postings paused until NE or LA');
      this.nightAudit = true;
    }
    inFlight.resolve(answer);
    this.updateState();
  }

  // --- sending and timers ---

  private sendDescription(): void {
    for (const record of linkDescriptionRecords(this.wallClock(), this.options.interfaceVersion)) {
      this.send(record);
    }
    this.phase = 'handshake';
    this.updateState();
    this.setTimer('step', this.options.answerTimeoutMs, () =>
      this.drop(`no LA from the PMS within ${this.options.answerTimeoutMs} ms of our link start`),
    );
  }

  private restartSilence(): void {
    if (this.phase !== 'linked' || this.alivePending) return;
    this.setTimer('silence', this.options.aliveIntervalMs, () => {
      this.alivePending = true;
      this.log('debug', `nothing heard for ${this.options.aliveIntervalMs} ms: alive check (LS)`);
      this.send(linkStart(this.wallClock()));
      this.setTimer('alive', this.options.answerTimeoutMs, () =>
        this.drop(`no answer to our alive check within ${this.options.answerTimeoutMs} ms`),
      );
    });
  }

  private onAnswerTimeout(): void {
    const inFlight = this.inFlight;
    if (inFlight === null) return;
    this.inFlight = null;
    inFlight.reject(new PostingNotAnswered(inFlight.postingNumber, 'timeout'));
    this.drop(
      `no PA for P#${inFlight.postingNumber} within ${this.options.answerTimeoutMs} ms: the link is suspect`,
    );
  }

  private send(record: FiasRecord): void {
    if (this.socket === null) return;
    this.socket.write(encodeRecord(record, this.options.charset));
    this.log('debug', `sent ${record.type}`);
  }

  private setTimer(name: TimerName, ms: number, run: () => void): void {
    this.clearTimer(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  }

  private clearTimer(name: TimerName): void {
    const timer = this.timers.get(name);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(name);
  }

  private clearTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // --- state ---

  private resetLinkFlags(): void {
    this.resyncing = false;
    this.nightAudit = false;
    this.alivePending = false;
  }

  private failInFlight(reason: 'link-down' | 'stopped'): void {
    const inFlight = this.inFlight;
    if (inFlight === null) return;
    this.inFlight = null;
    inFlight.reject(new PostingNotAnswered(inFlight.postingNumber, reason));
  }

  /** Why a posting may not be sent now, or null when it may. */
  private refusal(): string | null {
    if (this.phase === 'idle' || this.phase === 'stopped') return 'the link is not started';
    if (this.phase !== 'linked') return `the link is ${this.state}`;
    if (this.resyncing) return 'a database resync is running';
    if (this.nightAudit) return 'the PMS is in its night audit';
    if (this.inFlight !== null) return `P#${this.inFlight.postingNumber} is in flight`;
    return null;
  }

  private updateState(): void {
    const state = this.computeState();
    if (state !== this.publicState) {
      this.publicState = state;
      this.emit('state', state);
    }
    if (this.waiters.size > 0 && this.refusal() === null) {
      for (const waiter of [...this.waiters]) {
        waiter.done();
        waiter.resolve();
      }
    }
  }

  private computeState(): LinkState {
    switch (this.phase) {
      case 'idle':
      case 'stopped':
      case 'down':
        return 'down';
      case 'connecting':
      case 'waiting-ls':
      case 'handshake':
        return 'connecting';
      case 'linked':
        if (this.resyncing) return 'resync';
        return this.nightAudit ? 'night-audit' : 'linked';
    }
  }

  private wallClock(): FiasDateTime {
    return fiasDateTime(this.now(), this.options.timeZone);
  }

  private log(level: FiasLinkEvents['log'][0], message: string): void {
    this.emit('log', level, `FIAS ${this.where}: ${message}`);
  }
}

/** Errors from node's own modules may come from another realm: known by shape, not class. */
function isError(value: unknown): value is Error {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).message === 'string' &&
    typeof (value as Error).name === 'string'
  );
}

/** `ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:1)`: the code first, for a log line. */
function describe(error: unknown): string {
  if (!isError(error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? error.message : `${code} (${error.message})`;
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return isError(reason) ? reason : new Error(`aborted: ${String(reason)}`);
}

function closed(socket: FiasSocket): Promise<void> {
  return new Promise<void>((resolve) => {
    if (socket.destroyed === true) return resolve();
    socket.once('close', () => resolve());
    socket.destroy();
  });
}
