import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/** Paths the service itself answers: never the console's, even when no route matches. */
const SERVICE_PATHS = /^\/(api|health|metrics)(\/|$)/;

/** Vite names every file of assets/ by its content's hash: a year in any cache is safe. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/**
 * The console (apps/console, built by Vite into `dir`) at `/`: its hashed assets with a long
 * cache, and index.html for every other GET that is not the service's own (`/review`,
 * `/invoices/12`: the page's router reads the path), revalidated on each load so that a new
 * release is picked up. The Content-Security-Policy is helmet's (configure-app.ts), which allows
 * no inline script: the console has none. When the console is not built, `/` says how to build
 * it instead of a bare 404.
 */
export function consoleAssets(dir: string): RequestHandler {
  const index = join(dir, 'index.html');
  const assets = express.static(join(dir, 'assets'), {
    index: false,
    fallthrough: false,
    setHeaders: (response) => response.setHeader('Cache-Control', ASSET_CACHE),
  });
  const files = express.static(dir, { index: false, redirect: false });
  // The page's scripts and styles travel gzipped (a third of their size); the API's answers are
  // left as they are (exports stream, and a proxy may compress them if it likes).
  const gzip = compression();
  return (request: Request, response: Response, next: NextFunction) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      SERVICE_PATHS.test(request.path)
    ) {
      next();
      return;
    }
    if (!existsSync(index)) {
      response
        .status(503)
        .type('text/plain')
        .send('The console is not built: run `npm run build` (or `npm start`, which builds it).\n');
      return;
    }
    gzip(request, response, () => {
      if (request.path.startsWith('/assets/')) {
        request.url = request.url.slice('/assets'.length);
        assets(request, response, next);
        return;
      }
      // Files at the top of dist/ (none today but index.html) and, for anything else, the page.
      files(request, response, () => {
        response.setHeader('Cache-Control', 'no-cache');
        response.sendFile(index);
      });
    });
  };
}
