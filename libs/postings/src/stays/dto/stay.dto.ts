import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { isoTime } from '@app/common';
import { Stay, STAY_ENDINGS } from '@app/ledger';

export class StaysQueryDto {
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  linkId?: number;

  @ApiPropertyOptional({ example: '1012' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  room?: string;

  @ApiPropertyOptional({
    example: '2026-12-07T14:30:00Z',
    description: 'Stays that held their room at this instant (ISO 8601 with a zone).',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true },
    { message: 'at must be an ISO 8601 date-time, e.g. 2026-12-07T14:30:00Z' },
  )
  at?: string;

  @ApiPropertyOptional({ example: '482913', description: 'The PMS reservation number (G#).' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  reservation?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A guest in a room from one instant to another, as the PMS told it. */
export class StayView {
  @ApiProperty() id!: number;
  @ApiProperty() linkId!: number;
  @ApiProperty() room!: string;
  @ApiProperty({ description: 'The PMS reservation number (G#).' }) reservation!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) guestName!: string | null;
  @ApiProperty({ description: 'A second guest sharing the room.' }) sharer!: boolean;
  @ApiProperty() from!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null while in house.' })
  to!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: STAY_ENDINGS, type: String })
  endedBy!: string | null;

  static of(stay: Stay): StayView {
    return {
      id: stay.id,
      linkId: stay.linkId,
      room: stay.room,
      reservation: stay.reservation,
      guestName: stay.guestName,
      sharer: stay.sharer,
      from: isoTime(stay.fromMs),
      to: stay.toMs === null ? null : isoTime(stay.toMs),
      endedBy: stay.endedBy,
    };
  }
}

export class StayListView {
  @ApiProperty({ type: [StayView] }) items!: StayView[];
}
