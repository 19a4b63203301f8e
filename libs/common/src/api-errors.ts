import { STATUS_CODES } from 'node:http';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, ErrorCode } from './domain-error';

/** One failing field of a request, as an error body lists them. */
export class ErrorDetailView {
  @ApiProperty({ example: 'periodEnd' }) field!: string;
  @ApiProperty({
    example:
      'periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)',
  })
  message!: string;
}

/** The body of every error the API answers (AllExceptionsFilter). */
export class ErrorView {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ description: 'What is wrong, in words a person can act on.' }) message!: string;
  @ApiPropertyOptional({
    type: [ErrorDetailView],
    description: 'One entry a failing field, by its path (`rates.uk.perMinute`).',
  })
  details?: ErrorDetailView[];
}

/** A status an error of the API can have. */
export type ApiErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** A status, or a status with what it means on this route (`[409, 'The invoice is not a draft']`). */
export type ApiErrorCase = ApiErrorStatus | [ApiErrorStatus, string];

interface Documented {
  description: string;
  message: string;
  details?: { field: string; message: string }[];
}

/**
 * What each status means wherever it is answered, with a message the API really gives. A new
 * error code with a new status does not compile until it is described here.
 */
const DOCUMENTED: Record<ApiErrorStatus, Documented> = {
  400: {
    description: 'Invalid input: `details` names each failing field and what is wrong with it.',
    message:
      'Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)',
    details: [
      {
        field: 'periodEnd',
        message:
          'periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)',
      },
    ],
  },
  401: {
    description:
      'No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in.',
    message:
      'Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)',
  },
  403: {
    description:
      "The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token.",
    message: 'This needs the accountant role; the key "Front desk" has viewer',
  },
  404: {
    description: 'Nothing has this id.',
    message: 'Invoice 41 does not exist',
  },
  409: {
    description: 'Not in the state this needs: the message says why. Nothing was changed.',
    message: 'Invoice 41 is finalized (GH-2026-000007): only a draft can refresh',
  },
  413: {
    description: 'The body is larger than the service accepts (1 MB).',
    message: 'request entity too large',
  },
  415: {
    description: 'The body is not JSON.',
    message: 'The request body has Content-Type text/plain: send application/json',
  },
  503: {
    description: 'A service this needs is not configured or does not answer.',
    message: 'No Xima connection is configured (XIMA_BASE_URL)',
  },
};

/**
 * The error answers of a route, each with the shared error body and an example of it. Pick the
 * statuses a route can really give; a route-specific meaning replaces the general description,
 * and the example's message with it, so that the two never tell different stories.
 */
export function ApiErrors(...cases: ApiErrorCase[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...cases.map((errorCase) => {
      const [status, meaning] = Array.isArray(errorCase) ? errorCase : [errorCase, undefined];
      const documented = DOCUMENTED[status];
      return ApiResponse({
        status,
        description: meaning ?? documented.description,
        type: ErrorView,
        example: {
          statusCode: status,
          error: STATUS_CODES[status],
          message: meaning ?? documented.message,
          ...(documented.details && !meaning ? { details: documented.details } : {}),
        },
      });
    }),
  );
}
