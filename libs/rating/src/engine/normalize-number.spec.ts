import { DialedNumberNormalizer } from './normalize-number';

const digitsOf = (normalizer: DialedNumberNormalizer, raw: string | null) =>
  normalizer.normalize(raw)?.digits ?? null;

/** docs/rating.md, step 2, dialing from the US with access code 9 (the Grand Hotel). */
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
    ['915551234567', '15551234567', 'the access code removed once: 915551234567 -> 15551234567'],
    ['9-1-800-555-1234', '18005551234', 'toll-free'],
  ])('%j -> %j, routable (%s)', (raw, expected) => {
    expect(us.normalize(raw)).toEqual({ digits: expected, routable: true, featureCode: false });
  });

  it.each([
    ['9911', '911', 'access code removed: 3 digits remain'],
    ['911', '911', '911 keeps its 9: only 2 digits would remain'],
    ['9411', '411', 'a service code stays as it is'],
    ['411', '411', 'directory assistance'],
    ['99', '99', 'too short to hold an access code'],
    ['9 555-0100', '5550100', 'a 7-digit local number with no areaCode: no possible number'],
    ['0', '0', 'the operator'],
  ])('%j -> %j, unroutable (%s)', (raw, expected) => {
    expect(us.normalize(raw)).toEqual({ digits: expected, routable: false, featureCode: false });
  });

  it('every digit counts, an extension written after the number included (no possible number: kept as is, unroutable)', () => {
    expect(us.normalize('9.212.555.0100 ext 12')).toEqual({
      digits: '212555010012',
      routable: false,
      featureCode: false,
    });
  });

  it('a + number keeps a leading 9: +91 (India) is not the access code (decision 0007)', () => {
    expect(us.normalize('+91 22 1234 5678')).toEqual({
      digits: '912212345678',
      routable: true,
      featureCode: false,
    });
  });

  it.each([
    ['*67', '67'],
    ['#', ''],
    ['*67 212 555 0100', '672125550100'],
    ['9#', '9'],
    ['#*', ''],
  ])('%j holds * or #: a feature code (digits %j, unroutable)', (raw, digits) => {
    expect(us.normalize(raw)).toEqual({ digits, routable: false, featureCode: true });
  });

  it.each([[''], ['abc'], ['+'], ['EXT']])('no digit in %j -> "", unroutable', (raw) => {
    expect(us.normalize(raw)).toEqual({ digits: '', routable: false, featureCode: false });
  });

  it('null stays null', () => {
    expect(us.normalize(null)).toBeNull();
  });

  it('only ASCII digits count: full-width digits are junk', () => {
    expect(digitsOf(us, '２１２５５５０１００')).toBe('');
  });

  it('the same raw value gives the same answer from the cache', () => {
    expect(us.normalize('9 (212) 555-0100')).toBe(us.normalize('9 (212) 555-0100'));
  });

  it('a multi-digit access code is removed once', () => {
    const pbx = new DialedNumberNormalizer({ country: 'US', accessCode: '81' });
    expect(digitsOf(pbx, '81 303 555 0100')).toBe('13035550100');
    expect(digitsOf(pbx, '81 81 303 555 0100')).toBe('813035550100');
    expect(digitsOf(pbx, '81911')).toBe('911');
  });

  it('no access code: a leading 9 is a digit like any other', () => {
    expect(digitsOf(new DialedNumberNormalizer({ country: 'US' }), '9911')).toBe('9911');
  });

  it('another country: 9 020 7946 0000 from GB -> 442079460000; 00 is its international prefix', () => {
    const gb = new DialedNumberNormalizer({ country: 'GB', accessCode: '9' });
    expect(digitsOf(gb, '9 020 7946 0000')).toBe('442079460000');
    expect(digitsOf(gb, '9 00 1 212 555 0100')).toBe('12125550100');
  });

  it('no dial plan: the digits as recorded, routable only when written with +', () => {
    const none = new DialedNumberNormalizer(undefined);
    expect(none.normalize('(212) 555-0100')).toEqual({
      digits: '2125550100',
      routable: false,
      featureCode: false,
    });
    expect(none.normalize('+44 20 7946 0000')?.routable).toBe(true);
  });

  describe('areaCode (7-digit local dialing in a NANP country)', () => {
    const denver = new DialedNumberNormalizer({ country: 'US', accessCode: '9', areaCode: '303' });

    it.each([
      ['9 555-0100', '13035550100', 'access code removed, 7 digits remain: the area code in front'],
      ['5550100', '13035550100', '7 digits without the access code'],
      ['555.0100', '13035550100', 'punctuation'],
      ['9 720 555 0100', '17205550100', '10 digits keep their own area code'],
      ['9 1 212 555 0100', '12125550100', 'long distance is untouched'],
    ])('%j -> %j, routable (%s)', (raw, expected) => {
      expect(denver.normalize(raw)).toEqual({
        digits: expected,
        routable: true,
        featureCode: false,
      });
    });

    it.each([
      ['9 155-0100', '1550100', '7 digits starting with 1 are not a local number'],
      ['0550100', '0550100', '7 digits starting with 0 neither'],
      ['9411', '411', '3 digits stay a service code'],
      ['555010', '555010', '6 digits are a fragment'],
    ])('%j -> %j, unroutable (%s)', (raw, expected) => {
      expect(denver.normalize(raw)).toEqual({
        digits: expected,
        routable: false,
        featureCode: false,
      });
    });

    it('Canada dials the same way (calling code 1)', () => {
      const toronto = new DialedNumberNormalizer({ country: 'CA', areaCode: '416' });
      expect(digitsOf(toronto, '555-0100')).toBe('14165550100');
    });

    it('a + number is not given the area code', () => {
      expect(denver.normalize('+5550100')).toEqual({
        digits: '5550100',
        routable: true,
        featureCode: false,
      });
    });
  });

  it('refuses an unknown country, a non-digit access code, and an area code that cannot be one', () => {
    expect(() => new DialedNumberNormalizer({ country: 'XX' })).toThrow(
      'dialPlan.country: "XX" is not a country libphonenumber-js knows',
    );
    expect(() => new DialedNumberNormalizer({ country: 'US', accessCode: '*9' })).toThrow(
      'dialPlan.accessCode: "*9" must be digits only',
    );
    expect(() => new DialedNumberNormalizer({ country: 'US', areaCode: '30' })).toThrow(
      'dialPlan.areaCode: "30" must be 3 digits, the first 2 to 9',
    );
    expect(() => new DialedNumberNormalizer({ country: 'GB', areaCode: '303' })).toThrow(
      'dialPlan.areaCode: is only for a country of the North American Numbering Plan (calling code 1)',
    );
  });
});
