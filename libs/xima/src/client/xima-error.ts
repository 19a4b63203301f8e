export type XimaErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'transfer-cap'
  | 'gave-up'
  | 'invalid-response'
  | 'too-large';

interface CodeInfo {
  /** What to do about it, for whoever reads the sync run. */
  readonly advice: string;
  /** True when the same window may simply be taken again by the next sync. */
  readonly retryable: boolean;
}

const CODES: Record<XimaErrorCode, CodeInfo> = {
  'bad-request': {
    advice:
      'Xima refused the request body: compare the source\'s parameters with Xima\'s "Show Request Details"',
    retryable: false,
  },
  unauthorized: {
    advice:
      "the service user's token was rejected; it may have been refreshed in Xima: update XIMA_API_KEY",
    retryable: false,
  },
  forbidden: {
    advice:
      "the service user may not see some requested agents or groups: check its access in Xima or the source's parameters",
    retryable: false,
  },
  'not-found': {
    advice: "no API-enabled report with this key: check the source's historicDataKey",
    retryable: false,
  },
  'transfer-cap': {
    advice:
      "the tenant's 5-day data-transfer cap was reached: not retried now; sync again once the cap frees up",
    retryable: false,
  },
  'gave-up': {
    advice: 'Xima kept failing; the next sync may take this window again',
    retryable: true,
  },
  'invalid-response': {
    advice: "Xima's answer could not be used; the next sync may take this window again",
    retryable: true,
  },
  'too-large': {
    advice: 'the report is larger than maxResponseBytes: sync smaller chunks or raise the limit',
    retryable: false,
  },
};

export interface XimaErrorDetails {
  status: number | null;
  attempts: number;
  retries: number;
  /** The start of what Xima sent back, sanitised; null when nothing came back. */
  ximaMessage?: string | null;
}

/** A failed report run. Its message, stack and JSON never contain the token. */
export class XimaError extends Error {
  override readonly name = 'XimaError';
  readonly status: number | null;
  readonly attempts: number;
  readonly retries: number;
  readonly retryable: boolean;
  readonly ximaMessage: string | null;

  constructor(
    readonly code: XimaErrorCode,
    /** What happened, already free of the token. */
    what: string,
    details: XimaErrorDetails,
  ) {
    const { advice, retryable } = CODES[code];
    const said = details.ximaMessage ? ` Xima said: ${JSON.stringify(details.ximaMessage)}.` : '';
    const tries = `${details.attempts} attempt${details.attempts === 1 ? '' : 's'}`;
    super(`${what}.${said} ${capitalise(advice)} (${tries}, ${details.retries} retries)`);
    this.status = details.status;
    this.attempts = details.attempts;
    this.retries = details.retries;
    this.retryable = retryable;
    this.ximaMessage = details.ximaMessage ?? null;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      attempts: this.attempts,
      retries: this.retries,
      retryable: this.retryable,
      ximaMessage: this.ximaMessage,
    };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const XIMA_MESSAGE_MAX_CHARS = 500;

/** Keeps the first characters of an untrusted text, without control characters. */
export function sanitiseExcerpt(text: string, maxChars = XIMA_MESSAGE_MAX_CHARS): string {
  const clean = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…` : clean;
}
