import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { POSTING_STATUSES, PostingStatus } from '@app/ledger';

export class PostingsQueryDto {
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  linkId?: number;

  @ApiPropertyOptional({ enum: POSTING_STATUSES })
  @IsOptional()
  @IsIn(POSTING_STATUSES)
  status?: PostingStatus;

  @ApiPropertyOptional({ example: '1012' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  room?: string;

  @ApiPropertyOptional({ example: 7, description: "A line item's postings." })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  lineItemId?: number;

  @ApiPropertyOptional({ description: 'Postings older than this id (the next page).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeId?: number;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class PostingVersionDto {
  @ApiProperty({ description: 'The version of the exception acted on.', example: 2 })
  @IsInt({ message: 'version must be a positive integer' })
  @Min(1, { message: 'version must be a positive integer' })
  version!: number;
}

export class RerouteDto extends PostingVersionDto {
  @ApiProperty({ example: '1014', description: "The room whose guest's folio takes the charge." })
  @IsString({ message: 'room is required' })
  @Matches(/^[A-Za-z0-9-]{1,10}$/, { message: 'room must be 1-10 letters, digits or -' })
  room!: string;
}

export class PostingReasonDto extends PostingVersionDto {
  @ApiProperty({ example: 'Guest disputed the call at check-out' })
  @IsString({ message: 'reason is required' })
  @Length(1, 500)
  reason!: string;
}
