import type { LedgerTx, LineItemStore, Stay, StayStore } from '@app/ledger';

/**
 * The guest stay an invoice is for: the one stay every one of its lines' calls is tied to (an
 * invoice drafted per stay, `groupBy: "stay"`), or null (docs/invoices.md).
 */
export async function invoiceStay(
  lineItems: LineItemStore,
  stays: StayStore,
  invoiceId: number,
  tx?: LedgerTx,
): Promise<Stay | null> {
  const stayId = await lineItems.stayOfInvoice(invoiceId, tx);
  return stayId === null ? null : stays.findById(stayId, tx);
}
