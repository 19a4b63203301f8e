import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The service's schemas by name: `Schema<'LineItemView'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The API's one error shape (docs/api.md, "Errors"). */
export type ErrorBody = Schema<'ErrorView'>;

/** A refused or failed request: its status and the API's message, ready to show to a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> | null,
  ) {
    super(body?.message ?? `The service answered ${status}.`);
  }

  /** Field-level problems the API named (400), if any. */
  get details(): { field?: string; message: string }[] {
    return this.body?.details ?? [];
  }
}

let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** The session's CSRF token, sent with every request that is not GET or HEAD. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the service answers 401 to a signed-in page: the session ended. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken !== null && request.method !== 'GET' && request.method !== 'HEAD') {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  onResponse({ request, response }) {
    const signingIn =
      request.method === 'POST' && new URL(request.url).pathname === '/api/v1/session';
    if (response.status === 401 && csrfToken !== null && !signingIn) {
      for (const listener of signedOutListeners) listener();
    }
    return response;
  },
};

/** The typed client of `/api/v1`: the only way the console talks to the service. */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
});
api.use(session);

/**
 * The data of an openapi-fetch answer, or an ApiError for anything but 2xx, so that TanStack
 * Query sees a rejected promise: `useQuery({ queryFn: () => ok(api.GET('/api/v1/users')) })`.
 */
export async function ok<T>(
  answer: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new ApiError(response.status, error ?? null);
  return data as T;
}

/** A file the API answers (an export): fetched with the session, saved by the browser. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ApiError(response.status, body);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
