import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/common';
import { type Invoice, InvoiceStore } from '@app/ledger';
import { DeliveryService } from '../delivery/delivery.service';
import type { ExportFormat, InvoiceFile } from '../exporters/invoice-file';
import { InvoiceFilesService } from '../exporters/invoice-files.service';
import type {
  ArchiveQueryDto,
  BatchInvoicesDto,
  BulkFinalizeDto,
  CreateInvoiceDto,
} from './invoice.dto';
import type { InvoicePageQueryDto } from './invoice-filter';
import {
  FinalizeReportView,
  INVOICE_LINE_VIEW_FIELDS,
  InvoiceBatchView,
  InvoicePageView,
  InvoiceSummaryView,
  InvoiceView,
} from './invoice.view';
import { InvoicesService } from './invoices.service';

/**
 * What the invoices API does, one method a route: the rules of InvoicesService, each answer as
 * its view, exports as files, and the delivery that follows a finalisation.
 */
@Injectable()
export class InvoicesApiService {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly store: InvoiceStore,
    private readonly files: InvoiceFilesService,
    private readonly deliveries: DeliveryService,
  ) {}

  async create(body: CreateInvoiceDto, actor: Actor): Promise<InvoiceView> {
    const period = await this.invoices.period(body);
    return this.view(
      await this.invoices.createDraft(body.billingAccount, period, actor, body.businessId ?? null),
    );
  }

  async batch(body: BatchInvoicesDto, actor: Actor): Promise<InvoiceBatchView> {
    const period = await this.invoices.period(body);
    const { drafts, skippedZero } = await this.invoices.batch(
      period,
      { sourceId: body.sourceId ?? null, businessId: body.businessId ?? null },
      actor,
      body.includeZero ?? false,
      body.groupBy ?? 'billing-account',
    );
    const items: InvoiceView[] = [];
    for (const draft of drafts) items.push(await this.view(draft));
    return { items, skippedZero };
  }

  async list(query: InvoicePageQueryDto): Promise<InvoicePageView> {
    const { items, nextCursor } = await this.invoices.list(query);
    return { items: items.map((invoice) => InvoiceSummaryView.of(invoice)), nextCursor };
  }

  async get(id: number): Promise<InvoiceView> {
    return this.view(await this.invoices.load(id));
  }

  async export(id: number, format: ExportFormat, template?: string): Promise<InvoiceFile> {
    return this.files.file(await this.invoices.load(id), format, template);
  }

  /** The invoices named by ids or matched by the filter, as one ZIP of `format` files. */
  async archive(query: ArchiveQueryDto): Promise<InvoiceFile> {
    const { format, template, ids, ...filter } = query;
    const invoices = await this.invoices.matching(ids, ids === undefined ? filter : undefined);
    return this.files.archive(invoices, format, template);
  }

  async refresh(id: number, actor: Actor): Promise<InvoiceView> {
    return this.view(await this.invoices.refresh(id, actor));
  }

  remove(id: number, actor: Actor): Promise<void> {
    return this.invoices.remove(id, actor);
  }

  async finalize(id: number, actor: Actor): Promise<InvoiceView> {
    const invoice = await this.invoices.finalize(id, actor);
    // In the background, after the commit: a billing system never holds up or fails this.
    this.deliveries.deliverFinalized(invoice);
    return this.view(invoice);
  }

  /** Many drafts finalised, each on its own, then each delivered in the background. */
  async finalizeMany(body: BulkFinalizeDto, actor: Actor): Promise<FinalizeReportView> {
    const invoices = await this.invoices.matching(
      body.ids,
      body.filter === undefined ? undefined : { ...body.filter, status: ['draft'] },
    );
    const { outcomes, finalized } = await this.invoices.finalizeMany(invoices, actor);
    for (const invoice of finalized) this.deliveries.deliverFinalized(invoice);
    return {
      finalized: finalized.length,
      refused: outcomes.length - finalized.length,
      results: outcomes,
    };
  }

  async void(id: number, reason: string, actor: Actor): Promise<InvoiceView> {
    return this.view(await this.invoices.void(id, reason, actor));
  }

  /** The invoice with its lines, as they stand now, and the guest stay it is for. */
  private async view(invoice: Invoice): Promise<InvoiceView> {
    const lines = await this.store.lineReader(INVOICE_LINE_VIEW_FIELDS).page(invoice.id, 0, null);
    return InvoiceView.withLines(invoice, lines, await this.invoices.stayOf(invoice.id));
  }
}
