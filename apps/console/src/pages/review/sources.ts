import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';

export type Source = Schema<'SourceView'>;

/** The sources by id: their names for the queue, their time zones for its times. */
export function useSources() {
  const query = useQuery({
    queryKey: ['sources'],
    queryFn: () => ok(api.GET('/api/v1/sources')),
    staleTime: 60_000,
  });
  const byId = new Map<number, Source>((query.data?.items ?? []).map((s) => [s.id, s]));
  return { sources: query.data?.items ?? [], byId, error: query.error, pending: query.isPending };
}

/** The zone an item's times are shown in: its source's (UTC until the sources are known). */
export function zoneOf(byId: Map<number, Source>, sourceId: number): string {
  return byId.get(sourceId)?.timezone ?? 'UTC';
}

/**
 * The default business's time zone: a plain date filter with no source means midnight there
 * (docs/review.md, "Dates"). Null until known.
 */
export function useDefaultZone(): string | null {
  const query = useQuery({
    queryKey: ['businesses'],
    queryFn: () => ok(api.GET('/api/v1/businesses')),
    staleTime: 60_000,
  });
  return query.data?.items.find((business) => business.isDefault)?.timezone ?? null;
}
