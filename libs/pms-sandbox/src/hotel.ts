/** A guest in house: one reservation (`G#`) in one room. */
export interface Guest {
  readonly reservation: string;
  readonly name: string;
  /** `GS` `Y`: shares the room with its primary guest. */
  readonly sharer: boolean;
  readonly room: string;
  /** The check-in instant (ms), kept across room moves: `GA` on a resync. */
  readonly arrivedAt: number;
  /** When the guest came into `room` (the check-in, or the last move). */
  readonly inRoomSince: number;
  /** Expected departure (ms): `GD`. */
  readonly departsAt: number;
  /** `GL`: the guest's language. */
  readonly language: string;
}

/**
 * Who held a room from when to when: a stay in the product's words. A room move ends one
 * segment and starts another with the same reservation; `to` is null while the guest is in.
 */
export interface StaySegment {
  readonly reservation: string;
  readonly room: string;
  readonly guestName: string;
  readonly sharer: boolean;
  readonly from: number;
  readonly to: number | null;
  readonly endedBy: 'check-out' | 'move' | null;
}

export interface CheckInRequest {
  readonly room: string;
  readonly reservation?: string;
  readonly name?: string;
  readonly sharer?: boolean;
  readonly at: number;
  readonly departsAt?: number;
  readonly language?: string;
}

export class HotelError extends Error {
  override name = 'HotelError';
}

const DAY_MS = 86_400_000;

/** Rooms, the guests in them, and every stay segment so far. Times are instants in ms. */
export class Hotel {
  private readonly roomSet: ReadonlySet<string>;
  private readonly guests = new Map<string, Guest>();
  private readonly segmentList: StaySegment[] = [];
  /** Index into segmentList of each in-house guest's open segment. */
  private readonly openSegment = new Map<string, number>();
  /** Indexes into segmentList per room, so that holderAt reads only the room's segments. */
  private readonly segmentsByRoom = new Map<string, number[]>();
  private readonly reservationsSeen = new Set<string>();
  private nextNumber: number;

  constructor(
    readonly rooms: readonly string[],
    firstReservation = 100_001,
  ) {
    this.roomSet = new Set(rooms);
    this.nextNumber = firstReservation;
  }

  hasRoom(room: string): boolean {
    return this.roomSet.has(room);
  }

  /** A reservation number no guest has had yet. */
  newReservation(): string {
    let reservation = String(this.nextNumber++);
    while (this.everHad(reservation)) reservation = String(this.nextNumber++);
    return reservation;
  }

  checkIn(request: CheckInRequest): Guest {
    const { room, at } = request;
    if (!this.roomSet.has(room)) throw new HotelError(`room ${room} is not one of the hotel's`);
    const sharer = request.sharer ?? false;
    if (!sharer && this.primaryIn(room)) {
      throw new HotelError(`room ${room} already has its primary guest: check in a sharer`);
    }
    for (const [what, value] of [
      ['name', request.name],
      ['reservation', request.reservation],
      ['language', request.language],
    ] as const) {
      // What a FIAS field cannot hold: it would be refused when the GI is written.
      // eslint-disable-next-line no-control-regex
      if (value !== undefined && /[|\x00-\x1f\x7f]/.test(value)) {
        throw new HotelError(`${what} "${value}" holds a "|" or a control character`);
      }
    }
    const reservation = request.reservation ?? this.newReservation();
    if (this.guests.has(reservation)) {
      throw new HotelError(`reservation ${reservation} is already in house`);
    }
    const guest: Guest = {
      reservation,
      name: request.name ?? `Guest ${reservation}`,
      sharer,
      room,
      arrivedAt: at,
      inRoomSince: at,
      departsAt: request.departsAt ?? at + DAY_MS,
      language: request.language ?? 'EN',
    };
    this.guests.set(reservation, guest);
    this.open(guest, at);
    return guest;
  }

  /** Checks out one reservation, or every guest of a room; returns who left. */
  checkOut(roomOrReservation: string, at: number): Guest[] {
    const leaving = this.guests.has(roomOrReservation)
      ? [this.guests.get(roomOrReservation)!]
      : this.guestsIn(roomOrReservation);
    if (leaving.length === 0) {
      throw new HotelError(`nobody in house as reservation or room ${roomOrReservation}`);
    }
    for (const guest of leaving) {
      this.close(guest.reservation, at, 'check-out');
      this.guests.delete(guest.reservation);
    }
    return leaving;
  }

  /** Moves one reservation to another room; returns the guest as it is now and its old room. */
  move(reservation: string, toRoom: string, at: number): { guest: Guest; fromRoom: string } {
    const guest = this.guests.get(reservation);
    if (!guest) throw new HotelError(`reservation ${reservation} is not in house`);
    if (!this.roomSet.has(toRoom)) {
      throw new HotelError(`room ${toRoom} is not one of the hotel's`);
    }
    if (toRoom === guest.room) throw new HotelError(`reservation ${reservation} is in ${toRoom}`);
    if (!guest.sharer && this.primaryIn(toRoom)) {
      throw new HotelError(`room ${toRoom} already has its primary guest`);
    }
    this.close(reservation, at, 'move');
    const moved: Guest = { ...guest, room: toRoom, inRoomSince: at };
    this.guests.set(reservation, moved);
    this.open(moved, at);
    return { guest: moved, fromRoom: guest.room };
  }

  guest(reservation: string): Guest | undefined {
    return this.guests.get(reservation);
  }

  /** The open segment of a reservation in house. */
  currentStay(reservation: string): StaySegment | undefined {
    const index = this.openSegment.get(reservation);
    return index === undefined ? undefined : this.segmentList[index];
  }

  /** Guests in house, by room then primary first. */
  inHouse(): Guest[] {
    return [...this.guests.values()].sort(
      (a, b) => a.room.localeCompare(b.room) || Number(a.sharer) - Number(b.sharer),
    );
  }

  /** The guests in a room, primary first. */
  guestsIn(room: string): Guest[] {
    const guests: Guest[] = [];
    for (const guest of this.guests.values()) if (guest.room === room) guests.push(guest);
    return guests.sort((a, b) => Number(a.sharer) - Number(b.sharer));
  }

  isOccupied(room: string): boolean {
    for (const guest of this.guests.values()) if (guest.room === room) return true;
    return false;
  }

  /** Every stay segment so far, in the order they started. */
  stays(): StaySegment[] {
    return [...this.segmentList];
  }

  /**
   * The segment that held `room` at instant `at`: the primary guest's when sharers were in too.
   * A segment holds its room from `from` (included) to `to` (excluded).
   */
  holderAt(room: string, at: number): StaySegment | null {
    let best: StaySegment | null = null;
    for (const index of this.segmentsByRoom.get(room) ?? []) {
      const segment = this.segmentList[index];
      if (segment.from > at) continue;
      if (segment.to !== null && segment.to <= at) continue;
      if (!best || (best.sharer && !segment.sharer)) best = segment;
    }
    return best;
  }

  private primaryIn(room: string): Guest | undefined {
    for (const guest of this.guests.values()) {
      if (guest.room === room && !guest.sharer) return guest;
    }
    return undefined;
  }

  private everHad(reservation: string): boolean {
    return this.reservationsSeen.has(reservation);
  }

  private open(guest: Guest, at: number): void {
    const index = this.segmentList.length;
    this.openSegment.set(guest.reservation, index);
    this.reservationsSeen.add(guest.reservation);
    const roomSegments = this.segmentsByRoom.get(guest.room);
    if (roomSegments) roomSegments.push(index);
    else this.segmentsByRoom.set(guest.room, [index]);
    this.segmentList.push({
      reservation: guest.reservation,
      room: guest.room,
      guestName: guest.name,
      sharer: guest.sharer,
      from: at,
      to: null,
      endedBy: null,
    });
  }

  private close(reservation: string, at: number, endedBy: 'check-out' | 'move'): void {
    const index = this.openSegment.get(reservation)!;
    this.segmentList[index] = { ...this.segmentList[index], to: at, endedBy };
    this.openSegment.delete(reservation);
  }
}
