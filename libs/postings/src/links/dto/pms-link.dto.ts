import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { POSTING_MODES, PostingMode } from '@app/ledger';
import { FIAS_CHARSETS, FiasCharset } from '@app/pms';

export const DEFAULT_ANSWER_TIMEOUT_MS = 30_000;
export const DEFAULT_ALIVE_INTERVAL_MS = 300_000;

export class CreatePmsLinkDto {
  @ApiProperty({ example: 'Grand Hotel OPERA' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'pms.hotel.internal', description: "The PMS interface's host." })
  @IsString()
  @Length(1, 253)
  @Matches(/^[A-Za-z0-9.:_-]+$/, { message: 'host must be a host name or an IP address' })
  host!: string;

  @ApiProperty({ example: 5010 })
  @IsInt()
  @Min(1)
  @Max(65535)
  port!: number;

  @ApiProperty({
    type: [Number],
    example: [1],
    description: 'The call-records sources whose rooms this link posts (a source has one link).',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  sourceIds!: number[];

  @ApiProperty({
    enum: POSTING_MODES,
    example: 'on-rating',
    description:
      '`on-rating`: every rated charge is posted as it arrives; `on-approval`: when an accountant approves it.',
  })
  @IsIn(POSTING_MODES)
  postingMode!: PostingMode;

  @ApiPropertyOptional({
    enum: ['ascii', 'cp850', 'windows-1252', 'iso-8859-1'],
    default: 'ascii',
    example: 'windows-1252',
  })
  @IsOptional()
  @IsIn(FIAS_CHARSETS)
  charset?: FiasCharset;

  @ApiPropertyOptional({
    default: DEFAULT_ANSWER_TIMEOUT_MS,
    example: DEFAULT_ANSWER_TIMEOUT_MS,
    minimum: 1000,
    maximum: 600_000,
    description: "How long to wait for a posting's answer before the link is suspect.",
  })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(600_000)
  answerTimeoutMs?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ALIVE_INTERVAL_MS,
    example: DEFAULT_ALIVE_INTERVAL_MS,
    minimum: 1000,
    maximum: 300_000,
    description: 'Silence after which the link is checked (LS); at most 5 minutes.',
  })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(300_000)
  aliveIntervalMs?: number;

  @ApiPropertyOptional({ default: true, example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdatePmsLinkDto extends PartialType(CreatePmsLinkDto) {}
