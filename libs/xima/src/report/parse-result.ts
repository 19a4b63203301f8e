export interface ParsedRow<T> {
  record: T;
  /** The row exactly as received (the same object), for the ledger's raw record. */
  raw: unknown;
  /** Index of the row in the report's `rows`, from 0. */
  rowIndex: number;
}

/** A row that could not be read: kept, counted and shown, never dropped. */
export interface RowError {
  rowIndex: number;
  /** Every problem of the row, each naming the column as the report titles it, joined by "; ". */
  reason: string;
  raw: unknown;
}

export interface ReportParseResult<T> {
  records: ParsedRow<T>[];
  errors: RowError[];
}
