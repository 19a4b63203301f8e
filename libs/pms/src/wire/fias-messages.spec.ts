import { FiasRecordError, recordText } from './fias-record';
import {
  databaseResync,
  fiasClearText,
  fiasDialedDigits,
  fiasDuration,
  linkAlive,
  linkDescription,
  linkDescriptionRecords,
  linkRecords,
  linkStart,
  postingSimple,
  readGuest,
  readPostingAnswer,
} from './fias-messages';
import { fiasDateTime, isFiasDate, isFiasTime } from './fias-time';
import type { PostingRequest } from '../link/link-types';

const now = { date: '261207', time: '093005' };
const request: PostingRequest = {
  postingNumber: 42,
  room: '1012',
  amountMinor: 1665,
  dialedDigits: '+1 (702) 555-0100',
  durationSeconds: 125,
  start: { date: '261207', time: '091500' },
  clearText: 'Long distance',
};

describe('FIAS messages', () => {
  it('writes the link records with their date and time, LD as call accounting with our version', () => {
    expect(recordText(linkStart(now))).toBe('LS|DA261207|TI093005|');
    expect(recordText(linkAlive(now))).toBe('LA|DA261207|TI093005|');
    expect(recordText(linkDescription(now, '1.4.0'))).toBe('LD|DA261207|TI093005|V#1.4.0|IFCA|');
    expect(recordText(databaseResync(now))).toBe('DR|DA261207|TI093005|');
  });

  it('registers one LR per record used, each with the fields it uses', () => {
    expect(linkRecords().map(recordText)).toEqual([
      'LR|RIPS|FLRNG#PTTADDDUDATIP#CT|',
      'LR|RIPA|FLASP#RNDATICT|',
      'LR|RIGI|FLRNG#GNGSGAGDSFDATI|',
      'LR|RIGO|FLRNG#GSSFDATI|',
      'LR|RIGC|FLRNG#GNGSGAGDRODATI|',
      'LR|RIDR|FLDATI|',
      'LR|RIDS|FLDATI|',
      'LR|RIDE|FLDATI|',
      'LR|RINS|FLDATI|',
      'LR|RINE|FLDATI|',
    ]);
    const start = linkDescriptionRecords(now, '1').map((r) => r.type);
    expect(start).toEqual(['LD', ...Array<string>(10).fill('LR'), 'LA']);
  });

  it('writes a PS: type C, TA in minor units, digits only, DU as HHMMSS, P# without zeros', () => {
    expect(recordText(postingSimple(request))).toBe(
      'PS|RN1012|PTC|TA1665|DD17025550100|DU000205|DA261207|TI091500|P#42|CTLong distance|',
    );
  });

  it("names the guest's folio with G# when the reservation is known, and refuses one it cannot write", () => {
    expect(postingSimple({ ...request, reservation: '482913' }).fields['G#']).toBe('482913');
    expect(() => postingSimple({ ...request, reservation: '48|2913' })).toThrow('G#');
  });

  it('writes a correction as a negative TA, and leaves CT out when there is none', () => {
    const record = postingSimple({ ...request, amountMinor: -250, clearText: undefined });
    expect(record.fields.TA).toBe('-250');
    expect(record.fields).not.toHaveProperty('CT');
  });

  it('cuts DD to 20 digits and CT to 20 characters with no "|" or control characters', () => {
    const record = postingSimple({
      ...request,
      dialedDigits: '011 44 20 7946 0000 1234 5678',
      clearText: 'a|b\tc\x03 a long clear text that goes on',
    });
    expect(record.fields.DD).toBe('01144207946000012345');
    expect(record.fields.CT).toBe('a b c  a long clear');
    expect(fiasClearText(' |\x01 ')).toBe('');
    expect(fiasDialedDigits('*72#')).toBe('72');
  });

  it('writes DU from seconds: 3725 s -> 010205, never below 0 nor above 99:59:59', () => {
    expect(fiasDuration(3725)).toBe('010205');
    expect(fiasDuration(59.9)).toBe('000059');
    expect(fiasDuration(-5)).toBe('000000');
    expect(fiasDuration(100 * 3600)).toBe('995959');
  });

  it('refuses a PS it cannot write: P# out of range, a fraction of a minor unit, no room, bad date', () => {
    const bad: Partial<PostingRequest>[] = [
      { postingNumber: 0 },
      { postingNumber: 100_000_000 },
      { postingNumber: 1.5 },
      { amountMinor: 16.65 },
      { room: ' ' },
      { room: '10|12' },
      { start: { date: '261307', time: '091500' } },
      { start: { date: '261207', time: '246000' } },
    ];
    for (const change of bad) {
      expect(() => postingSimple({ ...request, ...change })).toThrow(FiasRecordError);
    }
  });

  it('reads a PA: P#, AS, RN and CT', () => {
    const raw = { type: 'PA', fields: { AS: 'ng', 'P#': '42', RN: '1012', CT: 'No guest' } };
    expect(readPostingAnswer(raw)).toEqual({
      ok: true,
      value: { postingNumber: 42, status: 'NG', room: '1012', clearText: 'No guest', raw },
    });
    const ok = readPostingAnswer({ type: 'PA', fields: { AS: 'OK', 'P#': '7' } });
    expect(ok).toMatchObject({ ok: true, value: { room: null, clearText: null } });
  });

  it('names what a PA lacks or holds wrong', () => {
    expect(readPostingAnswer({ type: 'PA', fields: { RN: '1' } })).toEqual({
      ok: false,
      error: 'PA without P#, AS',
    });
    expect(readPostingAnswer({ type: 'PA', fields: { AS: 'OK', 'P#': 'x1' } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"x1"') as string,
    });
    expect(readPostingAnswer({ type: 'PA', fields: { AS: 'OK', 'P#': '0' } }).ok).toBe(false);
    expect(readPostingAnswer({ type: 'PS', fields: {} }).ok).toBe(false);
  });

  it('reads a GI with its guest, sharer flag, time, arrival and departure', () => {
    const raw = {
      type: 'GI',
      fields: {
        RN: '1012',
        'G#': '880123',
        GN: 'Müller, Anna',
        GS: 'Y',
        DA: '261207',
        TI: '140000',
        GA: '261207',
        GD: '261210',
        SF: 'N',
      },
    };
    expect(readGuest(raw, true)).toEqual({
      ok: true,
      value: {
        kind: 'check-in',
        room: '1012',
        reservation: '880123',
        guestName: 'Müller, Anna',
        sharer: true,
        at: { date: '261207', time: '140000' },
        arrivalDate: '261207',
        departureDate: '261210',
        oldRoom: null,
        resync: true,
        raw,
      },
    });
  });

  it('reads a GO and a GC room move; a time without its date is no time', () => {
    const go = readGuest({ type: 'GO', fields: { RN: '1012', 'G#': '8', TI: '110000' } }, false);
    expect(go).toMatchObject({
      ok: true,
      value: { kind: 'check-out', guestName: null, sharer: false, at: null, resync: false },
    });
    const gc = readGuest({ type: 'GC', fields: { RN: '1014', 'G#': '8', RO: '1012' } }, false);
    expect(gc).toMatchObject({ ok: true, value: { kind: 'guest-change', oldRoom: '1012' } });
  });

  it('names what a guest record lacks', () => {
    expect(readGuest({ type: 'GI', fields: { GN: 'A' } }, false)).toEqual({
      ok: false,
      error: 'GI without RN, G#',
    });
    expect(readGuest({ type: 'GO', fields: { RN: '1', 'G#': ' ' } }, false)).toEqual({
      ok: false,
      error: 'GO without G#',
    });
    expect(readGuest({ type: 'PA', fields: {} }, false).ok).toBe(false);
  });
});

describe('fiasDateTime', () => {
  const instant = Date.UTC(2026, 11, 7, 23, 5, 9);

  it('writes the wall clock of the zone as YYMMDD and HHMMSS', () => {
    expect(fiasDateTime(instant, 'UTC')).toEqual({ date: '261207', time: '230509' });
    expect(fiasDateTime(instant, 'Europe/Berlin')).toEqual({ date: '261208', time: '000509' });
    expect(fiasDateTime(instant, 'America/Los_Angeles')).toEqual({
      date: '261207',
      time: '150509',
    });
  });

  it('writes midnight as 000000, never 240000', () => {
    expect(fiasDateTime(Date.UTC(2026, 0, 1), 'UTC')).toEqual({ date: '260101', time: '000000' });
  });

  it('knows a FIAS date and time from other text', () => {
    expect([isFiasDate('261207'), isFiasDate('261232'), isFiasDate('2612')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([isFiasTime('235959'), isFiasTime('240000'), isFiasTime('12345')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
