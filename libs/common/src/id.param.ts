import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `:id` in a path: a positive integer. */
export class IdParam {
  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt({ message: 'id must be a positive integer' })
  @Min(1, { message: 'id must be a positive integer' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'id must be a positive integer' })
  id!: number;
}
