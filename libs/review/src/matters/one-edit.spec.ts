import { oneEditApart, oneEditCodes } from './one-edit';

describe('oneEditCodes: the codes one edit from a dialed code', () => {
  const candidates = oneEditCodes('10243-001');

  it.each([
    ['two adjacent digits swapped', '10234-001'],
    ['one digit changed', '10243-002'],
    ['one digit left out (deleted)', '1024-001'],
    ['one digit too many (inserted)', '102433-001'],
    ['a digit for the dash', '102430001'],
  ])('has %s: %s', (_, code) => {
    expect(candidates).toContain(code);
    expect(oneEditApart('10243-001', code)).toBe(true);
  });

  it.each([
    ['the code itself', '10243-001'],
    ['two changes', '10234-002'],
    ['a swap that is not adjacent', '30241-001'],
    ['two deletions', '103-001'],
  ])('has not %s: %s', (_, code) => {
    expect(candidates).not.toContain(code);
    expect(oneEditApart('10243-001', code)).toBe(false);
  });

  it('is a few hundred sorted, distinct codes, every one one edit apart', () => {
    expect(candidates.length).toBeLessThan(400);
    expect([...candidates].sort()).toEqual(candidates);
    expect(new Set(candidates).size).toBe(candidates.length);
    expect(candidates.every((code) => oneEditApart('10243-001', code))).toBe(true);
  });

  it('puts letters in when the code has one', () => {
    expect(oneEditCodes('AB12')).toContain('AC12');
    expect(oneEditCodes('1234')).not.toContain('1A34');
  });
});
