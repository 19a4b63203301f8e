export { InvoiceExportModule, type InvoiceExportModuleAsyncOptions } from './invoice-export.module';
export type { DeliverySettings } from './delivery/delivery-settings';
export { LEDES_FIELDS, ledesText } from './exporters/ledes-exporter';
export { validateLedes } from './exporters/ledes-validator';
export { EXPORT_FORMATS, type ExportFormat, type InvoiceFile } from './exporters/invoice-file';
export { InvoiceFilesService } from './exporters/invoice-files.service';
export { InvoicesService } from './invoices/invoices.service';
