import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ok, type Schema } from '../../api/client';
import { Dialog } from '../../ui/dialog';
import { Field, SelectField } from '../../ui/field';
import { Money } from '../../ui/money';
import { ErrorNotice } from '../../ui/states';
import { sumsByCurrency } from './period';
import { PeriodText } from './period-text';
import { INVOICES_KEY, useBusinesses, useSources } from './queries';

/** `YYYY-MM-DD` of the first day of this month and of the next, on the browser's calendar. */
function thisMonth(now = new Date()): { start: string; end: string } {
  const day = (year: number, month: number) =>
    new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return {
    start: day(now.getFullYear(), now.getMonth()),
    end: day(now.getFullYear(), now.getMonth() + 1),
  };
}

/**
 * Drafts one invoice per business and billing account with approved items in a period (a month
 * end, a night audit), then shows what it made.
 */
export function BatchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Draft invoices for a period" open={open} onClose={onClose}>
      <BatchForm onClose={onClose} />
    </Dialog>
  );
}

function BatchForm({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const businesses = useBusinesses();
  const sources = useSources();
  const month = thisMonth();
  const [periodStart, setPeriodStart] = useState(month.start);
  const [periodEnd, setPeriodEnd] = useState(month.end);
  const [businessId, setBusinessId] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [includeZero, setIncludeZero] = useState(false);
  const [groupBy, setGroupBy] = useState<'billing-account' | 'stay'>('billing-account');

  const batch = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/invoices/batch', {
          body: {
            periodStart,
            periodEnd,
            businessId: businessId ? Number(businessId) : undefined,
            sourceId: sourceId ? Number(sourceId) : undefined,
            includeZero,
            groupBy,
          },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: [INVOICES_KEY] }),
  });

  if (batch.isSuccess) {
    return (
      <BatchResult
        result={batch.data}
        businessName={(id) => businesses.data?.get(id)?.name}
        onClose={onClose}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    batch.mutate();
  };
  return (
    <form onSubmit={submit}>
      <p className="muted">
        One draft per business and billing account, from the approved items that started in the
        period and are on no other invoice. Dates are midnights in each business's time zone; the
        end day is not included (1 Nov to 1 Dec is November).
      </p>
      <div className="batch-period">
        <Field
          label="Period start"
          type="date"
          required
          value={periodStart}
          onChange={(event) => setPeriodStart(event.target.value)}
        />
        <Field
          label="Period end (not included)"
          type="date"
          required
          value={periodEnd}
          onChange={(event) => setPeriodEnd(event.target.value)}
        />
      </div>
      <SelectField
        label="One draft per"
        value={groupBy}
        onChange={(event) => setGroupBy(event.target.value as 'billing-account' | 'stay')}
      >
        <option value="billing-account">Billing account (a room, a client)</option>
        <option value="stay">Guest stay (hotels: each guest's calls on one invoice)</option>
      </SelectField>
      <SelectField
        label="Business"
        value={businessId}
        onChange={(event) => setBusinessId(event.target.value)}
      >
        <option value="">Every business</option>
        {[...(businesses.data?.values() ?? [])].map((business) => (
          <option key={business.id} value={business.id}>
            {business.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Source"
        value={sourceId}
        onChange={(event) => setSourceId(event.target.value)}
      >
        <option value="">Every source</option>
        {(sources.data ?? []).map((source) => (
          <option key={source.id} value={source.id}>
            {source.name}
          </option>
        ))}
      </SelectField>
      <label className="check">
        <input
          type="checkbox"
          checked={includeZero}
          onChange={(event) => setIncludeZero(event.target.checked)}
        />
        Also draft accounts whose items total 0
      </label>
      {batch.isError && <ErrorNotice error={batch.error} />}
      <div className="dialog-actions">
        <button type="button" className="ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={batch.isPending}>
          {batch.isPending ? 'Drafting…' : 'Draft invoices'}
        </button>
      </div>
    </form>
  );
}

function BatchResult({
  result,
  businessName,
  onClose,
}: {
  result: Schema<'InvoiceBatchView'>;
  businessName: (id: number) => string | undefined;
  onClose: () => void;
}) {
  const made = result.items.length;
  const perBusiness = new Map<number, number>();
  for (const draft of result.items) {
    perBusiness.set(draft.businessId, (perBusiness.get(draft.businessId) ?? 0) + 1);
  }
  const totals = sumsByCurrency(
    result.items.map((draft) => ({ currency: draft.currency, amount: draft.total })),
  );
  return (
    <div>
      <p className="batch-outcome" role="status">
        {made === 0
          ? 'Nothing to draft: no approved item of that period is waiting for an invoice.'
          : `Drafted ${made} ${made === 1 ? 'invoice' : 'invoices'}.`}
        {result.skippedZero > 0 &&
          ` ${result.skippedZero} ${result.skippedZero === 1 ? 'account totals' : 'accounts total'} 0 and ${result.skippedZero === 1 ? 'was' : 'were'} left out.`}
      </p>
      {made > 0 && (
        <ul className="batch-summary">
          {[...perBusiness].map(([id, count]) => (
            <li key={id}>
              {businessName(id) ?? `Business ${id}`}: {count} {count === 1 ? 'draft' : 'drafts'}
            </li>
          ))}
          {totals.map((sum) => (
            <li key={sum.currency}>
              Total in {sum.currency}: <Money amount={sum.amount} currency={sum.currency} />
            </li>
          ))}
        </ul>
      )}
      {made > 0 && (
        <div className="table-wrap batch-made">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Draft</th>
                <th scope="col">Business</th>
                <th scope="col">Account</th>
                <th scope="col">Period</th>
                <th scope="col" className="num">
                  Lines
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((draft) => (
                <tr key={draft.id}>
                  <td>
                    <Link href={`/invoices/${draft.id}`} onClick={onClose}>
                      Draft #{draft.id}
                    </Link>
                  </td>
                  <td>{businessName(draft.businessId) ?? draft.businessId}</td>
                  <td>{draft.billingAccount}</td>
                  <td>
                    <PeriodText invoice={draft} />
                  </td>
                  <td className="num">{draft.lines.length}</td>
                  <td className="num">
                    <Money amount={draft.total} currency={draft.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
