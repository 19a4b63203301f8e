import { createHash } from 'node:crypto';
import { DAY_MS, HotelClock } from './hotel-clock';
import { Hotel } from './hotel';

/** One step of the scripted hotel, at an instant (ms). */
export type HotelEvent =
  | {
      readonly kind: 'check-in';
      readonly at: number;
      readonly room: string;
      readonly reservation: string;
      readonly name: string;
      readonly sharer: boolean;
      readonly departsAt: number;
      readonly language: string;
    }
  | { readonly kind: 'check-out'; readonly at: number; readonly reservation: string }
  | {
      readonly kind: 'move';
      readonly at: number;
      readonly reservation: string;
      readonly toRoom: string;
    };

export interface HotelScriptOptions {
  readonly seed: string;
  readonly rooms: readonly string[];
  readonly clock: HotelClock;
  /** The script covers the hotel's local days from the one holding `fromMs` to `toMs`'s. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Share of vacant rooms taken each afternoon, 0 to 1; default 0.7. */
  readonly occupancy?: number;
}

const FIRST_NAMES = [
  'Jürgen',
  'José',
  'François',
  'Zoë',
  'Søren',
  'Inés',
  'Björn',
  'Anaïs',
  'Łucja',
  'Noël',
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Mia',
  'Lucas',
  'Sofia',
  'Ethan',
  'Hannah',
  'Mateo',
];
const LAST_NAMES = [
  'Müller',
  'García',
  'Lefèvre',
  'Sørensen',
  'Núñez',
  'Gonçalves',
  'Åberg',
  'Dubois',
  'Smith',
  'Johnson',
  'Brown',
  'Kowalski',
  'Rossi',
  'Nguyen',
  'Okafor',
  'Schmidt',
  'Tanaka',
  'Ôtake',
  'Fischer',
  "O'Brien",
];
const LANGUAGES = ['EN', 'EN', 'EN', 'DE', 'FR', 'ES', 'IT'];

/** A uniform number in [0, 1). */
export type Random = () => number;

/** mulberry32 seeded from a SHA-256 of the parts: deterministic per seed and day. */
export function seeded(...parts: ReadonlyArray<string | number>): Random {
  let state = createHash('sha256').update(parts.join('\u0000')).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

/** A guest name from the seed: first and last, some with accents (the charset's test). */
export function guestName(random: Random): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}

/**
 * The scripted hotel: day by day from empty, departures in the morning (07:00–11:30), a few
 * room moves at midday, arrivals in the afternoon (14:00–22:00) into vacant rooms for 1–6
 * nights, one in ten with a sharer. The same seed, rooms and days give the same events.
 */
export function scriptHotel(options: HotelScriptOptions): HotelEvent[] {
  const { seed, rooms, clock } = options;
  const occupancy = options.occupancy ?? 0.7;
  const hotel = new Hotel(rooms, 100_001 + Math.floor(seeded(seed, 'reservations')() * 800_000));
  const events: HotelEvent[] = [];
  const departureDay = new Map<string, number>();
  const firstDay = clock.day(options.fromMs);
  const lastDay = clock.day(options.toMs);
  const at = (day: number, minutes: number) => clock.instantOfWall(day * DAY_MS + minutes * 60_000);

  for (let day = firstDay; day <= lastDay; day++) {
    const random = seeded(seed, 'hotel', firstDay, day);
    // Morning: everyone due leaves.
    for (const guest of hotel.inHouse().filter((g) => departureDay.get(g.reservation) === day)) {
      const when = at(day, between(random, 7 * 60, 11 * 60 + 30));
      hotel.checkOut(guest.reservation, when);
      events.push({ kind: 'check-out', at: when, reservation: guest.reservation });
    }
    // Midday: a few guests without a sharer move to a vacant room.
    // Their times rise in the order they are made, so that a room left by one move and taken
    // by a later one is taken after it was left.
    const vacant = () => rooms.filter((room) => !hotel.isOccupied(room));
    let moveMinute = 12 * 60;
    for (const guest of hotel.inHouse()) {
      if (random() >= 0.03 || hotel.guestsIn(guest.room).length > 1) continue;
      const free = vacant();
      if (free.length === 0) break;
      const toRoom = pick(random, free);
      moveMinute += between(random, 1, 4);
      const when = at(day, moveMinute);
      hotel.move(guest.reservation, toRoom, when);
      events.push({ kind: 'move', at: when, reservation: guest.reservation, toRoom });
    }
    // Afternoon: arrivals.
    for (const room of vacant()) {
      if (random() >= occupancy * 0.5) continue;
      const nights = between(random, 1, 6);
      const when = at(day, between(random, 14 * 60, 22 * 60));
      const departsAt = at(day + nights, 11 * 60);
      const party = random() < 0.1 ? 2 : 1;
      for (let i = 0; i < party; i++) {
        const checkIn = {
          room,
          name: guestName(random),
          sharer: i > 0,
          at: when + i * 60_000 * between(random, 0, 90),
          departsAt,
          language: pick(random, LANGUAGES),
        };
        const guest = hotel.checkIn(checkIn);
        departureDay.set(guest.reservation, day + nights);
        events.push({
          kind: 'check-in',
          ...checkIn,
          at: checkIn.at,
          reservation: guest.reservation,
        });
      }
    }
  }
  return events.filter((event) => event.at <= options.toMs).sort((a, b) => a.at - b.at);
}
