import { chooseLogFormat } from './log-format';

describe('chooseLogFormat', () => {
  it('writes readable lines to a terminal and JSON lines anywhere else', () => {
    expect(chooseLogFormat(undefined, true)).toBe('pretty');
    expect(chooseLogFormat(undefined, false)).toBe('json');
  });

  it('lets LOG_FORMAT decide whatever stdout is', () => {
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
    expect(chooseLogFormat('json', false)).toBe('json');
    expect(chooseLogFormat('pretty', true)).toBe('pretty');
  });
});
