import type { RatingReason } from '@app/rating';

/** Every reason rating gives a line item, for the `reason` filter. */
export const RATING_REASONS = [
  'unanswered',
  'grace',
  'free-destination',
  'feature-code',
  'unroutable-number',
  'no-rate',
  'missing-account-code',
  'unknown-account-code',
  'unknown-matter',
  'closed-matter',
  'non-billable-matter',
  'no-charge-rule',
  'inbound',
  'internal',
  'not-a-billing-extension',
] as const satisfies readonly RatingReason[];

// A reason rating gains and this list lacks fails to compile here.
type Unlisted = Exclude<RatingReason, (typeof RATING_REASONS)[number]>;
const everyReasonListed: Unlisted extends never ? true : never = true;
void everyReasonListed;

/** The reasons of an item that needs a matter: no code, a malformed one, unknown or closed. */
export const NEEDS_A_MATTER: ReadonlySet<string> = new Set<RatingReason>([
  'missing-account-code',
  'unknown-account-code',
  'unknown-matter',
  'closed-matter',
]);
