import { Hotel } from './hotel';

const ROOMS = ['101', '102', '103'];

describe('Hotel', () => {
  it('keeps a stay segment per room held, ended by a move or a check-out', () => {
    const hotel = new Hotel(ROOMS, 500);
    const guest = hotel.checkIn({ room: '101', name: 'Ana', at: 1000 });
    expect(guest.reservation).toBe('500');
    hotel.move('500', '102', 2000);
    hotel.checkOut('500', 3000);
    expect(hotel.stays()).toEqual([
      {
        reservation: '500',
        room: '101',
        guestName: 'Ana',
        sharer: false,
        from: 1000,
        to: 2000,
        endedBy: 'move',
      },
      {
        reservation: '500',
        room: '102',
        guestName: 'Ana',
        sharer: false,
        from: 2000,
        to: 3000,
        endedBy: 'check-out',
      },
    ]);
    expect(hotel.inHouse()).toEqual([]);
  });

  it('finds who held a room at an instant: from included, to excluded, the primary first', () => {
    const hotel = new Hotel(ROOMS);
    hotel.checkIn({ room: '101', reservation: 'S', sharer: true, at: 1000 });
    hotel.checkIn({ room: '101', reservation: 'P', at: 1500 });
    hotel.checkOut('101', 3000);
    expect(hotel.holderAt('101', 999)).toBeNull();
    expect(hotel.holderAt('101', 1000)?.reservation).toBe('S');
    expect(hotel.holderAt('101', 1500)?.reservation).toBe('P');
    expect(hotel.holderAt('101', 3000)).toBeNull();
  });

  it('never gives a reservation number twice, even one given by hand', () => {
    const hotel = new Hotel(ROOMS, 7);
    hotel.checkIn({ room: '101', reservation: '7', at: 0 });
    hotel.checkOut('7', 1);
    expect(hotel.checkIn({ room: '101', at: 2 }).reservation).toBe('8');
    expect(() => hotel.checkIn({ room: '102', reservation: '8', at: 3 })).toThrow('in house');
  });

  it('refuses a name or reservation a FIAS field cannot hold, before changing anything', () => {
    const hotel = new Hotel(ROOMS);
    expect(() => hotel.checkIn({ room: '101', name: 'A|B', at: 0 })).toThrow('"|"');
    expect(() => hotel.checkIn({ room: '101', reservation: 'x\ty', at: 0 })).toThrow('control');
    expect(hotel.inHouse()).toEqual([]);
  });
});
