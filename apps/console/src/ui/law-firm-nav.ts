import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { useSession } from '../api/session';

/**
 * Whether any business is a law firm (the navigation shows a law firm's books only then).
 * Shares the businesses list the pages read (same key, same shape); false until it is known.
 */
export function useHasLawFirm(): boolean {
  // A person who must choose a password first sees no sections: nothing to ask.
  const { user } = useSession();
  const businesses = useQuery({
    enabled: !user.mustChangePassword,
    queryKey: ['businesses'],
    queryFn: () => ok(api.GET('/api/v1/businesses')).then((answer) => answer.items),
    staleTime: 60_000,
  });
  return businesses.data?.some((business) => business.kind === 'law-firm') ?? false;
}
