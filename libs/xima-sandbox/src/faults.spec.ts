import {
  FaultConfig,
  FaultInjector,
  FaultSpecError,
  parseFaultSpec,
  validateFaultConfig,
} from './faults';
import { seededRandom } from './random';

const header = { allowTimes: false };
const env = { allowTimes: true };

describe('parseFaultSpec', () => {
  it.each<[string, FaultConfig[]]>([
    ['429', [{ mode: '429' }]],
    ['latency=250', [{ mode: 'latency', latencyMs: 250 }]],
    ['202-then-200', [{ mode: '202-then-200' }]],
    ['503, retry-after=7', [{ mode: '503', retryAfterSeconds: 7 }]],
    [' 500 , latency=100 ', [{ mode: '500', latencyMs: 100 }]],
    ['reset, probability=0.25', [{ mode: 'reset', probability: 0.25 }]],
    ['latency=50; truncated', [{ mode: 'latency', latencyMs: 50 }, { mode: 'truncated' }]],
    ['malformed-json;', [{ mode: 'malformed-json' }]],
  ])('reads %p', (text, rules) => {
    expect(parseFaultSpec(text, header)).toEqual(rules);
  });

  it('takes times only from configuration', () => {
    expect(parseFaultSpec('503, times=2', env)).toEqual([{ mode: '503', times: 2 }]);
    expect(() => parseFaultSpec('503, times=2', header)).toThrow('unknown fault option "times"');
  });

  it.each([
    ['', 'empty fault specification'],
    ['teapot', 'unknown fault "teapot"'],
    ['latency', 'latency needs a value in ms'],
    ['latency=soon', 'latency must be a number'],
    ['latency=-5', 'latency must be whole milliseconds'],
    ['429, 503', 'one mode per rule'],
    ['429;retry-after=5', 'names no fault mode'],
    ['500, retry-after=5', 'retry-after applies to 429 and 503 only'],
    ['429, retry-after=1.5', 'retry-after must be whole seconds'],
    ['reset, probability=2', 'probability must be from 0 to 1'],
    ['reset, color=red', 'unknown fault option "color"'],
  ])('rejects %p: %s', (text, message) => {
    expect(() => parseFaultSpec(text, header)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(text, header)).toThrow(message);
  });
});

describe('validateFaultConfig', () => {
  it('requires latencyMs for mode latency and a known mode', () => {
    expect(() => validateFaultConfig({ mode: 'latency' })).toThrow('mode latency needs latencyMs');
    expect(() => validateFaultConfig({ mode: 'nope' as FaultConfig['mode'] })).toThrow(
      'unknown fault mode "nope"',
    );
    expect(() => validateFaultConfig({ mode: '503', times: 0 })).toThrow('times must be');
  });
});

describe('FaultInjector', () => {
  function injector(rules: FaultConfig[]): FaultInjector {
    const faults = new FaultInjector(seededRandom('faults-spec'));
    faults.configure(rules);
    return faults;
  }

  it('answers normally with no rules', () => {
    expect(injector([]).decide([])).toEqual({
      latencyMs: 0,
      fault: undefined,
      retryAfterSeconds: 1,
    });
  });

  it('fires a rule with times=2 for the first two requests only', () => {
    const faults = injector([{ mode: '503', times: 2, retryAfterSeconds: 3 }]);
    const decisions = [1, 2, 3, 4].map(() => faults.decide([]).fault);
    expect(decisions).toEqual(['503', '503', undefined, undefined]);
  });

  it('restarts counts when configured again', () => {
    const faults = injector([{ mode: '500', times: 1 }]);
    expect(faults.decide([]).fault).toBe('500');
    expect(faults.decide([]).fault).toBeUndefined();
    faults.configure([{ mode: '500', times: 1 }]);
    expect(faults.decide([]).fault).toBe('500');
  });

  it('fires with the given probability, reproducibly', () => {
    const count = (probability: number) => {
      const faults = injector([{ mode: '429', probability }]);
      return Array.from({ length: 1000 }, () => faults.decide([]).fault).filter(Boolean).length;
    };
    expect(count(0)).toBe(0);
    expect(count(1)).toBe(1000);
    expect(count(0.3)).toBeGreaterThan(240);
    expect(count(0.3)).toBeLessThan(360);
    expect(count(0.3)).toBe(count(0.3));
  });

  it('lets a request rule win over configuration and adds every latency', () => {
    const faults = injector([
      { mode: 'latency', latencyMs: 100 },
      { mode: '503', latencyMs: 20 },
    ]);
    expect(faults.decide([{ mode: '429', retryAfterSeconds: 9, latencyMs: 5 }])).toEqual({
      latencyMs: 105,
      fault: '429',
      retryAfterSeconds: 9,
    });
    expect(faults.decide([])).toEqual({ latencyMs: 120, fault: '503', retryAfterSeconds: 1 });
  });

  it('does not count a rule that another answer fault pre-empted', () => {
    const faults = injector([
      { mode: '500', times: 1 },
      { mode: '503', times: 1 },
    ]);
    expect([1, 2, 3].map(() => faults.decide([]).fault)).toEqual(['500', '503', undefined]);
  });
});
