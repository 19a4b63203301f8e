// The postings page's data: its filter (in the query string, so that a reload or a shared link
// shows the same queue), one keyset page of postings, and each row's line item.
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';
import type { PostingStatus } from '../../ui/pms-badges';

export type Posting = Schema<'PostingView'>;
export type LineItemDetail = Schema<'LineItemDetailView'>;

/** Rows a page holds (each row reads its line item too). */
export const PAGE_SIZE = 50;

export interface PostingFilter {
  linkId?: number;
  /** Null: every status. The page opens on the exceptions. */
  status: PostingStatus | null;
  room?: string;
}

const STATUS_VALUES: PostingStatus[] = [
  'pending',
  'in-flight',
  'posted',
  'exception',
  'written-off',
];

export function readFilter(search: string): PostingFilter {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const linkId = Number(params.get('linkId'));
  const room = params.get('room')?.trim();
  return {
    status:
      status === 'all'
        ? null
        : STATUS_VALUES.includes(status as PostingStatus)
          ? (status as PostingStatus)
          : 'exception',
    ...(Number.isInteger(linkId) && linkId > 0 ? { linkId } : {}),
    ...(room ? { room } : {}),
  };
}

export function writeFilter(filter: PostingFilter): string {
  const params = new URLSearchParams();
  if (filter.status !== 'exception') params.set('status', filter.status ?? 'all');
  if (filter.linkId !== undefined) params.set('linkId', String(filter.linkId));
  if (filter.room) params.set('room', filter.room);
  return params.toString();
}

/** A page of the filter's postings, newest first, older than `beforeId`; polled while open. */
export function usePostings(filter: PostingFilter, beforeId: number | null) {
  return useQuery({
    queryKey: ['postings', filter, beforeId],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/postings', {
          params: {
            query: {
              ...(filter.linkId !== undefined ? { linkId: filter.linkId } : {}),
              ...(filter.status ? { status: filter.status } : {}),
              ...(filter.room ? { room: filter.room } : {}),
              ...(beforeId !== null ? { beforeId } : {}),
              limit: PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}

/** Each row's line item (its call, its stay), read once and shared with the review page. */
export function useLineItems(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['line-item', id],
      queryFn: () => ok(api.GET('/api/v1/line-items/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
    combine: (results) => {
      const byId = new Map<number, LineItemDetail>();
      results.forEach((result, index) => {
        if (result.data) byId.set(ids[index], result.data);
      });
      return byId;
    },
  });
}

/** The PMS links by id (their names for the filter and the rows). */
export function useLinks() {
  return useQuery({
    queryKey: ['pms-links'],
    queryFn: () => ok(api.GET('/api/v1/pms-links')).then((answer) => answer.items),
    staleTime: 30_000,
  });
}

/** After an action: the queue, the links' counts and the line items are read again. */
export function useRefreshPostings() {
  const client = useQueryClient();
  return (lineItemId?: number) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['postings'] }),
      client.invalidateQueries({ queryKey: ['pms-links'] }),
      lineItemId === undefined
        ? client.invalidateQueries({ queryKey: ['line-item'] })
        : client.invalidateQueries({ queryKey: ['line-item', lineItemId] }),
      client.invalidateQueries({ queryKey: ['line-items'] }),
    ]);
}
