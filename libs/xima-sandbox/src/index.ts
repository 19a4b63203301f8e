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
export { ACCOUNT_CODES, MALFORMED_ACCOUNT_CODES, TYPO_ACCOUNT_CODES } from './call-mix';
export {
  DEFAULT_CLOSED_DATE,
  DEFAULT_MATTER_COUNT,
  LAW_FIRM_ACCOUNT_CODE_PATTERN,
  LAW_FIRM_CODES,
  LAW_FIRM_MATTERS_CSV_HEADER,
  MAX_MATTER_COUNT,
  lawFirmMatters,
  lawFirmMattersCsv,
  middleDayOf,
  oneEditAway,
} from './law-firm-matters';
export type { LawFirmMatter, LawFirmMatterOptions } from './law-firm-matters';
export {
  MATTER_OUTCOMES,
  countMatterOutcomes,
  expectedMatterOutcome,
  intendedAccountCode,
} from './law-firm-outcomes';
export type { CodedCall, MatterOutcome } from './law-firm-outcomes';
export {
  DEFAULT_NEW_OWNER_FROM,
  LAW_FIRM_TIMEKEEPERS_CSV_HEADER,
  NEW_OWNER,
  NEW_OWNER_EXTENSION,
  expectedTimekeeper,
  extensionOfAgent,
  lawFirmTimekeepers,
  lawFirmTimekeepersCsv,
} from './law-firm-timekeepers';
export type {
  LawFirmTimekeeper,
  LawFirmTimekeeperOptions,
  TimekeeperClassification,
} from './law-firm-timekeepers';
