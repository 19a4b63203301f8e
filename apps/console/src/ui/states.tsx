import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

/** Something is on its way: said in words for screen readers, not a bare spinner. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}…
    </div>
  );
}

/** Nothing to show, and why, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <p className="state-title">{title}</p>
      {children && <div className="state-body">{children}</div>}
    </div>
  );
}

/** A failed request: the service's own message, its field problems, and a way to try again. */
export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const details = error instanceof ApiError ? error.details : [];
  const title =
    error instanceof ApiError && error.status === 403
      ? 'Your role may not do this'
      : error instanceof ApiError && error.status === 404
        ? 'Not found'
        : 'That did not work';
  return (
    <div className="state error" role="alert">
      <p className="state-title">{title}</p>
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail, index) => (
            <li key={index}>
              {detail.field ? <strong>{detail.field}: </strong> : null}
              {detail.message}
            </li>
          ))}
        </ul>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
