/** Column formats as Xima names them; DATE_TIME and BOOLEAN are the sandbox's names for types Xima leaves undocumented. */
export type ColumnFormat = 'STRING' | 'NUMBER' | 'DURATION' | 'DATE_TIME' | 'BOOLEAN';

export type CallDetailTitle =
  | 'Call ID'
  | 'Call Key'
  | 'Call Direction'
  | 'Call Duration'
  | 'Start Time'
  | 'End Time'
  | 'External Number'
  | 'Initial Agent'
  | 'Total Talking Duration'
  | 'Is Answered'
  | 'Account Code';

export type AccountSummaryTitle =
  | 'Account Code'
  | 'Call Count'
  | 'Chat Count'
  | 'Total Call Duration'
  | 'Total Talking Duration'
  | 'Avg Talking Duration'
  | 'Total Chat Duration'
  | 'Avg Chat Duration';

export interface ReportColumn<Title extends string = string> {
  readonly title: Title;
  readonly format: ColumnFormat;
}

interface ReportBase {
  readonly key: string;
  readonly reportId: number;
  readonly title: string;
}

export interface CallDetailsReport extends ReportBase {
  readonly kind: 'call-details';
  readonly columns: readonly ReportColumn<CallDetailTitle>[];
  /** How Is Answered is encoded: JSON booleans, or the strings "Yes"/"No" (Xima documents neither). */
  readonly answeredAs: 'boolean' | 'yes-no';
}

export interface AccountCodeSummaryReport extends ReportBase {
  readonly kind: 'account-code-summary';
  readonly columns: readonly ReportColumn<AccountSummaryTitle>[];
}

export type SandboxReport = CallDetailsReport | AccountCodeSummaryReport;
export type SandboxReportKind = SandboxReport['kind'];

/** The standard Call Details columns, in the order Xima's UI shows them. */
const CALL_DETAIL_COLUMNS: readonly ReportColumn<CallDetailTitle>[] = [
  { title: 'Call Direction', format: 'STRING' },
  { title: 'Call Duration', format: 'DURATION' },
  { title: 'Start Time', format: 'DATE_TIME' },
  { title: 'End Time', format: 'DATE_TIME' },
  { title: 'External Number', format: 'STRING' },
  { title: 'Initial Agent', format: 'STRING' },
  { title: 'Total Talking Duration', format: 'DURATION' },
  { title: 'Is Answered', format: 'BOOLEAN' },
  { title: 'Account Code', format: 'STRING' },
];

const CALLDTL1: CallDetailsReport = {
  key: 'CALLDTL1',
  reportId: 101,
  title: 'Call Details',
  kind: 'call-details',
  columns: CALL_DETAIL_COLUMNS,
  answeredAs: 'boolean',
};

// The custom report puts its id columns first, so column keys differ from CALLDTL1's: clients
// must map columns by title, as Xima's docs require.
const CALLDTLX: CallDetailsReport = {
  key: 'CALLDTLX',
  reportId: 102,
  title: 'Call Details',
  kind: 'call-details',
  columns: [
    { title: 'Call ID', format: 'STRING' },
    { title: 'Call Key', format: 'STRING' },
    ...CALL_DETAIL_COLUMNS,
  ],
  answeredAs: 'yes-no',
};

const ACCTSUM1: AccountCodeSummaryReport = {
  key: 'ACCTSUM1',
  reportId: 103,
  title: 'Account Code Summary',
  kind: 'account-code-summary',
  columns: [
    { title: 'Account Code', format: 'STRING' },
    { title: 'Call Count', format: 'NUMBER' },
    { title: 'Chat Count', format: 'NUMBER' },
    { title: 'Total Call Duration', format: 'DURATION' },
    { title: 'Total Talking Duration', format: 'DURATION' },
    { title: 'Avg Talking Duration', format: 'DURATION' },
    { title: 'Total Chat Duration', format: 'DURATION' },
    { title: 'Avg Chat Duration', format: 'DURATION' },
  ],
};

/** The reports the sandbox serves, by their 8-character historicDataKey. */
export const SANDBOX_REPORTS = { CALLDTL1, CALLDTLX, ACCTSUM1 } as const satisfies Record<
  string,
  SandboxReport
>;

export type SandboxReportKey = keyof typeof SANDBOX_REPORTS;

export function findReport(key: string): SandboxReport | undefined {
  return Object.hasOwn(SANDBOX_REPORTS, key) ? SANDBOX_REPORTS[key as SandboxReportKey] : undefined;
}

/** Every report carries the skin of Xima's own example. */
export const REPORT_SKIN = 'Avaya Default';
