import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';

/** Ordered: each role may do what the roles before it may. Users have the same roles as keys. */
export const API_KEY_ROLES = ['viewer', 'accountant', 'admin'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * Who acted: a person (a user, by id and name), an API key (by id and name), or the service
 * itself (scheduler, CLI, start-up: both ids null). At most one of the ids is set.
 */
export interface Actor {
  keyId: number | null;
  userId: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { keyId: null, userId: null, name: 'system' };

export const PUBLIC_ROUTE = 'xima-billing:public';
export const REQUIRED_ROLE = 'xima-billing:role';

/** Open to anyone: only /health is. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The least role a key or a user needs for this route; without it a route needs `admin`. */
export const RequireRole = (role: ApiKeyRole): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

export function roleAtLeast(actual: ApiKeyRole, required: ApiKeyRole): boolean {
  return API_KEY_ROLES.indexOf(actual) >= API_KEY_ROLES.indexOf(required);
}

/** The authenticated caller, as the global guard attached it to the request: a key or a user. */
export interface AuthenticatedActor extends Actor {
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
