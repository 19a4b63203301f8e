import type { ErrorDetail } from '@app/common';
import type { RatePlanDocument } from '../plan/rate-plan';
import { ratePlanClass } from './dto/rate-plan.dto';
import { copyJson, isPlainObject, type JsonObject } from './json-value';
import { planRules } from './plan-rules';
import { type Problem, toErrorDetails } from './problem';
import { validateTree } from './validate-tree';

export type PlanValidation =
  { ok: true; plan: RatePlanDocument } | { ok: false; errors: ErrorDetail[] };

export const MUST_BE_JSON_OBJECT = 'must be a JSON object';

/** Everything wrong with a plan document that is a JSON object. */
export function planProblems(plan: JsonObject): Problem[] {
  const problems: Problem[] = [];
  validateTree(ratePlanClass(plan), plan, [], problems);
  problems.push(...planRules(plan));
  return problems;
}

/** The input as a JSON object of its own (a copy), or the errors that say why it is not one. */
export function readJsonObject(
  input: unknown,
): { ok: true; value: JsonObject } | { ok: false; errors: ErrorDetail[] } {
  if (!isPlainObject(input))
    return { ok: false, errors: [{ field: '', message: MUST_BE_JSON_OBJECT }] };
  const copy = copyJson(input);
  if (!copy.ok) return { ok: false, errors: toErrorDetails(copy.problems, null) };
  return { ok: true, value: copy.value as JsonObject };
}

/**
 * Validates a rate plan document (docs/rating.md) from untrusted input, never throwing. On success
 * `plan` is a plain JSON copy of the input, field for field (no defaults filled in), to store as
 * the version's JSON; on failure each error names a field by its path, in document order.
 */
export function validateRatePlan(input: unknown): PlanValidation {
  const read = readJsonObject(input);
  if (!read.ok) return read;
  const problems = planProblems(read.value);
  if (problems.length > 0) return { ok: false, errors: toErrorDetails(problems, read.value) };
  return { ok: true, plan: read.value as unknown as RatePlanDocument };
}
