import { parsePmsFaultSpec } from './pms-faults';

describe('parsePmsFaultSpec', () => {
  it('reads every fault', () => {
    expect(
      parsePmsFaultSpec(
        'ng:1012, np:1013,ur:1014,ry:3,na:60000,swallow,drop-before:2,drop-after,split:bytes,merge,noise',
      ),
    ).toEqual({
      roomAnswers: { '1012': 'NG', '1013': 'NP', '1014': 'UR' },
      retryNext: 3,
      nightAuditMs: 60000,
      swallowNext: 1,
      dropBeforeAnswer: 2,
      dropAfterAnswer: 1,
      split: 'bytes',
      merge: true,
      noise: true,
    });
    expect(parsePmsFaultSpec('na')).toEqual({ nightAuditMs: 0 });
    expect(parsePmsFaultSpec('')).toEqual({});
  });

  it.each([
    ['ng', 'ng takes a room number'],
    ['ry:x', 'ry takes a whole number, got "x"'],
    ['split:half', 'split takes "bytes" or "random"'],
    ['merge:1', 'merge takes no value'],
    ['boom', 'unknown fault "boom"'],
  ])('refuses %s', (spec, message) => {
    expect(() => parsePmsFaultSpec(spec)).toThrow(message);
  });
});
