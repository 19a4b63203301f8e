export { DEFAULT_COLUMNS } from './column-map';
export type { ColumnMap } from './column-map';
export type { ParsedRow, ReportParseResult, RowError } from './parse-result';
export { ReportShapeError } from './report-shape-error';
export { parseCallReport } from './call-report.parser';
export { parseAccountSummaryReport } from './account-summary-report.parser';
export { stableCallId } from './stable-call-id';
export { RawRow, parseReportText } from './report-text';
