/**
 * Rates synthetic calls and prints calls per second; not a Jest spec. Run:
 *   npx tsc --outDir /tmp/rating-bench --rootDir libs/rating/src --module commonjs --target es2022 \
 *     --strict --skipLibCheck --esModuleInterop libs/rating/src/engine/rating.bench.ts
 *   NODE_PATH=node_modules node /tmp/rating-bench/engine/rating.bench.js [records] [distinct numbers]
 */
import type { CanonicalCallRecord, PerCallPlan } from '../plan/rate-plan';
import { compilePlan } from './compile-plan';
import { grandHotelPlan } from './fixtures/grand-hotel.plan';
import { rateCall } from './rate-call';

const RECORDS = Number(process.argv[2] ?? 1_000_000);
const DISTINCT_NUMBERS = Number(process.argv[3] ?? 20_000);

/** The example plan with 5,000 more prefixes (a carrier's table), as issue 3's benchmark asks. */
function bigPlan(): PerCallPlan {
  const destinations = [...grandHotelPlan.destinations];
  for (let i = 0; destinations.length < 5_006; i++) {
    destinations.push({ prefix: String(2_000_000 + i * 7), class: 'international' });
  }
  return { ...grandHotelPlan, destinations };
}

/** A deterministic pseudo-random sequence (mulberry32; no Math.random: the run is repeatable). */
function* numbers(seed: number): Generator<number> {
  let state = seed >>> 0;
  for (;;) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    yield (t ^ (t >>> 14)) >>> 0;
  }
}

function records(count: number, distinct: number): CanonicalCallRecord[] {
  const random = numbers(42);
  const next = () => random.next().value as number;
  // Every entry distinct: seven digits from the index, after an area or country code.
  const pool = Array.from({ length: distinct }, (_, i) => {
    const seven = String(i).padStart(7, '0');
    switch (i % 5) {
      case 0:
        return `9 (303) ${seven.slice(0, 3)}-${seven.slice(3)}`;
      case 1:
        return `9-212-${seven.slice(0, 3)}-${seven.slice(3)}`;
      case 2:
        return `9011 44 20 ${seven.slice(0, 3)} ${seven.slice(3)}`;
      case 3:
        return `+33 1 ${seven}0`;
      default:
        return `9 1 800 ${seven}`;
    }
  });
  const start = Date.UTC(2026, 2, 1);
  return Array.from({ length: count }, (_, i) => ({
    callId: `c${i}`,
    startTimeMs: start + (next() % (31 * 86_400)) * 1000,
    direction: i % 10 === 0 ? 'inbound' : 'outbound',
    extension: String(1001 + (next() % 1200)),
    dialedNumber: pool[next() % distinct],
    talkMs: next() % 900_000,
    accountCode: null,
  }));
}

function run(label: string, count: number, distinct: number, warm = false): void {
  const plan = compilePlan(bigPlan());
  const input = records(count, distinct);
  // Warm: every number already normalised once, so only the engine's own work is timed.
  if (warm) for (const record of input) rateCall(plan, record);
  let checksum = 0;
  const started = process.hrtime.bigint();
  for (const record of input) checksum += rateCall(plan, record).totalMinor;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${label}: ${count} calls in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} calls/s (checksum ${checksum})\n`,
  );
}

run(`numbers from a pool of ${DISTINCT_NUMBERS}, normaliser warm`, RECORDS, DISTINCT_NUMBERS, true);
run(`numbers from a pool of ${DISTINCT_NUMBERS}, cold`, RECORDS, DISTINCT_NUMBERS);
run('every number distinct (worst case)', Math.min(RECORDS, 200_000), Math.min(RECORDS, 200_000));
