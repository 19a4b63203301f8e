/** What went wrong, in the product's words; the exception filter maps each to an HTTP status. */
export const ERROR_STATUS = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One failing field of a request, by its path (`rates.uk.perMinute`). */
export interface ErrorDetail {
  field: string;
  message: string;
}

/**
 * An error the caller can act on: a bad request, a missing thing, a state change that is not
 * allowed. Its message is shown to the caller, so it never holds a secret.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /**
   * A 400 for input that failed validation: the message names the first few fields and what is
   * wrong with each, `details` has them all.
   */
  static invalid(subject: string, details: ErrorDetail[]): DomainError {
    const shown = details
      .slice(0, 5)
      .map((d) => (d.field ? `${d.field}: ${d.message}` : d.message))
      .join('; ');
    const more = details.length > 5 ? ` (and ${details.length - 5} more)` : '';
    return new DomainError('bad-request', `Invalid ${subject}: ${shown}${more}`, details);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
