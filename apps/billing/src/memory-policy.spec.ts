import { applyMemoryPolicy } from './memory-policy';

describe('applyMemoryPolicy', () => {
  it('sets the heap growing factor unless the operator gave one', () => {
    expect(applyMemoryPolicy([], '')).toBe(true);
    expect(applyMemoryPolicy(['--heap-growing-percent=80'], '')).toBe(false);
    expect(applyMemoryPolicy([], '--max-old-space-size=512 --heap_growing_percent=20')).toBe(false);
    expect(applyMemoryPolicy(['--inspect'], '--max-old-space-size=512')).toBe(true);
  });
});
