import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { User } from '@app/ledger';

/** A request's session, as the global guard found it from the cookie. */
export interface SignedIn {
  sessionId: number;
  csrfToken: string;
  user: User;
  /** When the session ends however busy it is: its sign-in plus SESSION_MAX_HOURS. */
  expiresAtMs: number;
}

export interface SignedInRequest {
  signedIn?: SignedIn;
}

export const SESSION_ROUTE = 'xima-billing:session-route';

/**
 * A route about the caller's own session: it needs a session cookie (an API key has no
 * session), and stays open to a person who must change their password first.
 */
export const SessionRoute = (): MethodDecorator & ClassDecorator =>
  SetMetadata(SESSION_ROUTE, true);

/** The session of a @SessionRoute() request. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedIn => {
    const signedIn = context.switchToHttp().getRequest<SignedInRequest>().signedIn;
    // The global guard refuses a session route without a session.
    if (!signedIn) throw new Error('CurrentSession used on a route without @SessionRoute()');
    return signedIn;
  },
);
