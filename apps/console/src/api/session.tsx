import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { api, ApiError, ok, onSignedOut, setCsrfToken, type Schema } from './client';

export type Role = 'viewer' | 'accountant' | 'admin';
const RANK: Record<Role, number> = { viewer: 0, accountant: 1, admin: 2 };

export interface Session {
  user: Schema<'UserView'>;
  /** The person's role is at least `role` (the API refuses the rest with 403 anyway). */
  can: (role: Role) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export const SESSION_KEY = ['session'] as const;

/** Forgets the session and everything read with it: the next person starts from nothing. */
export function forgetSession(client: QueryClient): void {
  setCsrfToken(null);
  client.setQueryData(SESSION_KEY, null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/** Who is signed in: null when nobody is (401), the session otherwise. */
export function useSessionQuery() {
  const client = useQueryClient();
  useEffect(() => onSignedOut(() => forgetSession(client)), [client]);
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Schema<'SessionView'> | null> => {
      try {
        const session = await ok(api.GET('/api/v1/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function SessionProvider({
  user,
  children,
}: {
  user: Schema<'UserView'>;
  children: ReactNode;
}) {
  const role = user.role;
  const session: Session = { user, can: (wanted) => RANK[role] >= RANK[wanted] };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in person (inside the signed-in part of the console). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside a signed-in page');
  return session;
}

/** Its children only for a person whose role is at least `role`: viewers see no action buttons. */
export function Can({ role, children }: { role: Role; children: ReactNode }) {
  return useSession().can(role) ? <>{children}</> : null;
}
