// The review queue's filter: the API's line-item filters (docs/review.md), kept in the page's
// query string so that a reload or a shared link shows the same items.
import type { Schema } from '../../api/client';

export type LineItem = Schema<'LineItemView'>;
export type LineItemDetail = Schema<'LineItemDetailView'>;
export type Status = LineItem['status'];

/** The statuses in the order a reviewer meets them, with the words the page uses. */
export const STATUSES: { value: Status; label: string; tone: '' | 'good' | 'bad' | 'warn' }[] = [
  { value: 'pending', label: 'Pending', tone: '' },
  { value: 'needs-review', label: 'Needs review', tone: 'warn' },
  { value: 'approved', label: 'Approved', tone: 'good' },
  { value: 'rejected', label: 'Rejected', tone: 'bad' },
  { value: 'no-charge', label: 'No charge', tone: '' },
  { value: 'invoiced', label: 'Invoiced', tone: 'good' },
  { value: 'posted', label: 'Posted to the PMS', tone: 'good' },
];

export function statusLabel(status: string): string {
  return STATUSES.find((entry) => entry.value === status)?.label ?? status;
}

/** Rating's reasons an item may carry, in words (the `reason` filter). */
export const REASONS: { value: string; label: string }[] = [
  { value: 'missing-account-code', label: 'No account code' },
  { value: 'unknown-account-code', label: 'Malformed account code' },
  { value: 'unknown-matter', label: 'Unknown matter' },
  { value: 'closed-matter', label: 'Closed matter' },
  { value: 'non-billable-matter', label: 'Non-billable matter' },
  { value: 'no-charge-rule', label: 'No-charge rule' },
  { value: 'no-rate', label: 'No rate' },
  { value: 'unroutable-number', label: 'Unroutable number' },
  { value: 'feature-code', label: 'Feature code' },
  { value: 'free-destination', label: 'Free destination' },
  { value: 'grace', label: 'Under the grace period' },
  { value: 'unanswered', label: 'Unanswered' },
  { value: 'inbound', label: 'Inbound' },
  { value: 'internal', label: 'Internal' },
  { value: 'not-a-billing-extension', label: 'Not a billing extension' },
];

/** The reasons of an item that needs a matter (the correction queue's). */
export const NEEDS_A_MATTER =
  'missing-account-code,unknown-account-code,unknown-matter,closed-matter';

export function reasonLabel(reason: string | null): string {
  if (reason === null) return '';
  return REASONS.find((entry) => entry.value === reason)?.label ?? reason;
}

/** The reviewers' actions and the statuses each may start from (the API's state machine). */
export const MOVES_FROM = {
  approve: ['pending', 'needs-review'],
  reject: ['pending', 'needs-review', 'approved'],
  adjust: ['pending', 'needs-review', 'approved'],
  assign: ['pending', 'needs-review', 'approved'],
  reset: ['approved', 'rejected'],
} as const satisfies Record<string, readonly Status[]>;

export type Action = keyof typeof MOVES_FROM;

/**
 * A law firm's call billed to a code that is no matter of the firm, not reassigned since: the
 * API approves it only after an assign (docs/law-firms.md).
 */
export function unknownMatter(
  item: Pick<LineItem, 'reason' | 'billingAccount' | 'accountCode'>,
): boolean {
  return (
    item.reason === 'unknown-matter' && item.billingAccount === (item.accountCode ?? '').trim()
  );
}

/** Whether `action` applies to an item as the page last saw it (an approval needs an account). */
export function allows(
  action: Action,
  item: Pick<LineItem, 'status' | 'invoiceId' | 'billingAccount' | 'reason' | 'accountCode'>,
): boolean {
  return (
    item.invoiceId === null &&
    (MOVES_FROM[action] as readonly string[]).includes(item.status) &&
    (action !== 'approve' || (item.billingAccount !== null && !unknownMatter(item)))
  );
}

/** Why `action` does not apply to an item, in a few words ("on an invoice", "no charge"). */
export function whyNot(
  action: Action,
  item: Pick<LineItem, 'status' | 'invoiceId' | 'billingAccount' | 'reason' | 'accountCode'>,
): string {
  if (item.invoiceId !== null) return 'on an invoice';
  if (item.status === 'posted') return 'posted to the guest folio';
  if ((MOVES_FROM[action] as readonly string[]).includes(item.status)) {
    return item.billingAccount !== null && unknownMatter(item)
      ? 'billed to an unknown matter (assign one first)'
      : 'without a billing account';
  }
  return statusLabel(item.status).toLowerCase();
}

/** The filter's fields, in the order they are written to the query string. */
export const FILTER_FIELDS = [
  'status',
  'reason',
  'sourceId',
  'extension',
  'timekeeper',
  'billingAccount',
  'destinationClass',
  'from',
  'to',
  'minAmount',
  'maxAmount',
  'q',
] as const;

export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filter = Partial<Record<FilterField, string>>;

/** The filter a query string names (unknown parameters and empty values are left out). */
export function readFilter(search: string): Filter {
  const params = new URLSearchParams(search);
  const filter: Filter = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filter[field] = value;
  }
  return filter;
}

/** The filter as a query string, its fields always in one order: `status=pending&sourceId=1`. */
export function filterQuery(filter: Filter): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value) params.set(field, value);
  }
  return params.toString();
}

/** The filter as the API's query parameters (and the bulk route's `filter`). */
export function apiFilter(filter: Filter) {
  return {
    status: filter.status ? (filter.status.split(',') as Status[]) : undefined,
    reason: filter.reason ? filter.reason.split(',') : undefined,
    sourceId: filter.sourceId ? Number(filter.sourceId) : undefined,
    extension: filter.extension,
    timekeeper: filter.timekeeper,
    billingAccount: filter.billingAccount,
    destinationClass: filter.destinationClass,
    from: filter.from,
    to: filter.to,
    minAmount: filter.minAmount,
    maxAmount: filter.maxAmount,
    q: filter.q,
  };
}

/**
 * The filter narrowed to the items an action may start from, so that "all that match" does not
 * include items the API would refuse (an approved item cannot be approved again); null when
 * the filter's statuses allow the action on none.
 */
export function narrowedFor(action: Action, filter: Filter): Filter | null {
  const allowed: readonly string[] = MOVES_FROM[action];
  const wanted = filter.status ? filter.status.split(',') : [...allowed];
  const statuses = wanted.filter((status) => allowed.includes(status));
  return statuses.length === 0 ? null : { ...filter, status: statuses.join(',') };
}

/** The day after a calendar day (`2026-12-03` -> `2026-12-04`): the API's `to` excludes its day. */
export function nextDay(day: string): string {
  return shifted(day, 1);
}

/** The day before a calendar day: the last day a `to` of the API includes. */
export function previousDay(day: string): string {
  return shifted(day, -1);
}

/** A calendar day moved by whole days (on UTC's calendar, which has no daylight saving). */
function shifted(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years below 100 as they are.
  moved.setUTCFullYear(year, month - 1, date + days);
  return moved.toISOString().slice(0, 10);
}

export const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;
