import type { LineItemStatus } from '@app/ledger';

export const REVIEW_ACTIONS = ['approve', 'reject', 'adjust', 'assign', 'reset'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * The review state machine (docs/review.md): from which statuses each action may start.
 * `invoiced` and `no-charge` appear nowhere: nothing on a finalised invoice changes, and a
 * no-charge item has nothing to bill (re-rating is how it changes).
 */
export const MOVES_FROM: Readonly<Record<ReviewAction, readonly LineItemStatus[]>> = {
  approve: ['pending', 'needs-review'],
  reject: ['pending', 'needs-review', 'approved'],
  adjust: ['pending', 'needs-review', 'approved'],
  assign: ['pending', 'needs-review', 'approved'],
  reset: ['approved', 'rejected'],
};

/** Actions whose reason is required (an approval or a reset may give one). */
export const REASON_REQUIRED: ReadonlySet<ReviewAction> = new Set(['reject', 'adjust', 'assign']);

export interface ItemState {
  id: number;
  status: LineItemStatus;
  billingAccount: string | null;
  invoiceId: number | null;
  /** Rating's reason (`no-rate`, `grace`, ...). */
  reason: string | null;
  /** The code as dialed: a law firm's unknown matter is billed only once another is assigned. */
  accountCode?: string | null;
  /** It has a posting not written off: its charge is on its way to a folio, or on one. */
  hasPosting?: boolean;
}

/** Rating's reasons for a line it could not price: a person decides what it costs. */
const UNPRICED_REASONS: ReadonlySet<string> = new Set([
  'feature-code',
  'unroutable-number',
  'no-rate',
]);

/** Reasons rating gives a code it could not bill to a matter (docs/law-firms.md). */
const CODE_REASONS: ReadonlySet<string> = new Set([
  'unknown-account-code',
  'unknown-matter',
  'closed-matter',
]);

/** Rating refused the code, and the item is still billed to the code as dialed. */
function stillTheDialedCode(item: ItemState): boolean {
  return (
    CODE_REASONS.has(item.reason ?? '') &&
    item.accountCode !== undefined &&
    item.billingAccount === (item.accountCode ?? '').trim()
  );
}

/** Why `action` may not be taken on the item now, or null when it may. */
export function refusal(action: ReviewAction, item: ItemState): string | null {
  if (item.hasPosting) return postingRefusal(item);
  if (item.invoiceId !== null) {
    return `line item ${item.id} is on invoice ${item.invoiceId}`;
  }
  if (!MOVES_FROM[action].includes(item.status)) {
    return `line item ${item.id} is ${item.status}: ${action} applies to ${MOVES_FROM[action].join(', ')} items`;
  }
  if (action === 'approve' && item.billingAccount === null) {
    return `line item ${item.id} has no billing account: assign one before approving`;
  }
  if (
    action === 'approve' &&
    item.reason === 'unknown-matter' &&
    item.billingAccount === (item.accountCode ?? '').trim()
  ) {
    return `line item ${item.id}'s code ${item.billingAccount} is not a known matter: assign a matter first`;
  }
  return null;
}

/**
 * Why an item with a posting (not written off) is not reviewed: the PMS bills it, and a
 * correction is made on the posting (docs/pms-link.md), never on the item.
 */
export function postingRefusal(item: Pick<ItemState, 'id' | 'status'>): string {
  const where = item.status === 'posted' ? 'posted to the PMS' : 'queued for the PMS';
  return `line item ${item.id}'s charge is ${where}: corrections happen on its posting (the postings' own actions), not on the line item`;
}

/** The status an allowed action leaves. */
export function statusAfter(action: ReviewAction, item: ItemState): LineItemStatus {
  switch (action) {
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'adjust':
      return item.status;
    case 'assign':
      return 'pending';
    case 'reset':
      // Back to what rating made of it: without a price or an account it still needs review,
      // and so does a code rating could not bill that nobody has reassigned since.
      return item.billingAccount === null ||
        UNPRICED_REASONS.has(item.reason ?? '') ||
        stillTheDialedCode(item)
        ? 'needs-review'
        : 'pending';
  }
}
