import type { AccountSummaryRecord } from '@app/rating';
import { CellProblem, EMPTY } from './cell-problem';
import { accountCode, wholeNumber } from './cell-values';
import { ColumnMap, mergeColumns } from './column-map';
import { ParsedRow, ReportParseResult, RowError } from './parse-result';
import { readReportTable, readRow } from './report-table';
import { RowReader } from './row-reader';

const REQUIRED = ['accountCode', 'calls', 'totalTalkMs'] as const;

const requiredAccountCode = (value: unknown) => accountCode(value) ?? EMPTY;
const calls = (value: unknown) => wholeNumber(value, 'count');
const totalTalkMs = (value: unknown) => wholeNumber(value, 'milliseconds');

/**
 * An account-code summary's rows for one period; chat columns are not billed and not read.
 * A second row with the same account code is a RowError: the period's line item is keyed by
 * (source, account code, period), so storing both would silently drop one.
 */
export function parseAccountSummaryReport(
  body: unknown,
  period: { startMs: number; endMs: number },
  columns?: ColumnMap,
): ReportParseResult<AccountSummaryRecord> {
  const { startMs, endMs } = period;
  if (!Number.isSafeInteger(startMs) || !Number.isSafeInteger(endMs) || endMs <= startMs) {
    throw new RangeError(`the summary period [${startMs}, ${endMs}) is not a range of epoch ms`);
  }
  const table = readReportTable(body, mergeColumns(columns), REQUIRED, []);
  const [accountColumn] = table.columns.accountCode;
  const [callsColumn] = table.columns.calls;
  const [talkColumn] = table.columns.totalTalkMs;

  const records: ParsedRow<AccountSummaryRecord>[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  const reader = new RowReader();
  const { rows } = table;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const { rawJson, values } = readRow(rows[rowIndex]);
    if (values instanceof CellProblem) {
      errors.push({ rowIndex, reason: values.message, rawJson });
      continue;
    }
    reader.start(values);
    const code = reader.read(accountColumn, requiredAccountCode);
    const callCount = reader.read(callsColumn, calls);
    const talk = reader.read(talkColumn, totalTalkMs);
    if (code !== undefined) {
      const first = firstRowOf.get(code);
      if (first === undefined) firstRowOf.set(code, rowIndex);
      else
        reader.problems.push(`${accountColumn.title} ${JSON.stringify(code)} is also row ${first}`);
    }
    if (
      code === undefined ||
      callCount === undefined ||
      talk === undefined ||
      reader.problems.length > 0
    ) {
      errors.push({ rowIndex, reason: reader.reason, rawJson });
      continue;
    }
    records.push({
      record: {
        accountCode: code,
        calls: callCount,
        totalTalkMs: talk,
        periodStartMs: startMs,
        periodEndMs: endMs,
      },
      rawJson,
      rowIndex,
    });
  }
  return { records, errors };
}
