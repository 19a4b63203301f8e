// The law firm's books as the Matters pages read them: the firms, a firm's matters a keyset
// page at a time, its timekeepers and its client and matter rules, and the two list imports
// (the CSV file sent as it is, text/csv).
import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';
import { useBusinesses } from '../admin/common';

export type Business = Schema<'BusinessView'>;
export type Matter = Schema<'MatterView'>;
export type Timekeeper = Schema<'TimekeeperView'>;
export type MatterRule = Schema<'MatterRuleView'>;
export type MatterImportSummary = Schema<'MatterImportSummaryView'>;
export type TimekeeperImportSummary = Schema<'TimekeeperImportSummaryView'>;
export type MatterStatus = 'open' | 'closed';

/** Matters a page of the list holds. */
export const MATTER_PAGE_SIZE = 100;

/** The businesses of kind law-firm, by name. */
export function useLawFirms() {
  const businesses = useBusinesses();
  return {
    ...businesses,
    data: businesses.data
      ?.filter((business) => business.kind === 'law-firm')
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export interface MatterFilter {
  q?: string;
  status?: MatterStatus;
}

/** A firm's matters by client and matter number; "more" reads the next keyset page. */
export function useMatters(businessId: number, filter: MatterFilter) {
  return useInfiniteQuery({
    queryKey: ['law-firm', businessId, 'matters', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      ok(
        api.GET('/api/v1/businesses/{id}/matters', {
          params: {
            path: { id: businessId },
            query: {
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.status ? { status: filter.status } : {}),
              ...(pageParam !== null ? { cursor: pageParam } : {}),
              limit: MATTER_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useTimekeepers(businessId: number) {
  return useQuery({
    queryKey: ['law-firm', businessId, 'timekeepers'],
    queryFn: () =>
      ok(
        api.GET('/api/v1/businesses/{id}/timekeepers', { params: { path: { id: businessId } } }),
      ).then((answer) => answer.items),
  });
}

export function useMatterRules(businessId: number) {
  return useQuery({
    queryKey: ['law-firm', businessId, 'rules'],
    queryFn: () =>
      ok(
        api.GET('/api/v1/businesses/{id}/matter-rules', { params: { path: { id: businessId } } }),
      ).then((answer) => answer.items),
  });
}

/** After a write: everything read of the firm (a matter import re-validates its items too). */
export function useRefreshLawFirm() {
  const client = useQueryClient();
  return (businessId: number) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['law-firm', businessId] }),
      client.invalidateQueries({ queryKey: ['line-items'] }),
      client.invalidateQueries({ queryKey: ['line-item'] }),
    ]);
}

// The CSV goes as the file's own text: openapi-fetch would otherwise send it as a JSON string.
const asText = { bodySerializer: (body: unknown) => body as string };
const csvHeaders = { 'Content-Type': 'text/csv' };

/** Sends a firm's matter list (the CSV file's text); all or nothing. */
export function importMatters(businessId: number, csv: string): Promise<MatterImportSummary> {
  return ok(
    api.POST('/api/v1/businesses/{id}/matters/import', {
      params: { path: { id: businessId } },
      body: csv,
      headers: csvHeaders,
      ...asText,
    }),
  );
}

/** Sends a firm's timekeeper list (the CSV file's text); it replaces the list, all or nothing. */
export function importTimekeepers(
  businessId: number,
  csv: string,
): Promise<TimekeeperImportSummary> {
  return ok(
    api.POST('/api/v1/businesses/{id}/timekeepers/import', {
      params: { path: { id: businessId } },
      body: csv,
      headers: csvHeaders,
      ...asText,
    }),
  );
}

/** `2026-10-31` (a day of the firm's calendar) as `31 Oct 2026`. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
