/** An instant (epoch milliseconds) as ISO-8601 in UTC: how the API writes stored times. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
