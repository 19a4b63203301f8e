import type { ErrorDetail } from '@app/common';
import { DateTime } from 'luxon';
import type { RatePlanDocument } from '../plan/rate-plan';
import { REQUIRED } from './field.decorators';
import type { JsonValue } from './json-value';
import { type Problem, toErrorDetails } from './problem';
import { planProblems, readJsonObject } from './validate-rate-plan';

export type PlanVersionValidation =
  | { ok: true; effectiveFromMs: number; plan: RatePlanDocument }
  | { ok: false; errors: ErrorDetail[] };

/** Extended ISO-8601 with seconds and fraction optional, and an offset: a wall time is not an instant. */
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

export function effectiveFromProblem(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return REQUIRED;
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    return 'must be an ISO-8601 date and time with an offset or Z (e.g. 2026-12-01T00:00:00-07:00)';
  }
  return DateTime.fromISO(value, { setZone: true }).isValid
    ? undefined
    : 'is not a real date and time';
}

/**
 * Validates `{ effectiveFrom, ...plan }`, the body that adds a version to a plan: the plan as
 * `validateRatePlan` does, and `effectiveFrom`, the instant the version takes effect.
 */
export function validateRatePlanVersion(input: unknown): PlanVersionValidation {
  const read = readJsonObject(input);
  if (!read.ok) return read;
  const { effectiveFrom, ...plan } = read.value;
  const problems: Problem[] = [];
  const effectiveFromMessage = effectiveFromProblem(effectiveFrom);
  if (effectiveFromMessage !== undefined) {
    problems.push({ path: ['effectiveFrom'], message: effectiveFromMessage });
  }
  problems.push(...planProblems(plan));
  if (problems.length > 0) return { ok: false, errors: toErrorDetails(problems, read.value) };
  return {
    ok: true,
    effectiveFromMs: DateTime.fromISO(effectiveFrom as string, { setZone: true }).toMillis(),
    plan: plan as unknown as RatePlanDocument,
  };
}
