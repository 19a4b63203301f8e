import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';

export type InvoiceSummary = Schema<'InvoiceSummaryView'>;
export type Invoice = Schema<'InvoiceView'>;
export type Business = Schema<'BusinessView'>;
export type Source = Schema<'SourceView'>;
export type DeliveryLog = Schema<'DeliveryLogView'>;

/** Every query of this section starts with this key, so that one change refreshes them all. */
export const INVOICES_KEY = 'invoices';

export const invoiceKey = (id: number) => [INVOICES_KEY, 'one', id] as const;
export const deliveriesKey = (id: number) => [INVOICES_KEY, 'deliveries', id] as const;

/** The businesses, by id: invoices name theirs by id. */
export function useBusinesses() {
  return useQuery({
    queryKey: ['businesses'],
    queryFn: () => ok(api.GET('/api/v1/businesses')),
    staleTime: 5 * 60_000,
    select: (answer) => new Map(answer.items.map((business) => [business.id, business])),
  });
}

export function useSources() {
  return useQuery({
    queryKey: ['sources'],
    queryFn: () => ok(api.GET('/api/v1/sources')),
    staleTime: 60_000,
    select: (answer) => answer.items,
  });
}

/** A status as a badge's tone: what a person should notice. */
export const STATUS_TONE: Record<InvoiceSummary['status'], string> = {
  draft: 'warn',
  finalized: 'good',
  void: 'bad',
};

export const STATUS_LABEL: Record<InvoiceSummary['status'], string> = {
  draft: 'Draft',
  finalized: 'Finalized',
  void: 'Void',
};

/** How a person names an invoice: its number, or the draft's id. */
export function invoiceName(invoice: Pick<InvoiceSummary, 'id' | 'number'>): string {
  return invoice.number ?? `Draft #${invoice.id}`;
}
