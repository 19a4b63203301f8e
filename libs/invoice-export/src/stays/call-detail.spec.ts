import type { Readable } from 'node:stream';
import type { Stay } from '@app/ledger';
import type { CallDetail, CallDetailLine } from './call-detail';
import { callDetailFileName, totalsOf } from './call-detail';
import { callDetailCsv } from './call-detail-csv';
import { callDetailPdf } from './call-detail-pdf';

const DAY = Date.parse('2026-03-02T07:00:00Z'); // midnight in Denver

const stay = (id: number, room: string, fromHour: number, toHour: number | null): Stay => ({
  id,
  linkId: 1,
  room,
  reservation: 'R-7',
  guestName: 'Nguyễn, Anh', // a name the PDF's fonts cannot all write
  sharer: false,
  fromMs: DAY + fromHour * 3_600_000,
  toMs: toHour === null ? null : DAY + toHour * 3_600_000,
  endedBy: toHour === null ? null : 'move',
  createdAtMs: 0,
  updatedAtMs: 0,
});

const line = (postingId: number, hour: number, changes: Partial<CallDetailLine> = {}) => ({
  postingId,
  startTimeMs: DAY + hour * 3_600_000,
  room: '1012',
  number: '+13035550100',
  talkSeconds: 3725,
  amountMinor: 159,
  currency: 'USD',
  ...changes,
});

function detailOf(lines: CallDetailLine[]): CallDetail {
  const stays = [stay(1, '1012', 8, 12), stay(2, '1014', 12, null)];
  return {
    stay: stays[1],
    stays,
    issuer: {
      name: 'Grand Hotel',
      kind: 'hotel',
      address: ['1 Main St', 'Denver CO'],
      taxId: null,
      paymentTerms: null,
    } as unknown as CallDetail['issuer'],
    timezone: 'America/Denver',
    lines,
    asOfMs: DAY + 20 * 3_600_000,
  };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('a stay call detail', () => {
  const lines = [
    line(1, 9),
    line(2, 13, { room: '1014', amountMinor: 300 }),
    // A correction of the first charge: a negative row.
    line(3, 9, { amountMinor: -159 }),
  ];

  it('CSV: local dates and times, a row a posting, a total a currency', () => {
    expect(callDetailCsv(detailOf(lines)).toString()).toBe(
      [
        'date,time,room,number_dialled,duration,talk_seconds,amount,currency',
        "2026-03-02,09:00:00,1012,'+13035550100,1:02:05,3725,1.59,USD",
        "2026-03-02,13:00:00,1014,'+13035550100,1:02:05,3725,3.00,USD",
        "2026-03-02,09:00:00,1012,'+13035550100,1:02:05,3725,-1.59,USD",
        'total,,,,,,3.00,USD',
        '',
      ].join('\n'),
    );
  });

  it('totals each currency apart, in the order they first appear', () => {
    expect(totalsOf([line(1, 9), line(2, 10, { currency: 'EUR', amountMinor: 5 })])).toEqual([
      ['USD', 159],
      ['EUR', 5],
    ]);
  });

  it('PDF: the same bytes for the same detail, whatever the name holds', async () => {
    const first = await bytesOf(callDetailPdf(detailOf(lines)));
    const second = await bytesOf(callDetailPdf(detailOf(lines)));
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(first, second)).toBe(0);
    const empty = await bytesOf(callDetailPdf(detailOf([])));
    expect(empty.length).toBeGreaterThan(500);
  });

  it('names its file by reservation and room', () => {
    expect(callDetailFileName(detailOf([]), 'csv')).toBe('stay-R-7-1014.csv');
  });
});
