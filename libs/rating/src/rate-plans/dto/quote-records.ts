import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationError,
  buildMessage,
  validateSync,
} from 'class-validator';
import { ErrorDetail, validationDetails } from '@app/common';
import type { AccountSummaryRecord, CanonicalCallRecord } from '../../plan/rate-plan';

/** At most this many records in one quote (a day of a large hotel fits). */
export const MAX_QUOTE_RECORDS = 10_000;

/** A call longer than 31 days is not a call; a summary period's talk is capped at 10 years. */
const MAX_TALK_MS = 31 * 86_400_000;
const MAX_TOTAL_TALK_MS = 3_650 * 86_400_000;
const MAX_CALLS = 100_000_000;
/** The last instant JavaScript dates can hold. */
const MAX_INSTANT_MS = 8_640_000_000_000_000;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant: ISO-8601 with an offset, or epoch milliseconds. Returns epoch ms or undefined. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 && value <= MAX_INSTANT_MS ? value : undefined;
  }
  if (typeof value === 'string' && ISO_WITH_OFFSET.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) || ms < 0 ? undefined : ms;
  }
  return undefined;
}

function IsInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => parseInstant(value) !== undefined,
      defaultMessage: buildMessage(
        () =>
          'must be ISO-8601 with an offset (2026-03-10T14:05:00-07:00) or epoch milliseconds, from 1970',
      ),
    },
  });
}

const messageOnly = (message: string) => ({ message });

export class CallRecordInput {
  @IsOptional()
  @IsString(messageOnly('must be a string'))
  @MaxLength(200, messageOnly('must be at most 200 characters'))
  callId?: string;

  @IsInstant()
  startTime!: string | number;

  @IsIn(['outbound', 'inbound', 'internal'], messageOnly('must be outbound, inbound or internal'))
  direction!: 'outbound' | 'inbound' | 'internal';

  @IsOptional()
  @IsString(messageOnly('must be a string'))
  @MaxLength(100, messageOnly('must be at most 100 characters'))
  extension?: string | null;

  @IsOptional()
  @IsString(messageOnly('must be a string'))
  @MaxLength(100, messageOnly('must be at most 100 characters'))
  dialedNumber?: string | null;

  @IsInt(messageOnly('must be a whole number of milliseconds'))
  @Min(0, messageOnly('must not be negative'))
  @Max(MAX_TALK_MS, messageOnly(`must be at most ${MAX_TALK_MS} (31 days)`))
  talkMs!: number;

  @IsOptional()
  @IsString(messageOnly('must be a string'))
  @MaxLength(100, messageOnly('must be at most 100 characters'))
  accountCode?: string | null;
}

export class SummaryRecordInput {
  @IsOptional()
  @IsString(messageOnly('must be a string'))
  @MaxLength(200, messageOnly('must be at most 200 characters'))
  callId?: string;

  @IsString(messageOnly('must be a string'))
  @MaxLength(100, messageOnly('must be at most 100 characters'))
  accountCode!: string;

  @IsInt(messageOnly('must be a whole number'))
  @Min(0, messageOnly('must not be negative'))
  @Max(MAX_CALLS, messageOnly(`must be at most ${MAX_CALLS}`))
  calls!: number;

  @IsInt(messageOnly('must be a whole number of milliseconds'))
  @Min(0, messageOnly('must not be negative'))
  @Max(MAX_TOTAL_TALK_MS, messageOnly(`must be at most ${MAX_TOTAL_TALK_MS} (10 years)`))
  totalTalkMs!: number;

  @IsInstant()
  periodStart!: string | number;

  @IsInstant()
  periodEnd!: string | number;
}

export type QuoteRecords =
  | { kind: 'per-call'; records: CanonicalCallRecord[] }
  | { kind: 'account-summary'; records: AccountSummaryRecord[] };

/** A quote's records, checked against the plan's kind; every failing field named by its path. */
export function parseQuoteRecords(
  body: unknown,
  kind: 'per-call' | 'account-summary',
): { ok: true; value: QuoteRecords } | { ok: false; errors: ErrorDetail[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ field: '', message: 'must be a JSON object { records: [...] }' }],
    };
  }
  const unknown = Object.keys(body).filter((k) => k !== 'records');
  const records = (body as { records?: unknown }).records;
  const errors: ErrorDetail[] = unknown.map((field) => ({
    field,
    message: 'is not a known field',
  }));
  if (!Array.isArray(records)) {
    errors.push({ field: 'records', message: 'must be an array of records' });
    return { ok: false, errors };
  }
  if (records.length === 0 || records.length > MAX_QUOTE_RECORDS) {
    errors.push({ field: 'records', message: `must hold 1 to ${MAX_QUOTE_RECORDS} records` });
    return { ok: false, errors };
  }
  const type: new () => object = kind === 'per-call' ? CallRecordInput : SummaryRecordInput;
  records.forEach((record: unknown, index) => {
    const path = `records.${index}`;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push({ field: path, message: 'must be an object' });
      return;
    }
    const found: ValidationError[] = plainlyValid(record as Record<string, unknown>, kind)
      ? []
      : validateSync(plainToInstance(type, record), {
          whitelist: true,
          forbidNonWhitelisted: true,
        });
    for (const detail of validationDetails(found)) {
      errors.push({
        field: `${path}.${detail.field}`,
        message: detail.message.startsWith('property ') ? 'is not a known field' : detail.message,
      });
    }
    if (kind === 'account-summary' && found.length === 0) {
      const { periodStart, periodEnd } = record as SummaryRecordInput;
      if (parseInstant(periodEnd)! <= parseInstant(periodStart)!) {
        errors.push({ field: `${path}.periodEnd`, message: 'must be after periodStart' });
      }
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: toCanonical(records as Record<string, unknown>[], kind) };
}

const CALL_FIELDS = new Set([
  'callId',
  'startTime',
  'direction',
  'extension',
  'dialedNumber',
  'talkMs',
  'accountCode',
]);
const SUMMARY_FIELDS = new Set([
  'callId',
  'accountCode',
  'calls',
  'totalTalkMs',
  'periodStart',
  'periodEnd',
]);

/**
 * The usual record, checked by hand by the rules of the DTOs above: class-validator takes about
 * a tenth of a millisecond a record, a second for a full quote, which blocks every other request
 * (decision 0015). Only `true` is trusted: anything else goes through the DTO, which names what
 * is wrong.
 */
export function plainlyValid(
  r: Record<string, unknown>,
  kind: 'per-call' | 'account-summary',
): boolean {
  const fields = kind === 'per-call' ? CALL_FIELDS : SUMMARY_FIELDS;
  for (const key of Object.keys(r)) if (!fields.has(key)) return false;
  if (!optionalText(r.callId, 200)) return false;
  if (kind === 'account-summary') {
    return (
      typeof r.accountCode === 'string' &&
      r.accountCode.length <= 100 &&
      wholeNumber(r.calls, MAX_CALLS) &&
      wholeNumber(r.totalTalkMs, MAX_TOTAL_TALK_MS) &&
      parseInstant(r.periodStart) !== undefined &&
      parseInstant(r.periodEnd) !== undefined
    );
  }
  return (
    parseInstant(r.startTime) !== undefined &&
    (r.direction === 'outbound' || r.direction === 'inbound' || r.direction === 'internal') &&
    optionalText(r.extension, 100) &&
    optionalText(r.dialedNumber, 100) &&
    optionalText(r.accountCode, 100) &&
    wholeNumber(r.talkMs, MAX_TALK_MS)
  );
}

function optionalText(value: unknown, maxLength: number): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.length <= maxLength)
  );
}

function wholeNumber(value: unknown, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function toCanonical(
  records: Record<string, unknown>[],
  kind: 'per-call' | 'account-summary',
): QuoteRecords {
  if (kind === 'per-call') {
    return {
      kind,
      records: records.map((r, index) => ({
        callId: typeof r.callId === 'string' ? r.callId : `quote-${index}`,
        startTimeMs: parseInstant(r.startTime)!,
        direction: r.direction as CanonicalCallRecord['direction'],
        extension: typeof r.extension === 'string' ? r.extension : null,
        dialedNumber: typeof r.dialedNumber === 'string' ? r.dialedNumber : null,
        talkMs: r.talkMs as number,
        accountCode: typeof r.accountCode === 'string' ? r.accountCode : null,
      })),
    };
  }
  return {
    kind,
    records: records.map((r) => ({
      accountCode: r.accountCode as string,
      calls: r.calls as number,
      totalTalkMs: r.totalTalkMs as number,
      periodStartMs: parseInstant(r.periodStart)!,
      periodEndMs: parseInstant(r.periodEnd)!,
    })),
  };
}
