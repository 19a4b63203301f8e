import { Injectable } from '@nestjs/common';

/** The time, behind a class that tests can replace. */
@Injectable()
export class Clock {
  /** Epoch milliseconds. */
  now(): number {
    return Date.now();
  }
}
