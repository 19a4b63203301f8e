import { markupProblem } from './matter-rules.service';

describe('markupProblem', () => {
  it.each(['0', '10', '12.5', '-99.999999', '1000', '1000.000', '-0.5'])('takes %s', (text) => {
    expect(markupProblem(text)).toBeNull();
  });

  it.each([
    ['-100', 'above -100'],
    ['-100.5', 'above -100'],
    ['1000.01', 'at most 1000'],
    ['12,5', 'decimal string'],
    ['1e3', 'decimal string'],
    ['12.1234567', 'decimal string'],
    ['', 'decimal string'],
  ])('refuses %s (%s)', (text, message) => {
    expect(markupProblem(text)).toContain(message);
  });
});
