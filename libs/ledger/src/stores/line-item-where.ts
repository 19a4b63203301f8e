import type { LineItemQuery } from './line-items.store';

/** `%`, `_` and `\` in a search are themselves, not patterns. */
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A query as a WHERE clause over line_items and its positional parameters. */
export interface LineItemWhere {
  sql: string;
  params: unknown[];
}

/**
 * The query as SQL: the one translation of a LineItemQuery, for LineItemStore (not exported
 * from the lib: no SQL leaves the ledger). Each field narrows with AND, in a fixed order, so
 * that the same query is the same statement.
 */
export function lineItemWhere(query: LineItemQuery, like = 'LIKE'): LineItemWhere {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.sourceId !== undefined) {
    clauses.push('source_id = ?');
    params.push(query.sourceId);
  }
  if (query.statuses !== undefined) {
    clauses.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.reasons !== undefined) {
    clauses.push(`reason IN (${query.reasons.map(() => '?').join(', ')})`);
    params.push(...query.reasons);
  }
  if (query.extension !== undefined) {
    clauses.push('extension = ?');
    params.push(query.extension);
  }
  if (query.timekeeperId !== undefined) {
    clauses.push('timekeeper_id = ?');
    params.push(query.timekeeperId);
  }
  if (query.billingAccount !== undefined) {
    clauses.push('billing_account = ?');
    params.push(query.billingAccount);
  }
  if (query.destinationClass !== undefined) {
    clauses.push('destination_class = ?');
    params.push(query.destinationClass);
  }
  if (query.fromMs !== undefined) {
    clauses.push('start_time_ms >= ?');
    params.push(query.fromMs);
  }
  if (query.toMs !== undefined) {
    clauses.push('start_time_ms < ?');
    params.push(query.toMs);
  }
  for (const [bounds, op] of [
    [query.minAmount, '>='],
    [query.maxAmount, '<='],
  ] as const) {
    if (bounds === undefined) continue;
    const perCurrency = bounds.map(({ currency, minor }) => {
      params.push(currency, minor);
      return `(currency = ? AND amount_minor ${op} ?)`;
    });
    clauses.push(perCurrency.length > 0 ? `(${perCurrency.join(' OR ')})` : 'FALSE');
  }
  if (query.text !== undefined) {
    clauses.push(
      `(dialed_number ${like} ? ESCAPE '\\' OR normalized_number ${like} ? ESCAPE '\\' OR account_code ${like} ? ESCAPE '\\')`,
    );
    const pattern = likeEscaped(query.text);
    params.push(pattern, pattern, pattern);
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : 'TRUE', params };
}
