import { DomainError } from './domain-error';

/**
 * A PATCH changes the fields it sends and keeps the ones it leaves out; `null` would clear a
 * field. The fields named here must keep a value: `null` for any of them is a 400 that names
 * each one. (Create and update DTOs share their rules, and an optional field lets `null` by.)
 */
export function refuseCleared<T extends object>(
  input: T,
  required: readonly (keyof T & string)[],
): void {
  const details = required
    .filter((field) => input[field] === null)
    .map((field) => ({ field, message: `${field} cannot be cleared; leave it out to keep it` }));
  if (details.length > 0) throw DomainError.invalid('request', details);
}
