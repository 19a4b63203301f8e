import { isEmail } from 'class-validator';
import { DomainError } from '@app/common';
import type { User } from '@app/ledger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

export const EMAIL_MAX_LENGTH = 254;
export const USER_NAME_MAX_LENGTH = 100;

const invalid = (field: string, message: string) =>
  new DomainError('bad-request', message, [{ field, message }]);

/** An email as stored and compared: trimmed, in lower case (one email is one user). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The rules of the API's DTOs, for callers that have none (the command line): an email
 * address, a readable name, a password long enough.
 */
export function validEmail(raw: string): string {
  const email = typeof raw === 'string' ? normalizeEmail(raw) : '';
  if (!isEmail(email) || email.length > EMAIL_MAX_LENGTH) {
    throw invalid('email', 'email must be an email address such as ana@example.com');
  }
  return email;
}

export function validName(raw: string): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name.length === 0 || name.length > USER_NAME_MAX_LENGTH || /[\p{Cc}\p{Cf}]/u.test(name)) {
    throw invalid(
      'name',
      `name must be 1 to ${USER_NAME_MAX_LENGTH} readable characters, not blank`,
    );
  }
  return name;
}

export function validPassword(password: string, field = 'password'): string {
  if (
    typeof password !== 'string' ||
    password.length < PASSWORD_MIN_LENGTH ||
    password.length > PASSWORD_MAX_LENGTH
  ) {
    throw invalid(
      field,
      `${field} must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
    );
  }
  return password;
}

/** An admin who can sign in: what the last-admin rule counts. */
export function isEnabledAdmin(user: Pick<User, 'role' | 'disabled'>): boolean {
  return user.role === 'admin' && !user.disabled;
}

/** What a change that takes an enabled admin's admin rights away is refused with, and why. */
export const LAST_ADMIN_RULE =
  'at least one enabled admin user must remain (API keys are for machines: without an admin user nobody can manage people in the console)';
export const SELF_ADMIN_RULE = 'an admin cannot disable or demote themself: ask another admin';
