/**
 * A field's column, as the ledger's naming strategy (SnakeNamingStrategy) makes it:
 * `taxMinor` -> `tax_minor`. For the stores of this lib only (not exported).
 */
export const columnOf = (field: string): string =>
  field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A SELECT list that reads each field's column under the field's own name
 * (`tax_minor AS "taxMinor"`, with the table's alias when given), so that a raw query's rows are
 * the entity's fields: the one place a store maps columns to fields.
 */
export const selectFields = (fields: readonly string[], table?: string): string =>
  fields.map((field) => `${table ? `${table}.` : ''}${columnOf(field)} AS "${field}"`).join(', ');

/**
 * A boolean column as a raw query returns it: SQLite gives 1 or 0, PostgreSQL true or false.
 * (Parameters may stay 1 and 0: PostgreSQL reads '1' and '0' as booleans.)
 */
export const isTrue = (value: unknown): boolean => value === true || value === 1;
