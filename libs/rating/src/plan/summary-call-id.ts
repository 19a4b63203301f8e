/** The id of an account-code summary row, as its line item and a quote show it. */
export function summaryCallId(accountCode: string, periodStartMs: number): string {
  return `${accountCode}@${new Date(periodStartMs).toISOString()}`;
}
