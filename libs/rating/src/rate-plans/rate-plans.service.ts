import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, DomainError } from '@app/common';
import { AuditLog, Ledger, RatePlan, RatePlanVersion } from '@app/ledger';
import { CompiledPlan, InvalidPlanError, compilePlan } from '../engine';
import type { PerCallPlan, RatePlanDocument } from '../plan/rate-plan';
import { parseRateTable, withRateTable } from './rate-table-csv';
import { validateRatePlan, validateRatePlanVersion } from '../validation';

/** A plan's first version is in force from the beginning of time unless it says otherwise. */
export const BEGINNING_MS = 0;

export interface PlanWithVersions {
  plan: RatePlan;
  versions: RatePlanVersion[];
}

/** What importing a plan file did. */
export type ImportOutcome = 'created' | 'new-version' | 'unchanged';

/**
 * Rate plans and their versions. A version never changes (the ledger refuses it); editing a
 * plan adds a version with the instant it takes effect. Records are rated with the version in
 * force at their start.
 */
@Injectable()
export class RatePlansService {
  /** Versions are immutable, so their compiled form can be kept for the life of the process. */
  private readonly compiled = new Map<number, CompiledPlan>();

  constructor(
    private readonly ledger: Ledger,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Validates and stores a new plan with its first version. */
  create(input: unknown, actor: Actor): Promise<PlanWithVersions> {
    const effectiveFrom = hasEffectiveFrom(input) ? validateRatePlanVersion(input) : undefined;
    const validation = effectiveFrom ?? validateRatePlan(input);
    if (!validation.ok) throw DomainError.invalid('rate plan', validation.errors);
    const effectiveFromMs = effectiveFrom?.ok ? effectiveFrom.effectiveFromMs : BEGINNING_MS;
    return this.ledger.transaction(async (manager) => {
      const document = validation.plan;
      await this.assertNameFree(manager, document.name, null);
      const now = this.clock.now();
      const plan = await manager.save(
        manager.create(RatePlan, {
          name: document.name,
          kind: document.kind,
          currency: document.currency,
          createdAtMs: now,
          updatedAtMs: now,
        }),
      );
      const version = await this.insertVersion(manager, plan, 1, effectiveFromMs, document, actor);
      await this.audit.record(
        manager,
        actor,
        {
          action: 'rate-plan.create',
          entityType: 'rate-plan',
          entityId: plan.id,
          newValue: { version: 1, effectiveFrom: iso(effectiveFromMs), plan: document },
        },
        now,
      );
      return { plan, versions: [version] };
    });
  }

  /** Adds a version `{ effectiveFrom, ...plan }` to a plan. */
  async addVersion(planId: number, input: unknown, actor: Actor): Promise<PlanWithVersions> {
    await this.get(planId); // an unknown plan is a 404, whatever the body says
    const validation = validateRatePlanVersion(input);
    if (!validation.ok) throw DomainError.invalid('rate plan', validation.errors);
    return this.ledger.transaction(async (manager) => {
      const { plan, versions } = await this.load(manager, planId);
      const document = validation.plan;
      this.assertCompatible(plan, document);
      const clash = versions.find((v) => v.effectiveFromMs === validation.effectiveFromMs);
      if (clash) {
        throw new DomainError(
          'conflict',
          `Rate plan ${planId} already has version ${clash.version} effective from ${iso(clash.effectiveFromMs)}`,
        );
      }
      if (document.name !== plan.name) await this.assertNameFree(manager, document.name, plan.id);
      const number = Math.max(...versions.map((v) => v.version)) + 1;
      const version = await this.insertVersion(
        manager,
        plan,
        number,
        validation.effectiveFromMs,
        document,
        actor,
      );
      const now = this.clock.now();
      await manager.update(RatePlan, { id: plan.id }, { name: document.name, updatedAtMs: now });
      await this.audit.record(
        manager,
        actor,
        {
          action: 'rate-plan.add-version',
          entityType: 'rate-plan',
          entityId: plan.id,
          oldValue: { name: plan.name, versions: versions.length },
          newValue: {
            version: number,
            effectiveFrom: iso(validation.effectiveFromMs),
            plan: document,
          },
        },
        now,
      );
      return {
        plan: { ...plan, name: document.name, updatedAtMs: now },
        versions: [...versions, version].sort(byEffectiveFrom),
      };
    });
  }

  /**
   * Imports a plan file: a new plan, a new version of the plan with that name, or nothing when
   * the plan already has an identical version from that instant (so imports are repeatable).
   */
  async importPlan(
    input: unknown,
    actor: Actor,
  ): Promise<{ outcome: ImportOutcome } & PlanWithVersions> {
    const name = isObject(input) ? input.name : undefined;
    const existing =
      typeof name === 'string' ? await this.ledger.manager.findOneBy(RatePlan, { name }) : null;
    if (!existing) return { outcome: 'created', ...(await this.create(input, actor)) };

    // A file without `effectiveFrom` takes effect now, unless it is what is already in force.
    const dated = hasEffectiveFrom(input);
    const versionInput = dated
      ? input
      : { ...(input as object), effectiveFrom: iso(this.clock.now()) };
    const validation = validateRatePlanVersion(versionInput);
    if (!validation.ok) throw DomainError.invalid('rate plan', validation.errors);
    const current = await this.get(existing.id);
    const json = JSON.stringify(validation.plan);
    const same = dated
      ? current.versions.find(
          (v) => v.effectiveFromMs === validation.effectiveFromMs && v.planJson === json,
        )
      : this.inForce(current.versions, validation.effectiveFromMs)?.version.planJson === json;
    if (same) return { outcome: 'unchanged', ...current };
    return { outcome: 'new-version', ...(await this.addVersion(existing.id, versionInput, actor)) };
  }

  /**
   * A new version of a per-call plan whose destinations and rates come from a carrier's rate
   * table (CSV); everything else is the latest version's.
   */
  async importRateTable(
    planId: number,
    csv: string,
    effectiveFrom: string | undefined,
    actor: Actor,
  ): Promise<PlanWithVersions> {
    const { plan, versions } = await this.get(planId);
    if (plan.kind !== 'per-call') {
      throw new DomainError(
        'bad-request',
        `Rate plan ${planId} is ${plan.kind}: rate tables are for per-call plans`,
      );
    }
    const table = parseRateTable(csv);
    if (!table.ok) throw DomainError.invalid('rate table', table.errors);
    const latest = this.document(versions[versions.length - 1]) as PerCallPlan;
    const input = {
      effectiveFrom: effectiveFrom ?? iso(this.clock.now()),
      ...withRateTable(latest, table),
    };
    return this.addVersion(planId, input, actor);
  }

  list(): Promise<RatePlan[]> {
    return this.ledger.manager.find(RatePlan, { order: { id: 'ASC' } });
  }

  async get(planId: number): Promise<PlanWithVersions> {
    return this.load(this.ledger.manager, planId);
  }

  /** The version in force at `startTimeMs`, compiled; null before the plan's first version. */
  inForce(
    versions: RatePlanVersion[],
    startTimeMs: number,
  ): { version: RatePlanVersion; compiled: CompiledPlan } | null {
    let found: RatePlanVersion | undefined;
    for (const version of versions) {
      if (version.effectiveFromMs <= startTimeMs) found = version;
      else break;
    }
    return found ? { version: found, compiled: this.compile(found) } : null;
  }

  document(version: RatePlanVersion): RatePlanDocument {
    return JSON.parse(version.planJson) as RatePlanDocument;
  }

  private compile(version: RatePlanVersion): CompiledPlan {
    let compiled = this.compiled.get(version.id);
    if (!compiled) {
      compiled = compilePlan(this.document(version));
      this.compiled.set(version.id, compiled);
    }
    return compiled;
  }

  private async load(manager: EntityManager, planId: number): Promise<PlanWithVersions> {
    const plan = await manager.findOneBy(RatePlan, { id: planId });
    if (!plan) throw new DomainError('not-found', `Rate plan ${planId} does not exist`);
    const versions = await manager.find(RatePlanVersion, {
      where: { ratePlanId: planId },
      order: { effectiveFromMs: 'ASC' },
    });
    return { plan, versions };
  }

  private assertCompatible(plan: RatePlan, document: RatePlanDocument): void {
    if (document.kind !== plan.kind) {
      throw new DomainError('bad-request', `kind must stay ${plan.kind} in every version`, [
        { field: 'kind', message: `must stay ${plan.kind} in every version of the plan` },
      ]);
    }
    if (document.currency !== plan.currency) {
      throw new DomainError('bad-request', `currency must stay ${plan.currency} in every version`, [
        { field: 'currency', message: `must stay ${plan.currency} in every version of the plan` },
      ]);
    }
  }

  private async assertNameFree(
    manager: EntityManager,
    name: string,
    ownId: number | null,
  ): Promise<void> {
    const other = await manager.findOneBy(RatePlan, { name });
    if (other && other.id !== ownId) {
      throw new DomainError(
        'conflict',
        `A rate plan named "${name}" already exists (id ${other.id})`,
      );
    }
  }

  private insertVersion(
    manager: EntityManager,
    plan: RatePlan,
    version: number,
    effectiveFromMs: number,
    document: RatePlanDocument,
    actor: Actor,
  ): Promise<RatePlanVersion> {
    // Compiling refuses what validation cannot see (it should never happen), before storing.
    try {
      compilePlan(document);
    } catch (error) {
      if (!(error instanceof InvalidPlanError)) throw error;
      throw DomainError.invalid('rate plan', [{ field: error.path, message: error.message }]);
    }
    return manager.save(
      manager.create(RatePlanVersion, {
        ratePlanId: plan.id,
        version,
        effectiveFromMs,
        planJson: JSON.stringify(document),
        createdAtMs: this.clock.now(),
        createdBy: actor.name,
      }),
    );
  }
}

function isObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

function hasEffectiveFrom(input: unknown): boolean {
  return isObject(input) && 'effectiveFrom' in input;
}

function byEffectiveFrom(a: RatePlanVersion, b: RatePlanVersion): number {
  return a.effectiveFromMs - b.effectiveFromMs;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
