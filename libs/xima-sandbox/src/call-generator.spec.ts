import { BUCKET_MS, CallGenerator, GeneratedCall, generateCalls } from './call-generator';
import { MALFORMED_ACCOUNT_CODES } from './call-mix';
import { NumberKind } from './dialed-numbers';
import { SANDBOX_AGENTS } from './directory';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Monday 2024-03-04 00:00 in Denver (MST); the week includes the 2024-03-10 DST change.
const MONDAY = Date.parse('2024-03-04T07:00:00Z');
const WEEK_END = MONDAY + 7 * DAY_MS - HOUR_MS - 1;

describe('CallGenerator', () => {
  const generator = new CallGenerator();
  const week = generator.calls(MONDAY, WEEK_END);

  it('gives the same calls for the same window', () => {
    const again = new CallGenerator().calls(MONDAY, MONDAY + DAY_MS);
    expect(again).toEqual(generator.calls(MONDAY, MONDAY + DAY_MS));
    expect(again.length).toBeGreaterThan(0);
  });

  it('agrees between overlapping windows on the calls they share', () => {
    const overlapFrom = MONDAY + 13 * HOUR_MS + 123;
    const overlapTo = MONDAY + 30 * HOUR_MS + 456;
    const first = generator.calls(MONDAY, overlapTo);
    const second = generator.calls(overlapFrom, MONDAY + 2 * DAY_MS);
    const shared = (calls: GeneratedCall[]) =>
      calls.filter((c) => c.startMs >= overlapFrom && c.startMs <= overlapTo);
    expect(shared(first).length).toBeGreaterThan(10);
    expect(shared(second)).toEqual(shared(first));
    expect(generator.calls(overlapFrom, overlapTo)).toEqual(shared(first));
  });

  it('includes both ends of the window', () => {
    const call = week[100];
    expect(generator.calls(call.startMs, call.startMs)).toEqual([call]);
    expect(generator.calls(call.startMs + 1, call.startMs + 1)).toEqual([]);
  });

  it('sorts calls by start and keeps their invariants', () => {
    const broken = week.filter(
      (call, i) =>
        (i > 0 && call.startMs < week[i - 1].startMs) ||
        call.endMs !== call.startMs + call.callDurationMs ||
        call.talkMs > call.callDurationMs ||
        call.answered !== call.talkMs > 0 ||
        !Number.isInteger(call.talkMs) ||
        !Number.isInteger(call.callDurationMs),
    );
    expect(broken).toEqual([]);
  });

  it('gives every call a unique, stable id', () => {
    expect(new Set(week.map((c) => c.callId)).size).toBe(week.length);
    expect(week[0].callId).toMatch(/^[0-9a-f]{8}-\d+-\d+$/);
    expect(new CallGenerator({ seed: 'other' }).calls(MONDAY, WEEK_END)[0].callId).not.toBe(
      week[0].callId,
    );
  });

  it('makes about callsPerDay calls a day, fewer at night than by day', () => {
    expect(week.length / 7).toBeGreaterThan(360);
    expect(week.length / 7).toBeLessThan(440);
    const localHour = (call: GeneratedCall) =>
      new Date(call.startMs + generator.clock.offsetMs(call.startMs)).getUTCHours();
    const night = week.filter((c) => localHour(c) >= 1 && localHour(c) < 5).length;
    const day = week.filter((c) => localHour(c) >= 10 && localHour(c) < 14).length;
    expect(day).toBeGreaterThan(5 * night);
  });

  it("shapes traffic by the tenant's own zone", () => {
    const utcHour = (calls: GeneratedCall[], from: number, to: number) =>
      calls.filter(
        (c) => new Date(c.startMs).getUTCHours() >= from && new Date(c.startMs).getUTCHours() < to,
      ).length;
    const tokyo = new CallGenerator({ timezone: 'Asia/Tokyo' }).calls(MONDAY, WEEK_END);
    // 08:00-12:00 UTC is Denver's night (01:00-05:00 MST) and Tokyo's evening.
    expect(utcHour(tokyo, 8, 12)).toBeGreaterThan(3 * utcHour(week, 8, 12));
  });

  it('scales to 150,000 calls a day', () => {
    const started = performance.now();
    const busy = generateCalls({ callsPerDay: 150_000 }, MONDAY, MONDAY + DAY_MS - 1);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(busy.length).toBeGreaterThan(135_000);
    expect(busy.length).toBeLessThan(165_000);
  });

  it('makes no calls at zero volume and refuses bad options', () => {
    expect(generateCalls({ callsPerDay: 0 }, MONDAY, WEEK_END)).toEqual([]);
    expect(() => new CallGenerator({ callsPerDay: -1 })).toThrow('callsPerDay must be');
    expect(() => new CallGenerator({ callsPerDay: Number.NaN })).toThrow('callsPerDay must be');
    expect(() => new CallGenerator({ seed: '' })).toThrow('seed must be');
    expect(() => new CallGenerator({ timezone: 'Denver' })).toThrow(
      'timezone must be an IANA zone',
    );
  });

  describe('the mix over a week at the default volume', () => {
    const outbound = week.filter((c) => c.direction === 'Outbound');

    it('has every direction, sometimes in another case', () => {
      const texts = new Set(week.map((c) => c.directionText));
      for (const d of ['Inbound', 'Outbound', 'Internal', 'Intersite']) expect(texts).toContain(d);
      expect([...texts].some((t) => t === t.toUpperCase())).toBe(true);
      expect(week.filter((c) => c.directionText !== c.direction).length).toBeLessThan(
        week.length / 10,
      );
    });

    it('dials every kind of number, with and without the access code', () => {
      const kinds = new Set(outbound.map((c) => `${c.numberKind}${c.viaAccessCode ? '+9' : ''}`));
      const expected: NumberKind[] = [
        'local-7',
        'local-10',
        'long-distance',
        'long-distance-no-1',
        'toll-free',
        'emergency',
        'international-011',
      ];
      for (const kind of expected) {
        expect(kinds).toContain(kind);
        expect(kinds).toContain(`${kind}+9`);
      }
      expect(kinds).toContain('international-plus');
      expect(kinds).toContain('junk');
      const numbers = new Set(outbound.map((c) => c.externalNumber));
      expect(numbers).toContain('911');
      expect(numbers).toContain('9911');
    });

    it('has unanswered, sub-second and long calls', () => {
      expect(week.some((c) => !c.answered && c.talkMs === 0)).toBe(true);
      expect(week.some((c) => c.talkMs === 400)).toBe(true);
      expect(week.some((c) => c.talkMs === 999)).toBe(true);
      expect(week.some((c) => c.talkMs >= HOUR_MS)).toBe(true);
    });

    it('has rooms, house phones and attorneys, all from the directory', () => {
      const known = new Set(SANDBOX_AGENTS.map((a) => a.key));
      expect(week.every((c) => known.has(c.agent))).toBe(true);
      expect(week.some((c) => /^Room 1\d{3}\(1\d{3}\)$/.test(c.agent))).toBe(true);
      expect(week.some((c) => c.agent === 'Front Desk(100)')).toBe(true);
      expect(week.some((c) => c.agent === 'Spencer Porter(253)')).toBe(true);
    });

    it('puts account codes on most attorney calls only, some missing, some malformed', () => {
      const attorney = outbound.filter(
        (c) => /\([25]\d\d\)$/.test(c.agent) && c.agent !== 'Lobby(200)',
      );
      const coded = attorney.filter((c) => c.accountCode !== undefined);
      expect(coded.length / attorney.length).toBeGreaterThan(0.8);
      expect(coded.length).toBeLessThan(attorney.length);
      expect(coded.some((c) => /^0\d{4}-\d{3}$/.test(c.accountCode ?? ''))).toBe(true);
      const malformed = new Set(
        coded.map((c) => c.accountCode).filter((code) => !/^\d{5}-\d{3}$/.test(code ?? '')),
      );
      expect([...malformed].every((code) => MALFORMED_ACCOUNT_CODES.includes(code ?? ''))).toBe(
        true,
      );
      expect(malformed.size).toBeGreaterThanOrEqual(4);
      expect(
        week.filter((c) => c.agent.startsWith('Room ')).every((c) => c.accountCode === undefined),
      ).toBe(true);
    });
  });

  describe('chats', () => {
    it('happen in business hours only and always carry a valid account code', () => {
      const chats = [...generator.chatBatches(MONDAY, WEEK_END)].flat();
      expect(chats.length).toBeGreaterThan(0);
      for (const chat of chats) {
        const local = new Date(chat.startMs + generator.clock.offsetMs(chat.startMs));
        expect(local.getUTCDay()).toBeGreaterThanOrEqual(1);
        expect(local.getUTCDay()).toBeLessThanOrEqual(5);
        expect(local.getUTCHours()).toBeGreaterThanOrEqual(8);
        expect(local.getUTCHours()).toBeLessThan(19);
        expect(chat.accountCode).toMatch(/^\d{5}-\d{3}$/);
      }
    });
  });

  it('uses fixed quarter-hour buckets', () => {
    expect(BUCKET_MS).toBe(15 * 60 * 1000);
    const bucket = Math.floor(week[50].startMs / BUCKET_MS);
    expect(generator.callsInBucket(bucket)).toContainEqual(week[50]);
  });
});
