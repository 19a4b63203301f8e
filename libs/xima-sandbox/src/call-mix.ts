import { AgentRole } from './directory';
import { pickOne, Random, randomInt, WeightedChoice } from './random';

export type CallDirection = 'Inbound' | 'Outbound' | 'Internal' | 'Intersite';

export interface CallProfile {
  readonly role: AgentRole;
  readonly direction: CallDirection;
}

function profile(role: AgentRole, direction: CallDirection): CallProfile {
  return { role, direction };
}

/** Shares of calls by who and which way, in business hours (Mon-Fri 08:00-18:59) and outside. */
const PROFILES: ReadonlyArray<readonly [CallProfile, number, number]> = [
  [profile('room', 'Outbound'), 30, 45],
  [profile('room', 'Inbound'), 7, 10],
  [profile('room', 'Internal'), 6, 10],
  [profile('house', 'Outbound'), 4, 4],
  [profile('house', 'Inbound'), 5, 4],
  [profile('house', 'Internal'), 4, 5],
  [profile('attorney', 'Outbound'), 24, 3],
  [profile('attorney', 'Inbound'), 10, 1.5],
  [profile('attorney', 'Internal'), 5, 0.5],
  [profile('attorney', 'Intersite'), 5, 0.5],
];

export const BUSINESS_HOURS_PROFILES = new WeightedChoice(
  PROFILES.map(([p, w]) => [p, w] as const),
);
export const OFF_HOURS_PROFILES = new WeightedChoice(PROFILES.map(([p, , w]) => [p, w] as const));

/**
 * Relative call volume by local hour 0-23: quiet nights, a morning ramp, a business-day plateau,
 * a guest-driven evening tail.
 */
export const HOURLY_SHAPE = [
  0.15, 0.1, 0.08, 0.06, 0.06, 0.1, 0.25, 0.5, 0.85, 1, 1, 1, 0.9, 0.95, 1, 1, 0.95, 0.85, 0.7, 0.6,
  0.5, 0.45, 0.35, 0.25,
];

const UNANSWERED_SHARE: Record<CallDirection, number> = {
  Outbound: 0.12,
  Inbound: 0.18,
  Internal: 0.1,
  Intersite: 0.08,
};

export function isUnanswered(random: Random, direction: CallDirection): boolean {
  return random() < UNANSWERED_SHARE[direction];
}

/** Mostly as Xima writes it; a few in other cases, which Xima allows ("any case"). */
export function spellDirection(random: Random, direction: CallDirection): string {
  const roll = random();
  if (roll < 0.03) return direction.toUpperCase();
  if (roll < 0.04) return direction.toLowerCase();
  return direction;
}

// Edges the rating rules care about: sub-second talk, whole seconds, the 30 s grace, 60/6 increments.
const BOUNDARY_TALK_MS = [
  400, 999, 1000, 1001, 29000, 29999, 30000, 30500, 59999, 60000, 60001, 61000, 66000, 3600000,
];

type TalkBand = 'boundary' | 'sub-second' | 'short' | 'normal' | 'long' | 'very-long';
const TALK_BANDS = new WeightedChoice<TalkBand>([
  ['boundary', 4],
  ['sub-second', 1],
  ['short', 15],
  ['normal', 65],
  ['long', 12],
  ['very-long', 3],
]);

function logUniform(random: Random, minMs: number, maxMs: number): number {
  return Math.round(minMs * Math.pow(maxMs / minMs, random()));
}

/** Talking time of an answered call, in milliseconds. */
export function talkDurationMs(random: Random): number {
  switch (TALK_BANDS.pick(random)) {
    case 'boundary':
      return pickOne(random, BOUNDARY_TALK_MS);
    case 'sub-second':
      return randomInt(random, 1, 999);
    case 'short':
      return randomInt(random, 1000, 30000);
    case 'normal':
      return logUniform(random, 30000, 600000);
    case 'long':
      return logUniform(random, 600000, 3600000);
    case 'very-long':
      return logUniform(random, 3600000, 4 * 3600000);
  }
}

/** Ringing before an answer, or until the caller gave up; Call Duration = ringing + talking. */
export function ringDurationMs(
  random: Random,
  direction: CallDirection,
  answered: boolean,
): number {
  if (!answered) return randomInt(random, 5000, 45000);
  return direction === 'Internal' ? randomInt(random, 500, 8000) : randomInt(random, 2000, 20000);
}

/** Client-matter codes, heaviest first; leading zeros are part of the code. */
const ACCOUNT_CODE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['10234-001', 20],
  ['10234-002', 12],
  ['00417-012', 12],
  ['20871-001', 10],
  ['31502-007', 8],
  ['10234-015', 6],
  ['00417-003', 6],
  ['31502-010', 5],
  ['04460-100', 5],
  ['58213-002', 4],
  ['77001-001', 3],
  ['90015-044', 2],
];
const ACCOUNT_CODE_CHOICE = new WeightedChoice<string>(ACCOUNT_CODE_WEIGHTS);

/** The client-matter codes attorneys mean to enter, heaviest first. */
export const ACCOUNT_CODES: readonly string[] = ACCOUNT_CODE_WEIGHTS.map(([code]) => code);

/** Typed wrong at the phone: too few digits, letters, stray spaces, no dash. */
export const MALFORMED_ACCOUNT_CODES = [
  '1023-01',
  'ABC',
  ' 10234-001 ',
  '10234001',
  '10234-01',
  '00417-012 ',
];

/**
 * One-digit typos of valid codes, each with the code meant: two adjacent digits swapped or one
 * digit wrong, still shaped like a code. No matter of the law firm's list is one such edit away
 * from a typo except the code meant (law-firm.ts keeps it so), so a correction queue can tell.
 */
export const TYPO_ACCOUNT_CODES: ReadonlyMap<string, string> = new Map([
  ['10243-001', '10234-001'],
  ['00417-021', '00417-012'],
  ['20871-007', '20871-001'],
  ['31562-007', '31502-007'],
]);

// One draw picks from both lists, so adding the typos changed which mistakes calls carry but not
// how many numbers a call draws: every later field of every call stays as it was.
const MISTYPED_ACCOUNT_CODES = [...MALFORMED_ACCOUNT_CODES, ...TYPO_ACCOUNT_CODES.keys()];

export function validAccountCode(random: Random): string {
  return ACCOUNT_CODE_CHOICE.pick(random);
}

/** Attorneys enter a code on most outbound calls and some inbound ones; nobody else does. */
export function accountCodeFor(random: Random, callProfile: CallProfile): string | undefined {
  if (callProfile.role !== 'attorney') return undefined;
  const roll = random();
  if (callProfile.direction === 'Outbound') {
    if (roll < 0.8) return validAccountCode(random);
    if (roll < 0.91) return undefined;
    return pickOne(random, MISTYPED_ACCOUNT_CODES);
  }
  if (callProfile.direction === 'Inbound' && roll < 0.2) return validAccountCode(random);
  return undefined;
}
