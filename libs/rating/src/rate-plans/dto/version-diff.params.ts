import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IdParam } from '@app/common';

const VERSION_NUMBER = (name: string) => `${name} must be a version number (1, 2, …)`;

/** `:id/versions/:a/diff/:b`: a plan and two of its version numbers, in either order. */
export class VersionDiffParams extends IdParam {
  @ApiProperty({ example: 1, description: 'The version the changes are from.' })
  @Type(() => Number)
  @IsInt({ message: VERSION_NUMBER('a') })
  @Min(1, { message: VERSION_NUMBER('a') })
  @Max(Number.MAX_SAFE_INTEGER, { message: VERSION_NUMBER('a') })
  a!: number;

  @ApiProperty({ example: 2, description: 'The version the changes lead to.' })
  @Type(() => Number)
  @IsInt({ message: VERSION_NUMBER('b') })
  @Min(1, { message: VERSION_NUMBER('b') })
  @Max(Number.MAX_SAFE_INTEGER, { message: VERSION_NUMBER('b') })
  b!: number;
}
