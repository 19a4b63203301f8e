import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@app/common';
import { isImportRequest } from './import-bodies';

/** A request carries a body when it says so: a length above 0, or chunks (RFC 9112 §6.3). */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

/**
 * Every body the API reads is JSON. Any other body (a form, text/plain, none declared) would
 * reach the routes unread, as if it were empty, and a body-less action such as approve would
 * run: it is refused with 415 instead, before any route. A request without a body passes; a law
 * firm's list import may send text/csv.
 */
export function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (!hasBody(request) || request.is('application/json')) return next();
  // A law firm's list import may come as CSV too.
  const csvToo = isImportRequest(request);
  if (csvToo && request.is('text/csv')) return next();
  const declared = request.headers['content-type'];
  const what = declared ? `Content-Type ${declared.split(';')[0].trim()}` : 'no Content-Type';
  next(
    new DomainError(
      'unsupported-media-type',
      `The request body has ${what}: send application/json${csvToo ? ' or text/csv' : ''}`,
    ),
  );
}
