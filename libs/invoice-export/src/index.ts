export { InvoiceExportModule, type InvoiceExportModuleAsyncOptions } from './invoice-export.module';
export type { DeliverySettings } from './delivery/delivery-settings';
export { LEDES_FIELDS, clientAndMatter, ledesText } from './exporters/ledes-exporter';
export { validateLedes } from './exporters/ledes-validator';
export { EXPORT_FORMATS, type ExportFormat, type InvoiceFile } from './exporters/invoice-file';
export {
  DISBURSEMENT_FIELDS,
  type DisbursementField,
  type DisbursementTemplate,
  DisbursementTemplateError,
  parseDisbursementTemplate,
} from './disbursements/disbursement-template';
export {
  DISBURSEMENT_TEMPLATES,
  DISBURSEMENT_TEMPLATE_NAMES,
} from './disbursements/disbursement-templates';
export { InvoiceFilesService } from './exporters/invoice-files.service';
export { InvoicesService } from './invoices/invoices.service';
export { BATCH_GROUPINGS, type BatchGrouping } from './invoices/invoices.service';
export { CallDetailService } from './stays/call-detail.service';
export type { CallDetail, CallDetailFormat, CallDetailLine } from './stays/call-detail';
