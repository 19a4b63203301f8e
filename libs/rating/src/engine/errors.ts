/**
 * A plan the engine cannot compile. Plans are validated before they are stored
 * (libs/rating/src/validation); this is the engine's own guard, naming the JSON path.
 */
export class InvalidPlanError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`Rate plan cannot be compiled: ${path ? `${path}: ` : ''}${problem}`);
    this.name = 'InvalidPlanError';
  }
}

/** A record that is not canonical (negative talk time, a start that is not an instant). */
export class InvalidRecordError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`Record cannot be rated: ${field} ${problem}`);
    this.name = 'InvalidRecordError';
  }
}
