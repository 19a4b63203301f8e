export { startSandbox, HISTORIC_DATA_PATH, FAULT_HEADER } from './sandbox-server';
export type { RunningSandbox } from './sandbox-server';
export {
  BEARER_TOKEN,
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  SandboxOptionsError,
} from './sandbox-options';
export { LocalClock, isKnownTimeZone } from './local-time';
export type { SandboxOptions } from './sandbox-options';
export { SANDBOX_REPORTS } from './reports';
export type {
  AccountCodeSummaryReport,
  CallDetailsReport,
  ColumnFormat,
  ReportColumn,
  SandboxReport,
  SandboxReportKey,
  SandboxReportKind,
} from './reports';
export {
  BUCKET_MS,
  CallGenerator,
  DEFAULT_CALLS_PER_DAY,
  DEFAULT_SEED,
  DEFAULT_TIMEZONE,
  generateCalls,
  MAX_CALLS_PER_DAY,
} from './call-generator';
export type { CallGeneratorOptions, GeneratedCall, GeneratedChat } from './call-generator';
export type { CallDirection } from './call-mix';
export type { NumberKind } from './dialed-numbers';
export { callKey } from './report-builder';
export { SANDBOX_AGENTS } from './directory';
export type { AgentRole, SandboxAgent } from './directory';
export { FAULT_MODES, FaultSpecError, parseFaultSpec } from './faults';
export type { FaultConfig, FaultMode } from './faults';
export { reportJson } from './report-json';
