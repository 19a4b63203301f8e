import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { LookupAddress, LookupOptions, lookup } from 'node:dns';
import { Agent, request } from 'undici';
import { Clock, deliveryHostProblem, isForbiddenDeliveryAddress } from '@app/common';
import { DELIVERY_SETTINGS, DeliverySettings } from './delivery-settings';
import { deliverySignature } from './signature';

/** One invoice on its way to a billing system. */
export interface DeliveryRequest {
  /** Without credentials (`withoutCredentials`). */
  url: string;
  secret: string | null;
  /** The invoice number: the same on every attempt, so that the receiver can drop a repeat. */
  idempotencyKey: string;
  /** Sent as is on every attempt. */
  body: Buffer;
}

/** What one attempt came to; `error` is short and never holds the secret or the body. */
export type AttemptOutcome =
  | { kind: 'delivered'; httpStatus: number }
  | { kind: 'retryable' | 'permanent'; httpStatus: number | null; error: string };

/** Enough of an answer to keep the connection reusable; a longer one is cut off unread. */
const ANSWER_MAX_BYTES = 64 * 1024;

/** The URL as sent, stored and logged: a user name or password in it is dropped. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/**
 * 2xx is delivered. 408, 425, 429 and 5xx may pass later: retried. Any other answer (a 3xx, a
 * 4xx) will not change by itself: not retried until someone fixes the cause and asks again.
 */
export function outcomeOf(status: number): AttemptOutcome {
  if (status >= 200 && status <= 299) return { kind: 'delivered', httpStatus: status };
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  const redirect = status >= 300 && status <= 399 ? ' (redirects are not followed)' : '';
  return {
    kind: retryable ? 'retryable' : 'permanent',
    httpStatus: status,
    error: `the billing system answered ${status}${redirect}`,
  };
}

/** The only class that talks to billing systems: one signed POST per call. */
@Injectable()
export class BillingSystemClient implements OnApplicationShutdown {
  // Every address a host name resolves to is checked before connecting (decision 0015).
  private readonly agent = new Agent({ connect: { lookup: checkedLookup() } });

  constructor(
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly clock: Clock,
  ) {}

  /**
   * One attempt, bounded by DELIVERY_TIMEOUT_MS from connecting to the end of the answer.
   * Resolves with its outcome; rejects only with `signal.reason` once `signal` aborts.
   */
  async post(delivery: DeliveryRequest, signal: AbortSignal): Promise<AttemptOutcome> {
    const refused = deliveryHostProblem(delivery.url, this.settings.allowedHosts);
    if (refused !== undefined) {
      return { kind: 'permanent', httpStatus: null, error: `not sent: ${refused}` };
    }
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const timestamp = Math.floor(this.clock.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': delivery.idempotencyKey,
      'x-billing-timestamp': String(timestamp),
      'user-agent': 'xima-billing',
    };
    if (delivery.secret !== null) {
      headers['x-billing-signature'] = deliverySignature(delivery.secret, timestamp, delivery.body);
    }
    try {
      const answer = await request(delivery.url, {
        dispatcher: this.agent,
        method: 'POST',
        headers,
        body: delivery.body,
        signal: AbortSignal.any([signal, timeout]),
      });
      // The status decides; the body is only drained. A receiver that accepted the invoice and
      // then stalls its body has still accepted it.
      await answer.body.dump({ limit: ANSWER_MAX_BYTES }).catch(() => undefined);
      return outcomeOf(answer.statusCode);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (errorCode(error) === FORBIDDEN_ADDRESS) {
        return {
          kind: 'permanent',
          httpStatus: null,
          error: `not sent: ${(error as Error).message}`,
        };
      }
      const fault = timeout.aborted
        ? `no answer within ${this.settings.timeoutMs} ms`
        : `network error (${errorCode(error)})`;
      return { kind: 'retryable', httpStatus: null, error: fault };
    }
  }

  /** Cuts off requests still in flight (the delivery service has stopped waiting for them). */
  async onApplicationShutdown(): Promise<void> {
    await this.agent.destroy();
  }
}

/**
 * `ECONNREFUSED`, `UND_ERR_SOCKET`…: the code only, because an error's message may name the
 * host and the path.
 */
function errorCode(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  const inner = cause?.code;
  if (typeof inner === 'string' && (code === 'UND_ERR_SOCKET' || typeof code !== 'string')) {
    return inner;
  }
  return typeof code === 'string' ? code : 'unknown';
}

const FORBIDDEN_ADDRESS = 'EDELIVERYADDRESS';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * dns.lookup, refusing a host name that resolves to a link-local or cloud metadata address: the
 * name is checked where the connection is made, so a name that resolves differently later (DNS
 * rebinding) is caught too. IP literals are not looked up: `deliveryHostProblem` judges them.
 */
export function checkedLookup(resolve: typeof lookup = lookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options }, ((
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => {
      if (error) return callback(error, address, family);
      const addresses = typeof address === 'string' ? [address] : address.map((a) => a.address);
      const forbidden = addresses.find(isForbiddenDeliveryAddress);
      if (forbidden === undefined) return callback(null, address, family);
      const refusal: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to ${forbidden}, a link-local or cloud metadata address`,
      );
      refusal.code = FORBIDDEN_ADDRESS;
      callback(refusal, address, family);
    }) as never);
  };
}
