import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** The shared kernel every module may use: the clock. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class CommonModule {}
