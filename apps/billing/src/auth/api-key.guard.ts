import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  ApiKeyRole,
  AuthenticatedRequest,
  DomainError,
  PUBLIC_ROUTE,
  REQUIRED_ROLE,
  roleAtLeast,
} from '@app/common';
import { ApiKeysService } from '../api-keys/api-keys.service';

/**
 * The global guard: every route needs a valid `Authorization: Bearer <key>` unless marked
 * @Public(); a route without @RequireRole needs `admin`, so that forgetting the decorator
 * closes a route rather than opening it.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const presented = bearerToken(request.headers.authorization);
    if (presented === undefined) {
      throw new DomainError('unauthorized', 'Missing API key: send Authorization: Bearer <key>');
    }
    const key = await this.apiKeys.authenticate(presented);
    if (!key) {
      throw new DomainError('unauthorized', 'API key not recognised or revoked');
    }
    const required =
      this.reflector.getAllAndOverride<ApiKeyRole>(REQUIRED_ROLE, targets) ?? 'admin';
    if (!roleAtLeast(key.role, required)) {
      throw new DomainError(
        'forbidden',
        `This needs the ${required} role; the key "${key.name}" has ${key.role}`,
      );
    }
    request.actor = { keyId: key.id, userId: null, name: key.name, role: key.role };
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
