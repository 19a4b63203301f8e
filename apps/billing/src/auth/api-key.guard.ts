import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  ApiKeyRole,
  AuthenticatedActor,
  AuthenticatedRequest,
  DomainError,
  PUBLIC_ROUTE,
  REQUIRED_ROLE,
  roleAtLeast,
} from '@app/common';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { CSRF_HEADER, csrfTokenMatches, sessionTokenOf } from '../session/session-token';
import { actorOf, SessionsService } from '../session/sessions.service';
import { SESSION_ROUTE, SignedInRequest } from '../session/signed-in';

/** Methods that change nothing: a cookie-authenticated request of another needs its CSRF token. */
const READ_METHODS = new Set(['GET', 'HEAD']);

export const MISSING_CREDENTIALS =
  'Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)';

/**
 * The global guard: every route needs a valid `Authorization: Bearer <key>` or a live session
 * cookie unless marked @Public(); a route without @RequireRole needs `admin`, so that
 * forgetting the decorator closes a route rather than opening it. A key wins over a cookie sent
 * with it. A cookie-authenticated request that is not GET or HEAD needs its session's CSRF
 * token in X-CSRF-Token; a person who must change their password may only use @SessionRoute()
 * routes (docs/decisions/0025-users-and-sessions.md).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<Request & AuthenticatedRequest & SignedInRequest>();
    const sessionRoute = this.reflector.getAllAndOverride<boolean>(SESSION_ROUTE, targets) ?? false;
    const { actor, holder } =
      request.headers.authorization !== undefined
        ? await this.byKey(request.headers.authorization, sessionRoute)
        : await this.bySession(request, sessionRoute);
    const required =
      this.reflector.getAllAndOverride<ApiKeyRole>(REQUIRED_ROLE, targets) ?? 'admin';
    if (!roleAtLeast(actor.role, required)) {
      throw new DomainError(
        'forbidden',
        `This needs the ${required} role; ${holder} has ${actor.role}`,
      );
    }
    request.actor = actor;
    return true;
  }

  private async byKey(
    header: string,
    sessionRoute: boolean,
  ): Promise<{ actor: AuthenticatedActor; holder: string }> {
    const presented = bearerToken(header);
    if (presented === undefined) {
      throw new DomainError('unauthorized', 'Missing API key: send Authorization: Bearer <key>');
    }
    const key = await this.apiKeys.authenticate(presented);
    if (!key) {
      throw new DomainError('unauthorized', 'API key not recognised or revoked');
    }
    if (sessionRoute) {
      throw new DomainError(
        'unauthorized',
        'This is about a signed-in person’s session, and an API key has none: sign in (POST /api/v1/session)',
      );
    }
    return {
      actor: { keyId: key.id, userId: null, name: key.name, role: key.role },
      holder: `the key "${key.name}"`,
    };
  }

  private async bySession(
    request: Request & SignedInRequest,
    sessionRoute: boolean,
  ): Promise<{ actor: AuthenticatedActor; holder: string }> {
    const token = sessionTokenOf(request.headers.cookie);
    if (token === undefined) throw new DomainError('unauthorized', MISSING_CREDENTIALS);
    const signedIn = await this.sessions.authenticate(token);
    if (!signedIn) {
      throw new DomainError(
        'unauthorized',
        'Your session has ended (signed out, idle too long, signed in too long ago, or the password changed): sign in again',
      );
    }
    if (
      !READ_METHODS.has(request.method) &&
      !csrfTokenMatches(request.headers[CSRF_HEADER], signedIn.csrfToken)
    ) {
      throw new DomainError(
        'forbidden',
        'Missing or wrong X-CSRF-Token: send the csrfToken of GET /api/v1/session with every change',
      );
    }
    const { user } = signedIn;
    if (user.mustChangePassword && !sessionRoute) {
      throw new DomainError(
        'forbidden',
        'Change your password first (POST /api/v1/session/password): it was given to you by someone else',
      );
    }
    request.signedIn = signedIn;
    return { actor: { ...actorOf(user), role: user.role }, holder: `the user "${user.name}"` };
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
