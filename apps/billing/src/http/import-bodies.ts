import {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  json,
  text,
} from 'express';
import { DomainError } from '@app/common';
import { IMPORT_BODY_LIMIT_BYTES, IMPORT_ROUTE } from '@app/law-firms';

const MB = 1024 * 1024;

/** Is it a law firm's list import (matters, timekeepers), whose body may be CSV and large? */
export const isImportRequest = (request: Request): boolean =>
  request.method === 'POST' && IMPORT_ROUTE.test(request.path);

function tooLarge(): DomainError {
  return new DomainError(
    'payload-too-large',
    `The body is larger than ${IMPORT_BODY_LIMIT_BYTES / MB} MB, the most an import takes: split the list`,
  );
}

/**
 * The bodies of the import routes: JSON or text/csv up to 32 MB (a list of 100,000 matters),
 * read before the 1 MB JSON parser of every other route (which then leaves them be). Above the
 * limit: a 413 naming it (the parser refuses a declared length above it before reading on).
 */
export function importBodies(): RequestHandler {
  const limit = IMPORT_BODY_LIMIT_BYTES;
  const readJson = json({ limit });
  const readCsv = text({ type: 'text/csv', limit });
  const settled = (next: NextFunction) => (error?: unknown) => {
    const type = (error as { type?: unknown } | undefined)?.type;
    next(type === 'entity.too.large' ? tooLarge() : error);
  };
  return (request: Request, response: Response, next: NextFunction) => {
    if (!isImportRequest(request)) return next();
    readJson(request, response, (error?: unknown) => {
      if (error) return settled(next)(error);
      readCsv(request, response, settled(next));
    });
  };
}
