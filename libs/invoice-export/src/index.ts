export { InvoiceExportModule } from './invoice-export.module';
