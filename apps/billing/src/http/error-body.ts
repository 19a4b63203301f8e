import { STATUS_CODES } from 'node:http';
import type { ErrorDetail } from '@app/common';

/** The one shape of every error the API answers (docs/api.md, "Errors"). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
}

export function errorBody(statusCode: number, message: string, details?: ErrorDetail[]): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    ...(details && details.length > 0 ? { details } : {}),
  };
}
