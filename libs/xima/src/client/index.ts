export { XimaClient, DEFAULT_MAX_RESPONSE_BYTES } from './xima-client';
export type { ReportResult, XimaClientOptions } from './xima-client';
export { XimaError } from './xima-error';
export type { XimaErrorCode } from './xima-error';
export { DEFAULT_RETRY_POLICY } from './retry-policy';
export type { RetryPolicy } from './retry-policy';
export { reportRequestBody } from './report-request';
export type {
  ReportRequestBody,
  ReportTimeframe,
  ReportTimeframeParameter,
} from './report-request';
