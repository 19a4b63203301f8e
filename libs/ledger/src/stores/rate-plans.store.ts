import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * Rate plans and their immutable versions.
 * Tables: rate_plans, rate_plan_versions. The only code that holds their SQL.
 */
@Injectable()
export class RatePlanStore {
  constructor(private readonly ledger: Ledger) {}
}
