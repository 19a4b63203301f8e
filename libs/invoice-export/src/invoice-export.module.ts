import { Module } from '@nestjs/common';

/** Invoices, numbering and exporters; filled by the invoice issue. */
@Module({})
export class InvoiceExportModule {}
