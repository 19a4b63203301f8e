import { Time } from '../../ui/time';
import { periodDays } from './period';
import type { InvoiceSummary } from './queries';

/** An invoice's period in its zone: its days, or its two instants when they are not midnights. */
export function PeriodText({
  invoice,
}: {
  invoice: Pick<InvoiceSummary, 'periodStart' | 'periodEnd' | 'timezone'>;
}) {
  const days = periodDays(invoice.periodStart, invoice.periodEnd, invoice.timezone);
  if (days !== null) return <span title={`${invoice.timezone}, end excluded`}>{days}</span>;
  return (
    <span>
      <Time instant={invoice.periodStart} timeZone={invoice.timezone} /> to{' '}
      <Time instant={invoice.periodEnd} timeZone={invoice.timezone} />
    </span>
  );
}
