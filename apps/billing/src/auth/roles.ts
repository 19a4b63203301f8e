import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/ledger';
import { API_KEY_ROLES, ApiKeyRole } from '@app/ledger';

export const PUBLIC_ROUTE = 'xima-billing:public';
export const REQUIRED_ROLE = 'xima-billing:role';

/** Open to anyone: only /health is. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The least role a key needs for this route; roles are ordered viewer < accountant < admin. */
export const RequireRole = (role: ApiKeyRole): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

export function roleAtLeast(actual: ApiKeyRole, required: ApiKeyRole): boolean {
  return API_KEY_ROLES.indexOf(actual) >= API_KEY_ROLES.indexOf(required);
}

/** The authenticated caller, as the guard attached it to the request. */
export interface AuthenticatedActor extends Actor {
  keyId: number;
  role: ApiKeyRole;
}

export interface AuthenticatedRequest {
  actor?: AuthenticatedActor;
}

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedActor => {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    // The global guard runs first and refuses every request it cannot authenticate.
    if (!actor) throw new Error('CurrentActor used on a route without authentication');
    return actor;
  },
);
