import { codeTemplate, matterCode } from './matter-code';

const PATTERN = '^(?<client>\\d{5})-(?<matter>\\d{3})$';

describe('matterCode: a code as client and matter, and back, by the plan pattern', () => {
  it('splits 10234-001 into client 10234 and matter 001, and refuses a malformed code', () => {
    const codes = matterCode(PATTERN)!;
    expect(codes.parse('10234-001')).toEqual({ client: '10234', matter: '001' });
    expect(codes.parse(' 10234-001 ')).toEqual({ client: '10234', matter: '001' });
    expect(codes.parse('1023-001')).toBeNull();
    expect(codes.parse('10234-0012')).toBeNull();
  });

  it("writes a matter's code from the pattern's literal text: the dash comes from the plan", () => {
    expect(matterCode(PATTERN)!.codeFor('10234', '001')).toBe('10234-001');
    expect(matterCode('(?<client>[A-Z]{3})\\.(?<matter>\\d{4})')!.codeFor('ACM', '0007')).toBe(
      'ACM.0007',
    );
    expect(matterCode('C(?<client>\\d+)/M(?<matter>\\d+)')!.codeFor('12', '3')).toBe('C12/M3');
    expect(matterCode('(?<matter>\\d{3}):(?<client>\\d{5})')!.codeFor('10234', '001')).toBe(
      '001:10234',
    );
  });

  it('writes nothing the pattern would not read back as the same client and matter', () => {
    expect(matterCode(PATTERN)!.codeFor('1023', '001')).toBeNull();
    expect(matterCode(PATTERN)!.codeFor('10234', '0001')).toBeNull();
  });

  it('has no template for a pattern with more than literals around its groups', () => {
    expect(codeTemplate('(?<client>\\d{5})[-.](?<matter>\\d{3})')).toBeNull();
    expect(codeTemplate('(?<client>\\d{5})-?(?<matter>\\d{3})')).toBeNull();
    expect(codeTemplate('(?<client>\\d{5})\\d(?<matter>\\d{3})')).toBeNull();
    expect(
      matterCode('(?<client>\\d{5})[-.](?<matter>\\d{3})')!.codeFor('10234', '001'),
    ).toBeNull();
  });

  it('is null for a pattern without both groups', () => {
    expect(matterCode('\\d{5}-\\d{3}')).toBeNull();
    expect(matterCode('(?<client>\\d{5})-\\d{3}')).toBeNull();
  });
});
