import { hash } from 'node:crypto';

// Read once: see report-table.ts.
const { stringify } = JSON;

/**
 * The id of a call whose report has no Call ID or Call Key: `h-` + the first 32 hex digits
 * (128 bits) of SHA-256 over the JSON array `[startTimeMs, extension, dialedNumber, talkMs]`.
 * It depends on the parsed values only, so the same call gets the same id in every window
 * that contains it. Changing this function changes every stored id: don't.
 */
export function stableCallId(
  startTimeMs: number,
  extension: string | null,
  dialedNumber: string | null,
  talkMs: number,
): string {
  const canonical = stringify([startTimeMs, extension, dialedNumber, talkMs]);
  // One-shot crypto.hash is about three times faster than createHash for inputs this small.
  return `h-${hash('sha256', canonical, 'hex').slice(0, 32)}`;
}
