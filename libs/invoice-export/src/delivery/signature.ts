import { createHmac } from 'node:crypto';

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`): the receiver recomputes it from
 * the X-Billing-Timestamp header and the raw body; the timestamp inside the signature lets it
 * refuse a replayed request.
 */
export function deliverySignature(secret: string, timestampSeconds: number, body: Buffer): string {
  const hmac = createHmac('sha256', secret).update(`${timestampSeconds}.`).update(body);
  return `sha256=${hmac.digest('hex')}`;
}
