import { createHash } from 'node:crypto';
import {
  DomainError,
  decodeCursor as decodeKeysetCursor,
  encodeCursor as encodeKeysetCursor,
  optionalRange,
} from '@app/common';
import type { CurrencyAmount, LineItemPosition, LineItemQuery } from '@app/ledger';
import { compareDecimals, currencyExponent, parseDecimal, pow10 } from '@app/money';
import type { LineItemFilterDto } from './line-item-filter.dto';

/** A filter as the ledger's query, and its identity. */
export interface CompiledFilter {
  query: LineItemQuery;
  /** Identifies the filter, so that a cursor is refused by another one. */
  key: string;
}

/**
 * An amount bound in each currency's minor units, exactly: `minAmount` 1.005 is at least 101
 * cents, `maxAmount` 1.005 at most 100.
 */
function amountBound(text: string, currency: string, round: 'up' | 'down'): bigint {
  const { units, scale } = parseDecimal(text);
  const scaled = units * pow10(currencyExponent(currency));
  const divisor = pow10(scale);
  const quotient = scaled / divisor;
  return round === 'up' && quotient * divisor !== scaled ? quotient + 1n : quotient;
}

const amountBounds = (
  text: string | undefined,
  currencies: string[],
  round: 'up' | 'down',
): CurrencyAmount[] | undefined =>
  text === undefined
    ? undefined
    : currencies.map((currency) => ({ currency, minor: amountBound(text, currency, round) }));

/**
 * The filter as the ledger's query, with the currencies the ledger holds for amounts and the
 * zone its plain dates are read in.
 */
export function compileFilter(
  filter: LineItemFilterDto,
  currencies: string[],
  zone: string,
): CompiledFilter {
  const { fromMs, toMs } = optionalRange(filter.from, filter.to, zone, 'filter');
  if (
    filter.minAmount !== undefined &&
    filter.maxAmount !== undefined &&
    compareDecimals(filter.minAmount, filter.maxAmount) > 0
  ) {
    throw DomainError.invalid('filter', [
      { field: 'maxAmount', message: 'maxAmount must not be less than minAmount' },
    ]);
  }
  const query: LineItemQuery = {
    sourceId: filter.sourceId,
    statuses: filter.status,
    reasons: filter.reason,
    extension: filter.extension,
    timekeeperId: filter.timekeeper,
    billingAccount: filter.billingAccount,
    destinationClass: filter.destinationClass,
    fromMs,
    toMs,
    minAmount: amountBounds(filter.minAmount, currencies, 'up'),
    maxAmount: amountBounds(filter.maxAmount, currencies, 'down'),
    text: filter.q,
  };
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        filter.sourceId,
        filter.status,
        filter.billingAccount,
        filter.destinationClass,
        fromMs,
        toMs,
        filter.minAmount,
        filter.maxAmount,
        filter.q,
        filter.reason,
        filter.extension,
        filter.timekeeper,
      ]),
    )
    .digest('base64url')
    .slice(0, 12);
  return { query, key };
}

/** Where a page ended: its last item's (start time, id), for the filter it belongs to. */
export type CursorPosition = LineItemPosition;

export function encodeCursor(position: CursorPosition, filterKey: string): string {
  return encodeKeysetCursor([position.startTimeMs, position.id], filterKey);
}

export function decodeCursor(cursor: string, filterKey: string): CursorPosition {
  const [startTimeMs, id] = decodeKeysetCursor(cursor, filterKey, 2);
  return { startTimeMs, id };
}
