/** A field's column, as the ledger's naming strategy makes it: `taxMinor` -> `tax_minor`. */
export const columnOf = (field: string): string =>
  field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * `tax_minor AS "taxMinor", ...`: a SELECT list that reads each column as its entity's field, so
 * that a raw read's rows are the entity's shape.
 */
export const selectList = (fields: readonly string[], table?: string): string =>
  fields.map((field) => `${table ? `${table}.` : ''}${columnOf(field)} AS "${field}"`).join(', ');
