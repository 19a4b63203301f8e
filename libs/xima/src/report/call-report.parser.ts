import type { CanonicalCallRecord } from '@app/rating';
import { CellProblem } from './cell-problem';
import {
  accountCode,
  callIdText,
  dialedNumber,
  direction,
  extension,
  instantMs,
  wholeNumber,
} from './cell-values';
import { ColumnMap, mergeColumns } from './column-map';
import { ParsedRow, ReportParseResult, RowError } from './parse-result';
import { readReportTable, readRow } from './report-table';
import { RowReader } from './row-reader';
import { stableCallId } from './stable-call-id';

const REQUIRED = ['startTime', 'direction', 'extension', 'dialedNumber', 'talkMs'] as const;
// Call Details' standard report has neither Call ID nor Account Code.
const OPTIONAL = ['callId', 'accountCode'] as const;

const talkMs = (value: unknown) => wholeNumber(value, 'milliseconds');

/**
 * A call report's rows as canonical call records. Each row is a record or a RowError with its
 * raw row; only an unreadable report throws (ReportShapeError). For a field with several
 * titles, the first column the report has is used for every row; only the call id falls back
 * per row (Call ID blank -> Call Key -> hash), since another extension column (Calling Party
 * Number) can hold the outside caller on inbound calls. Is Answered is not read: billing
 * goes by talkMs, and 0 already means unanswered.
 */
export function parseCallReport(
  body: unknown,
  columns?: ColumnMap,
): ReportParseResult<CanonicalCallRecord> {
  const table = readReportTable(body, mergeColumns(columns), REQUIRED, OPTIONAL);
  const [startColumn] = table.columns.startTime;
  const [directionColumn] = table.columns.direction;
  const [extensionColumn] = table.columns.extension;
  const [dialedColumn] = table.columns.dialedNumber;
  const [talkColumn] = table.columns.talkMs;
  const [accountColumn] = table.columns.accountCode;
  const idColumns = table.columns.callId;

  const records: ParsedRow<CanonicalCallRecord>[] = [];
  const errors: RowError[] = [];
  const reader = new RowReader();
  const { rows } = table;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const { rawJson, values } = readRow(rows[rowIndex]);
    if (values instanceof CellProblem) {
      errors.push({ rowIndex, reason: values.message, rawJson });
      continue;
    }
    reader.start(values);
    const startTimeMs = reader.read(startColumn, instantMs);
    const callDirection = reader.read(directionColumn, direction);
    const ext = reader.read(extensionColumn, extension);
    const dialed = reader.read(dialedColumn, dialedNumber);
    const talk = reader.read(talkColumn, talkMs);
    const account = reader.readOptional(accountColumn, accountCode);
    let callId: string | null | undefined = null;
    for (const column of idColumns) {
      callId = reader.read(column, callIdText);
      if (callId !== null) break;
    }
    if (
      startTimeMs === undefined ||
      callDirection === undefined ||
      ext === undefined ||
      dialed === undefined ||
      talk === undefined ||
      account === undefined ||
      callId === undefined
    ) {
      errors.push({ rowIndex, reason: reader.reason, rawJson });
      continue;
    }
    records.push({
      record: {
        callId: callId ?? stableCallId(startTimeMs, ext, dialed, talk),
        startTimeMs,
        direction: callDirection,
        extension: ext,
        dialedNumber: dialed,
        talkMs: talk,
        accountCode: account,
      },
      rawJson,
      rowIndex,
    });
  }
  return { records, errors };
}
