export interface ParsedRow<T> {
  record: T;
  /** The row as JSON, for the ledger's raw record: Xima's own text when it came as a RawRow. */
  rawJson: string;
  /** Index of the row in the report's `rows`, from 0. */
  rowIndex: number;
}

/** A row that could not be read: kept, counted and shown, never dropped. */
export interface RowError {
  rowIndex: number;
  /** Every problem of the row, each naming the column as the report titles it, joined by "; ". */
  reason: string;
  /** The row as JSON (a row that is not valid JSON is kept as a JSON string of its text). */
  rawJson: string;
}

export interface ReportParseResult<T> {
  records: ParsedRow<T>[];
  errors: RowError[];
}
