import { PmsSandbox, PmsSandboxOptions, startPmsSandbox } from './pms-sandbox';
import { ps, RawFiasClient } from './testing/raw-fias-client';

const HOUR = 3_600_000;
// 2026-12-07 12:00 in the hotel's zone (UTC here, so DA261207 TI120000 is NOW).
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('PmsSandbox postings (PS -> PA)', () => {
  let sandbox: PmsSandbox;
  let client: RawFiasClient;

  async function start(options: PmsSandboxOptions = {}) {
    sandbox = await startPmsSandbox({ scriptDays: 0, timezone: 'UTC', now: () => NOW, ...options });
    client = await RawFiasClient.connect(sandbox.port);
    await client.linkStart();
  }

  async function post(fields: Record<string, string>) {
    client.send(ps(fields));
    return (await client.next('PA')).fields;
  }

  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });

  it('answers OK for an occupied room and keeps the posting with the reservation it went to', async () => {
    await start();
    sandbox.checkIn('1012', { reservation: '4711', name: 'Jürgen Müller', at: NOW - 2 * HOUR });
    await client.next('GI');
    const pa = await post({ 'P#': '12', TA: '1665', DU: '000205', TI: '113000', CT: 'Call' });
    expect(pa).toEqual({ AS: 'OK', 'P#': '12', RN: '1012', DA: '261207', TI: '120000' });
    expect(sandbox.postings()).toEqual([
      expect.objectContaining({
        postingNumber: 12,
        room: '1012',
        amountMinor: 1665,
        dialedDigits: '13035550100',
        duration: '000205',
        durationSeconds: 125,
        date: '261207',
        time: '113000',
        clearText: 'Call',
        reservation: '4711',
        guestName: 'Jürgen Müller',
      }),
    ]);
    expect(sandbox.psCount(12)).toBe(1);
  });

  it('answers NG for a vacant room, an unknown room, and a call before the check-in', async () => {
    await start();
    sandbox.checkIn('1012', { at: NOW - HOUR });
    await expect(post({ 'P#': '1', RN: '1013' })).resolves.toMatchObject({
      AS: 'NG',
      CT: 'room vacant',
    });
    await expect(post({ 'P#': '2', RN: '9999' })).resolves.toMatchObject({
      AS: 'NG',
      CT: 'unknown room',
    });
    await expect(post({ 'P#': '3', TI: '103000' })).resolves.toMatchObject({ AS: 'NG' });
    expect(sandbox.postings()).toEqual([]);
  });

  it('answers NG after the check-out, OK as a late charge when lateCharges is on', async () => {
    await start();
    sandbox.checkIn('1012', { reservation: '1', at: NOW - 3 * HOUR });
    sandbox.checkOut('1012', NOW - HOUR);
    await expect(post({ 'P#': '1', TI: '100000' })).resolves.toMatchObject({
      AS: 'NG',
      CT: 'guest checked out',
    });
    await client.close();
    await sandbox.close();
    await start({ lateCharges: true });
    sandbox.checkIn('1012', { reservation: '1', at: NOW - 3 * HOUR });
    sandbox.checkOut('1', NOW - HOUR);
    await expect(post({ 'P#': '1', TI: '100000' })).resolves.toMatchObject({ AS: 'OK' });
    expect(sandbox.posting(1)?.reservation).toBe('1');
  });

  it('posts a shared room to the primary guest, and a moved guest’s old-room call to it', async () => {
    await start();
    sandbox.checkIn('1012', { reservation: 'P', at: NOW - 5 * HOUR });
    sandbox.checkIn('1012', { reservation: 'S', sharer: true, at: NOW - 5 * HOUR });
    sandbox.checkIn('1020', { reservation: 'M', at: NOW - 5 * HOUR });
    sandbox.move('M', '1030', NOW - 2 * HOUR);
    await expect(post({ 'P#': '1' })).resolves.toMatchObject({ AS: 'OK' });
    await expect(post({ 'P#': '2', RN: '1020', TI: '090000' })).resolves.toMatchObject({
      AS: 'OK',
    });
    await expect(post({ 'P#': '3', RN: '1020', TI: '110000' })).resolves.toMatchObject({
      AS: 'NG',
    });
    expect(sandbox.postings().map((p) => [p.postingNumber, p.reservation])).toEqual([
      [1, 'P'],
      [2, 'M'],
    ]);
  });

  it('checks a G# given on the PS against the room', async () => {
    await start();
    sandbox.checkIn('1012', { reservation: 'A', at: NOW - HOUR });
    await expect(post({ 'P#': '1', 'G#': 'A' })).resolves.toMatchObject({ AS: 'OK' });
    await expect(post({ 'P#': '2', 'G#': 'B' })).resolves.toMatchObject({
      AS: 'NG',
      CT: 'G# not in room',
    });
  });

  it.each([
    ['P#', { 'P#': '0' }, 'P# missing or bad'],
    ['P# leading zero', { 'P#': '012' }, 'P# missing or bad'],
    ['P# over 8 digits', { 'P#': '100000000' }, 'P# missing or bad'],
    ['RN', { RN: '' }, 'RN missing or bad'],
    ['PT', { PT: 'T' }, 'PT T not taken'],
    ['TA', { TA: '16.65' }, 'TA missing or bad'],
    ['DD', { DD: '+1303' }, 'DD missing or bad'],
    ['DD over 20', { DD: '1'.repeat(21) }, 'DD missing or bad'],
    ['DU', { DU: '0061' }, 'DU missing or bad'],
    ['DA', { DA: '261332' }, 'DA/TI not a date/time'],
    ['TI', { TI: '246000' }, 'DA/TI not a date/time'],
    ['CT', { CT: 'x'.repeat(21) }, 'CT over 20 chars'],
  ])('answers UR for a bad %s, saying what is wrong', async (_name, fields, problem) => {
    await start();
    sandbox.checkIn('1012', { at: NOW - HOUR });
    await expect(post({ 'P#': '5', ...fields })).resolves.toMatchObject({ AS: 'UR', CT: problem });
    expect(sandbox.postings()).toEqual([]);
  });

  it('answers UR for a PS without a field at all', async () => {
    await start();
    client.send({ type: 'PS', fields: { RN: '1012', 'P#': '9' } });
    await expect(client.next('PA')).resolves.toMatchObject({
      fields: { AS: 'UR', 'P#': '9', CT: 'PT missing' },
    });
  });

  it('takes a negative TA (a correction)', async () => {
    await start();
    sandbox.checkIn('1012', { at: NOW - HOUR });
    await expect(post({ 'P#': '6', TA: '-250' })).resolves.toMatchObject({ AS: 'OK' });
    expect(sandbox.posting(6)?.amountMinor).toBe(-250);
  });

  it('answers a P# already accepted OK again without posting it twice', async () => {
    await start();
    sandbox.checkIn('1012', { at: NOW - HOUR });
    await expect(post({ 'P#': '77' })).resolves.toMatchObject({ AS: 'OK' });
    await expect(post({ 'P#': '77' })).resolves.toMatchObject({ AS: 'OK', CT: 'duplicate P#' });
    await expect(post({ 'P#': '77', TA: '999' })).resolves.toMatchObject({ AS: 'OK' });
    expect(sandbox.postings()).toHaveLength(1);
    expect(sandbox.posting(77)?.amountMinor).toBe(250);
    expect(sandbox.psCount(77)).toBe(3);
    expect(sandbox.duplicates.map((d) => d.sameContent)).toEqual([true, false]);
  });

  it('reads DA/TI in the hotel zone', async () => {
    // 12:00 UTC is 05:00 in Denver on 2026-12-07 (UTC-7).
    await start({ timezone: 'America/Denver' });
    sandbox.checkIn('1012', { at: NOW - HOUR });
    await expect(post({ 'P#': '1', TI: '050000' })).resolves.toMatchObject({
      AS: 'OK',
      TI: '050000',
    });
    await expect(post({ 'P#': '2', TI: '035900' })).resolves.toMatchObject({ AS: 'NG' });
  });
});
