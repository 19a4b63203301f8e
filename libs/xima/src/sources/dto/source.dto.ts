import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  buildMessage,
} from 'class-validator';
import { validateCronExpression } from 'cron';
import { IANAZone } from 'luxon';
import { SOURCE_KINDS, SourceKind } from '@app/ledger';

/** Canonical fields a source may map to report column titles (docs/xima-reports.md, "Report kinds"). */
export const COLUMN_FIELDS = [
  'callId',
  'startTime',
  'direction',
  'extension',
  'dialedNumber',
  'talkMs',
  'accountCode',
  'calls',
  'totalTalkMs',
] as const;

export type SourceColumns = Partial<Record<(typeof COLUMN_FIELDS)[number], string[]>>;

function isColumnMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([field, titles]) =>
      (COLUMN_FIELDS as readonly string[]).includes(field) &&
      Array.isArray(titles) &&
      titles.length >= 1 &&
      titles.length <= 10 &&
      titles.every((t) => typeof t === 'string' && t.trim().length > 0 && t.length <= 200),
  );
}

function IsColumnMap(): PropertyDecorator {
  return ValidateBy({
    name: 'isColumnMap',
    validator: {
      validate: isColumnMap,
      defaultMessage: buildMessage(
        () =>
          `columns must map ${COLUMN_FIELDS.join(', ')} to 1-10 report column titles, e.g. { "talkMs": ["Talk Time"] }`,
      ),
    },
  });
}

/** Extra request parameters, sent verbatim; the timeframe is ours to set. */
function IsXimaParameters(): PropertyDecorator {
  return ValidateBy({
    name: 'isXimaParameters',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every(
          (p) =>
            typeof p === 'object' &&
            p !== null &&
            !Array.isArray(p) &&
            (p as { valueType?: unknown }).valueType !== 'REPORT_TIMEFRAME',
        ) &&
        JSON.stringify(value).length <= 20_000,
      defaultMessage: buildMessage(
        () =>
          'parameters must be an array of Xima request parameters (objects, at most 20 kB), without REPORT_TIMEFRAME: sync sets the timeframe',
      ),
    },
  });
}

function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
      defaultMessage: buildMessage(
        () => 'timezone must be an IANA time zone such as America/Denver',
      ),
    },
  });
}

function IsCron(): PropertyDecorator {
  return ValidateBy({
    name: 'isCron',
    validator: {
      validate: (value: unknown) =>
        value === null || (typeof value === 'string' && validateCronExpression(value).valid),
      defaultMessage: buildMessage(() => 'syncCron must be a cron expression such as "0 * * * *"'),
    },
  });
}

function IsDeliveryUrl(): PropertyDecorator {
  return ValidateBy({
    name: 'isDeliveryUrl',
    validator: {
      validate: (value: unknown) => {
        if (value === null) return true;
        if (typeof value !== 'string' || value.length > 2000) return false;
        try {
          const url = new URL(value);
          const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
          return (
            !url.username &&
            !url.password &&
            (url.protocol === 'https:' || (url.protocol === 'http:' && loopback))
          );
        } catch {
          return false;
        }
      },
      defaultMessage: buildMessage(
        () =>
          'deliveryUrl must be an https URL (http only to localhost) without a user name or password (the secret goes in deliverySecret), or null',
      ),
    },
  });
}

/** May be left out, but not null: the column has a value. */
const NotNullIfPresent = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined);

/** A Xima report to pull (docs/api.md, "Sources and sync"). */
export class CreateSourceDto {
  @ApiProperty({ example: 'Grand Hotel room calls' })
  @IsString()
  @Length(1, 200)
  @Matches(/^\S(.*\S)?$/, { message: 'name must not start or end with a space' })
  name!: string;

  @ApiProperty({ enum: SOURCE_KINDS, example: 'call-records' })
  @IsIn(SOURCE_KINDS, { message: `kind must be one of ${SOURCE_KINDS.join(', ')}` })
  kind!: SourceKind;

  @ApiProperty({ example: 'LT39K5C5', description: 'The report key from API Enablement.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'historicDataKey must be 1-64 letters, digits, _ or -',
  })
  historicDataKey!: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: 'ratePlanId must be the id of a rate plan' })
  @Min(1, { message: 'ratePlanId must be the id of a rate plan' })
  ratePlanId!: number;

  @ApiPropertyOptional({
    example: 2,
    description: 'The business whose calls these are; the default business when left out.',
  })
  @IsOptional()
  @IsInt({ message: 'businessId must be the id of a business' })
  @Min(1, { message: 'businessId must be the id of a business' })
  businessId?: number;

  @ApiProperty({ example: 'America/Denver' })
  @IsTimeZone()
  timezone!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { talkMs: ['Talk Time'] },
  })
  @IsOptional()
  @IsColumnMap()
  columns?: SourceColumns;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [],
    description: 'Extra Xima request parameters, sent as they are; sync sets the timeframe.',
  })
  @IsOptional()
  @IsXimaParameters()
  @ArrayMaxSize(50)
  parameters?: object[];

  @ApiPropertyOptional({ default: true, example: true })
  @NotNullIfPresent()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    default: false,
    example: false,
    description: 'Approve pending line items at once.',
  })
  @NotNullIfPresent()
  @IsBoolean()
  autoApprove?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '0 * * * *',
    description: 'Overrides SYNC_CRON.',
  })
  @IsOptional()
  @IsCron()
  syncCron?: string | null;

  @ApiPropertyOptional({ default: 1, example: 1, description: 'Days per request to Xima.' })
  @NotNullIfPresent()
  @IsInt()
  @Min(1)
  @Max(31)
  chunkDays?: number;

  @ApiPropertyOptional({
    default: 60,
    example: 60,
    description: 'Minutes re-read before the watermark.',
  })
  @NotNullIfPresent()
  @IsInt()
  @Min(0)
  @Max(10_080)
  overlapMinutes?: number;

  @ApiPropertyOptional({
    default: 15,
    example: 15,
    description: 'Minutes before now left for Xima to settle.',
  })
  @NotNullIfPresent()
  @IsInt()
  @Min(0)
  @Max(1_440)
  settleMinutes?: number;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'https://billing.example.com/hooks/invoices',
    description:
      'Billing system that receives finalized invoices: https (http only to localhost), no user name or password; needs deliverySecret.',
  })
  @IsOptional()
  @IsDeliveryUrl()
  deliveryUrl?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'a-long-random-secret-shared-with-the-receiver',
    description: 'HMAC secret for deliveries, 16 to 200 characters; write-only.',
  })
  @IsOptional()
  @IsString()
  @Length(16, 200, { message: 'deliverySecret must be 16 to 200 characters' })
  deliverySecret?: string | null;
}

export class UpdateSourceDto extends PartialType(CreateSourceDto) {}
