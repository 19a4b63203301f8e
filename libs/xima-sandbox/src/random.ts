import { createHash } from 'node:crypto';

/** A uniform number in [0, 1). */
export type Random = () => number;

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128 bits of state, a few integer ops per
 * draw, good statistical quality. Fast enough to draw tens of millions of numbers a second.
 */
export function sfc32(a: number, b: number, c: number, d: number): Random {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A generator seeded by a SHA-256 of the parts, so that any change of a part gives a new stream. */
export function seededRandom(...parts: ReadonlyArray<string | number>): Random {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  const random = sfc32(
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  );
  for (let i = 0; i < 12; i++) random();
  return random;
}

/** An integer in [min, max], both inclusive. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pickOne<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Picks entries in proportion to their weights (weights need not sum to 1). */
export class WeightedChoice<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random() * this.total;
    const last = this.items.length - 1;
    for (let i = 0; i < last; i++) {
      if (target < this.cumulative[i]) return this.items[i];
    }
    return this.items[last];
  }
}
