import { PmsSandbox, PmsSandboxOptions, startPmsSandbox } from './pms-sandbox';
import { RawFiasClient } from './testing/raw-fias-client';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('PmsSandbox guest records and resync', () => {
  let sandbox: PmsSandbox;
  let client: RawFiasClient;

  async function start(options: PmsSandboxOptions = {}) {
    sandbox = await startPmsSandbox({ scriptDays: 0, timezone: 'UTC', now: () => NOW, ...options });
    client = await RawFiasClient.connect(sandbox.port, options.charset);
    await client.linkStart();
  }

  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });

  it('sends GI on a check-in, GC with RO on a move, GO on a check-out', async () => {
    await start();
    sandbox.checkIn('1012', {
      reservation: '900',
      name: 'Zoë Núñez',
      at: NOW - HOUR,
      departsAt: NOW + 48 * HOUR,
      language: 'ES',
    });
    sandbox.move('900', '1101');
    sandbox.checkOut('1101', NOW + HOUR);
    await client.next('GO');
    expect(client.records.slice(2)).toEqual([
      {
        type: 'GI',
        fields: {
          RN: '1012',
          'G#': '900',
          GS: 'N',
          GN: 'Zo? N??ez',
          GL: 'ES',
          GA: '261207',
          GD: '261209',
          DA: '261207',
          TI: '110000',
        },
      },
      {
        type: 'GC',
        fields: expect.objectContaining({ RN: '1101', RO: '1012', 'G#': '900', TI: '120000' }),
      },
      { type: 'GO', fields: { RN: '1101', 'G#': '900', GS: 'N', DA: '261207', TI: '130000' } },
    ]);
    expect(sandbox.hotel.stays()).toEqual([
      expect.objectContaining({ room: '1012', from: NOW - HOUR, to: NOW, endedBy: 'move' }),
      expect.objectContaining({ room: '1101', from: NOW, to: NOW + HOUR, endedBy: 'check-out' }),
    ]);
  });

  it('writes accented names in the link charset', async () => {
    await start({ charset: 'cp850' });
    sandbox.checkIn('1012', { name: 'Jürgen Müller' });
    await expect(client.next('GI')).resolves.toMatchObject({ fields: { GN: 'Jürgen Müller' } });
  });

  it('checks in a sharer (GS Y) and checks out a whole room with a GO per guest', async () => {
    await start();
    sandbox.checkIn('1012', { reservation: 'A' });
    sandbox.checkIn('1012', { reservation: 'B', sharer: true });
    expect(() => sandbox.checkIn('1012', { reservation: 'C' })).toThrow('primary guest');
    sandbox.checkOut('1012');
    await client.until((records) => records.filter((r) => r.type === 'GO').length === 2);
    const gis = client.records.filter((r) => r.type === 'GI');
    expect(gis.map((r) => r.fields.GS)).toEqual(['N', 'Y']);
    expect(sandbox.hotel.inHouse()).toEqual([]);
  });

  it('refuses what a hotel cannot do: an unknown room, a reservation not in house', async () => {
    await start();
    expect(() => sandbox.checkIn('2001')).toThrow('not one of the hotel');
    expect(() => sandbox.checkOut('1012')).toThrow('nobody in house');
    expect(() => sandbox.move('nope', '1012')).toThrow('not in house');
  });

  it('answers DR with DS, one GI with SF per guest in house, DE', async () => {
    await start();
    sandbox.checkIn('1012', { reservation: 'A', at: NOW - 30 * HOUR, departsAt: NOW + 20 * HOUR });
    sandbox.checkIn('1012', { reservation: 'B', sharer: true, at: NOW - 30 * HOUR });
    sandbox.checkIn('1020', { reservation: 'C', at: NOW - 2 * HOUR });
    sandbox.move('C', '1030', NOW - HOUR);
    sandbox.checkIn('1040', { reservation: 'D', at: NOW - 2 * HOUR });
    sandbox.checkOut('D', NOW - HOUR);
    await client.next('GO');
    const before = client.records.length;
    client.send({ type: 'DR', fields: { DA: '261207', TI: '120000' } });
    await client.next('DE');
    const resync = client.records.slice(before);
    expect(resync.map((r) => `${r.type} ${r.fields.RN ?? ''} ${r.fields['G#'] ?? ''}`)).toEqual([
      'DS  ',
      'GI 1012 A',
      'GI 1012 B',
      'GI 1030 C',
      'DE  ',
    ]);
    expect(resync[1].fields).toMatchObject({ SF: '', GA: '261206', GD: '261208', TI: '060000' });
    expect(resync[3].fields).toMatchObject({ SF: '', DA: '261207', TI: '110000' });
  });

  it('sends a resync on demand', async () => {
    await start();
    sandbox.checkIn('1012');
    sandbox.resync();
    await client.next('DE');
    expect(client.records.filter((r) => r.type === 'GI' && 'SF' in r.fields)).toHaveLength(1);
  });

  it('plays the scripted hotel as its time comes', async () => {
    let now = NOW;
    await start({ scriptDays: 2, seed: 'live', now: () => now });
    const inHouse = sandbox.hotel.inHouse().length;
    expect(inHouse).toBeGreaterThan(0);
    now += 24 * HOUR;
    const played = sandbox.playDue();
    expect(played).toBeGreaterThan(0);
    await client.until(
      (records) => records.filter((r) => ['GI', 'GO', 'GC'].includes(r.type)).length === played,
    );
  });
});
