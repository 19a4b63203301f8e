import type { BillingAccountRule, ExtensionRange } from '../plan/rate-plan';
import {
  ACCOUNT_CODE_MAX_LENGTH,
  accountPatternSafetyProblem,
} from '../validation/account-pattern-safety';
import { InvalidPlanError } from './errors';
import type { RatingReason, RatingStatus } from './rating-result';

/** Who a call is billed to, or why it cannot be. */
export type AccountResolution =
  | { kind: 'billed'; account: string; client: string | null; matter: string | null }
  | { kind: 'missing-account-code' }
  | { kind: 'unknown-account-code'; account: string; tooLong?: true }
  | { kind: 'not-a-billing-extension' };

const NUMERIC = /^\d+$/;

/** Compares digit strings as numbers, at any length (no float): "0100" < "999". */
function compareNumeric(a: string, b: string): number {
  const x = significant(a);
  const y = significant(b);
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function significant(digits: string): string {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  return start === 0 ? digits : digits.slice(start);
}

/** Ordinal (UTF-16 code unit) order, the same on every machine: never locale order. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Range extends ExtensionRange {
  numeric: boolean;
}

/** Bound on memoised extensions per plan; the memo is dropped whole when full. */
const MEMO_LIMIT = 100_000;

const NOT_A_BILLING_EXTENSION: AccountResolution = Object.freeze({
  kind: 'not-a-billing-extension',
});

/**
 * docs/rating.md, step 1: `prefix + extension` for extensions inside a range, compared as
 * numbers when the range's ends and the extension are all digits, else as strings (both ends
 * inclusive).
 */
export class ExtensionAccounts {
  private readonly ranges: Range[];
  private readonly memo = new Map<string, AccountResolution>();

  constructor(
    ranges: ExtensionRange[],
    private readonly prefix: string,
  ) {
    if (!Array.isArray(ranges))
      throw new InvalidPlanError('billingAccount.ranges', 'must be a list');
    this.ranges = ranges.map((range, index) => {
      if (typeof range?.from !== 'string' || typeof range.to !== 'string') {
        throw new InvalidPlanError(`billingAccount.ranges.${index}`, 'from and to must be strings');
      }
      return {
        from: range.from,
        to: range.to,
        numeric: NUMERIC.test(range.from) && NUMERIC.test(range.to),
      };
    });
  }

  /**
   * Memoised per plan and extension as recorded (a site has hundreds of extensions, rated
   * millions of times): the answer depends only on both, and is frozen, since calls share it.
   */
  resolve(extension: string | null): AccountResolution {
    if (extension === null || extension === undefined) return NOT_A_BILLING_EXTENSION;
    let resolution = this.memo.get(extension);
    if (resolution === undefined) {
      resolution = this.compute(extension);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(extension, resolution);
    }
    return resolution;
  }

  private compute(extension: string): AccountResolution {
    const trimmed = extension.trim();
    if (trimmed !== '') {
      const numeric = NUMERIC.test(trimmed);
      for (const range of this.ranges) {
        const compare = range.numeric && numeric ? compareNumeric : compareText;
        if (compare(range.from, trimmed) <= 0 && compare(trimmed, range.to) <= 0) {
          return Object.freeze({
            kind: 'billed',
            account: this.prefix + trimmed,
            client: null,
            matter: null,
          });
        }
      }
    }
    return NOT_A_BILLING_EXTENSION;
  }
}

/**
 * Law firms (docs/rating.md, "Law firms: account codes"): the trimmed account code, checked
 * against the plan's pattern as a whole (an unanchored pattern must not accept `10234-0012` as
 * matter `001`: decision 0007). Named groups `client` and `matter` feed LEDES. A pattern that
 * could backtrack for long is refused, and a code longer than ACCOUNT_CODE_MAX_LENGTH never
 * reaches it (decision 0015): codes come from viewers' quotes and from Xima, and V8 cannot be
 * interrupted in the middle of a match.
 */
export class AccountCodes {
  private readonly pattern: RegExp | null;

  constructor(pattern: string | undefined) {
    if (pattern === undefined || pattern === null) {
      this.pattern = null;
      return;
    }
    try {
      this.pattern = new RegExp(`^(?:${pattern})$`);
    } catch (error) {
      throw new InvalidPlanError(
        'billingAccount.pattern',
        `does not compile: ${(error as Error).message}`,
      );
    }
    const unsafe = accountPatternSafetyProblem(pattern);
    if (unsafe !== undefined) throw new InvalidPlanError('billingAccount.pattern', unsafe);
  }

  resolve(accountCode: string | null): AccountResolution {
    const code = accountCode?.trim() ?? '';
    if (code === '') return { kind: 'missing-account-code' };
    if (code.length > ACCOUNT_CODE_MAX_LENGTH) {
      return { kind: 'unknown-account-code', account: code, tooLong: true };
    }
    if (this.pattern === null) return { kind: 'billed', account: code, client: null, matter: null };
    const match = this.pattern.exec(code);
    if (match === null) return { kind: 'unknown-account-code', account: code };
    return {
      kind: 'billed',
      account: code,
      client: match.groups?.client ?? null,
      matter: match.groups?.matter ?? null,
    };
  }
}

export type BillingAccounts = ExtensionAccounts | AccountCodes;

export function compileBillingAccount(rule: BillingAccountRule): BillingAccounts {
  switch (rule?.by) {
    case 'extension':
      if (rule.prefix !== undefined && typeof rule.prefix !== 'string') {
        throw new InvalidPlanError('billingAccount.prefix', 'must be a string');
      }
      return new ExtensionAccounts(rule.ranges, rule.prefix ?? '');
    case 'accountCode':
      return new AccountCodes(rule.pattern);
    default:
      throw new InvalidPlanError('billingAccount.by', 'must be "extension" or "accountCode"');
  }
}

export interface AccountOutcome {
  status: RatingStatus;
  reason: RatingReason | null;
  note: string | null;
}

// The outcomes that do not name the code are shared (frozen), not made per call.
const PENDING: AccountOutcome = Object.freeze({ status: 'pending', reason: null, note: null });
const MISSING_ACCOUNT_CODE: AccountOutcome = Object.freeze({
  status: 'needs-review',
  reason: 'missing-account-code',
  note: 'no account code: needs review',
});

/**
 * docs/rating.md, "Which outcome wins": after the no-charge and review reasons, an account-code
 * problem.
 */
export function accountOutcome(account: AccountResolution): AccountOutcome {
  switch (account.kind) {
    case 'missing-account-code':
      return MISSING_ACCOUNT_CODE;
    case 'unknown-account-code':
      return {
        status: 'needs-review',
        reason: 'unknown-account-code',
        note: account.tooLong
          ? `account code is longer than ${ACCOUNT_CODE_MAX_LENGTH} characters: needs review`
          : `account code "${account.account}" does not match the plan's pattern: needs review`,
      };
    case 'billed':
    case 'not-a-billing-extension':
      return PENDING;
  }
}
