import { Hotel } from './hotel';
import { HotelClock } from './hotel-clock';
import { HotelEvent, scriptHotel } from './hotel-script';
import { SANDBOX_ROOMS } from './pms-sandbox';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const clock = new HotelClock('America/Denver');
const script = (seed: string) =>
  scriptHotel({ seed, rooms: SANDBOX_ROOMS, clock, fromMs: NOW - 7 * DAY, toMs: NOW + 7 * DAY });

describe('scriptHotel', () => {
  const events = script('demo');

  it('is the same for the same seed and days, and another for another seed', () => {
    expect(script('demo')).toEqual(events);
    expect(script('other')).not.toEqual(events);
  });

  it('takes only the Xima sandbox rooms (1001–1940), in time order up to the end', () => {
    expect(SANDBOX_ROOMS).toHaveLength(400);
    expect(SANDBOX_ROOMS[0]).toBe('1001');
    expect(SANDBOX_ROOMS.at(-1)).toBe('1940');
    for (const event of events) {
      if (event.kind === 'check-in') expect(SANDBOX_ROOMS).toContain(event.room);
      if (event.kind === 'move') expect(SANDBOX_ROOMS).toContain(event.toRoom);
    }
    const times = events.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)!).toBeLessThanOrEqual(NOW + 7 * DAY);
  });

  const play = (list: HotelEvent[]) => {
    const hotel = new Hotel(SANDBOX_ROOMS);
    for (const event of list) {
      if (event.kind === 'check-in') hotel.checkIn(event);
      else if (event.kind === 'check-out') hotel.checkOut(event.reservation, event.at);
      else hotel.move(event.reservation, event.toRoom, event.at);
    }
    return hotel;
  };

  it('plays into a hotel without a conflict, in time order, for any seed', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'pms-sandbox']) {
      expect(() => play(script(seed))).not.toThrow();
    }
  });

  it('has check-ins, sharers, moves and check-outs, and fills the hotel', () => {
    const hotel = play(events);
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['check-in', 'check-out', 'move']);
    const checkIns = events.filter((e) => e.kind === 'check-in');
    expect(checkIns.some((e) => e.sharer)).toBe(true);
    expect(new Set(checkIns.map((e) => e.reservation)).size).toBe(checkIns.length);
    expect(checkIns.some((e) => /[^\x20-\x7e]/.test(e.name))).toBe(true);
    // After two weeks the hotel is well occupied, never over its rooms.
    const occupied = new Set(hotel.inHouse().map((g) => g.room)).size;
    expect(occupied).toBeGreaterThan(100);
    expect(occupied).toBeLessThanOrEqual(400);
  });

  it('checks guests in between 14:00 and 23:30 and out between 07:00 and 11:30 local', () => {
    for (const event of events) {
      const time = clock.fields(event.at).TI;
      if (event.kind === 'check-out') expect(time >= '070000' && time <= '113000').toBe(true);
      if (event.kind === 'check-in' && !event.sharer) {
        expect(time >= '140000' && time <= '220000').toBe(true);
      }
    }
  });
});
