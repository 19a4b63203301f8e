import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A fixture file as text (`rate-plans/grand-hotel.json`). */
export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** A JSON fixture, parsed afresh on every call so that tests can change their copy. */
export function fixtureJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

export const fixturePath = (path: string): string => join(FIXTURES, path);

const SAMPLE_PLANS = join(__dirname, '..', '..', 'apps', 'billing', 'src', 'demo', 'plans');

/** A sample rate plan of docs/rating.md (the plans demo mode seeds), parsed afresh. */
export function samplePlan<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(samplePlanPath(name), 'utf8')) as T;
}

export const samplePlanPath = (name: string): string => join(SAMPLE_PLANS, `${name}.json`);
