import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { useSession } from '../api/session';

/**
 * Whether any business is a law firm (the navigation shows a law firm's books only then).
 * Shares the businesses list the pages read (same key, the API's answer as the cached value);
 * false until it is known.
 */
export function useHasLawFirm(): boolean {
  // A person who must choose a password first sees no sections: nothing to ask.
  const { user } = useSession();
  const businesses = useQuery({
    enabled: !user.mustChangePassword,
    queryKey: ['businesses'],
    // The cached value is the API's answer as it is, whoever reads it; each reader selects.
    queryFn: () => ok(api.GET('/api/v1/businesses')),
    staleTime: 60_000,
    select: (answer) => answer.items.some((business) => business.kind === 'law-firm'),
  });
  return businesses.data ?? false;
}
