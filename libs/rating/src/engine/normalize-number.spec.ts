import { DialedNumberNormalizer } from './normalize-number';

/** rating.md step 2, dialing from the US with access code 9 (the Grand Hotel). */
describe('DialedNumberNormalizer', () => {
  const us = new DialedNumberNormalizer({ country: 'US', accessCode: '9' });

  it.each([
    ['9 (212) 555-0100', '12125550100', 'access code removed, punctuation dropped, +1 added'],
    ['3035550100', '13035550100', 'a national number gets its country code'],
    ['1-303-555-0100', '13035550100', 'a national number with its trunk 1'],
    ['011442079460000', '442079460000', 'the 011 international prefix is removed'],
    ['9011 44 20 7946 0000', '442079460000', 'access code, then 011'],
    ['+44 20 7946 0000', '442079460000', '+ means already international'],
    ['+1 (303) 555-0100', '13035550100', '+1 stays'],
    ['  +44 20 7946 0000', '442079460000', 'spaces before the + do not hide it'],
    ['9911', '911', 'access code removed: 3 digits remain'],
    ['911', '911', '911 keeps its 9: only 2 digits would remain'],
    ['9411', '411', 'a service code stays as it is'],
    ['99', '99', 'too short to hold an access code'],
    ['915551234567', '15551234567', 'rating.md: 915551234567 -> 15551234567'],
    ['9-1-800-555-1234', '18005551234', 'toll-free'],
  ])('%j -> %j (%s)', (raw, expected) => {
    expect(us.normalize(raw)).toBe(expected);
  });

  it('every digit counts, an extension written after the number included (no possible number: kept as is)', () => {
    expect(us.normalize('9.212.555.0100 ext 12')).toBe('212555010012');
  });

  it('a + number keeps a leading 9: +91 (India) is not the access code (decision 0007)', () => {
    expect(us.normalize('+91 22 1234 5678')).toBe('912212345678');
  });

  it.each([
    ['', ''],
    ['abc', ''],
    ['#*', ''],
    ['+', ''],
  ])('no digit in %j -> ""', (raw, expected) => {
    expect(us.normalize(raw)).toBe(expected);
  });

  it('null stays null', () => {
    expect(us.normalize(null)).toBeNull();
  });

  it('only ASCII digits count: full-width digits are junk', () => {
    expect(us.normalize('２１２５５５０１００')).toBe('');
  });

  it('the same raw value gives the same answer from the cache', () => {
    expect(us.normalize('9 (212) 555-0100')).toBe(us.normalize('9 (212) 555-0100'));
  });

  it('a multi-digit access code is removed once', () => {
    const pbx = new DialedNumberNormalizer({ country: 'US', accessCode: '81' });
    expect(pbx.normalize('81 303 555 0100')).toBe('13035550100');
    expect(pbx.normalize('81 81 303 555 0100')).toBe('813035550100');
    expect(pbx.normalize('81911')).toBe('911');
  });

  it('no access code: a leading 9 is a digit like any other', () => {
    expect(new DialedNumberNormalizer({ country: 'US' }).normalize('9911')).toBe('9911');
  });

  it('another country: 9 020 7946 0000 from GB -> 442079460000; 00 is its international prefix', () => {
    const gb = new DialedNumberNormalizer({ country: 'GB', accessCode: '9' });
    expect(gb.normalize('9 020 7946 0000')).toBe('442079460000');
    expect(gb.normalize('9 00 1 212 555 0100')).toBe('12125550100');
  });

  it('no dial plan: the digits as recorded', () => {
    expect(new DialedNumberNormalizer(undefined).normalize('(212) 555-0100')).toBe('2125550100');
  });

  it('refuses an unknown country and a non-digit access code', () => {
    expect(() => new DialedNumberNormalizer({ country: 'XX' })).toThrow(
      'dialPlan.country: "XX" is not a country libphonenumber-js knows',
    );
    expect(() => new DialedNumberNormalizer({ country: 'US', accessCode: '*9' })).toThrow(
      'dialPlan.accessCode: "*9" must be digits only',
    );
  });
});
