import { Injectable } from '@nestjs/common';
import { RatePlanVersion } from '../entities';
import { Ledger } from '../ledger';

/**
 * Rate plans and their immutable versions.
 * Tables: rate_plans, rate_plan_versions. The only code that holds their SQL.
 */
@Injectable()
export class RatePlanStore {
  constructor(private readonly ledger: Ledger) {}

  // --- used by review

  /** The currencies of every plan, in order: those a line item can be in. */
  async currencies(): Promise<string[]> {
    const plans = await this.ledger.manager.query<{ currency: string }[]>(
      'SELECT DISTINCT currency FROM rate_plans ORDER BY currency',
    );
    return plans.map((plan) => plan.currency);
  }

  /** One plan version; null when there is none. */
  findVersion(id: number): Promise<RatePlanVersion | null> {
    return this.ledger.manager.findOneBy(RatePlanVersion, { id });
  }

  /**
   * The zone each of these versions names (`timezone` of its plan document; null when it names
   * none), read from the document in SQL: a plan may be a rate table of thousands of prefixes,
   * not worth parsing for one field.
   */
  async versionZones(ids: readonly number[]): Promise<Map<number, string | null>> {
    if (ids.length === 0) return new Map();
    const versions = await this.ledger.manager.query<{ id: number; timezone: string | null }[]>(
      `SELECT id, json_extract(plan_json, '$.timezone') AS timezone FROM rate_plan_versions
       WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [...ids],
    );
    return new Map(versions.map((version) => [version.id, version.timezone]));
  }
}
