import { STATUSES, statusLabel } from './filter';

/** An item's status in words, coloured by what it means for billing. */
export function StatusBadge({ status }: { status: string }) {
  const tone = STATUSES.find((entry) => entry.value === status)?.tone ?? '';
  return (
    <span className={`badge status-badge ${tone}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
