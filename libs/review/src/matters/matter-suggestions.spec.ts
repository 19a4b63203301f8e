import { CodedMatter, MatterRow, SuggestionSignals, rankSuggestions } from './matter-suggestions';

let nextId = 0;
const matter = (code: string, status: 'open' | 'closed' = 'open'): CodedMatter => {
  const [clientNumber, matterNumber] = code.split('-');
  const row: MatterRow = {
    id: ++nextId,
    clientNumber,
    clientName: `Client ${clientNumber}`,
    matterNumber,
    matterName: `Matter ${matterNumber}`,
    status,
    billable: true,
  };
  return { matter: row, code };
};

const signals = (over: Partial<SuggestionSignals>): SuggestionSignals => ({
  dialed: '10243-001',
  extension: '253',
  days: 90,
  used: [],
  oneEdit: [],
  client: null,
  clientMatters: [],
  ...over,
});

describe('rankSuggestions: likely matters, best first', () => {
  const intended = matter('10234-001');
  const habit = matter('55555-010');
  const otherTypo = matter('10243-011');
  const clientOpen = matter('10243-100');

  it('a one-digit typo: the one-edit matter the extension also uses comes first, then one-edit, then habit, then the client', () => {
    const ranked = rankSuggestions(
      signals({
        used: [
          { ...habit, uses: 30 },
          { ...intended, uses: 12 },
        ],
        oneEdit: [otherTypo, intended],
        client: '10243',
        clientMatters: [clientOpen, otherTypo],
      }),
    );
    expect(ranked.map((s) => [s.code, s.score])).toEqual([
      ['10234-001', 6],
      ['10243-011', 5],
      ['55555-010', 2],
      ['10243-100', 1],
    ]);
    expect(ranked[0].why).toEqual([
      'one edit from 10243-001',
      'used 12 times by extension 253 in the last 90 days',
    ]);
    expect(ranked[1].why).toEqual(['one edit from 10243-001', 'an open matter of client 10243']);
  });

  it('the extension habit alone: by how often, then by code', () => {
    const a = matter('20000-001');
    const b = matter('20000-002');
    const c = matter('20000-003');
    const ranked = rankSuggestions(
      signals({
        dialed: null,
        used: [
          { ...c, uses: 1 },
          { ...b, uses: 4 },
          { ...a, uses: 4 },
        ],
      }),
    );
    expect(ranked.map((s) => s.code)).toEqual(['20000-001', '20000-002', '20000-003']);
    expect(ranked[2].why).toEqual(['used once by extension 253 in the last 90 days']);
  });

  it('one-edit matters tie by code', () => {
    const ranked = rankSuggestions(
      signals({ oneEdit: [matter('10243-009'), matter('10234-001'), matter('10243-002')] }),
    );
    expect(ranked.map((s) => s.code)).toEqual(['10234-001', '10243-002', '10243-009']);
  });

  it('never suggests a closed matter, and stops at the limit', () => {
    const closed = matter('10234-001', 'closed');
    const many = Array.from({ length: 15 }, (_, i) =>
      matter(`30000-${String(i).padStart(3, '0')}`),
    );
    const ranked = rankSuggestions(signals({ oneEdit: [closed], clientMatters: many }));
    expect(ranked).toHaveLength(10);
    expect(ranked.map((s) => s.code)).not.toContain('10234-001');
  });
});
