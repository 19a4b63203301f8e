import { createHash } from 'node:crypto';
import {
  accountCodeFor,
  BUSINESS_HOURS_PROFILES,
  CallDirection,
  CallProfile,
  HOURLY_SHAPE,
  isUnanswered,
  OFF_HOURS_PROFILES,
  ringDurationMs,
  spellDirection,
  talkDurationMs,
  validAccountCode,
} from './call-mix';
import { callerNumber, dialNumber, NumberKind, remoteExtension } from './dialed-numbers';
import { AGENTS_BY_ROLE } from './directory';
import { LocalClock } from './local-time';
import { pickOne, Random, randomInt, seededRandom } from './random';

/** Calls are generated per fixed UTC quarter hour, so any window sees the same calls. */
export const BUCKET_MS = 900_000;
export const DEFAULT_SEED = 'xima-sandbox';
export const DEFAULT_CALLS_PER_DAY = 400;
export const DEFAULT_TIMEZONE = 'America/Denver';
export const MAX_CALLS_PER_DAY = 1_000_000;

const BUCKETS_PER_HOUR = 3_600_000 / BUCKET_MS;
const SHAPE_TOTAL = HOURLY_SHAPE.reduce((sum, weight) => sum + weight, 0);
const HOURLY_SHARE = HOURLY_SHAPE.map((weight) => weight / SHAPE_TOTAL);
const CHATS_PER_BUSINESS_CALL = 0.01;

export interface CallGeneratorOptions {
  /** Default 'xima-sandbox'. */
  seed?: string;
  /** Mean calls per day; default 400, at most 1,000,000. */
  callsPerDay?: number;
  /** IANA zone whose wall clock shapes day and night traffic; default 'America/Denver'. */
  timezone?: string;
}

export interface GeneratedCall {
  /** Stable for the same seed, volume and zone: `<identity>-<bucket>-<index>`. */
  readonly callId: string;
  /** Epoch milliseconds. */
  readonly startMs: number;
  /** startMs + callDurationMs. */
  readonly endMs: number;
  /** Ringing plus talking, milliseconds. */
  readonly callDurationMs: number;
  /** Talking only, milliseconds; 0 when unanswered, never above callDurationMs. */
  readonly talkMs: number;
  readonly direction: CallDirection;
  /** Call Direction as the report shows it: usually `direction`, sometimes upper or lower case. */
  readonly directionText: string;
  /** Initial Agent: `Room 1012(1012)`, `Front Desk(100)`, `Spencer Porter(253)`. */
  readonly agent: string;
  /** External Number as recorded; undefined when the report leaves it out. */
  readonly externalNumber: string | undefined;
  /** For outbound calls, what kind of number was dialed (not served; for tests and benchmarks). */
  readonly numberKind: NumberKind | undefined;
  readonly viaAccessCode: boolean;
  readonly answered: boolean;
  readonly accountCode: string | undefined;
}

/** Chats count in the Account Code Summary only; they never appear in Call Details. */
export interface GeneratedChat {
  readonly startMs: number;
  readonly durationMs: number;
  readonly agent: string;
  readonly accountCode: string;
}

export class CallGenerator {
  readonly seed: string;
  readonly callsPerDay: number;
  readonly timezone: string;
  readonly clock: LocalClock;
  private readonly identity: string;
  private readonly callIdPrefix: string;

  constructor(options: CallGeneratorOptions = {}) {
    this.seed = options.seed ?? DEFAULT_SEED;
    this.callsPerDay = options.callsPerDay ?? DEFAULT_CALLS_PER_DAY;
    this.timezone = options.timezone ?? DEFAULT_TIMEZONE;
    if (typeof this.seed !== 'string' || this.seed.length === 0) {
      throw new RangeError('seed must be a non-empty string');
    }
    if (
      !Number.isFinite(this.callsPerDay) ||
      this.callsPerDay < 0 ||
      this.callsPerDay > MAX_CALLS_PER_DAY
    ) {
      throw new RangeError(
        `callsPerDay must be a number from 0 to ${MAX_CALLS_PER_DAY}, got ${this.callsPerDay}`,
      );
    }
    try {
      this.clock = new LocalClock(this.timezone);
    } catch {
      throw new RangeError(
        `timezone must be an IANA zone like America/Denver, got ${this.timezone}`,
      );
    }
    this.identity = createHash('sha256')
      .update(`${this.seed}\u0000${this.callsPerDay}\u0000${this.timezone}`)
      .digest('hex');
    this.callIdPrefix = `${this.identity.slice(0, 8)}-`;
  }

  /** Calls that start in [fromMs, toMs], both ends inclusive, sorted by start; one array per bucket. */
  *callBatches(fromMs: number, toMs: number): Generator<GeneratedCall[]> {
    for (let bucket = bucketOf(fromMs); bucket <= bucketOf(toMs); bucket++) {
      const calls = within(this.callsInBucket(bucket), fromMs, toMs);
      if (calls.length > 0) yield calls;
    }
  }

  calls(fromMs: number, toMs: number): GeneratedCall[] {
    const all: GeneratedCall[] = [];
    for (const batch of this.callBatches(fromMs, toMs)) {
      for (const call of batch) all.push(call);
    }
    return all;
  }

  /** Chats that start in [fromMs, toMs], both ends inclusive, sorted by start. */
  *chatBatches(fromMs: number, toMs: number): Generator<GeneratedChat[]> {
    for (let bucket = bucketOf(fromMs); bucket <= bucketOf(toMs); bucket++) {
      const chats = within(this.chatsInBucket(bucket), fromMs, toMs);
      if (chats.length > 0) yield chats;
    }
  }

  callsInBucket(bucket: number): GeneratedCall[] {
    const random = seededRandom(this.identity, 'calls', bucket);
    const bucketStart = bucket * BUCKET_MS;
    const { expectedCalls, businessHours } = this.trafficAt(bucketStart);
    const offsets = startOffsets(
      random,
      Math.floor(expectedCalls * (0.85 + 0.3 * random()) + random()),
    );
    const profiles = businessHours ? BUSINESS_HOURS_PROFILES : OFF_HOURS_PROFILES;
    const calls = new Array<GeneratedCall>(offsets.length);
    for (let index = 0; index < offsets.length; index++) {
      calls[index] = this.call(
        random,
        profiles.pick(random),
        `${this.callIdPrefix}${bucket}-${index}`,
        bucketStart + offsets[index],
      );
    }
    return calls;
  }

  chatsInBucket(bucket: number): GeneratedChat[] {
    const bucketStart = bucket * BUCKET_MS;
    const { expectedCalls, businessHours } = this.trafficAt(bucketStart);
    if (!businessHours) return [];
    const random = seededRandom(this.identity, 'chats', bucket);
    const offsets = startOffsets(
      random,
      Math.floor(expectedCalls * CHATS_PER_BUSINESS_CALL + random()),
    );
    return Array.from(offsets, (offset) => ({
      startMs: bucketStart + offset,
      durationMs: randomInt(random, 60_000, 1_200_000),
      agent: pickOne(random, AGENTS_BY_ROLE.attorney).key,
      accountCode: validAccountCode(random),
    }));
  }

  private trafficAt(bucketStart: number): { expectedCalls: number; businessHours: boolean } {
    const wallClock = new Date(this.clock.wallClockMs(bucketStart));
    const hour = wallClock.getUTCHours();
    const weekday = wallClock.getUTCDay();
    return {
      expectedCalls: (this.callsPerDay * HOURLY_SHARE[hour]) / BUCKETS_PER_HOUR,
      businessHours: weekday >= 1 && weekday <= 5 && hour >= 8 && hour < 19,
    };
  }

  private call(
    random: Random,
    callProfile: CallProfile,
    callId: string,
    startMs: number,
  ): GeneratedCall {
    const { direction, role } = callProfile;
    const agent = pickOne(random, AGENTS_BY_ROLE[role]).key;
    let externalNumber: string | undefined;
    let numberKind: NumberKind | undefined;
    let viaAccessCode = false;
    let answered = !isUnanswered(random, direction);
    if (direction === 'Outbound') {
      const dialed = dialNumber(random, role === 'attorney' ? 'office' : 'hotel');
      externalNumber = dialed.text;
      numberKind = dialed.kind;
      viaAccessCode = dialed.viaAccessCode;
      if (numberKind === 'emergency') answered = true;
      if (numberKind === 'junk') answered = random() < 0.2;
    } else if (direction === 'Inbound') {
      externalNumber = callerNumber(random);
    } else if (direction === 'Intersite') {
      externalNumber = remoteExtension(random);
    }
    const talkMs = answered ? talkDurationMs(random) : 0;
    const callDurationMs = ringDurationMs(random, direction, answered) + talkMs;
    return {
      callId,
      startMs,
      endMs: startMs + callDurationMs,
      callDurationMs,
      talkMs,
      direction,
      directionText: spellDirection(random, direction),
      agent,
      externalNumber,
      numberKind,
      viaAccessCode,
      answered,
      accountCode: accountCodeFor(random, callProfile),
    };
  }
}

/** The calls that start in [fromMs, toMs] (both inclusive) for a generator with these options. */
export function generateCalls(
  options: CallGeneratorOptions,
  fromMs: number,
  toMs: number,
): GeneratedCall[] {
  return new CallGenerator(options).calls(fromMs, toMs);
}

function bucketOf(ms: number): number {
  return Math.floor(ms / BUCKET_MS);
}

function startOffsets(random: Random, count: number): Int32Array {
  const offsets = new Int32Array(count);
  for (let i = 0; i < count; i++) offsets[i] = Math.floor(random() * BUCKET_MS);
  return offsets.sort();
}

function within<T extends { startMs: number }>(items: T[], fromMs: number, toMs: number): T[] {
  if (items.length === 0) return items;
  if (items[0].startMs >= fromMs && items[items.length - 1].startMs <= toMs) return items;
  return items.filter((item) => item.startMs >= fromMs && item.startMs <= toMs);
}
