/** How deliveries are paced; the app reads them from DELIVERY_* (apps/billing environment.ts). */
export interface DeliverySettings {
  /** Attempts in one delivery sequence, the first included. */
  maxAttempts: number;
  /** Wait before the first retry; each later wait doubles. */
  backoffMs: number;
  /** The longest wait between two attempts. */
  backoffMaxMs: number;
  /** One attempt from connecting to the end of the answer's body. */
  timeoutMs: number;
  /** DELIVERY_ALLOWED_HOSTS (lower case); null: any host but link-local and metadata ones. */
  allowedHosts: string[] | null;
}

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

/** The wait before retry `retry` (1 for the first): base * 2^(retry - 1), capped. */
export function backoffDelayMs(settings: DeliverySettings, retry: number): number {
  return Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** (retry - 1));
}
