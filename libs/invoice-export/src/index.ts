export { InvoiceExportModule } from './invoice-export.module';
export { LEDES_FIELDS, ledesText } from './exporters/ledes-exporter';
export { validateLedes } from './exporters/ledes-validator';
