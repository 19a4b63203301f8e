import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, ok } from '../../api/client';
import { Can } from '../../api/session';
import { Field, SelectField } from '../../ui/field';
import { Money } from '../../ui/money';
import { Page } from '../../ui/page';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { Time } from '../../ui/time';
import { BatchDialog } from './batch';
import { PeriodText } from './period-text';
import { sumsByCurrency } from './period';
import {
  INVOICES_KEY,
  invoiceName,
  STATUS_LABEL,
  STATUS_TONE,
  useBusinesses,
  type InvoiceSummary,
} from './queries';

const PAGE_SIZE = 50;

const FILTER_KEYS = ['status', 'businessId', 'billingAccount', 'from', 'to', 'number'] as const;

/** The list's filter, as the address holds it (so that a reload or a shared link keeps it). */
type Filter = Record<(typeof FILTER_KEYS)[number], string>;

function filterOf(search: URLSearchParams): Filter {
  const value = (key: keyof Filter) => search.get(key) ?? '';
  return {
    status: value('status'),
    businessId: value('businessId'),
    billingAccount: value('billingAccount'),
    from: value('from'),
    to: value('to'),
    number: value('number'),
  };
}

/** The invoices, newest first, a page at a time, filtered as the address says. */
export function InvoiceList() {
  const [search, setSearch] = useSearchParams();
  const filter = filterOf(search);
  const [batchOpen, setBatchOpen] = useState(false);
  const businesses = useBusinesses();

  const invoices = useInfiniteQuery({
    queryKey: [INVOICES_KEY, 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/invoices', {
          params: {
            query: {
              status: filter.status ? [filter.status] : undefined,
              businessId: filter.businessId ? Number(filter.businessId) : undefined,
              billingAccount: filter.billingAccount || undefined,
              from: filter.from || undefined,
              to: filter.to || undefined,
              number: filter.number || undefined,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  const apply = (next: Filter) => {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key].trim()) params.set(key, next[key].trim());
    setSearch(params);
  };

  const rows = invoices.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = FILTER_KEYS.some((key) => filter[key]);

  return (
    <Page
      title="Invoices"
      intro="Draft a period's invoices, check their lines, finalize them and download the files each billing system reads."
      actions={
        <Can role="accountant">
          <button type="button" className="primary" onClick={() => setBatchOpen(true)}>
            Draft invoices for a period
          </button>
        </Can>
      }
    >
      <FilterForm
        key={search.toString()}
        filter={filter}
        businesses={[...(businesses.data?.values() ?? [])]}
        onApply={apply}
      />
      {invoices.isPending ? (
        <Loading what="Loading invoices" />
      ) : invoices.isError ? (
        <ErrorNotice error={invoices.error} retry={() => void invoices.refetch()} />
      ) : rows.length === 0 ? (
        <Empty title={filtered ? 'No invoice matches this filter.' : 'There are no invoices yet.'}>
          {filtered ? (
            <button type="button" onClick={() => apply(filterOf(new URLSearchParams()))}>
              Clear the filter
            </button>
          ) : (
            <p>
              Approve line items on the <Link href="/review">Review</Link> page, then draft a
              period's invoices here.
            </p>
          )}
        </Empty>
      ) : (
        <>
          <InvoiceTable rows={rows} businessName={(id) => businesses.data?.get(id)?.name} />
          <div className="invoice-list-footer">
            <p className="muted" aria-live="polite">
              {rows.length} {rows.length === 1 ? 'invoice' : 'invoices'} shown
              {invoices.hasNextPage ? ', more below' : ''}. Total{' '}
              {sumsByCurrency(rows.map((row) => ({ currency: row.currency, amount: row.total })))
                .map((sum) => (
                  <Money key={sum.currency} amount={sum.amount} currency={sum.currency} />
                ))
                .reduce<ReactNode[]>(
                  (list, item, index) => (index === 0 ? [item] : [...list, ' + ', item]),
                  [],
                )}
            </p>
            {invoices.hasNextPage && (
              <button
                type="button"
                onClick={() => void invoices.fetchNextPage()}
                disabled={invoices.isFetchingNextPage}
              >
                {invoices.isFetchingNextPage ? 'Loading…' : `Show ${PAGE_SIZE} more`}
              </button>
            )}
          </div>
        </>
      )}
      <BatchDialog open={batchOpen} onClose={() => setBatchOpen(false)} />
    </Page>
  );
}

function FilterForm({
  filter,
  businesses,
  onApply,
}: {
  filter: Filter;
  businesses: { id: number; name: string }[];
  onApply: (filter: Filter) => void;
}) {
  const [draft, setDraft] = useState(filter);
  const set = (key: keyof Filter) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="card invoice-filter" aria-label="Filter invoices" onSubmit={submit}>
      <SelectField label="Status" value={draft.status} onChange={set('status')}>
        <option value="">Any status</option>
        <option value="draft">Draft</option>
        <option value="finalized">Finalized</option>
        <option value="void">Void</option>
      </SelectField>
      <SelectField label="Business" value={draft.businessId} onChange={set('businessId')}>
        <option value="">Every business</option>
        {businesses.map((business) => (
          <option key={business.id} value={business.id}>
            {business.name}
          </option>
        ))}
      </SelectField>
      <Field
        label="Billing account"
        value={draft.billingAccount}
        onChange={set('billingAccount')}
        placeholder="ROOM-1012"
      />
      <Field label="Period from" type="date" value={draft.from} onChange={set('from')} />
      <Field label="Period before" type="date" value={draft.to} onChange={set('to')} />
      <Field label="Number" value={draft.number} onChange={set('number')} placeholder="GH-2026-" />
      <div className="invoice-filter-actions">
        <button type="submit" className="primary">
          Filter
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => onApply(filterOf(new URLSearchParams()))}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

function InvoiceTable({
  rows,
  businessName,
}: {
  rows: InvoiceSummary[];
  businessName: (id: number) => string | undefined;
}) {
  return (
    <div className="table-wrap">
      <table className="data invoice-table">
        <caption className="visually-hidden">Invoices, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Status</th>
            <th scope="col">Business</th>
            <th scope="col">Billing account</th>
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Subtotal
            </th>
            <th scope="col" className="num">
              Tax
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Finalized</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((invoice) => (
            <tr key={invoice.id}>
              <td>
                <Link href={`/invoices/${invoice.id}`}>{invoiceName(invoice)}</Link>
              </td>
              <td>
                <span className={`badge ${STATUS_TONE[invoice.status]}`}>
                  {STATUS_LABEL[invoice.status]}
                </span>
              </td>
              <td>{businessName(invoice.businessId) ?? `Business ${invoice.businessId}`}</td>
              <td>{invoice.billingAccount}</td>
              <td>
                <PeriodText invoice={invoice} />
              </td>
              <td className="num">
                <Money amount={invoice.subtotal} currency={invoice.currency} />
              </td>
              <td className="num">
                <Money amount={invoice.tax} currency={invoice.currency} />
              </td>
              <td className="num">
                <strong>
                  <Money amount={invoice.total} currency={invoice.currency} />
                </strong>
              </td>
              <td>
                {invoice.finalizedAt ? (
                  <Time instant={invoice.finalizedAt} timeZone={invoice.timezone} />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
