import { CellProblem } from './cell-problem';
import { cellValue, ReportColumnRef } from './report-table';

/**
 * Reads one row's cells, collecting every problem with its column's title so that the row's
 * error says all that is wrong with it at once.
 */
export class RowReader {
  readonly problems: string[] = [];
  private values: Record<string, unknown> = {};

  start(values: Record<string, unknown>): void {
    this.values = values;
    this.problems.length = 0;
  }

  /** The parsed value, or undefined when the cell has a problem (now recorded). */
  read<T>(column: ReportColumnRef, parse: (value: unknown) => T | CellProblem): T | undefined {
    const value = cellValue(this.values, column);
    const parsed = value instanceof CellProblem ? value : parse(value);
    if (parsed instanceof CellProblem) {
      this.problems.push(`${column.title} ${parsed.message}`);
      return undefined;
    }
    return parsed;
  }

  /** Like `read`, for optional columns the report may not have. */
  readOptional<T>(
    column: ReportColumnRef | undefined,
    parse: (value: unknown) => T | CellProblem,
  ): T | null | undefined {
    return column === undefined ? null : this.read(column, parse);
  }

  get reason(): string {
    return this.problems.join('; ');
  }
}
