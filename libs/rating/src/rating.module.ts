import { Module } from '@nestjs/common';

/** Rate plans and the pure rating engine; filled by the rating issue. */
@Module({})
export class RatingModule {}
