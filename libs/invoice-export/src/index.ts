export { InvoiceExportModule, type InvoiceExportModuleAsyncOptions } from './invoice-export.module';
export type { DeliverySettings } from './delivery/delivery-settings';
export { LEDES_FIELDS, ledesText } from './exporters/ledes-exporter';
export { validateLedes } from './exporters/ledes-validator';
export { EXPORT_FORMATS, type ExportFormat, invoiceFile } from './exporters/invoice-file';
export { invoiceArchive } from './exporters/invoice-archive';
export { InvoicesService, type InvoiceRow } from './invoices/invoices.service';
