import { TYPO_ACCOUNT_CODES } from './call-mix';
import {
  clockOf,
  LAW_FIRM_ACCOUNT_CODE_PATTERN,
  LawFirmMatter,
  localDate,
} from './law-firm-matters';

/**
 * What checking a call's account code against the firm's matters should give, for tests to
 * count against: the code alone, before anything else rating decides (an unanswered or free
 * call is no-charge whatever its code; only outbound calls make line items).
 */
export type MatterOutcome =
  'valid' | 'missing' | 'malformed' | 'unknown' | 'closed' | 'non-billable';

export const MATTER_OUTCOMES: readonly MatterOutcome[] = [
  'valid',
  'missing',
  'malformed',
  'unknown',
  'closed',
  'non-billable',
];

/** A generated call, or anything with its code and start. */
export interface CodedCall {
  readonly accountCode?: string | undefined;
  readonly startMs: number;
}

// The list indexed once per array (again if its length changed): tests judge thousands of calls.
const indexes = new WeakMap<
  readonly LawFirmMatter[],
  { length: number; byCode: ReadonlyMap<string, LawFirmMatter> }
>();

function indexOf(matters: readonly LawFirmMatter[]): ReadonlyMap<string, LawFirmMatter> {
  let index = indexes.get(matters);
  if (index === undefined || index.length !== matters.length) {
    const byCode = new Map(matters.map((m) => [`${m.clientNumber}-${m.matterNumber}`, m]));
    index = { length: matters.length, byCode };
    indexes.set(matters, index);
  }
  return index.byCode;
}

/**
 * The call's outcome: no code (after trimming, as rating does) is `missing`; a code not shaped
 * `ddddd-ddd` is `malformed`; one not in the list `unknown`; a closed matter's call on a later
 * day than its closedDate (in `timezone`) `closed`; a matter not billable `non-billable`, closed
 * or not, as rating decides.
 */
export function expectedMatterOutcome(
  call: CodedCall,
  matters: readonly LawFirmMatter[],
  timezone: string,
): MatterOutcome {
  const code = call.accountCode?.trim() ?? '';
  if (code === '') return 'missing';
  if (!LAW_FIRM_ACCOUNT_CODE_PATTERN.test(code)) return 'malformed';
  const matter = indexOf(matters).get(code);
  if (matter === undefined) return 'unknown';
  if (matter.billable === 'no') return 'non-billable';
  if (
    matter.status === 'closed' &&
    localDate(clockOf(timezone), call.startMs) > matter.closedDate
  ) {
    return 'closed';
  }
  return 'valid';
}

/** How many of the calls end each way. */
export function countMatterOutcomes(
  calls: Iterable<CodedCall>,
  matters: readonly LawFirmMatter[],
  timezone: string,
): Record<MatterOutcome, number> {
  const counts = Object.fromEntries(MATTER_OUTCOMES.map((o) => [o, 0])) as Record<
    MatterOutcome,
    number
  >;
  for (const call of calls) counts[expectedMatterOutcome(call, matters, timezone)]++;
  return counts;
}

/** For a one-digit typo the sandbox makes (trimmed or not), the code the attorney meant. */
export function intendedAccountCode(code: string | undefined): string | undefined {
  return code === undefined ? undefined : TYPO_ACCOUNT_CODES.get(code.trim());
}
