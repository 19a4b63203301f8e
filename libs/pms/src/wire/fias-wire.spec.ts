import fc from 'fast-check';
import { FiasFramer } from './fias-framer';
import { encodeRecord, ETX, FiasRecord, parseRecord, STX } from './fias-record';
import { FIAS_CHARSETS } from './charset';

const recordId = fc.stringMatching(/^[A-Z]{2}$/);
const fieldId = fc.stringMatching(/^[A-Z0-9#]{2}$/);
// Printable ASCII but "|": what a field may hold in every charset.
const value = fc.stringMatching(/^[ -{}~]{0,30}$/);
const record: fc.Arbitrary<FiasRecord> = fc.record({
  type: recordId,
  fields: fc.dictionary(fieldId, value, { maxKeys: 8 }),
});

function parsed(data: Buffer): FiasRecord {
  const result = parseRecord(data);
  if (!result.ok) throw new Error(result.error);
  return result.record;
}

describe('FIAS records', () => {
  it('encodes a posting as STX, the fields with their ids, ETX', () => {
    const bytes = encodeRecord({ type: 'PS', fields: { RN: '1012', PT: 'C', TA: '1665' } });
    expect(bytes.toString('latin1')).toBe('\x02PS|RN1012|PTC|TA1665|\x03');
  });

  it('reads fields in any order, without a last "|", skipping entries shorter than an id', () => {
    expect(parsed(Buffer.from('PA|P#12|ASOK||X|RN1012'))).toEqual({
      type: 'PA',
      fields: { 'P#': '12', AS: 'OK', RN: '1012' },
    });
  });

  it('refuses data without a record id, and a value holding "|" or a control character', () => {
    expect(parseRecord(Buffer.from('|RN1012|'))).toMatchObject({ ok: false });
    expect(() => encodeRecord({ type: 'PS', fields: { CT: 'a|b' } })).toThrow(
      'field CT holds a "|"',
    );
    expect(() => encodeRecord({ type: 'PS', fields: { CT: 'a\x03' } })).toThrow('control');
    expect(() => encodeRecord({ type: 'P', fields: {} })).toThrow('record id');
  });

  it('writes accented names in the link charset, and "?" for them in ASCII', () => {
    const gi: FiasRecord = { type: 'GI', fields: { GN: 'Müller' } };
    expect(encodeRecord(gi, 'cp850').includes(0x81)).toBe(true);
    expect(encodeRecord(gi, 'windows-1252').includes(0xfc)).toBe(true);
    expect(parsed(encodeRecord(gi, 'ascii').subarray(1, -1)).fields.GN).toBe('M?ller');
    for (const charset of FIAS_CHARSETS.filter((c) => c !== 'ascii')) {
      const bytes = encodeRecord(gi, charset);
      expect(parseRecord(bytes.subarray(1, -1), charset)).toEqual({ ok: true, record: gi });
    }
  });

  it('property: any record encoded then decoded is itself', () => {
    fc.assert(
      fc.property(record, fc.constantFrom(...FIAS_CHARSETS), (r, charset) => {
        const framed = encodeRecord(r, charset);
        expect(framed[0]).toBe(STX);
        expect(framed[framed.length - 1]).toBe(ETX);
        const back = parseRecord(framed.subarray(1, -1), charset);
        expect(back).toEqual({ ok: true, record: r });
      }),
    );
  });
});

describe('FiasFramer', () => {
  const frame = (chunks: Buffer[], max?: number) => {
    const framer = new FiasFramer(max);
    const out: string[] = [];
    let noise = 0;
    let oversized = 0;
    for (const chunk of chunks) {
      const frames = framer.push(chunk);
      out.push(...frames.records.map((r) => r.toString('latin1')));
      noise += frames.noiseBytes;
      oversized += frames.oversized;
    }
    return { out, noise, oversized };
  };

  it('joins a record split over reads and cuts several records out of one read', () => {
    const a = encodeRecord({ type: 'LS', fields: { DA: '261207' } });
    const b = encodeRecord({ type: 'LA', fields: {} });
    const both = Buffer.concat([a, b]);
    expect(frame([both.subarray(0, 5), both.subarray(5)]).out).toEqual(['LS|DA261207|', 'LA|']);
  });

  it('skips noise outside STX…ETX and a record that starts again at a new STX', () => {
    const result = frame([Buffer.from('\r\nxx\x02PS|RN1\x02LA|\x03zz')]);
    expect(result.out).toEqual(['LA|']);
    expect(result.noise).toBe(4 + 6 + 2);
  });

  it('drops a record longer than the limit, up to its ETX, and reads the next one', () => {
    const long = Buffer.concat([Buffer.from([STX]), Buffer.alloc(100, 0x41), Buffer.from([ETX])]);
    const next = encodeRecord({ type: 'LA', fields: {} });
    const result = frame([long.subarray(0, 40), long.subarray(40), next], 64);
    expect(result.out).toEqual(['LA|']);
    expect(result.oversized).toBe(1);
  });

  it('property: any split of a byte stream decodes to the same records', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.uint8Array({ maxLength: 5 }).map((bytes) => Buffer.from(bytes.filter((b) => b !== STX))),
        (records, cuts, noise) => {
          const stream = Buffer.concat(records.flatMap((r) => [noise, encodeRecord(r)]));
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort(
            (x, y) => x - y,
          );
          const chunks: Buffer[] = [];
          let from = 0;
          for (const point of [...points, stream.length]) {
            chunks.push(stream.subarray(from, point));
            from = point;
          }
          const whole = frame([stream]).out;
          expect(frame(chunks).out).toEqual(whole);
          expect(whole.map((data) => parsed(Buffer.from(data, 'latin1')))).toEqual(records);
        },
      ),
    );
  });
});
