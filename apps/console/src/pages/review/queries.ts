import { keepPreviousData, QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { apiFilter, filterQuery, type Filter } from './filter';

/** Rows a page of the queue holds. */
export const PAGE_SIZE = 100;

/** The query of one keyset page of the filter's items, without totals. */
function queuePageQuery(filter: Filter, cursor: string | null) {
  return {
    queryKey: ['line-items', 'page', filterQuery(filter), cursor],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      ok(
        api.GET('/api/v1/line-items', {
          params: {
            query: {
              ...apiFilter(filter),
              limit: PAGE_SIZE,
              totals: false,
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      ),
  };
}

/**
 * One keyset page of the filter's items, without totals (they come from their own request, so
 * that the rows show as soon as they arrive). While another filter's page loads, the previous
 * rows stay on screen, marked as placeholders.
 */
export function useQueuePage(filter: Filter, cursor: string | null) {
  return useQuery({ ...queuePageQuery(filter, cursor), placeholderData: keepPreviousData });
}

/**
 * Asks for a filter's first page at once, from the event that changed the filter: the request
 * is on its way while the page re-renders, and useQueuePage finds it in flight.
 */
export function prefetchFirstPage(client: QueryClient, filter: Filter): void {
  void client.prefetchQuery(queuePageQuery(filter, null));
}

/** The count and sums (per currency) of everything the filter matches. */
export function useQueueTotals(filter: Filter | null) {
  return useQuery({
    queryKey: ['line-items', 'totals', filter === null ? null : filterQuery(filter)],
    queryFn: async ({ signal }) => {
      const page = await ok(
        api.GET('/api/v1/line-items', {
          params: { query: { ...apiFilter(filter!), limit: 1, totals: true } },
          signal,
        }),
      );
      return page.totals ?? { count: 0, byCurrency: [] };
    },
    enabled: filter !== null,
  });
}

/** After a change: every list, count and detail of line items is read again. */
export function useRefreshItems() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['line-items'] }),
      client.invalidateQueries({ queryKey: ['line-item'] }),
    ]);
}
