import { setImmediate as nextTurn } from 'node:timers/promises';
import { DomainError } from '@app/common';
import type {
  BilledLine,
  BilledLineField,
  BusinessStore,
  Invoice,
  InvoiceStore,
  Stay,
} from '@app/ledger';
import { INVOICE_LINE_FIELDS } from '@app/ledger';
import type { RatePlanDocument } from '@app/rating';
import { type Issuer, issuerFrom } from '../invoices/issuer';

/** An invoice as every export format reads it: its row, its plan, and its lines page by page. */
export interface InvoiceDocument {
  invoice: Invoice;
  /** The plan version that rated the invoice's first line (none on an emptied draft). */
  plan: RatePlanDocument | null;
  /** Who bills: the business, as the invoice names it. */
  issuer: Issuer;
  /** The guest stay it is for, when drafted per stay (its header shows it). */
  stay?: Stay | null;
  lineCount: number;
  /** The largest line item id (a FIAS posting number holds 8 digits). */
  maxLineItemId: number;
  /** The sum of the lines' totals, known before the first line is written (LEDES needs it). */
  linesTotalMinor: number;
  /**
   * The lines in order, a page at a time (memory stays flat however long the invoice), with
   * the fields an exporter writes: reading a column costs more than most formatting of it.
   */
  pages: <K extends BilledLineField>(fields: readonly K[]) => AsyncIterable<Pick<BilledLine, K>[]>;
}

/**
 * Lines per page. Measured (bench:export): at 500 what a page leaves behind dies young; at
 * 1,000 to 2,000 it outlives V8's young generation, the heap grows by 150 MiB on 100,000 lines
 * and CSV runs at half the speed.
 */
const PAGE_LINES = 500;

/** Every field of a line, for the exporters that write them all. */
export const LINE_FIELDS = INVOICE_LINE_FIELDS.filter(
  (field): field is Exclude<(typeof INVOICE_LINE_FIELDS)[number], 'invoiceId'> =>
    field !== 'invoiceId',
);

/**
 * Opens an invoice for export. Its lines must add up to its totals: a file whose lines and
 * total disagree is refused by every billing system, so it is never written. The lines of a
 * finalised or void invoice never change (the ledger's triggers), so they are read a page per
 * query (the ledger's connection is never held across a slow reader); a draft, which can
 * change, is read in one query.
 */
export async function openInvoiceDocument(
  invoices: InvoiceStore,
  businesses: BusinessStore,
  invoice: Invoice,
): Promise<InvoiceDocument> {
  const sums = await invoices.lineTotals(invoice.id);
  if (
    sums.amountMinor !== invoice.subtotalMinor ||
    sums.taxMinor !== invoice.taxMinor ||
    sums.totalMinor !== invoice.totalMinor
  ) {
    throw new DomainError(
      'conflict',
      `Invoice ${invoice.id}'s lines do not add up to its totals; nothing was exported`,
    );
  }
  const planJson = await invoices.firstLinePlanJson(invoice.id);
  const issuer = await issuerOf(businesses, invoice);
  const plan = planJson === null ? null : (JSON.parse(planJson) as RatePlanDocument);
  const pageLines = invoice.status === 'draft' ? null : PAGE_LINES; // null: no limit
  return {
    invoice,
    plan,
    issuer,
    lineCount: sums.lines,
    maxLineItemId: sums.maxLineItemId,
    linesTotalMinor: sums.totalMinor,
    pages: (fields) => linePages(invoices, invoice.id, pageLines, fields),
  };
}

/** The invoice's issuer: as finalised, or (a draft, or numbered before businesses) as it is now. */
async function issuerOf(businesses: BusinessStore, invoice: Invoice): Promise<Issuer> {
  if (invoice.issuerJson !== null) return JSON.parse(invoice.issuerJson) as Issuer;
  const business = await businesses.findById(invoice.businessId);
  if (!business) throw new Error(`Business ${invoice.businessId} of invoice ${invoice.id} is gone`);
  return issuerFrom(business);
}

/**
 * Pages of `fields`, keyed by line number; between pages the event loop takes its turn (a long
 * export never holds the service's other requests for more than a page).
 */
async function* linePages<K extends BilledLineField>(
  invoices: InvoiceStore,
  invoiceId: number,
  pageLines: number | null,
  fields: readonly K[],
): AsyncIterable<Pick<BilledLine, K>[]> {
  const reader = invoices.lineReader(fields);
  for (let after = 0; ; await nextTurn()) {
    const lines = await reader.page(invoiceId, after, pageLines);
    if (lines.length === 0) return;
    yield lines;
    if (pageLines === null || lines.length < pageLines) return; // the last page: no query for none
    after = lines[lines.length - 1].lineNumber;
  }
}
