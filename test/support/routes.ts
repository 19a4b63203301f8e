import type { INestApplication } from '@nestjs/common';

export interface RegisteredRoute {
  method: string;
  path: string;
}

const NEST_MIDDLEWARE_MOUNT = '{/*splat}';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the HTTP server answers, read from Express's router after app.init(). */
export function registeredRoutes(app: INestApplication): RegisteredRoute[] {
  const instance = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  // Middleware Nest mounts for every path (request logging) shows up as `{/*splat}`: not a
  // route of ours. Any other wildcard is a route and is walked like the rest.
  return stack.flatMap((layer) =>
    layer.route && layer.route.path !== NEST_MIDDLEWARE_MOUNT
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path: layer.route!.path }))
      : [],
  );
}

/** A concrete URL for a route pattern: `:id` becomes 1, other parameters and wildcards `x`. */
export function concretePath(path: string): string {
  return path
    .replace(/:id\b/g, '1')
    .replace(/:[A-Za-z_]+/g, 'x')
    .replace(/\{\/?\*[A-Za-z_]*\}|\*[A-Za-z_]*/g, 'x')
    .replace(/[{}]/g, '');
}
