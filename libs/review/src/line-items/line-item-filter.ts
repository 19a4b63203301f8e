import { createHash } from 'node:crypto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import {
  Absent,
  DomainError,
  IsDateOrInstant,
  decodeCursor as decodeKeysetCursor,
  encodeCursor as encodeKeysetCursor,
  optionalRange,
} from '@app/common';
import { LINE_ITEM_STATUSES, LineItemStatus } from '@app/ledger';
import { compareDecimals, currencyExponent, parseDecimal, pow10 } from '@app/money';
import { IsMoneyText } from '../money-text.validator';

/**
 * A filter's amounts are compared in every currency the ledger holds, rounded to each (see
 * amountBound), so they may have up to 6 decimals; 12 integer digits keep any currency's
 * minor units within SQLite's 64-bit integers.
 */
const FILTER_AMOUNT_RULES = { decimals: 6, max: '999999999999.999999' };

/** Which line items: every field narrows the set; none given is every item. */
export class LineItemFilterDto {
  @ApiPropertyOptional({ example: 1 })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  sourceId?: number;

  @ApiPropertyOptional({
    description: 'One status or several, comma-separated: `pending,needs-review`.',
    example: 'pending',
  })
  @Absent()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @ArrayNotEmpty({ message: 'status must name at least one status' })
  @IsIn(LINE_ITEM_STATUSES, {
    each: true,
    message: `status must be one or more of ${LINE_ITEM_STATUSES.join(', ')}`,
  })
  status?: LineItemStatus[];

  @ApiPropertyOptional({ example: 'ROOM-1012' })
  @Absent()
  @IsString()
  @Length(1, 200)
  billingAccount?: string;

  @ApiPropertyOptional({ example: 'international' })
  @Absent()
  @IsString()
  @Length(1, 100)
  destinationClass?: string;

  @ApiPropertyOptional({
    example: '2026-03-02',
    description:
      "Start time, from (included): a date-time with an offset, or a date meaning its midnight in the source's zone (`sourceId`) or else the default business's.",
  })
  @Absent()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-09',
    description:
      'Start time, before (excluded): a date is the midnight that starts it, so `from=2026-11-01&to=2026-12-01` is November.',
  })
  @Absent()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({ example: '1.00', description: 'Billed amount, at least.' })
  @Absent()
  @IsMoneyText(FILTER_AMOUNT_RULES)
  minAmount?: string;

  @ApiPropertyOptional({
    example: '100.00',
    description: 'Billed amount, at most; not below minAmount.',
  })
  @Absent()
  @IsMoneyText(FILTER_AMOUNT_RULES)
  maxAmount?: string;

  @ApiPropertyOptional({
    example: '555-0100',
    description: 'Found in the dialed or normalised number or the account code.',
  })
  @Absent()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class LineItemPageQueryDto extends LineItemFilterDto {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the page before.' })
  @Absent()
  @IsString()
  @Length(1, 500)
  cursor?: string;

  @ApiPropertyOptional({
    default: true,
    description:
      'First page only: the count and sums of everything matched. `false` skips them (a broad filter sums every item it matches).',
  })
  @Absent()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'totals must be true or false' })
  totals?: boolean;
}

export interface CompiledFilter {
  where: string;
  params: unknown[];
  /** Identifies the filter, so that a cursor is refused by another one. */
  key: string;
}

/** `%`, `_` and `\` in a search are themselves, not patterns. */
const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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

/**
 * The filter as SQL over `line_items`, with the currencies the ledger holds for amounts and the
 * zone its plain dates are read in.
 */
export function compileFilter(
  filter: LineItemFilterDto,
  currencies: string[],
  zone: string,
): CompiledFilter {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.sourceId !== undefined) {
    clauses.push('source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.status !== undefined) {
    clauses.push(`status IN (${filter.status.map(() => '?').join(', ')})`);
    params.push(...filter.status);
  }
  if (filter.billingAccount !== undefined) {
    clauses.push('billing_account = ?');
    params.push(filter.billingAccount);
  }
  if (filter.destinationClass !== undefined) {
    clauses.push('destination_class = ?');
    params.push(filter.destinationClass);
  }
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
  if (fromMs !== undefined) {
    clauses.push('start_time_ms >= ?');
    params.push(fromMs);
  }
  if (toMs !== undefined) {
    clauses.push('start_time_ms < ?');
    params.push(toMs);
  }
  for (const [text, op, round] of [
    [filter.minAmount, '>=', 'up'],
    [filter.maxAmount, '<=', 'down'],
  ] as const) {
    if (text === undefined) continue;
    const perCurrency = currencies.map((currency) => {
      params.push(currency, amountBound(text, currency, round));
      return `(currency = ? AND amount_minor ${op} ?)`;
    });
    clauses.push(perCurrency.length > 0 ? `(${perCurrency.join(' OR ')})` : '0');
  }
  if (filter.q !== undefined) {
    clauses.push(
      `(dialed_number LIKE ? ESCAPE '\\' OR normalized_number LIKE ? ESCAPE '\\' OR account_code LIKE ? ESCAPE '\\')`,
    );
    const pattern = likeEscaped(filter.q);
    params.push(pattern, pattern, pattern);
  }
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
      ]),
    )
    .digest('base64url')
    .slice(0, 12);
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params, key };
}

/** Where a page ended: its last item's (start time, id), for the filter it belongs to. */
export interface CursorPosition {
  startTimeMs: number;
  id: number;
}

export function encodeCursor(position: CursorPosition, filterKey: string): string {
  return encodeKeysetCursor([position.startTimeMs, position.id], filterKey);
}

export function decodeCursor(cursor: string, filterKey: string): CursorPosition {
  const [startTimeMs, id] = decodeKeysetCursor(cursor, filterKey, 2);
  return { startTimeMs, id };
}
