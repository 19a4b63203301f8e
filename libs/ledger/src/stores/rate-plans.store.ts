import { Injectable } from '@nestjs/common';
import { RatePlan, RatePlanVersion } from '../entities';
import { Ledger } from '../ledger';
import { SqlDialect, sqlDialect } from './dialect';
import { LedgerTx, managerOf } from '../ledger-tx';
import { readerOf } from './reader';
import { rethrowUnique } from './unique-violation';

/**
 * Rate plans and their immutable versions (the ledger refuses a change to a version: a new
 * one is added instead). Tables: rate_plans, rate_plan_versions. It holds the SQL of these
 * tables (its reads may join others'). Reads take the open transaction as their last argument
 * when they run inside one.
 */
@Injectable()
export class RatePlanStore {
  /** Each version's zone, kept on PostgreSQL only (see versionZones). */
  private readonly zones = new Map<number, string | null>();

  constructor(private readonly ledger: Ledger) {}

  private get sql(): SqlDialect {
    return sqlDialect(this.ledger.dialect);
  }

  /** Every plan, oldest first (without versions). */
  list(): Promise<RatePlan[]> {
    return this.ledger.manager.find(RatePlan, { order: { id: 'ASC' } });
  }

  findById(id: number, tx?: LedgerTx): Promise<RatePlan | null> {
    return readerOf(this.ledger, tx).findOneBy(RatePlan, { id });
  }

  /** Plans are found by name when a plan file is imported. */
  findByName(name: string, tx?: LedgerTx): Promise<RatePlan | null> {
    return readerOf(this.ledger, tx).findOneBy(RatePlan, { name });
  }

  /** A plan's versions, the one in force earliest first. */
  findVersions(ratePlanId: number, tx?: LedgerTx): Promise<RatePlanVersion[]> {
    return readerOf(this.ledger, tx).find(RatePlanVersion, {
      where: { ratePlanId },
      order: { effectiveFromMs: 'ASC' },
    });
  }

  /** Stores a new plan (its versions are added apart); a name another plan has is a 409. */
  async insertPlan(tx: LedgerTx, plan: Omit<RatePlan, 'id' | 'versions'>): Promise<RatePlan> {
    const manager = managerOf(tx);
    try {
      return await manager.save(manager.create(RatePlan, plan));
    } catch (error) {
      rethrowUnique(error, {
        'rate_plans.name': `A rate plan named "${plan.name}" already exists`,
      });
    }
  }

  /**
   * Adds a version to a plan; a version number or an instant in force the plan has already is
   * a 409.
   */
  async insertVersion(
    tx: LedgerTx,
    version: Omit<RatePlanVersion, 'id' | 'ratePlan'>,
  ): Promise<RatePlanVersion> {
    const manager = managerOf(tx);
    try {
      return await manager.save(manager.create(RatePlanVersion, version));
    } catch (error) {
      const plan = `Rate plan ${version.ratePlanId}`;
      rethrowUnique(error, {
        'rate_plan_versions.rate_plan_id, rate_plan_versions.version': `${plan} already has a version ${version.version}`,
        'rate_plan_versions.rate_plan_id, rate_plan_versions.effective_from_ms': `${plan} already has a version effective from that instant`,
      });
    }
  }

  /** When a plan last changed: a version added. */
  async markUpdated(tx: LedgerTx, id: number, updatedAtMs: number): Promise<void> {
    await managerOf(tx).update(RatePlan, { id }, { updatedAtMs });
  }

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
   * The account-code pattern a version's plan bills law firms' codes by (`billingAccount.pattern`
   * when `billingAccount.by` is `accountCode`), read in SQL like versionZones; null when none.
   */
  async accountPattern(versionId: number): Promise<string | null> {
    const [row] = await this.ledger.manager.query<{ by: unknown; pattern: unknown }[]>(
      `SELECT ${this.sql.jsonText('plan_json', 'billingAccount', 'by')} AS "by",
         ${this.sql.jsonText('plan_json', 'billingAccount', 'pattern')} AS "pattern"
       FROM rate_plan_versions WHERE id = ?`,
      [versionId],
    );
    return row?.by === 'accountCode' && typeof row.pattern === 'string' ? row.pattern : null;
  }

  /**
   * The zone each of these versions names (`timezone` of its plan document; null when it names
   * none), read from the document in SQL: a plan may be a rate table of thousands of prefixes,
   * not worth parsing for one field. On PostgreSQL the answers are kept: its `::jsonb` cast parses
   * the whole document each time (about 15 ms for a plan of 5,000 prefixes, most of a review
   * page's time), a version never changes, and its sequence never gives an id twice. SQLite
   * reads it each time (an id of a rolled-back version may be given again there).
   */
  async versionZones(ids: readonly number[], tx?: LedgerTx): Promise<Map<number, string | null>> {
    const known =
      this.ledger.dialect === 'postgres' ? this.zones : new Map<number, string | null>();
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length > 0) {
      // Inside the caller's transaction when it has one: on PostgreSQL a read beside it would
      // need a second connection of the pool.
      const manager = tx ? managerOf(tx) : this.ledger.manager;
      const versions = await manager.query<{ id: number; timezone: string | null }[]>(
        `SELECT id, ${this.sql.jsonText('plan_json', 'timezone')} AS "timezone" FROM rate_plan_versions
         WHERE id IN (${missing.map(() => '?').join(', ')})`,
        missing,
      );
      for (const version of versions) known.set(Number(version.id), version.timezone);
    }
    const found = new Map<number, string | null>();
    for (const id of ids) if (known.has(id)) found.set(id, known.get(id) ?? null);
    return found;
  }
}
